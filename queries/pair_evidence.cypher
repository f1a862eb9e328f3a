// Evidence for a pair of actors: every statement between a and b in either direction,
// facts and claims (with their factuality), with the sentences that state it and the
// documents they come from (evidence and evidence_docs are parallel lists). Actors match by
// id, name or alias, ignoring case.
// params: a (string), b (string)
WITH toLower($a) AS qa, toLower($b) AS qb
MATCH (x:Actor)
WHERE toLower(x.id) = qa OR toLower(x.name) = qa OR any(n IN x.aliases WHERE toLower(n) = qa)
MATCH (y:Actor)
WHERE y.id <> x.id
  AND (toLower(y.id) = qb OR toLower(y.name) = qb OR any(n IN y.aliases WHERE toLower(n) = qb))
// One pass per direction; each pass expands from the subject's mentions.
UNWIND [true, false] AS outgoing
WITH CASE WHEN outgoing THEN x.id ELSE y.id END AS sid,
     CASE WHEN outgoing THEN y.id ELSE x.id END AS oid
MATCH (s:Actor {id: sid})<-[:SUBJECT]-(m:Mention)-[:OBJECT]->(o:Actor {id: oid}),
      (m)-[:IN_DOCUMENT]->(d:Document)
WITH s, o, m.relation AS relation, m.factuality AS factuality, m.asserted AS asserted,
     collect(m.sentence) AS evidence, collect(d.id) AS evidence_docs, count(m) AS count
RETURN DISTINCT s.id AS subject_id, s.name AS subject, relation AS relation, o.id AS object_id,
       o.name AS object, factuality AS factuality, asserted AS asserted, count AS count,
       evidence AS evidence, evidence_docs AS evidence_docs
ORDER BY asserted DESC, count DESC, relation ASC, subject_id ASC, object_id ASC,
         factuality ASC
