// Evidence for a pair of actors: every statement between a and b in either direction,
// facts and claims (with their factuality), with the sentences that state it and the ids of
// the documents they come from (evidence and evidence_docs are parallel lists, in mention
// id order). One row per mention with outlet, date and url: the provenance query.
// Actors match by id, name or alias, ignoring case.
// params: a (string), b (string)
WITH toLower($a) AS qa, toLower($b) AS qb
MATCH (x:Actor)
WHERE toLower(x.id) = qa OR toLower(x.name) = qa OR any(n IN x.aliases WHERE toLower(n) = qa)
// Anchored at a: its mentions, then the other actor of each, checked against b. Every hop
// is an OPTIONAL MATCH from a bound node: a plain MATCH after WITH makes Ladybug scan and
// hash-join every mention.
OPTIONAL MATCH (x)<-[:SUBJECT|OBJECT]-(m:Mention)
WITH qb, x, m WHERE m IS NOT NULL
OPTIONAL MATCH (m)-[:SUBJECT|OBJECT]->(y:Actor)
WHERE y.id <> x.id
  AND (toLower(y.id) = qb OR toLower(y.name) = qb OR any(n IN y.aliases WHERE toLower(n) = qb))
// DISTINCT: with a name shared by several actors, one mention can match both ways.
WITH m, y WHERE y IS NOT NULL
WITH DISTINCT m
OPTIONAL MATCH (m)-[:SUBJECT]->(s:Actor)
OPTIONAL MATCH (m)-[:OBJECT]->(o:Actor)
OPTIONAL MATCH (m)-[:IN_DOCUMENT]->(d:Document)
// Sorted before collect, so the lists come in the same order on both engines (Ladybug
// sorts inside WITH only with SKIP/LIMIT).
WITH s, o, m, d ORDER BY m.id ASC SKIP 0 LIMIT 1000000000
WITH s, o, m.relation AS relation, m.factuality AS factuality, m.asserted AS asserted,
     count(m) AS count, collect(m.sentence) AS evidence, collect(d.id) AS evidence_docs
RETURN s.id AS subject_id, s.name AS subject, relation AS relation, o.id AS object_id,
       o.name AS object, factuality AS factuality, asserted AS asserted, count AS count,
       evidence AS evidence, evidence_docs AS evidence_docs
ORDER BY asserted DESC, count DESC, relation ASC, subject_id ASC, object_id ASC,
         factuality ASC
