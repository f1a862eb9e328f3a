"""Small questions about the dependency tree, shared by every stage."""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.relations.words import (
    BACKING_SUFFIXES,
    BLAMING_VERBS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    LEADING_SUFFIXES,
    LOCATIVE_PREPS,
    MOTION_PREPS,
    REFUSING_VERBS,
    SPEAKER_ACT_VERBS,
    SPEECH_VERBS,
    TAKING_PART_VERBS,
)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and its conjuncts, ``tok`` first."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i or c not in out:
            out.append(c)
    return out


def parenthetical_participle(noun: Token) -> Token | None:
    """The passive participle set off after a clause's subject noun, when the parser has
    made the noun the participle's subject and the participle an aside of the main verb:
    "attacks, also claimed by ISIL, have killed 35" ([attacks] nsubj of [claimed],
    [claimed] parataxis of [killed]). The participle says what the noun is; the noun is
    the main verb's subject."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.dep_ != "parataxis" or head.tag_ != "VBN" \
            or noun.i > head.i or head.i > head.head.i:
        return None
    return head if any(c.dep_ == "agent" for c in head.children) else None


def parenthetical_subject(verb: Token) -> Token | None:
    """The subject noun a verb without one has lent to an aside before it (see
    :func:`parenthetical_participle`)."""
    for c in verb.children:
        if c.dep_ == "parataxis" and c.i < verb.i:
            for s in c.children:
                if parenthetical_participle(s) is not None:
                    return s
    return None


def infinitival(tok: Token) -> bool:
    """An xcomp, or an infinitival adverbial clause ("threatened today to impose"), which
    the parser often gives when words stand between the verb and its "to"."""
    return tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def is_passive(verb: Token) -> bool:
    """A verb with a passive subject or a passive auxiliary."""
    return any(c.dep_ in {"nsubjpass", "csubjpass", "auxpass"} for c in verb.children)


def is_verb(tok: Token) -> bool:
    """A verb or an auxiliary used as a main verb."""
    return tok.pos_ in {"VERB", "AUX"}


def finite_joined_to_infinitive(verb: Token) -> bool:
    """"urged Washington to speed up funding and accused ...": the parse joins a finite
    verb to an infinitive, though it is the matrix subject's own act."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ", "VBP"} and head.tag_ == "VB" \
        and infinitival(head) and head.head.i != head.i


def clause_of_its_own(tok: Token) -> bool:
    """A conjoined verb with its own subject heads a clause of its own: "Nobody claimed the
    attack, but Baghdad blamed IS" (not "did not attack or shell Kyiv", which shares one)."""
    return tok.dep_ == "conj" and is_verb(tok) and any(
        k.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for k in tok.children)


def takes_part(verb: Token) -> bool:
    """A verb of taking part in the act its "in" names: "participate", "took part"
    (taking_part_verbs)."""
    lemma = verb.lemma_.lower()
    return lemma in TAKING_PART_VERBS or any(
        c.dep_ == "dobj" and f"{lemma} {c.lower_}" in TAKING_PART_VERBS
        for c in verb.children)


def path_to_root(tok: Token) -> list[Token]:
    """``tok`` and its heads up to the sentence root (at most 30)."""
    path = [tok]
    while path[-1].head.i != path[-1].i and len(path) < 30:
        path.append(path[-1].head)
    return path


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, through compounds, conjuncts and a preposition
    ("launched a mediation effort", "took part in talks")."""
    tok = noun
    for _ in range(4):
        if tok.dep_ in {"compound", "conj", "appos"}:
            tok = tok.head
        elif tok.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and is_verb(tok.head):
            return tok.head
        elif tok.dep_ == "pobj" and is_verb(tok.head.head):
            return tok.head.head
        else:
            return None
    return None


def condition_mark(anchor: Token, marks: frozenset[str] | set[str] = frozenset({"unless"})
                   ) -> Token | None:
    """The "unless" (or other ``marks``) of an act not yet done that is made conditional
    on another's act."""
    if anchor.tag_ in {"VBD", "VBN"} and not any(
        k.dep_ == "aux" and k.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for k in anchor.children
    ):
        return None  # "withdrew unless": a past act is no threat
    for c in anchor.children:
        # (the parse may call the condition a complement: "threatened to retaliate if
        # Washington imposed new tariffs"; an act threatened asks no question)
        if c.dep_ in {"advcl", "ccomp"}:
            for k in c.children:
                if k.dep_ == "mark" and k.lower_ in marks:
                    return k
    return None


