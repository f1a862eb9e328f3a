"""The command line: parses arguments and calls the library, nothing more.

Exit codes: 0 success; 1 some inputs were skipped (each reported on stderr with file and
line) or a query/load failed; 2 usage errors.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from actorgraph import __version__


def _err(msg: str) -> None:
    print(f"actorgraph: {msg}", file=sys.stderr)


def _report_problem(p: object) -> None:
    _err(str(p))


def _extract_config(args: argparse.Namespace):
    from actorgraph.extract.pipeline import ExtractConfig

    return ExtractConfig(
        model=args.model,
        relations=tuple(args.relations or ()),
        actors=tuple(args.actors or ()),
        batch_size=args.batch_size,
        workers=args.workers,
        # An address only makes sense for Dask, so it selects that engine by itself.
        engine="dask" if args.scheduler else args.engine,
        scheduler=args.scheduler,
    )


class _Progress:
    """A tqdm bar on a terminal, plain periodic log lines otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.bar = None
        self.last = time.monotonic()
        self.t0 = self.last
        if enabled and self.tty:
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)

    def __call__(self, s) -> None:
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.n = s.documents_read
            self.bar.set_postfix(triples=s.triples, refresh=False)
            self.bar.refresh()
        elif time.monotonic() - self.last > 10:
            self.last = time.monotonic()
            rate = s.documents_read / max(1e-9, self.last - self.t0)
            _err(f"{s.documents_read} documents, {s.triples} triples, {rate:.1f} docs/s")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- commands ---------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    from actorgraph.extract.documents import read_documents
    from actorgraph.extract.pipeline import Extractor
    from actorgraph.extract.triples import Triple

    problems: list[object] = []

    def on_problem(p: object) -> None:
        problems.append(p)
        _report_problem(p)

    extractor = Extractor(_extract_config(args))
    for p in extractor.lexicon.problems:  # bad records of --actors files, skipped
        on_problem(p)
    out = sys.stdout
    writer = None
    if args.format == "csv":
        writer = csv.writer(out)
        writer.writerow(["doc", "subject", "subject_type", "subject_country", "relation",
                         "object", "object_type", "object_country", "plover", "quad",
                         "negated", "modality", "confidence", "trigger", "start", "end",
                         "sentence"])
    documents = read_documents(args.paths, on_problem)
    if args.events:
        records: Iterable[Any] = (r for _d, triples, events in extractor.extract_records(
            documents) for r in (*triples, *events))
    else:
        records = extractor.extract(documents)
    for t in records:
        if args.format == "jsonl":
            out.write(json.dumps(t.to_dict(), ensure_ascii=False) + "\n")
            continue
        # A one-actor event has its actor on one side and nobody on the other.
        subject, obj = (t.subject, t.object) if isinstance(t, Triple) else (
            (None, t.actor) if t.role == "target" else (t.actor, None))
        if writer is not None:
            writer.writerow([t.doc, *_actor_cells(subject), t.relation, *_actor_cells(obj),
                             t.plover, t.quad, t.negated, t.modality, t.confidence, t.trigger,
                             t.start, t.end, t.sentence])
        else:
            flag = "" if t.asserted else f" [{t.factuality}]"
            left = subject.name if subject else "(someone)"
            right = obj.name if obj else "(no one named)"
            out.write(f"{left} -{t.relation}-> {right}{flag}  "
                      f"({t.confidence:.2f}) {t.doc}: {t.sentence[:100]}\n")
    return 1 if problems else 0


def _actor_cells(actor: Any) -> list[str]:
    """name, type, country of one side of a CSV row (empty for the missing side of an
    event)."""
    if actor is None:
        return ["", "", ""]
    return [actor.name, actor.type, actor.country or ""]


