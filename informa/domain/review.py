"""Looking back over every interview: progress against the goal, the funnel, what people
said, and who led to whom. Pure functions of domain values and an explicit ``today``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from statistics import median

from informa.domain.model import (
    Activity,
    ActivityKind,
    Contact,
    Interview,
    InterviewStatus,
    Stage,
)
from informa.domain.notes import Tag, parse_notes
from informa.domain.responsiveness import Responsiveness, responsiveness

DOMINANT_SHARE = 0.5
"""A company or industry holding at least this share of the interviews is pointed out..."""
DOMINANT_MINIMUM = 4
"""...once there are at least this many interviews."""


def _done(interview: Interview) -> bool:
    return interview.ended_at is not None and interview.status is not InterviewStatus.CANCELLED


# --- progress ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Progress:
    this_month: int
    total: int
    goal: int
    companies: int
    roles: int
    industries: int
    hint: str
    """Empty, or a nudge when one company or industry dominates."""


def progress(
    contacts: Sequence[Contact],
    interviews: Iterable[Interview],
    *,
    industries: Mapping[int, str],
    goal: int,
    today: date,
    zone: tzinfo,
) -> Progress:
    """Interviews held this month and in all, against ``goal``, and how varied they were."""
    by_id = {contact.id: contact for contact in contacts}
    held = [i for i in interviews if _done(i)]
    this_month = 0
    for interview in held:
        assert interview.ended_at is not None
        ended = interview.ended_at.astimezone(zone).date()
        this_month += (ended.year, ended.month) == (today.year, today.month)
    people = [by_id[i.contact_id] for i in held if i.contact_id in by_id]
    companies = Counter(c.company_name.casefold() for c in people if c.company_name)
    roles = {c.role.casefold() for c in people if c.role}
    sectors = Counter(
        industries[c.company_id].casefold()
        for c in people
        if c.company_id is not None and industries.get(c.company_id)
    )
    return Progress(
        this_month=this_month,
        total=len(held),
        goal=goal,
        companies=len(companies),
        roles=len(roles),
        industries=len(sectors),
        hint=_dominance_hint(len(held), people, companies, sectors, industries),
    )


def _dominance_hint(
    total: int,
    people: Sequence[Contact],
    companies: Counter[str],
    sectors: Counter[str],
    industries: Mapping[int, str],
) -> str:
    if total < DOMINANT_MINIMUM:
        return ""
    for counter, what, names in (
        (companies, "company", {c.company_name.casefold(): c.company_name for c in people}),
        (
            sectors,
            "industry",
            {
                industries[c.company_id].casefold(): industries[c.company_id]
                for c in people
                if c.company_id is not None and industries.get(c.company_id)
            },
        ),
    ):
        if not counter:
            continue
        key, count = counter.most_common(1)[0]
        if count / total >= DOMINANT_SHARE:
            return (
                f"{count} of your {total} interviews were with one {what} "
                f"({names.get(key, key)}): talk to someone elsewhere next."
            )
    return ""


# --- the funnel ----------------------------------------------------------------------------

FUNNEL_STAGES = (Stage.PROSPECT, Stage.REACHED_OUT, Stage.SCHEDULED, Stage.INTERVIEWED)
_ORDER = {stage: index for index, stage in enumerate(Stage)}


@dataclass(frozen=True, slots=True)
class FunnelStep:
    stage: Stage
    count: int
    rate: float | None
    """Share of the step before that got this far; ``None`` for the first."""


@dataclass(frozen=True, slots=True)
class Funnel:
    steps: tuple[FunnelStep, ...]
    median_reply_days: float | None
    boosters: int
    slow: int
    unresponsive: int


def _reached(
    contact: Contact, activities: Sequence[Activity], interviews: Sequence[Interview]
) -> Stage:
    """The furthest funnel stage this contact got to, by their stage and their record (a
    contact closed after a call still counts as interviewed)."""
    furthest = Stage.PROSPECT
    if contact.stage is not Stage.CLOSED:
        furthest = min(contact.stage, Stage.INTERVIEWED, key=_ORDER.__getitem__)
    kinds = {activity.kind for activity in activities}
    if kinds & {ActivityKind.OUTREACH, ActivityKind.REPLY}:
        furthest = max(furthest, Stage.REACHED_OUT, key=_ORDER.__getitem__)
    if interviews:
        furthest = max(furthest, Stage.SCHEDULED, key=_ORDER.__getitem__)
    if any(_done(i) for i in interviews) or ActivityKind.CALL in kinds:
        furthest = Stage.INTERVIEWED
    return furthest


def funnel(
    contacts: Sequence[Contact],
    activities: Mapping[int, Sequence[Activity]],
    interviews: Mapping[int, Sequence[Interview]],
    *,
    today: date,
    zone: tzinfo,
    holidays: Iterable[date] = (),
) -> Funnel:
    """How many got how far (Prospect → Reached out → Scheduled → Interviewed), the share
    converted at each step, the median days to a reply, and who answers quickly."""
    holiday_list = tuple(holidays)
    reached = Counter(
        _reached(c, activities.get(c.id, ()), interviews.get(c.id, ())) for c in contacts
    )
    steps: list[FunnelStep] = []
    previous: int | None = None
    for index, stage in enumerate(FUNNEL_STAGES):
        count = sum(reached[s] for s in FUNNEL_STAGES[index:])
        rate = (count / previous if previous else 0.0) if previous is not None else None
        steps.append(FunnelStep(stage, count, rate))
        previous = count
    classes = Counter(
        responsiveness(activities.get(c.id, ()), holiday_list, today, zone=zone) for c in contacts
    )
    return Funnel(
        steps=tuple(steps),
        median_reply_days=_median_reply_days(activities.values()),
        boosters=classes[Responsiveness.BOOSTER],
        slow=classes[Responsiveness.SLOW],
        unresponsive=classes[Responsiveness.UNRESPONSIVE],
    )


def _median_reply_days(timelines: Iterable[Sequence[Activity]]) -> float | None:
    waits: list[float] = []
    for timeline in timelines:
        ordered = sorted(timeline, key=lambda a: a.at)
        sent = next((a.at for a in ordered if a.kind is ActivityKind.OUTREACH), None)
        if sent is None:
            continue
        reply = next((a.at for a in ordered if a.kind is ActivityKind.REPLY and a.at >= sent), None)
        if reply is not None:
            waits.append((reply - sent).total_seconds() / 86400)
    return round(median(waits), 1) if waits else None


# --- insights ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    contact_id: int
    contact_name: str
    company: str
    role: str
    interview_id: int
    when: datetime | None
    text: str
    """The lines under the question's heading, as written."""


