"""Offices and events stated in lists, as real reports write them: coordinated titles, titles in brackets, a
plural title over its holders, groups sworn in and named after, oath-taking, signings set off by commas,
farewells, post-nominal letters and formal country names. The texts are written here, in the genre's shapes."""

from extract_support import facts, run


def _offices(doc):
    return {(f["person"], f["office"], f.get("country")) for f in facts(doc, "holds_office")}


def test_coordinated_titles_each_go_to_the_holder_with_the_first_ones_country(tmp_path):
    text = ("Talks in Astana\n\nKazakh Deputy Prime Minister and Foreign Minister Daniyar Omarov met Moldovan "
            "envoy Ion Rusu on Monday.\n\nThe visit was arranged by Ana Popescu, Minister for Employment and "
            "Minister for Culture.")
    offices = _offices(run(tmp_path, text))
    assert ("Daniyar Omarov", "Deputy Prime Minister", "Kazakhstan") in offices
    assert ("Daniyar Omarov", "Foreign Minister", "Kazakhstan") in offices
    held = {o for p, o, _ in offices if p == "Ana Popescu"}
    assert {"Minister for Employment", "Minister for Culture"} <= held


def test_titles_in_brackets_and_a_plural_title_over_its_holders(tmp_path):
    text = ("Envoys sworn in\n\nPresident Kofi Boateng on Tuesday swore in three new ambassadors at the Jubilee "
            "House in Accra. The new envoys include Esi Mensah Owusu (Ambassador to Austria), Kwame Adjei "
            "Darko (Ambassador to Senegal) and Dr Yaw Ofori Asante (Ambassador to Spain).\n\nEarlier, the "
            "President received incoming ambassadors Lena Vogt of Germany and Omar Haddad of Jordan.")
    doc = run(tmp_path, text)
    offices = _offices(doc)
    for person, post in (("Esi Mensah Owusu", "Ambassador to Austria"), ("Kwame Adjei Darko", "Ambassador to Senegal"),
                         ("Yaw Ofori Asante", "Ambassador to Spain")):
        assert (person, post, "Ghana") in offices  # envoys sworn in at home are the host's
    countries = {p: c for p, o, c in offices if o.startswith("Ambassador")}
    assert countries["Lena Vogt"] == "Germany" and countries["Omar Haddad"] == "Jordan"
    attended = {a["person"] for a in facts(doc, "attended")}
    # the group sworn in, named in the next sentence, and its swearer attend the swearing-in
    assert {"Kofi Boateng", "Esi Mensah Owusu", "Kwame Adjei Darko", "Yaw Ofori Asante"} <= attended


def test_ministers_who_took_oath_attend_an_oath_taking(tmp_path):
    text = ("New cabinet\n\nBy law the ministers take oath before parliament. Foreign Minister Emre Kaya, "
            "Defence Minister Selim Aydin and Justice Minister Deniz Arslan were among the ministers who took "
            "oath.\n\nTrade Minister Murat Celik and Energy Minister Kerem Ozturk were also sworn in.")
    attended = {a["person"]: a["event"] for a in facts(run(tmp_path, text), "attended")}
    assert {"Emre Kaya", "Selim Aydin", "Deniz Arslan", "Murat Celik", "Kerem Ozturk"} <= set(attended)
    # the event is called what the report calls it
    assert attended["Emre Kaya"].startswith("Oath-taking")


def test_a_signing_whose_subject_is_set_off_by_commas(tmp_path):
    text = ("Two memoranda signed\n\nThe first MoU, on fisheries cooperation, was signed by Fisheries Minister "
            "Sione Taufa and Ambassador Li Wen. The second MoU, on scholarships, was signed by Education Minister "
            "Mele Fifita and Ambassador Li Wen.")
    signed = {(f["person"], f["document"]) for f in facts(run(tmp_path, text), "signed")}
    assert ("Sione Taufa", "MoU on fisheries cooperation") in {(p, d.replace(",", "")) for p, d in signed}
    assert ("Mele Fifita", "MoU on scholarships") in {(p, d.replace(",", "")) for p, d in signed}


