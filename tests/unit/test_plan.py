"""Call plans: the suggested plan, editing a plan, searching the banks, and pacing a call."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from informa.banks import load_banks
from informa.domain.banks import BankSet, Question, Topic
from informa.domain.plan import (
    REFERRAL_ASK,
    REFERRAL_REF,
    REFERRAL_TEXT,
    Pacing,
    PlanEntry,
    add,
    estimate_minutes,
    move,
    pacing,
    remove,
    search_questions,
    suggest_plan,
)
from informa.paths import bundled_banks_dir

BODY = ("job-role", "culture", "career-path", "advice", "industry-trends")


@pytest.fixture(scope="module")
def bundled() -> BankSet:
    banks = load_banks(bundled_banks_dir())
    assert banks.problems == ()
    return banks


def user_banks(tmp_path: Path, text: str) -> BankSet:
    folder = tmp_path / "user-banks"
    folder.mkdir()
    (folder / "core.yaml").write_text(text, encoding="utf-8")
    banks = load_banks(bundled_banks_dir(), folder)
    assert banks.problems == ()
    core = banks.get("core")
    assert core is not None
    assert not core.bundled
    return banks


def topics_of(plan: list[PlanEntry]) -> list[str]:
    """The topic ids in plan order, each run collapsed to one."""
    runs: list[str] = []
    for entry in plan:
        if not runs or runs[-1] != entry.topic:
            runs.append(entry.topic)
    return runs


def entry(ref: str, topic: str = "job-role") -> PlanEntry:
    return PlanEntry(f"{ref}?", f"core/{topic}/{ref}", topic, topic.title())


# --- the module stays pure ---------------------------------------------------------------


def test_importing_plan_loads_no_yaml_peewee_or_textual() -> None:
    code = (
        "import sys, informa.domain.plan\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    assert not {"yaml", "peewee", "playhouse", "textual"} & set(out)


# --- suggest_plan with the bundled banks -------------------------------------------------


def test_plan_runs_opener_then_topics_then_closing_with_who_else_last(bundled: BankSet) -> None:
    plan = suggest_plan(bundled)
    assert topics_of(plan) == ["opening", *BODY, "closing"]
    assert plan[0].topic == "opening"
    assert len([e for e in plan if e.topic == "opening"]) == 1
    assert plan[-1].question_ref == REFERRAL_REF
    assert plan[-1].text == REFERRAL_TEXT
    assert plan[-2].question_ref == "core/closing/should-have-asked"
    assert [e.topic for e in plan[-2:]] == ["closing", "closing"]


def test_opener_is_a_priority_one_opener(bundled: BankSet) -> None:
    opener = suggest_plan(bundled)[0]
    question = bundled.question(opener.question_ref)
    assert question is not None
    assert question.priority == 1
    assert "opener" in question.tags


def test_entries_copy_text_ref_and_topic_from_the_bank(bundled: BankSet) -> None:
    for planned in suggest_plan(bundled):
        question = bundled.question(planned.question_ref)
        assert question is not None
        assert planned.text == question.text
        assert planned.question_ref.split("/")[1] == planned.topic
        assert planned.topic_title


@pytest.mark.parametrize(("minutes", "each"), [(20, 2), (25, 2), (29, 2), (30, 3), (45, 3)])
def test_questions_per_topic_grow_for_longer_calls(
    bundled: BankSet, minutes: int, each: int
) -> None:
    plan = suggest_plan(bundled, minutes=minutes)
    for topic in BODY:
        assert len([e for e in plan if e.topic == topic]) == each


def test_per_topic_sets_the_count_for_short_calls(bundled: BankSet) -> None:
    plan = suggest_plan(bundled, minutes=20, per_topic=3)
    assert all(len([e for e in plan if e.topic == topic]) == 3 for topic in BODY)


def test_topic_questions_are_priority_one_first_in_bank_order(bundled: BankSet) -> None:
    plan = suggest_plan(bundled, minutes=30)
    job_role = [e.question_ref for e in plan if e.topic == "job-role"]
    # The first three priority-1 questions of the topic, in the bank's order.
    assert job_role == [
        "core/job-role/typical-day",
        "core/job-role/skills-used",
        "core/job-role/success-measured",
    ]


def test_plan_is_deterministic_without_a_seed(bundled: BankSet) -> None:
    assert suggest_plan(bundled) == suggest_plan(bundled)


def test_a_seed_only_reorders_ties_of_equal_priority(bundled: BankSet) -> None:
    plans = [suggest_plan(bundled, seed=seed) for seed in range(12)]
    assert plans[3] == suggest_plan(bundled, seed=3)
    assert len({tuple(plan) for plan in plans}) > 1
    for plan in plans:
        assert topics_of(plan) == ["opening", *BODY, "closing"]
        assert plan[-1].question_ref == REFERRAL_REF
        for planned in plan:
            question = bundled.question(planned.question_ref)
            assert question is not None
            assert question.priority == 1


@pytest.mark.parametrize("minutes", [20, 25, 30])
def test_plan_holds_more_than_the_time_allows(bundled: BankSet, minutes: int) -> None:
    assert estimate_minutes(suggest_plan(bundled, minutes=minutes)) > minutes


def test_questions_asked_before_are_skipped(bundled: BankSet) -> None:
    first = suggest_plan(bundled)
    asked = {e.question_ref for e in first[:-1]}
    second = suggest_plan(bundled, asked_before=asked)
    assert not asked & {e.question_ref for e in second}
    assert topics_of(second) == ["opening", *BODY, "closing"]
    for topic in BODY:
        assert len([e for e in second if e.topic == topic]) == 2


def test_the_referral_ask_stays_even_if_asked_before(bundled: BankSet) -> None:
    plan = suggest_plan(bundled, asked_before={REFERRAL_REF})
    assert plan[-1].question_ref == REFERRAL_REF
    assert len([e for e in plan if e.question_ref == REFERRAL_REF]) == 1


def test_a_fully_asked_topic_is_asked_again_rather_than_left_out(bundled: BankSet) -> None:
    core = bundled.get("core")
    assert core is not None
    culture = next(topic for topic in core.topics if topic.id == "culture")
    asked = {q.ref for q in culture.questions}
    plan = suggest_plan(bundled, asked_before=asked)
    assert len([e for e in plan if e.topic == "culture"]) == 2


def test_a_nearly_asked_topic_keeps_what_is_left(bundled: BankSet) -> None:
    core = bundled.get("core")
    assert core is not None
    culture = next(topic for topic in core.topics if topic.id == "culture")
    asked = {q.ref for q in culture.questions[1:]}
    plan = suggest_plan(bundled, asked_before=asked)
    assert [e.question_ref for e in plan if e.topic == "culture"] == [culture.questions[0].ref]


def test_no_core_bank_still_ends_with_the_referral_ask() -> None:
    plan = suggest_plan(BankSet(banks=()))
    assert plan == [REFERRAL_ASK]
    assert REFERRAL_ASK.question_ref == ""
    assert REFERRAL_ASK.topic == ""


def test_zero_per_topic_keeps_only_the_bookends(bundled: BankSet) -> None:
    plan = suggest_plan(bundled, per_topic=0)
    assert topics_of(plan) == ["opening", "closing"]


# --- suggest_plan with a user's replacement core bank ------------------------------------

TWO_TOPICS = """\
id: core
title: My core
topics:
  - id: opening
    title: Warm-up
    questions:
      - id: small-talk
        text: How has your week been?
        priority: 2
      - id: story
        text: How did you end up here?
        priority: 1
        tags: [opener]
  - id: closing
    title: Wrap-up
    questions:
      - id: anything-else
        text: Anything else I should know?
      - id: thanks
        text: Can I send you a short note afterwards?
        priority: 1
