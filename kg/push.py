"""Push the store to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol: each named graph PUT
(so a push replaces what an earlier one sent), then the server's graphs in the project's namespace that
are no longer local deleted. Graphs are PUT before anything is deleted, and the server is asked for its
graphs before anything is written: a wrong address, a refused connection or a 401 changes nothing, and a
push cut short and run again leaves the server with exactly the local graphs.

Credentials come from the environment only (KG_PUSH_USER and KG_PUSH_PASSWORD for HTTP Basic, or
KG_PUSH_TOKEN for a bearer token), and no message ever shows them."""

from __future__ import annotations

import base64
import json
import os
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

from kg.errors import InputError
from kg.pushhttp import Connections
from kg.queryguard import PROJECT_IRI

DEFAULT_GRAPH_NAME = PROJECT_IRI + "graph/default"  # where a graph file's unnamed triples go
LIST_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass
class PushReport:
    pushed: int
    triples: int
    deleted: int


def _check_url(url: str, option: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{option} must be an http:// or https:// URL")
    if parts.username or parts.password:
        raise InputError(f"{option} must not carry credentials; set KG_PUSH_USER and KG_PUSH_PASSWORD instead")
    return url


def _auth_header() -> dict:
    token = os.environ.get("KG_PUSH_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user, password = os.environ.get("KG_PUSH_USER"), os.environ.get("KG_PUSH_PASSWORD")
    if user is not None or password is not None:
        pair = f"{user or ''}:{password or ''}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


class Client:
    def __init__(self, endpoint: str, graph_store: str | None = None, timeout: float = 60.0):
        self.endpoint = _check_url(endpoint, "--endpoint")
        self.graph_store = _check_url(graph_store or endpoint, "--graph-store")
        self.timeout = timeout
        self.auth = _auth_header()
        self.connections = Connections(timeout)  # keep-alive, one connection per sending thread

    def _send(self, method: str, url: str, body: bytes | None = None, headers: dict | None = None) -> bytes:
        return self.connections.send(method, url, body, {**(headers or {}), **self.auth})

    def graphs(self) -> set[str]:
        url = self.endpoint + ("&" if "?" in self.endpoint else "?") + urllib.parse.urlencode({"query": LIST_GRAPHS})
        body = self._send("GET", url, headers={"Accept": "application/sparql-results+json"})
        try:
            bindings = json.loads(body)["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{self.endpoint}: the answer is not SPARQL JSON results; is this a SPARQL endpoint?") from None
        return {b["g"]["value"] for b in bindings if b.get("g", {}).get("type") == "uri"}

    def _graph_url(self, graph: str) -> str:
        separator = "&" if "?" in self.graph_store else "?"
        return self.graph_store + separator + urllib.parse.urlencode({"graph": graph})

    def put(self, graph: str, ntriples: bytes) -> None:
        self._send("PUT", self._graph_url(graph), ntriples, {"Content-Type": "application/n-triples"})

    def delete(self, graph: str) -> None:
        self._send("DELETE", self._graph_url(graph))

    def post_dataset(self, nquads: bytes) -> None:
        """Add quads, each to its graph, by POSTing N-Quads to the graph store itself (no ?graph=): not in
        the Graph Store Protocol, but Oxigraph and Fuseki take it (kg push --batch)."""
        try:
            self._send("POST", self.graph_store, nquads, {"Content-Type": "application/n-quads"})
        except InputError as exc:
            if any(f"HTTP {code}" in str(exc) for code in (400, 405, 415)):
                raise InputError(f"{exc}; this server does not take N-Quads at its graph store: push without "
                                 "--batch") from None
            raise


def graph_names(source) -> list[str]:
    """The names of the source's graphs, sorted (a graph file's triples, or the store's default graph, under
    DEFAULT_GRAPH_NAME). Every one must be in the project's namespace: checked before anything is sent."""
    import pyoxigraph
    from rdflib import Graph

    if isinstance(source, Graph):
        names = [DEFAULT_GRAPH_NAME] if len(source) else []
    else:
        names = [g.value for g in source.named_graphs() if isinstance(g, pyoxigraph.NamedNode)]
        if next(iter(source.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is not None:
            names.append(DEFAULT_GRAPH_NAME)
    outside = sorted(name for name in names if not name.startswith(PROJECT_IRI))
    if outside:
        raise InputError(f"graph {outside[0]} is outside the project's namespace <{PROJECT_IRI}>; not pushed")
    return sorted(set(names))


def graph_payloads(source, names: list[str] | None = None, sort: bool = True) -> Iterator[tuple[str, bytes]]:
    """(name, sorted N-Triples) for each graph in turn, integer subtypes restored. A store is read one graph
    at a time by Oxigraph's own writer (several times faster than building Python terms), so a large
    corpus is never all in memory and the first request starts at once."""
    import pyoxigraph
    from rdflib import Graph

    from kg.formats import sorted_quads

    names = graph_names(source) if names is None else names
    if isinstance(source, Graph):
        triples = [q.triple for q in sorted_quads(source)]
        if triples:
            yield DEFAULT_GRAPH_NAME, pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
        return
    restore = _subtype_restorer()
    for name in names:
        graph = pyoxigraph.DefaultGraph() if name == DEFAULT_GRAPH_NAME else pyoxigraph.NamedNode(name)
        data = restore(source.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph))
        if sort:  # a server does not care about the order; --batch leaves it out (a tenth of the client's time)
            data = b"".join(sorted(data.splitlines(keepends=True)))
        yield name, data


def _subtype_restorer():
    """bytes -> bytes: in N-Triples, an xsd:integer value of a property the shapes declare an integer
    subtype for (the store keeps only xsd:integer) gets that subtype back, as kg.formats.restored_quads
    does for terms. A line is `subject predicate object .`, and such an object is `"digits"^^<...#integer>`."""
    import re

    from kg.sources import declared_integer_subtypes

    subtypes = {f"<{p}>".encode(): f"<{d}>".encode() for p, d in declared_integer_subtypes().items()}
    if not subtypes:
        return lambda data: data
    pattern = re.compile(rb'^(\S+ )(' + b"|".join(re.escape(p) for p in sorted(subtypes)) +
                         rb')( "[-+]?[0-9]+"\^\^)<http://www\.w3\.org/2001/XMLSchema#integer>( \.)$', re.MULTILINE)
    return lambda data: pattern.sub(lambda m: m[1] + m[2] + m[3] + subtypes[m[2]] + m[4], data)


def as_nquads(name: str, ntriples: bytes) -> bytes:
    """A graph's N-Triples as N-Quads in that graph: each line `s p o .` becomes `s p o <name> .`."""
    suffix = f"<{name}> .\n".encode()
    return b"".join(line[:-2] + suffix for line in ntriples.splitlines(keepends=True) if line.strip())


def local_graphs(source) -> dict[str, bytes]:
    """Each named graph of the source as sorted N-Triples (a graph file's triples under one name)."""
    return dict(graph_payloads(source))


def _replace_batch(client: Client, held: list[str], nquads: bytes) -> None:
    """Delete the batch's graphs the server holds, then POST the batch: each graph is gone before its quads
    are added, while other batches are sent (their graphs are others, so they never meet these)."""
    for name in held:
        client.delete(name)
    client.post_dataset(nquads)


def push(source, client: Client, jobs: int = 4, batch_triples: int = 0) -> PushReport:
    """Send every local graph, `jobs` requests at a time, then delete the stale ones.

    By default each graph is PUT (the Graph Store Protocol's replace), which any such server takes. With
    batch_triples, the graphs are POSTed as N-Quads to the graph store itself, about batch_triples triples a
    request, each request after DELETEs of those of its graphs the server already holds: far fewer
    requests, for servers that take a dataset there (Oxigraph, Fuseki). Batches are sent `jobs` at a time,
    deletes included, rather than every delete first (which took half of a re-push at 1M). Either way the first failed request stops the
    push (nothing more is sent, those under way finish) and a push run again leaves exactly the local graphs."""
    names = graph_names(source)
    remote = client.graphs()  # before any write: a wrong endpoint or credentials stop here
    triples = 0
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="kg-push")
    pending: set = set()

    def submit(call, *args) -> None:
        nonlocal pending
        pending.add(pool.submit(call, *args))
        if len(pending) >= 2 * jobs:  # a few requests ahead of those under way, not the whole corpus
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                future.result()

    def drain() -> None:
        nonlocal pending
        for future in pending:
            future.result()
        pending = set()

    try:
        if batch_triples:
            batch, held, size = [], [], 0
            for name, data in graph_payloads(source, names, sort=False):
                count = data.count(b"\n")
                triples += count
                batch.append(as_nquads(name, data))
                held += [name] if name in remote else []
                size += count
                if size >= batch_triples:
                    submit(_replace_batch, client, held, b"".join(batch))
                    batch, held, size = [], [], 0
            if batch:
                submit(_replace_batch, client, held, b"".join(batch))
        else:
            for name, data in graph_payloads(source, names):
                triples += data.count(b"\n")
                submit(client.put, name, data)
        drain()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    stale = sorted(g for g in remote if g.startswith(PROJECT_IRI) and g not in names)
    for name in stale:
        client.delete(name)
    return PushReport(len(names), triples, len(stale))
