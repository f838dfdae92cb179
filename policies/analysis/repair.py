"""Repairs of policy text as copies of real policies carry it, made before the rules read it.

Text pasted from web pages and PDFs keeps no-break spaces, invisible characters (zero-width spaces, soft hyphens,
byte-order marks), words broken across lines and lines broken at the page's width. Each is harmless to a reader and
fatal to a pattern: "Google\\u00a0Analytics" is not "Google Analytics", "chil\\u00addren" is not "children", and a
table row wrapped onto a second line is two rows. :func:`repair` returns the repaired text with a map back to the
original, so that every finding quotes the text as it was given (``analyser._valid``).

Why by hand: libraries that clean such text (ftfy, the extractors' own options) change its length without saying
where, which would break the contract's offsets.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from .segmentation import CELL_GAP, opens_item, page_furniture, without_marker

# spaces of other widths as spaces (a tab stays: it separates a borderless table's cells), hyphens as hyphens
_PLAIN = str.maketrans({**{c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                           "\u200a\u202f\u205f\u3000"},
                        "\u2010": "-", "\u2011": "-"})
# a symbol font's bullet, as Word's PDFs give it: a private-use character opening a line ("\uf0b7 Stripe")
_PRIVATE_USE_BULLET = re.compile(r"(?m)^([ \t]*)[\ue000-\uf8ff](?=[ \t])")
# characters that show nothing: zero-width spaces and joiners, word joiners, byte-order marks, and soft hyphens other
# than one that ends a line (dehyphenate() joins the word it breaks)
_INVISIBLE = r"(?:[\u200b\u200c\u200d\u2060\ufeff]|\u00ad(?![ \t]*[\r\n]))+"
# UTF-8 read as Windows-1252 ("childrenâ€™s", "Â£5"): a lead byte's character, then its continuation bytes'
# (the five bytes Windows-1252 leaves undefined read as the control characters of the same number, as browsers read
# them: "\ufb01" is "ï¬\u0081")
_MOJIBAKE = (r"[\u00c2-\u00f4][\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
             r"\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178\u00a0-\u00bf"
             r"\u0081\u008d\u008f\u0090\u009d]{1,3}")
# a PDF's typographic ligatures ("ﬁnancial", "Oﬃce")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_LIGATURE_TABLE = str.maketrans(_LIGATURES)
# an HTML character reference left in copied markup ("&amp;", "&#8217;", "&nbsp;")
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# Markdown's links and strong emphasis, read as their text ("[Stripe](https://stripe.com)", "**Stripe**")
_MARKDOWN = (r"\[(?P<link_text>[^\[\]\n]{1,200})\]\((?:[^()\s]|\([^()\s]*\)){1,500}\)|"
             r"(?P<mark>\*\*|__)(?P<strong_text>(?=\S)[^\n]{0,300}?\S)(?P=mark)")
# an HTML tag left in a text or Markdown copy ("<li>", "</p>", "<a href=...>"), by name, so that an address in angle
# brackets ("<dpo@example.com>") stays; a list item becomes a bullet, a line break or a closed block a line break
_TAG_NAMES = ("a|abbr|article|aside|b|blockquote|br|button|center|code|div|em|font|footer|h[1-6]|header|hr|i|img|"
              "label|li|main|nav|ol|p|pre|section|small|span|strong|sub|sup|table|tbody|td|tfoot|th|thead|tr|u|ul")
_TAG = rf"<(?P<closing>/)?(?P<tag>(?i:{_TAG_NAMES}))\b[^<>\n]{{0,500}}>(?P<line_end>(?=[ \t]*(?:\r?\n|$)))?"
_BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article",
               "blockquote", "header", "footer", "nav", "main", "aside", "pre"}
_REPAIRABLE = re.compile(f"(?P<invisible>{_INVISIBLE})|(?P<mojibake>{_MOJIBAKE})|(?P<ligature>[\ufb00-\ufb06])|"
                         f"(?P<entity>{_ENTITY})|(?P<markdown>{_MARKDOWN})|(?P<html>{_TAG})")


def _unmangled(chars: str) -> str:
    """The character ``chars`` (or their first two or three) stand for if they are UTF-8 read as Windows-1252, else
    ``chars``: only letters, punctuation and symbols a policy uses (Latin-1, Latin Extended-A, general punctuation,
    the euro and trade mark signs), so that a real pair of accented capitals and a dash stays."""
    for n in range(len(chars), 1, -1):  # "Ã©°" is "é" and a real degree sign
        try:
            fixed = b"".join(bytes([ord(c)]) if "\x80" <= c <= "\x9f" else c.encode("cp1252")
                             for c in chars[:n]).decode("utf-8")
        except UnicodeError:
            continue
        if all("\u00a0" <= c <= "\u017f" or "\u2000" <= c <= "\u206f" or c in "\u20ac\u2122" or c in _LIGATURES
               for c in fixed):
            return fixed + chars[n:]
    return chars


def _mended(m: re.Match) -> str:
    if m.group("invisible"):
        return ""
    if m.group("ligature"):
        return _LIGATURES[m.group(0)]
    if m.group("entity"):
        return html.unescape(m.group(0))
    if m.group("html"):
        tag = m.group("tag").lower()
        if tag == "li" and not m.group("closing"):
            return "\u2022 "
        if tag == "br" or (m.group("closing") and tag in _BLOCK_TAGS and m.group("line_end") is None):
            return "\n"
        return "\t" if tag in ("td", "th") and not m.group("closing") else ""
    if m.group("markdown"):  # the text inside may need mending too ("**Amazon Web Servi\u00adces**")
        return _REPAIRABLE.sub(_mended, m.group("link_text") or m.group("strong_text"))
    return _unmangled(m.group(0)).translate(_LIGATURE_TABLE)  # ("ï¬\u0081" is a PDF's "\ufb01", then "fi")


@dataclass(frozen=True)
class Shift:
    """Where one pass of repairs made a text shorter (or longer)."""

    #: positions in the new text after which characters were taken out (or put in), ascending ...
    removed_at: tuple[int, ...] = ()
    #: ... and how many had been taken out (less those put in) up to and including each
    removed_total: tuple[int, ...] = ()

    def original(self, pos: int) -> int:
        """The offset before this pass of ``pos`` after it. A span's start or end at a place where characters were
        taken out moves past them: a start then skips them, and an end keeps them."""
        i = bisect.bisect_right(self.removed_at, pos)
        return pos + (self.removed_total[i - 1] if i else 0)


def _shifted(text: str, pieces: re.Pattern, mend) -> tuple[str, Shift]:
    """``text`` with each match of ``pieces`` replaced by ``mend(match)``, and the :class:`Shift` that takes back."""
    at: list[int] = []
    total: list[int] = []
    kept: list[str] = []
    pos = removed = 0
    for m in pieces.finditer(text):
        mended = mend(m)
        kept.append(text[pos : m.start()])
        kept.append(mended)
        pos = m.end()
        if len(mended) != len(m.group(0)):
            removed += len(m.group(0)) - len(mended)
            at.append(m.end() - removed)
            total.append(removed)
    kept.append(text[pos:])
    return "".join(kept), Shift(tuple(at), tuple(total))


@dataclass(frozen=True)
class Repaired:
    """The repaired text, and the passes that changed its length, in the order they ran."""

    text: str
    shifts: tuple[Shift, ...] = ()

    def original(self, pos: int) -> int:
        """The offset in the original text of ``pos`` in the repaired one."""
        for shift in reversed(self.shifts):
            pos = shift.original(pos)
        return pos


_HORIZONTAL_RUN = re.compile(r"[ \t]{2,}")


def repair(text: str) -> Repaired:
    """``text`` without invisible characters or HTML tags; with mangled characters, ligatures, character references,
    Markdown's links and strong emphasis mended; and then, at the same length, other spaces as spaces, symbol-font
    bullets as bullets, page breaks taken out, double-spaced lines closed up, broken words joined and hard-wrapped
    lines unwrapped. Last, the run of spaces each of those joins leaves ("multi-academy <page break> trust") becomes
    one space, so that no sentence looks like a borderless table's row."""
    text, mended = _shifted(text, _REPAIRABLE, _mended)
    text = _PRIVATE_USE_BULLET.sub(lambda m: m.group(1) + "\u2022", text.translate(_PLAIN))
    # (unwrapped before the broken words are joined: a join makes one line of two, which would hide the page's width)
    joined = dehyphenate(unwrap(undouble(without_page_breaks(text))))
    if joined == text:
        return Repaired(text, (mended,))

    def one_space(m: re.Match) -> str:
        made = any(text[j] != joined[j] for j in range(m.start(), m.end()))
        return " " if made else m.group(0)

    text, closed_up = _shifted(joined, _HORIZONTAL_RUN, one_space)
    return Repaired(text, (mended, closed_up))


