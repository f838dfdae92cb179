"""Builders for test documents, made in the tests (no binary fixtures)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

POLICY_SENTENCES = [
    "Example Learning Ltd provides a reading platform to schools.",
    "We collect the names, year groups and reading scores of pupils.",
    "8.4 We retain pupil records for two years after the end of the contract.",
    "We never sell personal data and we do not show adverts to children.",
    "Our processors are listed in the table below and are based in the UK and Ireland.",
    "You can contact our Data Protection Officer at dpo@example.com at any time.",
]


def _pdf_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build_pdf(
    pages: list[list[str]], *, compress: bool = False, raw_streams: list[bytes] | None = None, image_only: bool = False
) -> bytes:
    """A tiny valid PDF: one Helvetica text line per list item. raw_streams replaces the content streams
    (already-encoded bytes, e.g. FlateDecode data); image_only draws a 1x1 image and no text."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled later
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = None
    if image_only:
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
        )
    kids = []
    n_pages = len(raw_streams) if raw_streams is not None else len(pages)
    for i in range(n_pages):
        if raw_streams is not None:
            data = raw_streams[i]
            content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        else:
            if image_only:
                ops = b"q 200 0 0 200 100 400 cm /Im1 Do Q"
            else:
                lines = [f"({_pdf_escape(line)}) Tj T*" for line in pages[i]]
                ops = ("BT /F1 11 Tf 14 TL 50 780 Td " + " ".join(lines) + " ET").encode("cp1252")
            filt = b""
            if compress:
                ops = zlib.compress(ops)
                filt = b" /Filter /FlateDecode"
            content = add(b"<< /Length %d%s >>\nstream\n" % (len(ops), filt) + ops + b"\nendstream")
        res = b"/Font << /F1 %d 0 R >>" % font
        if image is not None:
            res += b" /XObject << /Im1 %d 0 R >>" % image
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << %s >> "
                b"/Contents %d 0 R >>" % (pages_id, res, content)
            )
        )
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref))
    return out.getvalue()


def flate_zeros(total: int, chunk: int = 1 << 20) -> bytes:
    """zlib stream of `total` zero bytes, built in chunks (1 GB -> ~1 MB, never held uncompressed)."""
    comp = zlib.compressobj(9)
    zeros = bytes(chunk)
    parts = []
    for _ in range(total // chunk):
        parts.append(comp.compress(zeros))
    parts.append(comp.flush())
    return b"".join(parts)


def build_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def build_docx() -> bytes:
    """A policy with a title, headings, bullet + numbered lists, a table between paragraphs."""
    import docx

    d = docx.Document()
    d.add_heading("Privacy Policy", level=0)
    d.add_paragraph(POLICY_SENTENCES[0] + " " + POLICY_SENTENCES[1])
    d.add_heading("Retention", level=1)
    d.add_paragraph(POLICY_SENTENCES[2])
    d.add_paragraph("Account data is deleted within 30 days", style="List Bullet")
    d.add_paragraph("Backups are overwritten after 90 days", style="List Bullet")
    d.add_heading("Third parties", level=2)
    d.add_paragraph("Before the table.")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("Processor", "Purpose", "Location"),
            ("Amazon Web Services", "Hosting", "Ireland"),
            ("SendGrid", "Email delivery", "USA"),
        ]
    ):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
    d.add_paragraph("After the table. " + POLICY_SENTENCES[3])
    d.add_paragraph("We never sell data", style="List Number")
    d.add_paragraph("We do not show adverts to children", style="List Number")
    d.add_paragraph(POLICY_SENTENCES[5])
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def rezip(docx_bytes: bytes, replace_parts: dict[str, bytes] | None = None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = (replace_parts or {}).get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, data)
    return out.getvalue()


def build_docx_bomb(docx_bytes: bytes, inflated: int) -> bytes:
    """Same DOCX, but word/document.xml is `inflated` bytes (valid start, then spaces), streamed into the zip."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info.filename))
                continue
            with dst.open("word/document.xml", "w", force_zip64=True) as fh:
                head = src.read("word/document.xml")[:200]
                fh.write(head)
                block = b" " * (1 << 20)
                for _ in range(inflated // len(block)):
                    fh.write(block)
    return out.getvalue()


def forge_zip_sizes(zip_bytes: bytes, name: str, declared: int) -> bytes:
    """Lie about an entry's uncompressed size in both the local header and the central directory."""
    buf = bytearray(zip_bytes)
    zf = zipfile.ZipFile(io.BytesIO(zip_bytes))
    info = zf.getinfo(name)
    struct.pack_into("<I", buf, info.header_offset + 22, declared)  # local file header: uncompressed size
    pos = zf.start_dir  # walk the central directory entries
    while pos < len(buf) and buf[pos : pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", buf, pos + 28)
        fname = bytes(buf[pos + 46 : pos + 46 + n]).decode()
        if fname == name:
            struct.pack_into("<I", buf, pos + 24, declared)
        pos += 46 + n + m + k
    return bytes(buf)
