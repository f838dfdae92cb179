"""manage.py analyze (the analysis contract) and manage.py seed_demo."""
import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from policies.models import AnalysisRun, Vendor
from tests.documents import build_docx, build_png

SHARED = settings.BASE_DIR.parent / "shared"
SAMPLES = sorted((settings.BASE_DIR / "demo_data" / "policies").glob("*.txt"))


def analyze(*paths, extra=()):
    result = subprocess.run(
        [sys.executable, "manage.py", "analyze", *map(str, paths), "--json", *extra],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_analyze_prints_one_contract_object_per_input_in_order():
    code, objects = analyze(*SAMPLES)
    assert code == 0 and len(objects) == len(SAMPLES)
    for path, obj in zip(SAMPLES, objects, strict=True):
        text = path.read_bytes().decode("utf-8")
        assert obj["schema"] == "policy-analysis/1" and obj["path"].endswith(path.name)
        assert obj["text_length"] == len(text)
        assert {"retention", "children", "third_parties", "international_transfers"} <= set(obj["summary"])
        assert {"retention", "children", "third_parties", "overall", "grade"} <= set(obj["scores"])
        assert obj["findings"]
        for finding in obj["findings"]:
            assert text[finding["start"] : finding["end"]] == finding["quote"]
            assert finding["rule"] and 0 <= finding["confidence"] <= 1


@pytest.mark.skipif(not (SHARED / "tools" / "score_analysis.py").exists(), reason="needs ../shared beside the repo")
def test_samples_pass_every_gold_fact_check(tmp_path):
    code, objects = analyze(*SAMPLES)
    out = tmp_path / "out.jsonl"
    out.write_text("\n".join(json.dumps(o) for o in objects))
    scorer, gold = SHARED / "tools" / "score_analysis.py", SHARED / "samples" / "gold"
    scored = subprocess.run(
        [sys.executable, str(scorer), str(out), "--gold", str(gold)],
        capture_output=True,
        text=True,
    )
    assert scored.returncode == 0, scored.stdout
    assert scored.stdout.strip().splitlines()[-1] == "score: facts 100.0%", scored.stdout


def test_analyze_reports_unreadable_files_and_goes_on(tmp_path):
    png = tmp_path / "scan.pdf"
    png.write_bytes(build_png())
    missing = tmp_path / "missing.txt"
    code, objects = analyze(png, SAMPLES[0], missing)
    assert code == 1 and len(objects) == 3
    assert "PNG" in objects[0]["error"]
    assert "error" not in objects[1] and objects[1]["findings"]
    assert objects[2]["error"].startswith("Cannot read the file")


def test_analyze_reads_docx_and_includes_the_text_on_request(tmp_path):
    path = tmp_path / "policy.docx"
    path.write_bytes(build_docx())
    code, (obj,) = analyze(path, extra=["--include-text"])
    assert code == 0 and obj["format"] == "docx"
    for finding in obj["findings"]:
        assert obj["text"][finding["start"] : finding["end"]] == finding["quote"]


@pytest.mark.django_db
def test_seed_demo_creates_accounts_and_queues_the_samples_once(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo")
    first = capsys.readouterr().out
    call_command("seed_demo")
    second = capsys.readouterr().out
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert usernames == {"admin", "policyadmin", "reviewer", "viewer"}
    assert Vendor.objects.count() == len(SAMPLES)
    assert AnalysisRun.objects.filter(status=AnalysisRun.Status.QUEUED).count() == len(SAMPLES)
    password = json.loads((tmp_path / "demo-accounts.json").read_text())["viewer"]
    assert password in first and password in second  # printed every time, unchanged
    assert get_user_model().objects.get(username="viewer").check_password(password)
    groups = {u.username: sorted(u.groups.values_list("name", flat=True)) for u in get_user_model().objects.all()}
    assert groups == {
        "admin": [],  # staff: everything without a group
        "policyadmin": ["Policy admins"],
        "reviewer": ["Reviewers"],
        "viewer": ["Viewers"],
    }
    assert "  reviewer " in first and "Reviewer (DPO)" in first
