"""Reading documents: formats, hostile input, splitting, streaming memory."""

from __future__ import annotations

import builtins
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tracemalloc
import zlib
from pathlib import Path

import pytest

from actorgraph.extract.documents import (
    MAX_PROBLEMS_PER_FILE,
    Document,
    InputProblem,
    html_to_text,
    normalize_text,
    read_documents,
    split_text,
)


def read(paths, **kwargs) -> tuple[list[Document], list[str]]:
    """All documents and the problems as their one-line messages."""
    problems: list[InputProblem] = []
    docs = list(read_documents([str(p) for p in paths], problems.append, **kwargs))
    return docs, [str(p) for p in problems]


def ids_texts(docs: list[Document]) -> list[tuple[str, str]]:
    return [(d.id, d.text) for d in docs]


# --- hostile single files -------------------------------------------------------------------


def test_binary_file_is_reported_and_skipped(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    good = tmp_path / "good.txt"
    good.write_text("Kerry met Lavrov.")
    docs, problems = read([f, good])
    assert ids_texts(docs) == [("good", "Kerry met Lavrov.")]
    assert problems == [f"{f}: binary file, not text: skipped"]


def test_empty_and_blank_files_are_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_text("  \n\n\t\n")
    docs, problems = read([empty, blank])
    assert docs == []
    assert problems == [f"{empty}: empty file", f"{blank}: empty file (only whitespace)"]


def test_latin1_file_is_decoded_with_a_note(tmp_path: Path) -> None:
    f = tmp_path / "old.txt"
    # cp1252 bytes: é, and 0x92, the Windows right single quote, used as an apostrophe.
    f.write_bytes("Le café de Fabius\n".encode("latin-1") + b"Fabius\x92 aide spoke.\n")
    docs, problems = read([f])
    assert ids_texts(docs) == [("old", "Le café de Fabius\nFabius' aide spoke.\n")]
    assert problems == [f"{f}:1: not valid UTF-8 (byte 0xe9): read as Latin-1 (cp1252)"]


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfKerry met Lavrov.\n")
    j = tmp_path / "bom.jsonl"
    j.write_bytes(b'\xef\xbb\xbf{"id": "j1", "text": "Obama spoke."}\n')
    docs, problems = read([f, j])
    assert ids_texts(docs) == [("bom", "Kerry met Lavrov.\n"), ("j1", "Obama spoke.")]
    assert docs[0].title == "Kerry met Lavrov."
    assert problems == []


def test_utf16_with_bom_is_not_mistaken_for_binary(tmp_path: Path) -> None:
    f = tmp_path / "windows.txt"
    f.write_bytes("Kerry met Lavrov.".encode("utf-16"))
    docs, problems = read([f])
    assert ids_texts(docs) == [("windows", "Kerry met Lavrov.")]
    assert problems == []


def test_invalid_utf8_later_in_a_file_is_replaced_and_reported_with_its_line(
    tmp_path: Path,
) -> None:
    f = tmp_path / "mixed.txt"
    f.write_bytes(b"a\n" * 600_000 + b"bad \xff byte\n")  # past the first 1 MiB chunk
    docs, problems = read([f], max_chars=2_000_000)
    assert len(docs) == 1 and docs[0].text.endswith("bad \ufffd byte\n")
    assert problems == [f"{f}:600001: invalid utf-8 bytes replaced with U+FFFD"]


def test_html_page_text_is_extracted(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Talks in Geneva</title>"
        "<style>p { color: red }</style><script>var s = '<p>not text</p>';</script></head>"
        "<body><nav><a href='/'>Home</a></nav><h1>Kerry meets Lavrov</h1>"
        "<p>Kerry&nbsp;met <b>Lavrov</b>\n   in   Geneva.<br>They talked.</p>"
        "<ul><li>One</li><li>Two &amp; three</li></ul><noscript>Enable JS</noscript>"
        "<pre>  keep   this\n  layout</pre></body></html>"
    )
    docs, problems = read([f])
    assert problems == []
    assert ids_texts(docs) == [
        (
            "page",
            "Home\nKerry meets Lavrov\nKerry met Lavrov in Geneva.\nThey talked.\n"
            "One\nTwo & three\n  keep   this\n  layout\n",
        )
    ]
    assert docs[0].title == "Talks in Geneva"


def test_html_without_title_uses_h1_and_honours_declared_charset(tmp_path: Path) -> None:
    f = tmp_path / "old.htm"
    f.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        + "</head><body><h1>Москва</h1><p>Лавров</p></body></html>".encode("cp1251")
    )
    docs, problems = read([f])
    assert problems == []
    assert ids_texts(docs) == [("old", "Москва\nЛавров\n")]
    assert docs[0].title == "Москва"


