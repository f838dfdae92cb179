"""How the analysis holds up on the defects that copies of real policies carry.

Scores the EdTech fact sets (tests/policies/analysis/facts/) with the shared scorer as written, then again with each
defect put into every policy: no-break spaces, soft hyphens, zero-width spaces, UTF-8 read as Windows-1252
("childrenâ€™s"), a blank line after every line, a symbol font's bullets, a PDF's ligatures ("ﬁ"), non-breaking
hyphens, HTML character references and tags, lines wrapped at a PDF page's width, PDF page breaks (page number and
running footer), and two mixes: a PDF copy and a web copy. Each defect is seeded by the policy's name, so runs repeat.

    .venv/bin/python bench/robustness.py [--set dev|holdout|all|<prefix>] [--defects "soft hyphens,pdf"] [--workers N]

A held-out set's misses are never printed: only its totals.
"""
from __future__ import annotations

import argparse
import codecs
import json
import random
import re
import subprocess
import sys
import tempfile
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policies.analysis.analyser import analyse, analysis_to_contract  # noqa: E402

FACTS = ROOT / "tests" / "policies" / "analysis" / "facts"
# UTF-8 read as Windows-1252 the way browsers read it: the five bytes the code page leaves undefined become the
# control characters of the same number
codecs.register_error("whatwg", lambda e: (e.object[e.start : e.end].decode("latin-1"), e.end))
SCORER = ROOT.parent / "shared" / "tools" / "score_analysis.py"


def _wrapped(text: str, rnd: random.Random) -> str:
    """Prose lines broken at a PDF page's width, which varies with the letters' widths (85 to 100 characters);
    table rows (cells apart by tabs, runs of spaces or " | ", or a row's first cells empty) as a PDF keeps them."""
    out = []
    for line in text.split("\n"):
        if re.search(r"(?:\S(?:\t| {3,}| \| )|^(?:\t| {10,}))\S", line):
            out.append(line)
            continue
        width = rnd.randint(85, 100)
        while len(line) > width and (cut := line.rfind(" ", 0, width)) > 0:
            out.append(line[:cut])
            line = line[cut + 1 :]
        out.append(line)
    return "\n".join(out)


def _page_breaks(text: str, rnd: random.Random) -> str:
    """A page number and a running footer, with blank lines around them, every 45 lines."""
    out = []
    for i, line in enumerate(text.split("\n")):
        out.append(line)
        if i and i % 45 == 0:
            out += ["", f"Page {i // 45 + 1} of 12", "Privacy Policy v3.2 - Confidential", ""]
    return "\n".join(out)


DEFECTS = {
    "no-break spaces": lambda t, r: "".join("\u00a0" if c == " " and r.random() < 0.3 else c for c in t),
    "soft hyphens": lambda t, r: re.sub(r"(?<=[a-z]{3})(?=[a-z]{3})", lambda m: "\u00ad" * (r.random() < 0.05), t),
    "zero-width spaces": lambda t, r: re.sub(" ", lambda m: " \u200b" if r.random() < 0.05 else " ", t),
    "mojibake": lambda t, r: t.encode("utf-8").decode("cp1252", errors="whatwg"),
    "double spacing": lambda t, r: t.replace("\n", "\n\n"),
    "symbol-font bullets": lambda t, r: re.sub(r"(?m)^(\s*)[•●\-*–](?= )", lambda m: m.group(1) + "\uf0b7", t),
    "ligatures": lambda t, r: t.replace("ffi", "\ufb03").replace("fi", "\ufb01").replace("fl", "\ufb02"),
    "non-breaking hyphens": lambda t, r: re.sub(r"(?<=\w)-(?=\w)", "\u2011", t),
    "character references": lambda t, r: t.replace("&", "&amp;").replace("\u2019", "&#8217;").replace("'", "&#39;"),
    "HTML tags": lambda t, r: re.sub(r"(?m)^([A-Z][^\n<]{40,})$", r"<p>\1</p>",
                                     re.sub(r"(?m)^(\s*)[-•*]\s+(.+)$", r"\1<li>\2</li>", t)),
    "PDF line wrap": _wrapped,
    "PDF page breaks": _page_breaks,
}
MIXES = {
    "PDF copy (ligatures, wrap, page breaks)": ("ligatures", "PDF line wrap", "PDF page breaks"),
    "web copy (no-break and zero-width spaces, double spacing)": ("no-break spaces", "zero-width spaces",
                                                                  "double spacing"),
}


def copied(text: str, defects: tuple[str, ...], seed: str) -> str:
    rnd = random.Random(seed)
    for name in defects:
        text = DEFECTS[name](text, rnd)
    return text


def _analysed(job: tuple[Path, tuple[str, ...]]) -> str:
    path, defects = job
    text = copied(path.read_text(encoding="utf-8"), defects, path.stem)
    return json.dumps(analysis_to_contract(analyse(text), str(path)))


def score(paths: list[Path], defects: tuple[str, ...], pool) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out, only = Path(tmp) / "out.jsonl", Path(tmp) / "only.txt"
        out.write_text("\n".join(pool.map(_analysed, [(p, defects) for p in paths])) + "\n", encoding="utf-8")
        only.write_text("\n".join(p.stem for p in paths) + "\n", encoding="utf-8")
        report = subprocess.run([sys.executable, str(SCORER), str(out), "--gold", str(FACTS / "gold"),
                                 "--only", str(only)], capture_output=True, text=True, check=False).stdout
    m = re.search(r"facts: (\d+)/(\d+) checks passed", report)
    return int(m.group(1)), int(m.group(2))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="dev", help="dev (every dev set), holdout (every held-out set), all, or a prefix")
    ap.add_argument("--defects", default="",
                    help="comma-separated parts of names, any case: 'pdf' runs every PDF defect (default: all)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    pattern = {"dev": "dev*.txt", "holdout": "holdout*.txt", "all": "*.txt"}.get(args.set, f"{args.set}_*.txt")
    paths = sorted((FACTS / "policies").glob(pattern))
    runs = {name: (name,) for name in DEFECTS} | MIXES
    if args.defects:
        wanted = [part.strip().lower() for part in args.defects.split(",") if part.strip()]
        runs = {k: v for k, v in runs.items() if any(part in k.lower() for part in wanted)}
    with Pool(args.workers) as pool:
        passed, total = score(paths, (), pool)
        print(f"{args.set}: {len(paths)} policies; as written {passed}/{total} checks passed "
              f"({total - passed} failed)")
        for name, defects in runs.items():
            p, t = score(paths, defects, pool)
            print(f"  {name:<58} {p}/{t} ({t - p} failed, {t - p - (total - passed):+d})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
