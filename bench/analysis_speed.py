"""Analysis speed and memory: median of several runs per sample, and for generated ~25 KB / ~200 KB policies.

    .venv/bin/python bench/analysis_speed.py [--runs 5]

Targets: 25 KB <= 1 s median; 200 KB <= 10 s and roughly linear (200 KB / 25 KB time ratio near 8); peak
RSS <= 600 MB.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from policies.analysis.analyser import analyse  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples" / "policies"


def generated(size: int) -> str:
    """A policy-like text of about ``size`` characters: the samples cycled with numbered section headings,
    so the text keeps realistic structure (lists, tables, blank-line runs) rather than one repeated line."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] or ["We retain data for 6 years.\n"]
    out: list[str] = []
    n = total = 0
    while total < size:
        chunk = f"\n\n{n + 1}. Section {n + 1}\n\n" + parts[n % len(parts)]
        out.append(chunk)
        total += len(chunk)
        n += 1
    return "".join(out)[:size]


def hyphen_wrapped(text: str, width: int = 70) -> str:
    """``text`` as PDF extraction gives it: lines cut every ``width`` characters, mid-word with a hyphen, so that
    the analyser's dehyphenation has a break to join on nearly every line."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            mid_word = line[width - 1].isalpha() and line[width].isalpha()
            out.append(line[:width] + ("-" if mid_word else ""))
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def list_items(size: int) -> str:
    """A policy that is one long list of short sharing items, each a finding of its own: the shape that made the
    topic model's coverage check quadratic (every block against every finding) before 2026.11ai."""
    item = "  - we share your name with our payment provider;\n"
    return ("Who we share your information with:\n" + item * (size // len(item) + 1))[:size]


def timed(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        analyse(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    rows = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    rows += [("generated-25KB", generated(25_000)), ("generated-200KB", generated(200_000)),
             ("generated-200KB-hyphen-wrapped", hyphen_wrapped(generated(200_000))),
             ("list-items-100KB", list_items(100_000)), ("list-items-200KB", list_items(200_000))]
    res = {}
    for name, text in rows:
        res[name] = timed(text, args.runs)
        print(f"{name:32} {len(text):8d} chars  median {res[name]*1000:8.1f} ms")
    ratio = res["generated-200KB"] / max(res["generated-25KB"], 1e-9)
    print(f"200KB/25KB time ratio: {ratio:.1f} (8 = linear)")
    wrapped = res["generated-200KB-hyphen-wrapped"] / max(res["generated-200KB"], 1e-9)
    print(f"200KB hyphen-wrapped / plain time ratio: {wrapped:.2f}")
    items = res["list-items-200KB"] / max(res["list-items-100KB"], 1e-9)
    print(f"list items 200KB/100KB time ratio: {items:.2f} (2 = linear)")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {peak_kb / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
