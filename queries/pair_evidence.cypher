// Evidence for a pair of actors: every relationship between a and b in either direction,
// non-asserted ones included with their factuality, with the sentences that state it
// (evidence and evidence_docs are parallel lists). Actors match by id, name or alias,
// ignoring case.
// params: a (string), b (string)
WITH toLower($a) AS qa, toLower($b) AS qb
MATCH (x:Actor)
WHERE toLower(x.id) = qa OR toLower(x.name) = qa OR any(n IN x.aliases WHERE toLower(n) = qa)
// One pass per direction (see actor_relations.cypher for why not startNode() or MATCH).
UNWIND [true, false] AS outgoing
OPTIONAL MATCH (x)-[r1]->(o:Actor)
WHERE outgoing AND o.id <> x.id
  AND (toLower(o.id) = qb OR toLower(o.name) = qb OR any(n IN o.aliases WHERE toLower(n) = qb))
OPTIONAL MATCH (x)<-[r2]-(s:Actor)
WHERE NOT outgoing AND s.id <> x.id
  AND (toLower(s.id) = qb OR toLower(s.name) = qb OR any(n IN s.aliases WHERE toLower(n) = qb))
WITH outgoing, x, r1, o, r2, s
WHERE r1 IS NOT NULL OR r2 IS NOT NULL
RETURN DISTINCT
       CASE WHEN outgoing THEN x.id ELSE s.id END AS subject_id,
       CASE WHEN outgoing THEN x.name ELSE s.name END AS subject,
       CASE WHEN outgoing THEN type(r1) ELSE type(r2) END AS relation,
       CASE WHEN outgoing THEN o.id ELSE x.id END AS object_id,
       CASE WHEN outgoing THEN o.name ELSE x.name END AS object,
       CASE WHEN outgoing THEN r1.factuality ELSE r2.factuality END AS factuality,
       CASE WHEN outgoing THEN r1.asserted ELSE r2.asserted END AS asserted,
       CASE WHEN outgoing THEN r1.count ELSE r2.count END AS count,
       CASE WHEN outgoing THEN r1.evidence ELSE r2.evidence END AS evidence,
       CASE WHEN outgoing THEN r1.evidence_docs ELSE r2.evidence_docs END AS evidence_docs
ORDER BY asserted DESC, count DESC, relation ASC, subject_id ASC, object_id ASC,
         factuality ASC
