"""Blocking keys: which claims of a story are worth scoring against a new claim.

Scoring every claim of a new report against every claim of a big story costs time in
proportion to the story. ``match.similarity`` only scores two claims above zero when they
share a name, or enough telling words (two when both claims are long, one otherwise), so a
claim is filed under keys that say exactly that:

* ``n:<stem>`` for each of its telling names (not "Tuesday" or "New"); every claim probes
  ``n:<stem>`` for each of its content stems;
* a short claim is filed under ``s:<stem>`` for each telling stem; every claim probes those;
* a long claim is filed under (and probes) ``p:<stem>|<stem>`` for each two telling stems.

Two claims can score above zero only if one's probes meet the other's filed keys, so the
index proposes every pair the exhaustive comparison would keep, and far fewer. The keys
depend on the claim alone, never on the rest of the story: adding reports in any order, or
rebuilding a story from scratch, gives the same pairs.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from itertools import combinations
from typing import Generic, TypeVar

from .match import LONG_CLAIM, telling, telling_names
from .signals import Signals

# Bump when the keys change: stored keys of an older version must be rebuilt.
BLOCKING_VERSION = 3

R = TypeVar("R", bound=Hashable)


@dataclass(frozen=True)
class BlockKeys:
    """A claim's blocking keys: what it is filed under and what it looks up."""

    filed: frozenset[str]
    probes: frozenset[str]


EMPTY = BlockKeys(frozenset(), frozenset())


def block_keys(s: Signals, *, checkable: bool = True) -> BlockKeys:
    """Return the blocking keys of a claim with signals ``s`` (none when not checkable)."""
    if not checkable or not s.content:
        return EMPTY
    strong = sorted(t for t in s.content if telling(t))
    filed = {f"n:{t}" for t in telling_names(s) & s.content}
    probes = {f"n:{t}" for t in s.content} | {f"s:{t}" for t in strong}
    if len(s.content) >= LONG_CLAIM:
        both = {f"p:{x}|{y}" for x, y in combinations(strong, 2)}
        filed |= both
        probes |= both
    else:
        filed |= {f"s:{t}" for t in strong}
    return BlockKeys(frozenset(filed), frozenset(probes))


class BlockingIndex(Generic[R]):
    """An in-memory index of claims (any hashable reference) by their blocking keys."""

    def __init__(self) -> None:
        self._filed: dict[str, list[R]] = {}
        self._probes: dict[str, list[R]] = {}

    def add(self, ref: R, keys: BlockKeys) -> None:
        """File the claim ``ref`` under ``keys``."""
        for k in keys.filed:
            self._filed.setdefault(k, []).append(ref)
        for k in keys.probes:
            self._probes.setdefault(k, []).append(ref)

    def lookup(self, keys: BlockKeys) -> set[R]:
        """Return the filed claims that a claim with ``keys`` may score above zero with."""
        found: set[R] = set()
        for k in keys.probes:
            found.update(self._filed.get(k, ()))
        for k in keys.filed:
            found.update(self._probes.get(k, ()))
        return found


def meets(a: BlockKeys, b: BlockKeys) -> bool:
    """Return True when claims with keys ``a`` and ``b`` would propose each other."""
    return bool(a.probes & b.filed or b.probes & a.filed)
