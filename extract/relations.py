"""Relations: (actor, relation, actor) triples from the dependency parse of a Doc.

Two trigger kinds, both from the relation lexicon: verbs (with particles, prepositions and
light-verb nouns, "put pressure on") and relation nouns ("talks between A and B", "visits
by A to B", "cooperation with B", "with the help of A"). Subjects are found through
passives, conjunctions, control ("urged Obama to threaten Assad": Obama is the threatener),
relative clauses and nominal heads; each triple gets its factuality (negation, modality)
from the path between the trigger and the sentence root.

>>> from actorgraph.extract.pipeline import Extractor  # doctest: +SKIP
>>> [(t.subject.name, t.relation, t.object.name, t.modality) for t in
...  Extractor().extract_text("Petraeus urged Obama to threaten Assad.")]  # doctest: +SKIP
[('Petraeus', 'URGES', 'Obama', 'asserted'), ('Obama', 'THREATENS', 'Assad', 'requested')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from actorgraph.extract.actors import ActorIndex, ActorMention, resolve_pronoun, resolve_speaker
from actorgraph.extract.events import Event
from actorgraph.extract.lexicon import RelationType, RelationVocabulary, VerbSense
from actorgraph.extract.triples import Triple

NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}
NEGATING_VERBS = {"refuse", "deny", "fail", "decline", "reject", "stop", "cease", "avoid",
                  "forgo", "halt", "abandon", "suspend"}
REQUEST_VERBS = {"urge", "ask", "call", "demand", "press", "encourage", "order", "request",
                 "push", "implore", "appeal", "beg", "invite", "instruct", "tell", "advise",
                 "pressure", "force", "want"}
# "tried to hack", "attempted to assassinate": the attempt itself happened, so try and
# attempt are not here (the noun "an attempt to" is an intent).
INTENT_VERBS = {"plan", "seek", "intend", "aim", "hope", "agree", "decide",
                "promise", "vow", "pledge", "threaten", "expect", "prepare", "propose",
                "offer", "mean", "wish", "work", "strive", "consider", "discuss", "announce",
                "swear"}
# (Attempts and efforts are acts: "an attempt to attack" is coded as the attack.)
INTENT_NOUNS = {"plan", "plans", "intention", "bid", "proposal", "offer",
                "idea", "possibility", "prospect", "pretext", "call", "goal", "aim", "desire",
                "hope", "willingness", "readiness"}
# Scheduled acts (the gold guideline's "plans to", "is set to") are future, not intended.
FUTURE_VERBS = {"plan", "schedule", "set"}
FUTURE_NOUNS = {"plan", "schedule"}
REQUEST_NOUNS = {"pressure", "appeal", "call", "demand", "ultimatum", "request", "plea"}
REPORT_VERBS = {"claim", "allege", "report", "rumor", "rumour", "suggest", "speculate",
                "believe", "suspect"}
REPORT_NOUNS = {"report", "story", "leak", "claim", "allegation", "rumor", "rumour",
                "perception", "impression", "speculation", "suspicion"}
FUTURE_AUX = {"will", "'ll", "shall", "would", "'d"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must", "can", "ought"}
OBJECT_CONTROL = REQUEST_VERBS | {"help", "allow", "persuade", "convince", "enable", "let"}
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
AGENT_PREPS = {"by"}
TARGET_PREPS = {"to", "from", "against", "on", "at", "into", "toward", "towards", "upon"}
# Categories of acts about another act ("threatened to shell Iraqi towns"): their target is
# the target of that act. Material acts are not ("pledged to fight ISIS" aids nobody).
VERBAL_ACTS = {"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE", "CONSULT", "SUPPORT"}
# "is willing to send", "ready to contribute": the subject announces an act, not does it.
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "determined", "eager", "keen", "poised",
                     "committed", "set", "unwilling", "reluctant"}
# Promising acts: "offered troops to Lebanon" announces aid, it does not give it yet.
COMMISSIVE_VERBS = {"offer", "promise", "pledge", "vow"}
# Verbs whose that-clause says what someone must do: "demanded that Israel ease ...".
DEMAND_CLAUSE_VERBS = {"demand", "urge", "ask", "request", "order", "require", "recommend",
                       "propose", "press"}
DENIAL_VERBS = {"deny", "dispute", "refute"}
# Adjectives that make an act on their noun a possibility, not a fact.
UNCERTAIN_ADJECTIVES = {"possible", "potential", "likely", "probable", "eventual", "prospective",
                        "hypothetical", "conceivable"}
# Verbs whose of/for complement is an alleged act: "accused Ukraine of attacking Moscow".
ALLEGING_VERBS = {"accuse", "suspect", "charge", "allege", "blame", "indict"}
SPEECH_VERBS = {"say", "declare", "insist", "reiterate", "state", "announce", "stress",
                "argue", "conclude", "tell", "write", "remind", "add", "maintain", "warn",
                "emphasize", "emphasise", "repeat", "demand"}
DEONTIC_AUX = {"must", "should"}
REACTIONS = {"ACCUSE", "REJECT", "PROTEST", "REQUEST", "SUPPORT"}
MEMBERSHIP_NOUNS = {"member", "part", "partner", "ally", "participant"}
# Where a material act is done: with no actor as target, the place is ("imposed a curfew
# in the town of Cizre", "fired shells at targets in Jericho", "demonstrated in Kirkuk").
# Confidence kept by an event for each event it serves or is nested under.
# Nouns that sum up an act told before them: "..., a move that Belgrade condemned".
ACT_NOUNS = {"move", "claim", "step", "decision", "allegation", "accusation", "charge",
             "statement", "action", "measure", "remark", "comment", "assertion", "report"}
# Sectors of people who act for their state (a judge may act against its government).
OFFICIAL_SECTORS = {"GOV", "MIL"}
# Prepositions that name co-agents of an act.
CO_AGENT_PREPS = {"alongside"}
# Relations between actors in person: their object is an actor, not a thing of one.
PERSONAL_RELATIONS = {"MEETS"}
# Prepositions that set the scene of an act; a negated act does not negate its scene.
CIRCUMSTANCE_PREPS = {"during", "despite", "after", "before", "amid", "following", "since",
                      "throughout", "in spite of", "besides"}
# Objects that are things said or done, not the actors who said or did them.
THING_WORDS = ACT_NOUNS | {"proposal", "plan", "adoption", "support", "summary", "resolution",
                           "announcement", "initiative", "offer", "call", "liberation",
                           "release", "election", "victory", "progress", "news", "result",
                           "results", "outcome", "steps", "efforts", "effort", "role",
                           "commitment"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
NESTING_DISCOUNT = 0.85
ATTRIBUTION_DISCOUNT = 0.7
MOTION_PREPS = {"to", "toward", "towards", "into"}
PLACE_PREPS = {"in", "inside", "throughout", "across", "into", "at", "on"}
NEAR_PREPS = {"near", "outside", "around", "off", "along"}
WHERE_PREPS = PLACE_PREPS | NEAR_PREPS
# Particles that undo the verb they go with ("call off", "break off", "put off").
UNDOING_PARTICLES = {"off"}
# Types and sectors of actors that, without a country, stand outside any one country ("the
# UN", "a UN envoy", al-Qaeda).
INTERNATIONAL_TYPES = {"IGO", "NGO", "IMG", "ARMED_GROUP"}
COOPERATIVE_QUADS = {"VERBAL_COOPERATION", "MATERIAL_COOPERATION"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "acl", "csubj", "parataxis"}


@dataclass
class _Found:
    subject: ActorMention
    obj: ActorMention
    relation: str
    trigger: list[Token]
    anchor: Token  # the token whose clause decides factuality
    confidence: float


@dataclass
class _Act:
    """A one-actor act (see :class:`~actorgraph.extract.events.Event`)."""

    actor: ActorMention
    relation: str
    trigger: list[Token]
    anchor: Token
    confidence: float
    role: str = "source"  # or "target": done to the actor by no named doer
    place: ActorMention | None = None
    domestic: bool = False


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i or c not in out:
            out.append(c)
    return out


class _Sentence:
    def __init__(self, sent: Span, index: ActorIndex, vocab: RelationVocabulary,
                 recent: list[_Found] | None = None):
        self.sent = sent
        self.index = index
        self.vocab = vocab
        self.subordinate: set[int] = set()  # clauses serving another act's purpose
        # Statements of the sentences just before, which "the accusation" may refer to.
        self.recent = recent or []

    # --- resolving tokens to actors ----------------------------------------------------

    def mention(self, tok: Token) -> list[tuple[ActorMention, float]]:
        """The actors a syntactic argument stands for, each with how direct the link is."""
        group = self.index.all_at(tok)
        if group:
            # A definite description ("the minister") is a resolved reference, less sure
            # than a name.
            return [(m, 0.85 if m.source == "nominal" else 1.0) for m in group]
        for c in tok.children:
            if c.dep_ == "appos":
                m = self.index.at(c)
                if m is not None:
                    return [(m, 0.95)]
        if tok.pos_ == "PRON":
            m = resolve_pronoun(tok, self.index) or resolve_speaker(tok, self.index)
            if m is not None and tok.lower_ in PLURAL_PRONOUNS:
                # "Burkina Faso, Mali and Niger announced their withdrawal": "their" is
                # all of them.
                head = tok.doc[m.end - 1]
                group = [g for c in head.conjuncts for g in self.index.all_at(c)
                         if g.actor.is_actor and g.actor.id != m.actor.id]
                if group:
                    return [(g, 0.75) for g in [m, *group]]
            if m is not None and m.start < self.sent.start:
                # The antecedent is in an earlier sentence: the record keeps the pronoun as
                # its surface text, so the evidence sentence shows where the actor is.
                m = ActorMention(tok.i, tok.i + 1, tok.text, m.actor, "pronoun")
            return [(m, 0.75)] if m else []
        # "Assad's air force", "Russian planes", "the Tehran-Damascus-Moscow partnership":
        # the modifiers are the actors behind a thing.
        if tok.pos_ in {"NOUN", "PROPN"} or tok.dep_ in {"dobj", "pobj"}:
            # (an object is a noun whatever its tag: "rejected a United Nations appeal")
            found = [(m, 0.7) for m in self.modifier_actors(tok)]
            return found or self.owner_actors(tok)
        return []

    def owner_actors(self, tok: Token, depth: int = 0) -> list[tuple[ActorMention, float]]:
        """Actors behind a thing through a preposition: "positions of the Palestinian
        security forces", "leaders of Romania's government", "a village in Cambodia".

        Relation nouns only through their author ("from", "by"): in "the killing of X" X is
        the victim, not the one a condemnation is aimed at.
        """
        if depth > 1:
            return []
        rtype = self.relation_noun(tok)
        # "an appeal from President Gbagbo", "an offer from Afghanistan": the author of a
        # speech act; "withdrawal from Bosnia" names a place left, not an author.
        if rtype is None:
            # "a camp for Congolese refugees": those a thing is for stand behind it too.
            preps = {"of", "in", "inside", "from", "by", "for"}
        elif rtype.quad.startswith("VERBAL"):
            preps = {"from", "by"}
        else:
            preps = {"by"}
        out: list[tuple[ActorMention, float]] = []
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if c.lower_ in {"in", "inside"}:
                    # A place (with its country) stands for the target of an act done there.
                    out.extend((m, 0.6) for m in self.index.all_at(p) if _is_place(m))
                elif own := self.index.all_at(p):
                    out.extend((m, 0.65) for m in own)
                elif p.pos_ == "PRON":
                    out.extend((m, w * 0.9) for m, w in self.mention(p))
                elif modifiers := self.modifier_actors(p):
                    out.extend((m, 0.65) for m in modifiers)
                else:
                    out.extend((m, w * 0.9) for m, w in self.owner_actors(p, depth + 1))
        return out

    def relation_noun(self, tok: Token) -> RelationType | None:
        """The relation a noun carries, by its form or its lemma ("talks", "attack"); a
        two-word noun first ("hunger strike" is a protest, "strike" an attack)."""
        if tok.i > 0 and (mod := tok.doc[tok.i - 1]).head.i == tok.i and mod.dep_ in {
            "compound", "amod"
        }:
            for form in (tok.lower_, tok.lemma_.lower()):
                found = self.vocab.noun_relation(f"{mod.lower_} {form}")
                if found is not None:
                    return found
        return self.vocab.noun_relation(tok.lower_) or self.vocab.noun_relation(tok.lemma_)

    def prep_mentions(
        self, heads: Iterable[Token], preps: set[str], deps: frozenset[str] = frozenset({"prep"})
    ) -> list[tuple[ActorMention, float]]:
        """Actors named by the objects of the given prepositions under ``heads``."""
        return [(m, w) for h in heads for p in h.children
                if p.dep_ in deps and p.lower_ in preps
                for q in p.children if q.dep_ == "pobj" for m, w in self.mentions(q)]

    def modifier_actors(self, tok: Token) -> list[ActorMention]:
        out: list[ActorMention] = []
        for c in tok.children:
            if c.dep_ not in {"poss", "amod", "compound", "nmod"} or c.i > tok.i:
                continue
            for cc in (c, *c.conjuncts):
                found = self.index.all_at(cc)
                if not found and cc.dep_ == "poss" and cc.pos_ == "PRON":
                    found = [m for m, _w in self.mention(cc)]
                out.extend(m for m in found if m.actor.is_actor)
                if not found and cc.dep_ == "compound":
                    out.extend(self.modifier_actors(cc))
            if c.dep_ == "compound" and self.index.at(c) is not None:
                out.extend(self.modifier_actors(c))
        seen: set[str] = set()
        return [m for m in out if not (m.actor.id in seen or seen.add(m.actor.id))]

    def mentions(self, tok: Token) -> list[tuple[ActorMention, float]]:
        out: list[tuple[ActorMention, float]] = []
        toks = _conjuncts(tok)
        # "visits by Kerry and CIA Director John Brennan": the parse may hang the first
        # conjunct under the second as a modifier with the "and" beside it.
        for c in tok.children:
            if c.dep_ in {"nmod", "compound"} and any(k.dep_ == "cc" for k in c.children):
                toks.extend(_conjuncts(c))
        for c in toks:
            for m, w in self.mention(c):
                if all(m.actor.id != o.actor.id for o, _ in out):
                    out.append((m, w))
        return out

    # --- arguments of verbs ----------------------------------------------------------------

    def subjects(self, verb: Token, depth: int = 0) -> list[tuple[ActorMention, float]]:
        """Agents of ``verb``: its subject, a passive's by-agent, or an inherited subject."""
        if depth > 6:
            return []
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass"
                      for c in verb.children)
        for c in verb.children:
            if passive and c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.mentions(p)
            if passive and c.dep_ == "prep" and c.lower_ == "at":
                # "killed at the hands of Russian soldiers": the hands' owner did it.
                agents = [(m, w * 0.95) for h in c.children
                          if h.dep_ == "pobj" and h.lemma_.lower() == "hand"
                          for m, w in self.prep_mentions([h], {"of"})]
                if agents:
                    return agents
            if not passive and c.dep_ in SUBJECT_DEPS:
                if c.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                    # "Carlin, who oversees ...": the relative pronoun is the head noun.
                    return [(m, w * 0.95) for m, w in self.mentions(verb.head)]
                return self.mentions(c)
        if passive:
            return []
        head = verb.head
        if head.i == verb.i:
            return []
        if _infinitival(verb):
            # Object control: "urged Obama to threaten" -> Obama threatens.
            if head.lemma_ in OBJECT_CONTROL:
                for c in head.children:
                    if c.dep_ in {"dobj", "dative"}:
                        return [(m, w * 0.9) for m, w in self.mentions(c)]
            # "put pressure on Assad to meet ...": the pressured actor is the one to act.
            for c in head.children:
                if c.dep_ == "dobj" and c.lemma_.lower() in self.vocab.light_nouns:
                    for h in (head, c):
                        for p in h.children:
                            if p.dep_ == "prep" and p.lower_ in {"on", "upon"}:
                                found = [(m, w * 0.85) for q in p.children if q.dep_ == "pobj"
                                         for m, w in self.mentions(q)]
                                if found:
                                    return found
            return [(m, w * 0.9) for m, w in self.subjects(head, depth + 1)]
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            return [(m, w * 0.85) for m, w in self.gerund_subjects(head, depth + 1)]
        if verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ", "VBP"} and head.tag_ == "VB" \
                and _infinitival(head) and head.head.i != head.i:
            # "urged Washington to speed up funding and accused Dominican authorities": a
            # finite verb joined to an infinitive is its matrix subject's act.
            return [(m, w * 0.85) for m, w in self.subjects(head.head, depth + 1)]
        if verb.dep_ in {"conj", "advcl", "pcomp"}:
            found = self.subjects(head, depth + 1)
            if not found and verb.dep_ == "conj" and head.dep_ == "ccomp" and \
                    head.head.pos_ in {"VERB", "AUX"}:
                # "Lin Jian said the reserve was legitimate and urged Manila ...": the parse
                # joins "urged" to the reported clause, whose subject is no actor; the
                # speaker is the one who urged.
                found = self.subjects(head.head, depth + 1)
            return [(m, w * 0.85) for m, w in found]
        if verb.dep_ in {"acomp", "amod"} and verb.pos_ == "ADJ":
            return [(m, w * 0.95) for m, w in self.subjects(head, depth + 1)]
        if verb.dep_ == "relcl":
            return [(m, w * 0.9) for m, w in self.mentions(head)]
        if verb.dep_ in {"acl"}:
            # "Syrian fighters to fight ISIS": an actor noun is the subject of its clause;
            # "plans to increase cooperation": otherwise the planner is.
            own = self.mentions(head)
            if own:
                return [(m, w * 0.85) for m, w in own]
            return [(m, w * 0.8) for m, w in self.noun_governor_subjects(head, depth + 1)]
        if verb.dep_ == "pobj" or head.dep_ == "prep":
            return [(m, w * 0.8) for m, w in self.subjects(head.head, depth + 1)]
        return []

    def gerund_subjects(self, prep: Token, depth: int) -> list[tuple[ActorMention, float]]:
        """Agents of a gerund after ``prep``: the object of the verb for "of/for/from"
        ("accused Ukraine of attacking", "prevented Serbs from returning"), the subject of
        a passive or adjective ("The UK is committed to destroying ISIL"), else the subject
        of the verb ("cut ties by expelling")."""
        verb = prep.head
        if verb.pos_ not in {"VERB", "AUX", "ADJ"}:
            return []
        if prep.lower_ in {"of", "for", "from"}:
            for c in verb.children:
                if c.dep_ in {"dobj", "dative"}:
                    return self.mentions(c)
        for c in verb.children:
            if c.dep_ in PASSIVE_SUBJECT_DEPS:
                return self.mentions(c)
        return self.subjects(verb, depth)

    def noun_governor_subjects(self, noun: Token, depth: int) -> list[tuple[ActorMention, float]]:
        """Subjects of the verb a noun hangs from ("announced plans to increase ...").

        Not through a request: in "demanded the withdrawal of Serbian forces" and "called
        for sanctions" the demander is not the one to withdraw or sanction.
        """
        tok = noun
        for _ in range(4):
            if tok.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and tok.head.pos_ in {"VERB",
                                                                                        "AUX"}:
                if self._reacts(tok.head):
                    return []
                return self.subjects(tok.head, depth + 1)
            if tok.dep_ == "pobj":
                tok = tok.head.head  # over the preposition
                if tok.pos_ in {"VERB", "AUX"}:
                    if self._reacts(tok):
                        return []
                    return self.subjects(tok, depth + 1)
                continue
            if tok.dep_ in {"conj", "appos", "compound"}:
                tok = tok.head
                continue
            break
        return []

    def _reacts(self, verb: Token) -> bool:
        """A verb that asks for or reacts to an act rather than doing it: "demanded the
        withdrawal of", "condemned the killing of", "rejected the visit of"."""
        # Plain senses only: "issued a declaration" is no reaction because of "issue
        # reminder to".
        return verb.lemma_ in REQUEST_VERBS or any(
            self.vocab.get(s.relation).plover in REACTIONS
            for s in self.vocab.verb_senses(verb.lemma_, verb.lower_) if not s.words
        )

    def prep_objects(self, tok: Token, prep: str) -> list[Token]:
        out = []
        for c in tok.children:
            # "gave a warm welcome on Thursday to X": the parser may call that "to" dative.
            if c.dep_ in {"prep", "prt", "agent", "dative"} and c.lower_ == prep:
                # Not an absolute "with Thailand saying ...": that is a clause of its own.
                out.extend(p for p in c.children if p.dep_ in {"pobj", "pcomp"} and not (
                    prep == "with" and any(
                        k.dep_ == "acl" and k.tag_ in {"VBG", "VBN"} or k.dep_ == "nsubj"
                        for k in p.children)))
            if c.dep_ == "prt":  # "crack down on": on hangs from the particle
                out.extend(self.prep_objects(c, prep))
        return out

    def verb_objects(self, verb: Token, sense: VerbSense) -> tuple[list[Token], list[Token]]:
        """(object tokens, extra trigger tokens) for a sense, or ([], []) if it does not fit."""
        trigger: list[Token] = []
        holders = [verb]
        if any(c.dep_ == "prt" and c.lower_ in UNDOING_PARTICLES and c.lower_ not in sense.words
               for c in verb.children):
            # "called off a strike" is no "call strike"; "upgraded ties back up" is still
            # "upgrade ties".
            return [], []
        for word in sense.words:
            hit = next((c for c in verb.children
                        if c.dep_ in {"prt", "dobj", "acomp", "oprd", "advmod", "attr"}
                        and (c.lemma_.lower() == word or c.lower_ == word)), None)
            if hit is None:
                return [], []
            trigger.append(hit)
            holders.append(hit)
        if sense.prep:
            objs = [o for h in holders for o in self.prep_objects(h, sense.prep)]
            if not objs and sense.prep == "against":
                # "fighting alongside Congo's army against M23": the parse hangs "against"
                # on the actor named just before.
                objs = [o for c in verb.children if c.dep_ == "prep" for p in c.children
                        if p.dep_ == "pobj" and self.index.all_at(p)
                        for o in self.prep_objects(p, "against")]
            if not objs and sense.prep == "for":
                # "called for the EU to take a tougher line": the subject of a for-to clause.
                objs = [s for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"}
                        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                        for s in c.children if s.dep_ == "nsubj"]
            if not objs and not sense.words:
                objs = [o for c in verb.children if c.dep_ == "dobj" and self.index.at(c) is None
                        and self.vocab.noun_relation(c.lemma_) is None
                        for o in self.prep_objects(c, sense.prep)]
            # "put pressure on Syrian President Bashar al-Assad to meet": the parse may put
            # the preposition under the noun's own object too.
            return objs, trigger
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
        if passive:
            return [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS], trigger
        # The noun a sense names is part of the trigger, not its target ("use force").
        used = {t.i for t in trigger}
        objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i not in used]
        if not objs and not sense.words and not any(
            c.dep_ in {"xcomp", "ccomp", "prep", "attr", "oprd", "advcl"} for c in verb.children
        ):
            # "condemned and sanctioned Ukraine": conjoined verbs share the object that
            # follows the last of them (not "denied sheltering militants and accused India").
            objs = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                    and c.i > verb.i for o in c.children if o.dep_ == "dobj"]
        return objs, trigger

    # --- triggers ------------------------------------------------------------------------

    def verb_relations(self) -> Iterator[_Found]:
        for tok in self.sent:
            if tok.pos_ != "VERB":
                continue
            senses = self.vocab.verb_senses(tok.lemma_, tok.lower_)
            if not senses:
                continue
            subjects = self.subjects(tok)
            if subjects:
                # "fighting alongside Congo's army against M23": the co-agent does it too.
                subjects = subjects + [(m, w * 0.9) for m, w in self.prep_mentions(
                    [tok], CO_AGENT_PREPS)]
            reduced_passive = tok.dep_ == "acl" and tok.tag_ == "VBN"
            if reduced_passive:
                # "a USA team accompanied by 60 SAS soldiers": by-agent acts on the head noun.
                subjects = [m for c in tok.children if c.dep_ == "agent"
                            for p in c.children if p.dep_ == "pobj" for m in self.mentions(p)]
            done = False
            comitative: tuple[VerbSense, list[Token]] | None = None
            prep_sense: VerbSense | None = None
            fit: tuple[VerbSense, list[Token]] | None = None
            for sense in senses:
                objs, extra = self.verb_objects(tok, sense)
                if reduced_passive and not sense.prep and not sense.words:
                    objs = [tok.head]
                if sense.words and not extra:
                    continue
                if fit is None or (sense.words and not fit[0].words):
                    fit = (sense, objs)
                targets = objs
                if sense.relation in PERSONAL_RELATIONS and not sense.words:
                    # One meets or hosts an actor, not a thing of theirs: "welcomed Trump's
                    # proposal" is no meeting with Trump.
                    targets = [ot for ot in objs if self.index.all_at(ot) or (
                        self.relation_noun(ot) is None and ot.lemma_.lower() not in THING_WORDS)]
                pairs = [(o, w) for ot in targets for o, w in self.mentions(ot)]
                if sense.prep in MOTION_PREPS and not any(
                    c.dep_ == "dobj" for c in tok.children
                ) and sense.relation != "VISITS":
                    # "negotiators return to Geneva" travel there; "returned the prisoners
                    # to Iran" is the act ("return to"), aimed at an actor, not a place.
                    pairs = [(o, w) for o, w in pairs if o.actor.is_actor]
                if not pairs and objs and not sense.prep and not sense.words:
                    # "sent arms to Pakistan", "confiscated weapons from armed groups": a
                    # thing as object, the actor it goes to or comes from as target.
                    holders = [tok, *(o for o in objs if self.vocab.noun_relation(o.lemma_)
                                       is None)]
                    # Actors only: "return to Geneva" says where, not to whom.
                    pairs = [(o, w * 0.85) for o, w in self.prep_mentions(
                        holders, TARGET_PREPS, frozenset({"prep", "dative"}))
                        if o.actor.is_actor]
                rtype = self.vocab.get(sense.relation)
                trig = sorted([tok, *extra], key=lambda t: t.i)
                specific = 0.05 * sense.specificity
                if pairs:
                    for s, sw in subjects:
                        for o, ow in pairs:
                            yield _Found(s, o, sense.relation, trig, tok,
                                         min(1.0, 0.75 + specific) * sw * ow)
                    done = True
                    break
                light = bool(sense.words) and not objs  # "reached a consensus" (no "with")
                if len(subjects) > 1 and rtype.symmetric and (not sense.prep or light):
                    # Reciprocal: "Kerry and Lavrov agreed" -> each agreed with the other.
                    yield from _reciprocal(subjects, sense.relation, trig, tok)
                    done = True
                    break
                if len(subjects) > 1 and sense.prep == "with" and not objs and comitative is None:
                    # A with-verb without its with-object is reciprocal too ("Thai and
                    # Cambodian troops exchanged fire"), unless another sense fits better
                    # ("united against Iran").
                    comitative = (sense, trig)
                if sense.prep and objs:
                    prep_sense = sense
                    break
            if not done and comitative is not None:
                yield from _reciprocal(subjects, comitative[0].relation, comitative[1], tok)
                done = True
            # "called for sanctions against Nigeria": the matched "call for" sense, not the
            # phone call, carries the demand to the actors of what is called for.
            plain = [s for s in senses if not s.words and not s.prep]
            # (one meets actors, not acts: "welcomed the agreement" praises its parties)
            base = prep_sense or next((s for s in plain if s.relation not in PERSONAL_RELATIONS),
                                      plain[0] if plain else None)
            if not done and base is not None and subjects:
                # "Iran threatened to shell Iraqi towns", "demanded that Mugabe abandon ...":
                # the target of the act is the target (or the agent) of its complement.
                rtype = self.vocab.get(base.relation)
                for o, ow in self.complement_targets(tok, rtype.plover):
                    done = True
                    for s, sw in subjects:
                        yield _Found(s, o, base.relation, [tok], tok, 0.6 * sw * ow)
            if not done and fit is not None and subjects and (
                self.vocab.get(fit[0].relation).plover == "MOBILIZE"
            ):
                # "mobilized reservists for a possible war against Iraq": forces are
                # readied against whom the conflict they are readied for is aimed at.
                for o, ow in self.prep_mentions(
                    [n for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "in"}
                     for n in c.children if n.dep_ == "pobj" and (
                         r := self.vocab.noun_relation(n.lemma_)) is not None
                     and r.quad.endswith("CONFLICT")],
                    {"against", "on", "with", "into"}):
                    if o.actor.is_actor:
                        done = True
                        for s, sw in subjects:
                            yield _Found(s, o, fit[0].relation, [tok], tok, 0.6 * sw * ow)
            if not done and fit is not None and subjects and (
                self.vocab.get(fit[0].relation).plover == "PROTEST"
            ):
                # "blocked roads demanding that he be reinstated", "began a hunger strike to
                # protest Sweden's decision": a protest is aimed at whom its purpose names.
                for o, ow in self.purpose_targets(tok):
                    done = True
                    for s, sw in subjects:
                        yield _Found(s, o, fit[0].relation, [tok], tok, 0.55 * sw * ow)
            if not done and fit is not None and subjects:
                sense, objs = fit
                if self.vocab.get(sense.relation).quad.startswith("MATERIAL"):
                    trig = sorted([tok, *(o for o in objs if o.i != tok.i
                                          and self.index.at(o) is None)][:2], key=lambda t: t.i)
                    for o, ow in self.place_targets([tok, *objs]):
                        for s, sw in subjects:
                            yield _Found(s, o, sense.relation, trig, tok, 0.55 * sw * ow)

    def earlier_authors(self, acts: list[Token]) -> list[tuple[ActorMention, float]]:
        """Who did the act a definite noun refers back to: "Egypt accused Ethiopia of ...
        Ethiopia rejected the accusation" -> Egypt (and both parties of an agreement)."""
        out: list[tuple[ActorMention, float]] = []
        for n in acts:
            rtype = self.vocab.noun_relation(n.lemma_)
            if not any(c.dep_ in {"det", "poss"} and c.lower_ in {
                    "the", "this", "that", "these", "those"} for c in n.children):
                continue
            if rtype is None:
                # "dismissed the move as blackmail": the act told just before
                earlier = self.recent[-1] if self.recent else None
            else:
                # The latest statement of that type, or one whose sentence names the same
                # act ("signed an agreement ... welcomed the agreement").
                earlier = next((f for f in reversed(self.recent) if f.relation == rtype.name
                                or any(t.lemma_ == n.lemma_ for t in f.anchor.sent)), None)
            if earlier is not None:
                out.append((earlier.subject, 0.8 if rtype else 0.7))
                if rtype is not None and rtype.symmetric:
                    out.append((earlier.obj, 0.8))
        return out

    def condition_subjects(self, mark: Token) -> list[tuple[ActorMention, float]]:
        """The actors an if/unless clause (given by its ``mark``) is about: its subject."""
        return [(m, w * 0.9) for k in mark.head.children
                if k.dep_ in {"nsubj", "nsubjpass"} for m, w in self.mentions(k)]

    def purpose_targets(self, verb: Token) -> list[tuple[ActorMention, float]]:
        """Whom the purpose of an act names: the objects, prepositional objects (and the
        actors behind them) of its to-infinitive or participle clause, or the subject of
        what that clause says ("saying he must resign")."""
        out: list[tuple[ActorMention, float]] = []
        for c in verb.children:
            if c.dep_ not in {"advcl", "xcomp", "acl", "conj"} or c.pos_ != "VERB":
                continue
            if c.dep_ == "conj" and c.tag_ != "VBG":
                continue
            # What the purpose clause says itself ("to demand ...") is part of this act.
            self.subordinate.add(c.i)
            for a in c.children:
                if a.dep_ in {"dobj", "dative"} or (
                    a.dep_ == "prep" and a.lower_ in TARGET_PREPS | {"for", "of"}
                ):
                    nouns = [a] if a.dep_ != "prep" else [
                        q for q in a.children if q.dep_ == "pobj"]
                    for n in nouns:
                        out.extend((m, w * 0.9) for m, w in self.mentions(n))
                        for p in n.children:
                            if p.dep_ == "prep" and p.lower_ in {"of", "from", "by", "against"}:
                                out.extend((m, w * 0.85) for q in p.children
                                           if q.dep_ == "pobj" for m, w in self.mentions(q))
                elif a.dep_ == "ccomp":
                    out.extend((m, w * 0.85) for s in a.children
                               if s.dep_ in {"nsubj", "nsubjpass"} for m, w in self.mentions(s))
        return _first_per_actor([(m, w) for m, w in out if m.actor.is_actor])

    def place_targets(self, heads: list[Token]) -> list[tuple[ActorMention, float]]:
        """Places where an act with no actor as target was done: "in the town of Cizre",
        "at targets in Jericho" (through things and "of" to the named place)."""
        out: list[tuple[ActorMention, float]] = []
        for h in heads:
            for p in h.children:
                if p.dep_ != "prep" or p.lower_ not in PLACE_PREPS:
                    continue
                for q in p.children:
                    if q.dep_ != "pobj":
                        continue
                    direct = [(m, 1.0) for m in self.index.all_at(q)]
                    for m, w in direct or self.owner_actors(q):
                        if _is_place(m):
                            out.append((m, w))
        return _first_per_actor(out)

    def complement_targets(self, verb: Token, plover: str) -> list[tuple[ActorMention, float]]:
        out: list[tuple[ActorMention, float]] = []
        if plover in REACTIONS and verb.dep_ == "relcl" and verb.head.lemma_ in ACT_NOUNS:
            # "accused Armenian forces of firing, a claim Yerevan rejected", "closed the
            # offices, a move that Belgrade condemned": the act the noun sums up is the
            # sentence's, and its doer the target.
            main = next((a for a in verb.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if main is not None:
                return [(m, w * 0.85) for m, w in self.subjects(main)]
        if plover in VERBAL_ACTS:
            # "demanded the withdrawal of Serbian forces", "called for sanctions against
            # Nigeria": the actors of the act asked for.
            for c in verb.children:
                nouns = [c] if c.dep_ == "dobj" else [
                    p for p in c.children if p.dep_ == "pobj"
                ] if c.dep_ == "prep" and c.lower_ in {"for", "on"} else []
                acts = [n for n in nouns if self.vocab.noun_relation(n.lemma_) is not None]
                summed = [n for n in nouns if n.lemma_ in ACT_NOUNS and n not in acts]
                # A demand is aimed at whoever is to act or be acted on ("demanded the
                # withdrawal of Serbian forces", "sanctions against Nigeria"); a condemnation
                # or a rejection only at the act's author ("condemned the attack on Ukraine"
                # blames the attacker, not Ukraine).
                preps = {"by", "from"} if plover in {"ACCUSE", "REJECT"} else \
                    TARGET_PREPS | {"of", "with", "by"}
                named = [(m, w * 0.9) for m, w in self.prep_mentions(acts, preps)]
                out.extend(named or self.earlier_authors(acts + summed))
        for c in verb.children:
            if _infinitival(c) and c.pos_ in {"VERB", "AUX"} and plover == "THREATEN":
                # "threatened to launch an offensive unless Baghdad accepted", "threatened
                # to stop negotiations if the United States goes ahead": the threat is
                # aimed at whom the condition names.
                condition = _ultimatum(c, {"unless", "if"})
                if condition is not None:
                    out.extend(self.condition_subjects(condition))
            if _infinitival(c) and c.pos_ in {"VERB", "AUX"} and plover in VERBAL_ACTS \
                    and not (plover == "REQUEST" and any(k.dep_ in {"dobj", "dative"}
                                                         for k in verb.children)):
                # (a request made to someone named is aimed at them, not at those the
                # requested act concerns: "asked the peacekeepers to protect the Serbs")
                if plover == "REJECT" and (verb.lemma_ in DENIAL_VERBS or any(
                    self.vocab.get(v.relation).quad not in COOPERATIVE_QUADS
                    for v in self.vocab.verb_senses(c.lemma_, c.lower_)
                )):
                    # Declining to condemn Moscow is no rejection of Moscow; denying having
                    # armed the RSF denies an act, it rejects no one.
                    continue
                for a in c.children:
                    if a.dep_ in {"dobj", "dative"}:
                        out.extend(self.mentions(a))
                        holders = [a]
                    elif a.dep_ == "prep":
                        holders = [c]
                    else:
                        continue
                    for h in holders:
                        for p in h.children:
                            if p.dep_ == "prep" and p.lower_ not in {"in", "at", "during",
                                                                     "after", "before"}:
                                for q in p.children:
                                    if q.dep_ == "pobj":
                                        out.extend(self.mentions(q))
            elif c.dep_ == "ccomp" and plover in {"REQUEST", "ACCUSE", "THREATEN"}:
                condition = _ultimatum(c, {"unless", "if"}) if plover == "THREATEN" else None
                if condition is not None:
                    # "warned that Minsk would retaliate if Lithuania did not reopen the
                    # crossings": the threat is aimed at the condition's subject.
                    out.extend(self.condition_subjects(condition))
                    continue
                for a in c.children:
                    if a.dep_ in {"nsubj", "nsubjpass"}:
                        out.extend((m, w * 0.9) for m, w in self.mentions(a))
        return _first_per_actor(out)

    def noun_relations(self) -> Iterator[_Found]:
        for tok in self.sent:
            if tok.pos_ not in {"NOUN", "PROPN"} or self.index.at(tok) is not None:
                continue
            rtype = self.relation_noun(tok)
            if rtype is None or self._is_light_noun(tok):
                continue
            agents: list[tuple[ActorMention, float]] = []
            patients: list[tuple[ActorMention, float]] = []
            between: list[tuple[ActorMention, float]] = []
            authors = False  # agents named by "by"/"from", who act together, not on each other
            agents.extend((m, 0.9) for m in self.modifier_actors(tok))
            for c in tok.children:
                if c.dep_ != "prep":
                    continue
                prep = c.lower_
                objs = [m for p in c.children if p.dep_ == "pobj" for m in self.mentions(p)]
                if not objs and prep == "of":
                    # "withdrawal of its aircraft from Syria": the target sits one level down.
                    for p in c.children:
                        for pp in p.children:
                            if pp.dep_ == "prep" and pp.lower_ in {"from", "to", "against",
                                                                    "on", "with"}:
                                objs = [m for q in pp.children if q.dep_ == "pobj"
                                        for m in self.mentions(q)]
                if prep in AGENT_PREPS or (prep == "from" and rtype.plover != "RETREAT"):
                    # "support from our ally Turkey", "threats from Pyongyang": the author,
                    # not the target ("withdrawal from Syria" is left behind, not a doer).
                    agents.extend(objs)
                    authors = authors or bool(objs)
                elif prep in {"between", "among"}:
                    between.extend(objs)
                elif prep == "of" and rtype.name in {"AIDS", "SUPPORTS"}:
                    agents.extend(objs)
                elif prep in ({"with", "to", "toward", "towards", "of", "from", "for", "along"}
                              if rtype.quad in COOPERATIVE_QUADS else
                              {"with", "against", "on", "to", "toward", "towards", "at", "over",
                               "of", "from", "upon", "for", "into", "along"}):
                    # Cooperation against or over someone is not cooperation with them:
                    # "security cooperation against North Korea", "talks on Syria".
                    patients.extend(objs)
            if tok.dep_ == "dobj":
                # "increase cooperation with Syria, along with Iran": a co-target hung on
                # the verb that governs the relation noun.
                for c in tok.head.children:
                    if c.dep_ == "prep" and c.lower_ in {"along", "together"}:
                        patients.extend(m for w in c.children if w.lower_ == "with"
                                        for q in w.children if q.dep_ == "pobj"
                                        for m in self.mentions(q))
            head = tok.head
            if tok.dep_ == "dobj" and not patients and not between and not any(
                not s.words for s in self.vocab.verb_senses(head.lemma_, head.lower_)
            ):
                # "opened investigations against X", "staged protests against X": the
                # parse may hang the noun's preposition on a verb that is no trigger itself.
                patients.extend(self.prep_mentions(
                    [head], {"against", "on", "upon", "into", "with", "toward", "towards"}))
            if not agents and not between and not patients and rtype.symmetric:
                governors = self.noun_governor_subjects(tok, 0)
                if len(governors) > 1:
                    agents = governors
            if not between and not patients and rtype.symmetric and len(agents) > 1 and \
                    not authors:
                # "the Tehran-Damascus-Moscow partnership": the modifiers relate to each
                # other; mediators "by Saudi Arabia and the United States" do not.
                between, agents = agents, []
            trig = [tok]
            # "its European common market partners": a noun naming the actors themselves
            # states a standing tie, weaker evidence of an act than "cooperation with".
            standing = 0.7 if tok.lemma_.lower() in MEMBERSHIP_NOUNS | {"allies"} else 1.0
            if len(between) > 1:
                for s, sw in between:
                    for o, ow in between:
                        if s.actor.id != o.actor.id:
                            yield _Found(s, o, rtype.name, trig, tok, 0.7 * standing * sw * ow)
                continue
            patients.extend(between)
            if (
                tok.dep_ == "pobj" and tok.head.lower_ == "with" and agents
                and rtype.name in {"AIDS", "SUPPORTS", "COOPERATES_WITH"}
            ):
                # "X did Y with the help of Z": Z aids X.
                patients = self.subjects(tok.head.head) if tok.head.head.pos_ in {
                    "VERB", "AUX"} else []
            elif not agents:
                agents = self.noun_governor_subjects(tok, 0)
            if not patients and rtype.plover == "PROTEST" and tok.dep_ == "dobj":
                # "staged rallies ... saying he must resign": see purpose_targets.
                patients = self.purpose_targets(tok.head)
            for s, sw in agents:
                for o, ow in patients:
                    yield _Found(s, o, rtype.name, trig, tok, 0.65 * standing * sw * ow)

    def deontic_relations(self) -> Iterator[_Found]:
        """"The Bush administration declared that China must drop barriers": saying what
        another actor must do is a demand on that actor (PLOVER REQUEST)."""
        if "DEMANDS" not in self.vocab:
            return
        for tok in self.sent:
            if tok.pos_ != "VERB" or tok.lemma_ not in SPEECH_VERBS:
                continue
            for c in tok.children:
                if c.dep_ != "ccomp" or not any(
                    k.dep_ in {"aux", "auxpass"} and k.lower_ in DEONTIC_AUX for k in c.children
                ):
                    continue
                targets = [m for k in c.children if k.dep_ in {"nsubj", "nsubjpass"}
                           for m in self.mentions(k)]
                if not targets:
                    continue
                for s, sw in self.subjects(tok):
                    for o, ow in targets:
                        yield _Found(s, o, "DEMANDS", [tok, *(k for k in c.children
                                                              if k.lower_ in DEONTIC_AUX)],
                                     tok, 0.6 * sw * ow)

    def membership_relations(self) -> Iterator[_Found]:
        """"X is a member/part of Y's coalition", "characterizes X as a member of Y"."""
        if "ALLIES_WITH" not in self.vocab:
            return
        for tok in self.sent:
            if tok.lemma_.lower() not in MEMBERSHIP_NOUNS:
                continue
            groups = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        own = self.index.all_at(p)
                        if own:
                            groups.extend(own)
                        elif self.vocab.noun_relation(p.lemma_) is self.vocab.get(
                                "ALLIES_WITH") or p.lemma_ in {"coalition", "alliance", "bloc"}:
                            groups.extend(self.modifier_actors(p))
            if not groups:
                continue
            members: list[tuple[ActorMention, float]] = []
            if tok.dep_ in {"attr", "oprd"}:
                members = self.subjects(tok.head)
            elif tok.dep_ == "pobj" and tok.head.lower_ == "as":
                verb = tok.head.head
                members = [m for c in verb.children if c.dep_ == "dobj"
                           for m in self.mentions(c)]
            elif tok.dep_ == "appos":
                members = self.mentions(tok.head)
            for s, sw in members:
                for g in groups:
                    yield _Found(s, g, "ALLIES_WITH", [tok], tok, 0.65 * sw)

    def alongside_relations(self) -> Iterator[_Found]:
        """Co-agents cooperate: "Burundian troops are fighting alongside Congo's army" ->
        Burundi's military COOPERATES_WITH Congo's (the reverse follows from symmetry)."""
        if "COOPERATES_WITH" not in self.vocab:
            return
        for tok in self.sent:
            if tok.pos_ not in {"VERB", "AUX"}:
                continue
            partners = self.prep_mentions([tok], CO_AGENT_PREPS)
            if not partners:
                continue
            for s, sw in self.subjects(tok):
                for o, ow in partners:
                    yield _Found(s, o, "COOPERATES_WITH", [tok], tok, 0.6 * sw * ow)

    def adjective_relations(self) -> Iterator[_Found]:
        """Predicates such as "A has appeared sympathetic to B", "A is critical of B"."""
        for tok in self.sent:
            if tok.pos_ != "ADJ":
                continue
            for sense in self.vocab.adjectives.get(tok.lemma_.lower(), []):
                objs = [o for ot in self.prep_objects(tok, sense.prep or "")
                        for o in self.mentions(ot)]
                if not objs:
                    continue
                head = tok.head if tok.dep_ in {"acomp", "oprd", "attr", "xcomp"} else None
                subjects = self.subjects(head) if head is not None else []
                if tok.dep_ == "amod":
                    subjects = self.mentions(tok.head)
                for s, sw in subjects:
                    for o, ow in objs:
                        yield _Found(s, o, sense.relation, [tok], head or tok, 0.7 * sw * ow)
                break

    def trigger_tokens(self) -> set[int]:
        """Indices of the sentence's verbs and nouns that name an act of the vocabulary."""
        return {t.i for t in self.sent if (
            t.pos_ == "VERB" and self.vocab.verb_senses(t.lemma_, t.lower_)
        ) or (t.pos_ in {"NOUN", "PROPN"} and self.index.at(t) is None
              and self.relation_noun(t) is not None)}

    def one_actor_acts(self, taken: set[int]) -> Iterator[_Act]:
        """Acts whose doer is an actor but whose target is none: "Akayev agreed to resign",
        "students staged mass demonstrations", "the government lifted the curfew".

        ``taken``: anchors that already gave a triple; their acts are not repeated.
        """
        for tok in self.sent:
            if tok.i in taken:
                continue
            if tok.pos_ == "VERB":
                sense = self._one_actor_sense(tok)
                if sense is None or not self.vocab.get(sense.relation).one_actor:
                    continue
                if tok.dep_ == "acl" and tok.tag_ == "VBN":
                    # "the curfew imposed in Sudan": a reduced passive acts only through
                    # its by-agent, never through the noun it hangs from.
                    subjects = [m for c in tok.children if c.dep_ == "agent"
                                for p in c.children if p.dep_ == "pobj"
                                for m in self.mentions(p)]
                else:
                    subjects = self.subjects(tok)
                objs, extra = self.verb_objects(tok, sense)
                trig = sorted([tok, *extra], key=lambda t: t.i)
                conf = 0.5 + 0.05 * sense.specificity
                doers = [(s, w) for s, w in subjects if s.actor.is_actor]
                place = self.act_place(tok)
                for s, w in doers:
                    yield _Act(s, sense.relation, trig, tok, conf * w, place=place)
                if doers or sense.words:
                    continue
                # "Three US servicemen were killed by an improvised explosive device", "a
                # roadside bombing killed one U.S. soldier": done to an actor, by no actor.
                if tok.dep_ == "acl" and tok.tag_ == "VBN":
                    objs = [tok.head]
                for o, w in _first_per_actor([mw for ot in objs for mw in self.mentions(ot)]):
                    if o.actor.is_actor:
                        yield _Act(o, sense.relation, trig, tok, 0.9 * conf * w, "target",
                                   place)
            elif tok.pos_ in {"NOUN", "PROPN"} and self.index.at(tok) is None:
                rtype = self.relation_noun(tok)
                if rtype is None or not rtype.one_actor or self._is_light_noun(tok):
                    continue
                agents = [(m, 0.9) for m in self.modifier_actors(tok)] or [
                    (m, w) for m, w in self.prep_mentions([tok], AGENT_PREPS)
                ]
                verb = _governing_verb(tok)
                if not agents and verb is not None and self.vocab.is_support_verb(
                    verb.lemma_, verb.lower_
                ):
                    # "students staged demonstrations": the doer of "staged" does the act;
                    # "police prevented the demonstration" is not a demonstration by police.
                    agents = self.noun_governor_subjects(tok, 0)
                place = self.act_place(verb if verb is not None else tok)
                for s, w in _first_per_actor(agents):
                    if s.actor.is_actor:
                        yield _Act(s, rtype.name, [tok], tok, 0.45 * w, place=place)

    def domestic(self, actor: ActorMention) -> bool:
        """True when the sentence names no party or place beyond the actor's own country:
        "the government lifted the curfew", "President Bouteflika said he is prepared to
        lift the ban on FIS". Such an act is internal to that country (PLOVER and CAMEO
        code it with the country on both sides); "Syria offered its troops to Lebanon's
        President" is not."""
        country = actor.actor.country
        if not country:
            return False
        for m in self.index.mentions:
            if m.start < self.sent.start or m.end > self.sent.end or m.actor.id == actor.actor.id:
                continue
            a = m.actor
            if (a.country and a.country != country) or (
                not a.country and (a.type in INTERNATIONAL_TYPES or a.sector in INTERNATIONAL_TYPES)
            ):
                return False
        return True

    def act_place(self, head: Token) -> ActorMention | None:
        """Where an act was done, if its clause names a place with a country through a
        preposition: "demonstrated in Kirkuk", "students throughout Indonesia staged ...",
        "killed by a device outside of the Iraqi city of Basra" (not inside a clause of its
        own: "refugees who lived in Iraq")."""
        for q in head.subtree:
            if q.dep_ != "pobj" or q.i == head.i:
                continue
            path, node, located = [], q, False
            while node.i != head.i and len(path) < 8:
                path.append(node)
                located |= node.dep_ in {"prep", "advmod"} and node.lower_ in WHERE_PREPS
                node = node.head
            if not located or any(n.dep_ in CLAUSE_DEPS for n in path):
                continue
            for m in [*self.index.all_at(q), *(m for m, _ in self.owner_actors(q))]:
                if _is_place(m):
                    return m
        return None

    def _one_actor_sense(self, verb: Token) -> VerbSense | None:
        """The sense a verb has when it names no target: one whose words it has ("called
        off a strike"), else its plain sense; None when it has neither."""
        senses = self.vocab.verb_senses(verb.lemma_, verb.lower_)
        worded = [s for s in senses if s.words and self.verb_objects(verb, s)[1]]
        if worded:
            return max(worded, key=lambda s: len(s.words))
        plain = next((s for s in senses if not s.words and not s.prep), None)
        if plain is None:
            return None
        if self.vocab.get(plain.relation).quad.startswith("MATERIAL") and any(
            _infinitival(c) for c in verb.children
        ) and not any(c.dep_ == "dobj" for c in verb.children):
            # "tried to secure favour", "help to end": a control verb, not the material act
            # ("try" a suspect, "help" an ally) its plain sense names.
            return None
        return plain

    def _is_light_noun(self, tok: Token) -> bool:
        """True when the noun is part of a light-verb trigger that fits ("put pressure
        on X"); in "staged protests against Turkey", where the sense "stage protest in"
        does not fit, the noun is the trigger."""
        head = tok.head
        lemmas = {s.lemma for s in self.vocab.verb_senses(head.lemma_, head.lower_)}
        return tok.dep_ in {"dobj"} and any(
            s.lemma in lemmas and tok.lemma_.lower() in s.words
            and (not s.prep or self.verb_objects(head, s)[0])
            for s in self.vocab.light_nouns.get(tok.lemma_.lower(), [])
        )


def _sentence_back(sent: Span, n: int) -> int:
    """The start of the sentence ``n`` sentences before ``sent`` (or of the document)."""
    start = sent.start
    for _ in range(n):
        if start == 0:
            break
        start = sent.doc[start - 1].sent.start
    return start


def _reciprocal(actors: list[tuple[ActorMention, float]], relation: str, trigger: list[Token],
                anchor: Token) -> Iterator[_Found]:
    """Each actor to each other: "Kerry and Lavrov agreed"."""
    for s, sw in actors:
        for o, ow in actors:
            if s.actor.id != o.actor.id:
                yield _Found(s, o, relation, trigger, anchor, 0.7 * sw * ow)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, through compounds, conjuncts and a preposition
    ("launched a mediation effort", "took part in talks")."""
    tok = noun
    for _ in range(4):
        if tok.dep_ in {"compound", "conj", "appos"}:
            tok = tok.head
        elif tok.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and tok.head.pos_ in {"VERB",
                                                                                      "AUX"}:
            return tok.head
        elif tok.dep_ == "pobj" and tok.head.head.pos_ in {"VERB", "AUX"}:
            return tok.head.head
        else:
            return None
    return None


def _first_per_actor(
    found: list[tuple[ActorMention, float]]
) -> list[tuple[ActorMention, float]]:
    """The first (most direct) link to each actor, in order."""
    seen: set[str] = set()
    return [(m, w) for m, w in found if not (m.actor.id in seen or seen.add(m.actor.id))]


def _is_place(m: ActorMention) -> bool:
    """A place with a known country, or a country named as a place ("in Syria")."""
    a = m.actor
    return bool(a.country) and (not a.is_actor or (a.type == "COUNTRY" and a.sector is None))


def _self_reference(s: ActorMention, o: ActorMention, hostile: bool = False) -> bool:
    """A country and its own government (or military...) as both ends: "The French
    government insisted that France ..." is one actor speaking of itself; so, in a hostile
    act, is an official and the state he serves ("Lukashenko warned that Minsk would
    retaliate"), while "Carter visited U.S. troops" is a visit."""
    a, b = s.actor, o.actor
    for person, state in ((a, b), (b, a)) if hostile else ():
        if person.type == "PERSON" and person.sector in OFFICIAL_SECTORS and \
                state.type == "COUNTRY" and state.country == person.country and \
                state.sector in {None, "GOV", "MIL"}:
            return True
    if a.type != "COUNTRY" or b.type != "COUNTRY" or a.country != b.country:
        return False
    return (a.sector is None) != (b.sector is None)


def _material(vocab: RelationVocabulary, found: _Found) -> bool:
    return vocab.get(found.relation).quad.startswith("MATERIAL")


def _with_reverse(found: list[_Found], vocab: RelationVocabulary) -> list[_Found]:
    """Symmetric relations hold both ways: add the reverse of each, and the refusal.

    "A refuses to deal with B" is also an asserted act of rejection (PLOVER REJECT), so a
    relation negated by a refusal verb yields A REJECTS B beside the negated relation.
    """
    out = list(found)
    for f in found:
        if vocab.get(f.relation).symmetric:
            out.append(_Found(f.obj, f.subject, f.relation, f.trigger, f.anchor,
                              f.confidence * 0.95))
        refusal = _refusal_head(f.anchor)
        if refusal is not None and "REJECTS" in vocab and f.relation != "REJECTS" and \
                vocab.get(f.relation).quad in COOPERATIVE_QUADS:
            # Refusing to deal with someone rejects them; declining to condemn them does not.
            out.append(_Found(f.subject, f.obj, "REJECTS", [refusal, *f.trigger], refusal,
                              f.confidence * 0.9))
        condition = _ultimatum(f.anchor)
        if condition is not None and "THREATENS" in vocab and f.relation != "THREATENS":
            # "will withdraw its force from Chad unless ...": an act made conditional on
            # what the other side does is a threat (CAMEO 13), whatever the act.
            anchor = _announcing_head(f.anchor)
            out.insert(0, _Found(f.subject, f.obj, "THREATENS", [*f.trigger, condition],
                                 anchor, min(1.0, f.confidence * 1.05)))
    return out


def _ultimatum(anchor: Token, marks: frozenset[str] | set[str] = frozenset({"unless"})
               ) -> Token | None:
    """The "unless" (or other ``marks``) of an act not yet done that is made conditional
    on another's act."""
    if anchor.tag_ in {"VBD", "VBN"} and not any(
        k.dep_ == "aux" and k.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for k in anchor.children
    ):
        return None  # "withdrew unless": a past act is no threat
    for c in anchor.children:
        if c.dep_ == "advcl":
            for k in c.children:
                if k.dep_ == "mark" and k.lower_ in marks:
                    return k
    return None


def _announcing_head(anchor: Token) -> Token:
    """The verb that announces an act ("announced that it will withdraw"), whose clause
    decides whether the threat itself is asserted; the act itself if none does."""
    if anchor.dep_ in {"ccomp", "xcomp"} and anchor.head.pos_ in {"VERB", "AUX"}:
        return anchor.head
    return anchor


def _attributes(anchor: Token, anchors: set[int]) -> bool:
    """True when ``anchor`` (a speech act) has a clause holding another act of the
    sentence: it tells who reported that act."""
    return any(c.dep_ in {"ccomp", "parataxis"} and any(t.i in anchors for t in c.subtree)
               for c in anchor.children) or (
        anchor.dep_ == "parataxis" and anchor.head.i in anchors)


def _nesting(anchor: Token, anchors: set[int], subordinate: set[int]) -> float:
    """Less confidence for an event nested under another one of the sentence: in "demanded
    that Hamas renounce its armed struggle against Israel" the demand is the news, the
    struggle is what it is about. A clause serving another act's purpose counts once more."""
    path = _path_to_root(anchor)
    # A verb coordinated with another ("condemned and sanctioned") is its peer, not under it.
    above = sum(1 for below, t in zip(path, path[1:], strict=False)
                if t.i in anchors and not (below.dep_ == "conj" and below.pos_ in {"VERB", "AUX"}))
    return NESTING_DISCOUNT ** (above + (anchor.i in subordinate))


def _refusal_head(anchor: Token) -> Token | None:
    tok = anchor
    for _ in range(3):
        if tok.dep_ != "xcomp":
            return None
        tok = tok.head
        if tok.lemma_ in {"refuse", "decline", "reject"}:
            return tok
    return None


def _infinitival(tok: Token) -> bool:
    """An xcomp, or an infinitival adverbial clause ("threatened today to impose"), which
    the parser often gives when words stand between the verb and its "to"."""
    return tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _path_to_root(tok: Token) -> list[Token]:
    path = [tok]
    while path[-1].head.i != path[-1].i and len(path) < 30:
        path.append(path[-1].head)
    return path


WH_WORDS = {"why", "what", "who", "whom", "whose", "which", "when", "where", "how"}
AUX_WORDS = {"is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could",
             "should", "has", "have", "had", "shall", "may", "might", "must"}


def _is_question(sent: Span) -> bool:
    """A question mark at the end, or an interrogative opening ("Why aren't we ...",
    "Will Iran ...") when the parser cut the sentence before its question mark."""
    if sent.text.rstrip().rstrip("”\"'’ ").endswith("?"):
        return True
    words = [t for t in sent if not t.is_punct][:3]
    if len(words) < 2:
        return False
    first, second = words[0].lower_, words[1].lower_
    if first in WH_WORDS and (second in AUX_WORDS or words[1].tag_ in {"MD", "VBZ", "VBP",
                                                                          "VBD"}):
        return _question_mark_follows(sent)
    return first in AUX_WORDS and words[1].pos_ in {"PRON", "PROPN", "NOUN", "DET"} and \
        _question_mark_follows(sent)


def _question_mark_follows(sent: Span) -> bool:
    # The question runs on until the next "?" within the same line.
    doc = sent.doc
    for tok in doc[sent.start:]:
        if tok.text == "?":
            return True
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in {".", "!"}:
            return False
    return False


def _modal_cue(anchor: Token, node: Token, child: Token | None, depth: int) -> str | None:
    """The modality ``node`` (``depth`` steps above ``anchor``, reached from ``child``) puts
    on the event, or None. The first cue that fits wins; a control verb that sets none
    ("travel to meet") leaves the later cues (its "will") to decide."""
    kids = list(node.children)
    if any(k.dep_ == "mark" and k.lower_ in {"if", "unless", "whether"} for k in kids):
        return "hypothetical"
    if depth == 0 and node.lemma_ in COMMISSIVE_VERBS:
        return "intended"
    if depth and child is not None and _infinitival(child) and node.lower_ in INTENT_ADJECTIVES:
        return "intended"
    if depth and child is not None and child.dep_ in {"dobj", "prep"} and \
            node.lemma_ in REQUEST_VERBS and (child.dep_ == "dobj" or child.lower_ in {
                "for", "on"}) and anchor.pos_ == "NOUN":
        return "requested"
    if depth and child is not None and _infinitival(child):
        if node.lemma_ in REQUEST_VERBS and any(
            k.dep_ in {"dobj", "dative"} for k in kids
        ) or any(k.dep_ == "dobj" and k.lemma_.lower() in REQUEST_NOUNS for k in kids) or (
            node.lemma_ in REQUEST_VERBS and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in child.children)
        ):
            return "requested"  # "urged Obama to", "put pressure on Assad to"
        if node.lemma_ in FUTURE_VERBS:
            return "future"
        if node.lemma_ in INTENT_VERBS or node.lemma_ in REQUEST_VERBS:
            return "intended"
    if depth and child is not None and child.dep_ == "prep" and child.lower_ in {"of", "for"} \
            and node.lemma_ in ALLEGING_VERBS:
        return "reported"  # "accused Ukraine of attacking": the act is alleged
    if depth and node.pos_ == "NOUN" and node.lemma_.lower() in FUTURE_NOUNS:
        return "future"  # "announced plans to increase cooperation"
    if depth and node.pos_ == "NOUN" and node.lower_ in INTENT_NOUNS:
        return "intended"
    if depth and node.pos_ == "NOUN" and node.lemma_.lower() in REPORT_NOUNS:
        # "the RIA story on coordination between Moscow and Washington"
        return "reported"
    if depth and child is not None and child.dep_ in {"ccomp", "acl"} and (
        node.lemma_ in DEMAND_CLAUSE_VERBS or any(
            k.dep_ == "dobj" and k.lemma_.lower() in REQUEST_NOUNS for k in kids)
        if node.pos_ in {"VERB", "AUX"} else node.lemma_.lower() in REQUEST_NOUNS
    ):
        # "demanded that Israel ease", "reiterated its demand that Israel ease" (not "told
        # AFP that ...", which reports)
        return "requested"
    if depth == 0 and node.pos_ == "NOUN" and any(
        k.dep_ == "amod" and k.lower_ in UNCERTAIN_ADJECTIVES for k in kids
    ):
        return "hypothetical"  # "a possible war against Iraq"
    if depth and child is not None and child.dep_ == "ccomp" and (
        node.lemma_ in REPORT_VERBS or node.lemma_ == "deny"
    ):
        return "denied" if node.lemma_ == "deny" else "reported"
    if any(k.dep_ in {"aux", "auxpass"} and k.lower_ in DEONTIC_AUX for k in kids):
        return "requested"  # "Iraq must cooperate": an obligation, not an act
    if any(k.dep_ in {"aux", "auxpass"} and k.lower_ in HYPOTHETICAL_AUX for k in kids):
        return "hypothetical"
    if any(k.dep_ in {"aux", "auxpass"} and k.lower_ in FUTURE_AUX for k in kids):
        return "future"
    if depth == 0 and any(k.dep_ == "nsubj" and k.lemma_.lower() in REPORT_NOUNS for k in kids):
        return "reported"
    return None


def factuality(anchor: Token) -> tuple[bool, str]:
    """(negated, modality) of the event anchored at ``anchor`` (a verb or relation noun).

    Negation counts on the trigger and on heads reached through control (xcomp) or a
    noun's governing verb ("never agreed to any coordination", "refuses to deal with"),
    not through reported clauses. The nearest modal cue on the path to the root decides
    the modality.
    """
    negated = False
    modality: str | None = None
    path = _path_to_root(anchor)
    head = anchor.head
    if anchor.dep_ == "conj" and anchor.tag_ in {"VBD", "VBZ", "VBP"} and head.tag_ == "VB" \
            and _infinitival(head):
        # "urged Washington to speed up funding and accused ...": the finite verb is the
        # matrix subject's own act, outside the infinitive's request.
        path = [anchor, *_path_to_root(head.head)]
    control_chain = True
    own_clause = True  # a relative clause asserts on its own: no modality from above it
    for depth, node in enumerate(path):
        child = path[depth - 1] if depth else None
        kids = list(node.children)
        if control_chain:
            if any(k.dep_ == "neg" or (k.lower_ in NEG_WORDS and k.dep_ in {"advmod", "det"})
                   for k in kids):
                negated = True
            if depth and node.lemma_ in NEGATING_VERBS and path[depth - 1].dep_ != "conj":
                # (a verb coordinated with "denied" is not denied: "denied X and accused Y")
                negated = True
        if modality is None and own_clause:
            modality = _modal_cue(anchor, node, child, depth)
        if any(k.dep_ == "prep" and k.lower_ == "according" for k in kids) and modality is None \
                and own_clause:
            modality = "reported"
        if node.dep_ == "relcl":
            own_clause = False
        # Control and noun-governing links keep negation scope; clause boundaries end it.
        dep = node.dep_
        if dep not in {"xcomp", "dobj", "pobj", "prep", "acl", "conj", "aux", "pcomp"}:
            control_chain = False
        if dep in {"ccomp", "advcl", "relcl"}:
            control_chain = False
        if dep == "prep" and node.lower_ in CIRCUMSTANCE_PREPS:
            # "did not meet Netanyahu during his visit": the visit took place.
            control_chain = False
    if modality in {None, "future", "hypothetical"} and _is_question(anchor.sent):
        # "Will Israel strike Iran?" asks; it does not announce.
        modality = "question"
    return negated, modality or "asserted"


def extract_records(
    doc: Doc,
    index: ActorIndex,
    vocab: RelationVocabulary,
    doc_id: str,
    text: str | None = None,
    doc_title: str | None = None,
    doc_date: str | None = None,
    doc_hash: str | None = None,
    events: bool = True,
) -> tuple[list[Triple], list[Event]]:
    """Every triple in ``doc`` and, if ``events``, every one-actor event: an act of an
    actor that gave no triple (no actor is its target)."""
    source = text if text is not None else doc.text
    out: list[Triple] = []
    acts: list[Event] = []
    seen: set[tuple] = set()
    meta = {"doc_title": doc_title, "doc_date": doc_date, "doc_hash": doc_hash}
    recent: list[tuple[int, _Found]] = []  # (sentence start, statement) of the last sentences
    for sent in doc.sents:
        recent = [(i, f) for i, f in recent if i >= _sentence_back(sent, 2)]
        if not any(index.at(t) for t in sent):
            continue
        sw = _Sentence(sent, index, vocab, [f for _i, f in recent])
        start, end = sent.start_char, sent.end_char
        sentence = source[start:end]
        stripped = sentence.strip()
        start += len(sentence) - len(sentence.lstrip())
        end = start + len(stripped)
        found_all = [*sw.verb_relations(), *sw.noun_relations(), *sw.adjective_relations(),
                     *sw.alongside_relations(),
                     *sw.membership_relations(), *sw.deontic_relations()]
        recent.extend((sent.start, f) for f in found_all if f.subject.actor.is_actor)
        # Every act the sentence mentions counts as above a nested one, whether or not it
        # has a target: "refused to commit to any assistance to the war against Iraq".
        anchors = {f.anchor.i for f in found_all} | sw.trigger_tokens()
        taken: set[int] = set()
        kept: dict[tuple[str, str, str], Triple] = {}
        for found in _with_reverse(found_all, vocab):
            s, o = found.subject, found.obj
            hostile = vocab.get(found.relation).quad not in COOPERATIVE_QUADS
            if s.actor.id == o.actor.id or not s.actor.is_actor or _self_reference(s, o, hostile):
                continue
            if not o.actor.is_actor and not (
                found.relation == "VISITS" or (o.actor.country and _material(vocab, found))
            ):
                # Places are targets of visits, and of material acts done there.
                continue
            taken.update(t.i for t in found.trigger)
            taken.add(found.anchor.i)
            key = (s.actor.id, found.relation, o.actor.id, found.anchor.i)
            if key in seen:
                continue
            seen.add(key)
            rtype = vocab.get(found.relation)
            negated, modality = factuality(found.anchor)
            conf = found.confidence * _nesting(found.anchor, anchors, sw.subordinate)
            if rtype.plover == "CONSULT" and _attributes(found.anchor, anchors):
                # "two rebel commanders told AFP that ...": the telling attributes the act
                # it reports; that act is the news.
                conf *= ATTRIBUTION_DISCOUNT
            if "lexicon" in (s.source, o.source):
                conf = min(1.0, conf + 0.05)
            pair = (s.actor.id, found.relation, o.actor.id)
            if pair in kept and kept[pair].confidence >= round(max(0.05, min(1.0, conf)), 3):
                continue
            kept[pair] = (
                Triple(
                    doc=doc_id,
                    sentence=stripped,
                    start=start,
                    end=end,
                    subject=s.ref(),
                    relation=found.relation,
                    object=o.ref(),
                    plover=rtype.plover,
                    quad=rtype.quad,
                    trigger=" ".join(t.text for t in found.trigger),
                    negated=negated,
                    modality=modality,
                    confidence=round(max(0.05, min(1.0, conf)), 3),
                    **meta,
                )
            )
        # One statement per pair and type in a sentence: "agreed to a ceasefire" names the
        # agreement twice (verb and noun); the most confident reading stands.
        out.extend(kept.values())
        if not events:
            continue
        one = list(sw.one_actor_acts(taken))
        nested = anchors | {a.anchor.i for a in one}
        done: set[tuple[str, str]] = set()
        for act in one:
            if (act.actor.actor.id, act.relation, act.role) in done:
                continue
            done.add((act.actor.actor.id, act.relation, act.role))
            rtype = vocab.get(act.relation)
            negated, modality = factuality(act.anchor)
            conf = act.confidence * _nesting(act.anchor, nested, sw.subordinate)
            acts.append(
                Event(
                    doc=doc_id,
                    sentence=stripped,
                    start=start,
                    end=end,
                    actor=act.actor.ref(),
                    relation=act.relation,
                    plover=rtype.plover,
                    quad=rtype.quad,
                    trigger=" ".join(t.text for t in act.trigger),
                    negated=negated,
                    modality=modality,
                    confidence=round(max(0.05, min(1.0, conf)), 3),
                    role=act.role,
                    place=act.place.ref() if act.place is not None else None,
                    domestic=act.place is None and sw.domestic(act.actor),
                    **meta,
                )
            )
    return out, acts
