"""Name resolution, dates and organisation names (no spaCy needed)."""

from kg.extract import dates, names, orgs


def test_honorifics_and_ranks_stripped():
    assert names.strip_titles("Mr. Ahmed Farooq") == ("Ahmed Farooq", "Mr.", None)
    name, hon, rank = names.strip_titles("Brig. Qasim Ali Raza")
    assert (name, rank) == ("Qasim Ali Raza", "Brigadier")
    assert names.canonical_person_label("H.E. Tariq Mehmood") == "Tariq Mehmood"
    assert names.canonical_person_label("Adm. Karim Baig") == "Karim Baig"


def test_glued_names_split_but_not_mc_names():
    assert names.canonical_person_label("FarhanQureshi") == "Farhan Qureshi"
    assert names.canonical_person_label("McAllister") == "McAllister"


def test_diacritics_folded_and_particles_spaced():
    assert names.canonical_person_label("Zoltán Kovács") == "Zoltan Kovacs"
    assert names.canonical_person_label("Zia-ul-Rahman") == "Zia ul Rahman"
    assert names.canonical_key("Zia-ul-Rahman") == names.canonical_key("Zia ul Rahman")


def test_transliteration_variants_merge():
    assert names.same_name("Zia-ul-Rahman", "Zia ul Rehman")
    assert names.same_name("Lee Jae-won", "Lee Jae Won")
    assert not names.same_name("Wang Lei", "Wang Yi")


def test_short_references_by_surname():
    assert names.refers_to("Qureshi", "Farhan Qureshi")
    assert not names.refers_to("Lopez", "Farhan Qureshi")


def test_office_titles_corrected():
    assert names.canonical_office("Vise Minister") == "Vice Minister"
    assert names.canonical_office("Third Secratary") == "Third Secretary"
    assert names.canonical_office("Counsellor& HOC") == "Counsellor and Head of Chancery"
    assert names.canonical_office("Vice Ministers") == "Vice Minister"


def test_award_variants():
    assert names.canonical_award("Sitara-e-Imtiaz") == "Sitara-i-Imtiaz"
    assert names.canonical_award("Nishan-I-Pakistan") == "Nishan-i-Pakistan"


def test_relative_and_explicit_dates():
    assert dates.resolve_weekday("Tuesday", "2024-03-14") == "2024-03-12"  # a Thursday
    assert dates.resolve_weekday("Thursday", "2024-03-14") == "2024-03-14"  # same day counts
    assert dates.resolve_weekday("Friday", None) is None
    assert dates.find_date("met on Thursday the 7th March, 2024 in Rome", None) == "2024-03-07"
    assert dates.find_date("talks held on Monday", "2024-03-14") == "2024-03-11"
    assert dates.find_date("ROME, March 9 (Agency)", "2024-03-10") == "2024-03-09"
    # a bare weekday used as an adverb, never one that starts a name; today and yesterday
    assert dates.find_date("President Mensah Wednesday conferred the order", "2024-03-14") == "2024-03-13"
    assert dates.find_date("Foreign Minister Monday Kumba said", "2024-03-14") is None
    assert dates.find_date("presented credentials this morning", "2024-03-14") == "2024-03-14"
    assert dates.find_date("arrived yesterday for talks", "2024-03-14") == "2024-03-13"
    assert dates.find_date("in today's world", "2024-03-14") is None
    assert dates.find_date("arrived yesterday", None) is None


def test_acronyms_defined_once_and_reused():
    text = "the Workers Party of Ruritania (WPR) sent a team. Later the WPR Central Committee met."
    acr = orgs.find_acronyms(text)
    assert acr["WPR"] == "Workers Party of Ruritania"
    assert orgs.canonical_org("WPR Central Committee", acr) == "Central Committee of the Workers Party of Ruritania"
    assert orgs.parent_of("Central Committee of the Workers Party of Ruritania", acr) == "Workers Party of Ruritania"


def test_org_names_canonical():
    assert orgs.canonical_org("Italy's Ministry of Foreign Affairs") == "Ministry of Foreign Affairs of Italy"
    assert orgs.canonical_org("Kenya's embassy in Japan") == "Embassy of Kenya in Japan"
    assert orgs.org_kind("Labour Party of Ruritania") == "PoliticalParty"