def announcing_head(anchor: Token) -> Token:
    """The verb that announces an act ("announced that it will withdraw"), whose clause
    decides whether the act's announcement itself is asserted; the act itself if none does."""
    if anchor.dep_ in {"ccomp", "xcomp"} and is_verb(anchor.head):
        return anchor.head
    return anchor


def refusal_head(anchor: Token) -> Token | None:
    """The refusing verb (``refusing_verbs``) that controls ``anchor`` ("refused to deal
    with"), or whose object the act noun is ("ruled out talks with"), if any."""
    if anchor.pos_ == "NOUN":
        return anchor.head if anchor.dep_ == "dobj" and \
            verb_in(anchor.head, REFUSING_VERBS) else None
    tok = anchor
    for _ in range(3):
        if tok.dep_ != "xcomp":
            return None
        tok = tok.head
        if verb_in(tok, REFUSING_VERBS):
            return tok
    return None


def names_where(tok: Token) -> bool:
    """True for the object of a preposition of where ("in Syria", "near Kirkuk"), which
    names where an act is done, never whom it is aimed at."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def speaker_participle(verb: Token) -> bool:
    """"Frederiksen said Greenland was not for sale, rebuffing overtures from Trump": a
    participle of a verb of saying (``speaker_act_verbs``) after a comma closing a
    reported clause hangs, in the parse, on the reported verb, but tells what the speaker
    did by saying it ("said rebels attacked the town, killing 20" tells the attack's toll)."""
    head = verb.head
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_ in SPEAKER_ACT_VERBS \
        and verb.i > 0 and verb.doc[verb.i - 1].text == "," and head.dep_ == "ccomp" \
        and head.i < verb.i and head.head.lemma_ in SPEECH_VERBS


def particle_words(verb: Token) -> set[str]:
    """The words that may be a verb's particle: its own particles and prepositions, and
    those the parser hangs on its object ("pushed ISIL out of Kobane", "cleared ISIL from
    Mosul")."""
    return {c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "advmod"}} | {
        k.lower_ for c in verb.children if c.dep_ == "dobj"
        for k in c.children if k.dep_ in {"prep", "advmod"}}


def verb_in(verb: Token, words: set[str] | frozenset[str]) -> bool:
    """Whether a verb, alone or with its particle, is one of ``words`` ("stop", "cut off",
    "rule out")."""
    return verb.lemma_ in words or any(
        k.dep_ == "prt" and f"{verb.lemma_} {k.lower_}" in words for k in verb.children)


def phrase_in(verb: Token, words: frozenset[str] | set[str]) -> bool:
    """Whether a verb, alone, with a particle or adverb ("fall through"), or with a
    preposition and its object ("put on hold"), is one of ``words``."""
    if verb.lemma_ in words:
        return True
    for c in verb.children:
        if c.dep_ in {"prt", "prep", "advmod"}:
            if f"{verb.lemma_} {c.lower_}" in words or any(
                    f"{verb.lemma_} {c.lower_} {p.lower_}" in words
                    for p in c.children if p.dep_ == "pobj"):
                return True
    return False


