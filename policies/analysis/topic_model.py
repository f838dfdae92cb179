"""A small learned classifier that runs alongside the rules: is this block of text about a topic?

The rules name recipients, periods and ages; they miss segments worded in ways nobody wrote a rule for.
This model only says *which blocks are about* third-party sharing, retention or children, so the analyser
can mark blocks the rules missed. Its findings have kind ``"mention"``, an empty ``value`` and
``rule="model.<topic>"``: they never add named recipients, periods, ages or sale/advertising flags, and the
analyser adds them after the topic modules have written the summary.

It also vetoes (:func:`veto`): a rule finding in a block the model gives its topic a very low probability is
dropped before the summary is written. The level is per topic and chosen out of fold on the dev split by the
training script (0 turns the veto off); the kinds the topic modules declare ``NEVER_VETOED`` stay.

The model is logistic regression over hashed word unigrams and bigrams (plus the words of the block's
heading), trained by ``bench/train_topic_model.py`` and exported to ``models/topic_model.json``. Inference
is the standard library only: tokenise, hash with CRC-32, add up weights, apply the logistic function.
The file is read once per process (:func:`load`).

A *block* is the text between line breaks: the run of segments with no newline between them (a paragraph,
a list item, a heading). OPP-115 annotators label paragraphs, so the model judges paragraphs too.
"""
from __future__ import annotations

import bisect
import itertools
import json
import math
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from .topics._common import MAX_FINDING
from .types import Document, Finding, Segment

MODEL_PATH = Path(__file__).resolve().parent / "models" / "topic_model.json"
FORMAT = "policylens-topic-model/1"

#: Blocks longer than this are judged on their first MAX_BLOCK_CHARS characters and per segment.
MAX_BLOCK_CHARS = 4000
_TOKEN = re.compile(r"[a-z]+|\d+")
_APOS = re.compile(r"['\u2019]s\b")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; digits collapse to "0" so "30 days" and "90 days" share a feature."""
    text = _APOS.sub("", text[:MAX_BLOCK_CHARS].lower())
    return ["0" if t.isdigit() else t for t in _TOKEN.findall(text)]


def features(text: str, heading: str = "", context: tuple[str, ...] = ()) -> list[str]:
    """Feature strings: unigrams, bigrams (with sentence-start marker), heading unigrams ("h:") and the
    document's context features (:func:`document_context`)."""
    toks = tokens(text)
    feats = list(toks) + list(context)
    prev = "^"
    for t in toks:
        feats.append(f"{prev} {t}")
        prev = t
    if heading:
        feats.extend(f"h:{t}" for t in tokens(heading)[:12])
    return feats


