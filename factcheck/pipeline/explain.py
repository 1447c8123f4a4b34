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

# Share of dev judgements that were right, per (label, leading reason, shape of the texts),
# each dev file weighing the same; "*" is any reason. Measured 2026-11-23 with
# `factcheck eval <the 8 dev.jsonl files> --limit 1500 --fit-calibration`.
CALIBRATION: dict[tuple[str, str, str], float] = {
    ('agree', '*', 'article'): 0.44,
    ('agree', '*', 'headline'): 0.74,
    ('agree', '*', 'sentence'): 0.29,
    ('agree', 'assertion.same', 'article'): 0.31,
    ('agree', 'assertion.same', 'headline'): 0.68,
    ('agree', 'assertion.same', 'sentence'): 0.26,
    ('agree', 'paraphrase', 'article'): 0.53,
    ('agree', 'paraphrase', 'headline'): 0.82,
    ('agree', 'paraphrase', 'sentence'): 0.46,
    ('agree', 'paraphrase.whole', 'article'): 0.4,
    ('agree', 'value.equal', 'article'): 0.55,
    ('agree', 'value.equal', 'headline'): 0.88,
    ('agree', 'value.equal', 'sentence'): 0.18,
    ('agree', 'value.within_bound', 'sentence'): 0.19,
    ('complement', '*', 'article'): 0.51,
    ('complement', '*', 'headline'): 0.45,
    ('complement', '*', 'sentence'): 0.62,
    ('complement', 'attribution.differs', 'article'): 0.7,
    ('complement', 'attribution.differs', 'headline'): 0.72,
    ('complement', 'attribution.differs', 'sentence'): 0.41,
    ('complement', 'detail.differs', 'article'): 0.44,
    ('complement', 'detail.differs', 'headline'): 0.04,
    ('complement', 'detail.differs', 'sentence'): 0.64,
    ('complement', 'modality.hedged', 'article'): 0.56,
    ('complement', 'modality.hedged', 'headline'): 0.87,
    ('complement', 'modality.hedged', 'sentence'): 0.55,
    ('complement', 'stage.differs', 'article'): 0.75,
    ('complement', 'stage.differs', 'sentence'): 0.71,
    ('complement', 'value.equal', 'article'): 0.61,
    ('complement', 'value.equal', 'sentence'): 0.44,
    ('complement', 'value.within_bound', 'sentence'): 0.69,
    ('conflict', '*', 'article'): 0.63,
    ('conflict', '*', 'headline'): 0.83,
    ('conflict', '*', 'sentence'): 0.25,
    ('conflict', 'entity.unsupported', 'article'): 0.88,
    ('conflict', 'polarity.opposite', 'article'): 0.5,
    ('conflict', 'polarity.opposite', 'headline'): 0.74,
    ('conflict', 'polarity.opposite', 'sentence'): 0.48,
    ('conflict', 'polarity.refuted', 'article'): 0.56,
    ('conflict', 'polarity.refuted', 'headline'): 0.92,
    ('conflict', 'polarity.refuted', 'sentence'): 0.5,
    ('conflict', 'value.mismatch.date', 'sentence'): 0.1,
    ('conflict', 'value.mismatch.number', 'article'): 0.48,
    ('conflict', 'value.mismatch.number', 'sentence'): 0.14,
    ('unrelated', '*', 'article'): 0.52,
    ('unrelated', '*', 'headline'): 0.3,
    ('unrelated', '*', 'sentence'): 0.76,
    ('unrelated', 'unmatched', 'article'): 0.52,
    ('unrelated', 'unmatched', 'headline'): 0.3,
    ('unrelated', 'unmatched', 'sentence'): 0.76,
}
_DEFAULT = {"agree": 0.6, "complement": 0.55, "conflict": 0.6, "unrelated": 0.6}


def confidence_for(
    label: str, codes: Sequence[str], *, overlap: float = 0.0, coverage: float = 0.0,
    shape: str = "sentence",
) -> float:
    """Return the calibrated confidence (0-1) of ``label`` given its reason codes.

    ``shape`` is the kind of texts compared (headline, sentence, article): the same rule is
    right more often on some than on others.
    """
    lead = codes[0] if codes else ""
    base = CALIBRATION.get((label, lead, shape), CALIBRATION.get(
        (label, "*", shape), _DEFAULT.get(label, 0.5)))
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
