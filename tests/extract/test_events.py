"""One-actor events: the Event record, how the extractor finds them (real spaCy model via
the session ``extractor`` fixture), the lemma fallback they rely on, and event coding."""

from __future__ import annotations

import json

import pytest

from actorgraph.extract.documents import Document
from actorgraph.extract.events import Event
from actorgraph.extract.lexicon import _base_forms, load_relations
from actorgraph.extract.triples import ActorRef

AKAYEV = "Ousted President Askar Akayev has agreed to resign."


def records(extractor, text, **doc):
    [(_doc, triples, events)] = list(
        extractor.extract_records([Document(id=doc.pop("id", "d"), text=text, **doc)])
    )
    return triples, events


def summary(events):
    return [(e.actor.name, e.relation, e.role, e.negated, e.modality) for e in events]


# --- the record ---------------------------------------------------------------------------


def make_event(**kw) -> Event:
    fields = dict(
        doc="d1", sentence="Syria did not accept the plan.", start=10, end=40,
        actor=ActorRef(id="country:SYR", name="Syria", text="Syria", type="COUNTRY",
                       country="SYR"),
        relation="AGREES_WITH", plover="AGREE", quad="VERBAL_COOPERATION", trigger="accept",
    )
    return Event(**{**fields, **kw})


def test_event_round_trips_through_json():
    basra = ActorRef(id="place:basra", name="Basra", text="Basra", type="GPE", country="IRQ")
    e = make_event(negated=True, modality="future", confidence=0.375, doc_title="T",
                   doc_date="2024-01-02", doc_hash="abc", role="target", place=basra)
    d = json.loads(json.dumps(e.to_dict()))
    assert d["kind"] == "event"
    assert d["actor"]["country"] == "SYR" and d["place"]["name"] == "Basra"
    assert "subject" not in d and "object" not in d  # not mistaken for a triple
    assert Event.from_dict(d) == e


def test_event_from_dict_defaults():
    d = make_event().to_dict()
    for key in ("negated", "modality", "confidence", "role", "place", "trigger"):
        del d[key]
    e = Event.from_dict(d)
    assert (e.negated, e.modality, e.confidence, e.role, e.place, e.trigger) == (
        False, "asserted", 0.5, "source", None, "")


@pytest.mark.parametrize("negated, modality, asserted, factuality", [
    (False, "asserted", True, "asserted"),
    (True, "asserted", False, "negated"),
    (True, "future", False, "negated"),  # negation wins over the modality
    (False, "hypothetical", False, "hypothetical"),
    (False, "reported", False, "reported"),
])
def test_event_asserted_and_factuality(negated, modality, asserted, factuality):
    e = make_event(negated=negated, modality=modality)
    assert (e.asserted, e.factuality) == (asserted, factuality)


# --- extraction ---------------------------------------------------------------------------


def test_agreed_to_resign_is_an_event_of_its_doer(extractor):
    triples, events = records(extractor, AKAYEV)
    assert triples == []
    # (The resignation agreed to is an intended event of its own.)
    [e] = [e for e in events if e.relation == "AGREES_WITH"]
    assert (e.actor.name, e.relation, e.plover, e.role, e.trigger) == (
        "Askar Akayev", "AGREES_WITH", "AGREE", "source", "agreed")
    assert e.asserted and e.factuality == "asserted"
    assert (e.doc, e.sentence, e.start, e.end) == ("d", AKAYEV, 0, len(AKAYEV))


def test_a_triple_act_gives_no_event(extractor):
    triples, events = records(extractor, "Kerry met Lavrov in Geneva.")
    assert {(t.subject.name, t.relation, t.object.name) for t in triples} >= {
        ("John Kerry", "MEETS", "Sergei Lavrov"), ("Sergei Lavrov", "MEETS", "John Kerry")}
    assert not [e for e in events if e.relation == "MEETS"]
    # CRITICIZES may stand alone ("Iran condemned the attack"), yet not when it has a target.
    triples, events = records(extractor, "Russia criticized the United States.")
    assert [(t.subject.name, t.relation, t.object.name) for t in triples] == [
        ("Russia", "CRITICIZES", "United States")]
    assert events == []