@dataclass(frozen=True, slots=True)
class QuestionAnswers:
    question: str
    question_ref: str
    """The bank question's ref, or ``""`` when the heading matched no planned question."""
    answers: tuple[Answer, ...]


@dataclass(frozen=True, slots=True)
class Noted:
    """One tagged line, with where it came from (for the insights lists)."""

    tag: Tag
    text: str
    question: str | None
    contact_id: int
    contact_name: str
    company: str
    role: str
    interview_id: int
    when: datetime | None
    topic: str = ""
    """The bank topic of the question it is under (``job-role``), when the plan says."""


@dataclass(frozen=True, slots=True)
class Insights:
    questions: tuple[QuestionAnswers, ...]
    """Questions answered in more than one interview first, then by how often asked."""
    noted: tuple[Noted, ...] = field(default=())

    def advice(self) -> list[Noted]:
        return [item for item in self.noted if item.tag is Tag.ADVICE]


def _chronological(interview: Interview) -> tuple[bool, float, int]:
    when = interview.started_at or interview.scheduled_at
    return (when is None, when.timestamp() if when else 0.0, interview.id)


def insights(contacts: Sequence[Contact], interviews: Iterable[Interview]) -> Insights:
    """Every question's answers side by side across interviews, and every tagged line."""
    by_id = {contact.id: contact for contact in contacts}
    answers: dict[str, list[Answer]] = defaultdict(list)
    refs: dict[str, str] = {}
    titles: dict[str, str] = {}
    noted: list[Noted] = []
    held = sorted((i for i in interviews if i.notes.strip()), key=_chronological)
    # A heading matches a bank question by its wording in any interview's plan, so answers
    # to it from calls without a plan still line up.
    ref_of = {
        " ".join(q.text.split()).casefold(): q.question_ref
        for interview in held
        for q in interview.questions
        if q.question_ref
    }
    topic_of = {
        " ".join(q.text.split()).casefold(): q.topic
        for interview in held
        for q in interview.questions
        if q.topic
    }
    for interview in held:
        contact = by_id.get(interview.contact_id)
        company = contact.company_name if contact else ""
        role = contact.role if contact else ""
        parsed = parse_notes(interview.notes)
        when = interview.started_at or interview.scheduled_at
        for section in parsed.sections:
            text = "\n".join(line for line in section.body).strip()
            if not text:
                continue
            wording = " ".join(section.question.split())
            ref = ref_of.get(wording.casefold(), "")
            key = ref or wording.casefold()
            refs.setdefault(key, ref)
            titles.setdefault(key, wording)
            answers[key].append(
                Answer(
                    interview.contact_id,
                    interview.contact_name,
                    company,
                    role,
                    interview.id,
                    when,
                    text,
                )
            )
        noted.extend(
            Noted(
                item.tag,
                item.text,
                item.question,
                interview.contact_id,
                interview.contact_name,
                company,
                role,
                interview.id,
                when,
                topic_of.get(" ".join((item.question or "").split()).casefold(), ""),
            )
            for item in parsed.tagged
        )
    ordered = sorted(answers, key=lambda key: (-len(answers[key]), titles[key].casefold()))
    return Insights(
        tuple(QuestionAnswers(titles[key], refs[key], tuple(answers[key])) for key in ordered),
        tuple(noted),
    )


