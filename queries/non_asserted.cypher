// Claims that are not facts: negated, hypothetical, future, requested, reported, denied...
// statements (CLAIM relationships), grouped by factuality, with their evidence sentences.
// params: limit (int, default 100)
MATCH (s:Actor)-[r:CLAIM]->(o:Actor)
MATCH (s)<-[:SUBJECT]-(m:Mention)-[:OBJECT]->(o)
WHERE m.relation = r.relation AND m.factuality = r.factuality
WITH r, s, o, collect(m.sentence) AS evidence
RETURN r.factuality AS factuality, s.id AS subject_id, s.name AS subject,
       r.relation AS relation, o.id AS object_id, o.name AS object, r.count AS count,
       evidence AS evidence
ORDER BY factuality ASC, count DESC, subject_id ASC, relation ASC, object_id ASC
LIMIT $limit