def bucket(feature: str, n_buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % n_buckets


def hashed(text: str, heading: str, n_buckets: int, context: tuple[str, ...] = ()) -> dict[int, float]:
    """Binary bag of hashed features (duplicates count once)."""
    return {bucket(f, n_buckets): 1.0 for f in features(text, heading, context)}


@dataclass(frozen=True)
class TopicWeights:
    bias: float
    weights: dict[int, float]
    threshold: float
    #: rule findings of the topic in a block below this probability are dropped (0: the model never vetoes)
    veto: float = 0.0

    def probability(self, x: dict[int, float]) -> float:
        z = self.bias + sum(self.weights.get(i, 0.0) * v for i, v in x.items())
        z = max(-40.0, min(40.0, z))
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class TopicModel:
    n_buckets: int
    topics: dict[str, TopicWeights]
    version: str = ""
    #: also judge each segment of a multi-segment block, and take the larger probability
    segment_max: bool = True

    def probabilities(self, text: str, heading: str = "", context: tuple[str, ...] = ()) -> dict[str, float]:
        """P(topic) for one piece of text of a document with ``context``; {} for blank text."""
        if not text or not text.strip():
            return {}
        x = hashed(text, heading, self.n_buckets, context)
        return {t: w.probability(x) for t, w in self.topics.items()}


def from_dict(data: dict) -> TopicModel:
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    n = int(data["n_buckets"])
    topics = {}
    for name, t in data["topics"].items():
        topics[name] = TopicWeights(bias=float(t["bias"]), threshold=float(t["threshold"]),
                                    weights={int(k): float(v) for k, v in t["weights"].items()},
                                    veto=float(t.get("veto", 0.0)))
    return TopicModel(n_buckets=n, topics=topics, version=str(data.get("version", "")),
                      segment_max=bool(data.get("segment_max", True)))


_CACHE: dict[str, TopicModel | None] = {}


def load(path: Path | None = None) -> TopicModel | None:
    """The exported model, read once per process; None (rules only) if the file is missing or unreadable."""
    key = str(path or MODEL_PATH)
    if key not in _CACHE:
        try:
            _CACHE[key] = from_dict(json.loads(Path(key).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            _CACHE[key] = None
    return _CACHE[key]


# ---------------------------------------------------------------------------------------------
# blocks and findings
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Block:
    start: int
    end: int
    segments: tuple[Segment, ...]
    heading: str


def blocks(doc: Document) -> list[Block]:
    """Runs of non-empty segments with no line break between them, in reading order."""
    out: list[Block] = []
    cur: list[Segment] = []

    def flush() -> None:
        if cur:
            out.append(Block(cur[0].start, cur[-1].end, tuple(cur), cur[0].heading))

    prev_end = None
    for seg in doc.segments:
        if not seg.text.strip():
            continue
        if cur and (seg.kind == "heading" or cur[-1].kind == "heading"
                    or "\n" in doc.text[prev_end:seg.start] or "\r" in doc.text[prev_end:seg.start]):
            flush()
            cur = []
        cur.append(seg)
        prev_end = seg.end
    flush()
    return out


def block_probabilities(model: TopicModel, doc: Document, block: Block,
                        context: tuple[str, ...] = ()) -> tuple[dict[str, float], dict[str, Segment]]:
    """P(topic) for a block: the larger of the whole block's and its best segment's, and that segment."""
    probs = model.probabilities(doc.text[block.start:block.end], block.heading, context)
    best: dict[str, Segment] = {}
    if model.segment_max and len(block.segments) > 1:
        best_p: dict[str, float] = {}
        for seg in block.segments:
            for t, v in model.probabilities(seg.text, block.heading, context).items():
                if v > best_p.get(t, -1.0):
                    best[t], best_p[t] = seg, v
        for t, v in best_p.items():
            probs[t] = max(probs.get(t, 0.0), v)
    return probs, best


def _span(doc: Document, block: Block, seg: Segment | None) -> tuple[int, int]:
    """The block if it fits in a finding, else its best segment (cut to MAX_FINDING)."""
    if block.end - block.start <= MAX_FINDING:
        s, e = block.start, block.end
    else:
        chosen = seg or block.segments[0]
        s, e = chosen.start, min(chosen.end, chosen.start + MAX_FINDING)
    while s < e and doc.text[s].isspace():
        s += 1
    while e > s and doc.text[e - 1].isspace():
        e -= 1
    return s, e


def find(doc: Document, existing: list[Finding], model: TopicModel | None = None,
         topics: tuple[str, ...] | None = None, context: tuple[str, ...] = ()) -> list[Finding]:
    """Model findings for blocks the rules left without a finding of the topic (kind "mention")."""
    model = model if model is not None else load()
    if model is None:
        return []
    wanted = [t for t in (topics or tuple(model.topics))]
    spans: dict[str, list[tuple[int, int]]] = {t: [] for t in wanted}
    for f in existing:
        if f.topic in spans:
            spans[f.topic].append((f.start, f.end))
    covered = {t: _Spans(s) for t, s in spans.items()}
    out: list[Finding] = []
    for block in blocks(doc):
        todo = [t for t in wanted if not covered[t].overlaps(block.start, block.end)]
        if not todo:
            continue
        probs, best = block_probabilities(model, doc, block, context)
        for t in todo:
            p = probs.get(t, 0.0)
            if p < model.topics[t].threshold:
                continue
            s, e = _span(doc, block, best.get(t))
            if s >= e:
                continue
            out.append(Finding(topic=t, kind="mention", value={}, start=s, end=e, quote=doc.text[s:e],
                               rule=f"model.{t}", confidence=round(p, 2)))
    return out


def veto(doc: Document, findings: list[Finding], model: TopicModel | None = None,
         never_vetoed: frozenset[str] = frozenset(), context: tuple[str, ...] = ()) -> list[Finding]:
    """The rule findings minus those in blocks the model is confident are not about the finding's topic.

    A rule fires on words ("share", "kids", "retain"); the model reads the whole paragraph. Where it gives the
    topic a probability below the topic's ``veto`` (chosen out of fold on the dev split, so that it removes
    findings annotators did not label and keeps those they did), the rule's finding is dropped. Findings of a
    kind in ``never_vetoed`` stay: evidence the rules read off the text (a named recipient in a bare table row, a
    children's stance), which the topic modules declare. Section headings are judged by the findings left in
    their section: a heading finding whose section keeps none goes too.
    """
    model = model if model is not None else load()
    if model is None or not any(w.veto > 0 for w in model.topics.values()):
        return findings
    found_blocks = blocks(doc)
    starts = [b.start for b in found_blocks]
    probs: dict[int, dict[str, float]] = {}

    def block_probability(f: Finding) -> float:
        i = bisect.bisect_right(starts, f.start) - 1
        if i < 0 or f.start >= found_blocks[i].end:
            return 1.0  # between blocks (blank text): nothing to judge
        if i not in probs:
            probs[i] = block_probabilities(model, doc, found_blocks[i], context)[0]
        return probs[i].get(f.topic, 1.0)

    kept = [f for f in findings if f.kind == "section" or f.kind in never_vetoed or f.topic not in model.topics
            or block_probability(f) >= model.topics[f.topic].veto]
    section_ends = {s.start: doc.section_end(i) for i, s in enumerate(doc.segments) if s.kind == "heading"}
    heading_starts = sorted(section_ends)
    body: dict[str, list[int]] = {}
    for f in kept:
        if f.kind != "section":
            body.setdefault(f.topic, []).append(f.start)

    def section_keeps_findings(f: Finding) -> bool:
        nxt = bisect.bisect_right(heading_starts, f.start)
        end = section_ends.get(f.start, heading_starts[nxt] if nxt < len(heading_starts) else len(doc.text))
        return any(f.end <= s < end for s in body.get(f.topic, ()))

    return [f for f in kept if f.kind != "section" or f.topic not in model.topics or section_keeps_findings(f)]


#: How much of a policy is about children, as the rules read it: one feature per level its share of blocks with a
#: children finding reaches. A policy mostly about children (a children's site, a youth league's) gets them all, and
#: the model learns how much likelier each of its blocks is to be about children (or anything else), where a
#: paragraph may speak of "players" or "campers" and name no child. Levels rather than one cut-off, so that training,
#: not us, weighs them; measured out of fold on the dev split (bench/train_topic_model.py).
CHILDREN_SHARE_LEVELS = (0.1, 0.2, 0.3, 0.4)


def document_context(doc: Document, rule_findings: list[Finding]) -> tuple[str, ...]:
    """The document-level features for the model, read off the rules' findings ("ctx:children>=0.2", ...)."""
    found_blocks = blocks(doc)
    ends = [b.end for b in found_blocks]
    hit: set[int] = set()
    for f in rule_findings:
        if f.topic != "children":
            continue
        i = bisect.bisect_right(ends, f.start)  # the first block ending after the finding starts
        while i < len(found_blocks) and found_blocks[i].start < f.end:
            hit.add(i)
            i += 1
    share = len(hit) / len(found_blocks) if found_blocks else 0.0
    return tuple(f"ctx:children>={level}" for level in CHILDREN_SHARE_LEVELS if share >= level)


class _Spans:
    """Spans sorted by start with the running maximum of their ends: "does any overlap [a, b)?" in log time, so a
    document of many blocks and many findings stays linear."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end = list(itertools.accumulate((e for _, e in spans), max))

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b)  # the spans that start before b
        return i > 0 and self.max_end[i - 1] > a
