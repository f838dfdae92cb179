"""With the test-host setting off, every spelling of a private address is refused without a connection."""
import socket

import pytest
import urllib3.util.connection

from policies.fetching import FetchPolicy, FetchRefused, fetch, is_public_address, parse_ip_literal

STRICT = FetchPolicy(connect_timeout=1, read_timeout=1, total_timeout=2)  # no allowed test hosts

FORMS = [
    "http://127.0.0.1:{port}/",
    "http://127.1:{port}/",
    "http://2130706433:{port}/",  # decimal
    "http://0x7f000001:{port}/",  # hex
    "http://0x7f.1:{port}/",  # hex, short form
    "http://0177.0.0.1:{port}/",  # octal
    "http://017700000001:{port}/",  # octal, one number
    "http://localhost:{port}/",
    "http://LOCALHOST.:{port}/",
    "http://[::1]:{port}/",
    "http://[::ffff:127.0.0.1]:{port}/",  # IPv4-mapped IPv6
    "http://[::ffff:7f00:1]:{port}/",
    "http://[64:ff9b::7f00:1]:{port}/",  # NAT64
    "http://0.0.0.0:{port}/",  # unspecified
    "http://[::]:{port}/",
    "http://0:{port}/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",  # CGNAT
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://0xa9fea9fe/",  # metadata, hex
    "http://2852039166/",  # metadata, decimal
    "http://[::ffff:169.254.169.254]/",
    "http://[fd00::1]/",  # unique-local
    "http://[fe80::1]/",  # link-local
    "http://224.0.0.1/",  # multicast
    "http://[ff02::1]/",
    "http://255.255.255.255/",
    "http://[2002:7f00:1::1]/",  # 6to4 wrapping loopback
    "https://127.0.0.1:{port}/",
]


@pytest.fixture
def listener():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    yield sock
    sock.close()


@pytest.fixture
def no_connections(monkeypatch):
    attempts = []

    def refuse(address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"the fetcher tried to connect to {address}")

    monkeypatch.setattr(urllib3.util.connection, "create_connection", refuse)
    monkeypatch.setattr("urllib3.connection.connection.create_connection", refuse)
    return attempts


@pytest.mark.parametrize("form", FORMS)
def test_private_address_forms_are_refused_without_a_connection(form, listener, no_connections):
    url = form.format(port=listener.getsockname()[1])
    with pytest.raises(FetchRefused):
        fetch(url, STRICT)
    assert no_connections == []
    with pytest.raises(BlockingIOError):
        listener.accept()  # nothing knocked on the local listening socket


def test_the_test_host_setting_lets_only_that_host_through(listener):
    allow = FetchPolicy(allowed_test_hosts=frozenset({"localhost"}), connect_timeout=1, read_timeout=0.5,
                        total_timeout=2)
    port = listener.getsockname()[1]
    with pytest.raises(FetchRefused):
        fetch(f"http://127.0.0.1:{port}/", allow)  # same address, different spelling: not allowed
    with pytest.raises(BlockingIOError):
        listener.accept()


@pytest.mark.parametrize("url", ["ftp://example.com/", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)",
                                 "http://user:pw@example.com/", "http:///nohost", "http://exa mple.com/"])
def test_other_schemes_and_odd_urls_are_refused(url, no_connections):
    with pytest.raises(FetchRefused):
        fetch(url, STRICT)
    assert no_connections == []


@pytest.mark.parametrize(
    ("host", "expected"),
    [("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"),
     ("10.1", "10.0.0.1"), ("[::ffff:127.0.0.1]", "::ffff:7f00:1"), ("example.com", None), ("1e100.net", None),
     ("123.com", None)],
)
def test_ip_literal_spellings(host, expected):
    address = parse_ip_literal(host)
    assert (str(address) if address else None) == expected


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111"])
def test_public_addresses_are_public(address):
    assert is_public_address(address)
