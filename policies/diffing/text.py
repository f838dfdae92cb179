"""A section-aware text diff of two policy texts.

Paragraphs are compared, not lines: line breaks inside a paragraph (reflowed text) and the
clause number at its start ("8.4" → "9.4") are ignored, so only wording counts. Paragraphs that
appear elsewhere in the other version are reported as moved, not as removed and added. Changed
paragraphs carry a word-level diff.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# "8.4", "8.4.", "(a)", "a)", "iv.", "12)", "Section 3:", "Clause 9.1" at the start of a paragraph.
_CLAUSE_NUMBER = re.compile(
    r"^\s*(?:(?:section|clause|article|part)\s+)?"
    r"(?:\(?\d+(?:\.\d+)*[.):]?|\(?[a-z][.)]|\([ivxlc]+\)|[ivxlc]+[.)])\s+",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•‣◦▪–]|\(?\d+(?:\.\d+)*[.)]|\(?[a-z][.)])\s+")
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_BLANK_LINE = re.compile(r"\n\s*\n")

#: Matching a changed paragraph to its old self needs at least this word similarity.
PAIR_RATIO = 0.5
#: Looking for moved-and-edited paragraphs compares every removed with every added one; cap the work.
MAX_FUZZY_PAIRS = 4000


def _strip_number(text: str) -> str:
    return _CLAUSE_NUMBER.sub("", text, count=1)


def _key(text: str) -> str:
    """What a paragraph is compared by: its words, without its clause number or layout."""
    return _WS.sub(" ", _strip_number(text)).strip()


_ITEM_MARK = re.compile(r"(?:(?<=\s)|^)(?:\(?\d+(?:\.\d+)*[.)]|\(?[a-z][.)]|[-*•‣◦▪–])(?=\s)")


def _loose(paras: list[str]) -> str:
    """Paragraphs' words with every list mark and clause number removed: to spot reflowed lists."""
    return " ".join(_ITEM_MARK.sub(" ", " ".join(paras)).split())


