"""Clean a raw report: keep the article text, strip page junk, read metadata on the way.

HTML goes through trafilatura (main-content extraction, title and publication date), then
through the same line filter as plain text. The line filter removes, line by line:

- widgets and buttons: share buttons, "Follow us", page loaders, "Summarize", "Listen",
  "5 min read", advertisements, "Skip to content";
- navigation and tickers: lines of several items joined by ``|``, ``•`` or ``·``;
- photo and image credits ("Photo Courtesy: ...", "Image: Getty Images");
- "Read more" / "Also read" / "Related" lines, newsletter sign-ups, cookie notices,
  copyright lines;
- a line equal to an earlier one (repeated headlines);
- a donation appeal ("Support Our Journalism", "Donate") and everything after it;
- datelines and bylines ("| @indiablooms | 11 Aug 2024, 03:38 pm", "Dec 26, 2024",
  "01:53 pm", "By Jane Doe"): removed from the text and read as metadata.

Section headings ("What's the story", "Global response") stay in the text; the extractor
marks them and gives them no claim. ``Cleaned.removed`` lists every removed line.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from .errors import BinaryInput, ReportTooLarge
from .types import Cleaned
from .values import find_values

MAX_TEXT_CHARS = 1_000_000
MAX_HTML_CHARS = 5_000_000
_MAX_LINE_FOR_JUNK = 240

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_HTML_DOC = re.compile(r"^\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.IGNORECASE)
_TAG = re.compile(r"<(?:p|div|span|a|script|style|article|section|br|li|h[1-6])\b",
                  re.IGNORECASE)

_JUNK = re.compile(
    r"(?:page loader|loading\W*|summari[sz]e(?: (?:this )?(?:article|story))?|"
    r"listen(?: to (?:this )?(?:article|story))?(?: \d+ min(?:ute)?s?)?|"
    r"\d+\s*min(?:ute)?s?\s+(?:read|listen)|reading time\W.{0,40}|"
    r"advertisements?|ad|sponsored(?: content)?|skip to (?:main )?content|"
    r"story continues(?: below)?(?: advertisement)?|scroll (?:down )?to continue.*|"
    r"continue reading.{0,40}|read more|show more|load more|view (?:all )?comments|"
    r"comments?|\d+ comments?|leave a comment|print|email|e-mail|share|shares?\W*\d*|tweet|"
    r"pin it|copy link|link copied|whatsapp|facebook|twitter|linkedin|instagram|youtube|"
    r"telegram|reddit|pinterest|threads|home|menu|search|close|subscribe(?: now)?|sign in|"
    r"log ?in|register|trending(?: now| stories)?|top stories|latest(?: news| stories)?|"
    r"related(?: stories| articles| news| posts| content| topics)?|"
    r"more (?:from|on|stories|news) .{0,40}|recommended(?: for you| stories)?|"
    r"you (?:may|might) also like.{0,40}|most (?:read|popular|viewed)|popular(?: now)?|"
    r"(?:also|must) read\b.*|read (?:also|more|next)\s*[:\-|].*|see also\b.*|related\s*:.*|"
    r"watch\s*[:|].*|"
    r"(?:photo|photograph|photos|image|picture|pic|video|file photo|representational image|"
    r"representative image|cover image|featured image)s?\s*(?:courtesy|credit|credits|source|"
    r"by)?\s*[:\-|/©].*|"
    r"(?:photo|image|picture|video) (?:courtesy|credit|credits|source|caption)\b.*|"
    r"\(?with inputs? from .{0,60}\)?|ad feedback|paid (?:partner )?content|"
    r"(?:story|article) highlights|this (?:article|story) (?:was|is) (?:updated|corrected)\b.*|"
    r"(?:credits?|courtesy|source)\s*:\s*.{0,80}|representational (?:image|photo)\.?|"
    r"\(?(?:photo|image)\s*:.{0,80}\)?|"
    r"(?:getty images|reuters|ap photo|afp|pti|ani|ians|shutterstock|unsplash|istock)"
    r"(?:\s*/.{0,60})?|"
    r"follow us\b.*|follow @\w+.*|follow (?:[A-Z][\w ]{0,40} )?on (?:twitter|x|facebook|"
    r"instagram|linkedin|google news|whatsapp|telegram)\b.*|"
    r".{0,60}\bsharing button|share (?:this|on|via|the|article|story)\b.{0,60}|"
    r"click here\b.*|tap here\b.*|download (?:the|our) .{0,30}app\b.*|"
    r"(?:sign up|subscribe|register)\b.{0,80}\bnewsletters?\b.*|"
    r".{0,60}\bnewsletters?\b.{0,40}\b(?:sign up|subscribe|inbox)\b.*|"
    r"get (?:the latest|our|breaking).{0,60}\b(?:inbox|newsletter|alerts?)\b.*|"
    r"enter your e-?mail.*|get (?:the )?latest (?:news|updates|headlines)\b.*|"
    r".{0,80}\b(?:whatsapp|telegram)\b.{0,40}\b(?:channel|join|follow|updates)\b.*|"
    r"(?:we|this (?:site|website)) uses? cookies\b.*|.{0,80}\bcookies?\b.{0,80}"
    r"\b(?:accept|consent|settings|policy|preferences|browsing experience)\b.*|"
    r"accept(?: all)?(?: cookies)?|(?:manage )?cookie (?:settings|policy|preferences)|"
    r"by continuing to (?:use|browse)\b.*|copyright\b.*|©.*|all rights reserved\b.*|"
    r"terms (?:of (?:use|service)|and conditions)|privacy policy|"
    r"(?:join|follow) (?:us|our) .{0,40}(?:channel|community|whatsapp|telegram).*|"
    r"first published\s*:?.{0,60}|published\s*:.{0,60}|updated\s*:.{0,60})",
    re.IGNORECASE,
)
_DONATION = re.compile(
    r"(?:support (?:our|independent|quality|objective|unbiased|free|public[- ]interest) "
    r"journalism|support us\b|support (?:the|our) (?:guardian|newsroom|work)|donate\b|"
    r"make a (?:donation|contribution)|become a (?:member|supporter|patron|subscriber)|"
    r"subscribe to (?:continue|keep) reading|we cannot do without you|"
    r"your (?:contribution|support|donation) (?:supports|helps|matters|makes)|"
    r"help us (?:keep|continue|deliver)|contribute (?:now|today)|"
    r"(?:if you (?:value|like|enjoy|appreciate)).{0,60}(?:support|donat|contribut|subscri))",
    re.IGNORECASE,
)
_TICKER_SEP = re.compile(r"\s+[|•·]\s+|^\s*[|•·]\s*|\s*[|•·]\s*$")
# A number that some feeds print with a space after its decimal point or thousands comma
# ("$7. 2 million", "2. 7GHz", "killed 1, 400"): left apart, "$7." ends a sentence and "2
# million" opens the next. Not after four digits ("July 23, 2008. 4: 49 pm") or a score
# ("won 3-1. 2 players ..."), before a clock time, or inside a list ("rooms 12, 345 and 346",
# "99, 100, 101").
_SPACED_DECIMAL = re.compile(r"(?<![\d.,\-–])(\d{1,3})\. (\d{1,2})(?![\d:])")
_SPACED_THOUSANDS = re.compile(
    r"(?<!\d, )(?<![\d.,])(\d{1,3})((?:, \d{3})+)(?![\d:])(?!, ?\d)"
    r"(?!\s+(?:and|or|&)\s+\d+(?![\d,]|, \d{3}))")
# An age or a size printed with spaces round its hyphens ("a 36 - year - old climber", "a
# 13 - inch model"), as the same feeds print them: joined, it reads as one modifier that
# tells people or models apart. Other measures ("a 7 - yard pass") stay bare numbers, which
# between reports clash with nothing; a score ("a 7 - 0 lead") is no measure.
_SPACED_COMPOUND = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d+)?) - (year - old|inch)\b(?! - ?\d)")
# A mixed number whose "½" lost its glyph ("served 41/2 months", "41 / 2 months" for 4½)
# or printed with spaced hyphens ("a 4 - 1 / 2 - month term"): only before a unit of time
# or length, where "41 / 2" halved would make no sense.
_LOST_HALF = re.compile(
    r"\b(\d{0,2}\d)1 ?/ ?2(?= (?:months?|years?|hours?|days?|weeks?|minutes?|miles?|inches|"
    r"feet|games|innings|points)\b)")
_SPACED_MIXED = re.compile(r"\b(\d{1,2}) - ([13]) / ([24]) - (?=[a-z])")
_BYLINE = re.compile(
    r"(?i:by|written by|reported by|words by|edited by)\s+[A-Z][\w.'’\-]*"
    r"(?:\s+[A-Z][\w.'’\-]*){0,3}(?:\s*(?:,|and|&|\|)\s*[A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){0,4})?"
    r"\s*",
)
_META_WORDS = re.compile(
    r"@\w+|\b(?:published|updated|posted|last updated|first published|on|at|by|am|pm|a\.m\.|"
    r"p\.m\.|ist|gmt|utc|bst|cet|cest|est|edt|pst|pdt|cst|cdt|et|pt|hrs|hours? ago|"
    r"minutes? ago|mins? ago|days? ago|today|yesterday|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
    r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?)\b|\d+(?:st|nd|rd|th)?|[|•·,:/()\-–—+.]",
    re.IGNORECASE,
)
_HAS_DATE_OR_TIME = re.compile(
    r"\d{1,2}:\d{2}|\b\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bago\b",
    re.IGNORECASE,
)
_AGENCY = r"\((?:Reuters|AP|AFP|PTI|IANS|ANI|UNI|Bloomberg|dpa|Xinhua|CNN|BBC|UPI|IBNS)\)"
_WIRE_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"  # a place in capitals: NEW DELHI
    r"(?:, ?[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,2})?"  # ", Calif." / ", India"
    r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
    r"(?:, \d{4})?)?"
    rf" ?(?:{_AGENCY} ?)?[-–—:] |{_AGENCY} ?[-–—] )")
_PUBLISH_MARK = re.compile(r"@|\||\b(?:published|updated|posted|by)\b", re.IGNORECASE)


def sanitize(text: str | bytes, *, html: bool = False) -> str:
    """Return ``text`` as clean Unicode, or raise BinaryInput / ReportTooLarge."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BinaryInput(f"The report is not valid UTF-8 text (byte {exc.start}).") from exc
    limit = MAX_HTML_CHARS if html or looks_like_html(text[:20000]) else MAX_TEXT_CHARS
    if len(text) > limit:
        raise ReportTooLarge(
            f"The report has {len(text):,} characters; at most {limit:,} are accepted.")
    if "\x00" in text:
        raise BinaryInput("The report contains NUL bytes; send text, not binary data.")
    head = text[:65536]
    controls = len(_CONTROL.findall(head))
    if head and controls > max(8, len(head) // 100):
        raise BinaryInput("The report is mostly control characters; send text, not binary data.")
    text = _SURROGATE.sub("\ufffd", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def looks_like_html(text: str) -> bool:
    """Return True when plain-text input is in fact an HTML document."""
    return bool(_HTML_DOC.match(text)) or len(_TAG.findall(text[:20000])) >= 20


def clean(text: str, *, html: bool = False) -> Cleaned:
    """Return the article text of ``text`` with page junk removed and metadata read."""
    text = sanitize(text, html=html)
    published: date | None = None
    title: str | None = None
    page_junk: list[str] = []
    if html or looks_like_html(text):
        page_junk = _page_chrome(text)
        text, title, published = _from_html(text)
    body, removed, meta_date, byline = _filter_lines(text)
    removed = page_junk + [line for line in removed if line not in page_junk]
    if title is None:
        title = _first_heading(body)
    elif body and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return Cleaned(text=body, removed=tuple(removed), published=published or meta_date,
                   title=title, byline=byline)


def _from_html(html: str) -> tuple[str, str | None, date | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False)
    if doc is None:
        return "", None, None
    body = getattr(doc, "text", None) or ""
    title = (getattr(doc, "title", None) or "").strip() or None
    published: date | None = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return body, title, published


def _page_chrome(html: str) -> list[str]:
    """Return the text of a page's navigation, header, footer, asides and forms.

    trafilatura drops these without saying what they held; listing them lets an editor see
    what was taken out of an HTML report too. Scripts and styles are not listed.
    """
    import lxml.etree  # type: ignore[import-untyped]
    import lxml.html  # type: ignore[import-untyped]

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    out: list[str] = []
    for el in tree.iter("nav", "header", "footer", "aside", "form"):
        for bad in el.iter("script", "style", "noscript"):
            bad.drop_tree()
        text = " ".join(el.text_content().split())
        if text and text not in out:
            out.append(text[:300])
        if len(out) >= 50:
            break
    return out


def joined_numbers(line: str) -> str:
    """Return ``line`` with numbers printed with a space inside ("1, 400", "6. 2", "13 -
    inch") joined."""
    if " - " in line:
        line = _SPACED_COMPOUND.sub(lambda m: f"{m.group(1)}-{m.group(2).replace(' ', '')}",
                                    line)
        line = _SPACED_MIXED.sub(r"\1-\2/\3-", line)
    if "/" in line:
        line = _LOST_HALF.sub(r"\1 1/2", line)
    if ". " not in line and ", " not in line:
        return line
    line = _SPACED_DECIMAL.sub(r"\1.\2", line)
    # A whole run at once ("1, 000, 000"), and never one inside a list of numbers.
    return _SPACED_THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(", ", ","), line)


def _norm(line: str) -> str:
    return " ".join(line.lower().split()).strip(" .:|-–—")


def _filter_lines(text: str) -> tuple[str, list[str], date | None, str | None]:
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    dates: list[tuple[int, int, date]] = []  # (-score, order, date)
    byline: str | None = None
    stop = False
    lines = text.split("\n")
    for line in lines:
        line = joined_numbers(_SPACES.sub(" ", line).strip())
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if stop:
            removed.append(line)
            continue
        short = len(line) <= _MAX_LINE_FOR_JUNK
        if short and _DONATION.match(line):
            stop = True
            removed.append(line)
            continue
        meta = _metadata(line) if len(line) <= 160 else None
        if meta is not None:
            when, who = meta
            if when is not None:
                has_content = any(k for k in kept if k)
                score = 3 if _PUBLISH_MARK.search(line) else 2 if has_content else 1
                dates.append((-score, len(dates), when))
            if who and byline is None:
                byline = who
            removed.append(line)
            continue
        if short and _JUNK.fullmatch(line):
            removed.append(line)
            continue
        if _is_ticker(line):
            removed.append(line)
            continue
        key = _norm(line)
        if key in seen:
            removed.append(line)
            continue
        seen.add(key)
        wire = _WIRE_DATELINE.match(line)
        if wire and (wire.group().rstrip().endswith(":") and "(" not in wire.group()
                     and sum(c.isalpha() for c in wire.group()) < 5):
            wire = None  # "IBM: profits rose" is a headline's subject, not a place
        if wire and len(line[wire.end():].split()) >= 4:
            # "WASHINGTON, Aug 11 (Reuters) - The Senate ...": the place and date of filing
            # are metadata; left in, the date would read as the date of the event.
            prefix = wire.group().strip()
            removed.append(prefix)
            when = next((v.as_dates()[0] for v in find_values(prefix)
                         if v.kind == "date" and v.unit == "day"), None)
            if when is not None:
                dates.append((-2, len(dates), when))
            line = line[wire.end():]
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    published = min(dates)[2] if dates else None
    return "\n".join(kept), removed, published, byline


def _is_ticker(line: str) -> bool:
    parts = [p for p in _TICKER_SEP.split(line) if p.strip()]
    return len(parts) >= 3 or (len(parts) == 2 and len(line) < 80 and "|" in line)


def _metadata(line: str) -> tuple[date | None, str | None] | None:
    """Return (date, byline) when ``line`` is a dateline or byline, else None."""
    who: str | None = None
    rest = line
    b = _BYLINE.match(line)
    if b and len(line.split()) <= 14:
        who = b.group().strip(" ,|")[3:].strip() if b.group().lower().startswith("by ") else (
            b.group().strip(" ,|"))
        rest = line[b.end():]
        if not rest.strip(" ,|-–—"):
            return None, who
    has_stamp = _HAS_DATE_OR_TIME.search(rest)
    if not has_stamp:
        return None
    leftover = _META_WORDS.sub(" ", rest).split()
    if len(leftover) > 1:
        return None
    when: date | None = None
    for v in find_values(rest):
        if v.kind == "date" and v.unit == "day":
            when = v.as_dates()[0]
            break
    return when, who


def _first_heading(body: str) -> str | None:
    for line in body.split("\n"):
        if line:
            if len(line) <= 200 and not line.endswith((".", "?", "!")):
                return line
            return None
    return None
