"""From tokens to actor mentions: names, appositions, pronouns, and the actors behind a
thing ("Assad's air force", "positions of the Palestinian security forces")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from actorgraph.extract.actors import LOCATION, ActorMention, resolve_pronoun, resolve_speaker
from actorgraph.extract.lexicon import RelationType, RelationVocabulary
from actorgraph.extract.nlp import is_boundary
from actorgraph.extract.relations.model import Sentence, Weighted
from actorgraph.extract.relations.syntax import (
    blaming_participle,
    conjuncts,
    hyphen_partners,
    leading_names,
    parenthetical_participle,
    relative_antecedent,
    takes_part,
)
from actorgraph.extract.relations.words import (
    AUTHORING_VERBS,
    BLAMING_VERBS,
    CAPTIVE_NOUNS,
    CLAIM_VERBS,
    CO_AGENT_PREPS,
    COUNTERPART_NOUNS,
    DEED_NOUNS,
    FIRING_VERBS,
    GROUP_NOUNS,
    HOLDING_VERBS,
    HYPHEN_SUFFIXES,
    LEADING_SUFFIXES,
    LEADING_VERBS,
    ORIGIN_VERBS,
    PERPETRATION_VERBS,
    PLURAL_PRONOUNS,
    RESPONSIBILITY_NOUNS,
    SOUGHT_NOUNS,
    UNDERGONE_NOUNS,
    VICINITY_NOUNS,
    WEAPON_NOUNS,
)


def mention(ctx: Sentence, tok: Token) -> Weighted:
    """The actors a syntactic argument stands for, each with how direct the link is."""
    group = ctx.index.all_at(tok)
    if group and not group[0].actor.is_actor:
        # a named boundary ("the Line of Control with Pakistan") stands for its other side
        group = [m for m, _w in boundary_side(ctx, tok)] or group
    if group:
        # A definite description ("the minister") is a resolved reference, less sure
        # than a name.
        return [(_named_before(ctx, m), 0.85) if m.source == "nominal" else (m, 1.0)
                for m in group]
    named = appositive_mention(ctx, tok)
    if named is not None:
        return [(named, 0.95)]
    if is_reciprocal_pronoun(tok):
        return each_other(ctx, tok)
    antecedent = relative_antecedent(tok)
    if antecedent is not None:
        # a relative pronoun object is its antecedent when that names an actor: "Hezbollah,
        # which Israel struck" (a thing's "which" names the thing: "the drones, which ...")
        return [(m, 0.95) for m in ctx.index.all_at(antecedent) if m.actor.is_actor]
    if tok.pos_ == "PRON":
        return pronoun_mentions(ctx, tok)
    # "Assad's air force", "Russian planes", "the Tehran-Damascus-Moscow partnership":
    # the modifiers are the actors behind a thing.
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in UNDERGONE_NOUNS:
        return []  # "his death will degrade ISIL": what befell him, no one acting
    if tok.pos_ in {"NOUN", "PROPN"} or tok.dep_ in {"dobj", "pobj"}:
        # (an object is a noun whatever its tag: "rejected a United Nations appeal")
        beyond = boundary_side(ctx, tok) or vicinity_owner(ctx, tok)
        if beyond:
            return beyond
        found = [(m, 0.7) for m in modifier_actors(ctx, tok, not is_counterpart(tok))]
        return found or claimant_actors(ctx, tok) or participle_agents(ctx, tok) or \
            owner_actors(ctx, tok)
    return []


def names_a_frontier(ctx: Sentence, tok: Token) -> bool:
    """A border faced or waters near someone ("the border with Guyana", "waters near
    Taiwan"): forces sent there are posture against that side, no aid to it."""
    return is_boundary(tok) or bool(vicinity_owner(ctx, tok))


def boundary_side(ctx: Sentence, tok: Token) -> Weighted:
    """The other side of a boundary: "its border with Belarus" and "the frontier with
    Guyana" stand for Belarus and Guyana, not for whose border it is."""
    return weighted(prep_mentions(ctx, [tok], {"with"}), 0.7) if is_boundary(tok) else []


#: Prepositions that tell whose a stretch of sea or air is by what it is near.
VICINITY_PREPS = frozenset({"near", "off", "around"})


def vicinity_owner(ctx: Sentence, tok: Token) -> Weighted:
    """Whose a stretch of sea or air is, told by what it is near: "waters near Taiwan",
    "the airspace off Japan" stand for Taiwan and Japan."""
    if tok.lemma_.lower() not in VICINITY_NOUNS:
        return []
    return weighted(prep_mentions(ctx, [tok], VICINITY_PREPS), 0.7)


def appositive_mention(ctx: Sentence, tok: Token) -> ActorMention | None:
    """The actor a common noun's apposition names: "the group Hamas", "the vile
    organisation ISIL"."""
    return next((m for c in tok.children if c.dep_ == "appos"
                 and (m := ctx.index.at(c)) is not None), None)


def _named_before(ctx: Sentence, m: ActorMention) -> ActorMention:
    """A reference ("the two leaders", "the country") whose actor is named earlier in its
    own sentence stands where the name is, as a pronoun's antecedent there does: the record
    shows "Ash Carter", not "leaders", as the text of its end."""
    named = [o for o in ctx.index.mentions if o.source != "nominal" and o.actor.id == m.actor.id
             and ctx.sent.start <= o.start < m.start]
    return named[-1] if named else m


def pronoun_mentions(ctx: Sentence, tok: Token) -> Weighted:
    """The antecedent of a pronoun, or all the conjoined actors a plural one stands for."""
    m = resolve_pronoun(tok, ctx.index) or resolve_speaker(tok, ctx.index)
    if m is not None and tok.lower_ in PLURAL_PRONOUNS:
        # "Burkina Faso, Mali and Niger announced their withdrawal": "their" is all of them.
        head = tok.doc[m.end - 1]
        group = [g for c in head.conjuncts for g in ctx.index.all_at(c)
                 if g.actor.is_actor and g.actor.id != m.actor.id]
        if group:
            return [(g, 0.75) for g in [m, *group]]
    if m is not None and m.start < ctx.sent.start:
        # The antecedent is in an earlier sentence: the record keeps the pronoun as its
        # surface text, so the evidence sentence shows where the actor is.
        m = ActorMention(tok.i, tok.i + 1, tok.text, m.actor, "pronoun")
    return [(m, 0.75)] if m else []


def owner_preps(rtype: RelationType | None) -> set[str]:
    """Prepositions through which a thing's owner is named: "an appeal from President
    Gbagbo" names the author of a speech act; "withdrawal from Bosnia" names a place left,
    so a material act only takes "by"; "a camp for Congolese refugees" is theirs too."""
    if rtype is None:
        return {"of", "in", "inside", "from", "by", "for"}
    if rtype.quad.startswith("VERBAL"):
        return {"from", "by"}
    return {"by"}


def late_authors(ctx: Sentence, tok: Token) -> Weighted:
    """"the arrest of Navalny by Russian authorities": the parser hangs the author's "by"
    on the noun's of-object, where it names who did the act; "the allegations made by the
    British government": the author is the agent of a participle of making or doing."""
    return [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"
            for b in p.children if b.dep_ == "prep" and b.lower_ == "by"
            for q in b.children if q.dep_ == "pobj" for m in mentions(ctx, q)] + [
        m for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
        and c.lemma_.lower() in AUTHORING_VERBS
        for a in c.children if a.dep_ == "agent"
        for q in a.children if q.dep_ == "pobj" for m in mentions(ctx, q)]


def owner_actors(ctx: Sentence, tok: Token, depth: int = 0) -> Weighted:
    """Actors behind a thing through a preposition: "positions of the Palestinian
    security forces", "leaders of Romania's government", "a village in Cambodia".

    Relation nouns only through their author ("from", "by"): in "the killing of X" X is
    the victim, not the one a condemnation is aimed at.
    """
    if depth > 1:
        return []
    rtype = noun_relation_of(ctx, tok)
    if rtype is not None and (late := late_authors(ctx, tok)):
        return [(m, 0.65) for m, _w in late]
    preps = owner_preps(rtype) | ({"of"} if own_means(ctx, tok) else set())
    out: Weighted = []
    places: Weighted = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        # (each conjunct: "imports from Canada and Mexico")
        for p in (q for k in c.children if k.dep_ == "pobj" for q in conjuncts(k)):
            if c.lower_ in {"in", "inside"}:
                # A place (with its country) stands for the target of an act done there,
                # unless the thing names whose it is ("war crimes by Israel in Gaza").
                places.extend((m, 0.6) for m in ctx.index.all_at(p) if is_place(m))
            elif own := ctx.index.all_at(p):
                out.extend((m, 0.65) for m in own)
            elif (named := appositive_mention(ctx, p)) is not None:
                out.append((named, 0.65))  # "positions of the group Hezbollah"
            elif p.pos_ == "PRON":
                out.extend((m, w * 0.9) for m, w in mention(ctx, p))
            elif modifiers := modifier_actors(ctx, p, not is_counterpart(p)):
                out.extend((m, 0.65) for m in modifiers)
            else:
                out.extend((m, w * 0.9) for m, w in owner_actors(ctx, p, depth + 1))
    return out or places or made_in(ctx, tok)


def made_in(ctx: Sentence, tok: Token) -> Weighted:
    """Where a thing was made, as its participle says ("goods made in Serbia", "eggs
    produced in Uganda"; ``origin_verbs``): that country's goods."""
    return [(m, 0.6) for c in tok.children if c.dep_ == "acl" and c.lemma_ in ORIGIN_VERBS
            for p in c.children if p.dep_ == "prep" and p.lower_ in {"in", "by", "from"}
            for q in p.children if q.dep_ == "pobj" for m in ctx.index.all_at(q)
            if m.actor.country]


#: Actor types of bodies with members.
BODY_TYPES = frozenset({"IGO"})


def names_the_other_side(ctx: Sentence, modifier: Token) -> bool:
    """A name compounded with a noun of a tie is whose ally or partner it is ("US allies"),
    as a possessor is; a body's allies or partners are its members ("NATO allies",
    "Coalition partners", "its European Community partners"), and an adjective says what
    the partners are ("our Syrian partners")."""
    if modifier.dep_ != "compound" or modifier.pos_ != "PROPN" or \
            modifier.lemma_.lower() in GROUP_NOUNS:
        return False
    return not any(m.actor.type in BODY_TYPES for m in ctx.index.all_at(modifier))


def is_counterpart(tok: Token) -> bool:
    """"the deputy chief of Israel's militia ally": a noun of a tie, as an argument, names
    the other side of the tie, never its possessor ("our Syrian partners" are Syrian all
    the same; as a relation noun, "its partners" still ties the possessor to them)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in COUNTERPART_NOUNS


def relation_noun(vocab: RelationVocabulary, tok: Token) -> RelationType | None:
    """The relation a noun carries, by its form or its lemma ("talks", "attack"); a
    two-word noun first ("hunger strike" is a protest, "strike" an attack), with any of
    its modifiers ("joint naval drills" are joint drills) or the preposition it is the
    object of ("on strike"), or whole when it is hyphenated ("sit-in", "build-up", which
    the tokenizer splits)."""
    lefts = list(tok.lefts) if tok.n_lefts else []
    joined = _hyphenated(tok, lefts)
    if joined is not None:
        found = vocab.noun_relation(joined)
        if found is not None:
            return found
    for mod in reversed(lefts):
        if mod.dep_ not in {"compound", "amod"}:
            continue
        for form in (tok.lower_, tok.lemma_.lower()):
            found = vocab.noun_relation(f"{mod.lower_} {form}")
            if found is not None:
                return found
    if tok.dep_ == "pobj":
        # a noun with the preposition it is said with: "went on strike" is a walkout
        for form in (tok.lower_, tok.lemma_.lower()):
            found = vocab.noun_relation(f"{tok.head.lower_} {form}")
            if found is not None:
                return found
    return vocab.noun_relation(tok.lower_) or vocab.noun_relation(tok.lemma_)


def _hyphenated(tok: Token, lefts: list[Token]) -> str | None:
    """"sit-in" for the "in" of "a sit-in": a noun joined by a hyphen to the word before
    it, both among its left dependents ``lefts``; None for any other."""
    if len(lefts) < 2:
        return None
    hyphen, first = lefts[-1], lefts[-2]
    if hyphen.i != tok.i - 1 or first.i != tok.i - 2 or hyphen.text != "-" or \
            hyphen.whitespace_ or first.whitespace_:
        return None
    return f"{first.lower_}-{tok.lower_}"


def own_means(ctx: Sentence, tok: Token) -> bool:
    """A noun whose "of" phrase is its doer's own means (``own_object`` nouns: "the
    deployment of Russian troops" is Russia's, not an act on Russia)."""
    nouns = ctx.vocab.own_object_nouns
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


def noun_relation_of(ctx: Sentence, tok: Token) -> RelationType | None:
    """:func:`relation_noun` of a token of the sentence's document, worked out once."""
    memo = ctx.noun_types
    if tok.i not in memo:
        memo[tok.i] = relation_noun(ctx.vocab, tok)
    return memo[tok.i]


def prep_mentions(
    ctx: Sentence, heads: Iterable[Token], preps: set[str],
    deps: frozenset[str] = frozenset({"prep"}),
) -> Weighted:
    """Actors named by the objects of the given prepositions under ``heads``."""
    return [(m, w) for h in heads for p in h.children
            if p.dep_ in deps and p.lower_ in preps
            for q in p.children if q.dep_ == "pobj" for m, w in mentions(ctx, q)]


#: The first word of every co-agent preposition: a sentence without one has no co-agent.
CO_AGENT_WORDS = frozenset(p.split()[0] for p in CO_AGENT_PREPS)


def co_agents(ctx: Sentence, verb: Token) -> Weighted:
    """Who does a verb's act beside its subject: "fighting alongside Congo's army",
    "Russia, along with Iran, supplied weapons", "the US, together with Britain, struck".
    A two-word preposition (parsed as a word with "with" under it, or "with" with the word
    under it) counts on the subject, or on the verb when set off by a comma: in "working
    together with the U.S." the U.S. is whom one works with."""
    out: Weighted = []
    if not CO_AGENT_WORDS & ctx.words:
        return out  # (asked of every verb; few sentences have such a preposition)
    for host in (verb, *(c for c in verb.children if c.dep_ == "nsubj"), *act_objects(verb)):
        for p in host.children:
            if p.dep_ not in {"prep", "advmod"}:
                continue
            if p.dep_ == "prep" and p.lower_ in CO_AGENT_PREPS:
                holders = [p]
            elif p.dep_ == "prep":
                holders = [p] if any(f"{w.lower_} {p.lower_}" in CO_AGENT_PREPS
                                     for w in p.children if w.dep_ == "advmod") else []
            else:
                holders = []
            holders += [w for w in p.children if w.dep_ == "prep"
                        and f"{p.lower_} {w.lower_}" in CO_AGENT_PREPS]
            if holders and host is verb and p.lower_ not in CO_AGENT_PREPS and not (
                    p.left_edge.i > 0 and p.doc[p.left_edge.i - 1].text == ","):
                continue
            out.extend((m, w) for h in holders for q in h.children if q.dep_ == "pobj"
                       for m, w in mentions(ctx, q))
    return out


def act_objects(verb: Token) -> list[Token]:
    """The nouns of the act a verb does or takes part in, which may carry its co-agent:
    "carried out strikes alongside France", "took part in the strikes alongside the
    United States"."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if takes_part(verb):
        objs += [q for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                 for q in p.children if q.dep_ == "pobj"]
    return objs


def leading_agents(ctx: Sentence, verb: Token) -> Weighted:
    """Who leads a verb's subject in its act: "The Gulf states, led by Saudi Arabia,
    imposed a blockade" (Saudi Arabia imposes it too; leading_verbs)."""
    if "by" not in ctx.words:
        return []  # no agent, no leader: most sentences skip the walk
    return [(m, w * 0.9) for s in verb.children if s.dep_ == "nsubj"
            for c in s.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and c.lemma_.lower() in LEADING_VERBS
            for a in c.children if a.dep_ == "agent"
            for q in a.children if q.dep_ == "pobj" for m, w in mentions(ctx, q)]


def modifier_actors(ctx: Sentence, tok: Token, possessor: bool = True) -> list[ActorMention]:
    """Actors named by a noun's modifiers before it: possessors (unless ``possessor`` is
    False, and then no named owner either: see :func:`names_the_other_side`), nationality
    adjectives, compounds ("Assad's air force", "Russian planes"), once each."""
    out: list[ActorMention] = []
    for c in tok.children:
        if c.dep_ not in {"poss", "amod", "compound", "nmod"} or c.i > tok.i:
            continue
        if not possessor and (c.dep_ == "poss" or names_the_other_side(ctx, c)):
            continue
        for cc in (c, *c.conjuncts, *hyphen_partners(c)):
            if proxy_modifier(cc):
                continue
            found = ctx.index.all_at(cc) or led_by(ctx, cc)
            if not found and cc.dep_ == "poss" and (cc.pos_ == "PRON"
                                                    or is_reciprocal_pronoun(cc)):
                found = [m for m, _w in mention(ctx, cc)]
            out.extend(m for m in found if m.actor.is_actor)
            if not found and cc.dep_ == "compound":
                out.extend(modifier_actors(ctx, cc))
        if c.dep_ == "compound" and ctx.index.at(c) is not None:
            out.extend(modifier_actors(ctx, c))
    seen: set[str] = set()
    if tok.lemma_.lower() in SOUGHT_NOUNS and any(
            tok.doc[m.end - 1].dep_ == "poss" for m in out):
        # "Stockholm's NATO bid" is Sweden's: NATO is what it seeks
        out = [m for m in out if tok.doc[m.end - 1].dep_ == "poss"]
    return [m for m in out if not (m.actor.id in seen or seen.add(m.actor.id))
            and not owner_of_named(tok, m, out)]


def owner_of_named(tok: Token, m: ActorMention, found: list[ActorMention]) -> bool:
    """A possessor before a named actor that modifies the same noun owns that actor and
    is not itself the thing's actor: "Osama bin Laden's al-Qaeda network" is al-Qaeda's
    network, "Russia's Gazprom company" Gazprom's. "Assad's air force" names no other
    actor and stays Assad's."""
    if tok.doc[m.end - 1].dep_ != "poss":
        return False
    return any(o.start > m.end and o.actor.type not in {"COUNTRY"} and
               tok.doc[o.end - 1].dep_ in {"compound", "nmod"} for o in found)


def led_by(ctx: Sentence, tok: Token) -> list[ActorMention]:
    """The actor before a split "-led" modifier: "Saudi-led coalition jets" are Saudi
    Arabia's, as one-word "U.S.-led" already is (the tokenizer splits a hyphen after a
    name it does not keep whole)."""
    return [m for c in leading_names(tok) if c.i != tok.i
            for m in ctx.index.all_at(c) if m.actor.is_actor]


def proxy_modifier(tok: Token) -> bool:
    """"U.S.-backed rebels", "Iranian-funded militias": the backer is not the doer of
    what its proxies do, as the leader of a "U.S.-led coalition" is."""
    last = tok.lower_.rsplit("-", 1)[-1]
    return tok.dep_ == "amod" and last in HYPHEN_SUFFIXES and last not in LEADING_SUFFIXES


def is_reciprocal_pronoun(tok: Token) -> bool:
    """ "each other" (parsed "other" with "each") or "one another" ("one" with "another")."""
    return (tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children)) or (
        tok.lower_ == "one" and any(c.lower_ == "another" for c in tok.children))


