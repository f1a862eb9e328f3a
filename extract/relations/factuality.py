"""Factuality: whether an act is negated, and its modality (asserted, intended, future,
hypothetical, requested, reported, denied, question), read from the path between its
trigger and the sentence root."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Span, Token

from actorgraph.extract.relations.syntax import (
    blamed_act,
    clause_of_its_own,
    finite_joined_to_infinitive,
    infinitival,
    is_passive,
    leading_names,
    path_to_root,
    phrase_in,
    speaker_participle,
    verb_in,
)
from actorgraph.extract.relations.words import (
    ALLEGING_VERBS,
    AUX_WORDS,
    CIRCUMSTANCE_PREPS,
    COMMISSIVE_VERBS,
    CONFIRMING_VERBS,
    DELIBERATIVE_VERBS,
    DEMAND_CLAUSE_VERBS,
    DENIAL_VERBS,
    DEONTIC_AUX,
    DISMISSING_VERBS,
    DISSUADING_VERBS,
    DOUBTING_VERBS,
    EVENT_FRAME_NOUNS,
    FORMER_WORDS,
    FUTURE_AUX,
    FUTURE_NOUNS,
    FUTURE_VERBS,
    HEARSAY_VERBS,
    HYPOTHETICAL_AUX,
    INTENDED_OBJECT_VERBS,
    INTENT_ADJECTIVES,
    INTENT_NOUNS,
    INTENT_VERBS,
    INVERTING_AUX,
    NEG_WORDS,
    NEGATED_ADVERBS,
    NEGATING_ADJECTIVES,
    NEGATING_VERBS,
    NEGATIVE_PRONOUNS,
    OCCURRENCE_VERBS,
    OPEN_WHEN_NEGATED,
    PENDING_ADVERBS,
    REPORT_NOUNS,
    REPORT_VERBS,
    REPORTING_ADJECTIVES,
    REPORTING_ADVERBS,
    REQUEST_NOUNS,
    REQUEST_VERBS,
    UNCERTAIN_ADJECTIVES,
    UNCERTAIN_ADVERBS,
    UNREALIZED_VERBS,
    UNSURE_PREDICATES,
    UPCOMING_PREPS,
    WH_WORDS,
)

# Links that keep negation scope (control, a noun's governing verb); others end it.
NEGATION_SCOPE_DEPS = {"xcomp", "dobj", "pobj", "prep", "acl", "conj", "aux", "pcomp", "attr",
                       "acomp"}


#: Modalities of a telling above an act that outweigh the act's own "will".
UNSURE_MODALITIES = frozenset({"reported", "hypothetical", "denied"})


def factuality(anchor: Token, statement: bool = False) -> tuple[bool, str]:
    """(negated, modality) of the event anchored at ``anchor`` (a verb or relation noun).
    ``statement``: the anchor makes a statement about an act ("pledged"), so its own
    commissive cue, which makes the act it names intended, does not apply.

    Negation counts on the trigger and on heads reached through control (xcomp) or a
    noun's governing verb ("never agreed to any coordination", "refuses to deal with"),
    not through reported clauses. The nearest modal cue on the path to the root decides
    the modality.
    """
    negated = False
    modality: str | None = None
    path = modality_path(anchor)
    presupposed = presupposed_act(anchor, path)
    control_chain = True
    own_clause = True  # a relative clause asserts on its own: no modality from above it
    for depth, node in enumerate(path):
        child = path[depth - 1] if depth else None
        # "has not ruled out an operation": a negated verb of not doing negates nothing;
        # "has never admitted supplying weapons": nor does a negated verb of confirming
        double = child is not None and (node.lemma_.lower() in CONFIRMING_VERBS
                                        or negating_verb(node)) and own_negation(node)
        if control_chain and not double and negates(node, child) and \
                not (presupposed and depth):
            negated = True
        if own_clause and modality in {None, "future", "intended"}:
            cue = "hypothetical" if double and left_open_when_negated(node) else \
                presupposed_cue(anchor, node, child) if presupposed and depth \
                else modal_cue(anchor, node, child, depth, statement)
            if modality is None or cue in UNSURE_MODALITIES and (
                    modality != "intended" or cue == "denied"):
                # a future act someone reports, doubts or denies is reported, doubted or
                # denied: "analysts doubt that Pyongyang will attack"; so is an intended
                # one denied: "denied that Egypt had agreed to host refugees"
                modality = cue
        if modality is None and own_clause and any(
            k.dep_ == "prep" and k.lower_ == "according" for k in node.children
        ):
            modality = "reported"
        if relative_clause(node):
            own_clause = False
        control_chain = control_chain and keeps_negation_scope(node)
    negated = negated or unhappened_subject(anchor)
    if modality is None and (reported_subject(anchor) or blamed_act(anchor)):
        modality = "reported"
    if modality in {None, "future", "hypothetical"} and is_question(anchor.sent):
        # "Will Israel strike Iran?" asks; it does not announce.
        modality = "question"
    return negated, modality or "asserted"


def relative_clause(node: Token) -> bool:
    """A clause the parse hangs on a noun as relative that is one: not a noun's content
    clause, which "that" only introduces ("the accusations that Rwanda supports M23",
    where a relative "that" is the clause's subject or object: "strikes that kill")."""
    return node.dep_ == "relcl" and not any(
        c.dep_ == "mark" and c.lower_ == "that" for c in node.children)


def presupposed_act(anchor: Token, path: list[Token]) -> bool:
    """An act noun with its own named author ("Moscow's invasion of Ukraine", "the
    Russian invasion", "the attack by Hamas") names an act that took place: a verb above
    it that is negated, refused or wanted says nothing of whether it did ("Beijing refused
    to condemn Moscow's invasion"). A denial or a report above it still does ("denied
    Hamas's attack", "a claim of Hamas's attack"), and so do the cues of
    :func:`presupposed_cue`."""
    if anchor.pos_ not in {"NOUN", "PROPN"} or not any(
        (c.dep_ == "poss" and c.pos_ != "PRON")
        or (c.dep_ == "amod" and (c.ent_type_ == "NORP" or any(
            n.pos_ == "PROPN" or n.i == c.i for n in leading_names(c))))
        or (c.dep_ == "prep" and c.lower_ == "by") for c in anchor.children
    ):
        return False
    return not any(n.lemma_.lower() in DENIAL_VERBS | ALLEGING_VERBS | REPORT_VERBS
                   | REPORT_NOUNS for n in path[1:])


def presupposed_cue(anchor: Token, node: Token, child: Token) -> str | None:
    """The cues that still bear on a presupposed act from above it: a condition, a modal
    or future auxiliary on the verb it is the subject of ("Russia's invasion of Ukraine
    could begin within days"; not "Kenya will not support Somalia's attack"), a verb of
    threat or intent it is the object of ("warned of a Russian invasion")."""
    kids = list(node.children)
    if any(k.dep_ == "mark" and k.lower_ in {"if", "unless", "whether"} for k in kids):
        return "hypothetical"
    if child.dep_ in {"nsubj", "nsubjpass"}:
        return auxiliary_cue(kids)
    return intended_object_cue(anchor, node, child)


def intended_object_cue(anchor: Token, node: Token, child: Token) -> str | None:
    """An act noun that is the object of a verb of threat or intent is meant, not done
    ("threatened sanctions against Moldova", "warned of retaliation", "plans new
    strikes"); a verb of deliberation only so in the present ("planned the attack for
    months" may well have been carried out)."""
    if anchor.pos_ != "NOUN" or node.lemma_ not in INTENDED_OBJECT_VERBS or not (
            child.dep_ == "dobj" or child.dep_ == "prep" and child.lower_ in {"of", "with"}):
        return None
    if node.lemma_ in DELIBERATIVE_VERBS and node.tag_ in {"VBD", "VBN"} and not any(
            k.dep_ == "aux" and k.lower_ in FUTURE_AUX for k in node.children):
        return None
    return "intended"


def framed_modality(anchor: Token, modality: str, complements: dict[int, str]) -> str:
    """The modality of an act the cues left asserted or intended, when it is (or is under) the
    complement of a frame that sets one: "Russia wants Iran to attack Israel" (the attack
    is requested, whatever the parse of "wants Iran to")."""
    if modality not in {"asserted", "intended"} or not complements:
        # (a frame's modality is more specific than the "intended" any control verb gives:
        # "called on Iran to attack" requests the attack)
        return modality
    for node in modality_path(anchor):
        if node.i in complements:
            return complements[node.i]
        if relative_clause(node):
            break  # a relative clause asserts on its own ("strikes that kill civilians")
    return modality


def unhappened_subject(anchor: Token) -> bool:
    """An act noun that is the subject of a verb saying it did not happen: "Macron's visit
    was postponed" (a negating verb over its passive subject), "the talks did not take
    place" (occurrence_verbs, negated), "the deal fell through" (unrealized_verbs). Plain
    negation of another verb leaves the act alone: "the attack was not condemned" happened."""
    if anchor.pos_ not in {"NOUN", "PROPN"}:
        return False
    anchor = event_holder(anchor)
    if anchor.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = anchor.head
    if phrase_in(verb, UNREALIZED_VERBS):
        # "the deal fell through" (an adverb to the parse), "talks were put on hold"
        return not negates(verb, None)
    if anchor.dep_ == "nsubjpass":
        return negating_verb(verb)
    occurs = verb.lemma_.lower() in OCCURRENCE_VERBS or verb.lemma_.lower() == "take" and \
        any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return occurs and negates(verb, None)


def event_holder(anchor: Token) -> Token:
    """The noun that holds an act as its "of" phrase, whose fate is the act's: "the signing
    of a peace deal was delayed", "a round of talks was put on hold" (``event_frame_nouns``);
    else the act noun itself."""
    prep = anchor.head
    if anchor.dep_ == "pobj" and prep.lower_ == "of" and \
            prep.head.lemma_.lower() in EVENT_FRAME_NOUNS:
        return prep.head
    return anchor


def reported_subject(anchor: Token) -> bool:
    """An act noun that is the passive subject of a verb of report: "an attack by Houthi
    rebels on a Greek tanker was reported" (report_verbs; not "was considered a war
    crime", which takes the act as done)."""
    return anchor.pos_ in {"NOUN", "PROPN"} and anchor.dep_ == "nsubjpass" and \
        anchor.head.lemma_.lower() in REPORT_VERBS


def modality_path(anchor: Token) -> list[Token]:
    """The heads that may set the act's factuality. "urged Washington to speed up funding
    and accused ...": a finite verb the parse joins to an infinitive is the matrix
    subject's own act, outside the infinitive's request."""
    if finite_joined_to_infinitive(anchor) or speaker_participle(anchor):
        # ("said Ukraine should negotiate, rejecting a US proposal": the speaker's act)
        return [anchor, *path_to_root(anchor.head.head)]
    return path_to_root(anchor)


def negates(node: Token, child: Token | None) -> bool:
    """A negation on ``node`` ("did not attack") or on its subject ("neither Russia nor
    China attended"), or ``node`` a negating verb above the
    act ("refused to deal with"; not a verb coordinated with "denied": "denied X and
    accused Y", nor a participle adjunct). A conjoined clause with its own subject is
    outside it all."""
    if child is not None and clause_of_its_own(child):
        return False
    if own_negation(node):
        return True
    if any(k.dep_ in {"nsubj", "nsubjpass"} and negative_subject(k) for k in node.children):
        return True  # "Neither Russia nor China attended", "None of the missiles struck"
    if child is not None and node.dep_ == "prep" and node.lower_ in NEG_WORDS and \
            child.dep_ in {"pcomp", "pobj"}:
        return True  # "withdrew without attacking Kyiv", "left without an agreement"
    if dissuaded(node, child) or pending(node, child) or negating_adjective(node, child):
        return True
    # (not an adjunct: "denied backing M23, dismissing a UN report" dismisses it)
    return child is not None and negating_verb(node) and child.dep_ != "conj" and (
        child.dep_ != "advcl" or infinitival(child))


def negative_subject(subject: Token) -> bool:
    """A subject that says no one of its kind did it: "none of the missiles", "neither of
    them", "no Israeli jets", "neither Russia nor China" (not "no longer", which speaks of
    time)."""
    return subject.lower_ in NEGATIVE_PRONOUNS or any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "preconj" and c.lower_ == "neither")
        for c in subject.children)


