"""Arguments of a trigger: who does the act (subjects, passive agents, conjunctions,
control, relative clauses, gerunds) and what it is done to (objects of the sense).

Each mechanism is a function of its own; :func:`subjects` tries them in order.
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.lexicon import VerbSense
from actorgraph.extract.relations.factuality import factuality
from actorgraph.extract.relations.mentions import (
    is_place,
    mentions,
    modifier_actors,
    noun_relation_of,
    owner_actors,
    prep_mentions,
    weighted,
)
from actorgraph.extract.relations.model import Sentence, Weighted
from actorgraph.extract.relations.supported import supported_doers, supporting_word
from actorgraph.extract.relations.syntax import (
    finite_joined_to_infinitive,
    hyphen_agents,
    infinitival,
    is_passive,
    is_verb,
    parenthetical_subject,
    relative_antecedent,
    speaker_participle,
)
from actorgraph.extract.relations.words import (
    CLOSENESS_IDIOMS,
    COMPLAINT_NOUNS,
    CONTINGENCY_NOUNS,
    CUSTODY_VERBS,
    DISASTER_NOUNS,
    DISSUADING_VERBS,
    EXPULSION_VERBS,
    GERUND_VERBS,
    JOINING_VERBS,
    LISTING_VERBS,
    OBJECT_CONTROL,
    PARTICIPATION_VERBS,
    PASSIVE_SUBJECT_DEPS,
    RAISING_WORDS,
    REACTIONS,
    REQUEST_VERBS,
    SEQUENCE_PREPS,
    SUBJECT_DEPS,
    TOPIC_VERBS,
    UNDOING_PARTICLES,
    WEAPON_NOUNS,
)

MAX_DEPTH = 6
#: Prepositions of the forum a complaint or case is filed with.
FORUM_PREPS = frozenset({"at", "with", "before", "to", "in"})


def subjects(ctx: Sentence, verb: Token, depth: int = 0) -> Weighted:
    """Agents of ``verb``: its subject, a passive's by-agent, or an inherited subject."""
    if depth == 0:
        if verb.i not in ctx.doers:
            ctx.doers[verb.i] = _subjects(ctx, verb, 0)
        return list(ctx.doers[verb.i])  # (a copy: callers add to what they get)
    return _subjects(ctx, verb, depth)


def _subjects(ctx: Sentence, verb: Token, depth: int) -> Weighted:
    if depth > MAX_DEPTH:
        return []
    if is_passive(verb):
        return passive_agents(ctx, verb)
    filing = forum_filing(verb)
    if filing is not None:
        return weighted(subjects(ctx, filing, depth + 1), 0.9)
    own = own_subject(ctx, verb)
    if own is not None:
        return own
    return inherited_subjects(ctx, verb, depth)


def forum_filing(verb: Token) -> Token | None:
    """The verb of filing a complaint or case with a forum, when the parse hangs the
    participle that tells the complaint on the forum ("filed a case at the International
    Court of Justice accusing Israel", "lodged a complaint with the UN Security Council
    accusing Israel"): the filer accuses, not the court (``complaint_nouns``)."""
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj":
        prep = verb.head.head
    elif verb.dep_ == "pcomp" and any(c.dep_ == "nsubj" for c in verb.children):
        prep = verb.head
    else:
        return None
    if prep.dep_ != "prep" or prep.lower_ not in FORUM_PREPS:
        return None
    holder = prep.head
    if holder.lemma_.lower() in COMPLAINT_NOUNS and holder.dep_ == "dobj":
        return holder.head
    if is_verb(holder) and any(c.dep_ == "dobj" and c.lemma_.lower() in COMPLAINT_NOUNS
                               for c in holder.children):
        return holder
    return None


def passive_agents(ctx: Sentence, verb: Token) -> Weighted:
    """The by-agent of a passive ("was attacked by Russia"), or the owner of the hands
    ("killed at the hands of Russian soldiers"); nobody if neither is named."""
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return mentions(ctx, p)
        if c.dep_ == "prep" and c.lower_ == "at":
            agents = [(m, w * 0.95) for h in c.children
                      if h.dep_ == "pobj" and h.lemma_.lower() == "hand"
                      for m, w in prep_mentions(ctx, [h], {"of"})]
            if agents:
                return agents
    return harming_act_authors(ctx, verb) or custodial_authorities(ctx, verb)


