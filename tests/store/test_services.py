"""Store services: one user action, one call, domain values back."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from informa.domain.clock import fixed_clock
from informa.domain.errors import NotFoundError, ValidationError
from informa.domain.model import (
    ALL,
    DUE,
    ActivityKind,
    CompanyDraft,
    Consent,
    ContactDraft,
    InterviewStatus,
    Source,
    Stage,
)
from informa.domain.plan import PlanItem
from informa.store import NotesConflictError, Store
from informa.store import models as m


def test_create_contact_links_company_case_insensitively(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="  Ada   Lovelace ", company="Analytical Co"))
    bob = store.contacts.create(ContactDraft(name="Bob", company="analytical co"))
    assert ada.name == "Ada Lovelace"
    assert ada.company_id == bob.company_id is not None
    assert ada.company_name == "Analytical Co"
    assert [c.name for c in store.companies.all()] == ["Analytical Co"]
    assert ada.stage is Stage.PROSPECT
    assert ada.created_at == now


def test_contact_validation_names_the_field(store: Store) -> None:
    with pytest.raises(ValidationError) as missing:
        store.contacts.create(ContactDraft(name="   "))
    assert missing.value.field == "name"
    with pytest.raises(ValidationError) as email:
        store.contacts.create(ContactDraft(name="Ann", email="not-an-email"))
    assert email.value.field == "email"
    assert store.contacts.count() == 0


def test_referrals_and_referred_by(store: Store) -> None:
    maya = store.contacts.create(ContactDraft(name="Maya"))
    priya = store.contacts.create(
        ContactDraft(name="Priya", source=Source.REFERRAL, referred_by_id=maya.id)
    )
    assert priya.referred_by_name == "Maya"
    assert [c.name for c in store.contacts.referrals(maya.id)] == ["Priya"]
    with pytest.raises(ValidationError):
        store.contacts.create(ContactDraft(name="X", referred_by_id=9999))
    with pytest.raises(ValidationError):
        store.contacts.update(maya.id, ContactDraft(name="Maya", referred_by_id=maya.id))


def test_update_keeps_identity_and_reindexes(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada", role="Analyst"))
    updated = store.contacts.update(ada.id, ContactDraft(name="Ada L", role="Data scientist"))
    assert updated.id == ada.id
    assert updated.role == "Data scientist"
    assert [hit.title for hit in store.search.search("scientist")] == ["Ada L"]
    assert store.search.search("analyst") == []


def test_move_records_a_stage_change(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    moved = store.contacts.move(ada.id, Stage.REACHED_OUT)
    assert moved.stage is Stage.REACHED_OUT
    timeline = store.activities.timeline(ada.id)
    assert [(a.kind, a.detail) for a in timeline] == [
        (ActivityKind.STAGE_CHANGE, "Prospect → Reached out")
    ]
    store.contacts.move(ada.id, Stage.REACHED_OUT)
    assert len(store.activities.timeline(ada.id)) == 1


def test_stage_counts_and_due(store: Store, now: datetime) -> None:
    today = now.date()
    names = ["Ann", "Ben", "Cat", "Dan"]
    ids = [store.contacts.create(ContactDraft(name=name)).id for name in names]
    store.contacts.move(ids[1], Stage.SCHEDULED)
    store.contacts.set_next_action(ids[0], "Follow up", today)
    store.contacts.set_next_action(ids[2], "Send note", today - timedelta(days=3))
    store.contacts.set_next_action(ids[3], "Later", today + timedelta(days=3))
    counts = {count.stage: count.count for count in store.contacts.stage_counts()}
    assert counts[Stage.PROSPECT] == 3
    assert counts[Stage.SCHEDULED] == 1
    assert sum(counts.values()) == 4
    assert [c.name for c in store.contacts.due(today)] == ["Cat", "Ann"]
    store.contacts.move(ids[2], Stage.CLOSED)
    assert [c.name for c in store.contacts.browse(Stage.CLOSED)] == ["Cat"]


def test_activity_moves_last_interaction_forward_only(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    later = now - timedelta(days=1)
    store.activities.log(ada.id, ActivityKind.REPLY, at=later)
    store.activities.log(ada.id, ActivityKind.OUTREACH, at=now - timedelta(days=5))
    store.activities.log(ada.id, ActivityKind.NOTE, at=now)
    assert store.contacts.get(ada.id).last_interaction_at == later
    assert [a.kind for a in store.activities.timeline(ada.id)] == [
        ActivityKind.NOTE,
        ActivityKind.REPLY,
        ActivityKind.STAGE_CHANGE,  # the first outreach moved Ada to Reached out
        ActivityKind.OUTREACH,
    ]
    assert store.contacts.get(ada.id).stage is Stage.REACHED_OUT


def test_interview_journey(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada", company="Lumen"))
    start = now - timedelta(hours=2)
    interview = store.interviews.schedule(ada.id, start, link="zoom.us/j/123")
    assert interview.link == "https://zoom.us/j/123"
    assert store.contacts.get(ada.id).stage is Stage.SCHEDULED
    interview = store.interviews.set_plan(
        interview.id,
        [PlanItem("How did you start?", "core/opening/start", "opening"), PlanItem("One-off?")],
    )
    first = interview.questions[0]
    store.interviews.start(interview.id, at=start)
    store.interviews.mark_asked(first.id, at=start + timedelta(minutes=1))
    revision = store.interviews.save_notes(interview.id, "A: learn SQL", base_revision=0)
    assert revision == 1
    interview = store.interviews.set_plan(
        interview.id, [PlanItem("Extra?"), PlanItem("How did you start?", "core/opening/start")]
    )
    assert [q.text for q in interview.questions] == ["Extra?", "How did you start?"]
    assert interview.questions[1].asked_at == start + timedelta(minutes=1)
    store.interviews.set_consent(interview.id, Consent.NO)
    done = store.interviews.finish(interview.id, at=start + timedelta(minutes=27))
    assert done.status is InterviewStatus.DONE
    assert done.minutes == 27
    assert done.recording_consent is Consent.NO
    assert store.contacts.get(ada.id).stage is Stage.INTERVIEWED
    store.interviews.mark_thank_you_sent(interview.id)
    kinds = [a.kind for a in store.activities.timeline(ada.id)]
    assert ActivityKind.CALL in kinds
    assert kinds[0] is ActivityKind.THANK_YOU
    assert [i.id for i in store.interviews.for_contact(ada.id)] == [interview.id]
    assert store.search.search("SQL")[0].kind == "interview"


def test_notes_conflict_keeps_both_versions(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    interview = store.interviews.schedule(ada.id, now)
    store.interviews.save_notes(interview.id, "mine", base_revision=0)
    with pytest.raises(NotesConflictError) as conflict:
        store.interviews.save_notes(interview.id, "theirs", base_revision=0)
    assert conflict.value.stored == "mine"
    assert conflict.value.revision == 1
    assert store.interviews.get(interview.id).notes == "mine"


def test_saving_notes_stamps_the_call_and_keeps_its_debrief_found(
    db_path: Path, now: datetime
) -> None:
    later = now + timedelta(minutes=5)
    store = Store.open(db_path, clock=fixed_clock(later), create_folder=True)
    try:
        ada = store.contacts.create(ContactDraft(name="Ada Quill"))
        interview = store.interviews.schedule(ada.id, now)
        store.interviews.save_debrief(interview.id, "Surprised by the walrus question")
        revision = store.interviews.save_notes(interview.id, "talked pipelines", base_revision=0)
        saved = store.interviews.get(interview.id)
        assert (saved.notes, saved.notes_revision) == ("talked pipelines", revision)
        assert m.Interview.get_by_id(interview.id).updated_at == later
        for word in ("pipelines", "walrus"):  # the notes and, under them, the debrief
            (hit,) = store.search.search(word)
            assert (hit.kind, hit.ref_id, hit.title) == ("interview", interview.id, "Ada Quill")
        with pytest.raises(NotFoundError):
            store.interviews.save_notes(interview.id + 100, "lost", base_revision=0)
    finally:
        store.close()


def test_companies(store: Store) -> None:
    company = store.companies.create(CompanyDraft(name="Lumen", website="lumen.example"))
    assert company.website == "https://lumen.example"
    with pytest.raises(ValidationError):
        store.companies.create(CompanyDraft(name="LUMEN"))
    updated = store.companies.update(company.id, CompanyDraft(name="Lumen", research="Rivals: X"))
    assert updated.research == "Rivals: X"
    assert store.companies.find("lumen") == updated
    assert store.search.search("rivals")[0].title == "Lumen"


def test_unknown_ids_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.contacts.get(42)
    with pytest.raises(NotFoundError):
        store.interviews.get(42)
    with pytest.raises(NotFoundError):
        store.activities.log(42, ActivityKind.NOTE)


def test_search_accepts_any_text(store: Store) -> None:
    store.contacts.create(ContactDraft(name="Ada", notes="loves graph theory"))
    assert store.search.search('"graph theory"')[0].title == "Ada"
    for text in ["", "   ", '"', "AND", "(", "-", "a:b", "*"]:
        store.search.search(text)  # never raises


def test_timestamps_are_aware(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    assert ada.created_at.tzinfo is not None
    store.contacts.set_next_action(ada.id, "Write", date(2026, 12, 1))
    assert store.contacts.get(ada.id).next_action_due == date(2026, 12, 1)


def test_unicode_company_names_match_case_insensitively(store: Store) -> None:
    first = store.contacts.create(ContactDraft(name="Ana", company="Élan Bio"))
    second = store.contacts.create(ContactDraft(name="Ben", company="ÉLAN BIO"))
    assert first.company_id == second.company_id
    found = store.companies.find("élan bio")
    assert found is not None
    assert found.name == "Élan Bio"
    assert [c.name for c in store.contacts.find("ANA")] == ["Ana"]


def test_referral_loops_are_refused(store: Store) -> None:
    a = store.contacts.create(ContactDraft(name="A"))
    b = store.contacts.create(ContactDraft(name="B", referred_by_id=a.id))
    c = store.contacts.create(ContactDraft(name="C", referred_by_id=b.id))
    with pytest.raises(ValidationError) as loop:
        store.contacts.update(a.id, ContactDraft(name="A", referred_by_id=c.id))
    assert loop.value.field == "referred_by_id"
    assert store.contacts.get(a.id).referred_by_id is None


def test_concurrent_writers_wait_for_each_other(store: Store) -> None:
    """Worker threads write at once: each action waits its turn; none fails as 'busy'."""
    ids = [store.contacts.create(ContactDraft(name=f"P{n}")).id for n in range(8)]
    errors: list[Exception] = []

    def work(contact_id: int) -> None:
        try:
            for round_ in range(25):
                store.contacts.move(contact_id, list(Stage)[round_ % len(Stage)])
                store.activities.log(contact_id, ActivityKind.NOTE, detail=str(round_))
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(contact_id,)) for contact_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(len(store.activities.timeline(contact_id)) == 49 for contact_id in ids)


def test_archive_closes_and_restore_brings_back(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    store.contacts.move(ada.id, Stage.REACHED_OUT)
    archived = store.contacts.archive(ada.id)
    assert archived.stage is Stage.CLOSED
    assert archived.archived
    restored = store.contacts.restore(ada.id)
    assert restored.stage is Stage.REACHED_OUT
    assert not restored.archived
    details = [a.detail for a in store.activities.timeline(ada.id)]
    assert details[:2] == ["Closed → Reached out (restored)", "Reached out → Closed (archived)"]


def test_delete_keeps_the_people_they_referred(store: Store, now: datetime) -> None:
    maya = store.contacts.create(ContactDraft(name="Maya", notes="unique-word"))
    priya = store.contacts.create(ContactDraft(name="Priya", referred_by_id=maya.id))
    interview = store.interviews.schedule(maya.id, now)
    store.interviews.save_notes(interview.id, "zebra notes", base_revision=0)
    store.activities.log(maya.id, ActivityKind.NOTE)
    store.contacts.delete(maya.id)
    with pytest.raises(NotFoundError):
        store.contacts.get(maya.id)
    kept = store.contacts.get(priya.id)
    assert kept.referred_by_id is None
    assert store.search.search("zebra") == []
    assert store.search.search("unique") == []
    with pytest.raises(NotFoundError):
        store.interviews.get(interview.id)


def test_lookup_by_name_or_company(store: Store) -> None:
    store.contacts.create(ContactDraft(name="Maya Okafor", company="Lumen Analytics"))
    store.contacts.create(ContactDraft(name="Wei Zhang", company="Cascadia"))
    assert [c.name for c in store.contacts.lookup("oka")] == ["Maya Okafor"]
    assert [c.name for c in store.contacts.lookup("LUMEN")] == ["Maya Okafor"]
    assert [c.name for c in store.contacts.lookup("a")] == ["Maya Okafor", "Wei Zhang"]


def test_set_research_is_searchable(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada", company="Lumen"))
    assert ada.company_id is not None
    store.companies.set_research(ada.company_id, "Competitors: Amplitude")
    assert store.companies.get(ada.company_id).research == "Competitors: Amplitude"
    assert store.search.search("amplitude")[0].kind == "company"


def test_call_lifecycle_with_pauses(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    planned = store.interviews.prepare(ada.id)
    assert planned.status is InterviewStatus.PLANNED
    assert store.interviews.prepare(ada.id).id == planned.id  # the same open interview
    start = now - timedelta(minutes=30)
    store.interviews.start(planned.id, at=start)
    assert [i.id for i in store.interviews.in_progress()] == [planned.id]
    store.interviews.pause(planned.id, at=start + timedelta(minutes=10))
    paused = store.interviews.get(planned.id)
    assert paused.is_paused
    assert paused.elapsed_seconds(now) == 600
    store.interviews.resume(planned.id, at=start + timedelta(minutes=15))
    assert store.interviews.get(planned.id).elapsed_seconds(now) == 25 * 60
    done = store.interviews.finish(planned.id, at=now)
    assert done.elapsed_seconds(now + timedelta(hours=1)) == 25 * 60
    assert store.interviews.in_progress() == []
    assert store.interviews.save_debrief(planned.id, "Learned: SQL first").debrief
    details = [a.detail for a in store.activities.timeline(ada.id) if a.kind is ActivityKind.CALL]
    assert details == ["Informational interview, 25 min"]


def test_questions_asked_before(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    first = store.interviews.schedule(ada.id, now - timedelta(days=30))
    first = store.interviews.set_plan(
        first.id, [PlanItem("Typical day?", "core/job-role/typical-day"), PlanItem("Path?", "p")]
    )
    store.interviews.mark_asked(first.questions[0].id)
    store.interviews.finish(first.id)
    second = store.interviews.prepare(ada.id)
    assert second.id != first.id
    assert store.interviews.asked_before(ada.id, excluding=second.id) == {
        "core/job-role/typical-day"
    }


def test_pitch_card(store: Store) -> None:
    from informa.domain.model import PitchCard

    assert store.profile.pitch() == PitchCard()
    saved = store.profile.save_pitch(PitchCard(background=" Postdoc ", goals="DS", skills="SQL"))
    assert saved == PitchCard(background="Postdoc", goals="DS", skills="SQL")
    assert store.profile.pitch() == saved


def test_lookup_treats_wildcards_as_text_and_due_skips_closed(store: Store, now: datetime) -> None:
    store.contacts.create(ContactDraft(name="Ada"))
    store.contacts.create(ContactDraft(name="snake_case"))
    assert [c.name for c in store.contacts.lookup("_")] == ["snake_case"]
    assert store.contacts.lookup("%") == []
    ada = store.contacts.find("Ada")[0]
    store.contacts.set_next_action(ada.id, "Follow up", now.date())
    assert store.contacts.due_count(now.date()) == 1
    store.contacts.archive(ada.id)
    assert store.contacts.due(now.date()) == []
    assert store.contacts.due_count(now.date()) == 0


def test_pre_call_checklist_is_kept_with_the_interview(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = store.interviews.prepare(ada.id)
    assert call.prep_done == frozenset()
    ticked = store.interviews.set_prep_done(call.id, ["room", "research", "room", "", "a b"])
    assert ticked.prep_done == {"room", "research"}  # no blanks, no spaces, no repeats
    assert store.interviews.get(call.id).prep_done == {"room", "research"}
    assert store.interviews.set_prep_done(call.id, []).prep_done == frozenset()


def test_plan_keeps_marks_of_questions_that_stay(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = store.interviews.prepare(ada.id)
    call = store.interviews.set_plan(
        call.id, [PlanItem("Typical day?", "core/job-role/typical-day"), PlanItem("Own one?")]
    )
    store.interviews.mark_asked(call.questions[1].id, at=now)
    reordered = store.interviews.set_plan(
        call.id,
        [PlanItem("Own one?"), PlanItem("New?", "core/culture/x"), PlanItem("Typical day?")],
    )
    assert [q.text for q in reordered.questions] == ["Own one?", "New?", "Typical day?"]
    assert [q.position for q in reordered.questions] == [0, 1, 2]
    assert reordered.questions[0].asked_at == now
    assert reordered.questions[1].asked_at is None


def test_minutes_leave_pauses_out(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = store.interviews.prepare(ada.id)
    store.interviews.start(call.id, at=now - timedelta(minutes=30))
    store.interviews.pause(call.id, at=now - timedelta(minutes=20))
    store.interviews.resume(call.id, at=now - timedelta(minutes=10))
    assert store.interviews.finish(call.id, at=now).minutes == 20


def test_add_new_skips_existing_names_and_is_all_or_nothing(store: Store) -> None:
    store.contacts.create(ContactDraft(name="Jane Doe"))
    added = store.contacts.add_new(
        [ContactDraft(name="JANE DOE"), ContactDraft(name="Sam Lee"), ContactDraft(name="sam lee")]
    )
    assert [c.name for c in added] == ["Sam Lee"]
    with pytest.raises(ValidationError):
        store.contacts.add_new([ContactDraft(name="Omar"), ContactDraft(name="Bad", email="x")])
    assert store.contacts.find("Omar") == []


def test_scheduling_a_prepared_call_keeps_its_plan(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    prepared = store.interviews.prepare(ada.id)
    store.interviews.set_plan(prepared.id, [PlanItem("Typical day?")])
    scheduled = store.interviews.schedule(ada.id, now + timedelta(days=2), target_minutes=30)
    assert scheduled.id == prepared.id
    assert scheduled.status is InterviewStatus.SCHEDULED
    assert scheduled.target_minutes == 30
    assert [q.text for q in scheduled.questions] == ["Typical day?"]
    assert store.interviews.prepare(ada.id).id == prepared.id
    another = store.interviews.schedule(ada.id, now + timedelta(days=9))
    assert another.id != prepared.id  # a second call is a new interview


def test_a_view_read_in_a_window_is_its_first_rows_with_the_full_counts(
    store: Store, now: datetime
) -> None:
    today = now.date()
    names = ["Eve", "Ann", "Dan", "Cat", "Ben"]
    ids = {name: store.contacts.create(ContactDraft(name=name)).id for name in names}
    for days, name in enumerate(("Dan", "Ben", "Eve")):
        store.contacts.set_next_action(ids[name], "Write", today - timedelta(days=days))
    store.contacts.move(ids["Cat"], Stage.SCHEDULED)

    first = store.views.pipeline(Stage.PROSPECT.value, today, limit=2)
    assert [c.name for c in first.contacts] == ["Ann", "Ben"]
    assert (first.complete, first.listed, first.total) == (False, 4, 5)
    whole = store.views.pipeline(Stage.PROSPECT.value, today)
    assert [c.name for c in whole.contacts] == ["Ann", "Ben", "Dan", "Eve"]
    assert (whole.complete, whole.listed) == (True, 4)
    assert whole.contacts[:2] == first.contacts

    due = store.views.pipeline(DUE, today, limit=2)
    assert [c.name for c in due.contacts] == ["Eve", "Ben"]  # most overdue first
    assert (due.complete, due.due_count, due.listed) == (False, 3, 3)
    assert store.views.pipeline(ALL, today, limit=5).complete is False  # exactly the limit
    assert store.views.pipeline(ALL, today, limit=6).complete is True


def test_lists_read_without_peewee_match_the_model_rows(store: Store, now: datetime) -> None:
    """``convert.contact`` reads raw rows by position; each field must be what the model
    gives (types, time zones, tags, the joined names)."""
    company = store.companies.create(CompanyDraft(name="Acme"))
    ada = store.contacts.create(
        ContactDraft(
            name="Ada",
            role="Engineer",
            company="Acme",
            email="ada@example.org",
            linkedin_url="https://www.linkedin.com/in/ada",
            location="Leeds",
            tags=("ml", "fintech"),
            notes="met at a talk",
            check_in_weeks=6,
        )
    )
    ben = store.contacts.create(ContactDraft(name="Ben", referred_by_id=ada.id))
    store.contacts.set_next_action(ben.id, "Write", now.date())
    store.activities.log(ben.id, ActivityKind.REPLY, at=now)
    listed = {contact.name: contact for contact in store.contacts.browse()}
    for contact in (ada, ben):
        row = m.Contact.get_by_id(contact.id)
        expected = store.contacts.get(contact.id)
        assert listed[contact.name] == expected
        assert listed[contact.name].created_at == row.created_at
        assert listed[contact.name].created_at.tzinfo is not None
    assert listed["Ada"].company_id == company.id
    assert listed["Ada"].tags == ("ml", "fintech")
    assert listed["Ben"].referred_by_name == "Ada"
    assert listed["Ben"].next_action_due == now.date()
    assert listed["Ben"].last_interaction_at == now
