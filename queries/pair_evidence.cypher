// Evidence for a pair of actors: every relationship between a and b in either direction,
// non-asserted ones included with their factuality, with the sentences that state it
// (evidence and evidence_docs are parallel lists). Actors match by id, name or alias,
// ignoring case.
// params: a (string), b (string)
WITH toLower($a) AS qa, toLower($b) AS qb
MATCH (x:Actor)
WHERE toLower(x.id) = qa OR toLower(x.name) = qa OR any(n IN x.aliases WHERE toLower(n) = qa)
MATCH (y:Actor)
WHERE toLower(y.id) = qb OR toLower(y.name) = qb OR any(n IN y.aliases WHERE toLower(n) = qb)
// Both directions without startNode() (missing in Ladybug) and without testing one alias
// list against two values in one WHERE (Ladybug 0.22 then returns no rows).
WITH x, y WHERE x.id <> y.id
UNWIND [{s: x.id, o: y.id}, {s: y.id, o: x.id}] AS p
MATCH (s:Actor)-[r]->(o:Actor)
WHERE s.id = p.s AND o.id = p.o
RETURN DISTINCT s.id AS subject_id, s.name AS subject, type(r) AS relation,
       o.id AS object_id, o.name AS object, r.factuality AS factuality,
       r.asserted AS asserted, r.count AS count, r.evidence AS evidence,
       r.evidence_docs AS evidence_docs
ORDER BY asserted DESC, count DESC, relation ASC, subject_id ASC, object_id ASC,
         factuality ASC