# A word broken across lines with a hyphen, as text taken from a PDF has it ("Amazon Web Ser-\nvices").
_LINE_END_HYPHEN = re.compile(r"(?<!\w)(?P<left>[A-Za-z]+)[-\u2010\u00ad][ \t]*(?:\r\n|\r|\n)[ \t]*"
                              r"(?P<right>[a-z]+)(?P<punct>[.,;:)]*)")
# left halves that open a real hyphenated compound, which a line break does not make one word: "twenty-four",
# "third-party", "opt-out", "e-mail"
_COMPOUND_LEFT = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "third", "opt", "e",
                  "sign", "log", "self", "non", "co", "cross", "long", "short", "well", "follow", "up", "pre", "post"}


def dehyphenate(text: str) -> str:
    """``text`` with words broken across lines joined, at the same length, so that every offset stays valid.

    Why by hand: text extractors either leave these breaks (pypdf) or join them by changing the text's length,
    which would break our offsets. A break is joined without its hyphen ("Ser-\\nvices" -> "Services") when the
    joined word occurs elsewhere in the document or the left half is not one that opens a compound; it keeps the
    hyphen otherwise ("twenty-\\nfour" -> "twenty-four", "third-\\nparty" -> "third-party"). The characters taken
    out (hyphen, line break, indentation) become spaces after the word and its punctuation.
    """
    if "\n" not in text and "\r" not in text:
        return text
    # the document's words and hyphenated words, read once (on the first break) rather than once per break
    words: set[str] | None = None
    hyphenated_words: set[str] = set()

    def join(m: re.Match) -> str:
        nonlocal words
        left, right = m.group("left"), m.group("right")
        if words is None:
            lowered = text.lower()
            words = set(re.findall(r"[a-z]+", lowered))
            hyphenated_words.update(re.findall(r"[a-z]+-[a-z]+", lowered))
        keep = (f"{left}{right}".lower() not in words
                and (left.lower() in _COMPOUND_LEFT or f"{left}-{right}".lower() in hyphenated_words))
        joined = f"{left}{'-' if keep else ''}{right}{m.group('punct')}"
        return joined + " " * (len(m.group(0)) - len(joined))

    return _LINE_END_HYPHEN.sub(join, text)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _lines(text: str) -> list[re.Match]:
    """Each line of ``text`` with its line break."""
    return [m for m in _LINE.finditer(text) if m.end() > m.start()]