def test_html_to_text_drops_markup_and_keeps_blocks() -> None:
    assert html_to_text("<div>a<div>b</div>c</div><p>d <i>e</i></p>") == "a\nb\nc\nd e\n"
    # An unclosed <noscript> in the head must not hide the body.
    assert html_to_text("<head><noscript><body><p>Shown</p>") == "Shown\n"


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_bad_lines_are_reported_and_good_records_kept(tmp_path: Path) -> None:
    f = tmp_path / "news.jsonl"
    lines = [
        {"id": "d1", "text": "Kerry met Lavrov.", "title": "Talks", "source": "AP", "date": 20},
        "{not json",
        {"id": "d2", "title": "No text here"},
        {"id": "d3", "text": ["a", "list"]},
        ["not", "an", "object"],
        {"text": "   "},
        {"text": "No id, so one is made from the file and line."},
        "",
    ]
    f.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    docs, problems = read([f])
    assert ids_texts(docs) == [
        ("d1", "Kerry met Lavrov."),
        ("news:7", "No id, so one is made from the file and line."),
    ]
    assert (docs[0].title, docs[0].source, docs[0].date, docs[0].date_raw, docs[0].path) == (
        "Talks",
        "AP",
        None,  # 20 is not a date: kept raw, never guessed
        "20",
        str(f),
    )
    assert problems == [
        f"{f}:1: number '20' is not a date (epoch seconds have 9-10 digits): "
        "document kept undated",
        f"{f}:2: malformed JSON: Expecting property name enclosed in double quotes",
        f"{f}:3: record has no 'text' field: skipped",
        f"{f}:4: record's 'text' is a list, not a string: skipped",
        f"{f}:5: expected a JSON object, got list",
        f"{f}:6: record has an empty 'text': skipped",
    ]


def test_duplicate_id_with_different_text_is_renamed_not_dropped(tmp_path: Path) -> None:
    f = tmp_path / "dups.jsonl"
    f.write_text(
        '{"id": "a", "text": "First story."}\n'
        '{"id": "a", "text": "First story."}\n'  # plain duplicate: kept as is, store skips it
        '{"id": "a", "text": "Another story."}\n'
        '{"id": "a", "text": "A third story."}\n'
    )
    docs, problems = read([f, f])  # read twice: the names must be the same again
    once = [
        ("a", "First story."),
        ("a", "First story."),
        ("a~2", "Another story."),
        ("a~3", "A third story."),
    ]
    assert ids_texts(docs) == once + once
    assert problems[:2] == [
        f"{f}:3: duplicate id 'a' with different content: renamed 'a~2'",
        f"{f}:4: duplicate id 'a' with different content: renamed 'a~3'",
    ]
    assert docs[0].hash == docs[1].hash != docs[2].hash


def test_check_ids_false_leaves_ids_alone(tmp_path: Path) -> None:
    f = tmp_path / "dups.jsonl"
    f.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n')
    docs, problems = read([f], check_ids=False)
    assert [d.id for d in docs] == ["a", "a"] and problems == []


def test_same_file_name_under_two_roots_gets_distinct_ids(tmp_path: Path) -> None:
    for root, text in (("x", "From x."), ("y", "From y.")):
        (tmp_path / root).mkdir()
        (tmp_path / root / "story.txt").write_text(text)
    docs, problems = read([tmp_path / "x", tmp_path / "y", tmp_path / "x" / "story.txt"])
    assert ids_texts(docs) == [("story", "From x."), ("story~2", "From y."), ("story", "From x.")]
    y = tmp_path / "y" / "story.txt"
    assert problems == [f"{y}: duplicate id 'story' with different content: renamed 'story~2'"]


def test_json_array_file_is_reported_not_read_line_by_line(tmp_path: Path) -> None:
    f = tmp_path / "plover.json"
    f.write_text(json.dumps([{"text": "a"}, {"text": "b"}], indent=2))
    prose = tmp_path / "wire"  # no suffix: sniffed, and a bracket alone is not JSON
    prose.write_text("[Reuters] Kerry met Lavrov.")
    docs, problems = read([f, prose])
    assert ids_texts(docs) == [("wire", "[Reuters] Kerry met Lavrov.")]
    assert problems == [
        f"{f}:1: a JSON array, expected JSON Lines (one object per line): skipped",
    ]


def test_a_flood_of_bad_lines_is_capped(tmp_path: Path) -> None:
    f = tmp_path / "notjson.jsonl"
    f.write_text("this is prose, not JSON\n" * 50 + '{"id": "ok", "text": "Fine."}\n')
    docs, problems = read([f])
    assert [d.id for d in docs] == ["ok"]
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    assert problems[0] == f"{f}:1: malformed JSON: Expecting value"
    assert problems[-1] == f"{f}: {50 - MAX_PROBLEMS_PER_FILE} more problems not reported"


# --- gzip ---------------------------------------------------------------------------------