def _problem_kinds(problems: Sequence[object]) -> str:
    """``binary file, not text x2; empty file x1``: the reasons, counted, in first-seen order."""
    kinds: dict[str, int] = {}
    for p in problems:
        # The reason is the message up to its detail: "malformed JSON: Expecting value".
        kind = str(getattr(p, "message", p)).split(":", 1)[0].strip()
        kinds[kind] = kinds.get(kind, 0) + 1
    return "; ".join(f"{k} x{n}" for k, n in kinds.items())


def cmd_build(args: argparse.Namespace) -> int:
    from actorgraph.extract.pipeline import Extractor
    from actorgraph.pipeline import build

    # The extractor (and its lexicons) first: a bad --actors/--relations file stops the
    # build before the store is touched, and its skipped records are reported up front.
    extractor = Extractor(_extract_config(args))
    lexicon_problems = extractor.lexicon.problems
    for p in lexicon_problems:
        _report_problem(p)
    progress = _Progress(enabled=not args.quiet)
    try:
        summary = build(args.paths, args.out, extractor=extractor,
                        on_problem=_report_problem, progress=progress, render=not args.no_view)
    finally:
        progress.close()
    s = summary.stats
    print(f"documents read {summary.documents_read}, added {summary.documents_added}, "
          f"already in the graph {summary.documents_skipped_seen}, "
          f"skipped {len(summary.problems)}")
    if summary.problems:
        print(f"skipped or noted (file and line on stderr): {_problem_kinds(summary.problems)}")
    if lexicon_problems:
        print(f"actor files: {len(lexicon_problems)} bad records skipped (file and line on "
              "stderr)")
    print(f"triples {summary.triples}; graph: {s.get('actors', 0)} actors, "
          f"{s.get('relations', 0)} relations ({s.get('asserted_relations', 0)} asserted), "
          f"{s.get('documents', 0)} documents; {summary.seconds:.1f} s")
    print(f"graph: {summary.graph_path}")
    if summary.html_path:
        print(f"view:  {summary.html_path}")
    if args.neo4j:
        rc = _load_neo4j(args, Path(args.out))
        if rc:
            return rc
    return 0 if summary.ok and not lexicon_problems else 1


def cmd_summary(args: argparse.Namespace) -> int:
    """Print actors, relations and the top triples of a stored graph."""
    from actorgraph.pipeline import open_store

    store = open_store(args.graph)
    s = store.stats()
    print(f"{s['documents']} documents, {s['actors']} actors, {s['relations']} relations "
          f"({s['asserted_relations']} asserted), {s['mentions']} relation mentions\n")
    degree: dict[str, int] = {}
    for r in store.relations(asserted_only=True):
        degree[r["source"]] = degree.get(r["source"], 0) + r["count"]
        degree[r["target"]] = degree.get(r["target"], 0) + r["count"]
    print("Actors (by asserted relation mentions):")
    for a in sorted(store.actors(), key=lambda a: (-degree.get(a["id"], 0), a["id"]))[
        : args.top
    ]:
        extra = ", ".join(x for x in (a.get("country"), a.get("role")) if x)
        print(f"  {a['name']:<32} {a['type']:<13} {extra:<28} {degree.get(a['id'], 0)}")
    names = {a["id"]: a["name"] for a in store.actors()}
    print("\nRelations (asserted first, then by count):")
    rels = sorted(store.relations(), key=lambda r: (not r["asserted"], -r["count"],
                                                    r["source"], r["target"], r["relation"]))
    for r in rels[: args.top]:
        flag = "" if r["asserted"] else f"  [{r['factuality']}]"
        print(f"  {names[r['source']]} -{r['relation']}-> {names[r['target']]} "
              f"x{r['count']}{flag}")
        ev = r["evidence"][0]
        print(f"      \"{ev['sentence'][:110]}\" ({ev['doc']})")
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    from actorgraph.graph.view import render_html, render_image
    from actorgraph.pipeline import open_store

    store = open_store(args.graph)
    if args.output:
        path = render_html(store, args.output, max_nodes=args.max_nodes,
                           show_non_asserted=args.show_non_asserted)
        print(f"view: {path}")
    for image in (args.png, args.svg):
        if image:
            print(f"image: {render_image(store, image, max_nodes=args.max_nodes)}")
    return 0


