from __future__ import annotations

import ipaddress
import shutil
import signal
import tempfile
from pathlib import Path

from kg.errors import InputError
from kg.sources import chosen_store

NAME = "serve"
HELP = ("Serve the store read-only over the SPARQL 1.1 Protocol at http://HOST:PORT/sparql, with a query page "
        "at / (loopback only unless --host says otherwise).")


def add_arguments(parser) -> None:
    parser.add_argument("--store", default=None, metavar="DIR", help="the store (default: .kg/store)")
    parser.add_argument("--data", default=None, metavar="FILE",
                        help="serve a graph file instead (loaded into a temporary store)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="S",
                        help="seconds of CPU time a query may use before it is stopped, so a busy machine "
                             "does not fail it (default: 30; wall time is cut at 4 times that)")
    parser.add_argument("--max-rows", type=int, default=10_000, metavar="N",
                        help="answers are cut at N rows or triples, and say so (default: 10000)")
    # The line is what bounds the wait: a query admitted to it is answered once those ahead of it are, and
    # one arriving when it is full gets 503 with Retry-After at once. --queue-wait is a backstop above
    # what a full line takes at 1M on a busy 2-core machine (32 waiting took up to 106 s there).
    parser.add_argument("--queue-wait", type=float, default=300.0, metavar="S",
                        help="seconds a query may wait in line for a free worker before 503 (default: 300)")
    parser.add_argument("--queue-size", type=int, default=64, metavar="N",
                        help="queries that may wait in line at once; one more gets 503 with Retry-After at "
                             "once (default: 64)")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="query worker processes, each with the store open (default: 2)")
    parser.add_argument("--quiet", action="store_true", help="no request log")


def _served_store(args, scratch: Path) -> Path:
    folder = chosen_store(args.store, args.data)
    if folder is not None:
        from kg.store import open_store

        open_store(folder)  # a missing, foreign or locked store: one clear line before anything starts
        return folder
    from kg.pipeline import load_graph
    from kg.sources import default_graph_file, store_from_graph

    store = scratch / "store"
    store_from_graph(store, load_graph(args.data or default_graph_file()))
    return store


def run(args) -> int:
    from kg.serve.http import Endpoint
    from kg.serve.workers import WorkerPool

    if args.timeout <= 0 or args.queue_wait <= 0 or args.max_rows < 1 or args.workers < 1 or args.queue_size < 0:
        raise InputError("--timeout, --queue-wait, --max-rows and --workers must be positive, --queue-size 0 or more")
    if not ipaddress.ip_address(_resolved(args.host)).is_loopback:
        print(f"kg serve: listening on {args.host}, reachable from other machines (asked for with --host)")
    scratch = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    pool = None
    try:
        pool = WorkerPool(_served_store(args, scratch), args.workers, args.timeout, args.queue_wait, args.queue_size)
        try:
            server = Endpoint((args.host, args.port), pool, args.max_rows, quiet=args.quiet)
        except OSError as exc:
            raise InputError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
        host, port = server.server_address[:2]
        print(f"kg serve: SPARQL endpoint http://{host}:{port}/sparql, query page http://{host}:{port}/ "
              f"(timeout {args.timeout:g} s, at most {args.max_rows} rows; Ctrl-C stops)", flush=True)
        signal.signal(signal.SIGTERM, _stop)  # a service manager's stop: workers closed as on Ctrl-C
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("kg serve: stopped", flush=True)
        finally:
            server.server_close()
    finally:
        if pool is not None:
            pool.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def _stop(signum, frame):
    raise KeyboardInterrupt


def _resolved(host: str) -> str:
    import socket

    try:
        return socket.getaddrinfo(host, None)[0][4][0]
    except OSError:
        raise InputError(f"cannot resolve --host {host}") from None