def custodial_authorities(ctx: Sentence, verb: Token) -> Weighted:
    """Who takes or keeps people in custody when no one is named: the country where it is
    done, named as a country or by its capital ("a French journalist was arrested in
    Tehran" is Iran's act; custody_verbs), or the one sent out of ("was expelled from
    Lithuania"; expulsion_verbs). Not a town's country, which the text may not name as an
    actor, and not where two countries are named."""
    lemma = verb.lemma_.lower()
    if lemma not in CUSTODY_VERBS:
        return []
    # (one is expelled by the country one is sent out of: "was expelled from Lithuania")
    preps = {"in", "at", "from"} if lemma in EXPULSION_VERBS else {"in", "at"}
    found = [m for m, _w in prep_mentions(ctx, [verb], preps) if is_place(m)
             and m.actor.is_actor]
    countries = {m.actor.country for m in found}
    return [(found[0], 0.7)] if len(countries) == 1 else []


def harming_act_authors(ctx: Sentence, verb: Token) -> Weighted:
    """Whoever did the hostile act a passive befell someone "in": "Hezbollah fighters were
    killed in an Israeli strike", "wounded in a Turkish drone attack by ..." (the act's
    own author, a modifier or a by-agent; none for "clashes between A and B")."""
    out: Weighted = []
    for c in verb.children:
        if c.dep_ == "advcl":
            out.extend(harming_clause_doers(ctx, c))
        if c.dep_ != "prep" or c.lower_ not in {"in", "during"}:
            continue
        for act in (h for h in c.children if h.dep_ == "pobj"):
            rtype = noun_relation_of(ctx, act)
            if rtype is None or not rtype.quad.endswith("CONFLICT") or rtype.symmetric:
                continue
            out.extend((m, 0.85) for m in modifier_actors(ctx, act))
            out.extend((m, w * 0.85) for m, w in prep_mentions(ctx, [act], {"by"}))
    return out


def harming_clause_doers(ctx: Sentence, clause: Token) -> Weighted:
    """The doers of the hostile act a "when" clause says the harm came with: "Two Turkish
    soldiers were killed when PKK militants attacked an outpost" (none for a mutual act:
    "when the two sides clashed")."""
    if not any(k.dep_ == "advmod" and k.lower_ == "when" for k in clause.children):
        return []
    senses = ctx.vocab.verb_senses(clause.lemma_, clause.lower_)
    if not any(not s.words and not s.mutual and not ctx.vocab.get(s.relation).symmetric
               and ctx.vocab.get(s.relation).quad == "MATERIAL_CONFLICT" for s in senses):
        return []
    return [(m, w * 0.85) for k in clause.children if k.dep_ == "nsubj"
            for m, w in mentions(ctx, k)]


def own_subject(ctx: Sentence, verb: Token) -> Weighted | None:
    """The actors of an active verb's own subject, or None when it has no subject."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            if c.lemma_.lower() in DISASTER_NOUNS:
                return []  # "Floods in Nigeria killed 50": no one's act
            if c.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                # "Carlin, who oversees ...": the relative pronoun is the head noun.
                own = mentions(ctx, verb.head)
                if own or not is_means(ctx, verb.head):
                    return weighted(own, 0.95)
                return weighted(noun_governor_subjects(ctx, verb.head, 1), 0.85)
            return mentions(ctx, c)
    lent = parenthetical_subject(verb)  # "attacks, also claimed by ISIL, have killed 35"
    return mentions(ctx, lent) if lent is not None else None


def is_means(ctx: Sentence, noun: Token) -> bool:
    """An act of force or a weapon named by a noun, which does what its user does: "Israel
    carried out an airstrike that killed a Hezbollah commander", "Russia fired missiles
    that hit Kyiv" (the strike's and the missiles' doer killed and hit). Not a protest: "a
    general strike that shut down Kathmandu" is no act of its organisers on the city."""
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in WEAPON_NOUNS or (
        (rtype := noun_relation_of(ctx, noun)) is not None and rtype.plover == "ASSAULT"))


