// Escalation: the conflict share per month (mentions in the verbal and material conflict
// quad classes over all mentions that month), overall, for one actor (a), or for a dyad
// (a and b, both directions). Facts only unless facts_only is false; undated mentions are
// left out. Actors match by id, name or alias, ignoring case; since/until are ISO days.
// params: a (string, default ""), b (string, default ""), facts_only (bool, default true), since (date, default ""), until (date, default "")
MATCH (s:Actor)<-[:SUBJECT]-(m:Mention)-[:OBJECT]->(o:Actor)
WHERE m.month IS NOT NULL AND (m.asserted OR NOT $facts_only)
  AND m.date >= date(CASE WHEN $since = '' THEN '0001-01-01' ELSE $since END)
  AND m.date <= date(CASE WHEN $until = '' THEN '9999-12-31' ELSE $until END)
WITH m, toLower($a) AS qa, toLower($b) AS qb,
     toLower(s.id) AS si, toLower(s.name) AS sn, s.aliases AS sal,
     toLower(o.id) AS oi, toLower(o.name) AS on_, o.aliases AS oal
WITH m, qa, qb,
     (si = qa OR sn = qa OR any(n IN sal WHERE toLower(n) = qa)) AS sa,
     (oi = qa OR on_ = qa OR any(n IN oal WHERE toLower(n) = qa)) AS oa,
     (si = qb OR sn = qb OR any(n IN sal WHERE toLower(n) = qb)) AS sb,
     (oi = qb OR on_ = qb OR any(n IN oal WHERE toLower(n) = qb)) AS ob
WHERE qa = '' OR (qb = '' AND (sa OR oa)) OR (sa AND ob) OR (sb AND oa)
WITH m.month AS month, count(*) AS mentions,
     count(CASE WHEN m.quad IN ['VERBAL_CONFLICT', 'MATERIAL_CONFLICT'] THEN 1 END) AS conflict,
     count(CASE WHEN m.quad IN ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION'] THEN 1 END)
       AS cooperation,
     count(CASE WHEN m.quad = 'MATERIAL_CONFLICT' THEN 1 END) AS material_conflict
RETURN month AS month, mentions AS mentions, conflict AS conflict,
       cooperation AS cooperation, material_conflict AS material_conflict,
       round(1.0 * conflict / mentions, 3) AS conflict_share
ORDER BY month ASC
