// Top actors by degree: who takes part in the most asserted relations, in either direction.
// degree counts relationships (one per type and direction with each partner), partners the
// distinct other actors, mentions the sentences behind them. Relations of an actor with
// itself are left out.
// params: limit (int, default 10)
MATCH (a:Actor)-[r]-(b:Actor)
WHERE type(r) <> 'CLAIM' AND a.id <> b.id
RETURN a.id AS id, a.name AS name, a.type AS type, count(r) AS degree,
       count(DISTINCT b.id) AS partners, sum(r.count) AS mentions
ORDER BY degree DESC, mentions DESC, id ASC
LIMIT $limit
