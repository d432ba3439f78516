"""Rules on small synthetic sentences (written for these tests), and the facts-file round trip."""

from extract_support import facts, run


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
            "ambassador to Vietnam, on Monday. Portugal's Second Secratary Mr. LukasWeber also attended.")
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
    # descriptive references are kept apart from names (they are not exported as labels)
    assert "the admiral" in doc.entities["Karim Baig"].references
    assert "The president" in doc.entities["Tahir Siddiqui"].references
    assert "the admiral" not in doc.entities["Karim Baig"].aliases
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


# --- rules added for the seed's constructions, each on a sentence written for the test ----------------------

def test_titled_list_after_attended_by_with_ranks(tmp_path):
    text = ("Reception in Oslo\n\nA reception was held at the Grand Hotel in Oslo, on Monday the 4th March, 2024. "
            "The reception was also attended by the Norwegian Vise Minister Mr. Jonas Lie and from the Embassy of Kenya, "
            "Counsellor Mr. Peter Mwangi, Military Attache Col. Daniel Kiprop, First Secretary Ms. Faith Wanjiru.")
    doc = run(tmp_path, text)
    offices = {(f["person"], f["office"], f.get("organization")) for f in facts(doc, "holds_office")}
    embassy = "Embassy of Kenya"
    assert ("Peter Mwangi", "Counsellor", embassy) in offices
    assert ("Daniel Kiprop", "Military Attache", embassy) in offices  # rank-led name after a title
    assert ("Faith Wanjiru", "First Secretary", embassy) in offices
    assert ("Jonas Lie", "Vice Minister", None) in offices  # misspelt title corrected
    # an office with neither organisation nor country is too vague to be a post: never emitted
    assert all(f.get("organization") or f.get("country") for f in facts(doc, "holds_office"))
    assert doc.entities["Daniel Kiprop"].rank == "Colonel"
    [held] = facts(doc, "event_held")
    assert held["date"] == "2024-03-04" and held["place"] == "Grand Hotel"
    attended = {f["person"] for f in facts(doc, "attended") if f["event"] == held["event"]}
    assert {"Peter Mwangi", "Daniel Kiprop", "Faith Wanjiru"} <= attended


def test_office_attached_by_a_dash_with_a_remit(tmp_path):
    text = ("Masks donated\n\nIn this regard the work of Ms. AminaQureshi -ANP’s advisor on youth affairs "
            "with the help of the embassy is praised.")
    doc = run(tmp_path, text)
    [office] = facts(doc, "holds_office")
    assert office["person"] == "Amina Qureshi"
    assert office["office"] == "Adviser on Youth Affairs"
    assert office["organization"] == "Awami National Party" and office["country"] == "Pakistan"


def test_lower_case_title_after_demonym_and_who_is_also(tmp_path):
    text = ("Calls\n\nThe Kenyan President, Samuel Odhiambo, who is also Secretary-General of the Unity Party, "
            "spoke to the Italian foreign minister, Paolo Conti, on Friday.")
    doc = run(tmp_path, text)
    offices = {(f["person"], f["office"], f.get("country")) for f in facts(doc, "holds_office")}
    assert ("Paolo Conti", "Foreign Minister", "Italy") in offices
    assert ("Samuel Odhiambo", "President", "Kenya") in offices
    gs = [f for f in facts(doc, "holds_office") if f["office"] == "Secretary-General"]
    assert gs and gs[0]["organization"] == "Unity Party"


def test_quantities_with_number_words_scales_and_comparators(tmp_path):
    text = ("Party profile\n\nThe Labour Party of Nordland (LPN) has nearly 2.5 million members and works through "
            "nine (9) Bureaus. As a ruling party, leading a nation of 5.4 million people, the LPN keeps ties with "
            "more than 120 parties in over 70 countries. The LPN chairman heads a team of three Deputy Ministers, "
            "Mr. Olav Berg said in 2019 while visiting the four corners of the world with COVID 19 test kits.")
    doc = run(tmp_path, text)
    got = {(f["subject"], f["measure"], f["value"], f.get("comparator")) for f in facts(doc, "quantity")}
    party = "Labour Party of Nordland"
    assert (party, "members", 2500000, "about") in got
    assert (party, "bureaus", 9, None) in got
    assert (party, "parties", 120, "more than") in got
    assert (party, "countries", 70, "more than") in got
    assert (party, "deputy ministers", 3, None) in got
    # a year, a definite "the four", a number inside a name
    assert not any(v in (2019, 19) or m == "corners" for _, m, v, _ in got)
    # a counted plural title is not an office of the next name
    assert not [f for f in facts(doc, "holds_office") if f["person"] == "Olav Berg"]


