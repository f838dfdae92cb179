"""HTML: main content only, with headings, lists and tables kept as plain-text structure."""

from __future__ import annotations

import codecs
import re

from ._text import decode_text_bytes, encoding_display_name
from ._types import ExtractedDocument, ExtractionError, ExtractionLimits

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"\A(\ufeff)?\s*<\?xml[^>]*\?>", re.IGNORECASE)
# WHATWG: these labels mean Windows-1252 in browsers.
_WHATWG_1252 = {"latin_1", "ascii", "iso8859_1", "cp1252"}

_REMOVE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
    "canvas",
    "dialog",
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BOILERPLATE_ATTR = re.compile(
    r"cookie[-_ ]?(?:banner|consent|notice|bar|popup|law|message|wall)|\bconsent\b|gdpr[-_]?(?:banner|popup)"
    r"|onetrust|cookiebot|\bcc-(?:window|banner)\b|newsletter|\bbreadcrumbs?\b|skip-link|\bsidebar\b",
    re.IGNORECASE,
)
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "dialog", "alertdialog", "search", "complementary"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "address",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "fieldset",
    "details",
    "summary",
    "body",
    "html",
    "center",
    "hr",
    "ul",
    "ol",
}
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


def decode_html_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode HTML honouring a BOM, then a <meta charset>, then UTF-8, then detection."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), enc, []
            except UnicodeDecodeError:
                break
    m = _META_CHARSET.search(data[:8192])
    if m:
        label = m.group(1).decode("ascii", "replace").strip().lower()
        try:
            codec = codecs.lookup(label).name
        except LookupError:
            codec = None
        if codec and codec.replace("-", "_") in _WHATWG_1252:
            codec = "cp1252"
        if codec and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError:
                text = data.decode(codec, errors="replace")
                return (
                    text,
                    codec,
                    [
                        f"This web page says it is {encoding_display_name(codec)} but contains invalid characters; "
                        "some characters may be shown as �."
                    ],
                )
    text, enc, warnings = decode_text_bytes(data)
    return text, enc, warnings


def _parse(text: str):
    import lxml.html

    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise ExtractionError("This web page is empty.")
    try:
        return lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError/ValueError on hopeless input
        raise ExtractionError("This web page could not be read: its HTML is damaged.") from exc


def _strip_unwanted(root, aggressive: bool) -> None:
    from lxml import etree

    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    drop = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in ("script", "style", "noscript", "template"):
            drop.append(el)
            continue
        if not aggressive:
            continue
        if tag in _REMOVE_TAGS:
            drop.append(el)
            continue
        attrs = el.attrib
        if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(attrs.get("style", "")):
            drop.append(el)
            continue
        if attrs.get("role", "").lower() in _BOILERPLATE_ROLES:
            drop.append(el)
            continue
        if tag not in ("body", "html", "main", "article") and _BOILERPLATE_ATTR.search(
            " ".join((attrs.get("id", ""), attrs.get("class", "")))
        ):
            drop.append(el)
    for el in drop:
        parent = el.getparent()
        if parent is None:
            continue
        # keep the tail text, which belongs to the parent
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


