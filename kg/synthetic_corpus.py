"""A seeded, genre-shaped synthetic corpus for the build benchmarks: short diplomacy reports (headline,
dateline, award conferrals, calls, credentials, signings, offices) with varied names, titles, awards,
places and sentence shapes, written as .txt + .meta.yaml. The same seed and size give the same files."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

GIVEN = ("Amir", "Li", "Sara", "Wang", "Omar", "Elena", "Zhang", "Imran", "Maria", "Chen", "Ahmed", "Liu", "Fatima",
         "Hans", "Aiko", "Pedro", "Nadia", "Ivan", "Grace", "Tariq", "Kwame", "Ingrid", "Rahul", "Yuki", "Olga",
         "Mehmet", "Lucia", "Dmitri", "Amina", "Jorge", "Sunita", "Lars", "Farida", "Kenji", "Beatriz", "Nikolai")
FAMILY = ("Khan", "Wei", "Petrova", "Haque", "Song", "Garcia", "Malik", "Zhou", "Schmidt", "Tanaka", "Cheema",
          "Rossi", "Farooq", "Novak", "Yilmaz", "Sato", "Kasi", "Guo", "Dubois", "Okafor", "Mensah", "Lindqvist",
          "Sharma", "Ivanova", "Costa", "Hussain", "Kowalski", "Nakamura", "Almeida", "Orlov", "Banerjee", "Haddad")
COUNTRIES = (("Pakistan", "Islamabad", "Pakistani"), ("China", "Beijing", "Chinese"), ("France", "Paris", "French"),
             ("Japan", "Tokyo", "Japanese"), ("Kenya", "Nairobi", "Kenyan"), ("Brazil", "Brasilia", "Brazilian"),
             ("Germany", "Berlin", "German"), ("India", "New Delhi", "Indian"), ("Turkey", "Ankara", "Turkish"),
             ("Italy", "Rome", "Italian"), ("Egypt", "Cairo", "Egyptian"), ("Sweden", "Stockholm", "Swedish"))
AWARDS = ("Hilal-i-Pakistan", "Sitara-i-Imtiaz", "Hilal-i-Imtiaz", "Sitara-i-Pakistan", "Hilal-i-Quaid-i-Azam")
VENUES = ("Aiwan-e-Sadr", "the Presidential Palace", "the Foreign Ministry", "the State Guest House")
HOST_TITLES = ("President", "Prime Minister", "Foreign Minister")
GUEST_TITLES = ("Ambassador", "High Commissioner", "Minister", "Vice Minister", "Consul General")
DOCUMENTS = ("a memorandum of understanding on trade", "an agreement on cultural exchange",
             "a memorandum of understanding on education", "an agreement on visa exemption")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _award(rng, host, guest, when) -> tuple[str, list[str]]:
    award, venue = rng.choice(AWARDS), rng.choice(VENUES)
    head = f"{host['title']} {host['name']} confers {award} on {guest['title']} {guest['name']}"
    body = rng.choice((
        (f"{host['title']} {host['name']} conferred the {award} on {guest['country'][0]}'s {guest['title']} "
        f"{guest['name']} at a ceremony held at {venue} on {when}."),
        (f"{guest['country'][2]} {guest['title']} {guest['name']} was decorated with the {award} by "
        f"{host['title']} {host['name']} on {when}."),
    ))
    tail = (f"The award recognises {guest['name'].split()[-1]}'s services in promoting relations between "
            f"{host['country'][0]} and {guest['country'][0]}.")
    return head, [body, tail]


def _call(rng, host, guest, when) -> tuple[str, list[str]]:
    head = f"{guest['title']} {guest['name']} calls on {host['title']} {host['name']}"
    body = rng.choice((
        (f"{guest['country'][0]}'s {guest['title']} {guest['name']} called on {host['title']} {host['name']} "
        f"in {host['country'][1]} on {when}."),
        f"{host['title']} {host['name']} met {guest['country'][2]} {guest['title']} {guest['name']} on {when}.",
    ))
    tail = "The two sides discussed trade, investment and cooperation in education and culture."
    return head, [body, tail]


def _credentials(rng, host, guest, when) -> tuple[str, list[str]]:
    head = f"New {guest['country'][2]} envoy presents credentials to {host['title']} {host['name']}"
    body = (f"Ambassador-designate of {guest['country'][0]} {guest['name']} presented letters of credence to "
            f"{host['title']} {host['name']} at {rng.choice(VENUES)} on {when}.")
    return head, [body, f"{host['name'].split()[-1]} welcomed the envoy and wished him success."]


def _signing(rng, host, guest, when) -> tuple[str, list[str]]:
    doc = rng.choice(DOCUMENTS)
    head = f"{host['country'][0]} and {guest['country'][0]} sign {doc.split(' on ')[0][2:].strip()}"
    body = (f"{host['title']} {host['name']} and {guest['title']} {guest['name']} signed {doc} in "
            f"{host['country'][1]} on {when}.")
    return head, [body, "Officials of both countries attended the signing ceremony."]


KINDS = (_award, _call, _credentials, _signing)


def synthetic_article(rng: random.Random, published: date) -> tuple[str, dict]:
    host_c, guest_c = rng.sample(COUNTRIES, 2)
    host = {"name": _person(rng), "title": rng.choice(HOST_TITLES), "country": host_c}
    guest = {"name": _person(rng), "title": rng.choice(GUEST_TITLES), "country": guest_c}
    when = rng.choice(WEEKDAYS)
    head, body = rng.choice(KINDS)(rng, host, guest, when)
    extra = rng.choice(KINDS)(rng, {**host, "name": _person(rng)}, {**guest, "name": _person(rng)}, when)[1][:1]
    office = (f"{host['name']} has served as {host['title']} of {host_c[0]} since {published.year - rng.randint(1, 6)}.")
    dateline = f"{host_c[1].upper()}, {published:%B} {published.day} ({rng.choice(('APP', 'Xinhua', 'Reuters'))}) - "
    text = f"{head}\n\n{dateline}{body[0]}\n\n" + "\n\n".join([*body[1:], office, *extra]) + "\n"
    return text, {"title": head, "published": published.isoformat(), "publisher": "Synthetic Wire"}


def write_corpus(folder: Path, count: int, seed: int = 8) -> list[Path]:
    """Write count articles into folder; returns their paths."""
    import yaml

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        published = date(2018, 1, 1) + timedelta(days=rng.randint(0, 2500))
        text, meta = synthetic_article(rng, published)
        path = folder / f"report-{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_name(path.stem + ".meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=True), encoding="utf-8")
        paths.append(path)
    return paths
