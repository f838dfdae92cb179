"""Split a policy's text into headings, sentences, list items and table rows with exact offsets.

Why hand-written rather than pysbd / nltk / spaCy: findings must quote ``text[start:end]`` of the
*original* text (CRLF, non-breaking spaces, runs of blank lines and all), and the rules need to know
what kind of line a sentence came from (heading, bullet, numbered clause, the row of a table whose
borders were lost) and which heading it sits under. Generic sentence splitters return normalised
strings without that layout, and cost far more than this single linear pass.

The algorithm, in one pass over the lines plus one over each block:

1. Lines are found by their offsets (``\\r\\n``, ``\\r``, ``\\n``, form feeds, U+2028...).
   Each non-blank line gets a *marker* (bullet, ``1.``, ``8.4``, ``(a)``, ``i.``, ``o``...) and a body.
2. Lines are grouped into blocks: a heading (short, no closing punctuation, followed by text or a
   list; or numbered / ALL CAPS / markdown / a question), a list item (marker + wrapped lines),
   a key-value or table row, or a paragraph (lines joined while the previous line does not end a
   sentence, and across blank lines when the next block starts in lower case).
3. Each paragraph and list item is split into sentences at ``. ! ?`` followed by an upper-case
   start, except after abbreviations (e.g., i.e., No., Ltd. ...). Over-long pieces are cut at ``;``
   and then at whitespace, so no segment exceeds ``MAX_SEGMENT`` characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .types import Document, Segment

MAX_SEGMENT = 700

_EXTRA_SPACE = "\u200b\u200c\u200d\ufeff\u00ad"
_NEWLINE = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|emf|wmf)\s*\)?$", re.I)
# a company's legal form wrapped onto the next line of a borderless table ("Harbourne Imaging   Prints ..." / "Ltd")
_LEGAL_FORM = r"(?:Ltd|Limited|Inc|LLC|LLP|plc|PLC|GmbH|B\.V|S\.A|SAS|Pty|Corp)\.?"
_LEGAL_FORM_CELL = re.compile(_LEGAL_FORM + r"(?:[ \t]{2,}|$)")
# ... or with the rest of the name ("Microsoft Ireland   Hosting ..." / "Operations Ltd   (Microsoft Azure) ..."), when
# the line above opens with a name cell that has no legal form of its own and the line's other cells go on too
_NAME_END_CELL = re.compile(r"(?:[A-Z][\w&'.-]*[ ]){1,3}" + _LEGAL_FORM + r"[ \t]{2,}(?=[a-z(])")
# ... or whose first cell stops on a word that cannot end a name ("Google Workspace for   Pupil name ..." /
# "Education   email, ...")
_OPEN_NAME_CELL = re.compile(r"[ \t]*[A-Z][\w&'.-]*(?:[ ][\w&'.-]+){0,4}?[ ](?:for|of|and|&|the|de|to)[ \t]{3,}\S")
_NAME_CELL_WITHOUT_FORM = re.compile(r"[A-Z][\w&'.-]*(?:[ ][A-Z][\w&'.-]*){0,3}(?<!Ltd)(?<!Inc)(?<!LLC)[ \t]{3,}\S")
_PAGE_NUMBER = re.compile(r"(?:Page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|-\s*\d{1,3}\s*-", re.I)
# a rule drawn with characters under a table's header or between sections ("-----", "=====", "* * *")
_RULE_LINE = re.compile(r"[ \t]*(?:[-=_─━~*][ \t]*){3,}$")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<b>[^*_].*?)(\*\*|__):?$")
# Markers, tried in order at the start of a line (after indentation).
_MARKERS = [
    ("step", re.compile(r"§\s*\d{1,3}[a-z]?\.?(?=[ \t\u00a0])")),                 # § 9 (German-style sections)
    ("bullet", re.compile(r"[•●▪■◦○·‣⁃∙►▶➢➤✓✔□❖◆◇♦§\-*–—+](?=[ \t\u00a0]|$)")),
    ("bullet", re.compile(r"o(?=[ \t\u00a0]+\S)")),
    ("num", re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?(?=[ \t\u00a0]|$)")),          # 8.4  11.6.  1.1.
    ("num", re.compile(r"\d{1,3}[.)](?=[ \t\u00a0]|$)")),                       # 1.  2)
    ("num", re.compile(r"\d{1,3}(?=[ \t]*\t|[ \u00a0]{2,})")),                  # "14    Retention"
    ("num", re.compile(r"(?:[A-H]|[IVX]{1,4})\.(?=[ \t\u00a0])")),              # A.  IV.
    ("letter", re.compile(r"\(\d{1,3}\)(?=[ \t\u00a0])")),                      # (1)
    ("letter", re.compile(r"\((?:[ivx]{1,5}|[a-zA-Z])\)(?=[ \t\u00a0])")),       # (a) (iv)
    ("letter", re.compile(r"(?:[ivx]{1,5}|[a-z])[.)](?=[ \t\u00a0])")),          # a)  i.  iv)
    # "Article 4.", "Art. 7 -" (Italian and Spanish notices), "Article I." (Czech)
    ("step", re.compile(r"(?:Step|Article|Art\.|Section|Clause)\s*(?:\d{1,3}(?:\.\d+)*|[IVX]{1,5}\b)[.:]?"
                        r"(?=[ \t\u00a0])", re.I)),
]
_KEY_VALUE = re.compile(r"^[A-Z][\w /&()'’.-]{0,40}:[ \t\u00a0]*\S")
# a numbered part ("Section 4: Security") or a heading with a subtitle in title case that joins words ("Notice to
# Parents: Questions and Answers", "Cookies: How We Use Them"), unlike a field and its value ("Data Controller: Acme
# Learning Ltd", "Retention: 6 years")
_TITLED_SUBTITLE = re.compile(r"^(?:Section|Part|Article|Chapter|Schedule|Appendix|Annex)\s+[\w.]+:|"
                              r":\s+(?=(?:\S+\s+)*(?i:and|or|to|for|of|the|we|you|your|our|with|how|what|why)\s)"
                              r"(?:(?:[A-Z][\w'’-]*|and|or|to|for|of|the|a|an|in|on|at|by|with)\s+)+[A-Z][\w'’-]*\??$")
_CELL_SEP = re.compile(r"\t|\s\|\s|^\||[ \u00a0]{3,}\S")
# a gap between two cells of a borderless row, by tabs or by a run of spaces (not a " | " of a drawn table)
CELL_GAP = re.compile(r"\S(?:\t+|[ \u00a0]{3,})\S")
# words a long or comma-bearing line may end with only when it continues on the next line ("What we use it for" is
# still a heading)
_WRAP_END = {"for", "to", "from", "that", "which", "with", "is", "are", "will", "may", "can", "be", "into", "whether"}
# a lead-in that says nothing by itself
_BARE_LEAD = re.compile(r"(?i)(?:for (?:example|instance)|e\.g\.|examples?(?: include)?|these include|this includes|"
                        r"in particular|such as|namely|in practice|specifically|in detail|in summary|in short)"
                        r"\s*[:\-–—]+$")
# a short line ending in a colon that heads the text below it: in capitals, or of a few words
_COLON_HEADING = re.compile(r"^(?:[^a-z\n]{4,60}|\S+(?:\s+\S+){0,3}):$")
_LEAD_IN_START = {"We", "I", "You", "Our", "This", "It", "They", "These", "Please", "If", "When",
                  # connectives that lead into a list ("In addition:", "For example:")
                  "In", "Also", "However", "For", "Examples", "Example", "Note", "Further", "Furthermore", "Moreover",
                  "Additionally", "Finally", "Specifically", "Including", "Such", "Namely", "Otherwise", "Then",
                  "Besides", "Plus", "E.g.", "Eg", "Or", "And"}
_INTRO_END = {"to", "with", "for", "when", "you", "that", "include", "includes", "including", "are", "is", "as",
              "following", "below", "like", "about"}
# a longer heading that asks its question without the question mark: "How long we keep information:", "Who we share
# information with:", translated "To whom we communicate the data:" (a preposition ends it, as in a relative clause),
# unlike "What we collect includes:"
_WH_COLON_HEADING = re.compile(r"^(?:How|Who|What|Why|Where|Which|To whom|With whom)\b(?:\s+\S+){1,6}(?<!include)"
                               r"(?<!includes)"
                               r"(?<!including)(?<!are)(?<!is)(?<!following)(?<!below):$")
_FUNCTION_END = {"a", "an", "the", "and", "or", "of", "in", "on", "by", "our", "your", "as", "at", "such", "than", "if"}
_SENT_END = re.compile(r"[.!?…]+[\"'’”)\]]*(?=\s|$)")
# Abbreviations after which a period does not end a sentence.
_NEVER_END = {
    "e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "v", "approx", "fig",
    "cf", "incl", "ca", "art", "arts", "sec", "para", "paras", "p", "pp", "ref", "tel", "ext", "dept", "min",
    "max", "est", "viz", "al", "resp", "op", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s.c", "c.f.r", "reg", "regs", "govt", "mt", "ft", "sp",  # Polish "sp. z o.o."
}
# Abbreviations that end a sentence only when the next word typically starts one.
_MAYBE_END = {"ltd", "inc", "co", "corp", "llc", "llp", "plc", "l.l.c", "u.k", "u.s", "u.s.a", "e.u", "etc",
              "n.a", "s.a", "a.m", "p.m", "gmbh", "ag", "bv", "pty", "pte", "ltda"}
_STARTERS = {
    "we", "our", "you", "your", "the", "this", "these", "that", "those", "it", "its", "if", "in", "for", "to",
    "as", "when", "where", "please", "all", "any", "some", "each", "they", "their", "there", "such", "an", "a",
    "however", "also", "no", "not", "only", "by", "with", "from", "at", "on", "further", "additionally",
    "i", "my", "he", "she", "unless", "except", "while", "after", "before", "during", "once", "what", "how",
}


def opens_item(line: str) -> bool:
    """Whether a line (without its indentation) opens a list item, a numbered clause or a markdown heading."""
    return bool(_MD_HEADING.match(line)) or any(rx.match(line) for _, rx in _MARKERS)


def without_marker(line: str) -> str:
    """``line`` without its indentation, its list item's marker and the spaces after it ("•   Stripe" -> "Stripe")."""
    body = line.lstrip(" \t")
    for _, rx in _MARKERS:
        m = rx.match(body)
        if m:
            return body[m.end():].lstrip(" \t\u00a0")
    return body


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in _EXTRA_SPACE


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and _is_space(text[s]):
        s += 1
    while e > s and _is_space(text[e - 1]):
        e -= 1
    return s, e


