// Who cooperates with whom: asserted relations in the verbal and material cooperation
// quad classes (agree, consult, support, concede, cooperate, aid, retreat), one row per
// source, relation type and target, strongest first.
// params: min_count (int, default 1), limit (int, default 100)
// The relationship types of these quad classes in the vocabulary, spelled out so Ladybug
// scans those tables only (tests/test_queries.py checks them against the vocabulary).
// Types added by an extra --relations file are not among them.
MATCH (a:Actor)-[r:AGREES_WITH|AIDS|ALLIES_WITH|COMMUNICATES_WITH|CONCEDES_TO|
       COOPERATES_WITH|EASES|MEETS|NEGOTIATES|NORMALIZES_TIES_WITH|PLEDGES|PRAISES|
       SIGNS_WITH|SUPPORTS|VISITS|WITHDRAWS_FROM]->(b:Actor)
WHERE r.quad IN ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION'] AND r.count >= $min_count
RETURN a.id AS source_id, a.name AS source, type(r) AS relation, r.quad AS quad,
       b.id AS target_id, b.name AS target, r.count AS mentions, r.documents AS documents,
       r.outlets AS outlets, r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY mentions DESC, source_id ASC, relation ASC, target_id ASC
LIMIT $limit
