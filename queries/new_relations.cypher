// New relations: relationships first seen on or after a day (ISO), newest first; facts
// only unless facts_only is false (then claims come too, with their factuality).
// params: since (date), facts_only (bool, default true), limit (int, default 100)
MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.first_seen >= date($since) AND (type(r) <> 'CLAIM' OR NOT $facts_only)
RETURN a.id AS source_id, a.name AS source,
       CASE WHEN type(r) = 'CLAIM' THEN r.relation ELSE type(r) END AS relation,
       coalesce(r.factuality, 'asserted') AS factuality, b.id AS target_id, b.name AS target,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.count AS mentions,
       r.documents AS documents, r.outlets AS outlets
ORDER BY first_seen DESC, source_id ASC, relation ASC, target_id ASC, factuality ASC
LIMIT $limit
