"""Score the third-party / sale / advertising / transfer finders on the clause files (one clause per line).

``+ `` lines must yield a finding of the file's topic, ``- `` lines must not.  Used by the tests in this
folder and runnable by hand: ``python tests/policies/analysis/third_parties/clause_eval.py -v``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from policies.analysis.topics import third_parties, transfers
from policies.analysis.topics._common import single_segment_doc

CLAUSES = Path(__file__).resolve().parent.parent / "clauses"
FILES = {
    "third_party_sharing": (CLAUSES / "third_party_sharing.txt", third_parties.find),
    "data_sale": (CLAUSES / "data_sale.txt", third_parties.find),
    "advertising": (CLAUSES / "advertising.txt", third_parties.find),
    "international_transfers": (CLAUSES / "international_transfers.txt", transfers.find),
}


def load(path: Path) -> list[tuple[bool, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("+ "):
            out.append((True, line[2:].strip()))
        elif line.startswith("- "):
            out.append((False, line[2:].strip()))
    return out


def evaluate(topic: str) -> dict:
    path, finder = FILES[topic]
    tp = fp = fn = tn = 0
    errors: list[str] = []
    for positive, clause in load(path):
        found = any(f.topic == topic for f in finder(single_segment_doc(clause), "Acme Learning Ltd"))
        if positive and found:
            tp += 1
        elif positive:
            fn += 1
            errors.append(f"FN {clause}")
        elif found:
            fp += 1
            errors.append(f"FP {clause}")
        else:
            tn += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"n": tp + fp + fn + tn, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1,
            "errors": errors}


if __name__ == "__main__":
    for topic in FILES:
        res = evaluate(topic)
        print(f"{topic}: n={res['n']} P={res['precision']:.3f} R={res['recall']:.3f} F1={res['f1']:.3f}")
        if "-v" in sys.argv:
            for e in res["errors"]:
                print("   ", e)
