"""The notes format: plain text the user owns, with structure derived from it.

- ``## [07:42] What does a typical day look like?`` starts the answer to a question asked
  7 minutes 42 seconds into the call; the lines below it (up to the next heading) answer it.
- ``A: ...``, ``I: ...``, ``R: ...`` and ``TODO: ...`` mark Advice, Information, a Referral
  and an Action for the user. Leading spaces and a ``- `` or ``* `` bullet are allowed.
- ``R:`` lines that start with a person's name also yield a :class:`ReferralCandidate`.

Parsing never fails: any text is valid notes. Nothing is dropped either: every line lands in
the preamble or in exactly one section, and :func:`render` gives back the exact text, so the
parsed form can be exported or re-saved without losing a keystroke.

Lines are split the way :meth:`str.splitlines` (and Textual's ``TextArea``) splits them, so
a line number here is the editor's row plus one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Tag(StrEnum):
    ADVICE = "A"
    INFO = "I"
    REFERRAL = "R"
    ACTION = "TODO"

    @property
    def label(self) -> str:
        return {"A": "Advice", "I": "Info", "R": "Referral", "TODO": "Action"}[self.value]

    @property
    def prefix(self) -> str:
        """What :func:`toggle_tag` writes, so every tagged line looks the same."""
        return f"{self.value}: "


# The question is stripped in code: a lazy ``(.*?)\s*`` backtracks quadratically on a long
# run of spaces inside it.
_HEADING = re.compile(r"##\s+\[(\d{1,6}):([0-5]\d)\](.*)", re.DOTALL)
# indentation, an optional Markdown bullet, an optional tag, and the rest of the line
_PREFIX = re.compile(
    r"(?P<indent>\s*)(?P<bullet>[-*]\s+)?(?:(?P<tag>A|I|R|TODO)\s*:\s?)?(?P<rest>.*)",
    re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class TaggedLine:
    tag: Tag
    text: str
    line: int
    """1-based line number in the notes."""
    question: str | None
    """The heading text the line is under, if any."""


@dataclass(frozen=True, slots=True)
class ReferralCandidate:
    """A person an ``R:`` line names, for the user to confirm before it becomes a contact."""

    name: str
    company: str
    """Empty when the line does not say."""
    note: str
    """Whatever else the line says: a role, why to reach out."""
    line: int
    """1-based line number in the notes."""
    question: str | None
    """The heading text the line is under, if any."""


@dataclass(frozen=True, slots=True)
class Section:
    question: str
    elapsed_seconds: int
    line: int
    """1-based line number of the heading."""
    body: tuple[str, ...]
    """The lines after the heading up to the next one, without line breaks."""

    @property
    def start_line(self) -> int:
        """The heading's line: the heading belongs to its section."""
        return self.line

    @property
    def end_line(self) -> int:
        """The section's last line (inclusive); the heading itself when there is no body."""
        return self.line + len(self.body)

    @property
    def line_range(self) -> range:
        return range(self.start_line, self.end_line + 1)


@dataclass(frozen=True, slots=True)
class ParsedNotes:
    preamble: tuple[str, ...]
    """The lines before the first heading, without line breaks."""
    sections: tuple[Section, ...]
    tagged: tuple[TaggedLine, ...]
    referrals: tuple[ReferralCandidate, ...]
    source: tuple[str, ...]
    """Every line exactly as typed, line break included, so :func:`render` loses nothing."""

    @property
    def lines(self) -> int:
        return len(self.source)

    @property
    def preamble_lines(self) -> range:
        """1-based line numbers of the preamble; empty when the notes open with a heading."""
        return range(1, len(self.preamble) + 1)

    def by_tag(self, tag: Tag) -> list[TaggedLine]:
        return [item for item in self.tagged if item.tag is tag]


def format_elapsed(seconds: int) -> str:
    """``mm:ss``; minutes keep growing past 99 so a long call still reads back."""
    minutes, secs = divmod(max(seconds, 0), 60)
    return f"{minutes:02d}:{secs:02d}"


def heading(question: str, elapsed_seconds: int) -> str:
    """The line inserted when a question is marked asked (always a single line)."""
    return f"## [{format_elapsed(elapsed_seconds)}] {' '.join(question.split())}"


