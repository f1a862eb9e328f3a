"""The word lists and code sets that the relation rules read, under the names they use.

The word lists (which verbs control an infinitive, which auxiliaries make an act future,
which prepositions name a target) are data: ``extract/lexicon/words.toml``, where each
list says what it is for, extended by users' ``--words`` files
(:mod:`actorgraph.extract.wordlists`). What stays here are sets of dependency labels,
PLOVER categories and sectors, which belong to the parser's and the vocabulary's schemes,
not to the language. The relation vocabulary itself (triggers, PLOVER categories) is data
in ``extract/lexicon/relations.toml``.
"""

from __future__ import annotations

from actorgraph.extract.wordlists import word_set

NEG_WORDS = word_set("neg_words")
NEGATED_ADVERBS = word_set("negated_adverbs")
PENDING_ADVERBS = word_set("pending_adverbs")
REFUSING_VERBS = word_set("refusing_verbs")
COMPLAINT_NOUNS = word_set("complaint_nouns")
OPEN_WHEN_NEGATED = word_set("open_when_negated")
ASPECT_VERBS = word_set("aspect_verbs")
OCCASION_MARKS = word_set("occasion_marks")
NEGATING_VERBS = word_set("negating_verbs")
NEGATING_ADJECTIVES = word_set("negating_adjectives")
DISSUADING_VERBS = word_set("dissuading_verbs")
GERUND_VERBS = word_set("gerund_verbs")
CUSTODY_VERBS = word_set("custody_verbs")
EXPULSION_VERBS = word_set("expulsion_verbs")
OCCURRENCE_VERBS = word_set("occurrence_verbs")
UNREALIZED_VERBS = word_set("unrealized_verbs")
NEGATIVE_PRONOUNS = word_set("negative_pronouns")
EVENT_FRAME_NOUNS = word_set("event_frame_nouns")
FORMER_WORDS = word_set("former_words")
CONTINGENCY_NOUNS = word_set("contingency_nouns")
INVERTING_AUX = word_set("inverting_aux")
ORIGIN_VERBS = word_set("origin_verbs")
NAMING_VERBS = word_set("naming_verbs")
LABELLING_NOUNS = word_set("labelling_nouns")
WRONGDOING_NOUNS = word_set("wrongdoing_nouns")
COMMITTING_VERBS = word_set("committing_verbs")
REQUEST_VERBS = word_set("request_verbs")
TOPIC_VERBS = word_set("topic_verbs")
PRIZE_PREPS = word_set("prize_preps")
LISTING_VERBS = word_set("listing_verbs")
CLAIM_VERBS = word_set("claim_verbs")
#: (verb lemma, preposition naming whom an act is blamed on)
BLAMING_VERBS = frozenset(tuple(w.split()) for w in word_set("blaming_verbs"))
HYPHEN_SUFFIXES = word_set("hyphen_suffixes")
LEADING_SUFFIXES = word_set("leading_suffixes")
BACKING_SUFFIXES = word_set("backing_suffixes")
RESPONSIBILITY_NOUNS = word_set("responsibility_nouns")
COUNTERPART_NOUNS = word_set("counterpart_nouns")
INTENT_VERBS = word_set("intent_verbs")
INTENT_NOUNS = word_set("intent_nouns")
FUTURE_VERBS = word_set("future_verbs")
FUTURE_NOUNS = word_set("future_nouns")
REQUEST_NOUNS = word_set("request_nouns")
REPORT_VERBS = word_set("report_verbs")
REPORT_NOUNS = word_set("report_nouns")
FUTURE_AUX = word_set("future_aux")
HYPOTHETICAL_AUX = word_set("hypothetical_aux")
OBJECT_CONTROL = word_set("object_control")
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
AGENT_PREPS = word_set("agent_preps")
TARGET_PREPS = word_set("target_preps")
# Categories of acts about another act ("threatened to shell Iraqi towns"): their target is
# the target of that act. Material acts are not ("pledged to fight ISIS" aids nobody).
VERBAL_ACTS = {"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE", "CONSULT", "SUPPORT"}
INTENT_ADJECTIVES = word_set("intent_adjectives")
COMMISSIVE_VERBS = word_set("commissive_verbs")
DEMAND_CLAUSE_VERBS = word_set("demand_clause_verbs")
DENIAL_VERBS = word_set("denial_verbs")
DISMISSING_VERBS = word_set("dismissing_verbs")
UNCERTAIN_ADJECTIVES = word_set("uncertain_adjectives")
ALLEGING_VERBS = word_set("alleging_verbs")
SPEECH_VERBS = word_set("speech_verbs")
DEONTIC_AUX = word_set("deontic_aux")
REACTIONS = {"ACCUSE", "REJECT", "PROTEST", "REQUEST", "SUPPORT"}
MEMBERSHIP_NOUNS = word_set("membership_nouns")
ACT_NOUNS = word_set("act_nouns")
# Sectors of people who act for their state (a judge may act against its government).
OFFICIAL_SECTORS = {"GOV", "MIL"}
CO_AGENT_PREPS = word_set("co_agent_preps")
TAKING_PART_VERBS = word_set("taking_part_verbs")
CO_AGENT_NOUNS = word_set("co_agent_nouns")
PARTICIPATION_VERBS = word_set("participation_verbs")
JOINING_VERBS = word_set("joining_verbs")
LEADING_VERBS = word_set("leading_verbs")
# Relations between actors in person: their object is an actor, not a thing of one.
PERSONAL_RELATIONS = {"MEETS"}
CIRCUMSTANCE_PREPS = word_set("circumstance_preps")
WEAPON_NOUNS = word_set("weapon_nouns")
BEHEST_PREPS = word_set("behest_preps")
REPORTING_ADJECTIVES = word_set("reporting_adjectives")
#: Natural disasters: named as a verb's subject, they are no actor's act.
DISASTER_NOUNS = word_set("disaster_nouns")
FIRING_VERBS = word_set("firing_verbs")
SEQUENCE_PREPS = word_set("sequence_preps")
THING_WORDS = word_set("thing_words")
PLURAL_PRONOUNS = word_set("plural_pronouns")
MOTION_PREPS = word_set("motion_preps")
PLACE_PREPS = word_set("place_preps")
NEAR_PREPS = word_set("near_preps")
WHERE_PREPS = word_set("where_preps")
UNDOING_PARTICLES = word_set("undoing_particles")
CLOSENESS_IDIOMS = word_set("closeness_idioms")
LOCATIVE_PREPS = word_set("locative_preps")
# Types and sectors of actors that, without a country, stand outside any one country ("the
# UN", "a UN envoy", al-Qaeda).
INTERNATIONAL_TYPES = {"IGO", "NGO", "IMG", "ARMED_GROUP"}
COOPERATIVE_QUADS = {"VERBAL_COOPERATION", "MATERIAL_COOPERATION"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "acl", "csubj", "parataxis"}
WH_WORDS = word_set("wh_words")
AUX_WORDS = word_set("aux_words")
DEFINITE_DETERMINERS = word_set("definite_determiners")
MESSAGE_NOUNS = word_set("message_nouns")
HARM_NOUNS = word_set("harm_nouns")
SOUGHT_NOUNS = word_set("sought_nouns")
VISITOR_NOUNS = word_set("visitor_nouns")
CONTENT_NOUNS = word_set("content_nouns")
BOUNDARY_NOUNS = word_set("boundary_nouns")
VICINITY_NOUNS = word_set("vicinity_nouns")
PERPETRATION_VERBS = word_set("perpetration_verbs")
DEED_NOUNS = word_set("deed_nouns")
SPEAKER_ACT_VERBS = word_set("speaker_act_verbs")
CONDITIONS = word_set("conditions")
UPCOMING_PREPS = word_set("upcoming_preps")
HALTING_VERBS = word_set("halting_verbs")
GROUP_NOUNS = word_set("group_nouns")
QUANTITY_NOUNS = word_set("quantity_nouns")
INTENDED_OBJECT_VERBS = word_set("intended_object_verbs")
DELIBERATIVE_VERBS = word_set("deliberative_verbs")
UNDERGONE_NOUNS = word_set("undergone_nouns")
RAISING_WORDS = word_set("raising_words")
HEARSAY_VERBS = word_set("hearsay_verbs")
REPORTING_ADVERBS = word_set("reporting_adverbs")
UNCERTAIN_ADVERBS = word_set("uncertain_adverbs")
DOUBTING_VERBS = word_set("doubting_verbs")
UNSURE_PREDICATES = word_set("unsure_predicates")
CONFIRMING_VERBS = word_set("confirming_verbs")
ONE_SIDED_WORDS = word_set("one_sided_words")
ISSUE_NOUNS = word_set("issue_nouns")
SCOURGE_NOUNS = word_set("scourge_nouns")
SENDING_VERBS = word_set("sending_verbs")
HOLDING_VERBS = word_set("holding_verbs")
CAPTIVE_NOUNS = word_set("captive_nouns")
RELEASE_NOUNS = word_set("release_nouns")
CAPTOR_VERBS = word_set("captor_verbs")
AUTHORING_VERBS = word_set("authoring_verbs")