"""


def test_user_core_with_two_topics_still_gives_opener_closing_and_referral_ask(
    tmp_path: Path,
) -> None:
    plan = suggest_plan(user_banks(tmp_path, TWO_TOPICS))
    assert [e.question_ref for e in plan] == [
        "core/opening/story",
        "core/closing/thanks",
        "",
    ]
    assert plan[0].topic_title == "Warm-up"
    assert plan[-1] == REFERRAL_ASK
    assert estimate_minutes(plan) == 6


def test_user_core_without_opening_or_closing_skips_them(tmp_path: Path) -> None:
    text = """\
id: core
title: My core
topics:
  - id: culture
    title: Culture
    questions:
      - id: vibe
        text: What is it like?
  - id: job-role
    title: Job
    questions:
      - id: day
        text: What do you do all day?
      - id: tools
        text: What tools?
        priority: 1
      - id: team
        text: Who do you work with?
        priority: 3
"""
    plan = suggest_plan(user_banks(tmp_path, text))
    # Topic order comes from the plan, not from the file.
    assert [e.question_ref for e in plan] == [
        "core/job-role/tools",
        "core/job-role/day",
        "core/culture/vibe",
        "",
    ]
    assert plan[-1] == REFERRAL_ASK


def test_user_closing_with_its_own_referral_question_uses_it(tmp_path: Path) -> None:
    text = """\
