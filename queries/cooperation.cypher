// Who cooperates with whom: asserted relations in the verbal and material cooperation
// quad classes (agree, consult, support, concede, cooperate, aid, retreat), one row per
// source, relation type and target, strongest first.
// params: min_count (int, default 1), limit (int, default 100)
MATCH (a:Actor)-[r]->(b:Actor)
WHERE type(r) <> 'CLAIM' AND r.quad IN ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION']
  AND r.count >= $min_count
RETURN a.id AS source_id, a.name AS source, type(r) AS relation, r.quad AS quad,
       b.id AS target_id, b.name AS target, r.count AS mentions, r.documents AS documents
ORDER BY mentions DESC, source_id ASC, relation ASC, target_id ASC
LIMIT $limit
