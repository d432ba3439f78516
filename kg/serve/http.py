"""The SPARQL 1.1 Protocol over HTTP: GET and POST queries at /sparql, the query page at /, nothing else.

Read-only: updates get 403, and so do SERVICE and FROM outside the project's graphs (kg.queryguard) before
a worker sees the query. Every failure is an HTTP status with a one-line text body; none stops the server."""

from __future__ import annotations

import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg.errors import InputError
from kg.queryguard import check_query
from kg.serve.page import ASSETS, page_html
from kg.serve.results import Reply, text_reply

MAX_BODY = 1_000_000
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


class Endpoint(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, pool, max_rows: int, quiet: bool = False):
        super().__init__(address, Handler)
        self.pool, self.max_rows, self.quiet = pool, max_rows, quiet


class Handler(BaseHTTPRequestHandler):
    server: Endpoint
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        if not self.server.quiet:
            sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path in ("/", "/query"):
            return self._send(Reply(200, "text/html; charset=utf-8", page_html().encode("utf-8")))
        if url.path in ASSETS:
            media, body = ASSETS[url.path]
            return self._send(Reply(200, media, body))
        if url.path != "/sparql":
            return self._send(text_reply(404, "not found: the endpoint is /sparql, the query page /"))
        return self._answer(parse_qs(url.query, keep_blank_values=True))

    def do_POST(self):
        if urlsplit(self.path).path != "/sparql":
            return self._send(text_reply(404, "not found: the endpoint is /sparql"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            return self._send(text_reply(413, f"request body over {MAX_BODY} bytes"))
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/x-www-form-urlencoded":
            return self._answer(parse_qs(body, keep_blank_values=True))
        if media == "application/sparql-query":
            return self._answer({"query": [body]})
        if media == "application/sparql-update":
            return self._send(text_reply(403, "updates are refused: this endpoint is read-only"))
        return self._send(text_reply(415, "POST a query as application/sparql-query or "
                                          "application/x-www-form-urlencoded (query=...)"))

    def do_PUT(self):
        self._send(text_reply(405, "this endpoint is read-only"), {"Allow": "GET, POST"})

    do_DELETE = do_PATCH = do_PUT

    def _answer(self, params: dict) -> None:
        if "update" in params:
            return self._send(text_reply(403, "updates are refused: this endpoint is read-only"))
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return self._send(text_reply(400, "default-graph-uri and named-graph-uri are not supported: the "
                                              "default graph is the union of the store's graphs; use GRAPH"))
        queries = params.get("query")
        if not queries or len(queries) != 1 or not queries[0].strip():
            return self._send(text_reply(400, "give exactly one query (query=...)"))
        try:
            check_query(queries[0])
        except InputError as exc:
            return self._send(text_reply(403, str(exc)))
        self._send(self.server.pool.run(queries[0], self.headers.get("Accept"), self.server.max_rows))

    def _send(self, reply: Reply, extra: dict | None = None) -> None:
        self.send_response(reply.status, HTTPStatus(reply.status).phrase)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        for name, value in {**reply.headers, **(extra or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):  # the client left before its answer came
            self.close_connection = True