def test_gzipped_jsonl_and_text(tmp_path: Path) -> None:
    j = tmp_path / "wire.jsonl.gz"
    with gzip.open(j, "wt", encoding="utf-8") as fh:
        fh.write('{"id": "g1", "text": "Kerry met Lavrov."}\n{broken\n')
        fh.write('{"text": "No id."}\n')
    t = tmp_path / "note.gz"
    t.write_bytes(gzip.compress("Obama’s speech.\n".encode()))
    docs, problems = read([j, t])
    assert ids_texts(docs) == [
        ("g1", "Kerry met Lavrov."),
        ("wire:3", "No id."),
        ("note", "Obama's speech.\n"),
    ]
    assert problems == [f"{j}:2: malformed JSON: Expecting property name enclosed in double quotes"]


def test_truncated_and_fake_gzip(tmp_path: Path) -> None:
    body = "".join(json.dumps({"id": f"t{i}", "text": f"Story {i}."}) + "\n" for i in range(5000))
    whole = gzip.compress(body.encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    # What the broken stream still holds: every line it completes is a record to keep.
    readable = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(whole[: len(whole) // 2])
    complete = readable.count(b"\n")
    assert 0 < complete < 5000
    fake = tmp_path / "plain.txt.gz"
    fake.write_text("Not compressed at all.")
    docs, problems = read([cut, fake])
    assert [d.id for d in docs] == [f"t{i}" for i in range(complete)] + ["plain"]
    assert docs[-1].text == "Not compressed at all."
    assert problems == [
        f"{cut}: compressed data breaks off (Compressed file ended before the end-of-stream "
        f"marker was reached): every complete record before it kept, the record on line "
        f"{complete + 1} cut off",
        f"{fake}: not gzip-compressed despite the .gz name; read as it is",
    ]


def test_truncated_gzip_text_keeps_the_text_before_the_break(tmp_path: Path) -> None:
    story = "".join(f"Paragraph {i}: Kerry met Lavrov in Geneva.\n" for i in range(40_000))
    whole = gzip.compress(story.encode(), compresslevel=1)
    cut = tmp_path / "wire.gz"
    cut.write_bytes(whole[: len(whole) * 3 // 4])
    readable = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(whole[: len(whole) * 3 // 4])
    docs, problems = read([cut], max_chars=2_000_000)
    assert len(docs) == 1 and docs[0].text == readable.decode()
    assert len(readable) > 1_100_000  # more than one read buffer: none of it dropped
    assert problems == [
        f"{cut}: compressed data breaks off (Compressed file ended before the end-of-stream "
        "marker was reached): the text before it kept"
    ]


# --- paths --------------------------------------------------------------------------------


def test_directories_are_walked_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "b" / "deep" / "z.md").write_text("Deep.")
    (tmp_path / "b" / "a.txt").write_text("B a.")
    (tmp_path / "a.html").write_text("<p>Page.</p>")
    (tmp_path / "c.jsonl").write_text('{"text": "Record."}\n')
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")  # unknown suffix: not ours
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "entities.json").write_text('{"type": "Person"}\n')  # only read if named
    docs, problems = read([tmp_path])
    assert ids_texts(docs) == [
        ("a", "Page.\n"),
        ("b/a", "B a."),
        ("b/deep/z", "Deep."),
        ("c:1", "Record."),
    ]
    assert problems == []


def test_missing_broken_and_unreadable_paths(tmp_path: Path, monkeypatch) -> None:
    missing = tmp_path / "nope.txt"
    broken = tmp_path / "link.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret.")
    locked.chmod(0)
    # Root reads mode-000 files anyway, so make the open fail the way it would for a user.
    real_open = builtins.open

    def deny(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    dir_named_txt = tmp_path / "x.txt"
    dir_named_txt.mkdir()
    ok = tmp_path / "ok.txt"
    ok.write_text("Still read.")
    docs, problems = read([missing, broken, locked, dir_named_txt, ok])
    assert ids_texts(docs) == [("ok", "Still read.")]
    assert problems == [
        f"{missing}: no such file or directory",
        f"{broken}: broken symbolic link: its target is missing",
        f"{locked}: cannot read file: Permission denied",
    ]


def test_broken_symlink_and_fifo_inside_a_directory(tmp_path: Path) -> None:
    (tmp_path / "dead.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block forever
    (tmp_path / "real.txt").write_text("Real.")
    docs, problems = read([tmp_path])
    assert ids_texts(docs) == [("real", "Real.")]
    assert problems == [
        f"{tmp_path / 'dead.txt'}: broken symbolic link: its target is missing",
        f"{tmp_path / 'pipe.txt'}: not a regular file: skipped",
    ]


def _fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text_jsonl_and_gzip(monkeypatch) -> None:
    _fake_stdin(monkeypatch, "Kerry’s visit.\n".encode())
    docs, _ = read(["-"])
    assert ids_texts(docs) == [("stdin", "Kerry's visit.\n")] and docs[0].path == "-"
    _fake_stdin(monkeypatch, gzip.compress(b'{"id": "s1", "text": "Piped."}\n'))
    docs, problems = read(["-"])
    assert ids_texts(docs) == [("s1", "Piped.")] and problems == []


# --- cleaning and splitting ---------------------------------------------------------------


def test_normalize_text_keeps_length_and_offsets() -> None:
    raw = "NBC News’ Chuck Todd said “no” ‘twice’\u00a0today.\r\n"
    clean = normalize_text(raw)
    assert clean == "NBC News' Chuck Todd said \"no\" 'twice' today. \n"
    assert len(clean) == len(raw)
    assert normalize_text("plain ASCII stays") == "plain ASCII stays"
    assert normalize_text("mac\rlines\r") == "mac\nlines\r"  # a final CR may precede an LF


def test_crlf_split_across_read_chunks_stays_one_line_break(tmp_path: Path) -> None:
    f = tmp_path / "windows.txt"
    line = b"Kerry met Lavrov.\r\n"
    # Put a CR as the last byte of the first 1 MiB chunk.
    pad = b"x" * (2**20 - 1 - len(line) * 1000)
    f.write_bytes(line * 1000 + pad + b"\r\n" + b"Last line.\r\n")
    (doc,) = read([f], max_chars=2 * 2**20)[0]
    assert "\n\n" not in doc.text and "\r" not in doc.text
    assert doc.text.endswith("x \nLast line. \n")
    assert len(doc.text) == f.stat().st_size


def test_normalize_can_be_turned_off(tmp_path: Path) -> None:
    f = tmp_path / "q.txt"
    f.write_text("Obama’s")
    assert read([f], normalize=False)[0][0].text == "Obama’s"


def test_split_text_cuts_at_sentence_ends_and_concatenates_back() -> None:
    text = "The U.S. envoy met Lavrov. " * 40 + "\n\nA new paragraph starts here. " * 10
    parts = list(split_text(text, 300))
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= 300 for _, p in parts)
    for (offset, part), (next_offset, _) in zip(parts, parts[1:], strict=False):
        assert next_offset == offset + len(part)
        assert part.endswith((". ", "\n\n"))  # never inside "U.S. envoy"
    assert not any(p.endswith("U.S. ") for _, p in parts)


def test_split_text_without_whitespace_cuts_hard() -> None:
    assert list(split_text("x" * 25, 10)) == [(0, "x" * 10), (10, "x" * 10), (20, "x" * 5)]
    with pytest.raises(ValueError):
        list(split_text("x", 0))


def test_long_record_becomes_segments_with_offsets(tmp_path: Path) -> None:
    text = "".join(f"Sentence number {i} is here. " for i in range(200))
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"id": "L", "text": text, "title": "Long", "url": "u"}) + "\n")
    docs, problems = read([f], max_chars=1000)
    assert problems == []
    assert [d.id for d in docs] == [f"L#{n}" for n in range(1, len(docs) + 1)]
    assert all(d.parent == "L" and d.title == "Long" and d.url == "u" for d in docs)
    assert [d.part for d in docs] == list(range(1, len(docs) + 1))
    for d in docs:  # offsets map each segment back into the whole text
        assert text[d.offset : d.offset + len(d.text)] == d.text
    assert "".join(d.text for d in docs) == text


def test_short_document_is_whole_not_a_segment(tmp_path: Path) -> None:
    f = tmp_path / "short.txt"
    f.write_text("Short.")
    (doc,) = read([f], max_chars=6)[0]
    assert (doc.id, doc.part, doc.offset, doc.parent) == ("short", None, 0, None)


# --- size -----------------------------------------------------------------------------------


def test_50mb_file_without_line_breaks_streams_in_bounded_segments(tmp_path: Path) -> None:
    sentence = b"Kerry met Lavrov in Geneva and they discussed Syria at length. "
    f = tmp_path / "huge.txt"
    total = 50 * 2**20
    with f.open("wb") as fh:
        block = sentence * (2**20 // len(sentence))
        written = 0
        while written < total:
            fh.write(block)
            written += len(block)
    size = f.stat().st_size
    whole = hashlib.sha256()
    count = 0
    expected_offset = 0
    tracemalloc.start()
    try:
        for doc in read_documents([f]):
            count += 1
            assert doc.id == f"huge#{count}" and doc.part == count and doc.parent == "huge"
            assert doc.offset == expected_offset
            assert 0 < len(doc.text) <= 100_000
            assert doc.text.endswith(". ")
            expected_offset += len(doc.text)
            whole.update(doc.text.encode())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert expected_offset == size
    assert whole.hexdigest() == hashlib.sha256(f.read_bytes()).hexdigest()
    assert count == pytest.approx(size / 100_000, rel=0.1)
    assert peak < 16 * 2**20, f"peak {peak / 2**20:.1f} MiB while reading a 50 MiB file"


def test_large_jsonl_streams_in_bounded_memory(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    body = "Officials in Damascus said the talks with Moscow would continue next week. " * 12
    with f.open("w") as fh:
        for i in range(50_000):
            fh.write(json.dumps({"id": f"doc-{i:06d}", "text": f"{i}. {body}"}) + "\n")
    size = f.stat().st_size  # ~46 MB

    def peak_while_reading(**kwargs) -> tuple[int, int]:
        tracemalloc.start()
        try:
            n = sum(1 for _ in read_documents([f], **kwargs))
            return n, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    n, peak = peak_while_reading(check_ids=False)
    assert n == 50_000
    assert peak < 4 * 2**20, f"peak {peak / 2**20:.1f} MiB for a {size / 2**20:.0f} MiB file"
    # Duplicate-id detection costs a little per document, never per character.
    n, peak = peak_while_reading()
    assert n == 50_000
    assert peak < 50_000 * 250 + 4 * 2**20, f"peak {peak / 2**20:.1f} MiB with id checks"


# --- the benchmark corpus -----------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.mark.skipif(not (SHARED_DATA / "re3d").is_dir(), reason="no ../shared/data")
def test_bench_corpus_is_reproducible_and_reads_cleanly(tmp_path: Path) -> None:
    outs = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for out in outs:
        run = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "corpus.py"), "--mb", "0.5", "--out", str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert run.stdout.startswith(f"{out}: 0.5 MiB, ") and run.stdout.endswith(" words\n")
    assert outs[0].read_bytes() == outs[1].read_bytes()
    docs, problems = read([outs[0]])
    assert problems == [] and len(docs) > 50
    assert all(d.title and d.source and d.date for d in docs)


def test_bench_corpus_without_data_exits_with_a_message(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), "--data", str(tmp_path / "none")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "development data not found" in run.stderr


# --- document dates (see also test_docdates.py) ----------------------------------------------

WIRE = [
    ("r1", "2024-03-05T14:30:00Z", "2024-03-05T14:30:00+00:00",
     "GENEVA (Reuters) - U.S. Secretary of State John Kerry met Russian Foreign Minister "
     "Sergei Lavrov on Tuesday to discuss a ceasefire in Syria, a State Department "
     "official said."),
    ("r2", "Wed, 06 Mar 2024 08:15:00 +0100", "2024-03-06T08:15:00+01:00",
     "Turkey urged Iran to halt arms shipments to the Syrian government, the foreign "
     "ministry in Ankara said on Wednesday."),
    ("r3", "7 March 2024", "2024-03-07",
     "Israeli aircraft struck targets in southern Lebanon overnight, the army said, "
     "after rockets were fired across the border."),
    ("r4", "last Thursday", None,
     "Protesters in Monrovia demanded the resignation of the health minister."),
]


def test_jsonl_dates_in_three_forms_and_one_bad_one(tmp_path: Path) -> None:
    f = tmp_path / "wire.jsonl"
    f.write_text("".join(
        json.dumps({"id": i, "date": raw, "source": "Reuters", "text": text}) + "\n"
        for i, raw, _, text in WIRE
    ))
    problems: list[InputProblem] = []
    docs = list(read_documents([f], problems.append))
    assert [(d.id, d.date, d.date_raw) for d in docs] == [
        (i, iso, raw) for i, raw, iso, _ in WIRE
    ]  # the badly dated story is still read, undated, its value kept
    assert [str(p) for p in problems] == [
        f"{f}:4: unreadable date 'last Thursday': document kept undated"
    ]
    assert problems[0].warning


def test_epoch_seconds_in_a_json_number(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "e1", "date": 1709632800, "text": "Kerry met Lavrov."}\n')
    docs, problems = read([f])
    assert (docs[0].date, docs[0].date_raw, problems) == (
        "2024-03-05T10:00:00+00:00", "1709632800", [])


ARTICLE = (
    "<h1>Kerry and Lavrov agree to push for Syria talks</h1>"
    "<p>GENEVA &mdash; U.S. Secretary of State John Kerry and Russian Foreign Minister Sergei "
    "Lavrov agreed on Tuesday to press the Syrian government and the opposition to attend "
    "peace talks.</p><p>The two ministers met for three hours.</p>"
)
JSONLD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@type": "NewsArticle", "headline": "Kerry and Lavrov agree", '
    '"datePublished": "2024-03-05T09:12:00+01:00"}</script>'
)


@pytest.mark.parametrize("head, body_extra, iso", [
    ('<meta property="article:published_time" content="2024-03-05T09:12:00Z">', "",
     "2024-03-05T09:12:00+00:00"),
    ('<meta property="og:published_time" content="2024-03-05">', "", "2024-03-05"),
    (JSONLD, "", "2024-03-05T09:12:00+01:00"),
    ('<meta name="date" content="March 5, 2024">', "", "2024-03-05"),
    ('<meta itemprop="datePublished" content="2024-03-05">', "", "2024-03-05"),
    ("", '<p>By Arshad Mohammed, <time datetime="2024-03-05T09:12:00-05:00">March 5</time></p>',
     "2024-03-05T09:12:00-05:00"),
])
def test_html_page_dated_only_in_its_metadata(tmp_path: Path, head, body_extra, iso) -> None:
    f = tmp_path / "kerry-lavrov.html"
    f.write_text(f"<!DOCTYPE html><html><head><title>Kerry, Lavrov agree</title>{head}"
                 f"</head><body>{ARTICLE}{body_extra}</body></html>")
    docs, problems = read([f])
    assert problems == []
    assert len(docs) == 1 and "Kerry" in docs[0].text and docs[0].date == iso
    assert "2024" not in docs[0].text  # the date came from markup, not from the text


def test_html_publication_time_outranks_other_dates(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head>\n<meta name=\"date\" content=\"2024-03-09\">\n"
        "<meta property=\"article:published_time\" content=\"2024-03-05T09:12:00Z\">\n"
        f"</head><body>{ARTICLE}<time datetime=\"2024-03-08\">Updated</time></body></html>"
    )
    docs, problems = read([f])
    assert (docs[0].date, docs[0].date_raw, problems) == (
        "2024-03-05T09:12:00+00:00", "2024-03-05T09:12:00Z", [])


def test_html_unreadable_metadata_date_is_a_warning_naming_its_line(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text("<html><head>\n<title>Talks</title>\n"
                 '<meta property="article:published_time" content="Tuesday morning">\n'
                 f"</head><body>{ARTICLE}</body></html>")
    problems: list[InputProblem] = []
    docs = list(read_documents([f], problems.append))
    assert (docs[0].date, docs[0].date_raw) == (None, "Tuesday morning")
    assert [str(p) for p in problems] == [
        f"{f}:3: unreadable date 'Tuesday morning': document kept undated"]
    assert problems[0].warning


AP_STORY = (
    "Taliban claim attack near Kabul airport\n\n"
    "KABUL, Afghanistan, Oct. 3, 2014 (AP) \u2014 A suicide bomber struck a bus carrying "
    "Afghan army personnel in the capital Kabul on Wednesday, killing at least seven "
    "people, officials said.\n"
)
REUTERS_STORY = (
    "Kerry, Lavrov meet on Syria\n"
    "WASHINGTON, March 5 (Reuters) - U.S. Secretary of State John Kerry met Russian Foreign "
    "Minister Sergei Lavrov on Monday and urged Moscow to press Damascus to allow aid "
    "convoys into besieged towns.\n"
)


def test_text_file_dated_by_its_dateline(tmp_path: Path) -> None:
    f = tmp_path / "ap.txt"
    f.write_text(AP_STORY)
    docs, problems = read([f])
    assert (docs[0].date, docs[0].date_raw, problems) == ("2014-10-03", "Oct. 3, 2014", [])


def test_dateline_without_a_year_stays_undated_unless_a_date_is_given(tmp_path: Path) -> None:
    f = tmp_path / "reuters.txt"
    f.write_text(REUTERS_STORY)
    docs, problems = read([f])
    assert (docs[0].date, docs[0].date_raw, problems) == (None, "March 5", [])
    # The caller's date is reliable: it gives the year (the nearest March 5 to it).
    docs, problems = read([f], date="2024-03-06")
    assert (docs[0].date, docs[0].date_raw, problems) == ("2024-03-05", "March 5", [])


def test_given_date_dates_plain_inputs_but_not_dated_ones(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Turkey urged Iran to halt arms shipments to Syria.\n")
    ap = tmp_path / "ap.txt"
    ap.write_text(AP_STORY)
    j = tmp_path / "wire.jsonl"
    j.write_text(json.dumps({"id": "w1", "date": "2024-03-01", "text": "Kerry met Lavrov."})
                 + "\n" + json.dumps({"id": "w2", "text": "Obama spoke."}) + "\n")
    docs, problems = read([plain, ap, j], date="5 March 2024")
    assert [(d.id, d.date, d.date_raw) for d in docs] == [
        ("plain", "2024-03-05", "5 March 2024"),
        ("ap", "2014-10-03", "Oct. 3, 2014"),
        ("w1", "2024-03-01", "2024-03-01"),
        ("w2", "2024-03-05", "5 March 2024"),
    ]
    assert problems == []


def test_a_given_date_that_is_not_a_date_is_refused_up_front(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="has no day"):
        read_documents([tmp_path], date="March 2024")  # at the call, before any reading


def test_jsonl_record_without_a_date_field_is_dated_by_its_dateline(tmp_path: Path) -> None:
    f = tmp_path / "ap.jsonl"
    f.write_text(json.dumps({"id": "ap1", "text": AP_STORY}) + "\n")
    docs, problems = read([f])
    assert (docs[0].date, docs[0].date_raw, problems) == ("2014-10-03", "Oct. 3, 2014", [])


def test_segments_of_a_long_document_share_its_date(tmp_path: Path) -> None:
    f = tmp_path / "long.jsonl"
    text = " ".join(f"Kerry met Lavrov for the {i}th time." for i in range(400))
    f.write_text(json.dumps({"id": "L", "date": "March 5, 2024", "text": text}) + "\n")
    docs, problems = read([f], max_chars=2000)
    assert len(docs) > 3 and {d.date for d in docs} == {"2024-03-05"} and problems == []


def test_build_summary_fails_on_skipped_inputs_not_on_warnings() -> None:
    from actorgraph.pipeline import BuildSummary

    assert BuildSummary(problems=[InputProblem("a.jsonl", "bad date", 3, warning=True)]).ok
    assert not BuildSummary(problems=[InputProblem("a.jsonl", "malformed JSON", 4)]).ok


# --- inputs that used to lose data -----------------------------------------------------------


def test_text_with_a_few_nul_bytes_is_read_without_them(tmp_path: Path) -> None:
    # A story saved by a crashed editor: NUL padding inside, the text otherwise intact.
    story = (
        "GENEVA (Reuters) - U.S. Secretary of State John Kerry met Russian Foreign Minister "
        "Sergei Lavrov on Tuesday to discuss a ceasefire in Syria.\n\n"
        "The two ministers spoke for three hours, a State Department official said, and "
        "agreed to meet again next week in Vienna.\n"
    )
    f = tmp_path / "nul.txt"
    cut = story.index("Lavrov") + len("Lavrov")
    f.write_bytes((story[:cut] + "\x00\x00" + story[cut:-1] + "\x00\n").encode())
    problems: list[InputProblem] = []
    docs = list(read_documents([f], problems.append))
    assert ids_texts(docs) == [("nul", story)]
    assert [str(p) for p in problems] == [f"{f}:1: 3 NUL bytes removed (the first on this line)"]
    assert problems[0].warning


def test_nul_bytes_far_into_a_file_are_found_with_their_line(tmp_path: Path) -> None:
    f = tmp_path / "late.txt"
    f.write_bytes(b"Kerry met Lavrov.\n" * 70_000 + b"Then\x00 they left.\n")  # past 1 MiB
    docs, problems = read([f], max_chars=2_000_000)
    assert docs[0].text.endswith("Then they left.\n") and "\x00" not in docs[0].text
    assert problems == [f"{f}:70001: a NUL byte removed (the first on this line)"]


def test_jsonl_record_with_a_nul_byte_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "nul.jsonl"
    f.write_bytes(b'{"id": "n1", "text": "Kerry met\x00 Lavrov."}\n')
    docs, problems = read([f])
    assert ids_texts(docs) == [("n1", "Kerry met Lavrov.")]
    assert problems == [f"{f}:1: 1 NUL byte removed"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path: Path, encoding: str) -> None:
    story = "Лавров met Kerry in Genève.\nThey spoke for three hours.\n"
    f = tmp_path / "windows.txt"
    f.write_bytes(story.encode(encoding))
    j = tmp_path / "export.jsonl"
    j.write_bytes((json.dumps({"id": "u1", "text": story}, ensure_ascii=False) + "\n")
                  .encode(encoding))
    docs, problems = read([f, j])
    assert ids_texts(docs) == [("windows", story), ("u1", story)]
    assert problems == []


def test_utf16_jsonl_with_bom_is_read(tmp_path: Path) -> None:
    j = tmp_path / "export.jsonl"
    j.write_text(json.dumps({"id": "u1", "text": "Kerry met Lavrov."}) + "\n", encoding="utf-16")
    docs, problems = read([j])
    assert ids_texts(docs) == [("u1", "Kerry met Lavrov.")] and problems == []


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    f = tmp_path / "evil\x1b]0;owned\x07\x1b[2J.txt"
    f.write_bytes(b"")
    j = tmp_path / "ids.jsonl"
    j.write_text('{"id": "a\\u001b[31m", "text": "One."}\n{"id": "a\\u001b[31m", "text": "Two."}\n')
    _, problems = read([f, j])
    assert problems == [
        f"{tmp_path}/evil\\x1b]0;owned\\x07\\x1b[2J.txt: empty file",
        f"{j}:2: duplicate id 'a\\x1b[31m' with different content: renamed 'a\\x1b[31m~2'",
    ]
    assert not any("\x1b" in p or "\x07" in p for p in problems)


def test_identical_segments_in_one_record_are_reported(tmp_path: Path) -> None:
    # A scraped page that carries its story twice, and a feed that repeats a block thrice.
    story = "\n\n".join([
        "BEIRUT, March 5 (Reuters) - Syrian government forces shelled rebel-held districts "
        "of Aleppo on Tuesday, activists said, as Kerry met Lavrov in Geneva.",
        "The Syrian Observatory for Human Rights said at least 12 people were killed.",
    ] * 6) + "\n\n"
    f = tmp_path / "scraped.jsonl"
    f.write_text(json.dumps({"id": "s", "text": story + story}) + "\n"
                 + json.dumps({"id": "t", "text": story * 3}) + "\n")
    problems: list[InputProblem] = []
    docs = list(read_documents([f], problems.append, max_chars=len(story)))
    by_id: dict[str, list[Document]] = {}
    for d in docs:
        by_id.setdefault(d.parent or d.id, []).append(d)
    assert "".join(d.text for d in by_id["s"]) == story + story  # every segment yielded
    assert [d.text for d in by_id["s"]] == [story, story]
    assert [str(p) for p in problems] == [
        f"{f}:1: segment s#2 repeats s#1 word for word; stores keep one copy of identical text",
        f"{f}:2: 2 segments repeat earlier ones (t#2 = t#1, ...) word for word; stores keep "
        "one copy of identical text",
    ]
    assert all(p.warning for p in problems)


def test_jsonl_date_under_the_names_other_tools_export(tmp_path: Path) -> None:
    f = tmp_path / "crawl.jsonl"
    f.write_text(
        json.dumps({"id": "np", "date_publish": "2024-03-05 08:00:00", "text": "Kerry met Lavrov."})
        + "\n" + json.dumps({"id": "rss", "pubDate": "Tue, 05 Mar 2024 08:00:00 GMT",
                             "text": "Iran condemned Israel."})
        + "\n" + json.dumps({"id": "mongo", "date": {"$date": "2024-03-05T08:00:00Z"},
                             "text": "Turkey urged Iran."})
        + "\n" + json.dumps({"id": "list", "date": ["2024", "03"], "text": "NATO warned Russia."})
        + "\n"
    )
    docs, problems = read([f])
    assert [(d.id, d.date, d.date_raw) for d in docs] == [
        ("np", "2024-03-05", "2024-03-05 08:00:00"),
        ("rss", "2024-03-05T08:00:00+00:00", "Tue, 05 Mar 2024 08:00:00 GMT"),
        ("mongo", "2024-03-05T08:00:00+00:00", "2024-03-05T08:00:00Z"),
        ("list", None, '["2024", "03"]'),  # not dropped silently: kept raw and reported
    ]
    assert problems == [
        f"{f}:4: unreadable date '[\"2024\", \"03\"]': document kept undated"]


def test_gzip_broken_before_any_text_says_so(tmp_path: Path) -> None:
    f = tmp_path / "stub.jsonl.gz"
    f.write_bytes(gzip.compress(b'{"id": "a", "text": "Kerry met Lavrov."}\n')[:10])  # header only
    docs, problems = read([f])
    assert docs == []
    assert problems == [
        f"{f}: compressed data breaks off (Compressed file ended before the end-of-stream "
        "marker was reached) before any text"
    ]


def test_build_stores_iso_dates_and_warns_once_for_the_bad_one(tmp_path: Path, extractor) -> None:
    """Issue 16's first 'done when': JSONL in three date forms plus a bad one, an HTML page
    dated only in its metadata, a text file with a dateline; real extractor, real store."""
    from actorgraph.pipeline import build, open_store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire.jsonl").write_text("".join(
        json.dumps({"id": i, "date": raw, "source": "Reuters", "text": text}) + "\n"
        for i, raw, _, text in WIRE
    ))
    (corpus / "page.html").write_text(
        "<html><head><title>Kerry, Lavrov agree</title>"
        '<meta property="article:published_time" content="2024-03-05T09:12:00Z">'
        f"</head><body>{ARTICLE}</body></html>"
    )
    (corpus / "ap.txt").write_text(AP_STORY)
    problems: list[InputProblem] = []
    summary = build([corpus], tmp_path / "out", extractor=extractor, on_problem=problems.append,
                    render=False)
    assert summary.ok, [str(p) for p in problems]  # a warning does not fail the build
    assert [str(p) for p in problems] == [
        f"{corpus / 'wire.jsonl'}:4: unreadable date 'last Thursday': document kept undated"
    ]
    store = open_store(tmp_path / "out")
    records = store.documents() if callable(store.documents) else store.documents.values()
    dates = {d.id: d.date for d in records}
    assert dates == {
        "page": "2024-03-05T09:12:00+00:00", "ap": "2014-10-03",
        **{i: iso for i, _, iso, _ in WIRE},
    }
