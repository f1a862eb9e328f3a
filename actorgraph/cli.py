"""The command line: parses arguments, calls the library, prints. Nothing more.

The store is named the same way by every command: ``-o/--out OUT`` (default ``out``).
Older spellings still work with a note on stderr: a positional OUT (``summary out``),
``query --graph OUT``, ``view OUT -o FILE.html`` and ``export OUT -o FILE``.

Exit codes: 0 success; 1 some inputs were skipped (each reported on stderr with file and
line) or a query/load/check failed; 2 usage errors, including a flag whose library side is
not in this build; 130 interrupted; 141 stdout closed early (``| head``), quietly.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from actorgraph import __version__
from actorgraph.api import NotAvailable
from actorgraph.console import (
    BuildProgress,
    estimate_documents,
    print_table,
    quiet_broken_pipe,
    status,
    stderr_console,
    stdout_console,
)

DEFAULT_OUT = "out"
Handler = Callable[[argparse.Namespace], int]


def _err(msg: str) -> None:
    print(f"actorgraph: {msg}", file=sys.stderr)


def _note(msg: str) -> None:
    _err(f"note: {msg}")


_SHOW_WARNING = warnings.showwarning


def _show_warning(message: Warning | str, category: type[Warning], filename: str,
                  lineno: int, file: Any = None, line: str | None = None) -> None:
    """actorgraph's own warnings (a parse repair skipped, a dictionary record dropped) as one
    line on stderr, like every other problem the command line reports; others as Python
    shows them."""
    if category.__module__.startswith("actorgraph"):
        _err(f"warning: {message}")
    else:
        _SHOW_WARNING(message, category, filename, lineno, file, line)


class UsageError(Exception):
    """A bad combination of arguments: one line on stderr, exit code 2."""


# --- argument helpers ---------------------------------------------------------------------


def _period(value: str, end: bool) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first (or, with ``end``, the last) day
    of that period, ISO; argparse reports anything else as a usage error."""
    parts = value.strip().split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(value.strip()).isoformat()
        year = int(parts[0])
        if len(parts) == 1 and len(parts[0]) == 4:
            return dt.date(year, 12, 31).isoformat() if end else f"{year}-01-01"
        if len(parts) == 2 and len(parts[0]) == 4:
            month = int(parts[1])
            first = dt.date(year, month, 1)
            if not end:
                return first.isoformat()
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return (following - dt.timedelta(days=1)).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")


def _since(value: str) -> str:
    return _period(value, end=False)


def _until(value: str) -> str:
    return _period(value, end=True)


def _store(args: argparse.Namespace) -> Path:
    """The OUT directory: ``-o/--out``, or the deprecated positional (with a note)."""
    legacy = getattr(args, "legacy_out", None)
    if legacy is not None:
        if args.out is not None:
            raise UsageError(f"two stores given ({legacy} and -o {args.out}): use -o OUT only")
        _note(f"'{args.command} OUT' is deprecated; use '{args.command} -o OUT'")
        return Path(legacy)
    return Path(args.out or DEFAULT_OUT)


def _window(args: argparse.Namespace) -> dict[str, str]:
    """``since``/``until`` keywords for the store calls, only those given."""
    return {k: v for k in ("since", "until") if (v := getattr(args, k, None))}


def _extract_config(args: argparse.Namespace) -> Any:
    from actorgraph.api import make_config

    return make_config(
        model=args.model, relations=args.relations, actors=args.actors, verbs=args.verbs,
        frames=args.frames, words=args.words, dictionary=False if args.no_dictionary else None,
        dates=False if args.no_dates else None, batch_size=args.batch_size, workers=args.workers,
        # An address only makes sense for Dask, so it selects that engine by itself.
        engine="dask" if args.scheduler else args.engine, scheduler=args.scheduler)


def _load_extractor(args: argparse.Namespace) -> Any:
    """The extractor, with a status line while the model loads; bad records of
    --actors files are reported (the rest loads)."""
    from actorgraph.extract.pipeline import Extractor

    config = _extract_config(args)
    with status(stderr_console(), f"Loading the spaCy model ({config.model or 'default'}) "
                                  "and lexicons..."):
        extractor = Extractor(config)
    for p in _lexicon_problems(extractor):
        _err(str(p))
    return extractor


