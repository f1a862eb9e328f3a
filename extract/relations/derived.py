"""Statements that follow from others: the reverse of a mutual act, the rejection a
refusal states, the threat an ultimatum makes; and which statements are kept at all."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from actorgraph.extract.actors import STATE_SECTORS, ActorMention
from actorgraph.extract.lexicon import RelationVocabulary
from actorgraph.extract.relations.intent import intent_statement
from actorgraph.extract.relations.mentions import is_place, prep_mentions
from actorgraph.extract.relations.model import Finding, Sentence
from actorgraph.extract.relations.supported import backed_against
from actorgraph.extract.relations.syntax import (
    announcing_head,
    condition_mark,
    governing_verb,
    is_verb,
    names_where,
    refusal_head,
    verb_in,
)
from actorgraph.extract.relations.words import (
    COOPERATIVE_QUADS,
    FUTURE_AUX,
    HALTING_VERBS,
    NEGATING_VERBS,
    OFFICIAL_SECTORS,
    ONE_SIDED_WORDS,
    PLACE_PREPS,
)
from actorgraph.extract.wordlists import word_set

PLACE_NOUNS = word_set("place_nouns") | word_set("country_nouns")
#: Nouns of sports events: a country's "win" or "defeat" in one is its team's.
SPORT_NOUNS = word_set("sport_nouns")
SPORT_WORDS = SPORT_NOUNS | {w + "s" for w in SPORT_NOUNS}
HELD_THINGS = word_set("organ_things")
#: Entity labels of a name that names a place, not a people ("Palestinian": NORP).
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: PLOVER categories of acts done with a partner, which a place cannot be.
PARTNER_CATEGORIES = {"COOPERATE"}


def with_derived(ctx: Sentence, found: list[Finding]) -> list[Finding]:
    """``found`` plus what follows from each statement, in a stable order: threats first
    (an ultimatum is the news), then each statement, its reverse, its refusal, the
    statement of intent announcing it, and the opposition that backing against someone is."""
    vocab = ctx.vocab
    out = list(found)
    for f in found:
        reverse = reverse_of(f, vocab)
        if reverse is not None:
            out.append(reverse)
        rejection = refusal_rejection(f, vocab)
        if rejection is not None:
            out.append(rejection)
        halt = halted_act(f, vocab)
        if halt is not None:
            out.append(halt)
        intent = intent_statement(ctx, f)
        if intent is not None:
            out.append(intent)
        threat = ultimatum_threat(f, vocab)
        if threat is not None:
            out.insert(0, threat)
        out.extend(backed_against(ctx, f))
        out.extend(brokered_pact(ctx, f))
    return out


#: Verbs of trying: the act they govern is done (an attempt is an act), but what it was to
#: bring about may not be ("tried to broker a truce": no truce yet).
ATTEMPT_VERBS = frozenset({"try", "attempt", "struggle"})


def attempted(verb: Token) -> bool:
    """An act only tried: the infinitive of a verb of trying."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ATTEMPT_VERBS


def brokered_pact(ctx: Sentence, f: Finding) -> list[Finding]:
    """"Qatar brokered a ceasefire between Israel and Hamas": the sides a broker brings to
    a pact make it with each other, both ways (the broker's part is its own statement)."""
    if f.relation != "NEGOTIATES" or f.mutual is not False or attempted(f.anchor):
        return []
    for t in f.trigger:
        rtype = ctx.vocab.noun_relation(t.lemma_.lower()) if t.pos_ == "NOUN" else None
        if rtype is None or rtype.name == f.relation or rtype.quad not in COOPERATIVE_QUADS:
            continue
        sides = [m for m, _w in prep_mentions(ctx, [t], {"between"}) if m.actor.is_actor]
        return [Finding(a, b, rtype.name, [t], t, f.confidence * 0.9, mutual=False)
                for a in sides for b in sides if a.actor.id != b.actor.id]
    return []


def reverse_of(f: Finding, vocab: RelationVocabulary) -> Finding | None:
    """Mutual acts hold both ways: the statement from the object's side, unless the act
    is only one side's stance toward it (:func:`controlled_act`)."""
    mutual = f.mutual if f.mutual is not None else vocab.get(f.relation).symmetric
    if not mutual or controlled_act(f.anchor) or one_sided(f):
        return None
    return Finding(f.obj, f.subject, f.relation, f.trigger, f.anchor, f.confidence * 0.95,
                   mutual=f.mutual)