def _neo4j_settings(args: argparse.Namespace):
    from actorgraph.graph.neo4j import Neo4jSettings

    return Neo4jSettings.from_env(uri=args.uri, username=args.username,
                                  password=args.password, database=args.database)


def _load_neo4j(args: argparse.Namespace, store_dir: Path) -> int:
    from actorgraph.graph.neo4j import Neo4jLoadError, load_store

    settings = _neo4j_settings(args)
    progress = None
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, desc="neo4j")

        def progress(done: int, total: int | None = None) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

    try:
        summary = load_store(store_dir, settings, batch_size=args.batch_size_neo4j,
                             progress=progress)
    except Neo4jLoadError as e:
        _err(str(e))
        return 1
    finally:
        if bar is not None:
            bar.close()
    print(summary)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    p = Path(args.graph)
    return _load_neo4j(args, p.parent if p.suffix == ".json" else p)


def cmd_query(args: argparse.Namespace) -> int:
    from actorgraph.graph.query import coerce_param, format_result, library_queries

    if args.file:
        path = Path(args.file)
        if not path.exists():
            lib = library_queries()
            if args.file in lib:
                text, defaults = lib[args.file].text, lib[args.file].params
            else:
                _err(f"{args.file}: no such query file (library: {', '.join(lib)})")
                return 2
        else:
            from actorgraph.graph.query import parse_query_text

            q = parse_query_text(path.read_text(encoding="utf-8"), path.stem)
            text, defaults = q.text, q.params
    elif args.cypher:
        text, defaults = args.cypher, {}
    else:
        _err("give a Cypher statement or --file queries/NAME.cypher")
        return 2
    params = {k: v for k, v in defaults.items() if v is not None}
    for kv in args.param or []:
        if "=" not in kv:
            _err(f"--param {kv!r}: expected NAME=VALUE")
            return 2
        k, v = kv.split("=", 1)
        params[k] = coerce_param(v)
    try:
        if args.neo4j:
            from actorgraph.graph.neo4j import run_query as neo4j_query

            result = neo4j_query(_neo4j_settings(args), text, params)
        else:
            from actorgraph.graph.cypher import run_query

            result = run_query(args.graph, text, params)
    except Exception as e:  # every backend error becomes one line, not a traceback
        _err(f"query failed: {type(e).__name__}: {e}")
        return 1
    sys.stdout.write(format_result(result, args.format))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from actorgraph.graph.cypher import schema_text

    print(schema_text())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from actorgraph.graph import export
    from actorgraph.pipeline import open_store

    store = open_store(args.graph)
    out = Path(args.output)
    if args.format == "graphml":
        print(export.export_graphml(store, out))
    elif args.format == "gexf":
        print(export.export_gexf(store, out))
    else:
        result = export.export_neo4j_csv(store, out)
        print(f"wrote {', '.join(f'{k} ({v} rows)' for k, v in result.counts.items())} "
              f"to {result.out_dir}")
        print(result.instructions)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from actorgraph import evaluation

    return evaluation.main_cli(args)


# --- parser -----------------------------------------------------------------------------


def _add_extract_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="spaCy model name or path (default en_core_web_md)")
    p.add_argument("--relations", action="append", metavar="FILE",
                   help="extra relation lexicon (TOML, same shape as relations.toml)")
    p.add_argument("--actors", action="append", metavar="FILE",
                   help="extra known actors: actors.toml shape, or a PETRARCH/TABARI "
                        ".actors.txt dictionary")
    p.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch")
    p.add_argument("--workers", type=int, default=1,
                   help="extraction processes (1: in this process; with --engine dask and "
                        "no --scheduler: local Dask workers)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where extraction runs: this machine's processes, or Dask")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786); implies --engine dask")


