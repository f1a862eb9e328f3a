// All relations of one actor, both directions, facts first; non-asserted ones (negated,
// hypothetical...) are included with their factuality. The actor matches by id, name or
// any alias, ignoring case.
// params: actor (string)
WITH toLower($actor) AS q
MATCH (s:Actor)-[r]->(o:Actor)
WHERE toLower(s.id) = q OR toLower(s.name) = q
   OR any(x IN s.aliases WHERE toLower(x) = q)
   OR toLower(o.id) = q OR toLower(o.name) = q
   OR any(x IN o.aliases WHERE toLower(x) = q)
RETURN s.id AS subject_id, s.name AS subject, type(r) AS relation, o.id AS object_id,
       o.name AS object, r.factuality AS factuality, r.asserted AS asserted, r.count AS count,
       r.quad AS quad, r.docs AS docs
ORDER BY asserted DESC, count DESC, relation ASC, subject_id ASC, object_id ASC,
         factuality ASC
