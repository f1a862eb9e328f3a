// What kinds of relations the graph holds: relationships and mentions per relation type
// and factuality (asserted facts under their type, claims under CLAIM).
// params: none
MATCH (:Actor)-[r]->(:Actor)
WITH type(r) AS t, r.relation AS claimed, r.quad AS quad, r.factuality AS fact,
     count(r) AS n, sum(r.count) AS c
// Grouped on the stored values first, then renamed: the CASE per relationship cost more
// than the grouping.
WITH CASE WHEN t = 'CLAIM' THEN claimed ELSE t END AS relation, quad,
     coalesce(fact, 'asserted') AS factuality, sum(n) AS relationships, sum(c) AS mentions
RETURN relation AS relation, quad AS quad, factuality AS factuality,
       relationships AS relationships, mentions AS mentions
ORDER BY mentions DESC, relation ASC, factuality ASC