id: core
title: My core
topics:
  - id: closing
    title: Wrap-up
    questions:
      - id: names
        text: Anyone else I could speak with?
        tags: [referral]
      - id: thanks
        text: Thank you, may I follow up?
"""
    plan = suggest_plan(user_banks(tmp_path, text))
    assert [e.question_ref for e in plan] == ["core/closing/thanks", "core/closing/names"]


# --- estimate_minutes --------------------------------------------------------------------


def test_estimate_counts_bookends_as_two_minutes_and_the_rest_as_three() -> None:
    assert estimate_minutes([]) == 0
    plan = [
        entry("story", "opening"),
        entry("day"),
        entry("vibe", "culture"),
        PlanEntry("A one-off of mine?"),
        entry("anything", "closing"),
        REFERRAL_ASK,
    ]
    assert estimate_minutes(plan) == 2 + 3 + 3 + 3 + 2 + 2


# --- move, add, remove -------------------------------------------------------------------

A, B, C, D = (entry(name) for name in "abcd")


def test_move_up_and_down() -> None:
    plan = [A, B, C, D]
    assert move(plan, 1, 1) == [A, C, B, D]
    assert move(plan, 2, -1) == [A, C, B, D]
    assert move(plan, 0, 3) == [B, C, D, A]
    assert move(plan, 1, 0) == plan
    assert plan == [A, B, C, D]  # the input is never changed


def test_move_is_clamped_at_both_ends() -> None:
    plan = [A, B, C, D]
    assert move(plan, 0, -1) == plan
    assert move(plan, 3, 1) == plan
    assert move(plan, 1, -10) == [B, A, C, D]
    assert move(plan, 1, 10) == [A, C, D, B]


def test_move_outside_the_plan_changes_nothing() -> None:
    assert move([A, B], 2, -1) == [A, B]
    assert move([A, B], -1, 1) == [A, B]
    assert move([], 0, 1) == []


def test_add_at_a_position_is_clamped() -> None:
    assert add([A, B], C, 0) == [C, A, B]
    assert add([A, B], C, 1) == [A, C, B]
    assert add([A, B], C, 2) == [A, B, C]
    assert add([A, B], C, 99) == [A, B, C]
    assert add([A, B], C, -5) == [C, A, B]
    assert add([], C, 3) == [C]


def test_add_ignores_a_duplicate_ref() -> None:
    plan = [A, B]
    assert add(plan, B) == plan
    assert add(plan, PlanEntry("Reworded?", B.question_ref), 0) == plan


def test_add_lets_one_off_questions_repeat() -> None:
    one_off = PlanEntry("What about visas?")
    assert add([A, one_off], one_off) == [A, one_off, one_off]


def test_add_without_position_keeps_the_closing_last() -> None:
    closer = entry("anything", "closing")
    who_else = PlanEntry(REFERRAL_TEXT, REFERRAL_REF, "closing", "Closing")
    plan = [A, B, closer, who_else]
    assert add(plan, C) == [A, B, C, closer, who_else]
    assert add(plan, PlanEntry("One-off?")) == [A, B, PlanEntry("One-off?"), closer, who_else]
    other_closer = entry("help-back", "closing")
    assert add(plan, other_closer) == [A, B, closer, other_closer, who_else]


def test_add_without_position_before_the_one_off_referral_ask() -> None:
    assert add([A, REFERRAL_ASK], B) == [A, B, REFERRAL_ASK]
    assert add([A, REFERRAL_ASK], entry("x", "closing")) == [A, entry("x", "closing"), REFERRAL_ASK]


def test_add_without_position_appends_when_there_is_no_closing() -> None:
    assert add([A, B], C) == [A, B, C]
    assert add([], A) == [A]
    assert add([A], entry("x", "closing")) == [A, entry("x", "closing")]


def test_remove() -> None:
    plan = [A, B, C]
    assert remove(plan, 0) == [B, C]
    assert remove(plan, 2) == [A, B]
    assert remove(plan, 3) == plan
    assert remove(plan, -1) == plan
    assert remove([], 0) == []
    assert plan == [A, B, C]


# --- search_questions --------------------------------------------------------------------


def refs(hits: list[tuple[Topic, Question, str]]) -> list[str]:
    return [question.ref for _, question, _ in hits]


def test_search_returns_topic_question_and_bank(bundled: BankSet) -> None:
    hits = search_questions(bundled, "who else")
    assert hits
    topic, question, bank_id = hits[0]
    assert (topic.id, question.ref, bank_id) == ("closing", REFERRAL_REF, "core")


def test_search_is_case_insensitive_and_needs_every_word(bundled: BankSet) -> None:
    assert refs(search_questions(bundled, "WHO ELSE")) == refs(
        search_questions(bundled, "who else")
    )
    for _, question, _ in search_questions(bundled, "typical day"):
        haystack = " ".join((question.text, *question.follow_ups)).casefold()
        assert "typical" in haystack
        assert "day" in haystack
    assert "core/job-role/typical-day" in refs(search_questions(bundled, "day typical"))
    assert search_questions(bundled, "typical zzzqx") == []


def test_search_matches_follow_ups_tags_and_topic_titles(bundled: BankSet) -> None:
    # Only in a follow-up: "Which ones are hardest to find in candidates?"
    assert "core/job-role/skills-used" in refs(search_questions(bundled, "hardest candidates"))
    referral = refs(search_questions(bundled, "referral", limit=500))
    assert {REFERRAL_REF, "core/closing/mention-name"} <= set(referral)
    # "work-life balance" is only in the culture topic's title.
    culture = search_questions(bundled, "work-life balance", limit=500)
    assert culture
    assert all(topic.id == "culture" for topic, _, _ in culture)


SEARCH_BANK = """\
id: mine
title: Mine
topics:
  - id: stack
    title: Tools and data
    questions:
      - id: a
        text: Which data tools matter most?
        priority: 3
      - id: b
        text: What do you use?
        priority: 1
        follow_ups: ["Any data tools you swear by?"]
      - id: c
        text: Which tools do you like?
        priority: 1
        tags: [data]
      - id: d
        text: Data tools for beginners?
  - id: people
    title: People
    questions:
      - id: e
        text: Who uses your data?
        priority: 1
