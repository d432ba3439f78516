"""HTTP for kg push: one keep-alive connection per sending thread and server, reused for every request.

urllib.request opens a new TCP connection per request, and a push makes thousands of them (a PUT or DELETE
per graph). Errors become one line naming the method and the URL without its query, so no message shows a
graph's name twice or a credential (those travel only in the Authorization header, never in the URL)."""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse

from kg.errors import InputError

HINTS = {401: " (set KG_PUSH_USER and KG_PUSH_PASSWORD, or KG_PUSH_TOKEN)", 403: " (not allowed)",
         404: " (is this the right URL?)"}
# A kept-alive connection the server closed while idle fails on its next request with one of these before
# any answer: the request is sent again once, on a new connection (PUT, DELETE and a POST of quads all
# leave the same graphs when repeated).
_STALE = (http.client.RemoteDisconnected, http.client.BadStatusLine, BrokenPipeError, ConnectionResetError)


class Connections:
    def __init__(self, timeout: float):
        self.timeout = timeout
        self._local = threading.local()

    def _connection(self, parts, fresh: bool) -> tuple[http.client.HTTPConnection, bool]:
        """(the thread's connection to that server, whether it has carried a request before)."""
        kept = self._local.__dict__.setdefault("connections", {})
        key = (parts.scheme, parts.hostname, parts.port)
        if key in kept and not fresh:
            return kept[key], True
        if key in kept:
            kept[key].close()
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        kept[key] = kind(parts.hostname, parts.port, timeout=self.timeout)
        return kept[key], False

    def send(self, method: str, url: str, body: bytes | None, headers: dict) -> bytes:
        parts = urllib.parse.urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        shown = parts._replace(query="").geturl()
        fresh = False
        while True:
            connection, reused = self._connection(parts, fresh)
            try:
                connection.request(method, target, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
                break
            except _STALE as err:
                connection.close()
                if reused:
                    fresh = True
                    continue
                raise InputError(f"{method} {shown}: the server closed the connection ({err})") from None
            except (ConnectionRefusedError, socket.gaierror) as err:
                connection.close()
                raise InputError(f"{method} {shown}: cannot connect ({err})") from None
            except (TimeoutError, OSError, http.client.HTTPException) as err:
                connection.close()
                raise InputError(f"{method} {shown}: {err}") from None
        if response.will_close:
            connection.close()
        if not 200 <= response.status < 300:
            raise InputError(f"{method} {shown}: HTTP {response.status} {response.reason}"
                             f"{HINTS.get(response.status, '')}")
        return data

    def close(self) -> None:
        for connection in self._local.__dict__.get("connections", {}).values():
            connection.close()