@dataclass
class _Line:
    start: int  # trimmed start of the whole line (marker included)
    end: int  # trimmed end
    body: int  # start of the body after markers
    marker: str  # "", "bullet", "num", "letter", "step", "md"
    depth: int  # for "num": count of number groups
    blank_before: bool
    no_text: bool = False  # an image's file name or a horizontal rule: read past it


@dataclass
class _Block:
    kind: str  # "heading" | "para" | "item" | "row"
    start: int
    end: int
    major: bool = False
    lines: int = 1


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    blank = True
    n = len(text)
    for m in [*_NEWLINE.finditer(text), None]:
        e = m.start() if m else n
        s, t = _trim(text, pos, e)
        if s < t:
            out.append(_classify_line(text, s, t, blank))
            blank = False
        else:
            blank = True
        if m is None:
            break
        pos = m.end()
    return _drop_page_furniture(text, out)


def _drop_page_furniture(text: str, lines: list[_Line]) -> list[_Line]:
    """Mark a PDF's page numbers and running lines (:func:`page_furniture`) as no text, so that they neither head nor
    split the section they fall in."""
    furniture = page_furniture([text[ln.start : ln.end] for ln in lines])
    return [replace(ln, no_text=True) if furniture[i] else ln for i, ln in enumerate(lines)]