"""


@pytest.fixture
def small(tmp_path: Path) -> BankSet:
    folder = tmp_path / "search-banks"
    folder.mkdir()
    (folder / "mine.yaml").write_text(SEARCH_BANK, encoding="utf-8")
    banks = load_banks(tmp_path / "no-bundled-banks", folder)
    assert banks.problems == ()
    return banks


def test_search_ranks_text_matches_first_then_priority(small: BankSet) -> None:
    # d and a have both words in the text (d's default priority 2 beats a's 3); c has "data"
    # only as a tag, b has both words only in a follow-up; e lacks "tools" altogether.
    assert refs(search_questions(small, "data tools")) == [
        "mine/stack/d",
        "mine/stack/a",
        "mine/stack/c",
        "mine/stack/b",
    ]
    assert refs(search_questions(small, "tools DATA")) == refs(
        search_questions(small, "data tools")
    )


def test_search_matches_a_topic_title(small: BankSet) -> None:
    # Only the "Tools and data" topic's title holds "tools" for b.
    assert refs(search_questions(small, "use tools")) == ["mine/stack/b"]
    assert refs(search_questions(small, "people")) == ["mine/people/e"]


def test_search_ranks_the_bundled_referral_ask_first(bundled: BankSet) -> None:
    assert refs(search_questions(bundled, "talk to who else"))[0] == REFERRAL_REF


def test_search_limit_and_blank_query(bundled: BankSet) -> None:
    assert len(search_questions(bundled, "you", limit=5)) == 5
    assert len(search_questions(bundled, "you")) == 50
    assert search_questions(bundled, "") == []
    assert search_questions(bundled, "   ") == []
    assert search_questions(bundled, "you", limit=0) == []


# --- pacing ------------------------------------------------------------------------------


def test_pacing_at_the_start_of_a_25_minute_call() -> None:
    assert pacing(12, 0, 0, 0, 25) == Pacing(12, 25.0, "ok", "12 left · 25 min: about 2 min each")


def test_pacing_mid_call() -> None:
    assert pacing(12, 4, 2, 13 * 60, 25) == Pacing(
        6, 12.0, "ok", "6 left · 12 min: about 2 min each"
    )
    assert pacing(36, 0, 0, 60, 25).hint == "36 left · 24 min: under 1 min each"


def test_pacing_near_the_end_at_80_percent() -> None:
    at_20 = pacing(12, 6, 0, 20 * 60, 25)
    assert at_20 == Pacing(6, 5.0, "near", "6 left · 5 min: skip to the closing")
    assert pacing(12, 6, 0, 20 * 60 - 1, 25).level == "ok"


def test_pacing_near_with_time_for_what_is_left() -> None:
    assert pacing(12, 11, 0, 20 * 60, 25).hint == "1 left · 5 min: about 5 min each"


def test_pacing_one_minute_before_the_target() -> None:
    assert pacing(10, 7, 0, 24 * 60, 25) == Pacing(
        3, 1.0, "near", "3 left · 1 min: skip to the closing"
    )
    assert pacing(10, 7, 0, 24 * 60 + 30, 25).hint == "3 left · under 1 min: skip to the closing"
    assert pacing(10, 7, 0, 25 * 60, 25).level == "near"


def test_pacing_over_time() -> None:
    over = pacing(10, 7, 1, 26 * 60, 25)
    assert over == Pacing(2, -1.0, "over", "over time: ask who else to talk to")


def test_pacing_when_everything_is_asked() -> None:
    assert pacing(10, 8, 2, 22 * 60, 25) == Pacing(
        0, 3.0, "near", "all asked · 3 min left: thank them and wrap up"
    )
    assert pacing(10, 10, 0, 10 * 60, 25).hint == "all asked · 15 min left: thank them and wrap up"
    assert pacing(10, 10, 0, 26 * 60, 25).hint == "over time: thank them and wrap up"


def test_pacing_never_counts_below_zero_left() -> None:
    assert pacing(3, 4, 2, 0, 25).left == 0


def test_pacing_hint_agrees_with_the_minutes_it_shows() -> None:
    # 25-minute target, 20 min 6 s in: 4.9 minutes left for the last question.
    hint = pacing(planned=5, asked=4, skipped=0, elapsed_seconds=20 * 60 + 6, target_minutes=25)
    assert hint.hint == "1 left · 4 min: about 4 min each"


@pytest.mark.parametrize("minutes", [45, 60, 90, 120])
def test_long_calls_still_get_more_than_fits(bundled: BankSet, minutes: int) -> None:
    plan = suggest_plan(bundled, minutes=minutes)
    assert estimate_minutes(plan) > minutes
    assert plan[-1].question_ref == REFERRAL_REF
    assert len({entry.question_ref for entry in plan}) == len(plan)
