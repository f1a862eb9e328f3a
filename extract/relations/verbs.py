"""Relations told by a verb: its senses from the vocabulary, their objects, reciprocal
subjects, and the fallbacks that find a target beyond the verb's own objects."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from actorgraph.extract.lexicon import RelationType, VerbSense
from actorgraph.extract.relations.arguments import (
    by_agents,
    is_reduced_passive,
    subjects,
    verb_objects,
)
from actorgraph.extract.relations.mentions import (
    co_agents,
    leading_agents,
    mentions,
    names_a_frontier,
    noun_relation_of,
    prep_mentions,
)
from actorgraph.extract.relations.model import Finding, Sentence, Weighted
from actorgraph.extract.relations.syntax import (
    described_noun,
    particle_words,
    sends_somewhere,
)
from actorgraph.extract.relations.targets import (
    complement_targets,
    place_targets,
    purpose_targets,
    stationed_places,
)
from actorgraph.extract.relations.words import (
    CO_AGENT_NOUNS,
    COOPERATIVE_QUADS,
    COUNTERPART_NOUNS,
    EXPULSION_VERBS,
    GROUP_NOUNS,
    HARM_NOUNS,
    ISSUE_NOUNS,
    MEMBERSHIP_NOUNS,
    MESSAGE_NOUNS,
    MOTION_PREPS,
    NAMING_VERBS,
    PERSONAL_RELATIONS,
    QUANTITY_NOUNS,
    SCOURGE_NOUNS,
    SENDING_VERBS,
    TARGET_PREPS,
    THING_WORDS,
    VISITOR_NOUNS,
)

#: Prepositions by which an act is aimed at someone, as only hostile acts are ("on" is
#: not one: restrictions are eased on someone).
AIMED_PREPS = frozenset({"against", "at"})
#: Prepositions of moving into or toward a place, which no words take.
INTO_PREPS = frozenset({"into", "onto", "toward", "towards"})

#: How far up a group agent ("as part of the coalition") may hang from the act, through
#: the clauses that take their subject from the verb above ("working ... to defeat").
MAX_CLIMB = 5
CLIMB_DEPS = {"xcomp", "advcl", "conj", "pcomp", "prep", "acomp", "acl"}


@dataclass
class SenseScan:
    """What trying a verb's senses in turn gave: the statements, whether the verb is
    done, and the senses the fallbacks start from."""

    found: list[Finding] = field(default_factory=list)
    done: bool = False
    comitative: tuple[VerbSense, list[Token]] | None = None  # a with-sense with no with-object
    prep_sense: VerbSense | None = None  # a prepositional sense whose object is no actor
    fit: tuple[VerbSense, list[Token]] | None = None  # the best-fitting sense and its objects


def verb_relations(ctx: Sentence) -> Iterator[Finding]:
    """Every statement a verb of the sentence triggers."""
    for tok in ctx.tokens:
        if tok.pos_ != "VERB":
            continue
        senses = ctx.vocab.verb_senses(tok.lemma_, tok.lower_)
        if senses:
            yield from verb_findings(ctx, tok, senses)


def verb_agents(ctx: Sentence, verb: Token) -> Weighted:
    """The doers of a verb: its subjects and co-agents ("fighting alongside Congo's army
    against M23": the co-agent does it too); a reduced passive's by-agents."""
    if is_reduced_passive(verb):
        # "a USA team accompanied by 60 SAS soldiers": by-agent acts on the head noun.
        return by_agents(ctx, verb)
    found = subjects(ctx, verb)
    if found:
        found = found + [(m, w * 0.9) for m, w in co_agents(ctx, verb)]
    # ("The Gulf states, led by Saudi Arabia, imposed"; "A delegation led by Iran's
    # foreign minister met": the leader alone, when the led are no actor)
    return found + leading_agents(ctx, verb)


def fellow_agents(ctx: Sentence, verb: Token, agents: Weighted) -> Weighted:
    """The agents that may act on each other: not its co-agents ("Hezbollah fought
    alongside Syrian troops" fight on one side, not each other)."""
    co = {m.actor.id for m, _w in [*co_agents(ctx, verb), *leading_agents(ctx, verb)]}
    return [(m, w) for m, w in agents if m.actor.id not in co] if co else agents


def with_group_agents(ctx: Sentence, verb: Token, found: list[Finding]) -> list[Finding]:
    """``found`` and the same acts done by the body their doers act as part of (not the
    reciprocal ones: the doers and the body do not act on each other)."""
    group = group_agents(ctx, verb)
    if not group:
        return found
    doers = {f.subject.actor.id for f in found}
    extra = [replace(f, subject=m, confidence=f.confidence * w * 0.85)
             for f in found if f.obj.actor.id not in doers
             for m, w in group if m.actor.id not in doers and m.actor.id != f.obj.actor.id]
    return found + extra


def group_agents(ctx: Sentence, verb: Token) -> Weighted:
    """The body an agent acts as part of: "the UK is working as part of the coalition to
    defeat X", "the UK, as part of the coalition, is committed to providing": the body
    does the act too. Looked for on the verb, on the verbs it takes its subject from, and
    on that subject."""
    if "as" not in ctx.words:
        return []  # most sentences: no walk of the verb's neighbours
    holders: list[Token] = []
    tok = verb
    for _ in range(MAX_CLIMB):
        holders.append(tok)
        own = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if own:
            holders.extend(own)
            break
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
    # (the parse may hang "as" from the comma after the subject)
    around = [c for h in holders for c in (*h.children, *(
        k for p in h.children if p.dep_ == "punct" for k in p.children))]
    return [(m, w) for c in around if c.dep_ == "prep" and c.lower_ == "as"
            for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in CO_AGENT_NOUNS
            for m, w in prep_mentions(ctx, [p], {"of"}) if m.actor.is_actor]


def verb_findings(ctx: Sentence, verb: Token, senses: list[VerbSense]) -> list[Finding]:
    """The statements of one trigger verb: the first sense whose object is an actor, or
    a reciprocal reading, else the first fallback that finds a target."""
    agents = verb_agents(ctx, verb)
    if not agents:
        return []  # (every reading pairs a doer with a target: no doer, nothing to read)
    scan = scan_senses(ctx, verb, senses, agents)
    out, done = scan.found, scan.done
    if not done and scan.comitative is not None:
        out.extend(reciprocal(fellow_agents(ctx, verb, agents), scan.comitative[0].relation,
                              scan.comitative[1], verb))
        done = True
    fallbacks: tuple[Callable[..., list[Finding] | None], ...] = (
        complement_findings, mobilization_findings, protest_findings, place_findings)
    for fallback in fallbacks:
        if done:
            break
        got = fallback(ctx, verb, senses, scan, agents)
        if got is not None:
            out.extend(got)
            done = True
    return with_group_agents(ctx, verb, out)


def act_doer(ctx: Sentence, verb: Token) -> tuple[Token, RelationType] | None:
    """A verb's doer that is itself an act ("hit by fresh US sanctions", "US sanctions
    hit Iran"), with the act's type; None when the doer is an actor or names no act. A
    body ("the Saudi-led coalition struck") or its members ("Coalition partners trained
    Iraqi forces") are no act."""
    doers = [p for a in verb.children if a.dep_ == "agent" for p in a.children
             if p.dep_ == "pobj"] or [c for c in verb.children if c.dep_ == "nsubj"]
    for noun in doers:
        if ctx.index.all_at(noun) or noun.lemma_.lower() in ACTOR_NOUNS:
            continue
        rtype = ctx.vocab.noun_relation(noun.lemma_)
        if rtype is not None:
            return noun, rtype
    return None


def instrument_relation(ctx: Sentence, doer_act: tuple[Token, RelationType] | None,
                        relation: str) -> tuple[str, list[Token]]:
    """The act a verb's doer names when the doer is an act of another kind (see
    :func:`act_doer`): "Iran was hit by fresh US sanctions" sanctions, it does not attack;
    the verb only says the act struck. A passive verb of the other side of conflict and
    cooperation keeps its own sense: forces "backed by coalition airstrikes" are supported,
    not attacked. Returns the relation and the noun, if it decides."""
    if doer_act is None:
        return relation, []
    noun, act = doer_act
    own = ctx.vocab.get(relation)
    if act.plover == own.plover or noun.head.dep_ == "agent" and \
            act.quad.endswith("CONFLICT") != own.quad.endswith("CONFLICT"):
        return relation, []
    return act.name, [noun]


def known_particles(ctx: Sentence, verb: Token, senses: list[VerbSense]) -> set[str]:
    """The verb's particles some sense or hand-written frame names: a particle makes
    another verb ("hit back at London" is no "hit", "backed down" no "back", "pushed ISIL
    out" no urging), so with one that is known, only the senses naming it apply."""
    named = {w for s in senses for w in s.words}
    own = {c.lower_ for c in verb.children if c.dep_ == "prt"} & named
    framed = ctx.frames.particles.get(verb.lemma_) if ctx.frames is not None else None
    return own | (particle_words(verb) & framed) if framed else own


#: Nouns that name actors though the vocabulary knows them as acts of a tie: bodies and
#: their members, allies and partners.
ACTOR_NOUNS = GROUP_NOUNS | MEMBERSHIP_NOUNS | COUNTERPART_NOUNS

def scan_senses(ctx: Sentence, verb: Token, senses: list[VerbSense],
                agents: Weighted) -> SenseScan:
    """Try the senses, most specific first, until one names an actor target or reads as
    reciprocal ("Kerry and Lavrov agreed")."""
    scan = SenseScan()
    reduced = is_reduced_passive(verb)
    particles = known_particles(ctx, verb, senses)
    doer_act = act_doer(ctx, verb)
    fellows = fellow_agents(ctx, verb, agents)
    for sense in senses:
        if particles and not particles & set(sense.words):
            continue
        objs, extra = verb_objects(ctx, verb, sense)
        if reduced and not sense.prep and not sense.words and not sense.own_object:
            objs = [described_noun(verb.head)]
        if sense.words and not extra or conveys_message(ctx, verb, sense) or \
                deals_harm(ctx, verb, sense) or names_as(verb, sense):
            continue
        if scan.fit is None or (sense.words and not scan.fit[0].words) or (
                objs and not scan.fit[1] and not scan.fit[0].words):
            # (a sense whose preposition is absent fits less than one with its object:
            # "struck a building" is no strike against anyone)
            scan.fit = (sense, objs)
        relation, instrument = instrument_relation(ctx, doer_act, sense.relation)
        pairs = sense_targets(ctx, verb, sense, objs, relation)
        # (a sense whose objects name only its own doer reads nothing: "protested China's
        # use of water cannon against its vessels" protests against China, by "use")
        own = bool(pairs) and not any(o.actor.id != s.actor.id
                                      for s, _sw in agents for o, _ow in pairs)
        pairs = [] if own else pairs
        rtype = ctx.vocab.get(sense.relation)
        trig = sorted([verb, *extra], key=lambda t: t.i)
        specific = 0.05 * sense.specificity
        if pairs:
            scan.found.extend(Finding(s, o, relation, sorted([*trig, *instrument],
                                                             key=lambda t: t.i), verb,
                                      min(1.0, 0.75 + specific) * sw * ow,
                                      mutual=sense.mutual and not instrument,
                                      plain=not sense.specificity)
                              for s, sw in agents for o, ow in pairs)
            scan.done = True
            break
        light = bool(sense.words) and not objs  # "reached a consensus" (no "with")
        if len(fellows) > 1 and rtype.symmetric and (not sense.prep or light) and \
                sense.mutual is not False and not met_thing(ctx, sense, objs):
            # Reciprocal: "Kerry and Lavrov agreed" -> each agreed with the other (not by
            # a one-way trigger: "a ceasefire brokered by Qatar and Egypt" is no talks
            # between the brokers).
            scan.found.extend(reciprocal(fellows, sense.relation, trig, verb))
            scan.done = True
            break
        if len(fellows) > 1 and sense.prep == "with" and not objs and scan.comitative is None:
            # A with-verb without its with-object is reciprocal too ("Thai and Cambodian
            # troops exchanged fire"), unless another sense fits better ("united against").
            scan.comitative = (sense, trig)
        if sense.prep and objs:
            scan.prep_sense = sense
            if not actor_object(ctx, verb) and not own:
                break
            # (a direct object that is an actor is the target of a plainer sense:
            # "warned India of a befitting response")
    return scan


def actor_object(ctx: Sentence, verb: Token) -> bool:
    """The verb has a direct or indirect object naming an actor ("gave Yemen $1 billion in
    aid": Yemen, not the "in" of "give in")."""
    return any(c.dep_ in {"dobj", "dative"} and any(m.actor.is_actor for m in ctx.index.all_at(c))
               for c in verb.children)


def met_thing(ctx: Sentence, sense: VerbSense, objs: list[Token]) -> bool:
    """A meeting verb whose object is a thing: "companies hosting websites" meet nobody,
    least of all each other (unlike a topic: "the two leaders discussed the campaign")."""
    return not sense.words and sense.relation in PERSONAL_RELATIONS and any(
        not ctx.index.all_at(o) and o.pos_ in {"NOUN", "PROPN"} for o in objs)


def deals_harm(ctx: Sentence, verb: Token, sense: VerbSense) -> bool:
    """A giving sense whose direct object is harm or a hostile act ("deliver devastating
    blows to the United States", "delivered strikes against ISIL"): nothing is given; the
    noun's own act, if any, is found through it."""
    if sense.words or ctx.vocab.get(sense.relation).quad != "MATERIAL_COOPERATION":
        return False
    return any(c.dep_ == "dobj" and (
        c.lemma_.lower() in HARM_NOUNS or (r := noun_relation_of(ctx, c)) is not None
        and r.quad.endswith("CONFLICT")) for c in verb.children)


def names_forces(ctx: Sentence, tok: Token) -> bool:
    """A word naming armed forces or police ("troops", "Hezbollah"), which a verb of
    sending sends."""
    return any(m.actor.sector in {"MIL", "COP"} or m.actor.type == "ARMED_GROUP"
               for m in ctx.index.all_at(tok))


def conveys_message(ctx: Sentence, verb: Token, sense: VerbSense) -> bool:
    """A material sense whose direct object is a message ("provided a statement on the
    SDF advance", "sent a letter to Iran"): the verb conveys words, not aid, so the sense
    does not hold (a "send letter to" sense of the vocabulary may); nor does it when what
    is given is time (:func:`gives_time`)."""
    if sense.words or ctx.vocab.get(sense.relation).quad != "MATERIAL_COOPERATION":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in MESSAGE_NOUNS
               for c in verb.children) or gives_time(verb)


