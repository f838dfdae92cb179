"""The safe fetcher against a local server: only the tests' loopback host is let through."""
import gzip

import pytest

from policies.fetching import FetchError, FetchPolicy, FetchRefused, fetch

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
PAGE = "<html><head><title>Privacy</title></head><body><main><p>We keep data for two years.</p></main></body></html>"
ALLOW_LOCAL = FetchPolicy(allowed_test_hosts=frozenset({"127.0.0.1"}), connect_timeout=2, read_timeout=1,
                          total_timeout=5, max_bytes=1024 * 1024)


def test_fetches_an_html_page_from_the_allowed_test_host(policy_server):
    policy_server.set("/privacy", PAGE, content_type="text/html; charset=utf-8")
    result = fetch(policy_server.url("/privacy"), ALLOW_LOCAL)
    assert result.status == 200 and result.content_type == "text/html"
    assert result.body == PAGE.encode() and result.filename == "privacy.html" and result.address == "127.0.0.1"


def test_follows_up_to_three_redirects_and_rechecks_each(policy_server):
    for i in range(3):
        policy_server.set(f"/r{i}", status=302, headers={"Location": f"/r{i + 1}"})
    policy_server.set("/r3", PAGE)
    result = fetch(policy_server.url("/r0"), ALLOW_LOCAL)
    assert result.url.endswith("/r3") and len(result.redirects) == 3


def test_a_redirect_loop_stops_after_three_hops(policy_server):
    policy_server.set("/loop", status=301, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirected more than 3 times") as exc:
        fetch(policy_server.url("/loop"), ALLOW_LOCAL)
    assert not exc.value.transient and policy_server.hits == ["/loop"] * 4


@pytest.mark.parametrize("target", ["http://2130706433:{port}/x", "http://0x7f.1:{port}/x", "http://localhost:{port}/x",
                                    "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd"])
def test_a_redirect_to_a_private_address_is_refused_even_from_the_allowed_host(policy_server, target):
    port = policy_server.server_address[1]
    policy_server.set("/bounce", status=302, headers={"Location": target.format(port=port)})
    policy_server.set("/x", PAGE)
    with pytest.raises(FetchRefused):
        fetch(policy_server.url("/bounce"), ALLOW_LOCAL)
    assert policy_server.hits == ["/bounce"]


def test_404_is_a_permanent_failure(policy_server):
    with pytest.raises(FetchError, match="404") as exc:
        fetch(policy_server.url("/missing"), ALLOW_LOCAL)
    assert not exc.value.transient


@pytest.mark.parametrize("status", [500, 503, 429])
def test_server_errors_are_transient(policy_server, status):
    policy_server.set("/err", "oops", status=status)
    with pytest.raises(FetchError) as exc:
        fetch(policy_server.url("/err"), ALLOW_LOCAL)
    assert exc.value.transient and str(status) in str(exc.value)


def test_a_slow_server_times_out_as_a_transient_failure(policy_server):
    policy_server.set("/slow", PAGE, delay=2.5)
    with pytest.raises(FetchError, match="did not answer in time") as exc:
        fetch(policy_server.url("/slow"), ALLOW_LOCAL)
    assert exc.value.transient


def test_a_declared_200_mb_body_is_refused_before_reading(policy_server):
    policy_server.set("/huge", b"x" * 10, headers={"Content-Length": str(200 * 1024 * 1024)})
    with pytest.raises(FetchError, match="larger than the 1 MB limit") as exc:
        fetch(policy_server.url("/huge"), ALLOW_LOCAL)
    assert not exc.value.transient


def test_an_undeclared_endless_body_is_cut_off_while_streaming(policy_server):
    policy_server.set("/stream", b"<p>" + b"a" * 65536, stream_chunks=400)  # ~26 MB, no Content-Length
    with pytest.raises(FetchError, match="larger than the 1 MB limit"):
        fetch(policy_server.url("/stream"), ALLOW_LOCAL)


def test_a_gzip_bomb_is_cut_off_while_decompressing(policy_server):
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))
    assert len(bomb) < 100 * 1024
    policy_server.set("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="larger than"):
        fetch(policy_server.url("/bomb"), ALLOW_LOCAL)


def test_gzip_pages_are_decoded(policy_server):
    policy_server.set("/gz", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"})
    assert fetch(policy_server.url("/gz"), ALLOW_LOCAL).body == PAGE.encode()


@pytest.mark.parametrize("content_type", ["image/png", "application/javascript", "video/mp4"])
def test_content_we_cannot_parse_is_refused(policy_server, content_type):
    policy_server.set("/file", b"\x89PNG....", content_type=content_type)
    with pytest.raises(FetchError, match="not a web page or a document"):
        fetch(policy_server.url("/file"), ALLOW_LOCAL)


def test_pdf_is_accepted(policy_server):
    policy_server.set("/policy.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    result = fetch(policy_server.url("/policy.pdf"), ALLOW_LOCAL)
    assert result.filename == "policy.pdf"


def test_a_name_resolving_to_any_private_address_is_refused():
    def resolver(host, port, type=0):  # noqa: A002
        return [(2, 1, 6, "", ("93.184.216.34", port)), (2, 1, 6, "", ("10.0.0.5", port))]

    with pytest.raises(FetchRefused, match="10.0.0.5"):
        fetch("http://mixed.example/", FetchPolicy(), resolver=resolver)
