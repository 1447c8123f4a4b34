"""Label a matched pair of claims agree / complement / conflict, with reasons."""

from __future__ import annotations

from .types import Claim, Judgement, Label, Value


def _overlap(a: Value, b: Value) -> bool:
    return a.low <= b.high and b.low <= a.high


def classify(a: Claim, b: Claim, *, similarity: float = 0.0) -> Judgement:
    """Return the label of ``b`` against ``a`` with its reason codes and explanation."""
    reasons: list[str] = []
    label: Label = "complement"
    shared = [(va, vb) for va in a.values for vb in b.values
              if va.kind == vb.kind and va.unit == vb.unit]
    if a.polarity != b.polarity:
        reasons.append("polarity.opposite")
        label = "conflict"
    elif shared:
        if any(_overlap(va, vb) for va, vb in shared):
            reasons.append("value.equal")
            label = "agree"
        else:
            kind = shared[0][0].kind
            reasons.append("value.mismatch.date" if kind == "date" else "value.mismatch.number")
            label = "conflict"
    elif similarity >= 85:
        reasons.append("paraphrase")
        label = "agree"
    if a.hedged != b.hedged:
        reasons.append("modality.hedged")
        if label == "conflict":
            label = "complement"
    confidence = round(min(0.95, 0.4 + similarity / 200), 2)
    return Judgement(label, confidence, tuple(reasons) or ("related",),
                     explain(label, reasons), similarity)


def explain(label: str, reasons: list[str]) -> str:
    """Return one plain sentence built from the reasons."""
    parts = {
        "polarity.opposite": "one says it happened, the other that it did not",
        "value.equal": "both give the same value",
        "value.mismatch.number": "they give different numbers",
        "value.mismatch.date": "they give different dates",
        "modality.hedged": "one only says it is expected or reported",
        "paraphrase": "they say the same thing in other words",
    }
    said = "; ".join(parts[r] for r in reasons if r in parts) or "they speak of the same subject"
    return f"{said[0].upper()}{said[1:]}, so they {label if label != 'agree' else 'agree'}."
