// Escalation: the conflict share per month (mentions in the verbal and material conflict
// quad classes over all mentions that month), overall, for one actor (a), or for a dyad
// (a and b, both directions). Facts only unless facts_only is false; undated mentions are
// left out. Actors match by id, name or alias, ignoring case; since/until are ISO days.
// params: a (string, default ""), b (string, default ""), facts_only (bool, default true), since (date, default ""), until (date, default "")
// Two parts, one of which returns rows: overall (a = '') scans the mentions alone; for an
// actor or a dyad, the mentions are reached from actor a (an OPTIONAL MATCH per hop, so
// Ladybug expands from the bound node instead of scanning every mention). Counted per
// month and quad first, so the CASEs run per group, not per mention.
MATCH (m:Mention)
WHERE $a = '' AND m.month IS NOT NULL AND (m.asserted OR NOT $facts_only)
  AND m.date >= date(CASE WHEN $since = '' THEN '0001-01-01' ELSE $since END)
  AND m.date <= date(CASE WHEN $until = '' THEN '9999-12-31' ELSE $until END)
WITH m.month AS month, m.quad AS quad, count(*) AS n
WITH month, sum(n) AS mentions,
     sum(CASE WHEN quad IN ['VERBAL_CONFLICT', 'MATERIAL_CONFLICT'] THEN n ELSE 0 END)
       AS conflict,
     sum(CASE WHEN quad IN ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION'] THEN n ELSE 0 END)
       AS cooperation,
     sum(CASE WHEN quad = 'MATERIAL_CONFLICT' THEN n ELSE 0 END) AS material_conflict
RETURN month AS month, mentions AS mentions, conflict AS conflict,
       cooperation AS cooperation, material_conflict AS material_conflict,
       round(1.0 * conflict / mentions, 3) AS conflict_share
ORDER BY month ASC
UNION ALL
WITH toLower($a) AS qa, toLower($b) AS qb
MATCH (x:Actor)
WHERE qa <> ''
  AND (toLower(x.id) = qa OR toLower(x.name) = qa OR any(n IN x.aliases WHERE toLower(n) = qa))
OPTIONAL MATCH (x)<-[l:SUBJECT|OBJECT]-(m:Mention)
WITH qb, m, type(l) AS role WHERE m IS NOT NULL AND m.month IS NOT NULL
  AND (m.asserted OR NOT $facts_only)
  AND m.date >= date(CASE WHEN $since = '' THEN '0001-01-01' ELSE $since END)
  AND m.date <= date(CASE WHEN $until = '' THEN '9999-12-31' ELSE $until END)
// The actor in the other role (itself for a self-relation) must match b, when b is given.
OPTIONAL MATCH (m)-[l2:SUBJECT|OBJECT]->(y:Actor)
WHERE type(l2) <> role
  AND (qb = '' OR toLower(y.id) = qb OR toLower(y.name) = qb
       OR any(n IN y.aliases WHERE toLower(n) = qb))
WITH m, y WHERE y IS NOT NULL
// DISTINCT: a mention can be reached from both of its actors.
WITH DISTINCT m
WITH m.month AS month, m.quad AS quad, count(*) AS n
WITH month, sum(n) AS mentions,
     sum(CASE WHEN quad IN ['VERBAL_CONFLICT', 'MATERIAL_CONFLICT'] THEN n ELSE 0 END)
       AS conflict,
     sum(CASE WHEN quad IN ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION'] THEN n ELSE 0 END)
       AS cooperation,
     sum(CASE WHEN quad = 'MATERIAL_CONFLICT' THEN n ELSE 0 END) AS material_conflict
RETURN month AS month, mentions AS mentions, conflict AS conflict,
       cooperation AS cooperation, material_conflict AS material_conflict,
       round(1.0 * conflict / mentions, 3) AS conflict_share
ORDER BY month ASC
