"""Checks for a short outreach message, in the spirit of "The 2-Hour Job Search".

A good first message is under 75 words (never 100 or more), opens with the connection (how
you know each other or found them), never asks about jobs, asks for advice *as a question*,
and asks for a short, specific slice of time (20–30 minutes). Each rule gives one short
``OutreachCheck`` for a side panel; the checks are heuristics that point, never block.

Words are counted the way a word processor does: every whitespace-separated token with at
least one letter or digit, greeting ("Hi Maya,") and sign-off ("Best,\\nSam") included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from informa.domain.wording import counted

OK = "ok"
WARN = "warn"
ERROR = "error"
RULES = ("length", "no-job-ask", "connection-first", "ask-is-question", "time-ask")
MAX_WORDS = 100
"""A message must stay under this many words."""
BEST_WORDS = 75
"""...and is best at or under this many."""
MIN_MINUTES = 15
MAX_MINUTES = 30


@dataclass(frozen=True, slots=True)
class OutreachCheck:
    rule: str
    """A stable id, one of ``RULES``."""
    level: str
    """``ok``, ``warn`` or ``error``."""
    message: str
    """Short enough for a side panel."""


def word_count(text: str) -> int:
    """Whitespace-separated tokens that hold a letter or digit ("—" alone is not a word)."""
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def check_outreach(text: str) -> list[OutreachCheck]:
    """Every rule, in ``RULES`` order, for the message ``text``."""
    sentences = _sentences(text)
    return [
        _length(text),
        _no_job_ask(text),
        _connection_first(sentences),
        _ask_is_question(sentences),
        _time_ask(text),
    ]


# --- length -----------------------------------------------------------------------------


def _length(text: str) -> OutreachCheck:
    words = word_count(text)
    if words >= MAX_WORDS:
        return OutreachCheck("length", ERROR, f"{counted(words, 'word')}: cut to under {MAX_WORDS}")
    if words > BEST_WORDS:
        return OutreachCheck(
            "length",
            WARN,
            f"{counted(words, 'word')}: good under {MAX_WORDS}, best under {BEST_WORDS}",
        )
    return OutreachCheck("length", OK, f"{counted(words, 'word')}: short and easy to answer")


# --- no job ask -------------------------------------------------------------------------

_POSSESSIVE = frozenset({"my", "your", "his", "her", "their", "our"})
# A bare "job" is a job ask unless it is someone's ("your job", "my current job"); "job
# search" or "job openings" always are.
_JOB_WORD = re.compile(r"\b(?:jobs?|internships?)\b", re.IGNORECASE)
_JOB_HUNT_NEXT = re.compile(
    r"[\s-]*(?:search|hunt|hunting|seeker|seeking|openings?|offers?|applications?|market|"
    r"boards?|ads?|postings?|listings?|referrals?)\b",
    re.IGNORECASE,
)
_JOB_PHRASES = re.compile(
    r"\b(?:"
    r"(?:a|an|any|open|available|vacant|new|some)\s+positions?(?!\s+(?:papers?|statements?|of)\b)"
    r"|positions?\s+(?:open|available)"
    r"|open\s+roles?|roles?\s+(?:open|available)|any\s+(?:open\s+)?roles"
    r"|(?:an|any)\s+openings?|openings"
    r"|vacanc(?:y|ies)"
    r"|hiring|hire\s+me|get\s+hired"
    r"|refer\s+me|referrals?\s+for"
    r"|(?:my|a|the|attached|enclosed)\s+(?:cv|r[eé]sum[eé])"
    r"|(?:cv|r[eé]sum[eé])\s+(?:is\s+)?(?:attached|enclosed)"
    r"|apply(?:ing)?\s+(?:for|at|directly|online|now)"
    r"|apply\s+to\s+(?:your|the|a)\s+(?:team|company|group|role|position|job|opening)"
    r"|(?:my|an)\s+application(?!\s+of\b)|applications?\s+for"
    r")\b"
    r"|\bapply\s*(?:[.?!,;]|$)",
    re.IGNORECASE,
)


def _about_them(text: str, start: int) -> bool:
    """Is the word at ``start`` owned by someone ("your role", "my current job")?"""
    before = re.findall(r"[\w'’]+", text[max(0, start - 40) : start])
    return bool(_POSSESSIVE.intersection(word.lower() for word in before[-2:]))


def _job_ask(text: str) -> str | None:
    """The words that ask about a job, or ``None``."""
    for match in _JOB_PHRASES.finditer(text):
        if not _about_them(text, match.start()):
            return " ".join(match.group().rstrip(".?!,;").split())
    for match in _JOB_WORD.finditer(text):
        hunt = _JOB_HUNT_NEXT.match(text, match.end())
        if hunt is not None:
            return " ".join(text[match.start() : hunt.end()].split())
        if not _about_them(text, match.start()):
            return match.group()
    return None


def _no_job_ask(text: str) -> OutreachCheck:
    trigger = _job_ask(text)
    if trigger is None:
        return OutreachCheck("no-job-ask", OK, "No job ask: it is about their advice")
    return OutreachCheck(
        "no-job-ask", ERROR, f"“{trigger}” reads as a job ask: ask for advice only"
    )


# --- sentences --------------------------------------------------------------------------

_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))\b"
    r"(?:\b(?:dr|mr|ms|mrs|mx|prof)\.|[^.!?])*(?:[!:]\s*)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bProf\.)(?<!\bSt\.)"
    r"(?<!\be\.g\.)(?<!\bi\.e\.)[\"'”’)]*\s+"
)


def _sentences(text: str) -> list[str]:
    """The sentences of the message, without an opening greeting line such as "Hi Maya,".

    A blank line ends a sentence too (a sign-off has no full stop); a single line break does
    not, so hard-wrapped text reads as it was meant.
    """
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is not None and _GREETING.match(lines[first]) and len(lines[first].split()) <= 6:
        lines = lines[first + 1 :]
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", "\n".join(lines)):
        flowed = " ".join(paragraph.split())
        sentences += [part for part in _SENTENCE_END.split(flowed) if part.strip()]
    return sentences


def _is_question(sentence: str) -> bool:
    return sentence.rstrip("\"'”’) ").endswith("?")


# --- connection first -------------------------------------------------------------------

_CONNECTION = re.compile(
    r"\b(?:"
    r"alum(?:ni|nus|na|nae|s)?|fellow|we\s+met|met\s+you|same\s+(?:program|programme|lab|"
    r"department|school|university|group|team|class|cohort)"
    r"|linkedin|saw\s+your|read\s+your|heard\s+you|your\s+(?:talk|post|article|paper|"
    r"presentation|panel|podcast|blog|newsletter)"
    r"|referred|suggested\s+(?:i|that\s+i)|recommended\s+(?:i|that\s+i|you)|introduc\w*"
    r"|mutual|i\s+found\s+you|found\s+your|came\s+across\s+your"
    r"|universit(?:y|ies)|college|lab|laboratory|institute|department|programme|program"
    r"|member|association|society|meetup|conference|community|slack|discord"
    r")\b",
    re.IGNORECASE,
)


def _connection_first(sentences: list[str]) -> OutreachCheck:
    opening = " ".join(sentences[:2])
    if _CONNECTION.search(opening):
        return OutreachCheck("connection-first", OK, "Opens with your connection")
    return OutreachCheck(
        "connection-first", WARN, "Say how you know or found them in the first two sentences"
    )


# --- the ask is a question --------------------------------------------------------------

_ASK = re.compile(
    r"\b(?:would|could|can|might|will)\s+you\b|\bare\s+you\s+(?:open|available|free)"
    r"|\bwould\s+it\s+be\s+(?:possible|ok|okay|alright)|\b(?:may|could|can)\s+i\b"
    r"|\bdo\s+you\s+have\b|\bis\s+there\s+(?:any\s+)?(?:chance|time)"
    r"|\b(?:i\s+would|i'd|i’d|i\s+am\s+writing\s+to|i'm\s+writing\s+to|i’m\s+writing\s+to)"
    r"\s+(?:like|love|appreciate|be\s+grateful|ask|request)"
    r"|\bi\s+(?:was|am)\s+hoping\b|\bplease\s+let\s+me\s+know\b",
    re.IGNORECASE,
)
_QUESTION_HINT = "'Would you be open to…?'"


def _ask_is_question(sentences: list[str]) -> OutreachCheck:
    asks = [sentence for sentence in sentences if _ASK.search(sentence)]
    if any(_is_question(sentence) for sentence in asks):
        return OutreachCheck("ask-is-question", OK, "The ask is a question")
    if asks:
        return OutreachCheck(
            "ask-is-question", WARN, f"Phrase the ask as a question: {_QUESTION_HINT}"
        )
    if any(_is_question(sentence) for sentence in sentences):
        return OutreachCheck("ask-is-question", OK, "The ask is a question")
    return OutreachCheck("ask-is-question", WARN, f"No question yet: end with {_QUESTION_HINT}")


# --- a short, specific time -------------------------------------------------------------

_NUMBER_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
_NUMBER = r"(\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_MINUTES = r"(?:\s*-)?\s*(?:minutes?|mins?)\b"
_MINUTE_RANGE = re.compile(rf"\b{_NUMBER}\s*(?:-|–|—|to|or)\s*{_NUMBER}{_MINUTES}", re.IGNORECASE)
_MINUTE_SPAN = re.compile(rf"\b{_NUMBER}{_MINUTES}", re.IGNORECASE)
_HALF_HOUR = re.compile(r"\bhalf(?:\s+an|\s+a)?[\s-]+hour\b", re.IGNORECASE)
_QUARTER_HOUR = re.compile(r"\bquarter(?:\s+of)?\s+an?\s+hour\b", re.IGNORECASE)
_HOURS = re.compile(
    r"\b(an|a|one|1|two|2|three|3|couple\s+of|few)\s+hours?\b|\bhour[\s-]long\b", re.IGNORECASE
)


def _minutes(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _spans(text: str) -> list[int]:
    """Every length of time the message mentions, in minutes."""
    found: list[int] = []

    def take(pattern: re.Pattern[str], value: Callable[[re.Match[str]], list[int]]) -> None:
        nonlocal text
        for match in pattern.finditer(text):
            found.extend(value(match))
        text = pattern.sub(" ", text)  # so "half an hour" is not read again as "an hour"

    take(_HALF_HOUR, lambda _: [30])
    take(_QUARTER_HOUR, lambda _: [15])
    take(_MINUTE_RANGE, lambda m: [_minutes(m.group(1)), _minutes(m.group(2))])
    take(_MINUTE_SPAN, lambda m: [_minutes(m.group(1))])
    take(_HOURS, lambda m: [_hours(m.group(1))])
    return found


def _hours(count: str | None) -> int:
    if count is None or count.lower() in ("an", "a", "one", "1"):
        return 60
    if count.lower() in ("two", "2", "couple of"):
        return 120
    return 180


def _time_ask(text: str) -> OutreachCheck:
    spans = _spans(text)
    if not spans:
        return OutreachCheck(
            "time-ask", WARN, f"Ask for a set time: {MIN_MINUTES + 5}–{MAX_MINUTES} minutes"
        )
    longest = max(spans)
    if longest > MAX_MINUTES:
        return OutreachCheck(
            "time-ask", WARN, f"{longest} minutes is a big ask: keep it to 20–{MAX_MINUTES}"
        )
    shortest = min(spans)
    if shortest < MIN_MINUTES:
        return OutreachCheck(
            "time-ask", WARN, f"{shortest} minutes is too short for advice: ask for 20–30"
        )
    if shortest == longest:
        return OutreachCheck("time-ask", OK, f"Asks for {longest} minutes: short and specific")
    return OutreachCheck(
        "time-ask", OK, f"Asks for {shortest}–{longest} minutes: short and specific"
    )
