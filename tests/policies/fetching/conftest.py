"""A local HTTP server in a thread: the only place fetcher tests connect to."""
from __future__ import annotations

import contextlib
import http.server
import threading
import time

import pytest


class PolicyServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, tuple] = {}
        self.hits: list[str] = []

    def handle_error(self, request, client_address):
        pass  # a client that hung up on purpose (size caps, timeouts) is expected here

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: bytes | str = b"", *, status: int = 200, content_type: str = "text/html",
            headers: dict | None = None, delay: float = 0, stream_chunks: int = 0):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = (status, body, content_type, headers or {}, delay, stream_chunks)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802
        self.server.hits.append(self.path)
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, body, content_type, headers, delay, stream_chunks = route
        if delay:
            time.sleep(delay)
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in headers.items():
            self.send_header(key, value)
        if stream_chunks:
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(stream_chunks):
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def policy_server():
    server = PolicyServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