def _lexicon_problems(extractor: Any) -> list[Any]:
    """Bad records of --actors, --relations, --frames, --verbs and --words files (each
    skipped)."""
    return [*extractor.lexicon.problems, *getattr(extractor.frames, "problems", ()),
            *extractor.word_problems]


# --- extract ------------------------------------------------------------------------------

EXTRACT_HEADER = ["doc", "subject", "subject_type", "subject_country", "relation", "object",
                  "object_type", "object_country", "plover", "quad", "negated", "modality",
                  "confidence", "trigger", "start", "end", "sentence"]


def _actor_cells(actor: Any) -> list[str]:
    """name, type, country of one side of a CSV row (empty for an event's missing side)."""
    if actor is None:
        return ["", "", ""]
    return [actor.name, actor.type, actor.country or ""]


def _sides(record: Any) -> tuple[Any, Any]:
    """Subject and object of a triple; a one-actor event has nobody on one side."""
    from actorgraph.extract.triples import Triple

    if isinstance(record, Triple):
        return record.subject, record.object
    return (None, record.actor) if record.role == "target" else (record.actor, None)


def _write_record(record: Any, fmt: str, writer: Any) -> None:
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        return
    subject, obj = _sides(record)
    if fmt == "csv":
        writer.writerow([record.doc, *_actor_cells(subject), record.relation,
                         *_actor_cells(obj), record.plover, record.quad, record.negated,
                         record.modality, record.confidence, record.trigger, record.start,
                         record.end, record.sentence])
        return
    flag = "" if record.asserted else f" [{record.factuality}]"
    left = subject.name if subject else "(someone)"
    right = obj.name if obj else "(no one named)"
    sys.stdout.write(f"{left} -{record.relation}-> {right}{flag}  ({record.confidence:.2f}) "
                     f"{record.doc}: {record.sentence}\n")


def _counted(documents: Iterable[Any], progress: BuildProgress) -> Iterator[Any]:
    """``documents``, reporting each one read to ``progress``."""
    for n, d in enumerate(documents, 1):
        yield d
        progress.update(n)


def cmd_extract(args: argparse.Namespace) -> int:
    """``actorgraph extract``: print one relation mention (or event) per line."""
    from actorgraph.api import read_inputs

    problems: list[object] = []

    def on_problem(p: object) -> None:
        problems.append(p)
        _err(str(p))

    documents = read_inputs(args.paths, on_problem, date=args.date)
    extractor = _load_extractor(args)
    problems.extend(_lexicon_problems(extractor))
    # A live bar only when records go elsewhere (a file, a pipe): on the same terminal
    # it would be torn by the lines printed under it.
    console = stderr_console()
    progress = BuildProgress(console, estimate_documents(args.paths),
                             enabled=console.is_terminal and not sys.stdout.isatty())
    writer = csv.writer(sys.stdout) if args.format == "csv" else None
    if writer is not None:
        writer.writerow(EXTRACT_HEADER)
    documents = _counted(documents, progress)
    if args.events:
        records: Iterable[Any] = (r for _d, triples, events in extractor.extract_records(
            documents) for r in (*triples, *events))
    else:
        records = extractor.extract(documents)
    try:
        for n, record in enumerate(records, 1):
            _write_record(record, args.format, writer)
            progress.update(triples=n)
    finally:
        progress.close()
    # Warnings (a date that could not be read, NUL bytes removed) lose nothing.
    return 1 if any(not getattr(p, "warning", False) for p in problems) else 0


# --- build --------------------------------------------------------------------------------


def _problem_kinds(problems: Sequence[object]) -> str:
    """``binary file, not text x2; empty file x1``: the reasons, counted, in first-seen order."""
    kinds: dict[str, int] = {}
    for p in problems:
        # The reason is the message up to its detail: "malformed JSON: Expecting value".
        kind = str(getattr(p, "message", p)).split(":", 1)[0].strip()
        kinds[kind] = kinds.get(kind, 0) + 1
    return "; ".join(f"{k} x{n}" for k, n in kinds.items())


