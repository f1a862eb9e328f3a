"""Parallel extraction: 1 worker, 2 local workers and a two-worker Dask cluster agree."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import psutil
import pytest

from actorgraph.extract.documents import Document, read_documents
from actorgraph.extract.parallel import batches, document_batches, extract_batch
from actorgraph.extract.pipeline import ExtractConfig, Extractor

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

# Known actors from the lexicon and verbs from the relation vocabulary, so most sentences
# give triples; varied enough that batches differ in length and content.
ACTORS = ["Russia", "Iran", "NATO", "Turkey", "the United Nations", "Hezbollah", "Egypt",
          "Barack Obama", "Vladimir Putin", "Israel", "the European Union", "China"]
VERBS = ["met", "condemned", "accused", "warned", "criticized", "praised", "attacked",
         "supported", "threatened", "sanctioned"]


def small_corpus(n: int = 48) -> list[dict]:
    """``n`` short news-like records, deterministic."""
    out = []
    for i in range(n):
        sents = []
        for j in range(1 + i % 4):
            a = ACTORS[(i + j) % len(ACTORS)]
            b = ACTORS[(3 * i + 5 * j + 1) % len(ACTORS)]
            if a == b:
                b = ACTORS[(i + j + 2) % len(ACTORS)]
            v = VERBS[(i * 7 + j) % len(VERBS)]
            neg = " did not" if (i + j) % 5 == 0 else ""
            verb = {"met": "meet", "condemned": "condemn", "accused": "accuse",
                    "warned": "warn", "criticized": "criticize", "praised": "praise",
                    "attacked": "attack", "supported": "support", "threatened": "threaten",
                    "sanctioned": "sanction"}[v] if neg else v
            sents.append(f"{a}{neg} {verb} {b} on {['Monday', 'Tuesday', 'Friday'][j % 3]}.")
        sents.append(f"Officials gave {i + 2} briefings.")  # no two texts are the same
        out.append({"id": f"c{i:03d}", "title": f"Story {i}", "text": " ".join(sents)})
    return out


def write_corpus(path: Path, n: int = 48) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in small_corpus(n)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Document]:
    corpus = write_corpus(tmp_path_factory.mktemp("corpus") / "small.jsonl")
    return list(read_documents([SEEDS, corpus]))


def run(extractor: Extractor, docs: list[Document]) -> list[tuple[str, list[dict]]]:
    return [(d.id, [t.to_dict() for t in ts]) for d, ts in extractor.extract_documents(docs)]


@pytest.fixture(scope="module")
def serial(extractor, documents):
    return run(extractor, documents)


def test_batches_are_consecutive_and_bounded() -> None:
    assert list(batches(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []


def test_document_batches_close_at_a_character_budget() -> None:
    sizes = [40, 40, 30, 150, 5, 5, 5, 5]
    docs = [Document(id=str(i), text="x" * n) for i, n in enumerate(sizes)]
    got = [[d.id for d in b] for b in document_batches(docs, size=3, max_chars=100)]
    # 40+40 fit and 30 more would not; a document over the budget goes alone; the count
    # bound still applies to short ones.
    assert got == [["0", "1"], ["2"], ["3"], ["4", "5", "6"], ["7"]]
    assert [len(b) for b in document_batches(docs, size=4)] == [4, 4]


def test_serial_run_covers_every_document_with_triples(serial, documents) -> None:
    assert [i for i, _ in serial] == [d.id for d in documents]
    assert sum(len(ts) for _, ts in serial) > 40  # the corpus really exercises extraction


def test_two_workers_give_the_same_triples_in_the_same_order(serial, documents) -> None:
    two = Extractor(ExtractConfig(workers=2, batch_size=8))
    one = Extractor(ExtractConfig(workers=1, batch_size=8))
    # Same batch size on both sides, and against the default-batch serial run too: the
    # parse must not depend on how documents are grouped into worker tasks.
    assert run(two, documents) == run(one, documents) == serial


def test_memory_zone_frees_the_strings_of_each_batch(extractor) -> None:
    nlp = extractor.nlp
    words = " ".join(f"Zorblax{i}quent" for i in range(200))
    extract_batch(extractor, [Document(id="warm", text="Iran condemned Israel.")])
    before = len(nlp.vocab.strings)
    for k in range(3):
        extract_batch(extractor, [Document(id=f"n{k}", text=f"Iran met {words} {k}.")])
    assert len(nlp.vocab.strings) == before


def test_abandoned_stream_stops_its_workers(documents) -> None:
    me = psutil.Process()
    before = {p.pid for p in me.children(recursive=True)}
    ex = Extractor(ExtractConfig(workers=2, batch_size=2))
    stream = ex.extract_documents(documents)
    next(stream)
    workers = {p.pid for p in me.children(recursive=True)} - before
    assert len(workers) >= 2
    stream.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(psutil.pid_exists(p) and
                                              psutil.Process(p).status() != "zombie"
                                              for p in workers):
        time.sleep(0.1)
    alive = [p for p in workers if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]
    assert not alive


def test_unknown_engine_is_an_error(documents) -> None:
    ex = Extractor(ExtractConfig(engine="spark", workers=2))
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        list(ex.extract_documents(documents))


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_triples(serial, documents) -> None:
    """A real two-process LocalCluster (threads_per_worker=1): workers load the model once
    each, batches stream with a bounded number in flight, order is restored."""
    pytest.importorskip("distributed")
    config = ExtractConfig(engine="dask", workers=2)
    ex = Extractor(config)
    t0 = time.monotonic()
    assert run(ex, documents) == serial
    # Seeds plus the corpus are several batches: more than one was in flight per worker.
    assert len(list(batches(documents, config.batch_size))) >= 2
    print(f"dask LocalCluster run: {time.monotonic() - t0:.1f} s (pid {os.getpid()})")
