"""Judgement rules read from surface words, each with near-misses that must not fire."""

from __future__ import annotations

import pytest

from factcheck.pipeline import Claim, relate
from factcheck.pipeline.signals import signals


def claim(text: str) -> Claim:
    """Return a bare claim of ``text``."""
    return Claim(text=text, start=0, end=len(text))


@pytest.mark.parametrize(("text", "hedged"), [
    ("Ann Lee (born 3 May 1975) is an Irish singer.", False),
    ("The plant opened on May 2, 2019.", False),
    ("Sales fell in May.", False),
    ("Prices have risen since May.", False),
    ("The council may close the plant.", True),
    ("Council May Close Plant", True),
    ("The plant may close in May.", True),
])
def test_the_month_may_is_no_hedge(text: str, hedged: bool) -> None:
    assert signals(claim(text)).hedged is hedged


def test_a_birth_date_in_may_does_not_soften_a_clash() -> None:
    a = "Ann Lee is a Welsh singer."
    born = relate(a, "Ann Lee (born 3 May 1975) is an Irish singer and songwriter.")
    assert born.label == "conflict"
    assert "modality.hedged" not in born.reasons
    hedged = relate(a, "Ann Lee may be an Irish singer and songwriter.")
    assert hedged.label == "complement"
    assert "modality.hedged" in hedged.reasons
