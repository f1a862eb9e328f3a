// What kinds of relations the graph holds: relationships and mentions per relation type
// and factuality (asserted facts under their type, claims under CLAIM).
// params: none
MATCH (:Actor)-[r]->(:Actor)
WITH CASE WHEN type(r) = 'CLAIM' THEN r.relation ELSE type(r) END AS relation, r.quad AS quad,
     coalesce(r.factuality, 'asserted') AS factuality, r
RETURN relation AS relation, quad AS quad, factuality AS factuality, count(r) AS relationships, sum(r.count) AS mentions
ORDER BY mentions DESC, relation ASC, factuality ASC