def each_other(ctx: Sentence, tok: Token) -> Weighted:
    """ "Armenia and Azerbaijan accused each other": the pronoun stands for its verb's
    subjects, so each acts on the others (an actor paired with itself is dropped later);
    so does a possessive one, through the noun it owns ("expelled each other's diplomats")."""
    noun = tok.head if tok.dep_ == "poss" else tok
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return [(m, w * 0.9) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
            for c2 in conjuncts(c) for m, w in mention(ctx, c2)]


def mentions(ctx: Sentence, tok: Token) -> Weighted:
    """The actors of ``tok`` and its conjuncts, once each."""
    out: Weighted = []
    toks = conjuncts(tok)
    # "visits by Kerry and CIA Director John Brennan": the parse may hang the first
    # conjunct under the second as a modifier with the "and" beside it.
    for c in tok.children:
        if c.dep_ in {"nmod", "compound"} and any(k.dep_ == "cc" for k in c.children):
            toks.extend(conjuncts(c))
        if c.dep_ == "appos" and named_list(ctx, tok, c):
            toks.extend(conjuncts(c))
    for c in toks:
        if names_locator(ctx, c):
            continue
        for m, w in mention(ctx, c):
            if all(m.actor.id != o.actor.id for o, _ in out):
                out.append((m, w))
    return out


