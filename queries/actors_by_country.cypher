// Actors per country (ISO3; actors without one are left out): how many, how many asserted
// relation mentions they take part in (the facts, which rank the countries) and how many
// mentions in all (negated and hedged ones included).
// params: limit (int, default 50)
MATCH (a:Actor)
WHERE a.country IS NOT NULL
RETURN a.country AS country, count(a) AS actors, sum(a.asserted_mentions) AS asserted_mentions,
       sum(a.mentions) AS mentions
ORDER BY asserted_mentions DESC, actors DESC, mentions DESC, country ASC
LIMIT $limit