def _print_build(summary: Any, lexicon_problems: Sequence[object]) -> None:
    s = summary.stats
    print(f"documents read {summary.documents_read}, added {summary.documents_added}, "
          f"already in the graph {summary.documents_skipped_seen}, "
          f"skipped {len(summary.problems)}")
    if summary.problems:
        print(f"skipped or noted (file and line on stderr): {_problem_kinds(summary.problems)}")
    if lexicon_problems:
        print(f"lexicon files: {len(lexicon_problems)} bad records skipped (file and line on "
              "stderr)")
    print(f"triples {summary.triples}; graph: {s.get('actors', 0)} actors, "
          f"{s.get('relations', 0)} relations ({s.get('asserted_relations', 0)} asserted), "
          f"{s.get('documents', 0)} documents; {summary.seconds:.1f} s")
    print(f"graph: {summary.graph_path}")
    if summary.html_path:
        unchanged = " (unchanged: nothing new committed)" if summary.view_unchanged else ""
        print(f"view:  {summary.html_path}{unchanged}")
        if summary.view_note:
            print(f"       {summary.view_note}")


def cmd_build(args: argparse.Namespace) -> int:
    """``actorgraph build``: extract and merge into the store under OUT."""
    from actorgraph import pipeline

    out, paths = _store(args), list(args.paths)
    extra = {k: v for k, v in (("lock_wait", args.wait), ("date", args.date)) if v is not None}
    extra["view_max_nodes"], extra["view_max_edges"] = args.view_max_nodes, args.view_max_edges
    # The extractor (and its lexicons) first: a bad --actors/--relations file stops the
    # build before the store is touched, and its skipped records are reported up front.
    extractor = _load_extractor(args)
    progress = BuildProgress(stderr_console(), None if args.quiet else estimate_documents(
        paths), enabled=not args.quiet)
    try:
        summary = pipeline.build(paths, out, extractor=extractor, on_problem=lambda p: _err(
            str(p)), progress=progress, render=not args.no_view, **extra)
    finally:
        progress.close()
    _print_build(summary, _lexicon_problems(extractor))
    if args.neo4j:
        rc = _load_neo4j(args, out)
        if rc:
            return rc
    return 0 if summary.ok and not _lexicon_problems(extractor) else 1


# --- summary --------------------------------------------------------------------------


def cmd_summary(args: argparse.Namespace) -> int:
    """``actorgraph summary``: counts, top actors and relations of a store."""
    from actorgraph.api import open_store, summarize

    data = summarize(open_store(_store(args)), args.top, **_window(args))
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return 0
    s, console = data["stats"], stdout_console()
    print(f"{s['documents']} documents, {s['actors']} actors, {s['relations']} relations "
          f"({s['asserted_relations']} asserted), {s['mentions']} relation mentions")
    print_table(console, ["actor", "type", "country", "role", "asserted"],
                ([a["name"], a["type"], a["country"], a["role"], a["asserted_mentions"]]
                 for a in data["actors"]), title="Actors (by asserted mentions)")
    print_table(console, ["source", "relation", "target", "count", "factuality", "evidence"],
                ([r["source_name"], r["relation"], r["target_name"], r["count"],
                  r["factuality"], _evidence_text(r["evidence"])] for r in data["relations"]),
                title="Relations (asserted first, then by count)")
    return 0


def _evidence_text(ev: dict[str, Any] | None) -> str:
    return f"\"{ev['sentence']}\" ({ev['doc']})" if ev else ""


# --- view -----------------------------------------------------------------------------


def _view_paths(args: argparse.Namespace) -> tuple[Path, Path | None]:
    """The store and the HTML file to write (None: pictures only)."""
    out = args.out
    if out and Path(out).suffix.lower() in (".html", ".htm") and args.html is None:
        _note("'view OUT -o FILE.html' is deprecated; use 'view -o OUT --html FILE.html'")
        args.out, args.html = None, out
    store = _store(args)
    if args.html:
        return store, Path(args.html)
    # Asked only for a picture: do not rewrite the page as a side effect.
    return store, None if (args.png or args.svg) else store / "graph.html"


