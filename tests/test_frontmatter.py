"""Report files: front matter then body, the format of sources/ and of `factcheck compare`."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.frontmatter import FrontMatterError, parse_report_file


def test_front_matter_gives_metadata_and_the_rest_is_the_body() -> None:
    parsed = parse_report_file(
        "---\noutlet: Example Times\ntitle: \"A: title\"\npublished: 2024-08-11\n---\nBody text.\n"
    )
    assert parsed.meta == {"outlet": "Example Times", "title": "A: title",
                           "published": "2024-08-11"}
    assert parsed.body == "Body text.\n"
    assert parsed.published == date(2024, 8, 11)
    assert not parsed.html


def test_a_file_without_front_matter_is_all_body() -> None:
    parsed = parse_report_file("Just text --- with dashes.")
    assert parsed.meta == {}
    assert parsed.body == "Just text --- with dashes."


@pytest.mark.parametrize("content, fragment", [
    ("---\noutlet: X\ntitle: no closing line", "never closed"),
    ("---\nnot a key value line\n---\nBody", "line 2"),
    ("---\npublished: 11/08/2024\n---\nBody", "not an ISO date"),
])
def test_malformed_front_matter_says_what_is_wrong(content: str, fragment: str) -> None:
    with pytest.raises(FrontMatterError, match=fragment):
        parse_report_file(content)


@pytest.mark.parametrize("filename, body, html", [
    ("page.html", "plain words", True),
    ("page.txt", "<!doctype html><html><body><p>x</p></body></html>", True),
    ("page.txt", "The <b>bold</b> claim is not a page.", False),
])
def test_html_is_recognised_by_name_or_by_content(filename: str, body: str, html: bool) -> None:
    assert parse_report_file(body, filename=filename).html is html
