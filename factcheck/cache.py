"""A bounded, thread-safe map for what one process keeps between requests.

Each gunicorn worker has its own; nothing in it is ever trusted on its own. The key of an
entry is everything its value was made from, read afresh from the database on each request
(versions, counts, ids), so a change made through any worker misses the old entry on the
next request everywhere, and a stale entry is never found, only forgotten when the map is
full.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Lru(Generic[V]):
    """The ``size`` entries used most recently."""

    def __init__(self, size: int) -> None:
        """Keep at most ``size`` entries."""
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()  # gthread workers share one map between threads
        self._size = size

    def get(self, key: Hashable) -> V | None:
        """Return the value kept under ``key``, or None."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, value: V) -> None:
        """Keep ``value`` under ``key``, forgetting the entry used longest ago when full."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        """Return how many entries are kept."""
        return len(self._items)