class _Walker:
    """Turns a cleaned lxml tree into blocks: ("h"|"p"|"li"|"tr", text)."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []
        self.buf: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        lines = [_norm(line) for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(("p", text))

    def inline_text(self, el, skip=("ul", "ol", "table")) -> str:
        parts: list[str] = []

        def rec(e):
            if e.text:
                parts.append(e.text)
            for child in e:
                ctag = child.tag.lower() if isinstance(child.tag, str) else ""
                if ctag == "br":
                    parts.append(" ")
                elif ctag not in skip:
                    rec(child)
                if child.tail:
                    parts.append(child.tail)

        rec(el)
        return _norm("".join(parts))

    def walk(self, el, list_ctx: list | None = None) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _HEADINGS:
            self.flush()
            text = _norm(el.text_content())
            if text:
                self.blocks.append(("h", "#" * _HEADINGS[tag] + " " + text))
        elif tag == "li":
            self.flush()
            counter = list_ctx if list_ctx is not None else [None]
            if counter[0] is None:
                prefix = "- "
            else:
                counter[0] += 1
                prefix = f"{counter[0]}. "
            text = self.inline_text(el)
            if text:
                self.blocks.append(("li", prefix + text))
            for child in el:
                ctag = child.tag.lower() if isinstance(child.tag, str) else ""
                if ctag in ("ul", "ol", "table"):
                    self.walk(child)
        elif tag in ("ul", "ol"):
            self.flush()
            ctx = [None] if tag == "ul" else [int(el.get("start", "1")) - 1 if el.get("start", "1").isdigit() else 0]
            if el.text and el.text.strip():
                self.buf.append(el.text)
            for child in el:
                self.walk(child, ctx)
                if child.tail and child.tail.strip():
                    self.buf.append(child.tail)
            self.flush()
        elif tag == "table":
            self.flush()
            for tr in el.iter("tr"):
                cells = [
                    _norm(td.text_content()) for td in tr if isinstance(td.tag, str) and td.tag.lower() in ("td", "th")
                ]
                if any(cells):
                    self.blocks.append(("tr", " | ".join(cells)))
            self.flush()
        elif tag == "br":
            self.buf.append("\n")
        elif tag in _BLOCKS or tag in ("tr", "td", "th"):
            self.flush()
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child, list_ctx)
                if child.tail:
                    self.buf.append(child.tail)
            self.flush()
        else:
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child, list_ctx)
                if child.tail:
                    self.buf.append(child.tail)


def join_blocks(blocks: list[tuple[str, str]]) -> str:
    out: list[str] = []
    prev = None
    for kind, text in blocks:
        if out:
            out.append("\n" if kind == prev and kind in ("li", "tr") else "\n\n")
        out.append(text)
        prev = kind
    return "".join(out)


def fallback_text(root) -> str:
    """Plain lxml extraction of the main content: scripts, styles, navigation, headers, footers removed."""
    _strip_unwanted(root, aggressive=True)
    target = root
    for xpath in ("//main", "//article", "//*[@role='main']", "//body"):
        found = root.xpath(xpath)
        if found:
            candidate = max(found, key=lambda e: len(e.text_content()))
            if len(_norm(candidate.text_content())) >= 200 or xpath == "//body":
                target = candidate
                break
    walker = _Walker()
    walker.walk(target)
    walker.flush()
    return join_blocks(walker.blocks)


_MD_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


def tidy_markdown(md: str) -> str:
    """trafilatura's Markdown -> our plain-text structure: '|' tables without the rule rows, no emphasis marks."""
    lines = []
    for line in md.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith("|"):
            if _MD_TABLE_SEP.match(stripped):
                continue
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            line = " | ".join(cells).strip()
            if not line.replace("|", "").strip():
                continue
        else:
            line = line.rstrip()
        line = _BOLD.sub(r"\2", line)
        line = _ITALIC.sub(r"\1", line)
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _trafilatura_text(root) -> str:
    try:
        import trafilatura
    except ImportError:
        return ""
    try:
        md = trafilatura.extract(
            root,
            output_format="markdown",
            include_tables=True,
            include_formatting=True,
            include_comments=False,
            include_links=False,
            include_images=False,
            deduplicate=False,
            favor_recall=True,
        )
    except Exception:  # trafilatura is a heuristic; never let it take the upload down
        return ""
    return tidy_markdown(md or "")


def extract_html(data: bytes, limits: ExtractionLimits) -> ExtractedDocument:
    text, encoding, warnings = decode_html_bytes(data)  # a <meta charset> wins over generic detection
    warnings = list(warnings)
    main = _trafilatura_text(_parse(text))
    fallback = fallback_text(_parse(text))
    chosen = main
    if len(main.strip()) < limits.min_text_chars:
        chosen = fallback
        if main.strip() and len(fallback.strip()) >= limits.min_text_chars:
            warnings.append(
                "We couldn't pick out the main text of this web page, so everything except menus, "
                "headers and footers was kept."
            )
    elif len(main) < 0.2 * len(fallback):
        warnings.append(
            "Only part of this web page was recognised as the policy text; please check nothing is missing."
        )
    if len(chosen.strip()) < limits.min_text_chars:
        raise ExtractionError(
            "We couldn't find the policy text on this web page. If the page builds its text with JavaScript, "
            "please save it as PDF from your browser and upload that instead."
        )
    return ExtractedDocument(text=chosen, format="html", encoding=encoding, page_count=None, warnings=tuple(warnings))
