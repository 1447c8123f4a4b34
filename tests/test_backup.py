"""A story dumped and restored comes back with its claims, pairs, reviews and history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy.orm import Session

from factcheck.db import get_db
from factcheck.errors import InvalidInput
from factcheck.services import backup, ingest, review, stories

from .conftest import make_story, seed_texts


def _reviewed_story(session: Session) -> int:
    story = make_story(session, "UN Convention against Cybercrime")
    results = [ingest.add_report(session, story, outlet=m["outlet"], text=b)
               for m, b in seed_texts()]
    session.commit()
    first, second = results[1].pairs[:2]
    review.review_pair(session, first.id, version=1, actor="ana", label="unrelated",
                       note="Different facts.")
    review.review_pair(session, second.id, version=1, actor="ben", label=second.label)
    session.commit()
    return story.id


def test_dump_and_restore_round_trips_a_story_exactly(session: Session) -> None:
    story_id = _reviewed_story(session)
    dumped = backup.dump_story(session, story_id)
    restored = backup.restore_story(session, json.loads(json.dumps(dumped)), actor="ops")
    session.commit()
    assert restored.id != story_id
    again = backup.dump_story(session, restored.id)
    restore_event = again["audit"].pop()
    assert restore_event["action"] == "story.restored"
    assert again == dumped


def test_restored_reviews_keep_label_note_reviewer_and_version(session: Session) -> None:
    story_id = _reviewed_story(session)
    restored = backup.restore_story(session, backup.dump_story(session, story_id))
    session.commit()
    pairs, _ = stories.list_pairs(session, restored.id, status="corrected")
    assert [(p.editor_label, p.note, p.reviewed_by, p.version) for p in pairs] == [
        ("unrelated", "Different facts.", "ana", 2)]


@pytest.mark.parametrize("data, field", [
    ({"format": "something else"}, "format"),
    ({"format": backup.FORMAT, "version": 99}, "version"),
    ({"format": backup.FORMAT, "version": backup.VERSION, "story": {}}, "dump"),
])
def test_a_foreign_or_damaged_dump_is_refused(session: Session, data: dict[str, object],
                                               field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        backup.restore_story(session, data)
    assert field in info.value.errors


def test_dump_and_restore_commands_round_trip_a_story(app: Flask, tmp_path: Path) -> None:
    with get_db(app).sessions() as s:
        story_id = _reviewed_story(s)
    runner = app.test_cli_runner()
    out = tmp_path / "story.json"
    dumped = runner.invoke(args=["dump", str(story_id), "-o", str(out)])
    assert dumped.exit_code == 0, dumped.output
    restored = runner.invoke(args=["restore", str(out)])
    assert restored.exit_code == 0, restored.output
    assert "restored story" in restored.output
    with get_db(app).sessions() as s:
        new_id = int(restored.output.split("restored story ")[1].split(":")[0])
        again = backup.dump_story(s, new_id)
    again["audit"].pop()
    assert again == json.loads(out.read_text(encoding="utf-8"))


def test_restore_command_refuses_a_file_that_is_not_a_dump(app: Flask, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["restore", str(bad)])
    assert result.exit_code != 0
    assert "not a JSON story dump" in result.output
