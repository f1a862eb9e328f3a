// Provenance: which outlets reported source <relation> target, and when: one row per
// mention with the document's outlet, date, url and title and the sentence, oldest first.
// Facts only unless facts_only is false. Actors match by id, name or alias, ignoring case;
// since/until are ISO days on the mention's date ('' = open; undated mentions only when
// both are open).
// params: source (string), relation (string), target (string), facts_only (bool, default true), since (date, default ""), until (date, default ""), limit (int, default 200)
WITH toLower($source) AS qs, toLower($target) AS qt
MATCH (s:Actor)
WHERE toLower(s.id) = qs OR toLower(s.name) = qs OR any(n IN s.aliases WHERE toLower(n) = qs)
// Anchored at the source, one OPTIONAL MATCH per hop: Ladybug then expands from the bound
// node instead of scanning every mention.
OPTIONAL MATCH (s)<-[:SUBJECT]-(m:Mention)
WITH qt, s, m WHERE m IS NOT NULL AND m.relation = $relation
  AND (m.asserted OR NOT $facts_only)
  AND ((m.date IS NULL AND $since = '' AND $until = '')
       OR (m.date >= date(CASE WHEN $since = '' THEN '0001-01-01' ELSE $since END)
           AND m.date <= date(CASE WHEN $until = '' THEN '9999-12-31' ELSE $until END)))
OPTIONAL MATCH (m)-[:OBJECT]->(o:Actor)
WITH s, m, o, qt
WHERE toLower(o.id) = qt OR toLower(o.name) = qt OR any(n IN o.aliases WHERE toLower(n) = qt)
OPTIONAL MATCH (m)-[:IN_DOCUMENT]->(d:Document)
RETURN d.source AS outlet, d.date AS date, d.url AS url, d.title AS title,
       m.sentence AS sentence, m.date AS event_date, m.factuality AS factuality,
       s.name AS subject, m.relation AS relation, o.name AS object, m.id AS mention
ORDER BY date IS NULL ASC, date ASC, mention ASC
LIMIT $limit
