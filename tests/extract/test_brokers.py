"""Brokers (extract/relations/brokers.py) with the real spaCy model: whoever mediates
between two sides negotiates with each, one way (CAMEO 045)."""

import pytest


def pairs(extractor, text):
    return {(t.subject.name, t.relation, t.object.name) for t in extractor.extract_text(text)}


@pytest.mark.parametrize("text, broker, sides", [
    # after "by", on a passive or a participle
    ("A ceasefire between Israel and Hamas was brokered by Qatar.", "Qatar",
     {"Israel", "Hamas"}),
    ("Talks between Armenia and Azerbaijan were mediated by the European Union.",
     "European Union", {"Armenia", "Azerbaijan"}),
    ("Israel and Hamas agreed to a truce brokered by Egypt.", "Egypt", {"Israel", "Hamas"}),
    ("Saudi Arabia and Iran agreed to restore diplomatic relations in a deal brokered by "
     "China.", "China", {"Saudi Arabia", "Iran"}),
    # an active verb of securing or negotiating a deal between two others
    ("Qatar and Egypt were working to secure a ceasefire between Israel and Hamas.", "Qatar",
     {"Israel", "Hamas"}),
    # named by a noun of mediation
    ("Israel and Hamas agreed to a truce under Egyptian mediation.", "Egypt",
     {"Israel", "Hamas"}),
    ("Oman has been acting as a mediator between Iran and the United States.", "Oman",
     {"Iran", "United States"}),
    ("Sudan's army and the RSF signed a deal under the auspices of the African Union.",
     "African Union", {"Sudan military", "Rapid Support Forces"}),
])
def test_a_broker_negotiates_with_each_side(extractor, text, broker, sides):
    got = pairs(extractor, text)
    assert {(broker, "NEGOTIATES", s) for s in sides} <= got
    assert not any(s in sides and r == "NEGOTIATES" and o == broker for s, r, o in got)


@pytest.mark.parametrize("text", [
    "The meeting was hosted by Qatar.",               # no sides named
    "The Norwegian mediator met Colombia's president.",  # a mediator meeting one side
])
def test_no_sides_no_brokering(extractor, text):
    got = pairs(extractor, text)
    assert not [p for p in got if p[1] == "NEGOTIATES"]


@pytest.mark.parametrize("text, brokers", [
    ("Israel and Hamas agreed to a truce brokered by Qatar and Egypt.", {"Qatar", "Egypt"}),
    ("The Sudanese army and the Rapid Support Forces agreed to a seven-day ceasefire "
     "brokered by Saudi Arabia and the United States.", {"Saudi Arabia", "United States"}),
])
def test_co_brokers_do_not_negotiate_with_each_other(extractor, text, brokers):
    # a one-way trigger ("broker ceasefire between") reads no reciprocal act
    got = pairs(extractor, text)
    assert not [p for p in got if {p[0], p[2]} <= brokers]
