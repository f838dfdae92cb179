"""Analyse policies, write JSON Lines in the contract's shape and run the shared scorer on their facts gold.

By default the three shared samples. ``--set PREFIX`` scores the policies of the written EdTech fact set in
tests/policies/analysis/facts/ whose names start with ``PREFIX_`` (``dev``, ``dev2``, ``holdout``, ``holdout2``), or
all of them: dev policies may be read for misses; held-out ones were written before the changes that followed them
and are measured without listing misses (``--quiet``) so that they are never tuned on.

    .venv/bin/python bench/score_samples.py [--set samples|all|dev|dev2|holdout|holdout2] [--quiet] [--out FILE]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policies.analysis.analyser import analyse, analysis_to_contract  # noqa: E402

SHARED = ROOT.parent / "shared"
FACTS = ROOT / "tests" / "policies" / "analysis" / "facts"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="samples", help="samples, all, or a fact-set prefix (dev, holdout2, ...)")
    ap.add_argument("--quiet", action="store_true", help="print the totals only, not each miss")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    if args.set == "samples":
        policies, gold = sorted((SHARED / "samples" / "policies").glob("*.txt")), SHARED / "samples" / "gold"
    else:
        prefix = "" if args.set == "all" else f"{args.set}_"
        policies, gold = sorted((FACTS / "policies").glob(f"{prefix}*.txt")), FACTS / "gold"
    out = args.out or f"/tmp/policylens_facts_{args.set}.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for p in policies:
            text = p.read_text(encoding="utf-8")
            fh.write(json.dumps(analysis_to_contract(analyse(text), str(p))) + "\n")
    with open(out + ".only", "w", encoding="utf-8") as only:
        only.write("\n".join(p.stem for p in policies) + "\n")
    print(f"{args.set}: {len(policies)} policies")
    verbose = [] if args.quiet else ["--verbose"]
    return subprocess.call([sys.executable, str(SHARED / "tools" / "score_analysis.py"), out,
                            "--gold", str(gold), "--only", out + ".only", *verbose])


if __name__ == "__main__":
    sys.exit(main())
