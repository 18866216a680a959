"""The outreach checks: each rule with messages that pass and messages that do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from informa.domain.outreach import RULES, OutreachCheck, check_outreach, word_count

GOOD = """\
Hi Maya,

I'm a fellow Northfield alum and saw your talk on variance reduction. I'm Sam, a postdoc in
computational biology exploring data science.

Would you be open to a 20-minute call in the next few weeks?

Best,
Sam"""


def check(text: str, rule: str) -> OutreachCheck:
    (found,) = [c for c in check_outreach(text) if c.rule == rule]
    return found


def words(count: int) -> str:
    return " ".join(["word"] * count)


def test_a_good_message_passes_every_rule() -> None:
    checks = check_outreach(GOOD)
    assert [c.rule for c in checks] == list(RULES)
    assert [(c.rule, c.level) for c in checks if c.level != "ok"] == []


def test_every_message_is_short_enough_for_a_side_panel() -> None:
    texts = [GOOD, "", "Are you hiring? I'd like an hour.", words(120)]
    messages = [c.message for text in texts for c in check_outreach(text)]
    assert all(0 < len(message) <= 70 for message in messages), messages


# --- word count and length ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("Hi Maya,", 2),
        ("Best,\nSam", 2),
        ("a 20-minute call — thanks!", 4),  # a lone dash is not a word
        ("I'm Sam. I'd love to ask.", 6),
        ("e-mail me at sam@example.com", 4),
    ],
)
def test_word_count(text: str, count: int) -> None:
    assert word_count(text) == count


@pytest.mark.parametrize(
    ("count", "level", "message"),
    [
        (0, "ok", "0 words: short and easy to answer"),
        (75, "ok", "75 words: short and easy to answer"),
        (76, "warn", "76 words: good under 100, best under 75"),
        (82, "warn", "82 words: good under 100, best under 75"),
        (99, "warn", "99 words: good under 100, best under 75"),
        (100, "error", "100 words: cut to under 100"),
        (250, "error", "250 words: cut to under 100"),
    ],
)
def test_length(count: int, level: str, message: str) -> None:
    assert check(words(count), "length") == OutreachCheck("length", level, message)


def test_length_counts_the_greeting_and_the_sign_off() -> None:
    assert check("Hi Maya,\n\n" + words(72) + "\n\nBest,\nSam", "length").level == "warn"


# --- no job ask ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Are you hiring?", "hiring"),
        ("I'm looking for a job in data science.", "job"),
        ("Do you know of any jobs on your team?", "jobs"),
        ("I'm in the middle of my job search.", "job search"),
        ("Is there an open position on your team?", "open position"),
        ("Do you have any positions for PhDs?", "any positions"),
        ("I am interested in a position at Lumen.", "a position"),
        ("Are there any openings?", "any openings"),
        ("I saw an opening on your careers page.", "an opening"),
        ("Is the vacancy still open?", "vacancy"),
        ("Could you refer me to the hiring manager?", "refer me"),
        ("Could I ask you for a referral for the role?", "referral for"),
        ("My CV is attached for reference.", "My CV"),
        ("Please find my résumé attached.", "my résumé"),
        ("I have attached my resume.", "my resume"),
        ("I'd like to apply for the analyst role.", "apply for"),
        ("Should I apply?", "apply"),
        ("I sent my application last week.", "my application"),
        ("Are there any open roles?", "any open roles"),
        ("Do you offer internships?", "internships"),
        ("JOB", "JOB"),
        ("job-hunting is hard", "job-hunting"),
    ],
)
def test_job_asks_are_errors_naming_the_words(text: str, trigger: str) -> None:
    found = check(text, "no-job-ask")
    assert found.level == "error"
    assert f"“{trigger}”" in found.message


@pytest.mark.parametrize(
    "text",
    [
        "I'd love to hear about your role at Lumen.",
        "Congratulations on your new position at Helix Forge!",
        "How did you get your first job after the PhD?",
        "What does your current job look like day to day?",
        "In my current job as a postdoc I run a lot of experiments.",
        "Maya gave me a referral to you and speaks highly of your work.",
        "Your referral network must be huge.",
        "How do you apply causal inference to product questions?",
        "I'd love to apply what I learn from you.",
        "I read about applications of ML to antibody design.",
        "The role you hold is exactly what I'm curious about.",
        "What was the opening keynote like?",
        "I want to resume my reading of your blog.",
        "Bob jobson wrote a position paper on it.",  # "job" only as a whole word
    ],
)
def test_innocent_uses_are_not_job_asks(text: str) -> None:
    assert check(text, "no-job-ask") == OutreachCheck(
        "no-job-ask", "ok", "No job ask: it is about their advice"
    )


# --- connection first ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        GOOD,
        "Hi Maya,\n\nWe met at the BIO career fair. I'm Sam.",
        "Dear Dr. Okafor,\n\nI'm Sam, a postdoc. I saw your talk on CUPED last month.",
        "Hello Daniel, Maya Okafor suggested I reach out. I'm Sam.",
        "Hi Wei! I found you on LinkedIn.",
        "Hi Priya,\nI read your post on metric trees and loved it.",
        "I'm a PhD student in the same program you finished in 2019.",
        "Hello,\n\nI am a postdoc at Northfield University. Your path interests me.",
        "Hi Noor,\n\nI'm Sam.\nI was referred by Rachel Adeyemi.",  # one paragraph, two sentences
    ],
)
def test_connection_in_the_first_two_sentences(text: str) -> None:
    assert check(text, "connection-first").level == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hi Maya,\n\nI'm Sam. I have a question for you. We met at the BIO fair.",
        "I hope this finds you well. I am exploring new careers. I found you on LinkedIn.",
        "Would you be open to a 20-minute call?",
    ],
)
def test_connection_missing_or_too_late_is_a_warning(text: str) -> None:
    assert check(text, "connection-first") == OutreachCheck(
        "connection-first", "warn", "Say how you know or found them in the first two sentences"
    )


# --- the ask is a question ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        GOOD,
        "Could you spare 20 minutes next week?",
        "Are you open to a short call?",
        "Would it be possible to talk for 20 minutes?",
        "May I ask you three questions over a call?",
        "I'd love to hear about your path. Would you be open to a call?",
        "Do you have 20 minutes for a chat?",
        "Any chance of a quick call in the next few weeks?",  # a question without a set phrase
        "Would you be open to a call?”",  # a closing quote after the question mark
    ],
)
def test_the_ask_as_a_question_is_ok(text: str) -> None:
    assert check(text, "ask-is-question") == OutreachCheck(
        "ask-is-question", "ok", "The ask is a question"
    )


@pytest.mark.parametrize(
    "text",
    [
        "I would like to ask for 20 minutes.",
        "I'd love 20 minutes of your time.",
        "I am writing to request a short call.",
        "Would you be open to a 20-minute call next week.",
        "Please let me know if you have time for a call.",
    ],
)
def test_an_ask_phrased_as_a_statement_is_a_warning(text: str) -> None:
    found = check(text, "ask-is-question")
    assert found.level == "warn"
    assert found.message.startswith("Phrase the ask as a question")


@pytest.mark.parametrize("text", ["", "Hi Maya, thanks for your talk. Best, Sam"])
def test_no_question_at_all_is_a_warning(text: str) -> None:
    found = check(text, "ask-is-question")
    assert found.level == "warn"
    assert found.message.startswith("No question yet")


# --- a short, specific time ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Would you have 20 minutes?", "Asks for 20 minutes: short and specific"),
        ("a 20-minute call", "Asks for 20 minutes: short and specific"),
        ("20–30 minutes", "Asks for 20–30 minutes: short and specific"),
        ("20-30 minutes", "Asks for 20–30 minutes: short and specific"),
        ("15-20 min", "Asks for 15–20 minutes: short and specific"),
        ("20 to 30 mins", "Asks for 20–30 minutes: short and specific"),
        ("half an hour", "Asks for 30 minutes: short and specific"),
        ("a half-hour call", "Asks for 30 minutes: short and specific"),
        ("twenty minutes", "Asks for 20 minutes: short and specific"),
        ("fifteen or twenty minutes", "Asks for 15–20 minutes: short and specific"),
        ("a quarter of an hour", "Asks for 15 minutes: short and specific"),
    ],
)
def test_a_short_specific_time_is_ok(text: str, message: str) -> None:
    assert check(text, "time-ask") == OutreachCheck("time-ask", "ok", message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Could we talk sometime?", "Ask for a set time: 20–30 minutes"),
        ("", "Ask for a set time: 20–30 minutes"),
        ("Could we meet for an hour?", "60 minutes is a big ask: keep it to 20–30"),
        ("Do you have one hour?", "60 minutes is a big ask: keep it to 20–30"),
        ("an hour-long call", "60 minutes is a big ask: keep it to 20–30"),
        ("45 minutes", "45 minutes is a big ask: keep it to 20–30"),
        ("30-45 minutes", "45 minutes is a big ask: keep it to 20–30"),
        ("a couple of hours", "120 minutes is a big ask: keep it to 20–30"),
        ("just 5 minutes", "5 minutes is too short for advice: ask for 20–30"),
    ],
)
def test_no_time_or_too_much_time_is_a_warning(text: str, message: str) -> None:
    assert check(text, "time-ask") == OutreachCheck("time-ask", "warn", message)


# --- any text -----------------------------------------------------------------------------


@given(st.text(max_size=2000))
def test_check_outreach_never_raises_and_returns_every_rule(text: str) -> None:
    checks = check_outreach(text)
    assert [c.rule for c in checks] == list(RULES)
    assert all(c.level in ("ok", "warn", "error") and c.message for c in checks)


@given(
    st.lists(
        st.sampled_from(
            [
                "Hi",
                "Maya,",
                "\n",
                "\n\n",
                "job",
                "your",
                "20",
                "-",
                "30",
                "minutes",
                "hour",
                "half",
                "an",
                "would",
                "you",
                "?",
                ".",
                "apply",
                "for",
                "Dr.",
                "alum",
                "{",
                "”",
            ]
        ),
        max_size=60,
    ).map(" ".join)
)
def test_check_outreach_on_message_like_text(text: str) -> None:
    assert [c.rule for c in check_outreach(text)] == list(RULES)