def names_as(verb: Token, sense: VerbSense) -> bool:
    """A verb of naming with what it names its object ("called it illegal", "called Putin
    a killer"; ``naming_verbs``): a word about someone, not a call to them."""
    return not sense.words and not sense.prep and verb.lemma_ in NAMING_VERBS and any(
        c.dep_ == "oprd" for c in verb.children)


def gives_time(verb: Token) -> bool:
    """A span of time as what is given ("gave the ambassador 48 hours to leave", parsed
    as the object or, with no object, as a bare noun adverbial): a deadline set, not aid."""
    objs: list[Token] = []
    adverbials: list[Token] = []
    for c in verb.children:
        if c.dep_ == "dobj":
            objs.append(c)
        elif c.dep_ == "npadvmod":
            adverbials.append(c)
    return any(c.ent_type_ in {"DATE", "TIME"} for c in objs or adverbials)


def sense_targets(ctx: Sentence, verb: Token, sense: VerbSense, objs: list[Token],
                  relation: str | None = None) -> Weighted:
    """The actors a sense's objects stand for; ``relation``, the act it names if not the
    sense's own (:func:`instrument_relation`)."""
    targets = objs
    if sense.relation in PERSONAL_RELATIONS and not sense.words:
        # One meets or hosts an actor, not a thing of theirs: "welcomed Trump's proposal"
        # is no meeting with Trump.
        targets = [ot for ot in objs if ctx.index.all_at(ot) or (
            noun_relation_of(ctx, ot) is None and ot.lemma_.lower() not in THING_WORDS
            and not is_common_thing(ot))]
    if verb.lemma_ in SENDING_VERBS and not sense.prep:
        # Forces sent are what is given, not whom ("deploy more troops"), and so is
        # whatever is sent somewhere: "sent Marines to Poland" aids Poland.
        # (not "supplied the Houthis with missiles": then the object is whom)
        if sends_somewhere(verb):
            targets = []
        elif not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
            targets = [ot for ot in targets if not names_forces(ctx, ot)]
    if ctx.vocab.get(sense.relation).quad in COOPERATIVE_QUADS:
        # (nor aid to a border faced: "sent troops to the border with Guyana")
        targets = [ot for ot in targets
                   if not is_issue(ctx, ot) and not names_a_frontier(ctx, ot)]
    pairs = [(o, w) for ot in targets for o, w in mentions(ctx, ot)]
    if sense.prep in MOTION_PREPS and not any(
        c.dep_ == "dobj" for c in verb.children
    ) and sense.relation != "VISITS":
        # "negotiators return to Geneva" travel there; "returned the prisoners to Iran" is
        # the act ("return to"), aimed at an actor, not a place.
        pairs = [(o, w) for o, w in pairs if o.actor.is_actor]
    if not pairs and objs and not sense.prep and not sense.words and \
            not any(o.pos_ == "PRON" and o.tag_ != "WDT" for o in objs) and \
            verb.lemma_.lower() not in EXPULSION_VERBS and \
            (sense.relation not in PERSONAL_RELATIONS or hosts_visitors(objs)):
        # (an object pronoun names whom, even unresolved: "informing them on the state of
        # the country" tells the country nothing; a relative "which" names a thing: "the
        # drones, which Iran supplied to Russia"; one deported or expelled is sent to a
        # country, no act on it: "deported the suspect to Turkey")
        quad = ctx.vocab.get(relation or sense.relation).quad
        pairs = recipient_targets(ctx, verb, objs, quad in COOPERATIVE_QUADS,
                                  quad.startswith("VERBAL"))
    return pairs