def cmd_view(args: argparse.Namespace) -> int:
    """``actorgraph view``: write the HTML page (OUT/graph.html by default) and pictures."""
    from actorgraph.api import open_store
    from actorgraph.graph.view import render_html, render_image

    out, html = _view_paths(args)
    window = _window(args)
    store = open_store(out)
    options: dict[str, Any] = {"max_nodes": args.max_nodes, "title": args.title, **window}
    if html is not None:
        path = render_html(store, html, show_non_asserted=args.show_non_asserted,
                           max_edges=args.max_edges, **options)
        print(f"view: {path}")
    for image in (args.png, args.svg):
        if image:
            try:
                print(f"image: {render_image(store, image, **options)}")
            except ImportError as e:
                raise NotAvailable(f"--png/--svg need matplotlib ({e.name} is not installed): "
                                   "pip install 'actorgraph[image]'") from e
    return 0


# --- neo4j / load -------------------------------------------------------------------------


def _neo4j_settings(args: argparse.Namespace) -> Any:
    from actorgraph.graph.neo4j import Neo4jSettings

    return Neo4jSettings.from_env(uri=args.uri, username=args.username,
                                  password=args.password, database=args.database)


def _load_neo4j(args: argparse.Namespace, store_dir: Path) -> int:
    from actorgraph.graph.neo4j import Neo4jLoadError, load_store

    progress = BuildProgress(stderr_console(), None, label="neo4j documents")

    def on_progress(done: int, total: int | None = None) -> None:
        progress.total = total
        progress.update(done)

    try:
        summary = load_store(store_dir, _neo4j_settings(args),
                             batch_size=args.batch_size_neo4j, progress=on_progress)
    except Neo4jLoadError as e:
        _err(str(e))
        return 1
    finally:
        progress.close()
    print(summary)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    """``actorgraph load``: merge a stored graph into Neo4j."""
    p = _store(args)
    return _load_neo4j(args, p.parent if p.suffix == ".json" else p)


# --- query ----------------------------------------------------------------------------


def _query_source(args: argparse.Namespace) -> tuple[str, str, dict[str, Any]]:
    """(name, text, default params) of the query to run: a library name, a file, or Cypher."""
    from actorgraph.graph.query import library_queries, parse_query_text

    lib = library_queries()
    spec = args.file or args.cypher
    if spec is None:
        raise UsageError("give a Cypher statement, a library query name or --file FILE "
                         "('query --list' shows the library)")
    if spec in lib:
        q = lib[spec]
    elif args.file:
        path = Path(args.file)
        if not path.is_file():
            raise UsageError(f"{args.file}: no such query file or library query "
                             "('query --list' shows the library)")
        q = parse_query_text(path.read_text(encoding="utf-8"), path.stem)
    else:
        return "query", spec, {}
    return q.name, q.text, {k: v for k, v in q.params.items() if v is not None}


def _query_params(args: argparse.Namespace, name: str, text: str,
                  defaults: dict[str, Any]) -> dict[str, Any]:
    """Header defaults, then ``--param K=V``, then --since/--until as date parameters."""
    import re

    from actorgraph.graph.query import coerce_param

    params = dict(defaults)
    for kv in args.param or []:
        if "=" not in kv:
            raise UsageError(f"--param {kv!r}: expected NAME=VALUE")
        k, v = kv.split("=", 1)
        params[k] = coerce_param(v)
    for key, value in _window(args).items():
        if not re.search(rf"\${key}\b", text):
            raise UsageError(f"--{key}: {name} takes no ${key} parameter")
        # Native dates, as the stores keep them (DATE / date()).
        params[key] = dt.date.fromisoformat(value)
    return params


