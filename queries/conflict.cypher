// Who is in conflict with whom: asserted relations in the verbal and material conflict
// quad classes (request, accuse, reject, threaten, protest, sanction, mobilize, coerce,
// assault), one row per source, relation type and target, strongest first.
// params: min_count (int, default 1), limit (int, default 100)
// The relationship types of these quad classes in the vocabulary, spelled out so Ladybug
// scans those tables only (tests/test_queries.py checks them against the vocabulary).
// Types added by an extra --relations file are not among them.
MATCH (a:Actor)-[r:ABDUCTS|ACCUSES|ARRESTS|ATTACKS|COERCES|CRITICIZES|DEMANDS|FIGHTS|
       KILLS|MOBILIZES_AGAINST|OPPOSES|PROTESTS_AGAINST|REJECTS|SANCTIONS|THREATENS|
       URGES]->(b:Actor)
WHERE r.quad IN ['VERBAL_CONFLICT', 'MATERIAL_CONFLICT'] AND r.count >= $min_count
RETURN a.id AS source_id, a.name AS source, type(r) AS relation, r.quad AS quad,
       b.id AS target_id, b.name AS target, r.count AS mentions, r.documents AS documents,
       r.outlets AS outlets, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY mentions DESC, source_id ASC, relation ASC, target_id ASC
LIMIT $limit