def left_open_when_negated(node: Token) -> bool:
    """A verb whose negation leaves its act open: "has not ruled out" (open_when_negated),
    "has never admitted", "did not confirm" (confirming_verbs)."""
    return verb_in(node, OPEN_WHEN_NEGATED) or node.lemma_.lower() in CONFIRMING_VERBS


def own_negation(node: Token) -> bool:
    """A negation on the word itself: "not", "never", "no longer"; a tie called former
    holds no more ("a former ally of Moscow", "an ex-ally of Iran")."""
    noun = node.pos_ == "NOUN"
    return any(k.dep_ == "neg" or (k.lower_ in NEG_WORDS and k.dep_ in {"advmod", "det"})
               or negated_adverb(k) or (noun and k.dep_ in {"amod", "compound"}
                                        and k.lower_ in FORMER_WORDS)
               for k in node.children) or (noun and ex_prefixed(node))


def ex_prefixed(node: Token) -> bool:
    """"an ex-ally": the tokenizer splits "ex-" ("ex", "-", "ally"), which the parse
    hangs anywhere."""
    if node.i < 2:
        return False
    doc = node.doc
    return doc[node.i - 1].text == "-" and doc[node.i - 2].lower_ in FORMER_WORDS


def negated_adverb(tok: Token) -> bool:
    """"no longer", "no more": a negation on an adverb of the verb negates the verb
    (``negated_adverbs``)."""
    return tok.dep_ == "advmod" and tok.lower_ in NEGATED_ADVERBS and any(
        k.dep_ == "neg" or k.lower_ in NEG_WORDS for k in tok.children)


