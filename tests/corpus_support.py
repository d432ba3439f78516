"""Shared by the corpus tests: a two-article corpus (the seed and a short reviewed second article)."""

import shutil

from conftest import SEEDS

SECOND = """\
Song Tao met Lin Feng in Beijing.

Song Tao, head of the International Department, met Lin Feng on Monday.
"""
SECOND_FACTS = """\
article: second.txt
status: reviewed
entities:
  Song Tao: {kind: Person, aliases: [Mr. Song]}
  Lin Feng: {kind: Person}
facts:
  - type: meeting
    participants: [Song Tao, Lin Feng]
    quote: Song Tao, head of the International Department, met Lin Feng
"""


def two_article_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    (folder / "second.facts.yaml").write_text(SECOND_FACTS, encoding="utf-8")
    return folder