def leading_names(modifier: Token) -> list[Token]:
    """The name a "-led" modifier puts in charge: the token before a split "Saudi - led"
    (the tokenizer splits a hyphen after a name it does not keep whole), or the modifier
    itself when whole ("U.S.-led")."""
    if modifier.dep_ != "amod":
        return []
    if "-" in modifier.text and modifier.lower_.rsplit("-", 1)[-1] in LEADING_SUFFIXES:
        return [modifier]
    if modifier.lower_ not in LEADING_SUFFIXES:
        return []
    return [c for c in modifier.children
            if c.dep_ in {"npadvmod", "compound"} and c.i < modifier.i]


def sends_somewhere(verb: Token) -> bool:
    """The verb names where its object goes ("sent Marines to Poland", "hand over suspects
    to Syria"; the parse may call that "to" a dative)."""
    return any(c.dep_ in {"prep", "dative"} and c.lower_ in MOTION_PREPS
               for c in verb.children)


def hyphen_partners(modifier: Token) -> list[Token]:
    """The names a hyphen joins to a modifier: "US" of a split "US - Saudi ceasefire
    proposal" (the parse hangs the first name on the second), each a party of its own."""
    if not modifier.is_title:  # ("Russian - backed": a suffix, no second name)
        return []
    return [c for c in modifier.children
            if c.dep_ in {"npadvmod", "compound", "amod"} and hyphen_joined(c, modifier)]


def hyphen_agents(verb: Token) -> list[Token]:
    """The backer a hyphen joins to a participle of backing ("Iran-backed militias",
    "UAE-trained forces": ``backing_suffixes``), who did to the noun what it says."""
    if verb.dep_ != "amod" or verb.tag_ != "VBN" or verb.lower_ not in BACKING_SUFFIXES:
        return []
    return [c for c in verb.children
            if c.dep_ in {"npadvmod", "compound", "amod", "nmod"} and hyphen_joined(c, verb)]


def hyphen_joined(left: Token, right: Token) -> bool:
    """The two words are one hyphenated word split by the tokenizer ("US-Saudi",
    "Iran-backed"): a hyphen between them, no space on either side of it."""
    doc = left.doc
    return left.i + 2 == right.i and doc[left.i + 1].text in {"-", "–"} and \
        not left.whitespace_ and not doc[left.i + 1].whitespace_


def described_noun(noun: Token) -> Token:
    """The name a common noun describes, for what is said of the noun: the anchor of its
    apposition ("the Houthis, an Iran-backed group") or the subject of its copula
    ("Kataib Hezbollah is a militia backed by Iran"); else the noun itself."""
    if noun.pos_ != "NOUN":
        return noun
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)
    return noun


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun object stands for: "the sanctions that the EU imposed on
    Belarus", "Hezbollah, which Israel struck", "Hamas, with which Egypt negotiated", "the
    Houthis, who are backed by Iran"."""
    if tok.tag_ not in {"WDT", "WP"} or tok.dep_ not in {"dobj", "pobj", "nsubjpass"}:
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return verb.head if verb.dep_ == "relcl" else None


def blaming_participle(verb: Token) -> bool:
    """A participle that lays an act at someone's door: "blamed" of "a rocket attack
    blamed on Iranian-backed militias" (``blaming_verbs``)."""
    return verb.tag_ == "VBN" and any(
        verb.lemma_.lower() == lemma and any(c.dep_ == "prep" and c.lower_ == prep
                                             for c in verb.children)
        for lemma, prep in BLAMING_VERBS)


def blamed_act(anchor: Token) -> bool:
    """An act laid at someone's door by others: the act noun, or the subject noun of the
    act's verb, has a blaming participle ("a rocket attack blamed on militias hit a U.S.
    base", "the attack, blamed on Hezbollah, killed two soldiers")."""
    nouns = [anchor] if anchor.pos_ in {"NOUN", "PROPN"} else [
        c for c in anchor.children if c.dep_ == "nsubj"]
    for noun in nouns:
        aside = parenthetical_participle(noun)
        if any(blaming_participle(c) for c in [*noun.children, *([aside] if aside else [])]):
            return True
    return False
