"""Issue 2's bad inputs, end to end through the upload service and the analysis job (in-process).

Each gets a clear message, either refused at upload (shown on the form) or as the run's failure
reason, and never an empty analysis. tests/policies/extraction tests the parsers in detail.
"""
import io

import pytest
from pypdf import PdfReader, PdfWriter

from policies import services
from policies.models import AnalysisRun
from tests.documents import POLICY_SENTENCES, build_docx, build_docx_bomb, build_pdf, build_png, flate_zeros
from tests.factories import VendorFactory

pytestmark = pytest.mark.django_db
LONG_POLICY = [s for _ in range(6) for s in POLICY_SENTENCES]


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(build_pdf([LONG_POLICY]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def outcome_message(data: bytes, filename: str) -> str:
    """The message a person sees: the form's error, or the failed run's reason."""
    try:
        outcome = services.add_policy_document(vendor=VendorFactory(), data=data, filename=filename, source="file")
    except services.UploadRejected as exc:
        return str(exc)
    services.execute_run(outcome.run.pk)
    run = AnalysisRun.objects.get(pk=outcome.run.pk)
    assert run.status == AnalysisRun.Status.FAILED, "a hostile document must not produce an analysis"
    assert not run.findings.exists() and not run.scores.exists()
    return run.failure_reason


@pytest.mark.parametrize(
    ("make", "filename", "words"),
    [
        (lambda: b"", "empty.pdf", "empty"),
        (build_png, "scan.pdf", "PNG"),
        (encrypted_pdf, "locked.pdf", "password"),
        (lambda: build_pdf([[]], image_only=True), "scanned.pdf", "scanned"),
        (lambda: build_docx()[:900], "broken.docx", "damaged"),
        (lambda: build_docx_bomb(build_docx(), 300 * 1024 * 1024), "bomb.docx", "expand"),
        (lambda: build_pdf([], raw_streams=[flate_zeros(1024 * 1024 * 1024)]), "bomb.pdf", "expand"),
    ],
    ids=["empty", "image-renamed-pdf", "encrypted-pdf", "scanned-pdf", "corrupt-docx", "docx-zip-bomb", "pdf-bomb"],
)
def test_hostile_document_gets_a_clear_message(make, filename, words):
    message = outcome_message(make(), filename)
    assert words.lower() in message.lower(), message
    assert message.endswith((".", "?", "!")) and len(message) > 20


def test_html_full_of_scripts_is_analysed_without_the_scripts():
    body = "".join(f"<p>{s}</p><script>document.write('evil {i}')</script>" for i, s in enumerate(LONG_POLICY))
    html = f"<html><head><script>alert(1)</script></head><body><nav>Home</nav><main>{body}</main></body></html>"
    outcome = services.add_policy_document(vendor=VendorFactory(), data=html.encode(), filename="p.html", source="file")
    services.execute_run(outcome.run.pk)
    run = AnalysisRun.objects.get(pk=outcome.run.pk)
    assert run.status == AnalysisRun.Status.SUCCEEDED, run.failure_reason
    run.version.refresh_from_db()
    assert "evil" not in run.version.extracted_text and "alert" not in run.version.extracted_text
    assert "reading scores of pupils" in run.version.extracted_text


def test_windows_1252_text_is_decoded_and_analysed():
    text = "\n".join(LONG_POLICY) + "\nOur café’s naïve pricing is £5 – see www.example.com.\n"
    outcome = services.add_policy_document(
        vendor=VendorFactory(), data=text.encode("cp1252"), filename="p.txt", source="file"
    )
    services.execute_run(outcome.run.pk)
    run = AnalysisRun.objects.get(pk=outcome.run.pk)
    assert run.status == AnalysisRun.Status.SUCCEEDED, run.failure_reason
    run.version.refresh_from_db()
    assert "café’s naïve pricing is £5 – see" in run.version.extracted_text
