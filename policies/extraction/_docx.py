"""DOCX: zip-bomb / XML-entity checks, then body-order text with headings, numbered lists and tables."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile

from ._types import ExtractedDocument, ExtractionError, ExtractionLimits, human_size

DAMAGED = (
    "This Word document is damaged or incomplete and can't be opened. "
    "Please open it in Word, save it again as .docx, and re-upload it."
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_FORBIDDEN_XML = tuple(
    marker.encode(enc) for marker in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be")
)
_RATIO_CHECK_FLOOR = 1024 * 1024  # entries smaller than this may compress as well as they like


def _bomb(limits: ExtractionLimits) -> ExtractionError:
    return ExtractionError(
        f"This Word document expands to more than {human_size(limits.max_uncompressed_bytes)} when opened, "
        "which is more than we accept. Please save it again without embedded files (or as PDF) and re-upload it."
    )


def check_docx_zip(data: bytes, limits: ExtractionLimits) -> None:
    """Refuse zip bombs using only the central directory: nothing is decompressed here."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, RuntimeError) as exc:
        raise ExtractionError(DAMAGED) from exc
    if len(infos) > limits.max_zip_entries:
        raise ExtractionError(
            f"This Word document contains {len(infos):,} internal parts; we accept up to "
            f"{limits.max_zip_entries:,}. Please save it again as .docx or PDF and re-upload it."
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ExtractionError("This Word document is password-protected. Please upload a copy without a password.")
        if info.file_size > limits.max_uncompressed_bytes:
            raise _bomb(limits)
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            raise _bomb(limits)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_CHECK_FLOOR and ratio > limits.max_compression_ratio:
            raise _bomb(limits)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ExtractionError(DAMAGED)


def check_xml_parts(data: bytes, limits: ExtractionLimits) -> None:
    """Stream every XML part and refuse DOCTYPE/ENTITY declarations (billion laughs, XXE).

    zipfile never returns more than an entry's declared size, so forged sizes can't inflate this.
    """
    chunk_size = 1 << 20
    overlap = max(len(m) for m in _FORBIDDEN_XML)
    seen = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                name = info.filename.lower()
                if not (name.endswith(".xml") or name.endswith(".rels")):
                    continue
                tail = b""
                with zf.open(info) as fh:
                    while True:
                        chunk = fh.read(chunk_size)
                        if not chunk:
                            break
                        seen += len(chunk)
                        if seen > limits.max_uncompressed_bytes:
                            raise _bomb(limits)
                        window = tail + chunk
                        if any(marker in window for marker in _FORBIDDEN_XML):
                            raise ExtractionError(
                                "This Word document contains XML features (DOCTYPE/ENTITY declarations) that "
                                "Word never writes and that can be used to attack servers, so we refused it. "
                                "Please open it in Word, save it again, and re-upload it."
                            )
                        tail = window[-overlap:]
    except ExtractionError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise ExtractionError(DAMAGED) from exc


# --- numbering -------------------------------------------------------------------------------------------


def _roman(n: int) -> str:
    vals = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out) or "0"