def inherited_subjects(ctx: Sentence, verb: Token, depth: int) -> Weighted:
    """The subject a verb without one takes from the verb or noun it hangs from."""
    head = verb.head
    if head.i == verb.i:
        return []
    if infinitival(verb):
        return controller_subjects(ctx, verb, depth)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return weighted(gerund_subjects(ctx, head, depth + 1), 0.85)
    if finite_joined_to_infinitive(verb):
        return weighted(subjects(ctx, head.head, depth + 1), 0.85)
    if speaker_participle(verb):
        return weighted(subjects(ctx, head.head, depth + 1), 0.85)
    if verb.dep_ in {"conj", "advcl", "pcomp"}:
        return weighted(conjunct_subjects(ctx, verb, depth), 0.85)
    if verb.dep_ == "acomp" or verb.dep_ == "amod" and verb.pos_ == "ADJ":
        # (a participle may be tagged a verb: "the UK is committed to providing")
        return weighted(subjects(ctx, head, depth + 1), 0.95)
    if verb.dep_ == "relcl" and not infinitive_after_object(verb):
        return weighted(mentions(ctx, head), 0.9)
    if verb.dep_ in {"acl", "relcl"}:
        # "Syrian fighters to fight ISIS": an actor noun is the subject of its clause;
        # "plans to increase cooperation": otherwise the planner is; "helped Kabul in its
        # efforts to defeat X": the one helped is.
        helped = supported_doers(ctx, head)
        if helped:
            return weighted(helped, 0.85)
        own = mentions(ctx, head)
        if own:
            return weighted(own, 0.85)
        return weighted(noun_governor_subjects(ctx, head, depth + 1), 0.8)
    if verb.dep_ == "pobj" or head.dep_ == "prep":
        if head.head.pos_ in {"NOUN", "PROPN"}:
            return weighted(noun_holders(ctx, head.head, depth + 1), 0.8)
        return weighted(subjects(ctx, head.head, depth + 1), 0.8)
    return []


def infinitive_after_object(verb: Token) -> bool:
    """"sent material to help defend Saudi Arabia": an infinitive right after a verb's
    object, which the parse may call a relative clause of the object; like an acl, its
    doer is the object if an actor, else the verb's subject. Only right after the object
    and its own modifiers ("began a hunger strike on Monday to protest"): a clause farther
    off is more likely a misparse."""
    head = verb.head
    if head.dep_ != "dobj" or verb.i < head.i + 2:
        return False
    to = verb.doc[verb.i - 1]
    if to.lower_ != "to" or to.head.i != verb.i:
        return False
    between = range(head.i + 1, to.i)
    return all(head.is_ancestor(verb.doc[k]) for k in between)


def controller_subjects(ctx: Sentence, verb: Token, depth: int) -> Weighted:
    """Control: the object of a request or help verb ("urged Obama to threaten" -> Obama
    threatens), the one pressure is put on ("put pressure on Assad to meet"), else the
    subject of the governing verb ("agreed to meet")."""
    head = verb.head
    if head.lemma_ in OBJECT_CONTROL:
        for c in head.children:
            if c.dep_ in {"dobj", "dative"}:
                return weighted(mentions(ctx, c), 0.9) + helpers(ctx, head, depth)
    asked = framed_controller(ctx, verb)
    if asked is not None:
        return asked  # (no actor if the one asked is none: "called on Arabs to unite")
    pressured = pressured_actors(ctx, head)
    if pressured:
        return pressured
    raised = raised_subjects(ctx, head)
    if raised:
        return raised
    return weighted(subjects(ctx, head, depth + 1), 0.9)


def raised_subjects(ctx: Sentence, head: Token) -> Weighted:
    """The subject of a raising predicate is its infinitive's: "Orban is expected to meet
    Putin" (Orban meets, though "expected" is passive), "Iran is likely to attack"."""
    if head.lemma_.lower() not in RAISING_WORDS:
        return []
    return weighted([x for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}
                     for x in mentions(ctx, c)], 0.9)