#: A document is hard-wrapped when it has this many lines or more ...
MIN_WRAPPED_LINES = 8
#: ... its longest lines (the 98th percentile: a long address or table row may overrun) are at most this long ...
MAX_WRAP_WIDTH = 200
#: ... and this share of its lines come within a fifth of that width, of which at most this share end a sentence.
MIN_SHARE_NEAR_WIDTH = 0.3
MAX_SHARE_SENTENCE_ENDS = 0.5
# words a line cannot end a phrase with, so that a next line opening like a clause ("Art. 28", "1. ") goes on with it:
# "according to / Art. 28", "described in section / 9.", "kept for five / (5) years"
_OPEN_END = {"to", "of", "the", "a", "an", "and", "or", "with", "by", "for", "in", "under", "from", "at", "on", "per",
             "as", "than", "see", "section", "clause", "paragraph", "article", "schedule", "annex", "appendix",
             "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
             "twenty", "thirty", "sixty", "ninety", "hundred"}
_BULLETS = "•●▪■◦○·‣⁃∙►▶➢➤✓✔□❖◆◇♦-*–—+"


# a list item without a bullet: a short name, then a dash or a colon ("Stripe – payments", "Wonde: class lists")
_BARE_ITEM = re.compile(r"[A-Z0-9][\w.&'’()/ ]{0,50}?\s[–—-]\s|[A-Z][\w.&'’()/ ]{0,40}:\s")


