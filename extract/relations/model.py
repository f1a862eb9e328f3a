"""The records the relation finders pass around, and the sentence they work in."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from actorgraph.extract.actors import ActorIndex, ActorMention
from actorgraph.extract.frames import FrameMatch, FrameSet
from actorgraph.extract.lexicon import RelationType, RelationVocabulary

#: Actors a token stands for, each with how direct the link is (1.0 = named outright).
Weighted = list[tuple[ActorMention, float]]


@dataclass
class Finding:
    """A two-actor statement found in a sentence, before factuality and dedupe."""

    subject: ActorMention
    obj: ActorMention
    relation: str
    trigger: list[Token]
    anchor: Token  # the token whose clause decides factuality
    confidence: float
    #: Whether the act holds both ways; None: as its relation type says.
    mutual: bool | None = None
    #: Read by a plain verb sense (the verb and its object, nothing more), which a frame
    #: that binds more ("told Iran to attack") may override.
    plain: bool = False
    #: Asserted whatever the cues of its anchor say: an announcement made by the act's own
    #: clause ("Peru will send troops": the pledge is made, the sending is future).
    asserted: bool = False
    #: A statement about an act (a pledge), not the act its anchor names: the anchor's
    #: own commissive cue ("offered troops": the aid is intended) is not its modality.
    statement: bool = False


@dataclass
class Act:
    """A one-actor act (see :class:`~actorgraph.extract.events.Event`)."""

    actor: ActorMention
    relation: str
    trigger: list[Token]
    anchor: Token
    confidence: float
    role: str = "source"  # or "target": done to the actor by no named doer
    place: ActorMention | None = None
    domestic: bool = False


@dataclass
class Sentence:
    """One sentence with what every finder needs: the document's actors, the vocabulary,
    the statements of the sentences just before (which "the accusation" may refer to),
    and the clauses found to serve another act's purpose (they count as nested)."""

    sent: Span
    index: ActorIndex
    vocab: RelationVocabulary
    recent: list[Finding] = field(default_factory=list)
    subordinate: set[int] = field(default_factory=set)
    frames: FrameSet | None = None
    #: the frame matches of the sentence
    matches: list[FrameMatch] = field(default_factory=list)
    #: complement acts of the sentence's frames -> the modality the frame puts on them
    complements: dict[int, str] = field(default_factory=dict)
    #: memo of ``confidence.trigger_tokens``: it reads only the sentence, the actor index
    #: and the vocabulary, none of which changes while the sentence is read
    triggers: frozenset[int] | None = field(default=None, repr=False)
    #: the sentence's tokens, made once: iterating a Span builds a new Token per token,
    #: and every finder walks the whole sentence
    tokens: list[Token] = field(default_factory=list, repr=False)
    #: their lowercase forms: a finder that needs a word the sentence lacks is skipped
    words: frozenset[str] = field(default=frozenset(), repr=False)
    #: memo of ``mentions.relation_noun`` by token index: every finder of nouns and the
    #: index of the sentence's triggers ask it of the same nouns
    noun_types: dict[int, RelationType | None] = field(default_factory=dict, repr=False)
    #: memo of ``arguments.subjects`` by verb index: the rules, the frames and the events
    #: each ask who does a verb's act
    doers: dict[int, Weighted] = field(default_factory=dict, repr=False)
    #: memo of ``records.statement_factuality`` by (anchor index, statement): the pairs
    #: of one act share its anchor
    factuality: dict[tuple[int, bool], tuple[bool, str]] = field(default_factory=dict,
                                                                 repr=False)

    def __post_init__(self) -> None:
        if not self.tokens:
            whole = self.index.tokens
            self.tokens = (whole[self.sent.start:self.sent.end] if whole
                           else list(self.sent))
        if not self.words:
            self.words = frozenset(t.lower_ for t in self.tokens)
