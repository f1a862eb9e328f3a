"""The party supported in a supported act: "support for Iraq in the fight against ISIL",
"its support of Kabul in their fight against the Taliban", "helped Somalia in its efforts
to defeat al-Shabaab". The act named after "in" (a fight, an effort) is the supported
party's own; a possessive pronoun on it ("its efforts") points back at that party, not at
the supporter the pronoun rules would take it for. Backing someone "against" a third
party opposes that party."""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.relations.mentions import mentions, noun_relation_of, prep_mentions
from actorgraph.extract.relations.model import Finding, Sentence, Weighted
from actorgraph.extract.relations.syntax import is_verb
from actorgraph.extract.wordlists import word_set

#: PLOVER categories of supporting acts: who is supported acts on their own behalf.
SUPPORTING = {"SUPPORT", "AID"}
#: How many heads up from the "in" the supporting word may be: "support of the Government
#: of Iraq and the Iraqi people in their fight": the parse hangs "in" on the last party.
MAX_CLIMB = 3
SUPPORTED_PREPS = word_set("supported_preps")
SUPPORTED_VERB_PREPS = word_set("supported_verb_preps")


def supporting_word(ctx: Sentence, tok: Token) -> bool:
    """A noun or verb of support or aid ("support", "backing", "helped", "stand with")."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        rtype = noun_relation_of(ctx, tok)
        return rtype is not None and rtype.plover in SUPPORTING
    if not is_verb(tok):
        return False
    return any(ctx.vocab.get(s.relation).plover in SUPPORTING and not s.words
               for s in ctx.vocab.verb_senses(tok.lemma_, tok.lower_))


def supported_parties(ctx: Sentence, word: Token) -> Weighted:
    """Whom a supporting word supports: a verb's object ("supported Kabul", "stood with
    Kabul"), a noun's object of "for"/"to", or of "of" once the noun has its own doer
    ("its support of Kabul", "in support of Kabul")."""
    if is_verb(word):
        own = [m for c in word.children if c.dep_ in {"dobj", "dative"}
               for m in mentions(ctx, c)]
        return own or prep_mentions(ctx, [word], SUPPORTED_VERB_PREPS)
    preps = set(SUPPORTED_PREPS) | ({"of"} if of_names_supported(word) else set())
    found = prep_mentions(ctx, [word], preps)
    return found + conjoined_parties(ctx, word) if found else found


def conjoined_parties(ctx: Sentence, noun: Token) -> Weighted:
    """Actors conjoined to a noun of support after its party: in "its support of the
    Government and the Iraqi people" the parse joins the people to "support", not to the
    Government."""
    return [(m, 0.9) for c in noun.conjuncts if c.i > noun.i
            for m in ctx.index.all_at(c) if m.actor.is_actor]


def of_names_supported(noun: Token) -> bool:
    """"of" names the one supported, not the supporter, when the noun has its doer before
    it ("its support of Kabul", "US support of Kabul") or stands bare after "in" ("in
    support of Kabul"); "the support of the UN" is the UN's."""
    if any(c.dep_ in {"poss", "compound", "amod"} and c.i < noun.i and c.pos_ != "ADJ"
           or c.dep_ == "poss" for c in noun.children):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "in" and not any(
        c.dep_ == "det" for c in noun.children)


def supported_doers(ctx: Sentence, noun: Token) -> Weighted | None:
    """The doers of an act noun ("fight", "efforts") said to be supported: the parties of
    the supporting word it hangs from through "in". None when the noun is not so hung, or
    names its doer itself ("Iraq's fight": a name, not a pronoun)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    if any(c.dep_ in {"poss", "compound", "amod"} and c.pos_ != "PRON"
           and ctx.index.all_at(c) for c in noun.children):
        return None
    host = noun.head.head
    for _ in range(MAX_CLIMB):
        # "reiterated support for Kabul in the fight": the verb holds the support noun
        held = [c for c in host.children if c.dep_ == "dobj"] if is_verb(host) else []
        word = next((w for w in (host, *held) if supporting_word(ctx, w)), None)
        if word is not None:
            parties = supported_parties(ctx, word)
            return [(m, w * 0.9) for m, w in parties] or None
        if host.dep_ not in {"conj", "pobj", "prep"} or host.head.i == host.i:
            return None
        host = host.head
    return None


def backed_against(ctx: Sentence, f: Finding) -> list[Finding]:
    """Backing someone against a third party sets the backer against that party too:
    "supporting the Iraqi government against the terrorism of ISIL" opposes ISIL, as
    "against" on any supporting word or its object does (PLOVER REJECT, a weaker claim than
    the support itself)."""
    if "OPPOSES" not in ctx.vocab or ctx.vocab.get(f.relation).plover not in SUPPORTING:
        return []
    objs = [c for c in f.anchor.children if c.dep_ in {"dobj", "dative"}] + [
        q for c in f.anchor.children if c.dep_ == "prep" for q in c.children if q.dep_ == "pobj"]
    # (not an act's own "against": in "support for Iraq in its war against ISIL" the war
    # is Iraq's, see supported_doers)
    holders = [f.anchor, *(o for o in objs if noun_relation_of(ctx, o) is None)]
    return [Finding(f.subject, o, "OPPOSES", sorted([*f.trigger, p], key=lambda t: t.i),
                    f.anchor, 0.8 * f.confidence * w, mutual=False)
            for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "against"
            for q in p.children if q.dep_ == "pobj"
            for o, w in mentions(ctx, q)
            if o.actor.is_actor and o.actor.id not in {f.subject.actor.id, f.obj.actor.id}]
