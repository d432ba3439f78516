"""Constructions of real reports that the rules read: companions and attendance at the event a report tells,
meetings told with a pronoun or through a delegation's leader, whose country a title has when a sentence names
several, composed titles, earlier award recipients, and names cut short by a sentence split. The texts are
written here, in the genre's shapes."""

from extract_support import facts, run


def test_companions_attend_the_call_and_do_not_replace_the_caller(tmp_path):
    text = ("Farewell call\n\nOutgoing Ambassador of Norland, Ms Elin Varga accompanied by Counsellor Mr Tomas Brenn "
            "called on Prime Minister Ravi Menon at his residence in Kandy this morning.\n\nSecretary to the Prime "
            "Minister Anil Perera was also present during the meeting.")
    doc = run(tmp_path, text)
    meetings = [sorted(m["participants"]) for m in facts(doc, "meeting")]
    assert ["Elin Varga", "Ravi Menon"] in meetings
    assert ["Ravi Menon", "Tomas Brenn"] not in meetings
    attended = {a["person"]: a["event"] for a in facts(doc, "attended")}
    assert {"Tomas Brenn", "Anil Perera"} <= set(attended)
    assert "Elin Varga" in attended["Anil Perera"] and "Ravi Menon" in attended["Anil Perera"]
    offices = {(f["person"], f["office"]) for f in facts(doc, "holds_office")}
    # "Secretary to the Prime Minister" is one office; its holder is not a prime minister
    assert ("Anil Perera", "Secretary to the Prime Minister") in offices
    assert ("Anil Perera", "Prime Minister") not in offices
    # the country an envoy is "of" is not where the report is: the prime minister is not Norland's
    assert not any(f["person"] == "Ravi Menon" and f.get("country") == "Norland" for f in facts(doc, "holds_office"))


def test_attendance_at_a_credentials_ceremony_named_only_as_the_ceremony(tmp_path):
    text = ("New envoy\n\nHigh Commissioner Ayla Demir on Tuesday presented a copy of her credentials to Foreign "
            "Minister Joseph Mensah at the Ministry.\n\nThe ceremony was attended by Chief of Protocol Kofi Asare "
            "and Military Secretary Brigadier Ama Owusu.")
    doc = run(tmp_path, text, published="2024-03-14")
    cred = facts(doc, "credentials_presented")
    assert cred and cred[0]["envoy"] == "Ayla Demir" and cred[0]["to"] == "Joseph Mensah"
    attended = {a["person"]: a["event"] for a in facts(doc, "attended")}
    assert {"Kofi Asare", "Ama Owusu"} <= set(attended)
    assert all(event.startswith("Credentials ceremony") for event in attended.values())
    offices = {(f["person"], f["office"]) for f in facts(doc, "holds_office")}
    assert {("Kofi Asare", "Chief of Protocol"), ("Ama Owusu", "Military Secretary")} <= offices


def test_meetings_through_a_pronoun_a_delegation_and_a_counterpart(tmp_path):
    text = ("Party visit\n\nHANOI -- Dinh Van Long, head of the Commission for External Relations, led a "
            "delegation on a visit to Laos from Monday to Thursday.\n\nDuring the visit, Long met with Khamla "
            "Sisavath, general secretary of the People's Party.\n\nHe also held talks with Bounmy Vongsa, head "
            "of the party's external relations body.\n\nLater, Foreign Minister Anna Berg welcomed her Lao "
            "counterpart Phet Keomany, and Berg also met a delegation led by Chanh Inthavong.")
    doc = run(tmp_path, text)
    meetings = {tuple(sorted(m["participants"])): m for m in facts(doc, "meeting")}
    assert ("Dinh Van Long", "Khamla Sisavath") in meetings
    # "He" is the last subject person, not the last name written
    assert ("Bounmy Vongsa", "Dinh Van Long") in meetings
    assert meetings[("Dinh Van Long", "Khamla Sisavath")].get("place") == "Laos"  # where the visit went
    assert ("Anna Berg", "Phet Keomany") in meetings
    assert ("Anna Berg", "Chanh Inthavong") in meetings
    offices = {(f["person"], f.get("country")) for f in facts(doc, "holds_office") if f["office"] == "Foreign Minister"}
    # "her Lao counterpart": Laos is the counterpart's country, not the speaker's
    assert ("Anna Berg", "Laos") not in offices
    assert ("Phet Keomany", "Laos") in offices


def test_earlier_recipients_of_the_award(tmp_path):
    text = ("Order conferred\n\nPresident Amal Haddad conferred the Order of the Cedar on Ambassador Jonas Lind "
            "at the Presidential Palace on Monday.\n\nOther recipients of the Order of the Cedar include Maria "
            "Costa, Peter Wong and Lena Holm.")
    doc = run(tmp_path, text)
    recipients = {f["recipient"]: f for f in facts(doc, "award_conferral")}
    assert {"Jonas Lind", "Maria Costa", "Peter Wong", "Lena Holm"} <= set(recipients)
    # an earlier recipient was not decorated at this ceremony, by this president
    assert "conferred_by" not in recipients["Maria Costa"] and "date" not in recipients["Maria Costa"]
    assert recipients["Jonas Lind"].get("conferred_by") == "Amal Haddad"


def test_rank_words_compose_titles_and_honorific_fragments_are_not_people(tmp_path):
    text = ("Talks\n\nFirst Deputy Prime Minister Marko Ilic and Deputy Consul General Sara Lee held talks in "
            "Belgrade.\n\nThe agreement was signed by Kenya's Cabinet Secretary for Foreign Affairs Amb. "
            "Ruth Wanjiru and Đặng Minh Tuấn.")
    doc = run(tmp_path, text)
    offices = {(f["person"], f["office"]) for f in facts(doc, "holds_office")}
    assert ("Marko Ilic", "First Deputy Prime Minister") in offices
    assert ("Sara Lee", "Deputy Consul General") in offices
    people = {label for label, e in doc.entities.items() if e.kind == "Person"}
    assert not people & {"Amb", "Amb."}
    assert "Dang Minh Tuan" in people or "Đặng Minh Tuấn" in people  # no letter lost to folding