def page_furniture(lines: list[str]) -> list[bool]:
    """Which of a document's lines (stripped, blank ones included or not) are a PDF's page numbers ("Page 4 of 6")
    or the running header or footer printed beside them on every page: a line of ten characters or more printed
    three times or more, one of them within two lines of a page number, or printed twice, both times there (a
    two-page break's footer)."""
    page = [bool(_PAGE_NUMBER.fullmatch(b)) for b in lines]
    if not any(page):
        return page
    near = {j for i, is_page in enumerate(page) if is_page for j in range(max(0, i - 2), min(len(lines), i + 3))}
    counts: dict[str, int] = {}
    counts_near: dict[str, int] = {}
    for j, b in enumerate(lines):
        counts[b] = counts.get(b, 0) + 1
        if j in near:
            counts_near[b] = counts_near.get(b, 0) + 1
    running = {b for b, n in counts_near.items()
               if len(b) >= 10 and not _PAGE_NUMBER.fullmatch(b) and (counts[b] >= 3 or counts[b] == n == 2)}
    return [page[i] or b in running for i, b in enumerate(lines)]


def _classify_line(text: str, s: int, e: int, blank_before: bool) -> _Line:
    line = text[s:e]
    if _IMAGE.search(line) and len(line) < 120 and not _SENT_END.search(line[:-4]) or _RULE_LINE.match(line):
        return _Line(s, e, s, "", 0, blank_before, no_text=True)
    m = _MD_HEADING.match(line)
    if m:
        b, _ = _trim(text, s + m.end(), e)
        return _Line(s, e, b, "md", 1, blank_before)
    marker, depth, body = "", 0, s
    for _ in range(3):  # "• - Service providers", "1. (a) ..."
        rest = text[body:e]
        for kind, rx in _MARKERS:
            mm = rx.match(rest)
            if mm:
                if not marker or marker == "bullet":
                    marker = kind
                    if kind == "num":
                        depth = len(re.findall(r"\d+|[A-Z]+", mm.group(0)))
                body, _ = _trim(text, body + mm.end(), e)
                break
        else:
            break
        if body >= e:
            break
    if body >= e:  # a lone marker ("•", "1.") — keep it as plain text
        marker, depth, body = "", 0, s
    return _Line(s, e, body, marker, depth, blank_before)