def one_sided(f: Finding) -> bool:
    """A mutual act its words say only one side does: "declared a unilateral ceasefire
    with Cambodia", "unilaterally withdrew from the pact with Iran"."""
    return any(c.lower_ in ONE_SIDED_WORDS and c.dep_ in {"amod", "advmod"}
               for t in (f.anchor, *f.trigger) for c in t.children)


def controlled_act(anchor: Token) -> bool:
    """A mutual act named as what its subject refuses, agrees, offers or plans to do
    ("Iran refused to meet the envoy", "Obama agreed to meet Putin", "is ready to deepen
    ties with"): the subject's stance only; the other side neither refused nor agreed to
    anything (PLOVER codes the refusal or the agreement one way)."""
    verb = anchor if is_verb(anchor) else governing_verb(anchor)  # "to hold talks with"
    if verb is None:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        # ("ruled out talks with the United States": a refused act noun)
        return own_future_act(verb) or verb is not anchor and verb_in(verb, NEGATING_VERBS)
    return verb.dep_ == "xcomp" and (is_verb(verb.head) or verb.head.pos_ == "ADJ")


def own_future_act(verb: Token) -> bool:
    """A clause in which the speaker says what it will do ("Riyadh signalled it would
    restore relations with Tehran"): a stance of the speaker's, as an infinitive is; what
    both sides will do is said with both as subjects."""
    subject = next(c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
    return verb.dep_ == "ccomp" and is_verb(verb.head) and subject.pos_ == "PRON" and \
        subject.lower_ in {"it", "he", "she", "i", "we"} and \
        any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def refusal_rejection(f: Finding, vocab: RelationVocabulary) -> Finding | None:
    """"A refuses to deal with B" is also an asserted act of rejection (PLOVER REJECT):
    refusing to deal with someone rejects them; declining to condemn them does not."""
    refusal = refusal_head(f.anchor)
    if refusal is None or "REJECTS" not in vocab or f.relation == "REJECTS" or \
            vocab.get(f.relation).quad not in COOPERATIVE_QUADS:
        return None
    return Finding(f.subject, f.obj, "REJECTS", [refusal, *f.trigger], refusal,
                   f.confidence * 0.9)


#: What halting an act of a quad class does: reduce relations, or de-escalate.
HALTED = {"VERBAL_COOPERATION": "SANCTIONS", "MATERIAL_COOPERATION": "SANCTIONS",
          "MATERIAL_CONFLICT": "WITHDRAWS_FROM"}


def halted_act(f: Finding, vocab: RelationVocabulary) -> Finding | None:
    """An act named by a noun that its subject halts is an act of its own, as event
    coders count it: "suspended a friendship treaty with Spain" and "froze talks with
    Spain" reduce relations (CAMEO 16, SANCTIONS), "halted attacks on US forces"
    de-escalates (CAMEO 087, WITHDRAWS_FROM), when the one who halts is the one who acts.
    The halted act stays, negated."""
    verb = governing_verb(f.anchor) if f.anchor.pos_ in {"NOUN", "PROPN"} else None
    if verb is None or not verb_in(verb, HALTING_VERBS) or verb.dep_ == "conj":
        return None
    halters = halted_by(verb)
    if halters is not None and not any(f.subject.start <= c.i < f.subject.end
                                       for c in halters):
        return None  # "Ukrainian forces stopped the Russian attack": no Russian halt
    relation = HALTED.get(vocab.get(f.relation).quad)
    if relation is None or relation not in vocab or relation == f.relation:
        return None
    return Finding(f.subject, f.obj, relation, [verb, *f.trigger], verb,
                   f.confidence * 0.9, mutual=False)


def halted_by(verb: Token) -> list[Token] | None:
    """Who a halting verb says halts: its subject, or a passive's agent; none for a
    passive without one ("exercises between Japan and Australia were suspended because of
    a typhoon": neither side halted them); None when a controlling verb's subject does
    ("decided to suspend talks")."""
    halters = [c for c in verb.children if c.dep_ == "nsubj"]
    if halters:
        return halters
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return [g for c in verb.children if c.dep_ == "agent" for g in c.children
                if g.dep_ == "pobj"]
    return None


def ultimatum_threat(f: Finding, vocab: RelationVocabulary) -> Finding | None:
    """"will withdraw its force from Chad unless ...": an act made conditional on what the
    other side does is a threat (CAMEO 13), whatever the act."""
    condition = condition_mark(f.anchor)
    if condition is None or "THREATENS" not in vocab or f.relation == "THREATENS":
        return None
    return Finding(f.subject, f.obj, "THREATENS", [*f.trigger, condition],
                   announcing_head(f.anchor), min(1.0, f.confidence * 1.05))


def self_reference(s: ActorMention, o: ActorMention, hostile: bool = False,
                   doc: Doc | None = None, material: bool = False) -> bool:
    """A country and its own government (or military...) as both ends: "The French
    government insisted that France ..." is one actor speaking of itself; so, in a hostile
    act, is an official and the state he serves ("Lukashenko warned that Minsk would
    retaliate"), while "Carter visited U.S. troops" is a visit. Rebels, opposition or
    civilians of a country are not the state: "Sudanese rebels shelled Khartoum" is a
    domestic attack (PLOVER SDN -> SDN); nor are the forces who act on an official ("Nigerien
    soldiers detained President Bazoum")."""
    a, b = s.actor, o.actor
    if doc is not None and a.sector in STATE_SECTORS and placed_at_home(o, doc):
        return False
    for person, state in ((a, b), (b, a)) if hostile else ():
        if state is a and (state.sector == "MIL" or material):
            continue  # (a state's material act on its own official is done: "arrested Morsi")
        if person.type == "PERSON" and person.sector in OFFICIAL_SECTORS and \
                state.type == "COUNTRY" and state.country == person.country and \
                state.sector in {None, "GOV", "MIL"}:
            return True
    if a.type != "COUNTRY" or b.type != "COUNTRY" or a.country != b.country:
        return False
    if domestic_act(s, o, doc, material):
        return False
    return (a.sector is None) != (b.sector is None)


def placed_at_home(o: ActorMention, doc: Doc) -> bool:
    """An object named as where the act is done ("a curfew in Algiers", "outlawed the
    largest group in Northern Ireland") is the country as a place, not the state: a state
    acting there acts at home (PLOVER codes the domestic act DZA -> DZA). (A group's
    act in a place, "staged protests in Nairobi", is :func:`domestic_act`'s to judge.)"""
    return names_where(doc[o.end - 1])


def domestic_act(s: ActorMention, o: ActorMention, doc: Doc | None,
                 material: bool = False) -> bool:
    """A non-state group of a country (rebels, opposition, civilians) acting on its own
    country or capital named as the act's object: "Sudanese rebels shelled Khartoum",
    "Turkey attacked Kurdish militants". A group whose country is only guessed from the
    context stays suspect unless a people names it or a state's ``material`` act befalls
    it ("Cuba jailed dissidents"), and a place named as where the act was done ("staged
    protests in Nairobi") is no object."""
    if doc is not None and doc[o.end - 1].dep_ == "pobj" and \
            doc[o.end - 1].head.lower_ in PLACE_PREPS:
        return False
    return any(m.actor.sector not in STATE_SECTORS | {None} and (
        m.source != "context" or named_by_a_people(doc, m) or material and m is o)
        for m in (s, o))


def named_by_a_people(doc: Doc | None, m: ActorMention) -> bool:
    """A collective a people or faith word names ("Kurdish militants", "Sunni
    fighters"): whichever country the context gives it, it is no part of that state."""
    if doc is None:
        return False
    tok = doc[m.end - 1]
    return any(c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP" and c.i < tok.i
               for c in tok.children)


def sports_result(ctx: Sentence, f: Finding) -> bool:
    """Teams named for their countries: an act whose clause names a sports event or gives
    a score is a result, no act between states ("Nigeria beat Ghana 2-1 in a World Cup
    qualifier", "Brazil defeated Argentina in the Copa America final"). Only countries by
    name are teams: "a bomb at a football match killed 12 Afghan soldiers" is an attack."""
    if any(m.actor.type != "COUNTRY" or m.actor.sector for m in (f.subject, f.obj)) or \
            not (ctx.words & SPORT_WORDS or "-" in ctx.words):
        return False  # (most statements: no walk)
    at = ctx.index.by_token
    return any((t.lemma_.lower() in SPORT_NOUNS and t.pos_ in {"NOUN", "PROPN"}
                and t.i not in at) or is_score(t) for t in f.anchor.subtree)


def is_score(tok: Token) -> bool:
    """The first number of a score: "2-1", "3 - 0" (goals or points, two digits at most)."""
    doc = tok.doc
    return tok.like_num and len(tok.text) <= 2 and tok.i + 2 < len(doc) and \
        doc[tok.i + 1].text in {"-", "–"} and doc[tok.i + 2].like_num and \
        len(doc[tok.i + 2].text) <= 2


def struck_capital(o: ActorMention, doc: Doc, quad: str) -> bool:
    """A capital a material hostile act strikes is the city, not its state acting on
    itself: "Libyan forces shelled Tripoli", "rebels attacked Juba" are domestic attacks
    (PLOVER LBY -> LBY), where "Syrian troops shelled Homs" names a town the same way. Where
    the act is done ("staged protests in Nairobi") is no object."""
    return quad == "MATERIAL_CONFLICT" and doc[o.start].ent_id_.startswith("capital:") and \
        not names_where(doc[o.end - 1])


def names_a_group(doc: Doc, m: ActorMention) -> bool:
    """A nationality adjective standing for the people or things it modifies, not for
    the state: "Museveni banned Ugandan opposition parties", "Palestinian police seized
    weapons from Palestinian armed groups" (PLOVER codes such domestic acts UGA -> UGA).
    As the source it names the state's act, not the state speaking of itself: "Turkish
    shelling killed two Kurdish fighters"."""
    tok = doc[m.end - 1]
    # "withdrawal from the Bosnian town": a place of the country is the country still
    return m.end - m.start == 1 and tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and \
        tok.head.i >= m.end and tok.head.lemma_.lower() not in PLACE_NOUNS


def is_partnership(f: Finding, vocab: RelationVocabulary) -> bool:
    """A relation whose target is a partner (COOPERATE: cooperation, alliance): a town is
    none ("working with Kobani", "collaborating with Israel" said of a missionary from
    Calgary)."""
    return vocab.get(f.relation).plover in PARTNER_CATEGORIES


def placed_sense(f: Finding, vocab: RelationVocabulary) -> Finding:
    """The statement with the type its act has on a place, where the target is one and the
    type says (``on_place``): "Russia captured Kherson" or "Kyiv" seizes ground, it arrests
    no one (CAMEO 192, occupy territory); so does "captured a rebel stronghold", a place
    the target holds (organ_things)."""
    on_place = vocab.get(f.relation).on_place
    doc = f.anchor.doc
    if on_place is None or not named_place(f.obj, doc) and not held_place(f.obj, doc):
        return f
    return replace(f, relation=on_place)


def named_place(m: ActorMention, doc: Doc) -> bool:
    """A mention of a place, or of a country or capital by its name ("captured Kyiv"),
    not by its people's word ("detained a Palestinian")."""
    return not m.actor.is_actor or is_place(m) and doc[m.end - 1].ent_type_ in PLACE_ENTITIES


def held_place(m: ActorMention, doc: Doc) -> bool:
    """A mention that modifies the noun of a place or thing it holds: "rebel" of "a rebel
    stronghold", "Syrian army" of "Syrian army positions"."""
    last = doc[m.end - 1]
    return last.dep_ in {"compound", "amod", "nmod", "poss"} and last.head.i >= m.end \
        and last.head.lemma_.lower() in HELD_THINGS


def admissible(f: Finding, vocab: RelationVocabulary) -> bool:
    """A statement between two different actors, not an actor and itself; a place is a
    target only of a visit, of a material act done there (troops or aid sent to it,
    shelling of it) or of a threat to do one ("threatened to strike Haifa"), never a
    partner (:func:`is_partnership`)."""
    s, o, doc = f.subject, f.obj, f.anchor.doc
    rtype = vocab.get(f.relation)
    hostile = rtype.quad not in COOPERATIVE_QUADS
    if s.actor.id == o.actor.id or not s.actor.is_actor or \
            (self_reference(s, o, hostile, doc, rtype.quad == "MATERIAL_CONFLICT") and not (
                names_a_group(doc, o) or names_a_group(doc, s)
                or struck_capital(o, doc, rtype.quad))):
        return False
    if not o.actor.is_actor:
        return f.relation == "VISITS" or bool(
            o.actor.country and (rtype.quad.startswith("MATERIAL") or rtype.plover == "THREATEN")
            and not is_partnership(f, vocab))
    return True
