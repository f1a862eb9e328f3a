"""Closed-class word lists that the relation rules read.

They are grammar, not vocabulary: which verbs control an infinitive, which auxiliaries
make an act future, which prepositions name a target. The relation vocabulary itself
(triggers, PLOVER categories) is data in ``extract/lexicon/relations.toml``.
"""

from __future__ import annotations

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
MOTION_PREPS = {"to", "toward", "towards", "into"}
# Where a material act is done: with no actor as target, the place is ("imposed a curfew
# in the town of Cizre", "fired shells at targets in Jericho", "demonstrated in Kirkuk").
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
WH_WORDS = {"why", "what", "who", "whom", "whose", "which", "when", "where", "how"}
AUX_WORDS = {"is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could",
             "should", "has", "have", "had", "shall", "may", "might", "must"}
DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}
