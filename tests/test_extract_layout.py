"""Reports as received: headline, dateline and stamps, title-case headlines, diacritics, odd repetitions.
Every text here is invented for the test."""

import time

from kg.extract import layout, mentions, names
from kg.extract.nlp import load

from extract_support import facts, run


def test_dateline_forms():
    assert layout.dateline("Envoy meets minister\n\nISLAMABAD, Oct 5, 2019 (APP): The minister").city == "ISLAMABAD"
    assert layout.dateline("Head\nTHIMPHU, Mar. 3 (Kuensel) -- The king").date is None
    line = layout.dateline("Head\n\nLusaka: The president received")
    assert line.city == "Lusaka" and "Lusaka: The president"[line.end - line.start:].startswith("The")
    # a country opening a sentence of the body is not a dateline, nor is the headline itself
    assert layout.dateline("Head\nZambia: a new envoy arrives") is None
    assert layout.dateline("Zambia: A new envoy arrives\nbody") is None


def test_document_date_from_dateline_or_stamp():
    assert layout.document_date("Head\nLIMA, 4 May 2021 - The envoy") == "2021-05-04"
    assert layout.document_date("Head\nPublished: March 9, 2018\nThe envoy met") == "2018-03-09"
    assert layout.document_date("Head\nbody\nFirst Published: Jul 02 2016 | 10:28 PM IST") == "2016-07-02"
    assert layout.document_date("Head\nThe envoy met the minister on Monday.") is None


def test_dateline_date_resolves_weekdays_when_metadata_has_none(tmp_path):
    text = ("Envoy calls on minister\n\nLUSAKA, 12 March 2021 (ZNA) - Ambassador of Norway Ola Berntsen called on "
            "Foreign Minister Mwila Chanda on Tuesday.")
    doc = run(tmp_path, text, published=None)
    meetings = facts(doc, "meeting")
    assert meetings and meetings[0]["date"] == "2021-03-09"


def test_line_breaks_and_dateline_start_sentences():
    nlp = load()
    text = "Envoys meet President\nTHIMPHU: The President met the envoy"
    starts = {s.start_char for s in nlp(text).sents}
    assert text.index("THIMPHU") in starts and text.index("The President") in starts


def test_title_case_headline_does_not_make_names(tmp_path):
    text = ("Halvorsen Pays Farewell Call On President\n\n"
            "Ambassador of Norway Kari Halvorsen paid a farewell call on President Amara Diallo on Monday.")
    doc = run(tmp_path, text)
    people = {label for label, e in doc.entities.items() if e.kind == "Person"}
    assert not any("Pays" in p or "Call" in p for p in people)
    assert "Kari Halvorsen" in people


def test_lexicon_ignores_diacritics():
    text = "The President conferred the Hilāl-i-Pakistan on Ambassador Jan Kowalski."
    found = mentions.find(load()(text), text)
    awards = [m for m in found if m.kind == "AWD"]
    assert awards and awards[0].value == "Hilal-i-Pakistan" and awards[0].surface == "Hilāl-i-Pakistan"
    assert names.fold_chars("Béla Ñuñez") == "Bela Nunez" and len(names.fold_chars("Hilāl")) == 5


def test_repeated_title_is_read_once_and_quickly():
    text = "Among them were Ambassador Ambassador Petar Ilievski of North Macedonia and others."
    started = time.monotonic()
    found = mentions.find(load()(text), text)
    assert time.monotonic() - started < 5
    assert any(m.kind == "PER" and m.surface == "Petar Ilievski" for m in found)


def test_hard_wrapped_text_is_read_across_its_wraps(tmp_path):
    body = ("President Maria Lopes of Cabo Verde has conferred the national honour of the\n"
            "Order of Amilcar Cabral on a Ghanaian, Prof. Kwame Boateng, the President of the\n"
            "West African Trade Bank, during a ceremony held at the presidential palace in\n"
            "Praia, the capital, which was witnessed by senior members of the government.\n"
            "The order is a state decoration awarded to nationals and foreigners for merit\n"
            "in strengthening friendship, cooperation and understanding between nations and\n"
            "for special service to the country and its people over many years of work.\n")
    # every wrap but the one after a full stop, which ends a sentence anyway
    assert len(layout.soft_breaks(body)) == 5 and layout.unwrap(body).rstrip("\n").count("\n") == 1
    assert len(layout.unwrap(body)) == len(body)
    doc = run(tmp_path, "Cabo Verde honours banker\n\n" + body)
    # quotes are the article's own characters, line breaks included
    assert any("\n" in f.evidence.quote for f in doc.facts)
    assert ("Maria Lopes", "President") in {(f["person"], f["office"]) for f in facts(doc, "holds_office")}


def test_short_lines_are_not_soft_wraps():
    text = "Envoys meet\nThe President met the envoy\nThe minister was present\nIt rained\nThey left\n"
    assert layout.soft_breaks(text) == set()


def test_a_datelines_day_is_what_today_means_and_here_is_its_city(tmp_path):
    # published the day after the dateline's day; a bracketed outlet needs no separator after it
    assert layout.dateline("Head\nQuito, Mar.4 (EFE) Peruvian Minister X met").day == "Mar.4"
    text = ("Ministers meet\n\nQuito, Mar.4 (EFE) Peruvian Foreign Minister Rosa Quispe Layme today held a "
            "meeting here with Ecuadorian Foreign Minister Jorge Andrade Vela.")
    meetings = facts(run(tmp_path, text, published="2024-03-05"), "meeting")
    assert [(m["date"], m.get("place")) for m in meetings] == [("2024-03-04", "Quito")]


def test_meetings_told_after_a_series_held_at_a_venue_are_there_not_in_a_city_naming_a_conference(tmp_path):
    text = ("Premier's meetings\n\nNNA - Prime Minister Karim Haddad on Monday held a series of diplomatic meetings at "
            "the Grand Serail.\n\nHaddad met with the Ambassador of Sweden to Lebanon, Eva Lind, who briefed him on "
            "the preparations for the Brussels conference.\n\nHaddad then received Information Minister Omar Fares.")
    places = {tuple(sorted(m["participants"])): m.get("place") for m in facts(run(tmp_path, text), "meeting")}
    assert places == {("Eva Lind", "Karim Haddad"): "Grand Serail", ("Karim Haddad", "Omar Fares"): "Grand Serail"}