def _ends_sentence(text: str, e: int) -> bool:
    i = e - 1
    while i >= 0 and text[i] in "\"'’”)]*_":
        i -= 1
    return i >= 0 and text[i] in ".!?:;…"


def _starts_lower(text: str, s: int) -> bool:
    ch = text[s] if s < len(text) else ""
    return ch.islower() or ch in "(,;&" and ch != "("


# a short numbered line that states something with a number is a clause, not a heading ("4. Backups are overwritten
# after 30 days.", unlike "1. Introduction.")
_SHORT_NUMBERED_SENTENCE = re.compile(r"\b(?:is|are|was|were|will|may|can|shall)\s+\w.*\d")


def _heading_candidate(text: str, ln: _Line) -> str:
    """"" if not a heading; "strong" if it is one regardless of context; "weak" if it needs a text below."""
    body = text[ln.body : ln.end]
    if ln.marker == "md":
        return "strong"
    # an accordion's title copied from a web page ("+ How long we keep it", "– Who we share with") heads its section
    accordion = ln.marker == "bullet" and text[ln.start : ln.body].strip() in ("+", "–", "−") and \
        len(body.split()) <= 8 and body[:1].isupper() and body[-1:].isalnum()
    if (ln.marker in ("bullet", "letter") or ln.no_text) and not accordion:
        return ""
    bold = _BOLD_LINE.match(body)
    if bold:
        body = bold.group("b")
    words = body.split()
    if not words or len(body) > 110 or len(words) > 15:
        return ""
    first = next((c for c in body if c.isalnum()), "")
    if not first or not (first.isupper() or first.isdigit()):
        return ""
    if "@" in body or "http" in body or "www." in body or body.lower().startswith("back to top"):
        return ""  # an address, or a web page's "Back to top ↑" link
    if body.count("|") >= 2 or len(re.findall(r"\S[ \t\u00a0]{3,}(?=\S)", body)) >= 2:
        # the row of a table ("Government entities | Yes | No", "Stripe   Card payments   USA"), not a heading
        return ""
    if body.endswith("?"):
        return "strong" if len(words) <= 16 else ""
    if _BARE_LEAD.match(body) or re.fullmatch(r"(?:A|Answer)\s*[:.]?", body):
        return ""  # "A. In summary:" or a lone "A:" answering the question above: a lead-in, not a heading of its own
    if body[-1] == ":" and (_COLON_HEADING.match(body) and not (words[0] in _LEAD_IN_START or
                                                               words[-1].lower().rstrip(":") in _INTRO_END)
                            or _WH_COLON_HEADING.match(body)):
        body = body[:-1]  # "YOUR CHOICES:", "Who receives information:" standing alone, unlike "We use it to:"
    elif body[-1] in ".,;:!-–—" and not (ln.marker == "num" and len(words) <= 6 and body[-1] in ".:"
                                         and not _SHORT_NUMBERED_SENTENCE.search(body)):
        return ""
    if _KEY_VALUE.match(body) and not body.rstrip().endswith(":") and not _TITLED_SUBTITLE.search(body):
        return ""
    if words[-1].lower().strip("\"'’”") in _FUNCTION_END:
        return ""
    if words[-1].lower() in _WRAP_END and ("," in body or len(words) > 8):
        return ""  # a sentence hard-wrapped before its object ("we keep contracts with Schools for / six years")
    if _SENT_END.search(body[:-1]) and len(words) > 6:  # contains a sentence end: it's text
        return ""
    letters = [c for c in body if c.isalpha()]
    if bold or ln.marker in ("num", "step") or (len(letters) >= 4 and all(c.isupper() for c in letters)):
        return "strong"
    return "weak"


