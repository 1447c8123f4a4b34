"""Word lists for typed values: months, bounds, currencies, units of time and measure.

Kept apart from the scanning code in ``values`` so the lists can be read (and extended) in one
place; ``plural`` normalises a counted noun the way every count's unit is written.
"""

from __future__ import annotations

from .types import Bound

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

BOUND_WORDS: dict[str, Bound] = {
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "exceeding": "more_than", "in excess of": "more_than", "upwards of": "more_than",
    "greater than": "more_than", "higher than": "more_than", "just over": "more_than",
    "nearly": "about", "almost": "about", "about": "about", "around": "about",
    "roughly": "about", "approximately": "about", "approx.": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "close to": "about", "circa": "about",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "up to": "up_to", "as many as": "up_to", "at most": "up_to", "a maximum of": "up_to",
    "no more than": "up_to", "not more than": "up_to", "within": "up_to",
    "less than": "less_than", "under": "less_than", "fewer than": "less_than",
    "below": "less_than", "lower than": "less_than", "just under": "less_than",
}
DATE_BOUNDS: dict[str, Bound] = {
    "before": "less_than", "by": "up_to", "until": "up_to", "till": "up_to",
    "after": "more_than", "since": "at_least",
}
CURRENCY_PREFIX = {
    "us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR",
    "inr": "INR", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
    "s$": "SGD", "nz$": "NZD", "chf": "CHF", "cny": "CNY", "rmb": "CNY", "₩": "KRW",
    "₽": "RUB", "r$": "BRL", "₦": "NGN",
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "rupee": "INR", "rupees": "INR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "naira": "NGN", "rand": "ZAR", "shillings": "KES", "dirhams": "AED",
    "riyals": "SAR", "pesos": "MXN", "lira": "TRY", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "inr": "INR", "jpy": "JPY", "cny": "CNY", "chf": "CHF", "aud": "AUD", "cad": "CAD",
}
DURATION_UNITS = {
    "year": ("years", 1), "years": ("years", 1), "yr": ("years", 1), "yrs": ("years", 1),
    "month": ("months", 1), "months": ("months", 1), "week": ("weeks", 1),
    "weeks": ("weeks", 1), "day": ("days", 1), "days": ("days", 1), "hour": ("hours", 1),
    "hours": ("hours", 1), "hr": ("hours", 1), "hrs": ("hours", 1),
    "minute": ("minutes", 1), "minutes": ("minutes", 1), "min": ("minutes", 1),
    "mins": ("minutes", 1), "second": ("seconds", 1), "seconds": ("seconds", 1),
    "decade": ("years", 10), "decades": ("years", 10), "century": ("years", 100),
    "centuries": ("years", 100),
}
QUANTITY_UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "mi", "miles": "mi", "metre": "m", "metres": "m",
    "meter": "m", "meters": "m", "cm": "cm", "mm": "mm", "centimetres": "cm",
    "centimeters": "cm", "feet": "ft", "foot": "ft", "ft": "ft", "inch": "in", "inches": "in",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilos": "kg", "gram": "g",
    "grams": "g", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "lb": "lb",
    "lbs": "lb", "acre": "acres", "acres": "acres", "hectare": "ha", "hectares": "ha",
    "ha": "ha", "sq km": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "square miles": "mi2", "square metres": "m2", "square meters": "m2",
    "square feet": "ft2", "degree": "degrees", "degrees": "degrees",
    "degrees celsius": "degC", "degrees fahrenheit": "degF", "°c": "degC", "°f": "degF",
    "°": "degrees", "mph": "mph", "km/h": "km/h", "kph": "km/h", "knots": "knots",
    "litre": "l", "litres": "l", "liter": "l", "liters": "l", "gallon": "gal",
    "gallons": "gal", "barrel": "barrels", "barrels": "barrels", "mw": "MW",
    "megawatt": "MW", "megawatts": "MW", "gw": "GW", "gigawatt": "GW", "gigawatts": "GW",
    "kwh": "kWh", "mwh": "MWh", "magnitude": "magnitude", "nautical miles": "nmi",
    "kw": "kW", "ml": "ml", "kmh": "km/h",
}
IRREGULAR_PLURALS = {"person": "people", "persons": "people", "child": "children",
                     "man": "men", "woman": "women", "foot": "feet", "mouse": "mice",
                     "children": "children", "men": "men", "women": "women", "feet": "feet",
                     "people": "people", "police": "police", "staff": "staff",
                     "personnel": "personnel", "crew": "crew", "aircraft": "aircraft",
                     "sheep": "sheep", "fish": "fish", "dead": "dead", "injured": "injured",
                     "wounded": "wounded", "missing": "missing"}
# Words that can be counted on their own after a number ("5 dead", "12 injured").
COUNT_STATES = frozenset({"dead", "injured", "wounded", "missing", "hurt", "killed",
                          "arrested", "detained", "displaced", "homeless", "hospitalised",
                          "hospitalized", "rescued", "evacuated"})


def plural(noun: str) -> str:
    """Return the plural, lower-case form of a counted noun ("member" -> "members")."""
    noun = noun.lower().replace("’", "'")
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun.endswith(("ss", "sh", "ch", "x", "z", "us")):
        return noun + "es"
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


_SAME_IN_BOTH = frozenset({"series", "species", "news", "means", "headquarters"})
_US_PLURALS = frozenset({"buses", "viruses", "bonuses", "statuses", "campuses", "censuses"})
_SINGULARS = {v: k for k, v in IRREGULAR_PLURALS.items() if k != v and k != "persons"}


def singular(noun: str) -> str:
    """Return the singular of a plural counted noun ("delegations" -> "delegation")."""
    if noun in _SINGULARS:
        return _SINGULARS[noun]
    if (noun in IRREGULAR_PLURALS.values() or noun in _SAME_IN_BOTH or not noun.endswith("s")
            or noun.endswith("ss")):
        return noun  # "police", "staff", "aircraft", "glass"
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    # "boxes", "matches", "buses"; but "prizes", "houses" and "causes" only add an "s".
    if noun.endswith(("sses", "shes", "ches", "xes", "zzes")) or noun in _US_PLURALS:
        return noun[:-2]
    return noun[:-1]


def unit_for(low: float, high: float, unit: str) -> str:
    """Return ``unit`` as read after the amount: "1 delegation", "1 year", "2 years"."""
    if low == high == 1 and unit and " " not in unit:
        return singular(unit)
    return unit


def is_plural(word: str) -> bool:
    """Return True when ``word`` looks like a plural noun (votes, people)."""
    if word in ("people", "children", "men", "women", "police", "staff", "personnel"):
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
