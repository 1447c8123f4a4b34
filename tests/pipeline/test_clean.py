"""Cleaning: page junk goes, article text stays, datelines become metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.frontmatter import parse_report_file
from factcheck.pipeline import clean
from factcheck.pipeline.clean import MAX_TEXT_CHARS
from factcheck.pipeline.errors import BinaryInput, ExtractionError, ReportTooLarge

SEEDS = Path(__file__).resolve().parents[2] / "sources" / "un-cybercrime-convention"


def _seed(name: str) -> str:
    return parse_report_file((SEEDS / name).read_text(encoding="utf-8")).body


# Pages built from the junk patterns of other sites: a public broadcaster, an Indian portal,
# a US cable network and a blog with a donation appeal.
BROADCASTER = """Skip to content
Home
Share
Listen to this article
Flood waters force 2,000 people from their homes
3 hours ago
By Jane Smith, BBC News
Image source, Getty Images
More than 2,000 people were evacuated on Monday after the river burst its banks.
Rescue teams worked through the night, the fire service said.
Related Topics
More on this story
We use cookies to give you the best online experience. Accept cookies?
Sign up for our morning newsletter and get the news in your inbox.
Copyright 2024 Example Broadcasting. All rights reserved.
"""

TICKER = ("Metro fares to rise by 10% from September | Rain lashes Mumbai, trains delayed"
          " | Markets close higher for third day")
PORTAL = f"""Trending
Follow Us
Advertisement
Updated: Aug 11, 2024, 15:38 IST
{TICKER}
Metro fares to rise by 10% from September
The Metro will raise fares by 10 per cent from September 1, officials said on Sunday.
Also Read: Heavy rain lashes Mumbai, local trains delayed
Photo: PTI
(With inputs from PTI)
The increase is the first in five years.
Get the latest news on WhatsApp & Telegram. Join our channel
Comments
"""

CABLE = """Story highlights
The Senate passed the bill by a vote of 68 to 32 on Tuesday.
Ad Feedback
Paid Content
Sign up for the Five Things newsletter
Click here to subscribe
The measure now goes to the House.
© 2024 Cable News Network. All Rights Reserved.
"""

BLOG = """The council approved the budget on Thursday.
Spending on schools rises by 4%.
Support independent journalism
If you value our reporting, please make a donation today.
The council meets again in March.
"""


@pytest.mark.parametrize(("page", "kept", "gone"), [
    (BROADCASTER,
     ["More than 2,000 people were evacuated on Monday after the river burst its banks.",
      "Rescue teams worked through the night, the fire service said.",
      "Flood waters force 2,000 people from their homes"],
     ["Skip to content", "Share", "Listen to this article", "Image source, Getty Images",
      "We use cookies", "newsletter", "Copyright", "By Jane Smith", "3 hours ago",
      "Related Topics", "More on this story"]),
    (PORTAL,
     ["The Metro will raise fares by 10 per cent from September 1, officials said on Sunday.",
      "The increase is the first in five years.",
      "Metro fares to rise by 10% from September"],
     ["Trending", "Follow Us", "Advertisement", "Updated:", "Rain lashes Mumbai",
      "Also Read", "Photo: PTI", "With inputs", "WhatsApp", "Comments"]),
    (CABLE,
     ["The Senate passed the bill by a vote of 68 to 32 on Tuesday.",
      "The measure now goes to the House."],
     ["Story highlights", "Ad Feedback", "Paid Content", "newsletter", "Click here", "©"]),
    (BLOG,
     ["The council approved the budget on Thursday.", "Spending on schools rises by 4%."],
     ["Support independent journalism", "donation", "The council meets again in March."]),
])
def test_junk_lines_go_and_article_lines_stay(page: str, kept: list[str],
                                              gone: list[str]) -> None:
    cleaned = clean(page)
    for line in kept:
        assert line in cleaned.text
    for junk in gone:
        assert junk not in cleaned.text
    assert cleaned.removed  # the UI shows what was taken out


def test_a_headline_repeated_in_a_ticker_and_alone_is_kept_once() -> None:
    cleaned = clean(PORTAL)
    assert cleaned.text.count("Metro fares to rise by 10% from September") == 1
    assert cleaned.title == "Metro fares to rise by 10% from September"


def test_the_publication_date_comes_from_the_dateline() -> None:
    assert clean(PORTAL).published == date(2024, 8, 11)


def test_a_byline_is_read_as_metadata() -> None:
    cleaned = clean(BROADCASTER)
    assert cleaned.byline == "Jane Smith, BBC News"


def test_everything_after_a_donation_appeal_is_removed() -> None:
    cleaned = clean(BLOG)
    assert cleaned.removed[-1] == "The council meets again in March."


def test_first_seed_loses_its_widgets_and_repeated_headline() -> None:
    cleaned = clean(_seed("01-newsbytes.txt"))
    assert not cleaned.text.startswith("Page Loader")
    for junk in ("Page Loader", "Summarize", "01:53 pm"):
        assert junk in cleaned.removed
        assert junk not in cleaned.text
    assert cleaned.text.count("UN tackles cybercrime: How new treaty will make internet "
                              "safer") == 1
    assert cleaned.published == date(2024, 12, 26)
    assert "The 193-member Assembly adopted the resolution without a vote" in cleaned.text


def test_second_seed_loses_share_buttons_ticker_credit_and_appeal() -> None:
    cleaned = clean(_seed("02-indiablooms.txt"))
    for junk in ("sharing button", "Follow us", "Photo Courtesy", "Kate Middleton",
                 "@indiablooms", "Support Our Journalism", "IBNS is not driven",
                 "September 10, 2024"):
        assert junk not in cleaned.text
    # The site's clock at the top is not the publication date; the byline's date is.
    assert cleaned.published == date(2024, 8, 11)
    assert cleaned.text.endswith("capacity building relating to cybercrime.")


HTML_PAGE = """<!doctype html>
<html><head><title>Council approves budget | Example Times</title>
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
<script>window.tracker = {"headline": "Fake headline from a script"};</script>
<style>body { color: red }</style></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Council approves budget</h1>
<p>The city council approved a budget of $3bn on Thursday after two days of debate.</p>
<p>Spending on schools will rise by 4 per cent, the mayor said.</p>
<p>The opposition voted against the plan, calling it reckless and unfunded.</p>
</article>
<aside>Most read: Ten things to do this weekend</aside>
<footer>We use cookies. Accept all cookies. Copyright 2024 Example Times.</footer>
<script>alert("Fake headline from a script")</script>
</body></html>
"""


def test_html_is_reduced_to_the_article_with_title_and_date() -> None:
    cleaned = clean(HTML_PAGE, html=True)
    assert "approved a budget of $3bn on Thursday" in cleaned.text
    assert "Spending on schools will rise by 4 per cent" in cleaned.text
    assert "Fake headline" not in cleaned.text
    assert "color: red" not in cleaned.text
    assert "cookies" not in cleaned.text
    assert cleaned.published == date(2024, 3, 14)
    assert cleaned.title and "Council approves budget" in cleaned.title
    # What the HTML extractor dropped is listed for the editor, scripts excepted.
    assert "Home | World | Sport" in cleaned.removed
    assert not any("Fake headline" in line for line in cleaned.removed)


def test_an_html_document_pasted_as_text_is_recognised() -> None:
    cleaned = clean(HTML_PAGE)
    assert "<p>" not in cleaned.text
    assert "approved a budget of $3bn" in cleaned.text


@pytest.mark.parametrize("text", ["", "   \n\t  \n", "Page Loader\nSummarize\nFollow us:"])
def test_empty_or_all_junk_input_gives_empty_text(text: str) -> None:
    assert clean(text).text == ""


def test_html_with_only_scripts_gives_empty_text() -> None:
    page = "<html><body><script>" + "var x = 1;" * 1000 + "</script></body></html>"
    assert clean(page, html=True).text == ""


@pytest.mark.parametrize("raw", ["abc\x00def", "\x01\x02\x03\x04" * 100 + "text"])
def test_binary_input_is_refused_with_a_message(raw: str) -> None:
    with pytest.raises(BinaryInput, match="binary"):
        clean(raw)


def test_invalid_utf8_bytes_are_refused() -> None:
    with pytest.raises(BinaryInput, match="UTF-8"):
        clean(b"caf\xe9 \xff\xfe")  # type: ignore[arg-type]


def test_lone_surrogates_are_replaced_not_fatal() -> None:
    cleaned = clean("The treaty\ud800 was adopted on Friday.")
    assert "\ud800" not in cleaned.text
    assert "was adopted on Friday." in cleaned.text


def test_a_ten_megabyte_paste_is_refused_with_a_message() -> None:
    with pytest.raises(ReportTooLarge, match="characters"):
        clean("word " * 2_000_000)


def test_pipeline_errors_are_value_errors() -> None:
    assert issubclass(ExtractionError, ValueError)
    assert len("x" * MAX_TEXT_CHARS) == MAX_TEXT_CHARS  # the limit itself is accepted
    clean("x" * MAX_TEXT_CHARS)


def test_control_characters_and_odd_spaces_are_normalised() -> None:
    cleaned = clean("The\u00a0treaty\u200b was\tadopted.\r\nIt took five years.")
    assert cleaned.text == "The treaty was adopted.\nIt took five years."


@pytest.mark.parametrize(("line", "prefix", "rest"), [
    ("WASHINGTON, Aug 11 (Reuters) - The Senate passed the bill on Tuesday.",
     "WASHINGTON, Aug 11 (Reuters) -", "The Senate passed the bill on Tuesday."),
    ("NEW DELHI: The Metro will raise fares by 10 per cent.", "NEW DELHI:",
     "The Metro will raise fares by 10 per cent."),
    ("LONDON — Britain said on Monday it would raise taxes.", "LONDON —",
     "Britain said on Monday it would raise taxes."),
    ("(Reuters) - Oil prices rose 2% on Friday after the report.", "(Reuters) -",
     "Oil prices rose 2% on Friday after the report."),
])
def test_wire_datelines_are_taken_off_the_first_sentence(line: str, prefix: str,
                                                         rest: str) -> None:
    cleaned = clean(line)
    assert cleaned.text == rest
    assert prefix in cleaned.removed


@pytest.mark.parametrize("line", ["IBM: profits rose 5% last year, the firm said.",
                                  "UN Member States have finalised a new treaty."])
def test_sentences_that_open_with_a_name_keep_it(line: str) -> None:
    assert clean(line).text == line


@pytest.mark.parametrize("line", [
    "Share prices fell 5% on Monday.",
    "Photo opportunities were limited during the visit.",
    "Follow-up talks are due in May.",
    "Read the full statement, the minister said.",
    "Support for the bill grew after the vote.",
    "Support our troops, the banner read.",
    "Advertising revenue rose 3% last year.",
    "Comments by the minister angered MPs.",
    "The cookie maker said sales rose 4%.",
    "Donations to the fund reached $2m.",
    "Subscribers to the service fell by 200,000.",
    "Home prices rose 7% in 2024.",
    "Trending topics on the site included the treaty.",
    "Related charges were dropped on Friday.",
    "Credit Suisse said it would appeal.",
    "Search teams found 12 survivors.",
    "By contrast, exports fell.",
    "By 2030, the plan aims to cut emissions by half.",
    "Updated figures show 40 people died.",
    "Watch makers exported 5% more.",
    "Listen carefully, the judge told the jury.",
    "Print media lost 2,000 jobs in 2023.",
    "Email records show the deal was signed in March.",
    "Image rights were sold for €5m.",
    "Reuters reported the deal on Friday.",
])
def test_article_sentences_that_look_like_junk_are_kept_unchanged(line: str) -> None:
    text = f"Treaty talks resume\n\n{line}\nThe meeting ends on Friday."
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.removed == ()


@pytest.mark.parametrize(("raw", "expected"), [
    ("Bills were $7. 2 million in 2006, up from 6. 2 a year before.",
     "Bills were $7.2 million in 2006, up from 6.2 a year before."),
    ("It killed 612 people and wounded around 1, 400.",
     "It killed 612 people and wounded around 1,400."),
    ("About 1, 000, 000 people fled.", "About 1,000,000 people fled."),
    ("Between 1, 000 and 2, 000 people fled.", "Between 1,000 and 2,000 people fled."),
    # A year and a clock time, a score, and a list keep their spaces.
    ("He was charged July 23, 2008. 4: 49 pm", "He was charged July 23, 2008. 4: 49 pm"),
    ("They won 3-1. 2 players were sent off.", "They won 3-1. 2 players were sent off."),
    ("Rooms 12, 345 and 346 were shut.", "Rooms 12, 345 and 346 were shut."),
    ("Totals: 98, 99, 100, 101, 102.", "Totals: 98, 99, 100, 101, 102."),
    # An age or a size printed with spaced hyphens is one modifier; a score, another
    # measure and a dash keep their spaces.
    ("A 36 - year - old climber died.", "A 36-year-old climber died."),
    ("The 13 - inch model starts at $1,199.", "The 13-inch model starts at $1,199."),
    ("The Colts took a 7 - 0 lead.", "The Colts took a 7 - 0 lead."),
    ("He caught a 7 - yard pass.", "He caught a 7 - yard pass."),
    ("It killed 24 - with more feared dead.", "It killed 24 - with more feared dead."),
    # A "½" that lost its glyph, before a unit of time or length; a date keeps its slash.
    ("He served 41 / 2 months in prison.", "He served 4 1/2 months in prison."),
    ("It took 11/2 hours.", "It took 1 1/2 hours."),
    ("He served a 4 - 1 / 2 - month term.", "He served a 4-1/2-month term."),
    ("They met on 11/2 in Paris.", "They met on 11/2 in Paris."),
])
def test_numbers_printed_with_a_space_inside_are_joined(raw: str, expected: str) -> None:
    """A feed's "1, 400" and "$7. 2 million" read as the numbers they are."""
    assert clean(raw).text == expected
