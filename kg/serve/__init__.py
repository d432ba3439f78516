"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, with an offline query page.

http.py speaks HTTP (stdlib ThreadingHTTPServer), workers.py runs each query in a worker process that can
be stopped at the timeout (lineup.py: the line of queries waiting for one), dataset.py reads the dataset a
request names, results.py evaluates and serializes in the worker (pyoxigraph), negotiate.py
picks the format from Accept, page.py renders the query page."""