def _wraps(line: str, nxt: str, run_start: str, width: int, run_width: int) -> bool:
    """Whether the break between ``line`` and ``nxt`` of a hard-wrapped document is a wrap (see :func:`unwrap`);
    ``run_width`` is the longest line of the paragraph before this one (0 when this one opens it)."""
    if not line.strip() or not nxt or CELL_GAP.search(without_marker(line)) or CELL_GAP.search(without_marker(nxt)):
        return False  # (the spaces after an item's bullet are no cell gap: "•   Microsoft Ireland Operations ...")
    if re.search(r"[A-Za-z][-\u00ad]$", line):
        return False  # a word broken across the lines, which dehyphenate() joins
    if opens_item(nxt) and not (line.rsplit(None, 1)[-1].lower() in _OPEN_END and nxt[0] not in _BULLETS):
        return False  # a list item or a clause, unless the line stops mid-phrase ("according to / Art. 28 GDPR")
    # a wrap falls where the next word would not have fitted: on the paragraph's widest line so far, or the next one
    fitted = len(line) + 1 + len(nxt.split(None, 1)[0]) <= max(run_width, len(nxt))
    if len(line) > 1.1 * width or (len(line) < 0.75 * width and (fitted or not run_width)):
        return False
    capital = nxt[0].isupper() or nxt[0].isdigit()
    if line[-1] in ".!?" and capital and fitted:
        return False  # a sentence ends and the next starts on a line of its own: a new paragraph
    if _BARE_ITEM.match(nxt) and (line[-1] == ":" or _BARE_ITEM.match(run_start)):
        return False  # a list without bullets: its lead-in, and one item before the next
    return not (line[-1] == ":" and capital and len(nxt) < 0.75 * width)


def unwrap(text: str) -> str:
    """``text`` with the line breaks of a hard-wrapped document (a PDF's lines, a plain-text e-mail's) that fall
    inside a sentence, a list item or a table row turned into spaces.

    A break is a wrap when its line is long: within a quarter of the document's width (a PDF's proportional letters
    make lines of one width differ by a tenth or more in characters). A break stays when the next line opens a list
    item or a section, when either line is a borderless table's row (its cells are apart by tabs or runs of spaces),
    when a sentence ends there and the next line starts a new one, when a colon ends it and a short line or an item
    follows ("Our providers:" / "Stripe – payments"), and between two items of a list without bullets ("Wonde –
    class lists" / "Stripe – payments"). Documents whose lines are paragraphs (nearly every one typed or pasted from
    a web page) are left as they are.
    """
    lines = _lines(text)
    bodies = [m.group(0).rstrip("\r\n") for m in lines]
    lengths = sorted(len(b.rstrip()) for b in bodies if b.strip())
    if len(lengths) < MIN_WRAPPED_LINES:
        return text
    width = lengths[int(0.98 * (len(lengths) - 1))]
    if width > MAX_WRAP_WIDTH or sum(n >= 0.8 * width for n in lengths) < MIN_SHARE_NEAR_WIDTH * len(lengths):
        return text
    long_ends = [b.rstrip()[-1] for b in bodies if len(b.rstrip()) >= 0.8 * width]
    if sum(end in ".!?" for end in long_ends) > MAX_SHARE_SENTENCE_ENDS * len(long_ends):
        return text  # its long lines are whole paragraphs, which a wrap ends only now and then
    out = list(text)
    run_start, run_width = "", 0  # the first line of the paragraph or item the current line goes on; its widest
    for i in range(len(lines) - 1):
        line, nxt = bodies[i].rstrip(), bodies[i + 1].strip()
        run_start = run_start or line.strip()
        joined = _wraps(line, nxt, run_start, width, run_width)
        if joined:
            for j in range(lines[i].start() + len(bodies[i]), lines[i].end()):
                out[j] = " "
            run_width = max(run_width, len(line))
        else:
            run_start, run_width = "", 0
    return "".join(out)