def helpers(ctx: Sentence, head: Token, depth: int) -> Weighted:
    """Who helps the one helped to act does the act with them: "the coalition is
    assisting Baghdad to destroy X" (the coalition fights X too); the ones who let or
    urge another act do not."""
    if not supporting_word(ctx, head):
        return []
    return weighted(subjects(ctx, head, depth + 1), 0.7)


def framed_controller(ctx: Sentence, verb: Token) -> Weighted | None:
    """The one a complement frame asks to act ("called on Iran to attack", "appealed to
    Rome to reopen"): the frame's target does the act of its complement. None when no
    frame asks for this act."""
    for m in ctx.matches:
        if m.complement == verb.i and m.frame.target == "complement_subject" and \
                m.target != verb.i:
            return weighted(mentions(ctx, ctx.sent.doc[m.target]), 0.9)
    return None


def pressured_actors(ctx: Sentence, head: Token) -> Weighted:
    """"put pressure on Assad to meet ...": the pressured actor is the one to act."""
    for c in head.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in ctx.vocab.light_nouns:
            for h in (head, c):
                for p in h.children:
                    if p.dep_ == "prep" and p.lower_ in {"on", "upon"}:
                        found = [(m, w * 0.85) for q in p.children if q.dep_ == "pobj"
                                 for m, w in mentions(ctx, q)]
                        if found:
                            return found
    return []


def conjunct_subjects(ctx: Sentence, verb: Token, depth: int) -> Weighted:
    """A conjoined or adverbial verb shares its head's subject. "Lin Jian said the reserve
    was legitimate and urged Manila ...": when the parse joins "urged" to the reported
    clause, whose subject is no actor, the speaker is the one who urged."""
    head = verb.head
    found = subjects(ctx, head, depth + 1)
    if not found and verb.dep_ == "conj" and head.dep_ == "ccomp" and is_verb(head.head):
        found = subjects(ctx, head.head, depth + 1)
    return found


def gerund_subjects(ctx: Sentence, prep: Token, depth: int) -> Weighted:
    """Agents of a gerund after ``prep``: the object of the verb for "of/for/from", and
    for "against" after a dissuading verb ("accused Ukraine of attacking", "prevented Serbs
    from returning", "cautioned Israel against attacking"), the subject of
    a passive or adjective ("The UK is committed to destroying ISIL"), else the subject
    of the verb ("cut ties by expelling")."""
    verb = prep.head
    if verb.dep_ == "dobj" and prep.lower_ in {"of", "for", "from", "against"} and \
            verb.head.lemma_.lower() in GERUND_VERBS:
        return mentions(ctx, verb)  # "accused [Armenian forces of] shelling": the parse
    if verb.pos_ in {"NOUN", "PROPN"} and prep.lower_ == "in":
        return noun_holders(ctx, verb, depth)  # "its efforts in mediating"
    if verb.pos_ not in {"VERB", "AUX", "ADJ"}:
        return []
    warned_off = prep.lower_ == "against" and verb.lemma_.lower() in DISSUADING_VERBS
    if prep.lower_ in {"of", "for", "from"} or warned_off:
        for c in verb.children:
            if c.dep_ in {"dobj", "dative"}:
                return mentions(ctx, c)
        if warned_off:
            return []  # "warned against attacking civilians": whoever might
    for c in verb.children:
        if c.dep_ in PASSIVE_SUBJECT_DEPS:
            return mentions(ctx, c)
    return subjects(ctx, verb, depth)


def noun_holders(ctx: Sentence, noun: Token, depth: int) -> Weighted:
    """Who does what a thing is "in": the one whose the effort or role is ("its efforts in
    mediating between ...", "played a key role in mediating")."""
    return thing_owners(ctx, noun) or noun_governor_subjects(ctx, noun, depth)