def _letters(n: int) -> str:
    if n <= 0:
        return "0"
    # Word repeats the letter: a..z, aa..zz, aaa..
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _fmt_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    def __init__(self, doc) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId -> ilvl -> (start, fmt, text)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.started_nums: set[str] = set()
        try:
            root = doc.part.numbering_part.element
        except Exception:  # no numbering part
            return
        for absn in root.iter(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId")
            lvls = {}
            for lvl in absn.iter(W + "lvl"):
                try:
                    ilvl = int(lvl.get(W + "ilvl", "0"))
                except ValueError:
                    continue
                start_el, fmt_el, text_el = lvl.find(W + "start"), lvl.find(W + "numFmt"), lvl.find(W + "lvlText")
                try:
                    start = int(start_el.get(W + "val")) if start_el is not None else 1
                except (TypeError, ValueError):
                    start = 1
                fmt = fmt_el.get(W + "val", "decimal") if fmt_el is not None else "decimal"
                text = text_el.get(W + "val", "") if text_el is not None else ""
                lvls[ilvl] = (start, fmt, text)
            self.levels[aid] = lvls
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId")
            absref = num.find(W + "abstractNumId")
            if absref is None:
                continue
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    with contextlib.suppress(TypeError, ValueError):
                        overrides[int(ov.get(W + "ilvl", "0"))] = int(so.get(W + "val"))
            self.nums[nid] = (absref.get(W + "val"), overrides)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list counter; return e.g. '8.4', '(a)', or None for bullets / unknown lists."""
        if num_id not in self.nums:
            return None
        aid, overrides = self.nums[num_id]
        lvls = self.levels.get(aid, {})
        if ilvl not in lvls:
            return None
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.started_nums:
            self.started_nums.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        start, fmt, text = lvls[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none") or not text:
            return None

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            kstart, kfmt, _ = lvls.get(k, (1, "decimal", ""))
            value = counters.get(k, kstart)
            return _fmt_number(value, kfmt if k != ilvl else fmt)

        label = re.sub(r"%([1-9])", sub, text).strip()
        return label or None


# --- body walk -------------------------------------------------------------------------------------------


def _paragraph_text(p) -> str:
    parts: list[str] = []

    def rec(el) -> None:
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag in (
                W + "del",
                W + "delText",
                W + "instrText",
                W + "txbxContent",
                W + "pPr",
                W + "rPr",
                MC + "Fallback",
                W + "footnoteReference",
                W + "commentReference",
            ):
                continue
            else:
                rec(child)

    rec(p)
    return "".join(parts)


_SPACES = re.compile(r"[ \u00a0]{2,}")


class _Body:
    def __init__(self, doc) -> None:
        self.doc = doc
        self.numbering = _Numbering(doc)
        self.blocks: list[tuple[str, str]] = []
        self.style_cache: dict[str, tuple[str, object]] = {}

    def _style(self, p):
        """(style name, style element) for a w:p."""
        ppr = p.find(W + "pPr")
        sid_el = ppr.find(W + "pStyle") if ppr is not None else None
        sid = sid_el.get(W + "val") if sid_el is not None else ""
        if sid not in self.style_cache:
            name, el = "", None
            try:
                from docx.enum.style import WD_STYLE_TYPE

                style = self.doc.part.get_style(sid or None, WD_STYLE_TYPE.PARAGRAPH)
                name, el = style.name or "", style.element
            except Exception:  # noqa: S110 - a missing/odd style just means "no style"
                pass
            self.style_cache[sid] = (name, el)
        return self.style_cache[sid]

    @staticmethod
    def _find_in_ppr(el, tag):
        if el is None:
            return None
        ppr = el.find(W + "pPr")
        return ppr.find(W + tag) if ppr is not None else None

    def paragraph(self, p) -> None:
        name, style_el = self._style(p)
        text = _SPACES.sub(" ", _paragraph_text(p)).strip()

        level = None
        if name == "Title":
            level = 1
        else:
            m = re.match(r"(?i)heading\s*([1-9])$", name)
            if m:
                level = int(m.group(1))
            else:
                ol = self._find_in_ppr(p, "outlineLvl")
                if ol is None:
                    ol = self._find_in_ppr(style_el, "outlineLvl")
                try:
                    val = int(ol.get(W + "val")) if ol is not None else 9
                except (TypeError, ValueError):
                    val = 9
                if 0 <= val < 9:
                    level = val + 1

        num_pr = self._find_in_ppr(p, "numPr")
        if num_pr is None:
            num_pr = self._find_in_ppr(style_el, "numPr")
        label, is_list = None, False
        if num_pr is not None:
            nid_el, ilvl_el = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
            nid = nid_el.get(W + "val") if nid_el is not None else None
            try:
                ilvl = int(ilvl_el.get(W + "val")) if ilvl_el is not None else 0
            except (TypeError, ValueError):
                ilvl = 0
            if nid and nid != "0":
                is_list = True
                label = self.numbering.label(nid, ilvl)
        if not is_list and name.lower().startswith("list"):
            is_list = True
        if not text:
            return
        if level is not None:
            self.blocks.append(("h", "#" * min(level, 6) + " " + (f"{label} " if label else "") + text))
        elif is_list:
            self.blocks.append(("li", (f"{label} " if label else "- ") + text))
        else:
            self.blocks.append(("p", text))

    def table(self, tbl) -> None:
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is None:
                continue
            # only rows of this table, not of nested tables
            owner = tr.getparent()
            while owner is not None and owner.tag != W + "tbl":
                owner = owner.getparent()
            if owner is not tbl:
                continue
            cells = []
            for tc in tr.iter(W + "tc"):
                cowner = tc.getparent()
                while cowner is not None and cowner.tag != W + "tr":
                    cowner = cowner.getparent()
                if cowner is not tr:
                    continue
                texts = [_SPACES.sub(" ", _paragraph_text(p)).strip() for p in tc.iter(W + "p")]
                cells.append(" ".join(t.replace("\n", " ") for t in texts if t))
            if any(cells):
                self.blocks.append(("tr", " | ".join(cells)))
        self.blocks.append(("end", ""))

    def walk(self, container) -> None:
        for child in container:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.walk(content)
            elif tag in (W + "customXml", W + "ins", W + "smartTag", MC + "AlternateContent", MC + "Choice"):
                self.walk(child)

    def text(self) -> str:
        out: list[str] = []
        prev = None
        for kind, text in self.blocks:
            if kind == "end":
                prev = None
                continue
            if out:
                out.append("\n" if kind == prev and kind in ("li", "tr") else "\n\n")
            out.append(text)
            prev = kind
        return "".join(out)


def extract_docx(data: bytes, limits: ExtractionLimits) -> ExtractedDocument:
    check_docx_zip(data, limits)
    check_xml_parts(data, limits)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - dependency is in pyproject
        raise ExtractionError("Word documents can't be read on this server right now.") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "content type" in str(exc).lower():
            raise ExtractionError(
                "This is a Word template or macro-enabled file, not a regular document. "
                "Please save it as a normal Word document (.docx) or PDF and upload that."
            ) from exc
        raise ExtractionError(DAMAGED) from exc
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        OSError,
        EOFError,
        AttributeError,
        TypeError,
        IndexError,
        NotImplementedError,
    ) as exc:
        raise ExtractionError(DAMAGED) from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        if exc.__class__.__name__ in ("XMLSyntaxError", "ParseError", "ParserError"):
            raise ExtractionError(DAMAGED) from exc
        raise
    body = _Body(document)
    try:
        body.walk(document.element.body)
    except RecursionError as exc:
        raise ExtractionError(DAMAGED) from exc
    text = body.text()
    if len(text) > limits.max_text_chars:
        raise ExtractionError(
            f"This Word document contains more than {limits.max_text_chars:,} characters of text, "
            "which is too long for a privacy policy. Please upload just the policy."
        )
    if len(text.strip()) < limits.min_text_chars:
        raise ExtractionError(
            f"This Word document contains almost no text ({len(text.strip())} characters). If the policy is "
            "pasted in as a picture, please upload the original document or a PDF exported from it."
        )
    return ExtractedDocument(text=text, format="docx", encoding=None, page_count=None, warnings=())