def pending(node: Token, child: Token | None) -> bool:
    """"has yet to agree", "is yet to withdraw": an act still awaited has not happened
    (``pending_adverbs`` on "have" or "be" over the infinitive)."""
    return child is not None and child.dep_ == "xcomp" and \
        node.lemma_.lower() in {"have", "be"} and \
        any(k.dep_ == "advmod" and k.lower_ in PENDING_ADVERBS for k in node.children) and \
        any(k.dep_ == "aux" and k.lower_ == "to" for k in child.children)


def dissuaded(node: Token, child: Token | None) -> bool:
    """A gerund after "from" or "against" on a verb that keeps its doer from it:
    "prevented Sweden from joining", "cautioned Israel against attacking Iran"."""
    return child is not None and child.dep_ == "pcomp" and node.dep_ == "prep" and \
        node.lower_ in {"from", "against"} and node.head.lemma_.lower() in DISSUADING_VERBS


def negating_verb(node: Token) -> bool:
    """A verb whose complement does not happen, alone ("refused") or with its particle
    ("ruled out talks")."""
    return verb_in(node, NEGATING_VERBS)


def negating_adjective(node: Token, child: Token | None) -> bool:
    """An adjective whose infinitive does not happen: "has been unable to deliver aid"."""
    return child is not None and child.dep_ == "xcomp" and node.pos_ == "ADJ" and \
        node.lemma_.lower() in NEGATING_ADJECTIVES


