"""The SPARQL 1.1 Protocol over HTTP: GET and POST queries at /sparql, the query page at /, nothing else.

Read-only: updates get 403, and so do SERVICE and FROM outside the project's graphs (kg.queryguard) before
a worker sees the query. default-graph-uri and named-graph-uri name the query's dataset (kg.serve.dataset).
A query waits in line for a free worker (kg.serve.workers); every failure is an HTTP status with a one-line
text body, and none stops the server."""

from __future__ import annotations

import select
import socket
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg.errors import InputError
from kg.querydataset import query_dataset
from kg.queryguard import QueryRefused, check_query
from kg.serve.dataset import PARAMETERS, protocol_dataset
from kg.serve.page import ASSETS, page_html
from kg.serve.results import Reply, text_reply

MAX_BODY = 1_000_000
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


class Endpoint(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's listen backlog is 5: a burst of more new connections than that (32 clients at once)
    # overflows it and some are reset before a handler sees them. Waiting is the worker line's job.
    request_queue_size = 128

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
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._send(text_reply(404, "not found: the endpoint is /sparql"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            return self._send(text_reply(413, f"request body over {MAX_BODY} bytes"))
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        # default-graph-uri and named-graph-uri travel in the body of a form, and in the URL of a direct POST
        # (SPARQL 1.1 Protocol 2.1.2, 2.1.3); the URL's count for a form too, rather than being ignored.
        in_url = {k: v for k, v in parse_qs(url.query, keep_blank_values=True).items() if k in PARAMETERS}
        if media == "application/x-www-form-urlencoded":
            params = parse_qs(body, keep_blank_values=True)
            return self._answer({**params, **{k: params.get(k, []) + v for k, v in in_url.items()}})
        if media == "application/sparql-query":
            return self._answer({"query": [body], **in_url})
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
        try:
            dataset = protocol_dataset(params)
        except QueryRefused as exc:
            return self._send(text_reply(403, str(exc)))
        except InputError as exc:
            return self._send(text_reply(400, str(exc)))
        queries = params.get("query")
        if not queries or len(queries) != 1 or not queries[0].strip():
            return self._send(text_reply(400, "give exactly one query (query=...)"))
        try:
            check_query(queries[0])
        except InputError as exc:
            return self._send(text_reply(403, str(exc)))
        if dataset is None:
            dataset = query_dataset(queries[0])
        reply = self.server.pool.run(queries[0], self.headers.get("Accept"), self.server.max_rows, dataset,
                                     gone=self._client_gone)
        if reply is None:  # the client left while its query waited in line: nothing ran, nothing to send
            self.close_connection = True
            return
        self._send(reply)

    def _client_gone(self) -> bool:
        """Has the client closed its connection? (Asked while its query waits for a worker, so a client that
        gave up does not keep a worker busy.) A readable socket with nothing to read is a closed one; a
        pipelined next request is data, so it does not count."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

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
