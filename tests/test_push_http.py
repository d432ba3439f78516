"""kg push's HTTP (kg.pushhttp): requests from one thread share one kept-alive connection; a connection the
server closed while idle is replaced and the request sent again; a server's error is one line naming the
method and the URL without its query."""

from __future__ import annotations

import http.server
import threading
from typing import ClassVar

import pytest

from kg.errors import InputError
from kg.pushhttp import Connections


class _Recorder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    peers: ClassVar[list] = []
    close_after: int | None = None  # close the connection after this many answers on it

    def _answer(self, status=204):
        _Recorder.peers.append(self.client_address[1])
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()
        served = getattr(self, "served", 0) + 1
        self.served = served
        if _Recorder.close_after is not None and served >= _Recorder.close_after:
            self.close_connection = True

    def do_PUT(self):
        self._answer(404 if "missing" in self.path else 204)

    do_DELETE = do_POST = do_PUT

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Recorder.peers, _Recorder.close_after = [], None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_one_thread_s_requests_share_one_connection(server):
    connections = Connections(timeout=10)
    for i in range(20):
        connections.send("PUT", f"{server}/store?graph=g{i}", b"<a> <b> <c> .\n", {})
    assert len(_Recorder.peers) == 20 and len(set(_Recorder.peers)) == 1
    connections.close()


def test_a_connection_the_server_closed_is_replaced_and_the_request_sent_again(server):
    _Recorder.close_after = 1  # the server closes every connection after one answer
    connections = Connections(timeout=10)
    for i in range(5):
        connections.send("DELETE", f"{server}/store?graph=g{i}", None, {})
    assert len(_Recorder.peers) == 5 and len(set(_Recorder.peers)) == 5


def test_an_error_status_is_one_line_without_the_query(server):
    connections = Connections(timeout=10)
    with pytest.raises(InputError) as error:
        connections.send("PUT", f"{server}/missing?graph=secret-looking-name", b"", {})
    assert "HTTP 404" in str(error.value) and "secret-looking-name" not in str(error.value)
    assert "right URL" in str(error.value)