def participle_adjunct(node: Token) -> bool:
    """A participle joined by a bare comma, which the parse may call a conjunct ("denied
    backing M23, dismissing a UN report"): an adjunct of the clause, outside what its
    verb negates; a list has its "and" somewhere ("denied backing and arming M23",
    "denied backing M23, arming the rebels and training them")."""
    return node.dep_ == "conj" and node.tag_ == "VBG" and node.i > 0 and \
        node.doc[node.i - 1].text == "," and not any(
            c.dep_ == "cc" for c in (*node.head.children, *node.children))


def keeps_negation_scope(node: Token) -> bool:
    """Control and noun-governing links keep negation scope; clause boundaries end it, and
    so does a scene ("did not meet Netanyahu during his visit": the visit took place)."""
    if node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                    for c in node.children):
        # a purpose: "refrained from sending troops to fight Ukraine" fights no one
        return True
    if node.dep_ not in NEGATION_SCOPE_DEPS or participle_adjunct(node):
        return False
    if node.pos_ == "NOUN" and node.lemma_.lower() in REPORT_NOUNS and \
            node.head.lemma_ not in DENIAL_VERBS:
        # "declined to comment on reports that the envoys held talks": what a report
        # says is not what is declined (what is denied is: "denied reports that")
        return False
    return not (node.dep_ == "prep" and node.lower_ in CIRCUMSTANCE_PREPS)


def modal_cue(anchor: Token, node: Token, child: Token | None, depth: int,
              statement: bool = False) -> str | None:
    """The modality ``node`` (``depth`` steps above ``anchor``, reached from ``child``) puts
    on the event, or None. The first cue that fits wins; a control verb that sets none
    ("travel to meet") leaves the later cues (its "will") to decide."""
    kids = list(node.children)
    if any(k.dep_ == "mark" and k.lower_ in {"if", "unless", "whether"} for k in kids) or \
            inverted_condition(node):
        return "hypothetical"
    if child is None:
        cue = own_cue(node, statement)
    else:
        cue = control_cue(anchor, node, child) or governor_cue(node, child)
    if cue is not None:
        return cue
    cue = adverb_cue(kids) or auxiliary_cue(kids)
    if cue is not None:
        return cue
    if (child is None or child.dep_ == "ccomp") and any(
            k.dep_ == "nsubj" and k.lemma_.lower() in REPORT_NOUNS for k in kids):
        return "reported"  # "reports say ...", "unconfirmed reports said jets struck"
    return None


