// The document ledger: every document merged, with its relation mentions (triples) and how
// many actors take part in them.
// params: limit (int, default 100)
MATCH (d:Document)
// The page of documents first, then the actors of those only.
WITH d ORDER BY d.id ASC, d.hash ASC LIMIT $limit
OPTIONAL MATCH (a:Actor)-[:MENTIONED_IN]->(d)
RETURN d.id AS id, d.title AS title, d.date AS date, d.source AS source,
       d.triples AS triples, count(a) AS actors, d.hash AS hash
ORDER BY id ASC, hash ASC
