// What kinds of relations the graph holds: relationships and mentions per type and
// factuality.
// params: none
MATCH (:Actor)-[r]->(:Actor)
RETURN coalesce(r.relation, type(r)) AS relation, r.quad AS quad,
       coalesce(r.factuality, 'asserted') AS factuality,
       count(r) AS relationships, sum(r.count) AS mentions
ORDER BY mentions DESC, relation ASC, factuality ASC