#: Common nouns that stand for the people their modifier names: visitors ("a Chinese
#: delegation", "their French counterparts"), counts and groups ("a number of ministers").
PEOPLE_NOUNS = VISITOR_NOUNS | QUANTITY_NOUNS | GROUP_NOUNS


def is_common_thing(tok: Token) -> bool:
    """A common noun, no actor's mention, that names no one, only modified by an actor
    ("hosted Syrian Government websites"): a thing of theirs, not them (the caller has
    checked it is no mention)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() not in PEOPLE_NOUNS


def hosts_visitors(objs: list[Token]) -> bool:
    """A host receives people, not things: "received a delegation from China" meets China,
    "received weapons from China" does not."""
    return any(o.lemma_.lower() in VISITOR_NOUNS for o in objs)


def is_issue(ctx: Sentence, tok: Token) -> bool:
    """A trouble or matter that is no actor: "the Syrian conflict", "the crisis in Syria".
    Cooperating on it is not cooperating with whom it is of."""
    return not ctx.index.all_at(tok) and tok.lemma_.lower() in ISSUE_NOUNS


def recipient_targets(ctx: Sentence, verb: Token, objs: list[Token],
                      cooperative: bool = False, verbal: bool = False) -> Weighted:
    """"sent arms to Pakistan", "confiscated weapons from armed groups": a thing as
    object, the actor it goes to or comes from as target (actors only: "return to
    Geneva" says where, not to whom). A cooperative act goes to someone, never "at" or
    "against" them: "remarks on work to support minorities at the G-20 conference"
    support no G-20. Words go to someone, never into a place: "Belarus pushed migrants
    into Poland" urges no Poland."""
    holders = [verb, *(o for o in objs if noun_relation_of(ctx, o) is None)]
    preps = TARGET_PREPS - AIMED_PREPS if cooperative else TARGET_PREPS
    if verbal:
        preps = preps - INTO_PREPS
    return [(o, w * 0.85) for o, w in prep_mentions(
        ctx, holders, preps, frozenset({"prep", "dative"})) if o.actor.is_actor]


def reciprocal(actors: Weighted, relation: str, trigger: list[Token],
               anchor: Token) -> Iterator[Finding]:
    """Each actor to each other: "Kerry and Lavrov agreed"."""
    for s, sw in actors:
        for o, ow in actors:
            if s.actor.id != o.actor.id:
                yield Finding(s, o, relation, trigger, anchor, 0.7 * sw * ow)


def complement_findings(ctx: Sentence, verb: Token, senses: list[VerbSense], scan: SenseScan,
                        agents: Weighted) -> list[Finding] | None:
    """"Iran threatened to shell Iraqi towns", "demanded that Mugabe abandon ...": the
    target of the act is the target (or the agent) of its complement. Never mirrored:
    "Obama agreed to lift sanctions on Iran" is no agreement by Iran (nor are the targets
    of the fallbacks below: a mobilization's enemy, a protest's purpose, a place). The matched
    prepositional sense ("call for") carries the demand, else the first plain sense that
    is no meeting (one meets actors, not acts: "welcomed the agreement")."""
    plain = [s for s in senses if not s.words and not s.prep]
    base = scan.prep_sense or next(
        (s for s in plain if s.relation not in PERSONAL_RELATIONS), plain[0] if plain else None)
    if base is None:
        return None
    rtype = ctx.vocab.get(base.relation)
    targets = complement_targets(ctx, verb, rtype.plover)
    if not targets:
        return None
    # (through a plain sense: a frame bound to the object noun says more, "signed a pact
    # with Australia that gives Canberra a veto" is a mutual signing)
    plain_sense = not base.words and not base.prep
    return [Finding(s, o, base.relation, [verb], verb, 0.6 * sw * ow, mutual=False,
                    plain=plain_sense) for o, ow in targets for s, sw in agents]


def mobilization_findings(ctx: Sentence, verb: Token, senses: list[VerbSense],
                          scan: SenseScan, agents: Weighted) -> list[Finding] | None:
    """"mobilized reservists for a possible war against Iraq": forces are readied against
    whom the conflict they are readied for is aimed at."""
    if scan.fit is None or ctx.vocab.get(scan.fit[0].relation).plover != "MOBILIZE":
        return None
    wars = [n for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "in"}
            for n in c.children if n.dep_ == "pobj" and (
                r := ctx.vocab.noun_relation(n.lemma_)) is not None
            and r.quad.endswith("CONFLICT")]
    targets = [(o, ow) for o, ow in prep_mentions(ctx, wars, {"against", "on", "with", "into"})
               if o.actor.is_actor]
    if not targets:
        return None
    return [Finding(s, o, scan.fit[0].relation, [verb], verb, 0.6 * sw * ow, mutual=False)
            for o, ow in targets for s, sw in agents]