def own_cue(node: Token, statement: bool = False) -> str | None:
    """The trigger's own cue: a promise ("offered troops") is intended (not the promise
    itself, a ``statement``), an act on "a possible war" hypothetical."""
    if node.lemma_ in COMMISSIVE_VERBS and not statement:
        return "intended"
    if node.pos_ == "NOUN" and any(k.dep_ == "amod" and k.lower_ in UNCERTAIN_ADJECTIVES
                                   for k in node.children):
        return "hypothetical"
    return None


def control_cue(anchor: Token, node: Token, child: Token) -> str | None:
    """The cue of a verb or adjective that controls the act: "urged Obama to",
    "put pressure on Assad to", "called for sanctions" (requested); "plans to" (future);
    "wants to", "is willing to" (intended)."""
    kids = list(node.children)
    if infinitival(child) and node.lower_ in INTENT_ADJECTIVES:
        return "intended"
    if child.dep_ in {"dobj", "prep"} and node.lemma_ in REQUEST_VERBS and (
            child.dep_ == "dobj" or child.lower_ in {"for", "on"}) and anchor.pos_ == "NOUN":
        return "requested"
    cue = intended_object_cue(anchor, node, child)
    if cue is not None:
        return cue
    if not infinitival(child):
        return None
    if node.lemma_ in REQUEST_VERBS and any(
        k.dep_ in {"dobj", "dative"} for k in kids
    ) or any(k.dep_ == "dobj" and k.lemma_.lower() in REQUEST_NOUNS for k in kids) or (
        node.lemma_ in REQUEST_VERBS and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in child.children)
    ):
        return "requested"
    if node.lemma_ in FUTURE_VERBS:
        return "future"
    if node.lemma_ in HEARSAY_VERBS and is_passive(node):
        return "reported"  # "Israel is believed to have struck"
    if node.lower_ in UNCERTAIN_ADJECTIVES:
        return "hypothetical"  # "Iran is likely to attack"
    if node.lemma_ in INTENT_VERBS or node.lemma_ in REQUEST_VERBS:
        return "intended"
    return None


def governor_cue(node: Token, child: Token) -> str | None:
    """The cue of a noun or verb the act is said in or about: an accusation ("accused
    Ukraine of attacking") or a report is reported, a plan future, an intention intended,
    a demand's clause requested, a denial's clause denied."""
    if node.lemma_ in ALLEGING_VERBS and (
            child.dep_ == "prep" and child.lower_ in {"of", "for"} or alleged_of(child)):
        return "reported"
    if child.dep_ == "acl" and child.tag_ == "VBN" and not any(
            k.dep_ in {"nsubj", "aux"} for k in child.children):
        return None  # what is done to a plan or decision: "a decision condemned by Pakistan"
    if node.pos_ == "NOUN" and node.lemma_.lower() in FUTURE_NOUNS:
        return "future"  # "announced plans to increase cooperation"
    if child.dep_ == "pobj" and (node.lower_ in UPCOMING_PREPS or
                                 f"{node.head.lower_} {node.lower_}" in UPCOMING_PREPS):
        return "future"  # "ahead of his meeting with Trump"
    if node.pos_ == "NOUN" and node.lower_ in INTENT_NOUNS:
        return "intended"
    if node.pos_ == "NOUN" and node.lemma_.lower() in REPORT_NOUNS:
        # "the RIA story on coordination between Moscow and Washington"; a report
        # dismissed is denied: "rejected claims that it had attacked", "the accusations
        # that Rwanda supports M23 were dismissed by Kigali"
        return "denied" if node.dep_ in {"dobj", "nsubjpass"} and \
            node.head.lemma_ in DISMISSING_VERBS else "reported"
    if child.dep_ in {"ccomp", "acl"} and demands_clause(node):
        # "demanded that Israel ease", "reiterated its demand that Israel ease" (not "told
        # AFP that ...", which reports)
        return "requested"
    if child.dep_ == "ccomp" and leaves_open(node):
        return "hypothetical"
    if child.dep_ == "ccomp" and (node.lemma_ in REPORT_VERBS or node.lemma_ == "deny"):
        return "denied" if node.lemma_ == "deny" else "reported"
    return None