def _header_row(line: str) -> bool:
    """A table's header row: every cell a few capitalised words ("Sub-processor   Purpose   Location")."""
    cells = [c for c in re.split(r"\t+|[ \u00a0]{2,}", line.strip()) if c]
    return len(cells) >= 2 and all(len(c.split()) <= 4 and all(w[:1].isupper() for w in c.split()) for c in cells)


def _is_short_text(text: str, ln: _Line) -> bool:
    body = text[ln.body : ln.end]
    return len(body) < 60 and not _ends_sentence(text, ln.end)


def _blocks(text: str, lines: list[_Line]) -> list[_Block]:
    blocks: list[_Block] = []
    n = len(lines)
    real = [i for i in range(n) if not lines[i].no_text]
    nxt = {real[k]: (real[k + 1] if k + 1 < len(real) else None) for k in range(len(real))}
    prev_real: int | None = None
    for i in real:
        ln = lines[i]
        ni = nxt[i]
        nl = lines[ni] if ni is not None else None
        adjacent_next = nl is not None and not nl.blank_before and ni == i + 1
        prev = blocks[-1] if blocks else None
        prev_line = lines[prev_real] if prev_real is not None else None
        adjacent_prev = prev_line is not None and not ln.blank_before and prev_real == i - 1
        prev_real = i

        # a cell wrapped onto an indented line of its own, in a table whose borders were lost ("Bird B.V.   sending of
        # SMS at absence   Netherlands" / "                        and at urgent messages"): part of the row above
        # ... or a bracketed rest of a name ("Functional Software, Inc.   Error monitoring" / "(Sentry)")
        if prev is not None and prev.kind == "row" and adjacent_prev and ln.marker == "" and (
                ln.start - (text.rfind("\n", 0, ln.start) + 1) >= 8 or text.startswith("(", ln.body)
                or _LEGAL_FORM_CELL.match(text, ln.body, ln.end)
                or _NAME_END_CELL.match(text, ln.body, ln.end) and prev_line is not None
                and _NAME_CELL_WITHOUT_FORM.match(text, prev_line.start, prev_line.end)
                and not _header_row(text[prev_line.start : prev_line.end])
                or prev.lines == 1 and prev_line is not None and _OPEN_NAME_CELL.match(text, prev_line.start,
                                                                                        prev_line.end)):
            prev.end = ln.end
            prev.lines += 1
            continue

        # continuation of the previous paragraph / item (wrapped line)
        if (
            prev is not None
            and prev.kind in ("para", "item")
            and ln.marker == ""
            and not _KEY_VALUE.match(text[ln.body : ln.end])
            and (
                (adjacent_prev and (not _ends_sentence(text, prev.end) or _starts_lower(text, ln.body)))
                or (not adjacent_prev and _starts_lower(text, ln.body) and not _ends_sentence(text, prev.end))
            )
        ):
            prev.end = ln.end
            prev.lines += 1
            continue

        cand = _heading_candidate(text, ln)
        if cand and ln.marker == "" and CELL_GAP.search(text[ln.body : ln.end]) and (
                (adjacent_prev and prev is not None and prev.kind == "row")
                or (adjacent_next and CELL_GAP.search(text[nl.body : nl.end]))):
            cand = ""  # a row of a table ("Pupil photos<TAB>Deleted within 28 days"), not a heading
        if cand and ln.marker in ("num", "step") and adjacent_next and nl.marker == "" and \
                _starts_lower(text, nl.body) and not _BOLD_LINE.match(text[ln.body : ln.end]):
            cand = ""  # a numbered clause wrapped mid-sentence ("10.3 Contracts are kept for six years / after ...")
        if cand and ln.marker == "num":
            # a run of short numbered lines is a list, not a series of headings
            sib = False
            for other, adj in ((prev_line if adjacent_prev else None, True), (nl if adjacent_next else None, True)):
                if other is not None and adj and other.marker == "num" and other.depth == ln.depth:
                    sib = True
            if sib:
                cand = ""
                blocks.append(_Block("item", ln.body, ln.end))
                continue
        if cand == "weak":
            if nl is None:
                cand = ""
            elif nl.marker == "" and _starts_lower(text, nl.body):
                cand = ""  # a sentence wrapped over a line break or a blank line
            elif nl.marker in ("bullet", "letter", "num", "md") or (not blocks and nl.blank_before):
                cand = "strong"  # a list follows, or the document's first line (its title)
            elif nl.blank_before and _heading_candidate(text, nl) == "strong":
                cand = "strong"  # "Privacy Policy" above "How long do we keep your data?"
            elif text[ln.body : ln.end].rstrip().endswith(":") and re.search(r"\S(?:\t|[ \u00a0]{3,})\S",
                                                                            text[nl.body : nl.end]):
                cand = "strong"  # "How long we keep it:" over a borderless table's first row
            else:
                nbody = text[nl.body : nl.end]
                long_next = len(nbody) >= 70 or (_ends_sentence(text, nl.end) and len(nbody.split()) >= 5)
                cand = "strong" if long_next and not _heading_candidate(text, nl) else ""
        if cand:
            major = ln.marker in ("md",) or (ln.marker == "num" and ln.depth == 1)
            body = text[ln.body : ln.end]
            letters = [c for c in body if c.isalpha()]
            if len(letters) >= 4 and all(c.isupper() for c in letters):
                major = True
            b = _BOLD_LINE.match(body)
            s, e = (ln.body + b.start("b"), ln.body + b.end("b")) if b else (ln.body, ln.end)
            blocks.append(_Block("heading", s, e, major=major))
            continue
        body = text[ln.body : ln.end]
        clause = ln.marker in ("num", "step") and (
            len(body) >= 200 or _SENT_END.search(body[:-1]) or (_ends_sentence(text, ln.end) and len(body.split()) >= 6)
        )
        if ln.marker in ("bullet", "letter") or (ln.marker in ("num", "step") and not clause):
            blocks.append(_Block("item", ln.body, ln.end))
            continue
        if _KEY_VALUE.match(body) or _CELL_SEP.search(body):
            blocks.append(_Block("row", ln.body, ln.end))
            continue
        blocks.append(_Block("para", ln.body, ln.end))
    return blocks


