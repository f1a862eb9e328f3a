// Claims that are not facts: negated, hypothetical, future, requested, reported, denied...
// statements (CLAIM relationships), grouped by factuality, with how often, in how many
// documents and outlets, when, and their sentences (by mention id).
// params: limit (int, default 100)
MATCH (s:Actor)-[r:CLAIM]->(o:Actor)
// The page of claims first; then the sentences of those only, from their subject (one
// OPTIONAL MATCH per hop, so Ladybug expands from it rather than scanning every mention).
WITH s, r, o ORDER BY r.factuality ASC, r.count DESC, s.id ASC, r.relation ASC, o.id ASC
  LIMIT $limit
OPTIONAL MATCH (s)<-[:SUBJECT]-(m:Mention)
WITH s, r, o, m WHERE m.relation = r.relation AND m.factuality = r.factuality
OPTIONAL MATCH (m)-[:OBJECT]->(o2:Actor)
WITH s, r, o, m, o2 WHERE o2.id = o.id
// Sorted before collect, so the evidence comes in the same order on both engines.
WITH r, s, o, m ORDER BY m.id ASC SKIP 0 LIMIT 1000000000
WITH r, s, o, collect(m.sentence) AS evidence
RETURN r.factuality AS factuality, s.id AS subject_id, s.name AS subject,
       r.relation AS relation, o.id AS object_id, o.name AS object, r.count AS count,
       r.documents AS documents, r.outlets AS outlets, r.first_seen AS first_seen,
       r.last_seen AS last_seen, evidence AS evidence
ORDER BY factuality ASC, count DESC, subject_id ASC, relation ASC, object_id ASC
LIMIT $limit