def noun_governor_subjects(ctx: Sentence, noun: Token, depth: int) -> Weighted:
    """Subjects of the verb a noun hangs from ("announced plans to increase ...").

    Not through a request: in "demanded the withdrawal of Serbian forces" and "called
    for sanctions" the demander is not the one to withdraw or sanction.
    """
    tok = noun
    # "seized Hpakant after weeks of fighting with the army": an act with its partner named
    # and no doer of its own, set before the clause's act, is the clause's doers' too
    partnered = any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    for _ in range(4):
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lemma_.lower() in CONTINGENCY_NOUNS:
            return []  # "In the event of an attack on Taiwan, Japan could ...": no one's
        if tok.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and is_verb(tok.head):
            # ("comments following an attack": "following" tagged as a verb is still
            # the preposition of sequence)
            if reacts(ctx, tok.head) or is_sequence_prep(tok.head) and not partnered:
                return []
            return subjects(ctx, tok.head, depth + 1)
        if tok.dep_ == "pobj":
            if is_sequence_prep(tok.head) and not partnered:
                return []
            purpose = tok.head.lower_ == "for"
            # ("In a phone call with Riyadh, Biden discussed ...": the act a verb is done
            # in or during is its doer's, whatever the verb is about)
            within = tok.head.lower_ in {"in", "during"}
            tok = tok.head.head  # over the preposition
            if is_verb(tok):
                if reacts(ctx, tok) and not within:
                    return []
                return participants(ctx, tok) or subjects(ctx, tok, depth + 1)
            if purpose and tok.dep_ == "dobj" and is_verb(tok.head):
                continue  # "let troops use its territory for the invasion": the users'
            if owners := thing_owners(ctx, tok):
                return owners
            continue
        if tok.dep_ in {"conj", "appos", "compound"}:
            tok = tok.head
            continue
        if tok.dep_ in {"advmod", "acomp"} and is_verb(tok.head) and not reacts(ctx, tok.head):
            # "elsewhere in the campaign to defeat X, Y began", "Y remains steadfast in
            # its support": over the adverb or adjective the phrase hangs from
            return subjects(ctx, tok.head, depth + 1)
        break
    return []


def joiners(ctx: Sentence, tok: Token, agents: Weighted) -> Weighted:
    """Who joins an act another is named doing: "Jordan joined the coalition airstrikes
    against ISIL" (the coalition's strikes, and Jordan's), "participated in the U.S.-led
    campaign" (joining_verbs)."""
    if tok.dep_ == "dobj":
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.dep_ == "prep":
        verb = tok.head.head
    else:
        return []
    if not is_verb(verb) or verb.lemma_.lower() not in JOINING_VERBS or \
            factuality(verb) != (False, "asserted"):
        return []  # ("are seeking to join the SDF's fight": the SDF's alone, so far)
    named = {m.actor.id for m, _w in agents}
    return [(m, w * 0.9) for m, w in subjects(ctx, verb) if m.actor.id not in named]


def is_sequence_prep(prep: Token) -> bool:
    """A preposition that sets an act after or against another ("after", "following", "in
    spite of"): the act it names is not done by the doers of the act it hangs on."""
    if prep.lower_ in SEQUENCE_PREPS:
        return True
    head = prep.head
    return head.dep_ == "pobj" and \
        f"{head.head.lower_} {head.lower_} {prep.lower_}" in SEQUENCE_PREPS


def thing_owners(ctx: Sentence, noun: Token) -> Weighted:
    """"complimented the minister on the performance of Iraqi forces in the fight for
    Mosul": a thing with an owner of its own between an act and the verb above names who
    acts; the one who compliments does not fight."""
    if ctx.vocab.noun_relation(noun.lemma_) is not None or ctx.index.all_at(noun):
        return []
    own = [(m, 0.6) for c in noun.children if c.dep_ == "poss"
           for m, _w in mentions(ctx, c)]
    return own or [(m, w * 0.9) for m, w in owner_actors(ctx, noun) if m.actor.is_actor]


def participants(ctx: Sentence, verb: Token) -> Weighted:
    """"Hamas was involved in attacks on Israel": the passive subject of a verb of taking
    part does the act ("was killed in an attack" is no part taken)."""
    if verb.lemma_.lower() not in PARTICIPATION_VERBS:
        return []
    return [m for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS
            for m in mentions(ctx, c)]