def names_locator(ctx: Sentence, tok: Token) -> bool:
    """"isolate Raqqah, Syria": a country set off by a comma after a town of its own is
    where the town is, not a second party (the parse calls it a conjunct)."""
    if tok.dep_ not in {"conj", "appos"} or tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return False
    country, town = ctx.index.at(tok), ctx.index.at(tok.head)
    if country is None or town is None or country.actor.type != "COUNTRY" \
            or town.actor.type != LOCATION or not town.actor.country:
        return False
    return town.actor.country == country.actor.country and not any(
        c.dep_ == "cc" for c in tok.head.children if tok.head.i < c.i < tok.i)


def named_list(ctx: Sentence, head: Token, appos: Token) -> bool:
    """"The UK, the wider Coalition and the Government of Iraq": the parse may take a list
    of three for an apposition with a conjunct. It is a list when every item is a name of
    its own actor (not "Erdogan, the Turkish president and party leader")."""
    if not any(k.dep_ == "cc" for k in appos.children):
        return False
    items = [head, *conjuncts(appos)]
    found = [ctx.index.at(t) for t in items]
    return all(m is not None and m.source != "nominal" and m.actor.is_actor for m in found) \
        and len({m.actor.id for m in found if m is not None}) == len(items)


def first_per_actor(found: Weighted) -> Weighted:
    """The first (most direct) link to each actor, in order."""
    seen: set[str] = set()
    return [(m, w) for m, w in found if not (m.actor.id in seen or seen.add(m.actor.id))]


