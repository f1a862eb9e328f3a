// Claims that are not facts: negated, hypothetical, future, requested, reported, denied...
// relations, grouped by factuality, with their evidence sentences.
// params: limit (int, default 100)
MATCH (s:Actor)-[r]->(o:Actor)
WHERE r.asserted = false
RETURN r.factuality AS factuality, s.id AS subject_id, s.name AS subject,
       type(r) AS relation, o.id AS object_id, o.name AS object, r.count AS count,
       r.evidence AS evidence
ORDER BY factuality ASC, count DESC, subject_id ASC, relation ASC, object_id ASC
LIMIT $limit
