"""The demo: a realistic sample database, for ``informa demo``, screenshots and tests.

All dates in the sample are offsets from "today" on the injected clock, so the demo always
has calls last week, a thank-you due and follow-ups overdue, whenever it is run.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from informa.banks import load_banks
from informa.demo import sample
from informa.domain.banks import BankSet
from informa.domain.clock import Clock, system_clock
from informa.domain.errors import DatabaseFileError
from informa.domain.model import (
    ActivityKind,
    CompanyDraft,
    Consent,
    ContactDraft,
    PitchCard,
    Source,
    Stage,
)
from informa.domain.notes import parse_notes
from informa.domain.plan import PlanItem
from informa.paths import bundled_banks_dir
from informa.store import OpenReport, Store


def write_demo_database(path: Path, *, clock: Clock = system_clock) -> OpenReport:
    """Create ``path`` (which must not exist) holding the demo sample."""
    path = path.expanduser().absolute()
    if path.exists():
        raise DatabaseFileError(f"{path}: already exists; informa demo never overwrites a file")
    store = Store.open(path, clock=clock)
    try:
        seed(store, load_banks(bundled_banks_dir()))
    finally:
        store.close()
    return store.report


def seed(store: Store, banks: BankSet) -> dict[str, int]:
    """Fill an empty store with the sample; returns contact ids by sample key."""
    days = _Days(store.clock())
    for company in sample.COMPANIES:
        store.companies.create(
            CompanyDraft(
                name=company["name"],
                industry=company["industry"],
                website=company["website"],
                research=company["research"],
            )
        )
    ids = _add_contacts(store, days)
    logged: set[tuple[str, int, str]] = set()
    for interview in sample.INTERVIEWS:
        logged |= _add_interview(store, banks, ids[interview["contact"]], interview, days)
    _log_activities(store, ids, days, already_logged=logged)
    store.profile.save_pitch(PitchCard(**sample.PITCH))
    return ids


class _Days:
    """The sample's days are offsets from today on the store's clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def date(self, offset: int) -> date:
        return self.now.date() + timedelta(days=offset)

    def at(self, offset: int, clock_time: str = "10:00", minute_shift: int = 0) -> datetime:
        hours, minutes = (int(part) for part in clock_time.split(":"))
        moment = datetime.combine(self.date(offset), time(hours, minutes), tzinfo=self.now.tzinfo)
        return moment + timedelta(minutes=minute_shift)


def _add_contacts(store: Store, days: _Days) -> dict[str, int]:
    """Every sample contact, added the day before their first activity."""
    first_seen: dict[str, int] = {}
    for activity in sample.ACTIVITIES:
        key = activity["contact"]
        first_seen[key] = min(first_seen.get(key, 0), activity["day"])
    ids: dict[str, int] = {}
    for person in sample.CONTACTS:
        referrer = person["referred_by"]
        contact = store.contacts.create(
            ContactDraft(
                name=person["name"],
                role=person["role"],
                company=person["company"] or "",
                email=person["email"],
                linkedin_url=person["linkedin"],
                location=person["location"],
                source=Source(person["source"]),
                referred_by_id=ids[referrer] if referrer else None,
                tags=tuple(person["tags"]),
                notes=person["notes"],
            ),
            stage=Stage(person["stage"]),
            at=days.at(first_seen.get(person["key"], 0) - 1, "09:00"),
        )
        ids[person["key"]] = contact.id
        if person["next_action"]:
            due = person["next_due"]
            store.contacts.set_next_action(
                contact.id, person["next_action"], days.date(due) if due is not None else None
            )
    return ids


def _plan(banks: BankSet, refs: list[str]) -> list[PlanItem]:
    plan = []
    for ref in refs:
        question = banks.question(ref)
        if question is None:
            raise ValueError(f"demo sample: unknown question {ref}")
        plan.append(PlanItem(question.text, ref, ref.split("/")[1]))
    return plan


def _add_interview(
    store: Store, banks: BankSet, contact_id: int, interview: sample.InterviewSample, days: _Days
) -> set[tuple[str, int, str]]:
    """One sample call: scheduled, or held (notes, questions asked, perhaps thanked).
    Returns the activities the interview service logged, as (contact, day, kind)."""
    start = days.at(interview["day"], interview["start"])
    row = store.interviews.schedule(
        contact_id, start, target_minutes=interview["target"], link=interview["link"]
    )
    row = store.interviews.set_plan(row.id, _plan(banks, interview["questions"]))
    store.interviews.set_consent(row.id, Consent(interview["consent"]))
    if interview["status"] != "done":
        return set()
    store.interviews.start(row.id, at=start)
    store.interviews.save_notes(row.id, interview["notes"], base_revision=0)
    asked_at = {
        section.question: start + timedelta(seconds=section.elapsed_seconds)
        for section in parse_notes(interview["notes"]).sections
    }
    for planned in row.questions:
        if planned.question_ref in interview["asked"]:
            store.interviews.mark_asked(planned.id, at=asked_at.get(planned.text, start))
    store.interviews.finish(row.id, at=start + timedelta(minutes=interview["minutes"]))
    logged = {(interview["contact"], interview["day"], "call")}
    thanked = interview["thank_you_day"]
    if thanked is not None:
        store.interviews.mark_thank_you_sent(row.id, at=days.at(thanked, "18:30"))
        logged.add((interview["contact"], thanked, "thank_you"))
    return logged


def _log_activities(
    store: Store, ids: dict[str, int], days: _Days, *, already_logged: set[tuple[str, int, str]]
) -> None:
    """The sample's other activities (those the interview service has not recorded)."""
    for index, activity in enumerate(sample.ACTIVITIES):
        if (activity["contact"], activity["day"], activity["kind"]) in already_logged:
            continue
        store.activities.log(
            ids[activity["contact"]],
            ActivityKind(activity["kind"]),
            at=days.at(activity["day"], "09:30", minute_shift=index % 50),
            detail=activity["detail"],
        )
