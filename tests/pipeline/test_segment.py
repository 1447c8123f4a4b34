"""Sentence segmentation: exact offsets, abbreviations, decimals and quotes."""

from __future__ import annotations

import pytest

from factcheck.pipeline import segment
from factcheck.pipeline.segment import MAX_SENTENCE, paragraphs


@pytest.mark.parametrize(("text", "sentences"), [
    ("The treaty was adopted. It took five years.",
     ["The treaty was adopted.", "It took five years."]),
    ("The U.S. Senate voted. Dr. Smith said so.",
     ["The U.S. Senate voted.", "Dr. Smith said so."]),
    ("Prices rose 1.2 percent in Jan. 2024. Then they fell.",
     ["Prices rose 1.2 percent in Jan. 2024.", "Then they fell."]),
    ('"It is done," he said. "We won." Then silence.',
     ['"It is done," he said.', '"We won."', "Then silence."]),
    ("“It is a landmark,” said Ghada Waly. UNODC agreed.",
     ["“It is a landmark,” said Ghada Waly.", "UNODC agreed."]),
    ("Author J. K. Rowling spoke. Fans cheered!", ["Author J. K. Rowling spoke.",
                                                    "Fans cheered!"]),
    ("Was it adopted? Yes. 193 states agreed.",
     ["Was it adopted?", "Yes.", "193 states agreed."]),
    ("See e.g. the annex. It lists 12 crimes.", ["See e.g. the annex.", "It lists 12 crimes."]),
    ("He left at 4 p.m. on Monday.", ["He left at 4 p.m. on Monday."]),
    ("First line\nSecond line.", ["First line", "Second line."]),
    ("Smith et al. found it. Oman let in El Al. Previously, it flew around.",
     ["Smith et al. found it.", "Oman let in El Al.", "Previously, it flew around."]),
    ("Warsaw voted. Łódź did not. Élysée aides agreed.",
     ["Warsaw voted.", "Łódź did not.", "Élysée aides agreed."]),
    # Scraped pages lose the space between sentences; names and decimals stay whole.
    ("said a strategist.New Zealand's bank rose 4.75% on Wednesday.The bank said so.",
     ["said a strategist.", "New Zealand's bank rose 4.75% on Wednesday.", "The bank said so."]),
    ("Since Jan. 18.Japan's index fell.", ["Since Jan. 18.", "Japan's index fell."]),
    ("Gov.Smith flew to St.Louis and read Amazon.com.", ["Gov.Smith flew to St.Louis and read "
                                                         "Amazon.com."]),
    ("", []),
    ("   \n\n  ", []),
])
def test_sentences_split_where_a_reader_would(text: str, sentences: list[str]) -> None:
    assert [s.text for s in segment(text)] == sentences


def test_offsets_are_exact() -> None:
    text = "  The treaty was adopted.   It took five years.\n\n“Yes,” he said. Dr. No left.  "
    spans = segment(text)
    assert spans
    for span in spans:
        assert text[span.start:span.end] == span.text
        assert span.text == span.text.strip()


def test_a_run_without_sentence_ends_is_cut_into_bounded_pieces() -> None:
    text = "word " * 5000
    spans = segment(text)
    assert len(spans) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in spans)
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_paragraphs_are_the_non_empty_lines() -> None:
    text = "Title\n\n  Body one. Body two.\n"
    assert [(p.text, p.start) for p in paragraphs(text)] == [
        ("Title", 0), ("Body one. Body two.", 9)]