def test_quantity_of_a_country_and_founded(tmp_path):
    text = ("Profile\n\nThe Social Party of Ruritania, which was established in 1962, leads a country of about "
            "8 million people. Founded in 1975, the Peace Council of Ruritania works with it. "
            "The Youth Department since 1980 has trained cadres.")
    doc = run(tmp_path, text)
    founded = {(f["organization"], f["date"]) for f in facts(doc, "founded")}
    assert ("Social Party of Ruritania", "1962") in founded
    assert ("Peace Council of Ruritania", "1975") in founded
    assert ("Youth Department", "1980") in founded


def test_descriptive_references_are_not_aliases(tmp_path):
    text = ("Award\n\nPresident Tahir Siddiqui conferred the Sitara-e-Imtiaz on Mr. Lin Hao at the Presidential "
            "Palace on Monday. The award recognises his work. The president thanked Lin.")
    doc = run(tmp_path, text)
    assert "The president" in doc.entities["Tahir Siddiqui"].references
    assert "The president" not in doc.entities["Tahir Siddiqui"].aliases
    assert "Lin" in doc.entities["Lin Hao"].aliases


# --- rules for the wider genre (coordination, counterparts, swearing-in, non-award ceremonies) ------------

def test_counterpart_signing_pair_and_same_day(tmp_path):
    text = ("Accord\n\nLISBON - Portuguese Foreign Minister Rui Tavares and his Moroccan counterpart Mr. Karim Idrissi "
            "signed a Memorandum of Understanding on fisheries cooperation in Lisbon on Tuesday. Later in the day, "
            "Tavares and Idrissi held talks. The signing ceremony was attended by Ms. Ines Cardoso.")
    doc = run(tmp_path, text)
    offices = {(f["person"], f["office"], f.get("country")) for f in facts(doc, "holds_office")}
    assert ("Karim Idrissi", "Foreign Minister", "Morocco") in offices  # office_counterpart
    signed = {(f["person"], f["document"], f["date"]) for f in facts(doc, "signed")}
    doc_label = "Memorandum of Understanding on fisheries cooperation"  # the trailing 'in' is not swallowed
    assert signed == {("Rui Tavares", doc_label, "2024-03-12"), ("Karim Idrissi", doc_label, "2024-03-12")}
    meeting = facts(doc, "meeting")
    assert {"Rui Tavares", "Karim Idrissi"} == set(meeting[0]["participants"])  # meeting_pair
    assert meeting[0]["date"] == "2024-03-12"  # "later in the day"
    assert [f["person"] for f in facts(doc, "attended")] == ["Ines Cardoso"]


def test_passive_signing_and_the_two_ministers(tmp_path):
    text = ("Deal\n\nAn agreement on rail transport was signed by Poland's Minister of State for Foreign Affairs "
            "Mr. Adam Nowak and Romanian Deputy Foreign Minister Ms. Elena Popescu in Warsaw. "
            "The two ministers met at the Belweder Palace, Warsaw.")
    doc = run(tmp_path, text)
    assert {f["person"] for f in facts(doc, "signed")} == {"Adam Nowak", "Elena Popescu"}  # signed_by
    offices = {(f["person"], f["office"]) for f in facts(doc, "holds_office")}
    assert ("Adam Nowak", "Minister of State for Foreign Affairs") in offices  # a portfolio in the title
    [meeting] = facts(doc, "meeting")  # meeting_the_two
    assert set(meeting["participants"]) == {"Adam Nowak", "Elena Popescu"}
    assert meeting["place"] == "Belweder Palace"
    assert {"place": "Belweder Palace", "in": "Warsaw"} in facts(doc, "located_in")  # located_in_comma


def test_credentials_by_two_envoys_and_was_present(tmp_path):
    text = ("Credentials\n\nACCRA - Ambassador-designate of Peru Mr. Jorge Salazar and High Commissioner-designate "
            "of Canada Ms. Emily Grant presented their letters of credence to President Kofi Mensah at the Jubilee "
            "House, Accra on Monday. Foreign Affairs Cabinet Secretary Ms. Ama Owusu was present at the ceremony.")
    doc = run(tmp_path, text)
    creds = {f["envoy"] for f in facts(doc, "credentials_presented")}  # credentials_list
    assert creds == {"Jorge Salazar", "Emily Grant"}
    offices = {(f["person"], f["office"], f.get("country")) for f in facts(doc, "holds_office")}
    assert ("Emily Grant", "High Commissioner-designate to Ghana", "Canada") in offices
    assert ("Jorge Salazar", "Ambassador-designate to Ghana", "Peru") in offices
    assert {f["person"] for f in facts(doc, "attended")} == {"Ama Owusu"}  # attended_present


