// Top actors by degree: who takes part in the most asserted relations, in either direction.
// degree counts relationships (one per type and direction with each partner), partners the
// distinct other actors, mentions the sentences behind them. Relations of an actor with
// itself are left out.
// params: limit (int, default 10)
MATCH (a:Actor)-[r]-(b:Actor)
WHERE type(r) <> 'CLAIM' AND a <> b
// Ranked without partners (not a sort key), whose DISTINCT is the costly aggregate; they
// are counted for the page only. a <> b compares nodes, not id strings (3x cheaper).
WITH a, count(r) AS degree, sum(r.count) AS mentions
ORDER BY degree DESC, mentions DESC, a.id ASC LIMIT $limit
OPTIONAL MATCH (a)-[r]-(b:Actor)
WHERE type(r) <> 'CLAIM' AND a <> b
WITH a, degree, mentions, count(DISTINCT b) AS partners
RETURN a.id AS id, a.name AS name, a.type AS type, degree AS degree,
       partners AS partners, mentions AS mentions
ORDER BY degree DESC, mentions DESC, id ASC
