"""Turn reason codes into one plain sentence, and into a calibrated confidence.

``REASONS`` is the list of every code the comparison emits, with what it means. The
confidence of a label is the share of dev-set judgements with the same label, leading
reason, shape of the texts, evidence strength and match-similarity bin that were right
(``CALIBRATION``; measured with ``factcheck eval --fit-calibration`` on the dev files of
../shared/data), nudged by how much the two claims overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

REASONS: dict[str, str] = {
    "value.equal": "both give the same value after normalisation",
    "value.within_bound": "the values differ but lie within the stated bound",
    "value.mismatch.number": "different numbers for the same thing",
    "value.mismatch.date": "different dates (or weekdays) for the same event",
    "value.differs": "different values, with nothing to say they are of the same thing",
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

# Share of dev judgements that were right, per (label, leading reason, shape of the texts,
# evidence strength, match-similarity bin), each dev file weighing the same; "*" is any.
# A row is kept only when it differs from the row it falls back to. Measured 2026-11-24 with
# `factcheck eval <the 8 dev.jsonl files> --fit-calibration`.
CALIBRATION: dict[tuple[str, str, str, str, str], float] = {
    ('agree', '*', '*', 'strong', '*'): 0.76,
    ('agree', '*', 'article', '*', '*'): 0.51,
    ('agree', '*', 'headline', '*', '*'): 0.75,
    ('agree', '*', 'sentence', '*', '*'): 0.63,
    ('agree', 'assertion.same', 'article', '*', '*'): 0.37,
    ('agree', 'assertion.same', 'article', 'weak', '60-80'): 0.46,
    ('agree', 'assertion.same', 'headline', '*', '*'): 0.71,
    ('agree', 'assertion.same', 'sentence', '*', '*'): 0.5,
    ('agree', 'assertion.same', 'sentence', 'weak', '0-40'): 0.21,
    ('agree', 'paraphrase', 'article', 'weak', '40-60'): 0.21,
    ('agree', 'paraphrase', 'article', 'weak', '60-80'): 0.54,
    ('agree', 'paraphrase', 'article', 'weak', '80+'): 0.61,
    ('agree', 'paraphrase', 'headline', '*', '*'): 0.82,
    ('agree', 'paraphrase', 'sentence', '*', '*'): 0.7,
    ('agree', 'paraphrase', 'sentence', 'weak', '40-60'): 0.58,
    ('agree', 'paraphrase', 'sentence', 'weak', '60-80'): 0.74,
    ('agree', 'paraphrase', 'sentence', 'weak', '80+'): 0.75,
    ('agree', 'paraphrase.whole', 'article', '*', '*'): 0.44,
    ('agree', 'paraphrase.whole', 'article', 'weak', '40-60'): 0.41,
    ('agree', 'value.equal', 'article', '*', '*'): 0.66,
    ('agree', 'value.equal', 'article', 'strong', '*'): 0.81,
    ('agree', 'value.equal', 'article', 'weak', '*'): 0.61,
    ('agree', 'value.equal', 'article', 'weak', '40-60'): 0.44,
    ('agree', 'value.equal', 'article', 'weak', '60-80'): 0.73,
    ('agree', 'value.equal', 'article', 'weak', '80+'): 0.44,
    ('agree', 'value.equal', 'headline', '*', '*'): 0.89,
    ('agree', 'value.equal', 'sentence', '*', '*'): 0.58,
    ('agree', 'value.equal', 'sentence', 'weak', '0-40'): 0.52,
    ('agree', 'value.equal', 'sentence', 'weak', '40-60'): 0.48,
    ('agree', 'value.equal', 'sentence', 'weak', '80+'): 0.83,
    ('agree', 'value.within_bound', 'sentence', '*', '*'): 0.55,
    ('agree', 'value.within_bound', 'sentence', 'weak', '40-60'): 0.6,
    ('complement', '*', 'article', '*', '*'): 0.4,
    ('complement', '*', 'headline', '*', '*'): 0.73,
    ('complement', '*', 'sentence', '*', '*'): 0.49,
    ('complement', 'attribution.differs', 'article', '*', '*'): 0.67,
    ('complement', 'attribution.differs', 'article', 'weak', '0-40'): 0.55,
    ('complement', 'attribution.differs', 'article', 'weak', '40-60'): 0.8,
    ('complement', 'attribution.differs', 'article', 'weak', '60-80'): 0.58,
    ('complement', 'attribution.differs', 'article', 'weak', '80+'): 0.75,
    ('complement', 'attribution.differs', 'headline', 'weak', '0-40'): 0.67,
    ('complement', 'attribution.differs', 'headline', 'weak', '40-60'): 0.64,
    ('complement', 'attribution.differs', 'headline', 'weak', '60-80'): 0.91,
    ('complement', 'attribution.differs', 'sentence', 'weak', '0-40'): 0.53,
    ('complement', 'attribution.differs', 'sentence', 'weak', '60-80'): 0.36,
    ('complement', 'detail.differs', 'article', '*', '*'): 0.24,
    ('complement', 'detail.differs', 'headline', '*', '*'): 0.36,
    ('complement', 'detail.differs', 'sentence', 'weak', '0-40'): 0.52,
    ('complement', 'detail.differs', 'sentence', 'weak', '40-60'): 0.38,
    ('complement', 'modality.hedged', 'article', '*', '*'): 0.61,
    ('complement', 'modality.hedged', 'article', 'weak', '40-60'): 0.74,
    ('complement', 'modality.hedged', 'article', 'weak', '60-80'): 0.4,
    ('complement', 'modality.hedged', 'article', 'weak', '80+'): 0.77,
    ('complement', 'modality.hedged', 'headline', '*', '*'): 0.84,
    ('complement', 'modality.hedged', 'headline', 'weak', '0-40'): 0.76,
    ('complement', 'modality.hedged', 'headline', 'weak', '60-80'): 0.92,
    ('complement', 'modality.hedged', 'headline', 'weak', '80+'): 0.9,
    ('complement', 'modality.hedged', 'sentence', '*', '*'): 0.44,
    ('complement', 'modality.hedged', 'sentence', 'weak', '40-60'): 0.59,
    ('complement', 'modality.hedged', 'sentence', 'weak', '60-80'): 0.3,
    ('complement', 'polarity.opposite', 'article', '*', '*'): 0.92,
    ('complement', 'scope.differs', 'sentence', '*', '*'): 0.42,
    ('complement', 'scope.differs', 'sentence', 'weak', '0-40'): 0.34,
    ('complement', 'stage.differs', 'article', '*', '*'): 0.65,
    ('complement', 'stage.differs', 'article', 'weak', '40-60'): 0.68,
    ('complement', 'stage.differs', 'article', 'weak', '60-80'): 0.53,
    ('complement', 'stage.differs', 'sentence', '*', '*'): 0.53,
    ('complement', 'stage.differs', 'sentence', 'weak', '0-40'): 0.62,
    ('complement', 'value.equal', 'article', '*', '*'): 0.47,
    ('complement', 'value.equal', 'article', 'weak', '*'): 0.52,
    ('complement', 'value.equal', 'article', 'weak', '0-40'): 0.64,
    ('complement', 'value.equal', 'article', 'weak', '40-60'): 0.59,
    ('complement', 'value.equal', 'headline', '*', '*'): 0.86,
    ('complement', 'value.equal', 'sentence', '*', '*'): 0.41,
    ('complement', 'value.equal', 'sentence', 'weak', '*'): 0.51,
    ('complement', 'value.within_bound', 'sentence', '*', '*'): 0.61,
    ('complement', 'value.within_bound', 'sentence', 'weak', '0-40'): 0.79,
    ('conflict', '*', '*', 'strong', '*'): 0.89,
    ('conflict', '*', 'article', '*', '*'): 0.7,
    ('conflict', '*', 'headline', '*', '*'): 0.81,
    ('conflict', '*', 'sentence', '*', '*'): 0.76,
    ('conflict', 'alternative.exclusive', 'sentence', '*', '*'): 1.0,
    ('conflict', 'entity.differs', 'sentence', '*', '*'): 1.0,
    ('conflict', 'entity.unsupported', 'article', '*', '*'): 0.96,
    ('conflict', 'polarity.antonym', 'article', '*', '*'): 0.93,
    ('conflict', 'polarity.opposite', 'article', '*', '*'): 0.56,
    ('conflict', 'polarity.opposite', 'article', 'weak', '0-40'): 0.09,
    ('conflict', 'polarity.opposite', 'article', 'weak', '40-60'): 0.4,
    ('conflict', 'polarity.opposite', 'article', 'weak', '60-80'): 0.66,
    ('conflict', 'polarity.opposite', 'article', 'weak', '80+'): 0.84,
    ('conflict', 'polarity.opposite', 'headline', '*', '*'): 0.72,
    ('conflict', 'polarity.opposite', 'headline', 'weak', '*'): 0.68,
    ('conflict', 'polarity.opposite', 'sentence', '*', '*'): 0.79,
    ('conflict', 'polarity.opposite', 'sentence', 'weak', '40-60'): 0.73,
    ('conflict', 'polarity.opposite', 'sentence', 'weak', '60-80'): 0.83,
    ('conflict', 'polarity.refuted', 'article', '*', '*'): 0.52,
    ('conflict', 'polarity.refuted', 'article', 'weak', '0-40'): 0.6,
    ('conflict', 'polarity.refuted', 'article', 'weak', '40-60'): 0.48,
    ('conflict', 'polarity.refuted', 'article', 'weak', '60-80'): 0.38,
    ('conflict', 'polarity.refuted', 'headline', '*', '*'): 0.92,
    ('conflict', 'polarity.refuted', 'sentence', '*', '*'): 0.45,
    ('conflict', 'polarity.refuted', 'sentence', 'weak', '0-40'): 0.51,
    ('conflict', 'polarity.refuted', 'sentence', 'weak', '40-60'): 0.42,
    ('conflict', 'value.mismatch.date', 'sentence', '*', '*'): 0.68,
    ('conflict', 'value.mismatch.date', 'sentence', 'weak', '40-60'): 0.62,
    ('conflict', 'value.mismatch.number', 'article', 'weak', '*'): 0.6,
    ('conflict', 'value.mismatch.number', 'article', 'weak', '40-60'): 0.04,
    ('conflict', 'value.mismatch.number', 'sentence', '*', '*'): 0.41,
    ('conflict', 'value.mismatch.number', 'sentence', 'weak', '*'): 0.44,
    ('conflict', 'value.mismatch.number', 'sentence', 'weak', '0-40'): 0.4,
    ('conflict', 'value.mismatch.number', 'sentence', 'weak', '40-60'): 0.39,
    ('unrelated', '*', 'article', '*', '*'): 0.53,
    ('unrelated', '*', 'headline', '*', '*'): 0.25,
    ('unrelated', '*', 'sentence', '*', '*'): 0.54,
}
_DEFAULT = {"agree": 0.6, "complement": 0.55, "conflict": 0.6, "unrelated": 0.6}
# Upper edges of the match-similarity bins: a clash between closely matched claims is surer.
SIMILARITY_BINS = ((40.0, "0-40"), (60.0, "40-60"), (80.0, "60-80"), (float("inf"), "80+"))


def similarity_bin(similarity: float) -> str:
    """Return the calibration bin of a match score (0-100)."""
    return next(name for edge, name in SIMILARITY_BINS if similarity < edge)


def calibration_keys(
    label: str, lead: str, shape: str, strength: str, bin_: str
) -> tuple[tuple[str, str, str, str, str], ...]:
    """Return the calibration rows a judgement falls under, most specific first.

    Strong evidence is rare in any one (reason, shape) cell, so it also has a row of its own
    over all reasons and shapes: a typed clash between otherwise identical claims is about
    as telling wherever it comes from.
    """
    pooled = ((label, "*", "*", strength, "*"),) if strength == "strong" else ()
    return ((label, lead, shape, strength, bin_), (label, lead, shape, strength, "*"),
            *pooled, (label, lead, shape, "*", "*"), (label, "*", shape, "*", "*"))


def confidence_for(
    label: str, codes: Sequence[str], *, overlap: float = 0.0, coverage: float = 0.0,
    shape: str = "sentence", similarity: float = 0.0, strength: str = "weak",
) -> float:
    """Return the calibrated confidence (0-1) of ``label`` given its reason codes.

    ``shape`` is the kind of texts compared (headline, sentence, article), ``similarity`` the
    match score of the two claims and ``strength`` how telling the evidence is: the same rule
    is right more often on some than on others.
    """
    lead = codes[0] if codes else ""
    keys = calibration_keys(label, lead, shape, strength, similarity_bin(similarity))
    base = next((CALIBRATION[k] for k in keys if k in CALIBRATION), _DEFAULT.get(label, 0.5))
    # Overlap moves the figure a little inside a bin.
    nudge = 0.1 * (max(overlap, coverage) - 0.5)
    return round(min(0.99, max(0.05, base + nudge)), 2)


_SIDES = ("the first ", "the second ")


def _joined(parts: list[str]) -> list[str]:
    """Tell reasons in a row about one side as one clause: "the second X and Y"."""
    if len(parts) < 2:  # most pairs: every pair of a story is explained
        return parts
    groups: list[tuple[str, list[str]]] = []
    for text in parts:
        side = next((s for s in _SIDES if text.startswith(s)), "")
        if side and groups and groups[-1][0] == side:
            rest, before = text[len(side):], groups[-1][1][-1]
            verb = rest.split(" ", 1)[0]
            # "speaks of the committee's part only and of an earlier stage"
            if before.split(" ", 1)[0] == verb and " " in rest:
                rest = rest.split(" ", 1)[1]
            groups[-1][1].append(rest)
        else:
            groups.append((side, [text[len(side):] if side else text]))
    out: list[str] = []
    for side, said in groups:
        listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
        out.append(side + listed)
    return out


def sentence(label: str, reasons: Sequence[tuple[str, str]]) -> str:
    """Return one plain sentence from (code, detail) reasons and the label."""
    parts: list[str] = []
    for code, detail in reasons:
        text = detail or REASONS.get(code, code)
        if code.startswith("value.") and detail and ":" in detail and (
                "mismatch" in code or code == "value.differs"):
            text = f"both give {detail}"
        elif code in ("value.equal", "value.within_bound") and detail:
            text = ("both give the same value" if code == "value.equal"
                    else "the values agree within the bound") + f" ({detail})"
        if text not in parts:
            parts.append(text)
    said = "; ".join(_joined(parts)) if parts else "they speak of the same subject"
    return f"{said[0].upper()}{said[1:]}, {_ENDINGS.get(label, 'so they are unrelated')}."
