// Actors per country (ISO3; actors without one are left out): how many, and how many
// relation mentions they take part in.
// params: limit (int, default 50)
MATCH (a:Actor)
WHERE a.country IS NOT NULL
RETURN a.country AS country, count(a) AS actors, sum(a.mentions) AS mentions
ORDER BY actors DESC, mentions DESC, country ASC
LIMIT $limit
