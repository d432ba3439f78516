"""The calibrated fact scorer, kg calibrate, and what --min-confidence keeps."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import scoring
from kg.facts import Evidence, Fact

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "corpus" / "dev"


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd)


def _fact(ftype="meeting", rule="dep_meeting", confidence=0.8, **args):
    args = args or {"participants": ["A B", "C D"]}
    return Fact(ftype, args, Evidence(0, 10, "0123456789"), confidence, rule)


def test_rescore_uses_the_model_and_leaves_untrained_types_alone():
    model = {"bias": 0.0, "types": ["meeting"], "weights": {"rule=dep_meeting": 2.0}}
    meeting, quantity = _fact(), _fact("quantity", "quantity", 0.7, subject="X", measure="members", value=3)
    scoring.rescore([meeting, quantity], model)
    assert meeting.confidence == pytest.approx(round(1 / (1 + 2.718281828 ** -(2.0 + 0)), 3), abs=0.002)
    assert quantity.confidence == 0.7


def test_shipped_model_is_valid_and_scores_between_0_and_1():
    model = scoring.load_model()
    assert model and model["types"] and model["weights"]
    p = scoring.probability(model, scoring.features(_fact()))
    assert 0.0 < p < 1.0


def test_calibrate_writes_a_model_and_reports_cutoffs(tmp_path):
    pytest.importorskip("sklearn")
    out = tmp_path / "scorer.json"
    proc = kg("calibrate", str(DEV / "gold.yaml"), "--out", str(out), "--folds", "3")
    assert proc.returncode == 0, proc.stderr
    assert "min confidence" in proc.stdout and "3-fold" in proc.stdout
    model = json.loads(out.read_text())
    assert model["candidates"] > 50 and set(model["types"]) <= set(scoring.FACT_TYPES)


def test_min_confidence_is_checked_and_filters(tmp_path):
    bad = kg("eval", str(DEV / "gold.yaml"), "--min-confidence", "1.5")
    assert bad.returncode == 2 and "from 0 to 1" in bad.stderr and "Traceback" not in bad.stderr
    article = DEV / "01_sun_weidong_hilal_e_pakistan.txt"
    shutil.copy(article, tmp_path / article.name)
    everything = kg("extract", str(tmp_path / article.name), "-o", "-", "--min-confidence", "0")
    strict = kg("extract", str(tmp_path / article.name), "-o", "-", "--min-confidence", "0.95")
    assert everything.returncode == strict.returncode == 0
    assert strict.stdout.count("confidence:") < everything.stdout.count("confidence:")


def test_eval_texts_folder_reports_missing_texts(tmp_path):
    texts = tmp_path / "cache"
    texts.mkdir()
    shutil.copy(DEV / "01_sun_weidong_hilal_e_pakistan.txt", texts)
    proc = kg("eval", str(DEV / "gold.yaml"), "--texts", str(texts), "--cutoffs")
    assert proc.returncode == 0, proc.stderr
    assert "7 of 8 texts are not in" in proc.stderr and "min confidence" in proc.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = kg("eval", str(DEV / "gold.yaml"), "--texts", str(empty))
    assert proc.returncode == 2 and "none of the gold file's texts" in proc.stderr
