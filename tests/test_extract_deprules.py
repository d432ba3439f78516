"""Dependency-parse rules (kg.extract.deprules) on small synthetic sentences written for these tests: roles come
from the trigger's own clause, and the date and place the clause states are filled."""

import pytest

from kg.extract.rules import DEP_RULES
from extract_support import facts, run


def test_dependency_rules_are_registry_rows():
    names = {r.name for r in DEP_RULES}
    assert {"dep_conferral", "dep_signing", "dep_meeting", "dep_credentials"} <= names
    from kg.extract.builders import BUILDERS
    assert all(r.build in BUILDERS for r in DEP_RULES)


def test_passive_conferral_agent_is_not_an_attendee(tmp_path):
    text = ("Envoy honoured\n\nLIMA - Ambassador of Chile to Peru Rosa Valdivia Soto was conferred with the Order of Merit "
            "by President Tomas Quispe Huaman at a ceremony at the Presidential Palace on Tuesday.\n\n"
            "Prime Minister Elena Paredes Rojas and senior officials were present.")
    doc = run(tmp_path, text)
    [award] = facts(doc, "award_conferral")
    assert award["recipient"] == "Rosa Valdivia Soto"
    assert award["conferred_by"] == "Tomas Quispe Huaman"
    assert award["presented_by"] == "Tomas Quispe Huaman"
    assert award["date"] == "2024-03-12" and award["place"] == "Presidential Palace"
    attendees = {f["person"] for f in facts(doc, "attended")}
    assert {"Rosa Valdivia Soto", "Tomas Quispe Huaman", "Elena Paredes Rojas"} <= attendees


def test_active_award_to_with_unheaded_venue(tmp_path):
    text = ("Order for a guest\n\nDOHA - Emir Sheikh Tamim Fahad Al Nuaimi awarded the Order of Merit to the visiting "
            "President of Ghana, Kwesi Appiah Mensah, at Lusail Diwan on Wednesday.")
    doc = run(tmp_path, text)
    [award] = facts(doc, "award_conferral")
    assert award["recipient"] == "Kwesi Appiah Mensah"
    assert award["conferred_by"] == award["presented_by"] == "Tamim Fahad Al Nuaimi"
    assert award["place"] == "Lusail Diwan" and award["date"] == "2024-03-13"


def test_called_on_with_place_and_date_of_the_clause(tmp_path):
    text = ("Courtesy calls\n\nACCRA - The new Ambassador of Egypt to Ghana, Omar Farouk Nabil, called on President "
            "Kojo Asamoah Ofori at his residence in Accra on Monday.\n\nOn Tuesday, Nabil paid a courtesy call on "
            "Foreign Minister Ama Serwah Boateng at the Foreign Office.")
    doc = run(tmp_path, text)
    meetings = {tuple(sorted(m["participants"])): m for m in facts(doc, "meeting")}
    first = meetings[("Kojo Asamoah Ofori", "Omar Farouk Nabil")]
    assert first["date"] == "2024-03-11" and first["place"] == "Accra"
    second = meetings[("Ama Serwah Boateng", "Omar Farouk Nabil")]
    assert second["date"] == "2024-03-12" and second["place"] == "Foreign Office"


def test_held_talks_with_named_venue(tmp_path):
    text = ("Talks\n\nHANOI - Foreign Minister Pham Quoc Dung held delegation-level talks with Indian Minister of "
            "External Affairs Rajiv Menon at the Government Guest House Lotus on Thursday.")
    doc = run(tmp_path, text)
    [meeting] = facts(doc, "meeting")
    assert sorted(meeting["participants"]) == ["Pham Quoc Dung", "Rajiv Menon"]
    assert meeting["date"] == "2024-03-14" and meeting["place"] == "Government Guest House Lotus"


def test_signatories_of_the_document_named_before(tmp_path):
    text = ("Deal\n\nDHAKA - Bangladesh and Japan on Wednesday signed a memorandum of understanding on river "
            "dredging. Foreign Secretary Nasrin Akter and Japanese Ambassador to Bangladesh Taro Ishikawa signed "
            "the document on behalf of their respective governments.")
    doc = run(tmp_path, text)
    signed = {f["person"]: f for f in facts(doc, "signed")}
    assert set(signed) == {"Nasrin Akter", "Taro Ishikawa"}
    assert all(f["document"].lower() == "memorandum of understanding on river dredging" for f in signed.values())
    assert all(f["date"] == "2024-03-13" for f in signed.values())


def test_passive_signing_and_witnesses(tmp_path):
    text = ("Tax treaty\n\nNAIROBI - President Daniel Mwangi Kariuki and Prime Minister Lars Eriksen witnessed the signing "
            "of an agreement on double taxation. The agreement was signed by Finance Minister Ruth Achieng Odhiambo and "
            "Norwegian Ambassador to Kenya Sigrid Holm.")
    doc = run(tmp_path, text)
    assert {f["person"] for f in facts(doc, "signed")} == {"Ruth Achieng Odhiambo", "Sigrid Holm"}
    assert {f["document"] for f in facts(doc, "signed")} == {"Agreement on double taxation"}
    assert {"Daniel Mwangi Kariuki", "Lars Eriksen"} <= {f["person"] for f in facts(doc, "attended")}


def test_credentials_place_is_the_venue_after_at(tmp_path):
    text = ("Credentials\n\nKATHMANDU - Danish Ambassador Mette Kjaer Larsen presented her credentials to President "
            "Hari Bahadur Karki at Sheetal Niwas on Sunday.")
    doc = run(tmp_path, text)
    [cred] = facts(doc, "credentials_presented")
    assert cred["to"] == "Hari Bahadur Karki" and cred["place"] == "Sheetal Niwas" and cred["date"] == "2024-03-10"


@pytest.mark.parametrize("sentence", [
    "The two sides discussed trade at the Foreign Office on Monday.",
    "Officials said they met at the Foreign Office on Monday.",
])
def test_no_meeting_without_named_participants(tmp_path, sentence):
    doc = run(tmp_path, "Note\n\n" + sentence)
    assert facts(doc, "meeting") == []