def test_the_other_act_of_a_triple_sentence_is_an_event(extractor):
    triples, events = records(
        extractor, "Russia condemned the United States and accepted the outcome.")
    assert [(t.subject.name, t.relation) for t in triples] == [("Russia", "CRITICIZES")]
    assert [(e.actor.name, e.relation, e.trigger) for e in events] == [
        ("Russia", "AGREES_WITH", "accepted")]


def test_one_event_per_actor_and_relation_in_a_sentence(extractor):
    _t, events = records(extractor, "Iran agreed to the plan and agreed to the proposal.")
    assert [(e.actor.name, e.relation) for e in events] == [("Iran", "AGREES_WITH")]
    # Per sentence, not per document.
    text = "Iran agreed to the plan. Iran agreed to the proposal."
    _t, events = records(extractor, text)
    assert [(e.relation, text[e.start:e.end]) for e in events] == [
        ("AGREES_WITH", "Iran agreed to the plan."),
        ("AGREES_WITH", "Iran agreed to the proposal.")]


@pytest.mark.parametrize("text, expected", [
    ("Syria did not accept the plan.", ("Syria", "AGREES_WITH", True, "asserted")),
    ("Turkey did not condemn the attack.", ("Turkey", "CRITICIZES", True, "asserted")),
    ("Turkey may condemn the attack.", ("Turkey", "CRITICIZES", False, "hypothetical")),
    ("Did Turkey condemn the attack?", ("Turkey", "CRITICIZES", False, "question")),
    ("If Iran agrees, the talks will continue.", ("Iran", "AGREES_WITH", False,
                                                  "hypothetical")),
])
def test_event_factuality(extractor, text, expected):
    _t, events = records(extractor, text)
    assert [(e.actor.name, e.relation, e.negated, e.modality) for e in events] == [expected]


def test_negation_in_a_reported_clause(extractor):
    _t, events = records(extractor, "Syria said it will not accept any more refugees.")
    [e] = events
    assert (e.actor.name, e.trigger, e.negated) == ("Syria", "accept", True)
    assert not e.asserted and e.factuality == "negated"


def test_negation_through_a_refusal(extractor):
    _t, events = records(extractor, "Iran refused to condemn the attack.")
    got = {(e.relation, e.trigger): (e.negated, e.modality) for e in events}
    assert got == {("REJECTS", "refused"): (False, "asserted"),
                   ("CRITICIZES", "condemn"): (True, "asserted")}


def test_noun_trigger_with_an_actor_modifier(extractor):
    triples, events = records(extractor, "Palestinian civil unrest spread.")
    assert triples == []
    [e] = events
    assert (e.actor.name, e.actor.country, e.relation, e.plover, e.trigger, e.role) == (
        "Palestine", "PSE", "PROTESTS_AGAINST", "PROTEST", "unrest", "source")
    _t, events = records(extractor, "Israeli protests spread as Palestinian unrest grew.")
    assert {(e.actor.country, e.relation, e.trigger) for e in events} == {
        ("ISR", "PROTESTS_AGAINST", "protests"), ("PSE", "PROTESTS_AGAINST", "unrest")}


def acts(extractor, text):
    """(actor, relation, trigger, negated) of every one-actor act, whether an event or a
    protest against the actor's own state (a triple whose target is implied)."""
    triples, events = records(extractor, text)
    return [(e.actor, e.relation, e.trigger, e.negated) for e in events] + [
        (t.subject, t.relation, t.trigger, t.negated) for t in triples
        if t.extras.get("target") == "implied"]