def reacts(ctx: Sentence, verb: Token) -> bool:
    """A verb that asks for, reacts to or talks about an act rather than doing it:
    "demanded the withdrawal of", "condemned the killing of", "rejected the visit of",
    "discussed the campaign to liberate Mosul"."""
    # Plain senses only, and only with their preposition: "issued a declaration" is no
    # reaction because of "issue reminder to", nor "struck targets in support of Iraqi
    # forces" because of "strike against" (a walkout).
    if verb.lemma_ in REQUEST_VERBS or verb.lemma_ in TOPIC_VERBS or \
            verb.lemma_ in LISTING_VERBS:
        return True  # (a list's holder does not do what its items are for either)
    preps = {c.lower_ for c in verb.children if c.dep_ in {"prep", "prt"}}
    return any(ctx.vocab.get(s.relation).plover in REACTIONS
               for s in ctx.vocab.verb_senses(verb.lemma_, verb.lower_)
               if not s.words and (not s.prep or s.prep in preps))


def by_agents(ctx: Sentence, verb: Token) -> Weighted:
    """The by-agents of a reduced passive ("a team accompanied by SAS soldiers"), which
    acts only through them, never through the noun it hangs from."""
    return [m for c in verb.children if c.dep_ == "agent"
            for p in c.children if p.dep_ == "pobj" for m in mentions(ctx, p)] + [
        m for a in hyphen_agents(verb) for m in mentions(ctx, a)]


def is_reduced_passive(verb: Token) -> bool:
    """A participle hung on a noun: "the curfew imposed in Sudan", "Iran-backed militias"
    (its agent before the hyphen). Not a clause with its own subject or auxiliary
    ("reports that ISIL has killed 70 members")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
        c.dep_ in {"nsubj", "aux"} for c in verb.children) or bool(hyphen_agents(verb))


# --- objects ---------------------------------------------------------------------------


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of ``prep`` under ``tok`` (or under its particle: "crack down on")."""
    out = []
    for c in tok.children:
        # "gave a warm welcome on Thursday to X": the parser may call that "to" dative.
        if c.dep_ in {"prep", "prt", "agent", "dative"} and c.lower_ == prep:
            # Not an absolute "with Thailand saying ...": that is a clause of its own.
            # Nor a time: "On 7 October, Hamas launched rockets towards Israel" launches
            # none "on" October.
            out.extend(p for p in c.children if p.dep_ in {"pobj", "pcomp"} and not (
                prep == "with" and any(
                    k.dep_ == "acl" and k.tag_ in {"VBG", "VBN"} or k.dep_ == "nsubj"
                    for k in p.children)) and p.ent_type_ not in {"DATE", "TIME"})
        if c.dep_ == "prt":  # "crack down on": on hangs from the particle
            out.extend(prep_objects(c, prep))
        elif c.dep_ in {"dobj", "npadvmod", "advmod", "advcl"} \
                and c.lemma_.lower() in CLOSENESS_IDIOMS \
                and tok.lemma_.lower() not in CLOSENESS_IDIOMS:  # each idiom noun read once
            out.extend(idiom_prep_objects(c, prep))
    return out


def idiom_prep_objects(idiom: Token, prep: str) -> list[Token]:
    """"stood shoulder to shoulder with the UK": the parser hangs "with" from the idiom's
    second noun, yet it names the verb's partner."""
    return [o for d in idiom.subtree if d.lemma_.lower() in CLOSENESS_IDIOMS
            for o in prep_objects(d, prep)]


def sense_words(verb: Token, sense: VerbSense) -> list[Token] | None:
    """The tokens that carry a sense's required words (particle, object noun: "put
    pressure"), or None when one is missing or an undoing particle ("called off a
    strike" is no "call strike") changes the verb."""
    kids = list(verb.children)
    if any(c.dep_ == "prt" and c.lower_ in UNDOING_PARTICLES and c.lower_ not in sense.words
           for c in kids):
        return None
    trigger: list[Token] = []
    if not sense.words:
        return trigger  # most senses: nothing more to look for
    # (a passive's subject carries the object noun too: "sanctions were imposed on Iran",
    # and so does the noun a reduced passive hangs on: "the sanctions imposed on Caracas")
    words = [relative_antecedent(c) or c for c in kids
             if c.dep_ in {"prt", "dobj", "acomp", "oprd", "advmod", "attr", "nsubjpass"}]
    if is_reduced_passive(verb):
        words.append(verb.head)
    for word in sense.words:
        hit = next((c for c in words if c.lemma_.lower() == word or c.lower_ == word), None)
        if hit is None:
            return None
        trigger.append(hit)
    return trigger