def alleged_of(obj: Token) -> bool:
    """An accused object with its "of" act hung on it, not on the verb: "accused [Armenian
    forces of shelling] positions" (a parse the gerund repair leaves so)."""
    return obj.dep_ == "dobj" and any(
        c.dep_ == "prep" and c.lower_ in {"of", "for"} and
        any(g.dep_ == "pcomp" for g in c.children) for c in obj.children)


def leaves_open(node: Token) -> bool:
    """A predicate whose clause may or may not hold: "analysts doubt that Pyongyang will
    attack", "it is unlikely that China will invade", "it is unclear whether Turkey shelled
    the village", or a negated verb of confirming ("did not confirm that it carried out the
    strike")."""
    if node.lemma_ in DOUBTING_VERBS or node.lemma_.lower() in UNSURE_PREDICATES or any(
            k.dep_ == "acomp" and k.lower_ in UNSURE_PREDICATES for k in node.children):
        return True
    return node.lemma_.lower() in CONFIRMING_VERBS and own_negation(node)


def demands_clause(node: Token) -> bool:
    """A verb or noun whose that-clause says what someone must do."""
    if node.pos_ in {"VERB", "AUX"}:
        return node.lemma_ in DEMAND_CLAUSE_VERBS or any(
            k.dep_ == "dobj" and k.lemma_.lower() in REQUEST_NOUNS for k in node.children)
    return node.lemma_.lower() in REQUEST_NOUNS


def adverb_cue(kids: list[Token]) -> str | None:
    """reportedly/allegedly: reported ("Kenya reportedly sent troops", also over a "will"),
    and so is an act noun called alleged ("their alleged support for M23");
    possibly/probably: hypothetical."""
    # (one pass: the modifiers of the node, adverbs and adjectives alike)
    modifiers = {k.lower_ for k in kids if k.dep_ in {"advmod", "amod"}}
    if modifiers & REPORTING_ADVERBS or modifiers & REPORTING_ADJECTIVES:
        return "reported"
    if modifiers & UNCERTAIN_ADVERBS:
        return "hypothetical"
    return None


def inverted_condition(clause: Token) -> bool:
    """A condition told by an auxiliary before its subject: "Were Beijing to invade
    Taiwan, ...", "Should Egypt send troops to Somalia, ..." (``inverting_aux``)."""
    # (the parse may make the clause a complement, or "were" its head: "Were Beijing")
    if clause.dep_ not in {"advcl", "ccomp"} or clause.i > clause.head.i:
        return False
    subject = next((c.i for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and (clause.lower_ in INVERTING_AUX and clause.i < subject or any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in INVERTING_AUX and c.i < subject
        for c in clause.children))


def auxiliary_cue(kids: list[Token]) -> str | None:
    """must/should: requested ("Iraq must cooperate" is an obligation, not an act);
    could/might: hypothetical; will/would: future."""
    auxes = {k.lower_ for k in kids if k.dep_ in {"aux", "auxpass"}}
    if auxes & DEONTIC_AUX:
        return "requested"
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    if auxes & FUTURE_AUX:
        return "future"
    return None


def is_question(sent: Span) -> bool:
    """A question mark at the end, or an interrogative opening ("Why aren't we ...",
    "Will Iran ...") when the parser cut the sentence before its question mark."""
    # Asked once per act of the sentence: keep the answer with the Doc.
    key = ("actorgraph.question", sent.start)
    known = sent.doc.user_data.get(key)
    if known is None:
        known = sent.doc.user_data[key] = _is_question(sent)
    return known


def _is_question(sent: Span) -> bool:
    # (the end of the sentence is enough: a Span's text is joined from a Token per token)
    tail = sent.doc[max(sent.start, sent.end - 5):sent.end].text
    if tail.rstrip().rstrip("”\"'’ ").endswith("?"):
        return True
    # the first two words; iterating the whole sentence would build every Token
    words = list(islice((t for t in sent if not t.is_punct), 2))
    if len(words) < 2:
        return False
    first, second = words[0].lower_, words[1].lower_
    if first in WH_WORDS and (second in AUX_WORDS or words[1].tag_ in {"MD", "VBZ", "VBP",
                                                                          "VBD"}):
        return question_mark_follows(sent)
    return first in AUX_WORDS and words[1].pos_ in {"PRON", "PROPN", "NOUN", "DET"} and \
        question_mark_follows(sent)


def question_mark_follows(sent: Span) -> bool:
    """True when a "?" follows within the same line (the question runs on)."""
    doc = sent.doc
    for tok in doc[sent.start:]:
        if tok.text == "?":
            return True
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in {".", "!"}:
            return False
    return False