def filter_noted(items: Iterable[Noted], text: str) -> list[Noted]:
    """Items whose line, question, topic, company, role or person contains every word of
    ``text`` (a topic id reads as words: ``career-path`` matches "career path")."""
    words = text.casefold().split()
    if not words:
        return list(items)
    return [
        item
        for item in items
        if all(
            word
            in "\n".join(
                (
                    item.text,
                    item.question or "",
                    item.topic.replace("-", " "),
                    item.company,
                    item.role,
                    item.contact_name,
                )
            ).casefold()
            for word in words
        )
    ]


# --- the referral tree ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReferralNode:
    contact: Contact
    children: tuple[ReferralNode, ...]

    @property
    def size(self) -> int:
        """This person and everyone they led to."""
        return 1 + sum(child.size for child in self.children)


def referral_tree(contacts: Sequence[Contact]) -> list[ReferralNode]:
    """Who led to whom: one tree per first contact who referred anyone, largest first.

    A referrer that is missing (deleted) or a loop in the data cannot hide anyone: such
    people become roots of their own.
    """
    by_id = {contact.id: contact for contact in contacts}
    children: dict[int, list[Contact]] = defaultdict(list)
    for contact in contacts:
        if contact.referred_by_id is not None and contact.referred_by_id in by_id:
            children[contact.referred_by_id].append(contact)
    placed: set[int] = set()

    def build(contact: Contact, path: frozenset[int]) -> ReferralNode:
        placed.add(contact.id)
        kids = sorted(children.get(contact.id, ()), key=lambda c: c.name.casefold())
        return ReferralNode(
            contact,
            tuple(build(kid, path | {kid.id}) for kid in kids if kid.id not in path),
        )

    roots = [
        c
        for c in contacts
        if (c.referred_by_id is None or c.referred_by_id not in by_id) and children.get(c.id)
    ]
    trees = [build(root, frozenset({root.id})) for root in roots]
    for contact in contacts:  # loops: someone referred, never reached from a root
        if contact.id not in placed and children.get(contact.id):
            trees.append(build(contact, frozenset({contact.id})))
    return sorted(trees, key=lambda node: (-node.size, node.contact.name.casefold()))
