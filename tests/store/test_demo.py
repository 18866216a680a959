"""The demo sample is realistic and complete: every stage and source, calls with notes,
referrals, and follow-ups due and overdue relative to whatever day it is run."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from informa.demo import sample, write_demo_database
from informa.domain.clock import fixed_clock
from informa.domain.errors import DatabaseFileError
from informa.domain.model import InterviewStatus, Source, Stage
from informa.domain.notes import Tag, parse_notes
from informa.store import Store


@pytest.fixture
def demo(tmp_path: Path, now: datetime) -> Store:
    path = write_demo_database(tmp_path / "demo.db", clock=fixed_clock(now)).path
    return Store.open(path, clock=fixed_clock(now))


def test_every_stage_and_source_is_present(demo: Store) -> None:
    contacts = demo.contacts.browse()
    assert 20 <= len(contacts) <= 30
    assert {c.stage for c in contacts} == set(Stage)
    assert {c.source for c in contacts} == set(Source)
    assert len(demo.companies.all()) >= 6
    assert all(company.research for company in demo.companies.all())
    demo.close()


def test_calls_have_notes_in_the_notes_format(demo: Store) -> None:
    interviews = [i for c in demo.contacts.browse() for i in demo.interviews.for_contact(c.id)]
    done = [i for i in interviews if i.status is InterviewStatus.DONE]
    assert 4 <= len(done) <= 6
    assert any(i.status is InterviewStatus.SCHEDULED for i in interviews)
    for interview in done:
        parsed = parse_notes(interview.notes)
        assert parsed.sections, interview.contact_name
        asked = [q.text for q in interview.questions if q.asked_at is not None]
        assert [s.question for s in parsed.sections] == asked
        tags = Counter(item.tag for item in parsed.tagged)
        assert tags[Tag.ADVICE] >= 2
        assert tags[Tag.INFO] >= 2
        assert tags[Tag.ACTION] >= 1
        assert interview.minutes is not None
        assert interview.minutes > 10
    referral_lines = [item for i in done for item in parse_notes(i.notes).by_tag(Tag.REFERRAL)]
    assert len(referral_lines) >= 3
    demo.close()


def test_referrals_due_and_overdue(demo: Store, now: datetime) -> None:
    contacts = demo.contacts.browse()
    referred = [c for c in contacts if c.referred_by_id is not None]
    assert len(referred) >= 4
    by_id = {c.id: c for c in contacts}
    assert any(by_id[c.referred_by_id].referred_by_id for c in referred if c.referred_by_id)
    due = demo.contacts.due(now.date())
    assert any(c.is_overdue(now.date()) for c in due)
    assert any(c.next_action_due == now.date() for c in due)
    assert all(demo.activities.timeline(c.id) for c in contacts if c.stage is not Stage.PROSPECT)
    demo.close()


def test_sample_keys_are_consistent() -> None:
    keys = [person["key"] for person in sample.CONTACTS]
    assert len(keys) == len(set(keys))
    for index, person in enumerate(sample.CONTACTS):
        if person["referred_by"]:
            assert person["referred_by"] in keys[:index]


def test_demo_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mine.db"
    path.write_bytes(b"precious")
    with pytest.raises(DatabaseFileError) as refused:
        write_demo_database(path)
    assert "already exists" in str(refused.value)
    assert path.read_bytes() == b"precious"
