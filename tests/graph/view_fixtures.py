"""Small stores for the viewer tests: real triples, hostile text, dates, outlets, URLs."""

from __future__ import annotations

from typing import Any

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.store import DocumentRecord, GraphStore

XSS_NAME = '<img src=x onerror="window.__pwned=1;alert(1)">'
XSS_ALIAS = "</script><script>window.__pwned=2;alert(2)</script>"
XSS_SENTENCE = ("<img src=x onerror=alert(3)> threatened the UN </script><script>alert(4)"
                "</script> <!-- \u2028\u2029 & &amp; <svg onload=alert(5)>")
XSS_TITLE = "<script>alert('title')</script>"


def _actor(id_: str, name: str, type_: str, text: str | None = None, **kw: Any) -> ActorRef:
    return ActorRef(id=id_, name=name, text=text or name, type=type_, **kw)


KERRY = _actor("person:john_kerry", "John Kerry", "PERSON", "Kerry", country="USA",
               role="Secretary of State")
LAVROV = _actor("person:sergei_lavrov", "Sergei Lavrov", "PERSON", "Lavrov", country="RUS",
                role="Foreign Minister")
SYRIA = _actor("country:syr", "Syria", "COUNTRY", country="SYR")
ISIS = _actor("armed:isis", "Islamic State", "ARMED_GROUP", "ISIS")
UN = _actor("igo:un", "United Nations", "IGO", "UN")
HOSTILE = _actor("org:hostile", XSS_NAME, "ORGANIZATION", XSS_ALIAS)
NOBODY = _actor("party:nobody", "Quiet Party", "PARTY")


def _t(doc: str, subj: ActorRef, rel: str, obj: ActorRef, plover: str, quad: str,
       sentence: str, **kw: Any) -> Triple:
    # The act's date as extraction gives it when the sentence has none: the document's.
    kw.setdefault("date", {"d1": "2016-03-01", "d2": "2016-04-02"}.get(doc))
    kw.setdefault("date_source", "document")
    return Triple(doc=doc, sentence=sentence, start=0, end=len(sentence), subject=subj,
                  relation=rel, object=obj, plover=plover, quad=quad, trigger="x", **kw)


def small_store() -> GraphStore:
    """Seven actors, ten relations: two negated/hedged, one actor only in a hedged one."""
    s = GraphStore()
    s.add_document(DocumentRecord("d1", "h1", title="Kerry and Lavrov meet", source="Reuters",
                                  url="https://example.org/kerry?a=1&b=<2>",
                                  date="2016-03-01"), [
        _t("d1", KERRY, "MEETS", LAVROV, "CONSULT", "VERBAL_COOPERATION",
           "Kerry met Lavrov in Moscow."),
        _t("d1", KERRY, "MEETS", LAVROV, "CONSULT", "VERBAL_COOPERATION",
           "Kerry met Lavrov again on Tuesday."),
        _t("d1", LAVROV, "NEGOTIATES", KERRY, "CONSULT", "VERBAL_COOPERATION",
           "Lavrov held talks with Kerry."),
        _t("d1", SYRIA, "ATTACKS", ISIS, "ASSAULT", "MATERIAL_CONFLICT",
           "Syrian forces attacked ISIS near Palmyra."),
        _t("d1", KERRY, "ACCUSES", SYRIA, "ACCUSE", "VERBAL_CONFLICT",
           "Kerry accused Syria of violating the truce."),
    ])
    s.add_document(DocumentRecord("d2", "h2", title=XSS_TITLE, date="2016-04-02",
                                  source="<b>Outlet</b>", url="javascript:alert(6)"), [
        _t("d2", UN, "AIDS", SYRIA, "AID", "MATERIAL_COOPERATION", "The UN sent aid to Syria."),
        _t("d2", HOSTILE, "THREATENS", UN, "THREATEN", "VERBAL_CONFLICT", XSS_SENTENCE),
        _t("d2", KERRY, "ATTACKS", ISIS, "ASSAULT", "MATERIAL_CONFLICT",
           "Kerry did not attack ISIS.", negated=True),
        _t("d2", NOBODY, "SANCTIONS", SYRIA, "SANCTION", "MATERIAL_CONFLICT",
           "The party might sanction Syria.", modality="hypothetical"),
        _t("d2", ISIS, "ATTACKS", SYRIA, "ASSAULT", "MATERIAL_CONFLICT",
           "ISIS attacked Syrian troops."),
        _t("d2", LAVROV, "SUPPORTS", SYRIA, "SUPPORT", "VERBAL_COOPERATION",
           "Lavrov backed the Syrian government."),
    ])
    return s



OUTLETS = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "DW", "RFI"]


def syndicated_store() -> GraphStore:
    """Kerry meets Lavrov in 12 documents: one wire sentence copied by seven outlets, and
    eleven other sentences, dated over three months (evidence paging and collapsing)."""
    s = GraphStore()
    wire = "Kerry met Lavrov in Geneva on Friday."
    for i in range(12):
        month = 1 + i // 4
        doc = f"w{i}"
        sentence = wire if i < 7 else f"Kerry met Lavrov for talks, round {i}."
        outlet = OUTLETS[i % len(OUTLETS)]
        slug = outlet.lower().replace(" ", "-")
        s.add_document(DocumentRecord(doc, f"hw{i}", title=f"Talks {i}",
                                      date=f"2016-0{month}-{10 + i:02d}", source=outlet,
                                      url=f"https://news.example/{slug}/{i}"), [
            Triple(doc=doc, sentence=sentence, start=0, end=len(sentence), subject=KERRY,
                   relation="MEETS", object=LAVROV, plover="CONSULT",
                   quad="VERBAL_COOPERATION", trigger="met",
                   date=f"2016-0{month}-{10 + i:02d}", date_source="document")])
    return s
