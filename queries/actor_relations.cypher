// All relations of one actor, both directions, facts first; claims (negated, hypothetical,
// reported...) are included with their factuality. The actor matches by id, name or any
// alias, ignoring case.
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
WITH outgoing, x, o, s,
     CASE WHEN outgoing THEN type(r1) ELSE type(r2) END AS rtype,
     CASE WHEN outgoing THEN r1.relation ELSE r2.relation END AS claimed,
     CASE WHEN outgoing THEN r1.factuality ELSE r2.factuality END AS fact,
     CASE WHEN outgoing THEN r1.count ELSE r2.count END AS count,
     CASE WHEN outgoing THEN r1.quad ELSE r2.quad END AS quad,
     CASE WHEN outgoing THEN r1.documents ELSE r2.documents END AS documents,
     CASE WHEN outgoing THEN r1.outlets ELSE r2.outlets END AS outlets,
     CASE WHEN outgoing THEN r1.first_seen ELSE r2.first_seen END AS first_seen,
     CASE WHEN outgoing THEN r1.last_seen ELSE r2.last_seen END AS last_seen
// DISTINCT: a relationship between two matching actors (or a self-relation) is seen twice.
RETURN DISTINCT
       CASE WHEN outgoing THEN x.id ELSE s.id END AS subject_id,
       CASE WHEN outgoing THEN x.name ELSE s.name END AS subject,
       CASE WHEN rtype = 'CLAIM' THEN claimed ELSE rtype END AS relation,
       CASE WHEN outgoing THEN o.id ELSE x.id END AS object_id,
       CASE WHEN outgoing THEN o.name ELSE x.name END AS object,
       coalesce(fact, 'asserted') AS factuality, rtype <> 'CLAIM' AS asserted,
       count AS count, quad AS quad, documents AS documents, outlets AS outlets,
       first_seen AS first_seen, last_seen AS last_seen
ORDER BY asserted DESC, count DESC, relation ASC, subject_id ASC, object_id ASC,
         factuality ASC