def protest_findings(ctx: Sentence, verb: Token, senses: list[VerbSense], scan: SenseScan,
                     agents: Weighted) -> list[Finding] | None:
    """"blocked roads demanding that he be reinstated", "began a hunger strike to protest
    Sweden's decision": a protest is aimed at whom its purpose names."""
    if scan.fit is None or ctx.vocab.get(scan.fit[0].relation).plover != "PROTEST":
        return None
    targets = purpose_targets(ctx, verb)
    if not targets:
        return None
    return [Finding(s, o, scan.fit[0].relation, [verb], verb, 0.55 * sw * ow, mutual=False)
            for o, ow in targets for s, sw in agents]


def place_findings(ctx: Sentence, verb: Token, senses: list[VerbSense], scan: SenseScan,
                   agents: Weighted) -> list[Finding] | None:
    """A material act with no actor as target is aimed at the place where it is done
    ("imposed a curfew in the town of Cizre"); not a mutual one, whose other side is a
    partner, never a place ("businesses working in Tashkent")."""
    if scan.fit is None:
        return None
    sense, objs = scan.fit
    rtype = ctx.vocab.get(sense.relation)
    if not rtype.quad.startswith("MATERIAL") or rtype.symmetric or any(
            (r := ctx.vocab.noun_relation(o.lemma_.lower())) is not None and r.quad != rtype.quad
            for o in objs) or any(o.lemma_.lower() in SCOURGE_NOUNS for o in objs):
        # (an act aimed at an act of another kind is not aimed at a place: "return to
        # negotiations in Jeddah" resumes talks; "reimposed blockades in the West Bank"
        # names its own act; nor is one aimed at an evil: "fights terrorism in Syria")
        return None
    trig = sorted([verb, *(o for o in objs if o.i != verb.i and ctx.index.at(o) is None)][:2],
                  key=lambda t: t.i)
    places = place_targets(ctx, [verb, *objs])
    if not places and rtype.plover == "RETREAT":
        places = stationed_places(ctx, agents)
    return [Finding(s, o, sense.relation, trig, verb, 0.55 * sw * ow, mutual=False)
            for o, ow in places for s, sw in agents]