def _list_queries() -> int:
    from actorgraph.graph.query import library_queries

    rows = [[q.name, q.description, ", ".join(
        p if p in q.required else f"{p}={q.params[p]}" for p in q.params)]
        for q in library_queries().values()]
    print_table(stdout_console(), ["query", "answers", "parameters"], rows,
                title="Library queries (run: actorgraph query NAME -p K=V)")
    return 0


def _describe_query(name: str) -> int:
    from actorgraph.graph.query import library_queries

    lib = library_queries()
    if name not in lib:
        raise UsageError(f"no library query {name!r} ('query --list' shows the library)")
    q = lib[name]
    print(f"{q.name}: {q.description}")
    for p, default in q.params.items():
        print(f"  param {p}: " + ("required" if p in q.required else f"default {default!r}"))
    print(f"\n{q.text.rstrip()}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    """``actorgraph query``: run Cypher on the embedded store or Neo4j; list the library."""
    if args.list:
        return _list_queries()
    if args.describe:
        return _describe_query(args.describe)
    if args.legacy_graph:
        _note("'query --graph OUT' is deprecated; use 'query -o OUT'")
        args.out = args.out or args.legacy_graph
    name, text, defaults = _query_source(args)
    params = _query_params(args, name, text, defaults)
    from actorgraph.graph.query import format_result, name_columns

    try:
        if args.neo4j:
            from actorgraph.graph.neo4j import run_query as neo4j_query

            result = name_columns(neo4j_query(_neo4j_settings(args), text, params), text)
        else:
            from actorgraph.api import run_query

            result = run_query(_store(args), text, params)
    except (NotAvailable, UsageError):
        raise
    except Exception as e:  # every backend error becomes one line, not a traceback
        _err(f"query failed: {type(e).__name__}: {e}")
        return 1
    if args.format != "table":
        # Line by line: one huge write to a pipe that closes part-way can come back as a
        # short write with no error, and the rest would be lost without a word.
        for line in format_result(result, args.format).splitlines(keepends=True):
            sys.stdout.write(line)
        return 0
    n = print_table(stdout_console(), result.columns, result.rows)
    print(f"({n} row{'s' if n != 1 else ''})")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """``actorgraph schema``: print the graph model."""
    from actorgraph.graph.cypher import schema_text

    print(schema_text())
    return 0


# --- export, check, eval ----------------------------------------------------------------------

EXPORT_DEFAULT = {"graphml": "graph.graphml", "gexf": "graph.gexf",
                  "neo4j-csv": "neo4j-import", "triples": "triples.csv"}


def _export_paths(args: argparse.Namespace) -> tuple[Path, Path]:
    """The store and the export destination (default inside OUT)."""
    if args.to is None and args.out is not None and (
            args.legacy_out is not None or not Path(args.out).is_dir()):
        _note("'export OUT -o PATH' is deprecated; use 'export -o OUT --to PATH'")
        args.to, args.out, args.legacy_out = args.out, args.legacy_out, None
    store = _store(args)
    return store, Path(args.to) if args.to else store / EXPORT_DEFAULT[args.format]


def _neo4j_csv(store: Any, to: Path, args: argparse.Namespace, window: dict[str, str]) -> None:
    from actorgraph.graph.export import export_neo4j_csv

    if window:  # the import files are the whole store: a database is not a window
        raise NotAvailable("--since/--until: not available for neo4j-csv (it exports the "
                           "whole store; filter in Cypher after the import)")
    # Importing over an existing database deletes it: the command overwrites only on request.
    result = export_neo4j_csv(store, to, overwrite=args.overwrite)
    print(f"wrote {', '.join(f'{k} ({v} rows)' for k, v in result.counts.items())} "
          f"to {result.out_dir}")
    print(result.instructions.rstrip())
    if not args.overwrite:
        print("# neo4j-admin refuses an existing database; to replace it, run export "
              "with --overwrite")


def cmd_export(args: argparse.Namespace) -> int:
    """``actorgraph export``: GraphML, GEXF or neo4j-admin CSV."""
    from actorgraph.api import open_store
    from actorgraph.graph import export

    out, to = _export_paths(args)
    window = _window(args)
    store = open_store(out)
    if args.format == "neo4j-csv":
        _neo4j_csv(store, to, args, window)
        return 0
    if args.format == "triples":
        # One row per mention; facts and claims both unless --facts-only.
        print(export.export_triples(store, to, asserted=True if args.facts_only else None,
                                    **window))
        return 0
    options: dict[str, Any] = {"asserted_only": not args.claims, **window}
    if args.format == "gexf":
        options["dynamic"] = args.dynamic
    elif args.dynamic:
        raise NotAvailable("--dynamic: only for --format gexf (Gephi's timeline)")
    func = export.export_graphml if args.format == "graphml" else export.export_gexf
    print(func(store, to, **options))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """``actorgraph check``: verify a store (counts, orphans, order); says how to repair."""
    from actorgraph.api import check_store

    report = check_store(_store(args))
    print(report)
    return 0 if getattr(report, "ok", True) else 1


def cmd_eval(args: argparse.Namespace) -> int:
    """``actorgraph eval``: score extraction against gold annotations."""
    from actorgraph import evaluation

    return evaluation.main_cli(args)


# --- parser ---------------------------------------------------------------------------


def _command(sub: Any, name: str, summary: str, examples: str, func: Handler,
             description: str = "") -> argparse.ArgumentParser:
    """A subcommand whose --help ends with examples (kept as written, not re-wrapped)."""
    p = sub.add_parser(name, help=summary, description=description or summary,
                       epilog="examples:\n" + examples.strip("\n"),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(func=func)
    return p


def _add_store(p: argparse.ArgumentParser, legacy_positional: bool = True) -> None:
    p.add_argument("-o", "--out", metavar="OUT",
                   help="the store directory (default: out/)")
    if legacy_positional:  # 'summary out': the old spelling, still read (with a note)
        p.add_argument("legacy_out", nargs="?", metavar="OUT", help=argparse.SUPPRESS)


def _add_window(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", type=_since, metavar="DATE",
                   help="only mentions dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY)")
    p.add_argument("--until", type=_until, metavar="DATE",
                   help="only mentions dated on or before DATE (a month or year: its end)")


def _add_frame_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--frames", action="append", metavar="FILE",
                   help="extra relation frames (TOML [[frame]] tables, as in "
                        "extract/lexicon/frames.toml; repeatable)")
    p.add_argument("--verbs", metavar="FILE",
                   help="a PETRARCH-format verb dictionary used in place of the shipped "
                        "CAMEO one")
    p.add_argument("--no-dictionary", action="store_true",
                   help="leave the CAMEO verb dictionary out")
    p.add_argument("--words", action="append", metavar="FILE",
                   help="words to add to the rules' word lists (TOML [section] tables with "
                        "words = [...], as in extract/lexicon/words.toml; repeatable)")


def _add_extract_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="spaCy model name or path (default en_core_web_md)")
    p.add_argument("--relations", action="append", metavar="FILE",
                   help="extra relation lexicon (TOML, same shape as relations.toml)")
    p.add_argument("--actors", action="append", metavar="FILE",
                   help="extra known actors: actors.toml shape, or a PETRARCH/TABARI "
                        ".actors.txt dictionary")
    _add_frame_options(p)
    p.add_argument("--no-dates", action="store_true",
                   help="leave every triple undated (to measure what dating costs)")
    p.add_argument("--date", metavar="DATE",
                   help="date of inputs that carry none of their own (text files, stdin)")
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
    p.add_argument("--batch-size-neo4j", type=int, default=5000,
                   help="triples per Neo4j transaction (whole documents)")


def _parser_extract(sub: Any) -> None:
    p = _command(sub, "extract", "print one relation mention per line", """
  actorgraph extract seeds/                          # JSON Lines on stdout
  echo "Germany condemned Iran." | actorgraph extract - --format table
  actorgraph extract news.jsonl.gz --format csv > triples.csv
  actorgraph extract notes.txt --date 2024-03-05 --events
""", cmd_extract)
    p.add_argument("paths", nargs="+", help=".txt/.md/.html/.jsonl(.gz) files, dirs, or -")
    p.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    p.add_argument("--events", action="store_true",
                   help="also print one-actor events (an act with no second actor, "
                        'JSON "kind": "event"); runs in one process')
    _add_extract_options(p)


def _count_or_all(text: str) -> int | None:
    """A cap from the command line: a count >= 0, or ``all`` (None: no cap)."""
    if text.strip().lower() == "all":
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number or 'all'") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number >= 0 or 'all'")
    return value


def _parser_build(sub: Any) -> None:
    p = _command(sub, "build", "extract and merge into the graph store under OUT", """
  actorgraph build seeds -o out                      # then open out/graph.html
  actorgraph build corpus.jsonl.gz -o out --workers 2 --no-view
  actorgraph build more/ -o out --wait 60            # wait up to 60 s for another writer
  actorgraph build more/ -o out --view-max-nodes 300 # a smaller page (default 1000 actors)
  actorgraph build seeds -o out --neo4j              # also merge into Neo4j ($NEO4J_URI)
""", cmd_build)
    p.add_argument("paths", nargs="+", help=".txt/.md/.html/.jsonl(.gz) files, dirs, or -")
    _add_store(p, legacy_positional=False)
    p.add_argument("--no-view", action="store_true", help="do not write OUT/graph.html")
    p.add_argument("--view-max-nodes", type=_count_or_all, default=1000, metavar="N|all",
                   help="actors on OUT/graph.html: the N with most asserted mentions "
                        "(default 1000; all: every actor, read from the whole store)")
    p.add_argument("--view-max-edges", type=_count_or_all, default=2000, metavar="M|all",
                   help="relations on OUT/graph.html: the M strongest among those actors "
                        "(default 2000)")
    p.add_argument("--neo4j", action="store_true", help="also merge into Neo4j")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.add_argument("--wait", type=float, metavar="SECONDS",
                   help="wait up to SECONDS for another build's lock on OUT")
    _add_extract_options(p)
    _add_neo4j_options(p)


def _parser_readers(sub: Any) -> None:
    p = _command(sub, "summary", "print counts, top actors and top relations of a store", """
  actorgraph summary                                 # the store in out/
  actorgraph summary -o out --top 30
  actorgraph summary -o out --format json | jq .stats
  actorgraph summary -o out --since 2024-03 --until 2024-03
""", cmd_summary)
    _add_store(p)
    p.add_argument("--top", type=int, default=15, help="actors and relations shown")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _add_window(p)

    p = _command(sub, "view", "write the HTML page (OUT/graph.html) and PNG/SVG pictures", """
  actorgraph view -o out                             # writes out/graph.html
  actorgraph view -o out --html top.html --max-nodes 300 --title "Top 300"
  actorgraph view -o out --max-nodes 1000 --max-edges 2000  # what build writes
  actorgraph view -o out --png figure.png            # only the picture
  actorgraph view -o out --since 2024-01-01 --html q1.html
""", cmd_view)
    _add_store(p)
    p.add_argument("--html", metavar="FILE", help="HTML file to write (default OUT/graph.html; "
                   "not written when only --png/--svg is asked for)")
    p.add_argument("--png", metavar="FILE", help="also write a static PNG picture")
    p.add_argument("--svg", metavar="FILE", help="also write a static SVG picture")
    p.add_argument("--max-nodes", type=_count_or_all, metavar="N|all",
                   help="keep the top N actors by asserted mentions (default: all)")
    p.add_argument("--max-edges", type=_count_or_all, metavar="M|all",
                   help="keep the M strongest relations among them on the page (default: "
                        "all)")
    p.add_argument("--title", help="page and picture title")
    p.add_argument("--show-non-asserted", action="store_true",
                   help="show negated/hypothetical relations by default")
    _add_window(p)


def _parser_query(sub: Any) -> None:
    p = _command(sub, "query", "run Cypher (or a library query) on the store or Neo4j", """
  actorgraph query --list                            # the query library
  actorgraph query --describe pair_evidence
  actorgraph query top_actors -p limit=5
  actorgraph query -f pair_evidence -p a=Kerry -p b=Lavrov --format json
  actorgraph query "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.name, type(r), b.name LIMIT 5"
  actorgraph query --neo4j -f top_actors             # on the server at $NEO4J_URI
""", cmd_query)
    p.add_argument("cypher", nargs="?", help="a Cypher statement or a library query name")
    p.add_argument("--file", "-f", help="a .cypher file, or a library query name")
    p.add_argument("--param", "-p", action="append", metavar="K=V",
                   help="a query parameter (JSON-like value; repeatable)")
    _add_store(p, legacy_positional=False)
    p.add_argument("--graph", "-g", dest="legacy_graph", help=argparse.SUPPRESS)
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--list", action="store_true", help="list the library queries")
    p.add_argument("--describe", metavar="NAME", help="show one library query")
    p.add_argument("--neo4j", action="store_true", help="query the Neo4j server instead")
    _add_window(p)
    _add_neo4j_options(p)


def _parser_others(sub: Any) -> None:
    p = _command(sub, "load", "merge a stored graph into Neo4j", """
  export NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=...
  actorgraph load -o out --neo4j
""", cmd_load)
    _add_store(p)
    p.add_argument("--neo4j", action="store_true", help="(the default target)")
    _add_neo4j_options(p)

    _command(sub, "schema", "print the graph model", """
  actorgraph schema | less
""", cmd_schema)

    p = _command(sub, "export", "export to GraphML, GEXF, a triples table or neo4j-admin CSV",
                 """
  actorgraph export -o out --format graphml          # writes out/graph.graphml (facts)
  actorgraph export -o out --format gexf --dynamic --to timeline.gexf   # Gephi's timeline
  actorgraph export -o out --format triples --to triples.parquet --since 2024-01-01
  actorgraph export -o out --format neo4j-csv --to import/   # prints the neo4j-admin command
""", cmd_export)
    _add_store(p)
    p.add_argument("--format", choices=list(EXPORT_DEFAULT), default="graphml")
    p.add_argument("--to", metavar="PATH", help="file (directory for neo4j-csv) to write; "
                   "default OUT/graph.graphml, OUT/graph.gexf, OUT/triples.csv (.parquet "
                   "writes Parquet) or OUT/neo4j-import/")
    p.add_argument("--claims", action="store_true",
                   help="graphml/gexf: add the non-asserted statements (edge 'factuality')")
    p.add_argument("--dynamic", action="store_true",
                   help="gexf: edge and node spells from the mention dates")
    p.add_argument("--facts-only", action="store_true",
                   help="triples: asserted mentions only")
    p.add_argument("--overwrite", action="store_true",
                   help="neo4j-csv: print the import command with --overwrite-destination")
    _add_window(p)

    p = _command(sub, "check", "verify a store: counts, orphans, order; how to repair", """
  actorgraph check -o out
""", cmd_check)
    _add_store(p)

    p = _command(sub, "eval", "score extraction against gold annotations", """
  actorgraph eval                                    # seeds gold, plover, re3d if present
  actorgraph eval --datasets seeds --no-baseline --actors mine.actors.txt
""", cmd_eval)
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
    _add_frame_options(p)


def make_parser() -> argparse.ArgumentParser:
    """The ``actorgraph`` argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="actorgraph", description="News text in, a dated actor graph out.",
        epilog="examples:\n  actorgraph build seeds -o out && actorgraph summary -o out\n"
               "  actorgraph query --list\n  actorgraph COMMAND --help",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"actorgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_parser_extract, _parser_build, _parser_readers, _parser_query,
                _parser_others):
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = make_parser().parse_args(argv)
    warnings.showwarning = _show_warning
    try:
        rc = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return rc
    except BrokenPipeError:
        quiet_broken_pipe()
        return 141
    except KeyboardInterrupt:
        _err("interrupted; the stored graph keeps every document merged so far")
        return 130
    except (NotAvailable, UsageError) as e:
        _err(str(e))
        return 2
    except (OSError, ValueError, RuntimeError) as e:
        _err(str(e))
        return 1
