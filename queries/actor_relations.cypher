// All relations of one actor, both directions, facts first; non-asserted ones (negated,
// hypothetical...: CLAIM relationships) are included with their factuality. The actor matches by id, name or
// any alias, ignoring case.
// params: actor (string)
WITH toLower($actor) AS q
MATCH (x:Actor)
WHERE toLower(x.id) = q OR toLower(x.name) = q OR any(n IN x.aliases WHERE toLower(n) = q)
// One pass per direction. Ladybug has no startNode(), and a plain MATCH after the actor
// filter makes it scan every relationship; OPTIONAL MATCH expands from the actor instead.
UNWIND [true, false] AS outgoing
OPTIONAL MATCH (x)-[r1]->(o:Actor) WHERE outgoing
OPTIONAL MATCH (x)<-[r2]-(s:Actor) WHERE NOT outgoing
WITH outgoing, x, r1, o, r2, s
WHERE r1 IS NOT NULL OR r2 IS NOT NULL
// DISTINCT: a relationship between two matching actors (or a self-relation) is seen twice.
RETURN DISTINCT
       CASE WHEN outgoing THEN x.id ELSE s.id END AS subject_id,
       CASE WHEN outgoing THEN x.name ELSE s.name END AS subject,
       CASE WHEN outgoing THEN coalesce(r1.relation, type(r1))
            ELSE coalesce(r2.relation, type(r2)) END AS relation,
       CASE WHEN outgoing THEN o.id ELSE x.id END AS object_id,
       CASE WHEN outgoing THEN o.name ELSE x.name END AS object,
       coalesce(CASE WHEN outgoing THEN r1.factuality ELSE r2.factuality END, 'asserted')
         AS factuality,
       CASE WHEN outgoing THEN type(r1) <> 'CLAIM' ELSE type(r2) <> 'CLAIM' END AS asserted,
       CASE WHEN outgoing THEN r1.count ELSE r2.count END AS count,
       CASE WHEN outgoing THEN r1.quad ELSE r2.quad END AS quad,
       CASE WHEN outgoing THEN r1.documents ELSE r2.documents END AS documents
ORDER BY asserted DESC, count DESC, relation ASC, subject_id ASC, object_id ASC,
         factuality ASC
