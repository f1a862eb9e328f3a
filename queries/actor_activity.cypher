// An actor's activity over time: per month, what it did (role subject) and what was done to
// it (role object), by relation type (by = 'relation') or quad class (by = 'quad'), with
// its mentions and distinct partners. Facts only unless facts_only is false; undated
// mentions and relations of the actor with itself are left out. The actor matches by id,
// name or alias, ignoring case; since/until are ISO days ('' = open).
// params: actor (string), by (string, default "quad"), facts_only (bool, default true), since (date, default ""), until (date, default "")
WITH toLower($actor) AS q
MATCH (x:Actor)
WHERE toLower(x.id) = q OR toLower(x.name) = q OR any(n IN x.aliases WHERE toLower(n) = q)
OPTIONAL MATCH (x)<-[link:SUBJECT|OBJECT]-(m:Mention)-[:SUBJECT|OBJECT]->(p:Actor)
WHERE p.id <> x.id
WITH x, link, m, p WHERE m IS NOT NULL AND m.month IS NOT NULL
  AND (m.asserted OR NOT $facts_only)
  AND m.date >= date(CASE WHEN $since = '' THEN '0001-01-01' ELSE $since END)
  AND m.date <= date(CASE WHEN $until = '' THEN '9999-12-31' ELSE $until END)
RETURN x.id AS actor_id, m.month AS month,
       CASE WHEN type(link) = 'SUBJECT' THEN 'subject' ELSE 'object' END AS role,
       CASE WHEN $by = 'quad' THEN m.quad ELSE m.relation END AS kind,
       count(*) AS mentions, count(DISTINCT p.id) AS partners
ORDER BY actor_id ASC, month ASC, role DESC, kind ASC