def test_a_verb_the_model_misreads_still_triggers_an_event(extractor):
    # The model lemmatizes "staged"/"staging" as "stag" (the pipeline mends it).
    text = "Kenyan students staged protests in Nairobi."
    assert [(a.country, r, trigger, neg) for a, r, trigger, neg in acts(extractor, text)] == [
        ("KEN", "PROTESTS_AGAINST", "staged protests", False)]
    text = "Kenyan students were staging protests."
    assert [(a.country, r) for a, r, _t, _n in acts(extractor, text)] == [
        ("KEN", "PROTESTS_AGAINST")]
    # With the right lemma the same act, negated.
    _t, events = records(extractor, "Iran did not stage protests.")
    assert [(e.actor.name, e.relation, e.negated) for e in events] == [
        ("Iran", "PROTESTS_AGAINST", True)]


@pytest.mark.parametrize("text, actor", [
    # "go" is a support verb: who goes on strike strikes
    ("Kenyan teachers went on strike over pay.", "Kenya civilians"),
    ("Palestinian prisoners went on hunger strike.", "Palestine civilians"),
])
def test_going_on_strike_is_a_protest(extractor, text, actor):
    assert (actor, "PROTESTS_AGAINST") in {(a.name, r) for a, r, _t, _n in acts(extractor, text)}


def test_offsets_and_document_metadata_of_a_segment(extractor):
    text = "Kerry met Lavrov in Geneva. Syria did not accept the plan."
    segment = Document(id="a#2", text=text, title="Talks", date="2024-05-01", part=2,
                       offset=1000, parent="a")
    triples, events = extractor.records_of(segment, extractor.nlp(text))
    whole_t, whole_e = extractor.records_of(Document(id="a", text=text), extractor.nlp(text))
    [e], [w] = events, whole_e
    assert (w.start, w.end) == (28, 58) and text[w.start:w.end] == w.sentence
    assert (e.start, e.end) == (1028, 1058)
    assert [(t.start, t.end) for t in triples] == [(t.start + 1000, t.end + 1000)
                                                   for t in whole_t]
    assert (e.doc, e.doc_title, e.doc_date, e.doc_hash) == ("a", "Talks", "2024-05-01",
                                                            segment.hash)
    assert extractor.triples_of(segment, extractor.nlp(text)) == triples


def test_extract_records_keeps_documents_in_order(extractor):
    docs = [Document(id="one", text=AKAYEV), Document(id="two", text="Kerry met Lavrov."),
            Document(id="three", text="The weather was fine.")]
    got = [(d.id, len(t), {e.doc for e in ev}) for d, t, ev in extractor.extract_records(docs)]
    assert got == [("one", 0, {"one"}), ("two", 2, set()), ("three", 0, set())]


def test_triple_only_extraction_gives_no_events(extractor):
    assert extractor.extract_text(AKAYEV) == []


# --- lexicon: the lemma fallback ----------------------------------------------------------


def test_verb_senses_falls_back_on_the_verb_form():
    vocab = load_relations()
    assert vocab.verb_senses("stag") == []
    senses = vocab.verb_senses("stag", "staged")
    assert senses == vocab.verb_senses("stage") != []
    assert {s.relation for s in senses} == {"PROTESTS_AGAINST"}
    assert {s.words for s in senses} >= {("protest",), ("demonstration",), ("strike",)}
    # A lemma with senses is not second-guessed by its form.
    assert vocab.verb_senses("agree", "staged") == vocab.verb_senses("agree")
    assert vocab.is_support_verb("stag", "staged")


@pytest.mark.parametrize("form, base", [
    ("carried", "carry"), ("stopped", "stop"), ("staging", "stage"), ("staged", "stage"),
    ("planning", "plan"), ("carries", "carry"), ("meets", "meet"), ("agreed", "agree"),
])
def test_base_forms(form, base):
    assert base in _base_forms(form)


def test_base_forms_of_carried_and_stopped():
    assert _base_forms("carried") == ["carry"]
    assert _base_forms("stopped")[-1] == "stop"
    assert _base_forms("staging")[0] == "stage"
    assert _base_forms("go") == []


# --- evaluation ---------------------------------------------------------------------------