def _looks_like_heading(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 90 or "\n" in t:
        return False
    if t.startswith("#"):
        return True
    if re.match(r"^[-*•‣◦▪–]", t):
        return False
    words = t.split()
    if t.endswith(":"):
        return len(words) <= 8
    if t[-1] in ".;,!?":
        # "8. Retention." is a heading; "9.4 We share data with Google." is a clause.
        return bool(re.match(r"^\d+(\.\d+)*\.?\s", t)) and len(words) <= 4
    return len(words) <= 12


def paragraphs(text: str) -> list[str]:
    """Split a text into paragraphs. Lines inside a block are joined unless they start a list item or heading."""
    out: list[str] = []
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        current: list[str] = []
        for line in lines:
            # A reflowed paragraph is one paragraph; a new list item or markdown heading starts another.
            if current and (_BULLET.match(line) or line.startswith("#")):
                out.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            out.append(" ".join(current))
    return out


@dataclass(frozen=True)
class Token:
    op: str  # "equal" | "insert" | "delete"
    text: str


@dataclass
class Block:
    kind: str  # "equal" | "changed" | "added" | "removed" | "moved"
    old: str = ""
    new: str = ""
    tokens: list[Token] = field(default_factory=list)  # word-level, for "changed" (and edited moves)
    is_heading: bool = False
    moved_from: str = ""  # for "moved": the old section's heading
    moved_to: str = ""  # for a moved paragraph shown at its old place

    @property
    def text(self) -> str:
        return self.new or self.old


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(b.kind != "equal" for b in self.blocks)

    @property
    def change_count(self) -> int:
        return sum(1 for b in self.blocks if b.kind != "equal" and not (b.kind == "moved" and b.moved_to))

    @property
    def unchanged_count(self) -> int:
        return sum(1 for b in self.blocks if b.kind == "equal")


@dataclass
class TextDiff:
    blocks: list[Block]
    sections: list[Section]

    def count(self, kind: str) -> int:
        if kind == "moved":
            return sum(1 for b in self.blocks if b.kind == "moved" and not b.moved_to)
        return sum(1 for b in self.blocks if b.kind == kind)

    @property
    def stats(self) -> dict[str, int]:
        return {k: self.count(k) for k in ("changed", "added", "removed", "moved")}

    @property
    def has_changes(self) -> bool:
        return any(self.stats.values())


def word_diff(old: str, new: str) -> list[Token]:
    """Word-level tokens: runs of equal, deleted and inserted words (whitespace-insensitive)."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    tokens: list[Token] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            tokens.append(Token("equal", " ".join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            tokens.append(Token("delete", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            tokens.append(Token("insert", " ".join(b[j1:j2])))
    return tokens


def _similarity(a: str, b: str) -> float:
    wa, wb = a.lower().split(), b.lower().split()
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def _pair_replacements(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Pair each old paragraph in a replaced run with the most similar new one, keeping order."""
    if len(old) == len(new):
        # As many paragraphs before as after: an edit in place, unless they share almost nothing.
        ratios = [_similarity(_key(o), _key(n)) for o, n in zip(old, new, strict=True)]
        if all(r >= 0.2 for r in ratios):
            return [(i, i) for i in range(len(old))]
    pairs: list[tuple[int | None, int | None]] = []
    j = 0
    for i, o in enumerate(old):
        best, best_ratio = None, PAIR_RATIO
        for k in range(j, len(new)):
            r = _similarity(_key(o), _key(new[k]))
            if r >= best_ratio:
                best, best_ratio = k, r
        if best is None:
            pairs.append((i, None))
            continue
        pairs.extend((None, k) for k in range(j, best))
        pairs.append((i, best))
        j = best + 1
    pairs.extend((None, k) for k in range(j, len(new)))
    return pairs


def diff_text(old_text: str, new_text: str) -> TextDiff:
    old_paras, new_paras = paragraphs(old_text), paragraphs(new_text)
    old_keys, new_keys = [_key(p) for p in old_paras], [_key(p) for p in new_paras]
    # (old index, new index, block) in new-document order; removed blocks sit where they were.
    blocks: list[Block] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
        if op == "equal":
            blocks.extend(Block("equal", old_paras[i], new_paras[j]) for i, j in zip(range(i1, i2), range(j1, j2),
                                                                                     strict=True))
            continue
        if op == "replace" and _loose(old_paras[i1:i2]) == _loose(new_paras[j1:j2]):
            # The same words split into paragraphs differently (reflowed line breaks): no change.
            blocks.extend(Block("equal", new_paras[j], new_paras[j]) for j in range(j1, j2))
            continue
        if op == "replace" and (i2 - i1) != (j2 - j1) and min(i2 - i1, j2 - j1) <= 3:
            # List items merged or split by a reflow, with an edit inside: one changed block, word by word.
            joined_old, joined_new = " ".join(old_paras[i1:i2]), " ".join(new_paras[j1:j2])
            if _similarity(_loose([joined_old]), _loose([joined_new])) >= 0.6:
                blocks.append(Block("changed", joined_old, joined_new, word_diff(joined_old, joined_new)))
                continue
        for oi, nj in _pair_replacements(old_paras[i1:i2], new_paras[j1:j2]):
            if oi is not None and nj is not None:
                o, n = old_paras[i1 + oi], new_paras[j1 + nj]
                blocks.append(Block("changed", o, n, word_diff(_strip_number(o), _strip_number(n))))
            elif oi is not None:
                blocks.append(Block("removed", old=old_paras[i1 + oi]))
            else:
                blocks.append(Block("added", new=new_paras[j1 + nj]))
    _recognise_moves(blocks)
    for b in blocks:
        b.is_heading = _looks_like_heading(b.text) and not b.tokens
    return TextDiff(blocks=blocks, sections=_sections(blocks))


def _recognise_moves(blocks: list[Block]) -> None:
    removed = [b for b in blocks if b.kind == "removed"]
    added = [b for b in blocks if b.kind == "added"]
    if not removed or not added:
        return
    by_key: dict[str, list[Block]] = {}
    for b in removed:
        by_key.setdefault(_key(b.old), []).append(b)
    leftover_added = []
    for a in added:
        candidates = by_key.get(_key(a.new))
        if candidates:
            r = candidates.pop(0)
            _mark_moved(r, a, blocks, edited=False)
        else:
            leftover_added.append(a)
    leftover_removed = [b for b in removed if b.kind == "removed"]
    if len(leftover_added) * len(leftover_removed) > MAX_FUZZY_PAIRS:
        return
    for a in leftover_added:
        if len(_key(a.new).split()) < 8:
            continue  # short lines match too easily
        best, best_ratio = None, 0.75
        for r in leftover_removed:
            if r.kind != "removed":
                continue
            ratio = _similarity(_key(r.old), _key(a.new))
            if ratio >= best_ratio:
                best, best_ratio = r, ratio
        if best is not None:
            _mark_moved(best, a, blocks, edited=True)


def _section_of(block: Block, blocks: list[Block]) -> str:
    title = ""
    for b in blocks:
        if b is block:
            return title
        if b.kind != "removed" and _looks_like_heading(b.new or "") and not (b.kind == "moved" and b.moved_to):
            title = _WS.sub(" ", b.new).strip()
    return title


def _mark_moved(removed: Block, added: Block, blocks: list[Block], *, edited: bool) -> None:
    removed.kind = "moved"
    removed.moved_to = _section_of(added, blocks) or "elsewhere"
    added.kind = "moved"
    added.old = removed.old
    added.moved_from = _section_of(removed, blocks) or "the start"
    if edited:
        added.tokens = word_diff(_strip_number(removed.old), _strip_number(added.new))


def _sections(blocks: list[Block]) -> list[Section]:
    sections = [Section(title="")]
    for b in blocks:
        starts = b.kind in ("equal", "changed", "added") and _looks_like_heading(b.new) and not b.tokens
        if starts and (sections[-1].blocks or sections[-1].title):
            sections.append(Section(title=_WS.sub(" ", b.new).strip()))
        elif starts:
            sections[-1].title = _WS.sub(" ", b.new).strip()
        sections[-1].blocks.append(b)
    return [s for s in sections if s.blocks]


# --- change detection ----------------------------------------------------------------------

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATES = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?"  # 2025-03-01, ISO timestamps
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 01/03/2025
    rf"|\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTHS}\.?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|utc|gmt|bst)?\b",
    re.IGNORECASE,
)
_UPDATED_LINE = re.compile(
    r"^\s*(?:last\s+(?:updated|modified|revised|reviewed)|updated|effective(?:\s+date)?|date|version\s+date)"
    r"\b[^\n]{0,60}$",
    re.IGNORECASE | re.MULTILINE,
)
# Page furniture that survives main-content extraction.
_FURNITURE = re.compile(
    r"^\s*(?:(?:skip to (?:main )?content|back to top|print(?: this page)?|share(?: this page)?|cookie settings|"
    r"accept(?: all)? cookies|page \d+(?: of \d+)?|©[^\n]*|copyright[^\n]*)\s*)$",
    re.IGNORECASE | re.MULTILINE,
)


def normalise_for_fingerprint(text: str) -> str:
    """The text a change is detected on: no dates, times, "last updated" lines, clause numbers or layout."""
    text = _UPDATED_LINE.sub(" ", text)
    text = _FURNITURE.sub(" ", text)
    text = _DATES.sub(" ", text)
    return " ".join(_key(p) for p in paragraphs(text)).casefold()