def is_place(m: ActorMention) -> bool:
    """A place with a known country, or a country named as a place ("in Syria")."""
    a = m.actor
    return bool(a.country) and (not a.is_actor or (a.type == "COUNTRY" and a.sector is None))


def weighted(found: Weighted, factor: float) -> Weighted:
    """``found`` with every link's weight multiplied by ``factor`` (a less direct path)."""
    return [(m, w * factor) for m, w in found]


def blamed_mentions(ctx: Sentence, verb: Token) -> Weighted:
    """Whom a blaming participle names: the object of its preposition."""
    preps = {prep for lemma, prep in BLAMING_VERBS if lemma == verb.lemma_.lower()}
    return [(m, w * 0.8) for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj" for m, w in mention(ctx, p)]


def agent_mentions(ctx: Sentence, verb: Token) -> Weighted:
    """The actors of a participle's by-agent ("claimed by ISIL", "committed by X"), or the
    subject of an active relative clause whose object is the relative pronoun ("the
    strike, which Israel carried out", "missiles that Iran fired")."""
    by = [(m, w * 0.85) for a in verb.children if a.dep_ == "agent"
          for p in a.children if p.dep_ == "pobj" for m, w in mention(ctx, p)]
    if by or verb.dep_ != "relcl" or not any(
            c.dep_ == "dobj" and c.tag_ == "WDT" for c in verb.children):
        return by
    return [(m, w * 0.85) for c in verb.children if c.dep_ == "nsubj"
            for m, w in mention(ctx, c)]


def participle_agents(ctx: Sentence, tok: Token) -> Weighted:
    """The agent a thing's participle names, who stands for the thing. Who fired a weapon
    told by a noun, the one who did what it did: "drones launched by
    Russia hit Kyiv", "shot down missiles fired by the Houthis" (weapon_nouns, firing_verbs
    in words.toml); who holds a place or thing, the one an act on it is done to: "struck
    areas controlled by Hamas" (holding_verbs), but not of people held, their captives;
    who wrote a text or plan: "rejected the proposal put forward by Turkey"
    (authoring_verbs)."""
    weapon = tok.lemma_.lower() in WEAPON_NOUNS
    held = tok.lemma_.lower() not in CAPTIVE_NOUNS
    return [found for c in tok.children if c.dep_ in {"acl", "relcl"}
            and (weapon and c.lemma_.lower() in FIRING_VERBS or held and c.lemma_ in HOLDING_VERBS
                 or c.lemma_ in AUTHORING_VERBS)
            for found in agent_mentions(ctx, c)]


def claimant_actors(ctx: Sentence, tok: Token) -> Weighted:
    """Who claimed an act told by a noun, the one who did it: "ISIL claimed the attacks,
    which killed 28", "attacks claimed by ISIL", "the Taliban claimed responsibility for
    the bombing". Event coders code a claimed attack as the claimant's, and so a claimed
    weapon's ("claimed responsibility for a car bomb that killed 20 soldiers"). Whoever is
    said to have done a deed did it: "crimes committed by the army"."""
    act = noun_relation_of(ctx, tok) is not None or tok.lemma_.lower() in WEAPON_NOUNS
    if not act and tok.lemma_.lower() not in DEED_NOUNS:
        return []
    aside = parenthetical_participle(tok)
    for c in [*tok.children, *([aside] if aside is not None else [])]:
        # "attacks, also claimed by ISIL, ...", "the attack, which was claimed by ISIL,
        # ...", "crimes committed by Venezuelan security forces"
        if (c.dep_ in ("acl", "relcl") or c is aside) and (
                c.lemma_ in PERPETRATION_VERBS or act and c.lemma_ in CLAIM_VERBS):
            found = agent_mentions(ctx, c)
            if found:
                return found
        if act and c.dep_ == "acl" and blaming_participle(c):
            found = blamed_mentions(ctx, c)
            if found:
                return found
    if not act:
        return []
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "for" and verb.head.dep_ == "dobj" \
            and verb.head.lemma_ in RESPONSIBILITY_NOUNS:
        verb = verb.head.head  # "claimed responsibility for the bombing"
    elif tok.dep_ != "dobj":
        return []
    if verb.lemma_ not in CLAIM_VERBS:
        return []
    return [(m, w * 0.85) for c in verb.children if c.dep_ == "nsubj"
            for m, w in mention(ctx, c)]
