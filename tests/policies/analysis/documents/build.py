"""Build the document-level dev set: ``src/*.src`` -> ``<name>.txt`` + ``<name>.json`` (segment gold).

A source file is a policy cut into OPP-115-style segments. Each segment starts with a tag line::

    @@ FP3 TP2 RET0 CH1 period="30 days" period="two years"

``XXn`` gives the number of the three simulated annotators who labelled the segment with category XX
(FP First Party Collection/Use, TP Third Party Sharing/Collection, UC User Choice/Control, UA User Access,
Edit and Deletion, RET Data Retention, SEC Data Security, PC Policy Change, DNT Do Not Track, SA International
and Specific Audiences, OT Other). ``CHn`` is how many of them marked the segment's Specific Audiences label as
being about children. ``period="..."`` quotes a stated retention period inside the segment. Lines starting with
``#:`` before the first tag are options: ``#: sep=\\n`` joins segments with one newline instead of a blank line.

The gold JSON has the shape ``shared/tools/score_analysis.py`` reads for segment gold. Run::

    .venv/bin/python tests/policies/analysis/documents/build.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATEGORIES = {
    "FP": "First Party Collection/Use",
    "TP": "Third Party Sharing/Collection",
    "UC": "User Choice/Control",
    "UA": "User Access, Edit and Deletion",
    "RET": "Data Retention",
    "SEC": "Data Security",
    "PC": "Policy Change",
    "DNT": "Do Not Track",
    "SA": "International and Specific Audiences",
    "OT": "Other",
}
_TAG = re.compile(r'(?P<cat>[A-Z]+)(?P<n>[0-3])\b|period="(?P<p>[^"]+)"')


def parse(src: str) -> tuple[dict, list[tuple[dict, list[str], str]]]:
    opts: dict[str, str] = {}
    segs: list[tuple[dict, list[str], str]] = []
    cur: tuple[dict, list[str], list[str]] | None = None
    for line in src.splitlines():
        if line.startswith("@@"):
            if cur:
                segs.append((cur[0], cur[1], "\n".join(cur[2]).strip("\n")))
            votes: dict[str, int] = {}
            periods: list[str] = []
            for m in _TAG.finditer(line[2:]):
                if m.group("p"):
                    periods.append(m.group("p"))
                else:
                    votes[m.group("cat")] = int(m.group("n"))
            unknown = set(votes) - set(CATEGORIES) - {"CH"}
            if unknown:
                raise ValueError(f"unknown category tags {unknown} in {line!r}")
            cur = (votes, periods, [])
        elif cur is None:
            if line.startswith("#:"):
                k, _, v = line[2:].strip().partition("=")
                opts[k.strip()] = v.strip().encode().decode("unicode_escape")
        else:
            cur[2].append(line)
    if cur:
        segs.append((cur[0], cur[1], "\n".join(cur[2]).strip("\n")))
    return opts, segs


def build(path: Path) -> tuple[str, dict]:
    opts, segs = parse(path.read_text(encoding="utf-8"))
    sep = opts.get("sep", "\n\n")
    text = ""
    gold_segs = []
    children, children_any, period_spans = [], [], []
    for i, (votes, periods, body) in enumerate(segs):
        if text:
            text += sep
        start = len(text)
        text += body
        end = len(text)
        cat_votes = {CATEGORIES[k]: n for k, n in votes.items() if k in CATEGORIES and n > 0}
        if votes.get("CH", 0) > 0:
            cat_votes.setdefault(CATEGORIES["SA"], votes["CH"])
        majority = sorted(c for c, n in cat_votes.items() if n >= 2)
        gold_segs.append({"index": i, "start": start, "end": end, "categories": majority,
                          "category_votes": cat_votes})
        if votes.get("CH", 0) >= 2:
            children.append(i)
        if votes.get("CH", 0) >= 1:
            children_any.append(i)
        for p in periods:
            k = body.find(p)
            if k < 0:
                raise ValueError(f"{path.name}: period {p!r} not in segment {i}")
            period_spans.append({"segment": i, "start": start + k, "end": start + k + len(p), "text": p,
                                 "value": "Stated Period"})
    gold = {
        "policy": path.stem,
        "source": "written for PolicyLens's dev set; labels simulate three OPP-115 annotators",
        "segments": gold_segs,
        "targets": {
            "specific_audiences": {"children_segments": children, "children_segments_any_annotator": children_any},
            "data_retention": {"retention_period_spans": period_spans},
        },
    }
    return text, gold


def main() -> None:
    for src in sorted((HERE / "src").glob("*.src")):
        text, gold = build(src)
        (HERE / f"{src.stem}.txt").write_text(text + "\n", encoding="utf-8")
        (HERE / f"{src.stem}.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
        print(f"{src.stem}: {len(gold['segments'])} segments, {len(text)} chars")


if __name__ == "__main__":
    main()
