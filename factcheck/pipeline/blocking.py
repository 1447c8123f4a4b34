"""Blocking keys: which claims of a story are worth scoring against a new claim.

Scoring every claim of a new report against every claim of a big story costs time in
proportion to the story. ``match.similarity`` only scores two claims above zero when they
share a name, or enough telling words (two when both claims are long, one otherwise; two
short words count as one, and a short word beside a telling one makes two), so a claim is
filed under keys that say exactly that:

* ``n:<stem>`` for each of its telling names (not "Tuesday" or "New"); every claim probes
  ``n:<stem>`` for each of its content stems, and keeps those stems within reach of the
  names of later claims;
* a short claim is filed under ``s:<stem>`` for each telling stem, and probes ``s:`` and
  ``l:`` with them: one telling word shared with a short claim is enough;
* a long claim is filed under ``l:<stem>`` for each telling stem, probes ``s:`` with them,
  and counts its ``l:`` keys: a long claim meeting it on two of them shares two telling
  words;
* every claim is filed under ``w:<stem>`` for each short stem ("cut", "pay") and counts
  them too: two short words shared tie as much as one telling word.

Two claims can score above zero only if their keys meet that way, so the index proposes
every pair the exhaustive comparison would keep, and far fewer. The keys depend on the
claim alone, never on the rest of the story: adding reports in any order, or rebuilding a
story from scratch, gives the same pairs. A claim stores one key per telling word, where
keys for each two of them grew with the square of a long claim's words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .match import LONG_CLAIM, short_telling, telling, telling_names
from .signals import Signals

# Bump when the keys change: stored keys of an older version must be rebuilt.
BLOCKING_VERSION = 14  # 7: "no-one" is a negator; 8: clock times are values, "76ers" is none;
# 9: contractions without an apostrophe ("dont") are negators, not words; 10: a number that
# names a thing ("a Boeing 737") or a rate ("345 a month") gives no value token, and
# "$5.4-billion" gives the same one as "$5.4 billion"; 11: a mixed number ("4 1/2 months",
# "4½") is one value; 12: an age beside a name ("Hiller, 43,") is an age, as "43-year-old" is;
# 13: a day of a month without its year ("on Dec. 30") is no count; 14: "news" is no "new",
# and "there's" or "it's" gives no word
# A long claim must meet another long claim on this many ``l:`` keys.
LONG_MEETING = 2

R = TypeVar("R", bound=Hashable)


@dataclass(frozen=True)
class BlockKeys:
    """A claim's blocking keys: what it is filed under and what it looks up.

    ``filed`` keys are found by others' ``probes`` (any one) and ``counted`` keys (two);
    ``reach`` keys are found by others' filed names.
    """

    filed: frozenset[str]
    probes: frozenset[str]
    counted: frozenset[str] = frozenset()
    reach: frozenset[str] = frozenset()


EMPTY = BlockKeys(frozenset(), frozenset())


def block_keys(s: Signals, *, checkable: bool = True) -> BlockKeys:
    """Return the blocking keys of a claim with signals ``s`` (none when not checkable)."""
    if not checkable or not s.content:
        return EMPTY
    strong = [t for t in s.content if telling(t)]
    names = {f"n:{t}" for t in telling_names(s) & s.content}
    seen = {f"n:{t}" for t in s.content}
    shorts = {f"s:{t}" for t in strong}
    longs = frozenset(f"l:{t}" for t in strong)
    # Short words tie in twos: filed and counted, so two claims sharing two of them meet.
    words = frozenset(f"w:{t}" for t in s.content if short_telling(t))
    if len(s.content) >= LONG_CLAIM:
        return BlockKeys(frozenset(names | longs | words), frozenset(seen | shorts),
                         longs | words, frozenset(seen - names))
    return BlockKeys(frozenset(names | shorts | words), frozenset(seen | shorts | longs),
                     words, frozenset(seen - names))


class BlockingIndex(Generic[R]):
    """An in-memory index of claims (any hashable reference) by their blocking keys."""

    def __init__(self) -> None:
        self._filed: dict[str, list[R]] = {}
        self._reach: dict[str, list[R]] = {}

    def add(self, ref: R, keys: BlockKeys) -> None:
        """File the claim ``ref`` under ``keys``."""
        for k in keys.filed:
            self._filed.setdefault(k, []).append(ref)
        for k in keys.reach:
            self._reach.setdefault(k, []).append(ref)

    def lookup(self, keys: BlockKeys) -> set[R]:
        """Return the filed claims that a claim with ``keys`` may score above zero with."""
        found: set[R] = set()
        for k in keys.probes:
            found.update(self._filed.get(k, ()))
        for k in keys.filed:
            found.update(self._reach.get(k, ()))
        if keys.counted:
            hits: Counter[R] = Counter()
            for k in keys.counted:
                hits.update(self._filed.get(k, ()))
            found.update(r for r, n in hits.items() if n >= LONG_MEETING)
        return found


def meets(a: BlockKeys, b: BlockKeys) -> bool:
    """Return True when claims with keys ``a`` and ``b`` would propose each other."""
    return bool(a.probes & b.filed or b.probes & a.filed or a.filed & b.reach
                or b.filed & a.reach or len(a.counted & b.filed) >= LONG_MEETING
                or len(b.counted & a.filed) >= LONG_MEETING)