def test_extractor_predictor_yields_events_coded_for_plover(extractor, monkeypatch):
    from actorgraph import evaluation as ev
    from actorgraph.extract import pipeline

    monkeypatch.setattr(pipeline, "Extractor", lambda config=None: extractor)
    predict = ev.extractor_predictor()
    preds = list(predict([("r1", "Syria did not accept the plan."),
                          ("r2", "Kerry met Lavrov.")]))
    events = [p for p in preds if p.get("kind") == "event"]
    assert [(p["doc"], p["relation"], p["negated"]) for p in events] == [
        ("r1", "AGREES_WITH", True)]
    assert {p["doc"] for p in preds if p.get("kind") != "event"} == {"r2"}
    # A refused cooperative act is coded REJECT, with the event's actor as source; the
    # sentence names no one else, so the act is domestic and Syria is its target too.
    assert ev.plover_event([p for p in preds if p["doc"] == "r1"]) == ("REJECT", {"SYR"},
                                                                       {"SYR"})


# --- domestic acts --------------------------------------------------------------------------


@pytest.mark.parametrize("text, domestic", [
    # Nothing beyond the actor's own country: the act is internal.
    ("Sudan's government lifted the nightly curfew on Sunday.", True),
    # A foreign country, an international body or a transnational group is named.
    ("Syria declared a ceasefire, Lebanon's President Elias Hrawi said.", False),
    ("Sudan's government lifted the nightly curfew, a UN envoy said.", False),
    ("Pakistani students staged demonstrations after al-Qaeda threats.", False),
])
def test_an_act_naming_no_one_beyond_its_country_is_domestic(extractor, text, domestic):
    _triples, events = records(extractor, text)
    mine = [e for e in events if e.actor.country]
    assert mine, text
    assert {e.domestic for e in mine} == {domestic}


def test_an_act_with_a_place_is_not_marked_domestic(extractor):
    # The place says where; "domestic" only speaks for acts the sentence does not place.
    # (a state's own protest: its target is not implied, as a group's at home is)
    _triples, events = records(extractor, "Egypt staged demonstrations in Cairo.")
    [e] = [e for e in events if e.relation == "PROTESTS_AGAINST"]
    assert e.place is not None and e.place.country == "EGY" and not e.domestic


def test_an_actor_without_a_country_is_never_domestic(extractor):
    # Nothing says whose Akmatov is (an invented name: people.toml knows Akayev), so
    # nothing says the act is internal to a country.
    _triples, events = records(extractor, "Akmatov has agreed to resign.")
    assert events and all(e.actor.country is None and not e.domestic for e in events)


@pytest.mark.parametrize("text, subject", [
    ("Egyptian demonstrators rioted on Friday.", "EGY"),
    ("Kenyan students staged protests in Nairobi.", "KEN"),
    ("Seven opposition parties in Nepal have organized a general strike.", "NPL"),
])
def test_a_group_protesting_at_home_protests_against_its_own_state(extractor, text, subject):
    # CAMEO and PLOVER code a protest that names no target against the protesters' own
    # country; the triple says its target is implied, not named.
    triples, events = records(extractor, text, id="text")
    assert [(t.subject.country, t.relation, t.object.id, t.extras) for t in triples] == [
        (subject, "PROTESTS_AGAINST", f"country:{subject}:GOV", {"target": "implied"})]
    assert not [e for e in events if e.relation == "PROTESTS_AGAINST"]
    # events or not, the same triple
    assert [t.to_dict() for t in extractor.extract_text(text)] == [
        t.to_dict() for t in triples]


@pytest.mark.parametrize("text", [
    "Iran protested.",  # a state's protest: at whom is unsaid
    "Egyptian students staged protests in Paris.",  # not at home
    "Egyptian students protested against the Israeli embassy.",  # a named target
])
def test_no_state_target_is_implied_for_a_protest_not_at_home(extractor, text):
    triples, _events = records(extractor, text)
    assert not [t for t in triples if t.extras.get("target") == "implied"]
