"""Diplomacy knowledge-graph builder: news articles to provenance-tracked RDF.

For notebooks:

    import kg
    result = kg.build(["reports/"], out="exports", jobs=2)   # result.graph, result.dataset, result.errors
    store = kg.open_store(".kg/store")                       # a pyoxigraph.Store, read-only
"""

__version__ = "0.1.0"

__all__ = ["__version__", "build", "open_store"]


def build(paths, out=None, jobs=None, min_confidence=0.5, *, model=None, scheduler=None, cache=".kg/cache",
          store=True, quiet=True):
    """Build the articles under paths (files or folders). With out, also write the exports there and load
    them into a store (store=True: .kg/store beside out; a path names it; None or False: none).
    jobs: processes (default: the number of cores); cache: folder or None. Returns a BuildResult:
    .graph (rdflib Graph, the union), .rdf_dataset (rdflib Dataset, a named graph per article), .dataset
    (the graphs as N-Triples lines), .errors (one line per article left out), .articles, .docs."""
    from pathlib import Path

    from kg.parallel import default_jobs
    from kg.pipeline import build as run_build

    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    result = run_build(paths, model=model, min_confidence=min_confidence, jobs=jobs or default_jobs(),
                       scheduler=scheduler, cache=cache, quiet=quiet)
    if out is not None and result.articles:
        from kg.buildcache import BuildCache
        from kg.buildlock import output_lock
        from kg.publish import publish

        with output_lock(Path(out)):
            from kg.paths import default_store

            store_dir = default_store(Path(out)) if store is True else Path(store) if store else None
            publish(result, Path(out), store_dir, quiet=quiet, cache=BuildCache(cache))
    return result


def __getattr__(name):
    if name == "open_store":
        from kg.store import open_store

        return open_store
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