def _split_sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[s:e] (already trimmed)."""
    out: list[tuple[int, int]] = []
    cur = s
    for m in _SENT_END.finditer(text, s, e):
        end = m.end()
        j = end
        while j < e and _is_space(text[j]):
            j += 1
        if j >= e:
            break
        nxt = text[j]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'‘“(•[" or text[m.start()] in "!?"):
            continue
        if text[m.start()] == ".":
            k = m.start()
            w = k
            while w > cur and not _is_space(text[w - 1]) and text[w - 1] not in "(\"'‘“[":
                w -= 1
            word = text[w:k].lower()
            if word in _NEVER_END or (len(word) == 1 and word.isalpha()):
                continue
            if word in _MAYBE_END:
                ne = j
                while ne < e and text[ne].isalpha():
                    ne += 1
                if text[j:ne].lower() not in _STARTERS:
                    continue
            if word.isdigit() and nxt.isdigit():  # "Section 3. 4" is rare; "1. 2" likely list numbering
                continue
        out.append((cur, end))
        cur = j
    out.append((cur, e))
    res: list[tuple[int, int]] = []
    for a, b in out:
        a, b = _trim(text, a, b)
        if a < b:
            res.extend(_cut_long(text, a, b))
    return res


def _cut_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    if e - s <= MAX_SEGMENT:
        return [(s, e)]
    pieces: list[tuple[int, int]] = []
    cur = s
    while e - cur > MAX_SEGMENT:
        window_end = cur + MAX_SEGMENT
        cut = -1
        for sep in (";", ":", ",", " "):
            k = text.rfind(sep, cur + MAX_SEGMENT // 3, window_end)
            if k != -1:
                cut = k + 1
                break
        if cut == -1:
            cut = window_end
        a, b = _trim(text, cur, cut)
        if a < b:
            pieces.append((a, b))
        cur = cut
    a, b = _trim(text, cur, e)
    if a < b:
        pieces.append((a, b))
    return pieces


def segment(text: str) -> Document:
    """Split ``text`` into segments in reading order; ``seg.text == text[seg.start:seg.end]`` always."""
    lines = _lines(text)
    blocks = _blocks(text, lines)
    segs: list[Segment] = []
    heading = section = ""
    lead = base_lead = ""
    last_sentence = ""
    for b in blocks:
        if b.kind == "heading":
            ht = text[b.start : b.end]
            segs.append(Segment(b.start, b.end, ht, "heading", heading, len(segs), section, ""))
            heading = ht
            if b.major or not section:
                section = ht
            lead = base_lead = last_sentence = ""
            continue
        if b.kind == "row":
            lead = base_lead = last_sentence = ""
            for a, z in _cut_long(text, b.start, b.end):
                segs.append(Segment(a, z, text[a:z], "table_row", heading, len(segs), section, ""))
            continue
        kind = "list_item" if b.kind == "item" else "sentence"
        if b.kind == "para" and b.lines == 1 and len(text[b.start : b.end]) < 60 and not _ends_sentence(text, b.end):
            kind = "table_row"
        spans = _split_sentences(text, b.start, b.end)
        for a, z in spans:
            st = text[a:z]
            segs.append(Segment(a, z, st, kind, heading, len(segs), section, lead if kind == "list_item" else ""))
        if kind == "sentence":
            last_sentence = text[spans[-1][0] : spans[-1][1]] if spans else ""
            stripped = last_sentence.rstrip("\"'’” ")
            lead = base_lead = last_sentence if stripped and stripped[-1] not in ".!?" else ""
            if lead and len(spans) > 1 and _BARE_LEAD.match(stripped):
                # "... sets out how long we keep information. For example:": the sentence before says what the
                # items are examples of
                lead = base_lead = text[spans[-2][0] : spans[-1][1]]
        elif kind == "list_item" and spans:
            # an item ending with ':' introduces nested items; keep the outer lead otherwise
            last = text[spans[-1][0] : spans[-1][1]].rstrip()
            if last.endswith(":") or last.endswith(":-"):
                lead = f"{base_lead} {last}".strip()
    return Document(text=text, segments=tuple(segs))