def test_swearing_in_and_oath_to_a_list(tmp_path):
    text = ("Oath\n\nDAKAR - President Mr. Amadou Diallo swore in Ms. Awa Ndiaye as Minister of State for Trade at "
            "the Palace of the Republic. The president also administered the oath of office to two new ambassadors, "
            "Mr. Ibrahima Fall and Mr. Moussa Sow. Mr. Cheikh Ba attended the swearing-in ceremony.")
    doc = run(tmp_path, text)
    offices = {(f["person"], f["office"], f.get("country")) for f in facts(doc, "holds_office")}
    assert ("Awa Ndiaye", "Minister of State for Trade", "Senegal") in offices  # sworn_in
    assert ("Ibrahima Fall", "Ambassador", "Senegal") in offices  # oath_administered
    attended = {f["person"] for f in facts(doc, "attended")}  # attended_ceremony
    assert {"Amadou Diallo", "Awa Ndiaye", "Ibrahima Fall", "Moussa Sow", "Cheikh Ba"} <= attended


def test_award_presented_to_an_apposition_on_behalf_and_passive_on(tmp_path):
    text = ("Decoration\n\nMUSCAT - Oman's Minister of Foreign Affairs, Mr. Salim Al Harthy, on Sunday presented "
            "the Order of Oman to the outgoing Ambassador of Japan, Mr. Taro Ishida, on behalf of the Sultan of "
            "Oman. The decoration was handed over at the Ministry of Foreign Affairs in Muscat.")
    doc = run(tmp_path, text)
    [award] = facts(doc, "award_conferral")  # award_present_to, award_on_behalf, award_handed_at
    assert award["recipient"] == "Taro Ishida" and award["presented_by"] == "Salim Al Harthy"
    assert award["conferred_by"] == award["on_behalf_of"] == "Sultan of Oman"
    assert award["date"] == "2024-03-10" and award["place"] == "Ministry of Foreign Affairs"
    assert {"place": "Ministry of Foreign Affairs", "in": "Muscat"} in facts(doc, "located_in")  # located_in_body
    text = ("Honour\n\nThe Spanish Ambassador to Chile, Ms. Lucia Moreno, presented the insignia of the Légion "
            "d'honneur to Mr. Pablo Rojas on 2 March 2024. The distinction was conferred on Mr. Rojas by the "
            "President of the French Republic. Among those present were Ms. Carla Vidal and Mr. Tomas Lagos.")
    doc = run(tmp_path, text)
    [award] = facts(doc, "award_conferral")  # award_passive_on
    assert award["award"] == "Legion of Honour" and award["conferred_by"] == "President of France"
    assert award["presented_by"] == "Lucia Moreno"
    assert {"Carla Vidal", "Tomas Lagos"} <= {f["person"] for f in facts(doc, "attended")}  # attended_among_present


def test_received_served_as_and_apposition_with_copula(tmp_path):
    text = ("Visit\n\nPrime Minister Mr. Hamid Karimi on Monday received the visiting Special Envoy for the Great "
            "Lakes, Ms. Sofia Lind, in Kigali. Mr. Paul Mugisha, a veteran diplomat, previously served as Rwanda's "
            "Ambassador to Uganda and as Deputy Head of Mission in London.")
    doc = run(tmp_path, text)
    assert set(facts(doc, "meeting")[0]["participants"]) == {"Hamid Karimi", "Sofia Lind"}  # meeting_received
    offices = {(f["person"], f["office"]) for f in facts(doc, "holds_office")}
    assert ("Paul Mugisha", "Ambassador to Uganda") in offices  # office_copula_apposition
    assert ("Paul Mugisha", "Deputy Head of Mission") in offices  # office_served_and_as


def test_credentials_received_from_a_list(tmp_path):
    from extract_support import facts, run

    text = ("Envoys present credentials\n\nNAIROBI: During a brief ceremony at State House, President Amani Njoroge "
            "received credentials from incoming ambassadors Lars Holm of Denmark, Ana Ruiz of Chile and Tomas Berg of "
            "Sweden this morning.")
    creds = facts(run(tmp_path, text), "credentials_presented")
    assert {(c["envoy"], c["to"]) for c in creds} == {(p, "Amani Njoroge") for p in ("Lars Holm", "Ana Ruiz", "Tomas Berg")}
    assert all(c.get("date") == "2024-03-14" and c.get("place") == "State House" for c in creds)
