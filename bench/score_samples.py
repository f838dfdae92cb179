"""Analyse the shared samples, write JSON Lines in the contract's shape and run the shared scorer.

    .venv/bin/python bench/score_samples.py [--out /tmp/out.jsonl] [POLICY_DIR GOLD_DIR]
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("policies", nargs="?", default=str(SHARED / "samples" / "policies"))
    ap.add_argument("gold", nargs="?", default=str(SHARED / "samples" / "gold"))
    ap.add_argument("--out", default="/tmp/policylens_samples.jsonl")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as fh:
        for p in sorted(Path(args.policies).glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            fh.write(json.dumps(analysis_to_contract(analyse(text), str(p))) + "\n")
    return subprocess.call([sys.executable, str(SHARED / "tools" / "score_analysis.py"), args.out,
                            "--gold", args.gold, "--verbose"])


if __name__ == "__main__":
    sys.exit(main())