def test_a_farewell_and_a_meeting_told_through_during(tmp_path):
    text = ("Farewell\n\nThe Minister of Foreign Affairs, Grace Ansah, has bid the outgoing Ambassador of Norway, "
            "Erik Lund, farewell. During the meeting with the Ambassador of Portugal Mr Paul Marin, President "
            "Samuel Quaye said relations were strong.")
    meetings = [sorted(m["participants"]) for m in facts(run(tmp_path, text), "meeting")]
    assert ["Erik Lund", "Grace Ansah"] in meetings
    assert ["Paul Marin", "Samuel Quaye"] in meetings


def test_post_nominal_letters_and_formal_country_names(tmp_path):
    text = ("Ministry sworn in\n\nAt Government House, the Governor-General issued the Oaths of Office to the "
            "newly appointed Ministers: Senator the Honourable Mark Ellis QC, Attorney-General; the Honourable "
            "Jane Holt MP, Minister for Defence.\n\nThe Republic of Türkiye sent its congratulations.")
    doc = run(tmp_path, text)
    people = {f["person"] for f in facts(doc, "holds_office")}
    assert {"Mark Ellis", "Jane Holt"} <= people  # no "QC", no "MP"
    assert {"Mark Ellis", "Jane Holt"} <= {a["person"] for a in facts(doc, "attended")}
    turkey = doc.entities.get("Turkey")
    assert turkey is not None and "Türkiye" in turkey.aliases


def test_ministers_listed_one_a_line_as_their_portfolios_after_a_hyphenated_sworn_in(tmp_path):
    # long bullet lines without final stops are list items, not a hard-wrapped paragraph
    text = ("New cabinet members\n\nLILONGWE, Friday: President Amos Banda has appointed five new ministers to his "
            "cabinet. The ministers were sworn-in at State House late yesterday afternoon.\n\nThe ministers are;\n"
            "- Grace Chirwa Mbewe as Minister for Police, National Security and Correctional Services\n"
            "- Peter Kalua as Minister for Lands, Housing and Survey\n"
            "- Ruth Nyirenda as Minister for Mines, Energy and Rural Electrification\n"
            "- Samuel Phiri as Minister for Agriculture and Livestock Development\n"
            "- Esther Gondwe as Minister for Women, Youth, Children and Family Affairs\n")
    doc = run(tmp_path, text)
    got = _offices(doc)
    assert ("Grace Chirwa Mbewe", "Minister for Police, National Security and Correctional Services", "Malawi") in got
    assert ("Esther Gondwe", "Minister for Women, Youth, Children and Family Affairs", "Malawi") in got
    attendees = {f["person"] for f in facts(doc, "attended")}
    assert {"Grace Chirwa Mbewe", "Peter Kalua", "Ruth Nyirenda", "Samuel Phiri", "Esther Gondwe"} <= attendees


def test_a_capitalised_letter_of_credence(tmp_path):
    text = ("New envoy\n\nThe new Chilean Ambassador to Fiji, Pablo Rojas Vidal, on Thursday presented his Letter "
            "of Credence to President Isoa Vakarewa at State House in Suva.")
    got = [(f["envoy"], f["to"]) for f in facts(run(tmp_path, text), "credentials_presented")]
    assert got == [("Pablo Rojas Vidal", "Isoa Vakarewa")]


def test_credentials_followed_by_talks_are_also_a_meeting_and_a_bare_ceremony_is_not(tmp_path):
    talked = ("New envoy\n\nThe new Chilean Ambassador to Fiji, Pablo Rojas Vidal, on Thursday presented his Letter "
              "of Credence to President Isoa Vakarewa at State House in Suva. During the meeting, the two discussed "
              "trade and climate finance.")
    assert [sorted(m["participants"]) for m in facts(run(tmp_path, talked), "meeting")] == [["Isoa Vakarewa", "Pablo Rojas Vidal"]]
    bare = talked.split(" During")[0]
    assert facts(run(tmp_path, bare), "meeting") == []


def test_a_document_between_two_states_signed_by_people_who_went_on_to_sign_it(tmp_path):
    text = ("Agreements\n\nROME, Feb. 4: Foreign Minister Ana Costa and Foreign Minister Rui Lopes went on to sign an "
            "agreement between the Republic of Angola and the Portuguese Republic on visa exemption for diplomats.")
    got = {(f["person"], f["document"]) for f in facts(run(tmp_path, text), "signed")}
    doc = "Agreement between the Republic of Angola and the Portuguese Republic on visa exemption for diplomats"
    assert got == {("Ana Costa", doc), ("Rui Lopes", doc)}
