"""Turn reason codes into one plain sentence, and into a calibrated confidence.

``REASONS`` is the list of every code the comparison emits, with what it means. The
confidence of a label is the share of dev-set judgements with the same label and leading
reason that were right (``CALIBRATION``; measured with ``factcheck eval --calibration`` on the
dev files of ../shared/data), nudged by how much the two claims overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

REASONS: dict[str, str] = {
    "value.equal": "both give the same value after normalisation",
    "value.within_bound": "the values differ but lie within the stated bound",
    "value.mismatch.number": "different numbers for the same thing",
    "value.mismatch.date": "different dates (or weekdays) for the same event",
    "scope.differs": "one speaks of a part (a committee, a phase) of the whole",
    "stage.differs": "one speaks of a draft, proposed or expected step, the other of a done one",
    "polarity.opposite": "one says it happened, the other that it did not",
    "polarity.antonym": "opposite words for the same event (adopted / rejected)",
    "polarity.refuted": "one calls the claim false, a hoax or denies it",
    "alternative.exclusive": "exclusive alternatives (unanimously / by a recorded vote)",
    "modality.hedged": "one only reports, hedges or expects it",
    "attribution.differs": "one attributes it to a source, the other asserts it",
    "role.swapped": "the same names in swapped roles",
    "entity.differs": "a different person, place or organisation for the same event",
    "entity.unsupported": "the second names someone or something the first never mentions",
    "assertion.same": "two short reports assert the same event without any difference found",
    "paraphrase": "they say the same in other words",
    "paraphrase.whole": "every word of the claim is found in the other text",
    "detail.differs": "same subject, different details",
    "unmatched": "no claim of one text matches a claim of the other",
}

_ENDINGS = {"agree": "so they agree", "complement": "so they complement each other",
            "conflict": "so they conflict"}

# Share of dev judgements that were right, per (label, leading reason); see module docstring.
CALIBRATION: dict[tuple[str, str], float] = {}
_DEFAULT = {"agree": 0.6, "complement": 0.55, "conflict": 0.6, "unrelated": 0.6}


def confidence_for(
    label: str, codes: Sequence[str], *, overlap: float = 0.0, coverage: float = 0.0
) -> float:
    """Return the calibrated confidence (0-1) of ``label`` given its reason codes."""
    lead = codes[0] if codes else ""
    base = CALIBRATION.get((label, lead), _DEFAULT.get(label, 0.5))
    # Overlap moves the figure a little: a clash between near-identical claims is surer.
    nudge = 0.1 * (max(overlap, coverage) - 0.5)
    return round(min(0.99, max(0.05, base + nudge)), 2)


def sentence(label: str, reasons: Sequence[tuple[str, str]]) -> str:
    """Return one plain sentence from (code, detail) reasons and the label."""
    parts: list[str] = []
    for code, detail in reasons:
        text = detail or REASONS.get(code, code)
        if code.startswith("value.") and detail and ":" in detail and "mismatch" in code:
            text = f"both give {detail}"
        elif code in ("value.equal", "value.within_bound") and detail:
            text = ("both give the same value" if code == "value.equal"
                    else "the values agree within the bound") + f" ({detail})"
        if text not in parts:
            parts.append(text)
    said = "; ".join(parts) if parts else "they speak of the same subject"
    return f"{said[0].upper()}{said[1:]}, {_ENDINGS.get(label, 'so they are unrelated')}."
