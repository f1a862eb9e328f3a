// Which documents mention an actor in a relation, and how often (most first). The actor
// matches by id, name or alias, ignoring case.
// params: actor (string)
WITH toLower($actor) AS q
MATCH (a:Actor)-[m:MENTIONED_IN]->(d:Document)
WHERE toLower(a.id) = q OR toLower(a.name) = q
   OR any(x IN a.aliases WHERE toLower(x) = q)
RETURN a.id AS actor_id, a.name AS actor, d.id AS document, d.title AS title,
       d.date AS date, m.count AS mentions, d.hash AS hash
ORDER BY mentions DESC, actor_id ASC, document ASC, hash ASC
