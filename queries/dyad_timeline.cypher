// Dyad timeline: what two actors did to each other, month by month, in both directions;
// one row per month, subject, kind and object. kind is the relation type (by = 'relation')
// or its quad class (by = 'quad'). Facts only unless facts_only is false; undated mentions
// have no month and are left out. Actors match by id, name or alias, ignoring case;
// since/until are ISO days ('' = open), on the mention's date.
// params: a (string), b (string), by (string, default "relation"), facts_only (bool, default true), since (date, default ""), until (date, default "")
WITH toLower($a) AS qa, toLower($b) AS qb
MATCH (x:Actor)
WHERE toLower(x.id) = qa OR toLower(x.name) = qa OR any(n IN x.aliases WHERE toLower(n) = qa)
// Anchored at a: its mentions, then the other actor of each, checked against b. Every hop
// is an OPTIONAL MATCH from a bound node: a plain MATCH after WITH makes Ladybug scan and
// hash-join every mention.
OPTIONAL MATCH (x)<-[:SUBJECT|OBJECT]-(m:Mention)
WITH qb, x, m WHERE m IS NOT NULL
  AND m.month IS NOT NULL AND (m.asserted OR NOT $facts_only)
  AND m.date >= date(CASE WHEN $since = '' THEN '0001-01-01' ELSE $since END)
  AND m.date <= date(CASE WHEN $until = '' THEN '9999-12-31' ELSE $until END)
OPTIONAL MATCH (m)-[:SUBJECT|OBJECT]->(y:Actor)
WHERE y.id <> x.id
  AND (toLower(y.id) = qb OR toLower(y.name) = qb OR any(n IN y.aliases WHERE toLower(n) = qb))
// DISTINCT: with a name shared by several actors, one mention can match both ways.
WITH m, y WHERE y IS NOT NULL
WITH DISTINCT m
OPTIONAL MATCH (m)-[:SUBJECT]->(s:Actor)
OPTIONAL MATCH (m)-[:OBJECT]->(o:Actor)
OPTIONAL MATCH (m)-[:IN_DOCUMENT]->(d:Document)
RETURN m.month AS month, s.id AS subject_id, s.name AS subject,
       CASE WHEN $by = 'quad' THEN m.quad ELSE m.relation END AS kind,
       o.id AS object_id, o.name AS object, count(*) AS mentions,
       count(DISTINCT d.hash) AS documents, count(DISTINCT d.source) AS outlets
ORDER BY month ASC, subject_id ASC, kind ASC, object_id ASC
