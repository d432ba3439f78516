"""Each competency question under ontology/cq answers the seed graph exactly as its .expected.csv says."""

from __future__ import annotations

import csv
import io

import pytest

from kg.query import format_result, resolve_query, run_query

from conftest import REPO

CQ_DIR = REPO / "ontology" / "cq"
QUESTIONS = sorted(CQ_DIR.glob("*.rq"))
# Questions the seed cannot answer (it reports no meeting) are also asked of the golden graph.
GOLDEN_DIR = REPO / "tests" / "data" / "golden"
GOLDEN_ANSWERS = sorted((GOLDEN_DIR / "cq").glob("*.expected.csv"))


def _rows(text: str) -> list[tuple[str, ...]]:
    # GROUP_CONCAT order is not defined by SPARQL: compare concatenated lists as sets.
    rows = list(csv.reader(io.StringIO(text)))
    return [tuple("; ".join(sorted(cell.split("; "))) for cell in row) for row in rows]


def test_there_are_at_least_ten_questions_each_with_an_expected_answer():
    assert len(QUESTIONS) >= 10
    for question in QUESTIONS:
        assert question.with_suffix(".expected.csv").exists(), f"{question.name} has no expected answer"
        assert question.read_text(encoding="utf-8").startswith("# CQ"), f"{question.name} does not state its question"


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda p: p.stem)
def test_competency_question_answer(seed_graph, question):
    text, source = resolve_query(str(question))
    got = _rows(format_result(run_query(seed_graph, text, source), "csv"))
    expected = _rows(question.with_suffix(".expected.csv").read_text(encoding="utf-8"))
    assert got[0] == expected[0], "columns differ"
    assert got[1:] == expected[1:]
    if len(got) == 1:
        assert (GOLDEN_DIR / "cq" / f"{question.stem}.expected.csv").exists(), (
            "a question with no answer on the seed needs an expected answer on the golden graph"
        )


@pytest.fixture(scope="module")
def golden_graph():
    from rdflib import Graph

    return Graph().parse(GOLDEN_DIR / "all-fact-types.expected.ttl")


@pytest.mark.parametrize("answer", GOLDEN_ANSWERS, ids=lambda p: p.name.split(".")[0])
def test_competency_question_answer_on_the_golden_graph(golden_graph, answer):
    question = CQ_DIR / (answer.name.split(".")[0] + ".rq")
    text, source = resolve_query(str(question))
    got = _rows(format_result(run_query(golden_graph, text, source), "csv"))
    expected = _rows(answer.read_text(encoding="utf-8"))
    assert got == expected and len(got) > 1


def test_question_names_resolve_with_and_without_number():
    full, _ = resolve_query("02-award-conferrals")
    short, _ = resolve_query("award-conferrals")
    assert full == short and "AwardConferral" in full


def test_award_question_answers_every_role(seed_graph):
    text, source = resolve_query("award-conferrals")
    rows = list(csv.DictReader(io.StringIO(format_result(run_query(seed_graph, text, source), "csv"))))
    assert rows == [
        {
            "award": "Hilal-i-Pakistan",
            "recipient": "Song Tao",
            "conferredBy": "President of Pakistan",
            "presentedBy": "Moin ul Haque",
            "onBehalfOf": "President of Pakistan",
            "date": "2020-11-19",
            "place": "Diaoyutai State Guest House",
        }
    ]