def _add_neo4j_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--uri", help="Bolt URI (default $NEO4J_URI)")
    p.add_argument("--username", help="default $NEO4J_USERNAME")
    p.add_argument("--password", help="default $NEO4J_PASSWORD (prefer the variable)")
    p.add_argument("--database", help="default $NEO4J_DATABASE")
    p.add_argument("--batch-size-neo4j", type=int, default=1000,
                   help="triples per Neo4j transaction (whole documents)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actorgraph", description="News text in, actor graph out.")
    parser.add_argument("--version", action="version", version=f"actorgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print one relation mention per line")
    p.add_argument("paths", nargs="+", help=".txt/.md/.html/.jsonl(.gz) files, dirs, or -")
    p.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    p.add_argument("--events", action="store_true",
                   help="also print one-actor events (an act with no second actor, "
                        'JSON "kind": "event"); runs in one process')
    _add_extract_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("build", help="extract and merge into the graph store under OUT")
    p.add_argument("paths", nargs="+")
    p.add_argument("-o", "--out", default="out", help="output directory (default out/)")
    p.add_argument("--no-view", action="store_true", help="do not write graph.html")
    p.add_argument("--neo4j", action="store_true", help="also merge into Neo4j")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    _add_extract_options(p)
    _add_neo4j_options(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("summary", help="print actors, relations and top triples of a graph")
    p.add_argument("graph", nargs="?", default="out")
    p.add_argument("--top", type=int, default=15)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("view", help="render the stored graph as HTML (and PNG/SVG)")
    p.add_argument("graph", nargs="?", default="out")
    p.add_argument("-o", "--output", help="HTML file to write")
    p.add_argument("--png", help="also write a static PNG picture")
    p.add_argument("--svg", help="also write a static SVG picture")
    p.add_argument("--max-nodes", type=int, help="keep the top N actors by weight")
    p.add_argument("--show-non-asserted", action="store_true",
                   help="show negated/hypothetical relations by default")
    p.set_defaults(func=cmd_view)

    p = sub.add_parser("query", help="run Cypher on the embedded graph or Neo4j")
    p.add_argument("cypher", nargs="?")
    p.add_argument("--file", "-f", help="a .cypher file, or a library query name")
    p.add_argument("--param", "-p", action="append", metavar="K=V")
    p.add_argument("--graph", "-g", default="out", help="OUT dir or graph.json")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--neo4j", action="store_true", help="query the Neo4j server instead")
    _add_neo4j_options(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("load", help="merge a stored graph into Neo4j")
    p.add_argument("graph", help="OUT dir or OUT/graph.json")
    p.add_argument("--neo4j", action="store_true", help="(the default target)")
    _add_neo4j_options(p)
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("schema", help="print the graph model")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("export", help="export to GraphML, GEXF or neo4j-admin CSV")
    p.add_argument("graph", nargs="?", default="out")
    p.add_argument("--format", choices=["graphml", "gexf", "neo4j-csv"], default="graphml")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("eval", help="score extraction against gold annotations")
    p.add_argument("gold", nargs="?", help="gold JSONL (default: the seeds gold)")
    p.add_argument("--datasets", default="seeds,plover,re3d",
                   help="comma list of seeds, plover, re3d")
    p.add_argument("--data", help="development data dir (default ../shared/data)")
    p.add_argument("--no-baseline", action="store_true")
    p.add_argument("--relations", action="append", metavar="FILE",
                   help="extra relation lexicon for the extractor under test (as in extract)")
    p.add_argument("--actors", action="append", metavar="FILE",
                   help="extra known actors for the extractor under test: actors.toml "
                        "shape or a PETRARCH/TABARI .actors.txt dictionary")
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted; the stored graph keeps every document merged so far")
        return 130
    except (FileNotFoundError, ValueError, RuntimeError) as e:
        _err(str(e))
        return 1
