"""gunicorn's settings for factcheck, read from the working directory: ``gunicorn 'wsgi:app'``.

Command-line flags and ``GUNICORN_CMD_ARGS`` override any of them, e.g.
``GUNICORN_CMD_ARGS="--workers 4 --bind 0.0.0.0:8000"``; ``WEB_CONCURRENCY`` sets the
number of workers.

Why these (``python -m factcheck.bench.load``, runs in bench/RESULTS.md):

* One process a core, several threads each. A worker keeps a story's fact structure, its
  reviews and the rendered parts of its pages in memory; fewer processes work each of
  them out fewer times, and the threads overlap the waits on PostgreSQL. On 2 cores under
  50 clients, 2 workers x 8 threads served about 20% more requests than 5 sync workers,
  with a lower p95 on every endpoint.
* Threaded workers keep HTTP connections open between requests, where sync workers open
  and close one for every request.
* Each worker holds at most ``worker_connections`` connections. Without that bound the
  first worker to wake accepts most of the clients' connections and they queue there while
  the other worker idles; with it, they spread over the workers.
"""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("FACTCHECK_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = 8
# At most 18 idle connections a worker (worker_connections - threads): a response beyond
# that closes its connection, so no worker hoards connections and room is always left for
# as many new ones as the worker has threads.
worker_connections = 26
keepalive = 5  # seconds an idle connection stays open
# The first report added after an upgrade that changes the blocking keys re-keys its story
# within the request: about 8 s for 200 reports.
timeout = 60
graceful_timeout = 30