def _split(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lines with their breaks (to render) and without them (to parse)."""
    source = tuple(text.splitlines(keepends=True))
    return source, tuple(line.splitlines()[0] for line in source)


def parse_notes(text: str) -> ParsedNotes:
    """Derive the structure; any text is valid, so this never raises."""
    source, lines = _split(text)
    preamble: list[str] = []
    sections: list[Section] = []
    tagged: list[TaggedLine] = []
    referrals: list[ReferralCandidate] = []
    current: tuple[str, int, int] | None = None
    body: list[str] = []

    def close() -> None:
        if current is not None:
            question, elapsed, line = current
            sections.append(Section(question, elapsed, line, tuple(body)))

    for number, line in enumerate(lines, start=1):
        match = _HEADING.fullmatch(line)
        if match:
            close()
            minutes, seconds, question = match.groups()
            current = (question.strip(), int(minutes) * 60 + int(seconds), number)
            body = []
            continue
        (body if current is not None else preamble).append(line)
        prefix = _PREFIX.fullmatch(line)
        assert prefix is not None  # every part of the pattern is optional
        tag, rest = prefix["tag"], prefix["rest"].strip()
        if tag is None or not rest:
            continue
        question = current[0] if current else None
        tagged.append(TaggedLine(Tag(tag), rest, number, question))
        if tag == Tag.REFERRAL:
            found = parse_referral(rest)
            if found is not None:
                referrals.append(ReferralCandidate(*found, number, question))
    close()
    return ParsedNotes(tuple(preamble), tuple(sections), tuple(tagged), tuple(referrals), source)


def render(parsed: ParsedNotes) -> str:
    """The notes text again, rebuilt from the preamble and sections: exact, byte for byte."""
    numbers = [*parsed.preamble_lines]
    for section in parsed.sections:
        numbers.extend(section.line_range)
    return "".join(parsed.source[number - 1] for number in numbers)


def summary(parsed: ParsedNotes) -> dict[Tag, list[TaggedLine]]:
    """Tagged lines grouped by tag, every tag present (possibly empty), in note order."""
    return {tag: parsed.by_tag(tag) for tag in Tag}


def tag_of(line: str) -> Tag | None:
    """The tag a line's prefix carries, even with nothing after it yet.

    Unlike :func:`parse_notes`, an empty ``A: `` counts: the user has just pressed the key
    and is about to type.
    """
    if _HEADING.fullmatch(line):
        return None
    prefix = _PREFIX.fullmatch(line)
    assert prefix is not None
    return Tag(prefix["tag"]) if prefix["tag"] else None


def toggle_tag(line: str, tag: Tag) -> str:
    """Add ``tag`` to a line, remove it if already there, or replace another tag.

    Indentation and a bullet are kept. Headings are returned unchanged: tagging one would
    silently turn a question into a note and merge its answer into the previous section.
    """
    if _HEADING.fullmatch(line):
        return line
    prefix = _PREFIX.fullmatch(line)
    assert prefix is not None
    lead = prefix["indent"] + (prefix["bullet"] or "")
    rest = prefix["rest"].lstrip() if prefix["tag"] else prefix["rest"]
    if prefix["tag"] == tag:
        return lead + rest
    return lead + tag.prefix + rest


# --- referrals ---------------------------------------------------------------------------

_DASH = r"\s+-{1,2}\s+|\s*[—–]\s*"
# What may end the name: a parenthesis, "@", " at ", a comma or semicolon, or a dash
# (a hyphen only when spaced, so "Mary-Jane" stays whole). Every separator starts with its
# spaces, so a search only starts where a run of spaces starts (``(?<!\s)``): the same first
# match, without trying every position inside a long run of spaces (quadratic).
_NAME_END = re.compile(rf"(?<!\s)(?:\s*\(|\s*@\s*|\s+at\s+|\s*[,;]\s*|{_DASH})")
# What ends the company: the next comma, semicolon or dash.
_PART_END = re.compile(rf"(?<!\s)(?:\s*[,;]\s*|{_DASH})")
_ROLE_AT = re.compile(r"(?<!\s)\s+(?:at|@)\s+")
_LEADING_SEPARATOR = re.compile(r"^\s*(?:[,;:]|-{1,2}(?=\s)|[—–])?\s*")
_TRAILING_PUNCTUATION = ".,;:!?"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARTICLES = _words(
    "al bin binti da das de del della der di dos du el ibn la le ten ter van von y zu"
)
# Capitalised words that start a sentence rather than a name ("R: Ask Sam about it").
_NOT_NAMES = _words(
    "a an ask call check contact email follow her his look maybe my no nobody none our "
    "reach see someone talk the their try"
)
_ROLE_WORDS = _words(
    "advisor analyst architect associate ceo cfo consultant coo coordinator cto designer "
    "developer director eng engineer fellow founder co-founder cofounder head intern lead "
    "manager officer partner pm postdoc president principal prof professor recruiter "
    "researcher scientist specialist student uxr vp"
)
_ROLE_OF = re.compile(r"(?:head|vp|director|chief)\b.*\bof\b", re.IGNORECASE)


def _clean(text: str) -> str:
    return text.strip().rstrip(_TRAILING_PUNCTUATION).strip()


def _capitalised(word: str) -> bool:
    first = next(char for char in word if char.isalpha())
    return not first.islower()  # upper case, or a script without case


def is_name(text: str) -> bool:
    """Whether text reads as a person's name: 1–5 mostly capitalised words, no digits.

    Lower-case particles ("van", "de") are allowed; a run of acronyms ("ISPOR") and a
    sentence opener ("Ask Sam") are not, to keep "R: check the conference" out.
    """
    words = text.split()
    if not 1 <= len(words) <= 5 or any(char.isdigit() or char.isnumeric() for char in text):
        return False
    for word in words:
        if not any(char.isalpha() for char in word):
            return False
        if not all(char.isalpha() or char in "'’-." for char in word):
            return False
    if words[0].lower() in _NOT_NAMES or not _capitalised(words[0]):
        return False
    if not all(_capitalised(word) or word in _PARTICLES for word in words):
        return False
    return not all(word.isupper() and len(word) > 1 for word in words)


def _is_role(text: str) -> bool:
    words = text.rstrip(_TRAILING_PUNCTUATION).split()
    return bool(words) and (words[-1].lower() in _ROLE_WORDS or bool(_ROLE_OF.match(text)))


def _company_and_role(part: str) -> tuple[str, str]:
    """Split "Growth analytics lead at Lumen" into the company and the role."""
    pieces = _ROLE_AT.split(part, maxsplit=1)
    if len(pieces) == 2 and _clean(pieces[1]):
        return _clean(pieces[1]), _clean(pieces[0])
    if _is_role(part):
        return "", _clean(part)
    return _clean(part), ""


def _split_part(text: str) -> tuple[str, str]:
    """The text up to the next comma or dash, and what follows it."""
    match = _PART_END.search(text)
    if match is None:
        return text, ""
    return text[: match.start()], text[match.end() :]


def _note(*parts: str) -> str:
    """Join the leftover pieces of a line, without the separators that introduced them."""
    cleaned = (_clean(_LEADING_SEPARATOR.sub("", text, count=1)) for text in parts)
    return "; ".join(part for part in cleaned if part)


def parse_referral(text: str) -> tuple[str, str, str] | None:
    """``(name, company, note)`` from the text of an ``R:`` line, or ``None`` for no name.

    Understands ``Jane Doe (Acme)``, ``Jane Doe @ Acme``, ``Jane Doe at Acme``,
    ``Jane Doe — Acme, data team lead`` (also ``-``, ``–`` or ``,``) and
    ``Jane Doe (Growth lead at Acme) — says mention her name``.
    """
    text = text.strip()
    match = _NAME_END.search(text)
    if match is None:
        name = _clean(text)
        return (name, "", "") if is_name(name) else None
    name = _clean(text[: match.start()])
    if not is_name(name):
        return None
    rest = text[match.end() :]
    if match.group().strip() == "(":
        inside, _, after = rest.partition(")")
        company, role = _company_and_role(inside)
        return name, company, _note(role, after)
    part, after = _split_part(rest)
    company, role = _company_and_role(part)
    if not company and after:  # "Engagement Manager, Brightline, ex-postdoc"
        part, after = _split_part(after)
        company, more = _company_and_role(part)
        role = _note(role, more)
    return name, company, _note(role, after)
