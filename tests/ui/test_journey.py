"""A whole call as a user runs it, from the pipeline to the debrief, checked in the database.

Pick a contact, prepare the call (suggest a plan, tweak it, tick a check), hold it (notes,
asked and skipped questions, tagged lines, two referrals: one through ``ctrl+r``, one typed),
end it, confirm the typed referral in the debrief. The clock is fixed, so every heading is
stamped ``[00:00]``.
"""

from __future__ import annotations

from informa.domain.debrief import parse_reflection
from informa.domain.model import ActivityKind, InterviewStatus, Source, Stage
from informa.domain.plan import PRE_CALL_CHECKS, REFERRAL_REF
from informa.ui.dialogs.referral import ReferralDialog
from informa.ui.screens.call import CallScreen
from informa.ui.screens.debrief import DebriefScreen
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.screens.prepare import PrepareScreen
from tests.builders import NOW

from .helpers import AppFactory, quiet, select, settle, showing, typed

SIZE = (140, 40)

CONTACT = "Priya Nair"  # reached out to in the demo, no calls yet
PUBLISHING = "academia-to-industry/research-roles/pace-publishing"


async def test_a_whole_call(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        priya = await select(pilot, app, CONTACT)
        assert app.store.contacts.get(priya).stage is Stage.REACHED_OUT

        # Prepare: a suggested plan, one question added from the banks, one taken out.
        await pilot.press("p")
        await settle(pilot)
        prepare = showing(app, PrepareScreen)
        await pilot.press("g")
        await quiet(pilot)
        await pilot.press("slash", *typed("publishing"), "enter", "down", "enter")
        await settle(pilot)
        await pilot.press("tab", "up")  # the plan, on the question before the added one
        index = prepare.plan_list.plan_index
        assert index is not None
        removed = prepare.plan[index]
        await pilot.press("x")
        await pilot.press("tab", "tab")  # past the contact and pitch column
        assert prepare.checks.has_focus
        await pilot.press("space")  # "Research read" on the checklist
        await settle(pilot)
        plan = prepare.plan
        assert PUBLISHING in [e.question_ref for e in plan]
        assert removed not in plan
        assert plan[-1].question_ref == REFERRAL_REF

        # The call.
        await pilot.press("f5")
        await quiet(pilot)
        call = showing(app, CallScreen)
        assert call.interview is not None
        interview_id = call.interview.id
        assert [q.text for q in call.checklist.questions] == [e.text for e in plan]
        assert call.editor.has_focus
        await pilot.press(*typed("late start"), "enter")
        await pilot.press("f2", *typed("8 analysts"), "f6", "enter")  # asked 1
        await pilot.press("f2", *typed("learn dbt"), "f5", "enter")  # asked 2
        await pilot.press("f3")  # the third is skipped
        await pilot.press("f2", *typed("send portfolio"), "f8", "enter")  # asked 4
        await pilot.press(*(["alt+down"] * len(plan)))  # down to the referral ask
        current = call.checklist.current
        assert current is not None
        assert current.question_ref == REFERRAL_REF
        await pilot.press("f2", *typed("R: Omar Reyes (Tidewater)"), "enter")
        await pilot.press("ctrl+r")
        await pilot.pause()
        showing(app, ReferralDialog)
        await pilot.press(*typed("Nora Quinn"), "tab", *typed("Northwind"), "enter")
        await quiet(pilot)
        showing(app, CallScreen)
        await pilot.press("f10")
        await quiet(pilot)

        # The debrief: the typed referral is ticked, the one added during the call is known.
        debrief = showing(app, DebriefScreen)
        assert debrief.interview_id == interview_id
        referrals = debrief.referrals
        labels = [str(referrals.get_option_at_index(i).prompt) for i in range(2)]
        assert referrals.option_count == 2
        assert labels[0] == "Omar Reyes · Tidewater"
        assert labels[1].startswith("Nora Quinn · Northwind  already a contact")
        assert referrals.selected == [0]
        await pilot.press(*typed("dbt matters"), "f2")  # the cursor starts in the first question
        await quiet(pilot)
        showing(app, PipelineScreen)

    # What is stored.
    store = app.store
    done = store.interviews.get(interview_id)
    assert done.status is InterviewStatus.DONE
    assert done.ended_at == NOW
    assert done.prep_done == {PRE_CALL_CHECKS[0][0]}
    questions = sorted(done.questions, key=lambda q: q.position)
    assert [q.text for q in questions] == [e.text for e in plan]
    first, second, third, fourth = questions[:4]
    assert done.notes.splitlines() == [
        "late start",
        f"## [00:00] {first.text}",
        "I: 8 analysts",
        f"## [00:00] {second.text}",
        "A: learn dbt",
        f"## [00:00] {fourth.text}",
        "TODO: send portfolio",
        f"## [00:00] {questions[-1].text}",
        "R: Omar Reyes (Tidewater)",
        "R: Nora Quinn (Northwind)",
    ]
    asked = [q.text for q in questions if q.asked_at is not None]
    assert asked == [first.text, second.text, fourth.text, questions[-1].text]
    assert all(q.asked_at == NOW for q in questions if q.asked_at is not None)
    assert [q.text for q in questions if q.skipped] == [third.text]

    (omar,) = store.contacts.find("Omar Reyes")
    (nora,) = store.contacts.find("Nora Quinn")
    for referral, company in ((omar, "Tidewater"), (nora, "Northwind")):
        assert referral.referred_by_id == priya
        assert referral.source is Source.REFERRAL
        assert referral.company_name == company
    assert {c.name for c in store.contacts.referrals(priya)} == {"Omar Reyes", "Nora Quinn"}

    assert store.contacts.get(priya).stage is Stage.INTERVIEWED
    calls = [a for a in store.activities.timeline(priya) if a.kind is ActivityKind.CALL]
    assert len(calls) == 1
    assert calls[0].at == NOW
    assert parse_reflection(done.debrief) == ["dbt matters", "", ""]
