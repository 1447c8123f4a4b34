"""Compiled patterns and word lists shared by the pipeline stages."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    has have had do does did this that these those it its it's their his her they them he she
    we you i our your my me him us which who whom whose what when where why how than then so
    such not no nor only also too very can could will would shall should may might must into
    over under about after before during while up down out off again further once there here
    all any both each few more most other some same own just said says say""".split()
)

HEDGES = (
    "expected to", "is expected", "are expected", "may", "might", "could", "reportedly",
    "allegedly", "likely", "possibly", "would", "plans to", "planned to", "is set to",
    "are set to", "draft", "proposed", "reported to", "believed to", "appears to", "seems to",
    "according to", "claims", "claimed", "rumoured", "rumored", "unconfirmed",
)

NEGATIONS = ("not", "no", "never", "n't", "neither", "nor", "without", "denied", "denies",
             "refused", "rejected", "failed to")

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*")