_BREAK = re.compile(r"\r\n|\r|\n")
_BREAK_RUN = re.compile(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*")
#: A document is double-spaced when it has this many line breaks or more, nearly all (see MAX_SHARE_ODD_RUNS) one
#: blank line or three and more, and some of them three and more (a paragraph break doubled).
MIN_DOUBLED_BREAKS = 10
MAX_SHARE_ODD_RUNS = 0.05
MIN_PARAGRAPH_BREAKS = 3


def undouble(text: str) -> str:
    """``text`` with the blank line after every line of a double-spaced document taken out, at the same length:
    a copy that put an empty line after each line (a web page's list items and table rows as paragraphs) keeps
    a list's items and a table's rows apart from their lead-in and from each other, as no typed policy does.
    Each run of n line breaks keeps n // 2 of them; the others become spaces. A document that merely puts a blank
    line between paragraphs has no runs of three or more and is left as it is.
    """
    body_end = len(text.rstrip())
    runs = [m for m in _BREAK_RUN.finditer(text) if m.end() < body_end]  # the file's last break aside
    counts = [len(_BREAK.findall(m.group(0))) for m in runs]
    if len(counts) < MIN_DOUBLED_BREAKS:
        return text
    odd = sum(c in (1, 3) for c in counts)
    if odd > MAX_SHARE_ODD_RUNS * len(counts) or sum(c >= 4 for c in counts) < MIN_PARAGRAPH_BREAKS:
        return text
    out = list(text)
    for m, n in zip(runs, counts, strict=True):
        for b in list(_BREAK.finditer(m.group(0)))[: n - max(1, n // 2)]:
            for j in range(m.start() + b.start(), m.start() + b.end()):
                out[j] = " "
    return "".join(out)


def without_page_breaks(text: str) -> str:
    """``text`` with a PDF's page breaks taken out at the same length: each page number or running line
    (``segmentation.page_furniture``) and the blank lines around it become spaces at the end of the line before, so
    that a list, a table or a sentence the page cut goes on where it left off."""
    lines = _lines(text)
    bodies = [m.group(0).strip() for m in lines]
    furniture = page_furniture(bodies)
    if not any(furniture):
        return text
    out = list(text)
    i = 0
    while i < len(lines):
        if not furniture[i]:
            i += 1
            continue
        first = i
        while first > 0 and not bodies[first - 1]:
            first -= 1
        last = i
        while last + 1 < len(lines) and (furniture[last + 1] or not bodies[last + 1]):
            last += 1
        start = lines[first - 1].start() + len(lines[first - 1].group(0).rstrip("\r\n")) if first else 0
        end = lines[last + 1].start() if last + 1 < len(lines) else len(text)
        # a blank line more than the page's own margins need (one each side) is a paragraph's end, which stays
        breaks = "\n\n" if sum(not bodies[j] for j in range(first, last + 1)) >= 3 else "\n"
        out[start:end] = " " * (end - start - len(breaks)) + (breaks if first and last + 1 < len(lines) else " ")
        i = last + 1
    return "".join(out)
