"""Rules on small synthetic sentences (written for these tests), and the facts-file round trip."""

from pathlib import Path

import pytest

from kg.articles import Article
from kg.extract import extract_article
from kg.facts import dump_facts, load_facts


def run(tmp_path, text, published="2024-03-14"):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = Article(path, text, {"published": published} if published else {})
    doc = extract_article(article)
    # every extraction must survive the loader
    out = tmp_path / "a.facts.yaml"
    out.write_text(dump_facts(doc), encoding="utf-8")
    loaded = load_facts(out, article)
    for f in loaded.facts:
        assert text[f.evidence.begin:f.evidence.end] == f.evidence.quote
    return doc


def facts(doc, ftype):
    return [f.args for f in doc.facts if f.type == ftype]


def test_award_conferral_with_behalf_and_relative_date(tmp_path):
    text = ("Envoy honoured\n\nROME - Italy's Ambassador to Kenya, Marco Bellini, was decorated with the "
            "Sitara-e-Imtiaz on Tuesday. Kenya's Ambassador Mr. Joseph Otieno, on behalf of the President of Kenya, "
            "conferred the award on him at a ceremony held at the Presidential Palace in Nairobi.")
    doc = run(tmp_path, text)
    [award] = facts(doc, "award_conferral")
    assert award["award"] == "Sitara-i-Imtiaz"
    assert award["recipient"] == "Marco Bellini"
    assert award["presented_by"] == "Joseph Otieno"
    assert award["on_behalf_of"] == "President of Kenya"
    assert award["date"] == "2024-03-12"
    assert award["place"] == "Presidential Palace"
    assert {"person": "Joseph Otieno", "event": award["ceremony"]} in facts(doc, "attended")
    assert {"place": "Presidential Palace", "in": "Nairobi"} in facts(doc, "located_in")


def test_offices_titles_and_appositions(tmp_path):
    text = ("Talks in Hanoi\n\nMinister of Foreign Affairs Tran Van Minh met with Ana Pereira, the Portuguese "
            "ambassador to Vietnam, on Monday. Second Secratary Mr. LukasWeber also attended.")
    doc = run(tmp_path, text)
    offices = {(f["person"], f["office"]) for f in facts(doc, "holds_office")}
    assert ("Tran Van Minh", "Minister of Foreign Affairs") in offices
    assert ("Ana Pereira", "Ambassador to Vietnam") in offices
    assert ("Lukas Weber", "Second Secretary") in offices
    meeting = facts(doc, "meeting")[0]
    assert set(meeting["participants"]) == {"Tran Van Minh", "Ana Pereira"}
    assert meeting["date"] == "2024-03-11"
    assert "LukasWeber" in doc.entities["Lukas Weber"].aliases


def test_short_references_resolved(tmp_path):
    text = ("Farewell call\n\nISLAMABAD - Adm. Karim Baig, Pakistan's Chief of Naval Staff, called on President "
            "Tahir Siddiqui. The president praised the admiral. Siddiqui said ties were strong.")
    doc = run(tmp_path, text)
    assert {"person": "Tahir Siddiqui", "office": "President", "country": "Pakistan"} in facts(doc, "holds_office")
    assert set(facts(doc, "meeting")[0]["participants"]) == {"Karim Baig", "Tahir Siddiqui"}
    assert "the admiral" in doc.entities["Karim Baig"].aliases
    assert "The president" in doc.entities["Tahir Siddiqui"].aliases
    assert doc.entities["Karim Baig"].rank == "Admiral"


def test_credentials_and_delegations(tmp_path):
    text = ("Credentials\n\nOscar Lindqvist, the Swedish ambassador to Japan, presented his credentials to "
            "President Kenji Sato at the Imperial Palace on Friday.\n\n"
            "Separately, Hiroshi Tanaka received a delegation from the Social Party of Nordland in Tokyo on Friday. "
            "The delegation was led by Ingrid Holm.")
    doc = run(tmp_path, text)
    cred = facts(doc, "credentials_presented")
    assert cred and cred[0]["envoy"] == "Oscar Lindqvist"
    meetings = [set(m["participants"]) for m in facts(doc, "meeting")]
    assert {"Hiroshi Tanaka", "Ingrid Holm"} in meetings


def test_organisation_structure_and_acronyms(tmp_path):
    text = ("Party talks\n\nLena Vogel, Minister of the International Department of the Workers Party of "
            "Ruritania (WPR) Central Committee, met Omar Haddad. The WPR has over 2 million members.")
    doc = run(tmp_path, text)
    parts = {(f["organization"], f["parent"]) for f in facts(doc, "part_of")}
    assert ("International Department of the Central Committee of the Workers Party of Ruritania",
            "Central Committee of the Workers Party of Ruritania") in parts
    assert ("Central Committee of the Workers Party of Ruritania", "Workers Party of Ruritania") in parts
    assert "WPR" in doc.entities["Workers Party of Ruritania"].aliases


def test_no_entities_gives_valid_empty_doc(tmp_path):
    doc = run(tmp_path, "the weather was mild and nothing else happened today.\n")
    assert doc.facts == []
