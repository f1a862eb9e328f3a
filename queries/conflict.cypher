// Who is in conflict with whom: asserted relations (vocabulary-typed, not CLAIM) in the verbal and material conflict
// quad classes (request, accuse, reject, threaten, protest, sanction, mobilize, coerce,
// assault), one row per source, relation type and target, strongest first.
// params: min_count (int, default 1), limit (int, default 100)
MATCH (a:Actor)-[r]->(b:Actor)
WHERE type(r) <> 'CLAIM' AND r.quad IN ['VERBAL_CONFLICT', 'MATERIAL_CONFLICT']
  AND r.count >= $min_count
RETURN a.id AS source_id, a.name AS source, type(r) AS relation, r.quad AS quad,
       b.id AS target_id, b.name AS target, r.count AS mentions, r.documents AS documents
ORDER BY mentions DESC, source_id ASC, relation ASC, target_id ASC
LIMIT $limit
