"""The extractor: Documents in, triples out, streaming through ``nlp.pipe`` in batches.

>>> ex = Extractor()
>>> [(t.subject.name, t.relation, t.object.name) for t in
...  ex.extract_text("Kerry met Lavrov in Geneva.")]
[('John Kerry', 'MEETS', 'Sergei Lavrov'), ('Sergei Lavrov', 'MEETS', 'John Kerry')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from actorgraph.extract.actors import find_actors
from actorgraph.extract.documents import Document
from actorgraph.extract.eventdates import NO_DATE, DocumentDater
from actorgraph.extract.events import Event
from actorgraph.extract.frames import FrameSet, load_frame_set, load_frames
from actorgraph.extract.lexicon import RelationVocabulary, load_actor_lexicon, load_relations
from actorgraph.extract.nlp import load_pipeline
from actorgraph.extract.relations import extract_records
from actorgraph.extract.triples import Triple
from actorgraph.extract.wordlists import use_words


@dataclass(frozen=True)
class ExtractConfig:
    """What the extractor loads, how it batches and where it runs.

    ``relations``/``actors`` are extra lexicon files layered over the built-in ones.
    A parser batch closes at ``batch_size`` documents or ``batch_chars`` characters,
    whichever comes first: peak memory grows with the text in a batch, so long articles
    must not pile up. ``engine`` ``"local"`` runs in this process when ``workers`` is 1,
    else in ``workers`` processes on this machine; ``"dask"`` runs on the Dask cluster at
    ``scheduler`` or, without one, on a local cluster of ``workers`` processes (see
    :mod:`actorgraph.extract.parallel`). Every engine gives the same triples in the same
    order.

    Every component of the model runs: the extractor reads dependencies and sentences
    (parser), entities (ner), ``tag_``/``pos_`` (tagger, attribute_ruler) and lemmas
    (lemmatizer), and tok2vec feeds tagger and parser; only the model's own disabled
    ``senter`` stays off.

    ``dates`` dates every triple and event from its sentence or its document
    (:mod:`actorgraph.extract.eventdates`); off, their ``date`` fields stay None (for
    measuring what dating costs).
    """

    model: str | None = None
    relations: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    #: extra frame files (``extract/frames.py``) over the built-in ones; ``builtin_frames``
    #: False leaves the built-in frames out; ``verbs`` a PETRARCH-format verb dictionary
    #: in place of the shipped CAMEO one; ``dictionary`` False leaves the dictionary out
    frames: tuple[str, ...] = ()
    builtin_frames: bool = True
    verbs: str | None = None
    dictionary: bool = True
    #: user word files (``extract/lexicon/words.toml`` shape) adding to the rules' word lists
    words: tuple[str, ...] = ()
    batch_size: int = 32
    batch_chars: int = 100_000
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    dates: bool = True
    extras: dict = field(default_factory=dict, compare=False, hash=False)


def extraction_frames(config: ExtractConfig, vocab: RelationVocabulary) -> FrameSet:
    """The frames extraction uses: built-in and user frame files, then the verb
    dictionary (compiled once per configuration and process)."""
    own = vocab if config.relations else None  # user types need the user's vocabulary
    if config.builtin_frames:
        return load_frame_set(config.frames, config.verbs, dictionary=config.dictionary,
                              vocab=own)
    hand = load_frames(config.frames, builtin=False, vocab=vocab)
    if not config.dictionary:
        return hand
    from actorgraph.extract.verbdict import load_verb_frames

    return hand + load_verb_frames(config.verbs)


class Extractor:
    """Runs the pipeline stages: nlp -> actors -> relations, one document at a time."""

    def __init__(self, config: ExtractConfig | None = None) -> None:
        self.config = config or ExtractConfig()
        self.vocab = load_relations(self.config.relations)
        self.lexicon = load_actor_lexicon(self.config.actors)
        self.frames = extraction_frames(self.config, self.vocab)
        #: bad entries of the ``words`` files (each skipped), as ``FILE:LINE`` problems
        self.word_problems = tuple(use_words(self.config.words))
        self.nlp = load_pipeline(self.config.model, self.lexicon)

    def triples_of(self, document: Document, doc: Doc) -> list[Triple]:
        """Triples of one parsed document, offsets mapped to the whole article."""
        return self._records(document, doc, events=False)[0]

    def records_of(self, document: Document, doc: Doc) -> tuple[list[Triple], list[Event]]:
        """Triples and one-actor events (:class:`Event`) of one parsed document."""
        return self._records(document, doc, events=True)

    def _records(
        self, document: Document, doc: Doc, events: bool
    ) -> tuple[list[Triple], list[Event]]:
        # The word lists are the process's: another extractor may have set others since.
        use_words(self.config.words)
        index = find_actors(doc, self.lexicon)
        triples, acts = extract_records(
            doc,
            index,
            self.vocab,
            doc_id=document.parent or document.id,
            text=document.text,
            doc_title=document.title,
            doc_date=document.date,
            doc_hash=document.hash,
            events=events,
            frames=self.frames,
        )
        triples, acts = self._stamp(document, doc, triples, acts)
        if document.offset:
            # Chunks of one long article: offsets count from the article's start.
            shift = document.offset
            triples = [replace(t, start=t.start + shift, end=t.end + shift) for t in triples]
            acts = [replace(e, start=e.start + shift, end=e.end + shift) for e in acts]
        return triples, acts

    def _stamp(
        self, document: Document, doc: Doc, triples: list[Triple], acts: list[Event]
    ) -> tuple[list[Triple], list[Event]]:
        """Give each record its act's date and the document's outlet and URL.

        Offsets are still the parsed chunk's here, which is what the dater looks up.
        """
        if not triples and not acts:
            return triples, acts
        dater = DocumentDater(doc, document.date) if self.config.dates else None
        meta = {"doc_source": document.source, "doc_url": document.url}

        def stamp(record: Triple | Event) -> Triple | Event:
            when = NO_DATE
            if dater is not None:
                # A future act's "on Monday" is the next Monday, not the last.
                when = dater.date_of(record.start, record.end, record.trigger,
                                     forward=record.modality == "future")
            return replace(record, date=when.date, date_precision=when.precision,
                           date_source=when.source, **meta)

        return [stamp(t) for t in triples], [stamp(e) for e in acts]

    def extract_documents(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, list[Triple]]]:
        """Yield each document with its triples, in input order, on the configured engine.

        Documents are parsed in batches of ``batch_size`` inside a spaCy memory zone, so
        memory stays flat however long the stream is.
        """
        from actorgraph.extract import parallel

        if self.config.engine == "local" and self.config.workers <= 1:
            return parallel.extract_serial(self, documents)
        return parallel.extract_parallel(documents, self.config, extractor=self)

    def extract_records(
        self, documents: Iterable[Document]
    ) -> Iterator[tuple[Document, list[Triple], list[Event]]]:
        """Yield each document with its triples and its one-actor events, in input order.

        Runs in this process whatever the engine: events are for event coding and review,
        where corpora are small; graph building (triples only) is what runs in parallel.
        """
        from actorgraph.extract import parallel

        return parallel.extract_records_serial(self, documents)

    def extract(self, documents: Iterable[Document]) -> Iterator[Triple]:
        """The triples of ``documents``, document after document, in input order."""
        for _document, triples in self.extract_documents(documents):
            yield from triples

    def extract_text(self, text: str, doc_id: str = "text") -> list[Triple]:
        """Triples of one text; handy in notebooks and tests."""
        return list(self.extract([Document(id=doc_id, text=text)]))
