"""Every benchmark, one after another: `make bench`. Each prints its own figures."""
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
STEPS = [
    ("Sample policies against the gold facts", ["score_samples.py"]),
    ("Written EdTech policies against their gold facts (dev, then held-out without misses)",
     ["score_samples.py", "--set", "all", "--quiet"]),
    ("The same EdTech policies with the defects copies carry (no-break spaces, mojibake, PDF wraps, ...)",
     ["robustness.py", "--set", "all"]),
    ("Clause test set: precision and recall per topic", ["analysis_clauses.py"]),
    ("Document-level segment evaluation (dev and held-out)", ["segment_eval.py", "--split", "all"]),
    ("The same held-out documents scored by a keyword matcher (how hard this proxy is)",
     ["segment_eval.py", "--split", "heldout_all", "--baseline", "keyword"]),
    ("Analysis speed and peak memory", ["analysis_speed.py"]),
    ("Peak memory of a real worker analysing 200 KB policies", ["worker_memory.py"]),
    ("Comparison page, directory search and throughput (1,000 vendors)", ["comparison_speed.py"]),
]


def main() -> int:
    failed = 0
    for title, args in STEPS:
        print(f"\n=== {title} ===", flush=True)
        failed |= subprocess.call([sys.executable, str(BENCH / args[0]), *args[1:]], cwd=BENCH.parent) != 0
    return failed


if __name__ == "__main__":
    sys.exit(main())
