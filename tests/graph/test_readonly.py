"""The read-only check: every clause that leaves reads is refused before it runs, on the
embedded engine and on the Bolt client side, and queries still work after each."""

from __future__ import annotations

import pytest

from actorgraph.graph.readonly import UnsafeQuery, check_read_only, refusal

# One statement per thing a "read-only" query must never do; {path} is a file that must
# not appear.
UNSAFE = {
    "create": "CREATE (a:Actor {id: 'x'})",
    "merge": "MERGE (a:Actor {id: 'x'})",
    "set": "MATCH (a:Actor) SET a.name = 'x'",
    "delete": "MATCH (a:Actor) DELETE a",
    "detach": "MATCH (a:Actor) DETACH DELETE a",
    "remove": "MATCH (a:Actor) REMOVE a.name",
    "foreach": "MATCH (a:Actor) FOREACH (x IN [1] | CREATE (:Actor {id: 'y'}))",
    "drop": "DROP TABLE Actor",
    "alter": "ALTER TABLE Actor ADD extra STRING",
    "copy_to": "COPY (MATCH (a:Actor) RETURN a.id) TO '{path}'",
    "copy_from": "COPY Actor FROM '{path}'",
    "export": "EXPORT DATABASE '{path}'",
    "import": "IMPORT DATABASE '{path}'",
    "attach": "ATTACH '{path}' AS other (dbtype lbug)",
    "install": "INSTALL json",
    "load_extension": "LOAD EXTENSION '{path}'",
    "load_from": "LOAD FROM '{path}' RETURN *",
    "load_csv": "LOAD CSV FROM 'file:///{path}' AS row RETURN row",
    "checkpoint": "CHECKPOINT",
    "begin": "BEGIN TRANSACTION",
    "commit": "COMMIT",
    "use": "USE other",
    "call_config": "CALL threads=1",
    "call_procedure": "CALL apoc.create.node(['Actor'], {id: 'x'})",
    "macro": "CREATE MACRO boom(x) AS x",
    "two_statements": "MATCH (a:Actor) RETURN a.id; MATCH (a:Actor) DETACH DELETE a",
    "lowercase": "match (a:Actor) set a.name = 'x'",
    "after_comment": "MATCH (a:Actor) /* harmless */ DELETE a",
    "explain": "EXPLAIN CREATE (a:Actor {id: 'x'})",
}

SAFE = [
    "MATCH (a:Actor) WHERE a.name = 'CREATE me; DELETE' RETURN a.id",
    "MATCH (m:Mention) RETURN m.start, m.end ORDER BY m.start",
    "MATCH (a:Actor) RETURN count(*) AS set",
    "MATCH (a:Actor {id: $set}) RETURN a",
    "MATCH (a:Actor) WITH a CALL { WITH a RETURN a.id AS i } RETURN i",
    "CALL show_tables() RETURN *",
    "MATCH (a:Actor) // DELETE in a comment is no clause\nRETURN a.id",
    "MATCH (`create`:Actor) RETURN `create`.id",
    "MATCH (a:Actor) RETURN a.id;",
]


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_every_unsafe_clause_is_refused_with_one_line(name):
    with pytest.raises(UnsafeQuery) as e:
        check_read_only(UNSAFE[name].replace("{path}", "/tmp/x"))
    assert "\n" not in str(e.value) and str(e.value).startswith("refused:")


@pytest.mark.parametrize("query", SAFE)
def test_reads_pass(query):
    assert refusal(query) is None


def test_the_refusal_names_the_clause():
    assert "COPY" in refusal("COPY (MATCH (a) RETURN a) TO 'x.csv'")
    assert "LOAD" in refusal("LOAD EXTENSION 'x.so'")


def test_embedded_engine_refuses_each_and_still_answers(seeds_out, tmp_path):
    from actorgraph.graph.cypher import CypherError, open_cypher

    target = tmp_path / "written"
    with open_cypher(seeds_out) as g:
        before = g.run("MATCH (a:Actor) RETURN count(a) AS n").rows
        for name, query in sorted(UNSAFE.items()):
            with pytest.raises(CypherError, match="^refused:"):
                g.run(query.replace("{path}", str(target)))
            assert g.run("MATCH (a:Actor) RETURN count(a) AS n").rows == before, name
    assert not target.exists()


@pytest.mark.bolt
def test_bolt_client_refuses_before_sending(bolt_db):
    from actorgraph.graph.neo4j import Neo4jQueryError, run_query

    for name, query in sorted(UNSAFE.items()):
        with pytest.raises(Neo4jQueryError, match="^refused:"):
            run_query(bolt_db.settings, query.replace("{path}", "/tmp/x"))
        n = run_query(bolt_db.settings, "MATCH (a:Actor {id: 'x'}) RETURN count(a) AS n")
        assert n.rows == [[0]], name
