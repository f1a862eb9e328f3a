// Which documents mention an actor in a relation, and how often (most first). The actor
// matches by id, name or alias, ignoring case.
// params: actor (string)
WITH toLower($actor) AS q
MATCH (a:Actor)
WHERE toLower(a.id) = q OR toLower(a.name) = q OR any(n IN a.aliases WHERE toLower(n) = q)
// OPTIONAL MATCH makes Ladybug expand from the actor rather than scan every mention.
OPTIONAL MATCH (a)-[m:MENTIONED_IN]->(d:Document)
WITH a, m, d
WHERE m IS NOT NULL
RETURN a.id AS actor_id, a.name AS actor, d.id AS document, d.title AS title,
       d.date AS date, m.count AS mentions, d.hash AS hash
ORDER BY mentions DESC, actor_id ASC, document ASC, hash ASC
