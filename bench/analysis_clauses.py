"""Precision / recall / F1 per topic on the clause sets in tests/policies/analysis/clauses/.

Each ``<topic>.txt`` file holds one clause a line: ``+ text`` (the topic must be found), ``- text``
(a near miss: it must not), optional ``|| key=value, key=value`` expectations, ``#`` comments.
``<topic>.jsonl`` files hold objects ``{"text": ..., "label": true|false, "expect": {...}}``.
The file name up to its first dot is the finding topic: ``retention.txt`` and ``retention.holdout.txt``
(clauses written after the rules, never tuned on) both score findings with topic "retention".

Expectations understood: ``days=N[,M]`` (exact set of retention periods in the clause), ``kind=K``
(a finding of that kind), ``stance=S``, ``consent=true|false|none``, ``school=true``, ``min_age=N``
(children summary). Unknown keys are ignored (other topics may add their own).

    .venv/bin/python bench/analysis_clauses.py [-v]
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from policies.analysis.analyser import analyse  # noqa: E402

CLAUSES = ROOT / "tests" / "policies" / "analysis" / "clauses"


@dataclass
class Clause:
    text: str
    label: bool
    expect: dict[str, str] = field(default_factory=dict)
    line: int = 0


@dataclass
class Result:
    topic: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    value_ok: int = 0
    value_total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def load(path: Path) -> list[Clause]:
    out: list[Clause] = []
    if path.suffix == ".jsonl":
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                obj = json.loads(line)
                out.append(Clause(obj["text"], bool(obj["label"]), {k: str(v) for k, v in
                                                                     (obj.get("expect") or {}).items()}, n))
        return out
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line[:2] not in ("+ ", "- "):
            continue
        body, _, exp = line[2:].partition(" || ")
        expect = {}
        for part in exp.split(", ") if exp else []:
            k, _, v = part.partition("=")
            expect[k.strip()] = v.strip()
        out.append(Clause(body.strip(), line[0] == "+", expect, n))
    return out


def _check(clause: Clause, analysis, topic: str) -> list[str]:
    bad = []
    mine = [f for f in analysis.findings if f.topic == topic]
    e = clause.expect
    if "days" in e:
        want = sorted({int(x) for x in e["days"].split(",")})
        got = sorted({int(f.value["days"]) for f in mine if f.kind == "period"})
        if got != want:
            bad.append(f"days {got} != {want}")
    if "kind" in e and not any(f.kind == e["kind"] for f in mine):
        bad.append(f"no finding of kind {e['kind']} (got {[f.kind for f in mine]})")
    ch = analysis.summary.get("children", {})
    if "stance" in e and ch.get("stance") != e["stance"]:
        bad.append(f"stance {ch.get('stance')} != {e['stance']}")
    if "consent" in e:
        want = {"true": True, "false": False, "none": None}[e["consent"]]
        if ch.get("parental_consent") != want:
            bad.append(f"parental_consent {ch.get('parental_consent')} != {want}")
    if "school" in e and ch.get("school_consent") is not True:
        bad.append("school_consent not true")
    if "min_age" in e and ch.get("min_age") != int(e["min_age"]):
        bad.append(f"min_age {ch.get('min_age')} != {e['min_age']}")
    return bad


def evaluate(path: Path) -> Result:
    topic = path.name.split(".")[0]  # "retention.txt", "retention.holdout.txt" -> "retention"
    res = Result(path.name.rsplit(".", 1)[0])
    for c in load(path):
        a = analyse(c.text)
        hit = any(f.topic == topic for f in a.findings)
        if c.label and hit:
            res.tp += 1
        elif c.label:
            res.fn += 1
            res.errors.append(f"FN {path.name}:{c.line}: {c.text}")
        elif hit:
            res.fp += 1
            kinds = sorted({f.kind for f in a.findings if f.topic == topic})
            res.errors.append(f"FP {path.name}:{c.line}: {c.text}  {kinds}")
        else:
            res.tn += 1
        if c.label and c.expect:
            bad = _check(c, a, topic)
            known = {"days", "kind", "stance", "consent", "school", "min_age"} & set(c.expect)
            if known:
                res.value_total += 1
                if bad:
                    res.errors.append(f"VALUE {path.name}:{c.line}: {c.text}  -> {'; '.join(bad)}")
                else:
                    res.value_ok += 1
    return res


def files() -> list[Path]:
    return sorted([*CLAUSES.glob("*.txt"), *CLAUSES.glob("*.jsonl")])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    ap.add_argument("topics", nargs="*", help="only these topics")
    args = ap.parse_args()
    print(f"{'topic':28} {'n':>4} {'P':>6} {'R':>6} {'F1':>6} {'values':>9}")
    for p in files():
        if args.topics and p.name.split(".")[0] not in args.topics:
            continue
        r = evaluate(p)
        n = r.tp + r.fp + r.fn + r.tn
        vals = f"{r.value_ok}/{r.value_total}" if r.value_total else "-"
        print(f"{r.topic:28} {n:4d} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {vals:>9}")
        if args.verbose:
            for e in r.errors:
                print("   ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