def verb_objects(ctx: Sentence, verb: Token, sense: VerbSense) -> tuple[list[Token], list[Token]]:
    """(object tokens, extra trigger tokens) for a sense, or ([], []) if it does not fit."""
    trigger = sense_words(verb, sense)
    if trigger is None:
        return [], []
    if sense.prep:
        return prep_sense_objects(ctx, verb, sense, [verb, *trigger]), trigger
    if sense.own_object:
        return [], trigger  # what is deployed is the doer's, not a target
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS], trigger
    # The noun a sense names is part of the trigger, not its target ("use force").
    used = {t.i for t in trigger}
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i not in used] \
        or quantity_objects(verb) or small_clause_subjects(verb)
    if not objs and not sense.words and not any(
        c.dep_ in {"xcomp", "ccomp", "prep", "attr", "oprd", "advcl"} for c in verb.children
    ):
        objs = shared_objects(verb)
    return objs, trigger


def small_clause_subjects(verb: Token) -> list[Token]:
    """"helped the Philippines upgrade its fleet": the parse makes the object the subject
    of a bare infinitive (a clause with no "to", "that" or auxiliary); it is the verb's
    object, as it is with "to"."""
    return [s for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VB"
            and not any(k.dep_ in {"mark", "aux", "auxpass"} for k in c.children)
            for s in c.children if s.dep_ == "nsubj"]


def quantity_objects(verb: Token) -> list[Token]:
    """"kidnapped up to 16 Russian advisers": the parse reads the "up to" of a number as
    prepositions of the verb; the counted noun is the verb's object."""
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
            and c.i > 0 and c.doc[c.i - 1].lower_ == "up"
            for p in c.children if p.dep_ == "pobj" and any(n.dep_ == "nummod" for n in p.children)]


def shared_objects(verb: Token) -> list[Token]:
    """"condemned and sanctioned Ukraine": conjoined verbs share the object that follows
    the last of them (not "denied sheltering militants and accused India")."""
    return [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and c.i > verb.i for o in c.children if o.dep_ == "dobj"]


def prep_sense_objects(ctx: Sentence, verb: Token, sense: VerbSense,
                       holders: list[Token]) -> list[Token]:
    """Objects of a sense's preposition, on the verb or on its words, with the places the
    parse puts them instead."""
    prep = sense.prep or ""
    objs = [o for h in holders for o in prep_objects(h, prep)]
    if not objs and prep == "against":
        # "fighting alongside Congo's army against M23": the parse hangs "against" on
        # the actor named just before.
        objs = [o for c in verb.children if c.dep_ == "prep" for p in c.children
                if p.dep_ == "pobj" and ctx.index.all_at(p)
                for o in prep_objects(p, "against")]
    if not objs and prep == "for":
        # "called for the EU to take a tougher line": the subject of a for-to clause.
        objs = [s for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"}
                and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                for s in c.children if s.dep_ == "nsubj"]
    if not objs and not sense.words:
        # The parse may hang the preposition under the verb's object, a thing or a place
        # that is neither an actor nor an act ("lifted restrictions on Gaza", "retook
        # Mosul from the Islamic State", "retook the town of Hit from Daesh").
        objs = [o for c in object_nouns(verb)
                if not any(m.actor.is_actor for m in ctx.index.all_at(c))
                and ctx.vocab.noun_relation(c.lemma_) is None
                for o in prep_objects(c, prep)]
    return objs


def object_nouns(verb: Token) -> list[Token]:
    """The verb's objects and the names their "of" gives ("the town of Hit")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return [*objs, *(p for o in objs for c in o.children if c.dep_ == "prep"
                     and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")]
