"""Load, validate and fill message templates: outreach, and thank-yous after a call.

Bundled templates ship with informa (``outreach.yaml`` and ``thank_you.yaml`` beside this
module); the user's own live in ``<config>/templates/*.yaml``. A file's top-level ``kind:``
says which it holds: ``outreach`` (the default, so older files keep working) or
``thank_you``. Each kind is its own set of ids: a user template with a new id adds a
template, one with a bundled id of the same kind replaces it. A broken file is reported as
``FILE:LINE: message`` and skipped as a whole (like a question bank): the other files still
load. Each problem is reported once, by the loader of the file's kind; a file whose kind
cannot be read (a YAML syntax error, a ``kind:`` that is not known) counts as outreach.

Placeholders are ``{first_name}``-style names from ``PLACEHOLDERS`` (``THANK_YOU_PLACEHOLDERS``
for thank-yous); ``{{`` and ``}}`` write literal braces. Filling never fails: a value that is
missing shows as a visible ``[company]`` marker, so the user sees what to fill in by hand
(a thank-you's optional ``{learned}`` and ``{introductions}`` take their line with them
instead: see ``informa.domain.thanks``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from informa.domain.errors import FileProblems, Problem
from informa.domain.model import Contact, Source
from informa.domain.outreach import OK, WARN, OutreachCheck, check_outreach
from informa.domain.thanks import (
    LINKEDIN_NOTE_LIMIT,
    THANK_YOU_PLACEHOLDERS,
    fill_thank_you,
    first_name,
)
from informa.paths import TEMPLATES_DIRNAME
from informa.yamlfile import Checker, Node, layered_sources, parse, read_text

FILE_KEYS = ("templates",)
OPTIONAL_FILE_KEYS = ("kind", "templates")
TEMPLATE_KEYS = ("id", "title", "channel", "subject", "body")
OUTREACH = "outreach"
THANK_YOU = "thank_you"
KINDS = (OUTREACH, THANK_YOU)
EMAIL = "email"
LINKEDIN = "linkedin"
MESSAGE = "message"
CHANNELS = (EMAIL, LINKEDIN)
THANK_YOU_CHANNELS = (EMAIL, MESSAGE, LINKEDIN)
"""A thank-you may also be a chat message (LinkedIn, Slack…): no subject, no length limit."""
PLACEHOLDERS = (
    "first_name",
    "full_name",
    "company",
    "role",
    "how_found",
    "my_name",
    "my_background",
)

# "{{" and "}}" are literal braces, "{name}" a placeholder, any other brace is a mistake.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    title: str
    channel: str
    """``email`` or ``linkedin`` (a thank-you may also be a ``message``)."""
    subject: str
    """The email subject line (may hold placeholders); empty when there is none."""
    body: str
    path: Path
    bundled: bool
    kind: str = OUTREACH
    """``outreach`` or ``thank_you``: which placeholders the template may use."""


@dataclass(frozen=True, slots=True)
class TemplateSet:
    """The templates in effect, in display order, and the problems met while loading them."""

    templates: tuple[Template, ...]
    problems: tuple[Problem, ...] = field(default=())

    def get(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)


def bundled_templates_dir() -> Path:
    """The folder of the bundled ``outreach.yaml`` (inside the package, so the wheel has it)."""
    return Path(__file__).resolve().parent


def user_templates_dir(config_dir: Path) -> Path:
    """Where the user's own templates live: ``<config>/templates``."""
    return config_dir / TEMPLATES_DIRNAME


# --- filling in -------------------------------------------------------------------------


def _fill(text: str, fields: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group()
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name is None:
            return token  # a lone brace: kept as written
        value = " ".join(str(fields.get(name.strip(), "")).split())
        return value or f"[{name.strip()}]"

    return _TOKEN.sub(replace, text)


def render(template: Template, fields: Mapping[str, str]) -> str:
    """The body with every placeholder filled in; a missing value shows as ``[name]``."""
    return _fill(template.body, fields)


def render_subject(template: Template, fields: Mapping[str, str]) -> str:
    """The subject line filled in like the body (empty when the template has none)."""
    return _fill(template.subject, fields)


def check_rendered(template: Template, text: str) -> list[OutreachCheck]:
    """The outreach checks for a rendered body, plus the length limit of a LinkedIn note."""
    checks = check_outreach(text)
    if template.channel == LINKEDIN:
        length = len(text)
        if length >= LINKEDIN_NOTE_LIMIT:
            message = f"{length} characters: a LinkedIn note must be under {LINKEDIN_NOTE_LIMIT}"
            checks.append(OutreachCheck("linkedin-length", WARN, message))
        else:
            message = f"{length} characters: fits a LinkedIn note"
            checks.append(OutreachCheck("linkedin-length", OK, message))
    return checks


def render_thank_you(template: Template, fields: Mapping[str, str]) -> str:
    """A thank-you body filled in with ``thanks.thank_you_fields``: an empty ``{learned}``
    or ``{introductions}`` takes its line with it (see ``informa.domain.thanks``)."""
    return fill_thank_you(template.body, fields)


def render_thank_you_subject(template: Template, fields: Mapping[str, str]) -> str:
    """A thank-you subject filled in on one line (empty when the template has none)."""
    return fill_thank_you(template.subject, fields, lists=False)


def how_found(contact: Contact) -> str:
    """How the user came across ``contact``, to follow "I found you …"."""
    company = contact.company_name.strip()
    match contact.source:
        case Source.LINKEDIN:
            return "on LinkedIn"
        case Source.ALUMNI:
            return "through our alumni network"
        case Source.ASSOCIATION:
            # The contact's company is their employer, not the association: naming it here
            # would say something untrue, so stay general.
            return "through our professional association"
        case Source.EVENT:
            return "at a recent event"
        case Source.COMMUNITY:
            return "in an online community we share"
        case Source.REFERRAL:
            referrer = contact.referred_by_name.strip()
            return f"through {referrer}" if referrer else "through a mutual contact"
        case _:
            return f"while researching {company or 'your field'}"


def outreach_fields(contact: Contact, *, your_name: str, your_background: str) -> dict[str, str]:
    """Every placeholder's value for ``contact``; unknown values are empty (shown as markers)."""
    return {
        "first_name": first_name(contact.name),
        "full_name": " ".join(contact.name.split()),
        "company": contact.company_name.strip(),
        "role": contact.role.strip(),
        "how_found": how_found(contact),
        "my_name": your_name.strip(),
        "my_background": your_background.strip(),
    }


# --- loading ----------------------------------------------------------------------------


def load_template_file(path: Path, *, bundled: bool = False) -> tuple[Template, ...]:
    """Load one file of templates (of the kind it declares); raises ``FileProblems`` listing
    every problem found."""
    text, root = _read(path)
    return tuple(template for template, _ in _load_file(path, text, root, bundled))


def _read(path: Path) -> tuple[str, Node]:
    """The file's text and its YAML; raises ``FileProblems`` if it cannot be read or parsed."""
    text = read_text(path)
    root = parse(text, path)
    if root is None:
        raise FileProblems([Problem(path, None, "empty file: it needs a 'templates:' list")])
    return text, root


def file_kind(root: Node) -> str:
    """The kind a parsed file declares; ``outreach`` when it declares none, or one that is
    not known (the outreach loader then reports the mistake)."""
    node = root.value.get("kind") if root.is_mapping else None
    value = node.value if node is not None else None
    return value if isinstance(value, str) and value in KINDS else OUTREACH


def _load_file(path: Path, text: str, root: Node, bundled: bool) -> list[tuple[Template, int]]:
    """The file's templates, each with the line its entry starts on."""
    checker = Checker(path)
    templates = _file(checker, root, text.splitlines(), path, bundled)
    if checker.problems:
        raise FileProblems(checker.problems)
    return templates


def _file(
    checker: Checker, root: Node, lines: list[str], path: Path, bundled: bool
) -> list[tuple[Template, int]]:
    fields = checker.mapping(root, "the file", required=FILE_KEYS, optional=OPTIONAL_FILE_KEYS)
    if fields is None:
        return []
    kind_node = fields.get("kind")
    if kind_node is not None:
        checker.choice(kind_node, "kind", KINDS)
    if "templates" not in fields:
        return []
    kind = file_kind(root)
    node = fields["templates"]
    items = checker.sequence(node, "templates")
    if node.is_sequence and not items:
        checker.error(node.line, "templates must list at least one template")
    kept: list[tuple[Template, int]] = []
    seen: dict[str, int] = {}
    for item in items:
        template = _template(checker, item, lines, path, bundled, kind)
        if template is None:
            continue
        if template.id in seen:
            checker.error(
                item.line,
                f"duplicate template id '{template.id}' (first used on line {seen[template.id]})",
            )
            continue
        seen[template.id] = item.line
        kept.append((template, item.line))
    return kept


def _template(
    checker: Checker, node: Node, lines: list[str], path: Path, bundled: bool, kind: str
) -> Template | None:
    fields = checker.mapping(
        node, "a template", required=("id", "title", "body"), optional=TEMPLATE_KEYS
    )
    if fields is None:
        return None
    template_id = checker.identifier(fields.get("id"), "template id")
    title = checker.text(fields.get("title"), "template title")
    channel_node = fields.get("channel")
    channels = THANK_YOU_CHANNELS if kind == THANK_YOU else CHANNELS
    channel = (
        checker.choice(channel_node, "channel", channels) if channel_node is not None else EMAIL
    )
    subject_node = fields.get("subject")
    subject = checker.text(subject_node, "subject", allow_empty=True) or ""
    body_node = fields.get("body")
    body = checker.text(body_node, "body")
    if subject_node is not None and subject and channel not in (EMAIL, None):
        checker.error(node.key_line("subject"), "subject is only for email templates")
    placeholders = THANK_YOU_PLACEHOLDERS if kind == THANK_YOU else PLACEHOLDERS
    for value, value_node, what in ((subject, subject_node, "subject"), (body, body_node, "body")):
        if value and value_node is not None:
            _check_placeholders(checker, value, value_node.line, lines, what, placeholders)
    if body and body_node is not None and channel == LINKEDIN:
        fixed = len(_TOKEN.sub(_literal_only, body))
        if fixed >= LINKEDIN_NOTE_LIMIT:
            checker.error(
                body_node.line,
                f"a LinkedIn note must be under {LINKEDIN_NOTE_LIMIT} characters; this one has "
                f"{fixed} before the placeholders are filled in",
            )
    if template_id is None or title is None or body is None or channel is None:
        return None
    return Template(template_id, title, channel, subject, body, path, bundled, kind)


def _literal_only(match: re.Match[str]) -> str:
    token = match.group()
    return token[0] if token in ("{{", "}}") else ""


def _check_placeholders(
    checker: Checker,
    text: str,
    start: int,
    lines: list[str],
    what: str,
    placeholders: Sequence[str] = PLACEHOLDERS,
) -> None:
    known = ", ".join(f"{{{name}}}" for name in placeholders)
    for token, name, line in _located_tokens(text, start, lines):
        if name is None:
            checker.error(line, f"a lone '{token}' in the {what}: write '{token * 2}' for a brace")
        elif name.strip() not in placeholders:
            checker.error(line, f"unknown placeholder {token} in the {what} (known: {known})")


def _located_tokens(
    text: str, start: int, lines: list[str]
) -> Iterator[tuple[str, str | None, int]]:
    """Each placeholder and lone brace in ``text`` as ``(token, name, line)``; ``name`` is None
    for a lone brace.

    The YAML node only knows the line its value starts on, but a block scalar's placeholders
    sit on later lines, and that is the line worth pointing at: the n-th occurrence of a token
    in the value is the n-th occurrence in the file from ``start`` on.
    """
    occurrences: dict[str, list[int]] = {}
    seen: dict[str, int] = {}
    braces: dict[str, list[int]] = {}
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("{{", "}}"):
            continue
        if token not in occurrences:
            occurrences[token] = [
                number
                for number in range(start, len(lines) + 1)
                for _ in range(lines[number - 1].count(token))
            ]
        if len(token) == 1:
            # A lone brace is counted among every brace of the value, as it is in the file.
            if token not in braces:
                braces[token] = [n for n, char in enumerate(text) if char == token]
            index = bisect_left(braces[token], match.start())
        else:
            index = seen.get(token, 0)
            seen[token] = index + 1
        found = occurrences[token]
        yield token, match.group(1), found[index] if index < len(found) else start


def load_templates(bundled_dir: Path, user_dir: Path | None = None) -> TemplateSet:
    """Every outreach template in effect: bundled ones, then the user's (adding or replacing
    by id). Files of another ``kind:`` are left to their own loader."""
    return _load_kind(OUTREACH, bundled_dir, user_dir)


def load_thank_you_templates(bundled_dir: Path, user_dir: Path | None = None) -> TemplateSet:
    """Every thank-you template in effect (files with ``kind: thank_you``), as
    :func:`load_templates` does for outreach. Problems with files of no readable kind, and
    with the folder itself, are reported by :func:`load_templates` alone, so the app, which
    shows both lists, shows each problem once."""
    return _load_kind(THANK_YOU, bundled_dir, user_dir)


def _load_kind(kind: str, bundled_dir: Path, user_dir: Path | None) -> TemplateSet:
    templates: dict[str, Template] = {}
    sources, problems = layered_sources(bundled_dir, user_dir)
    if kind != OUTREACH:
        problems = []
    for path, bundled in sources:
        try:
            text, root = _read(path)
        except FileProblems as exc:
            if kind == OUTREACH:
                problems.extend(exc.problems)
            continue
        if file_kind(root) != kind:
            continue
        try:
            loaded = _load_file(path, text, root, bundled)
        except FileProblems as exc:
            problems.extend(exc.problems)
            continue
        for template, line in loaded:
            previous = templates.get(template.id)
            if previous is not None and previous.bundled == bundled:
                message = f"template id '{template.id}' is already used by {previous.path}"
                problems.append(Problem(path, line, message))
                continue
            templates[template.id] = template
    return TemplateSet(tuple(templates.values()), tuple(problems))


_SUGGESTED = {
    Source.ALUMNI: "alumni",
    Source.REFERRAL: "referral",
    Source.EVENT: "event-follow-up",
    Source.ASSOCIATION: "association",
    Source.LINKEDIN: "cold",
    Source.COMMUNITY: "cold",
    Source.COLD: "cold",
    Source.OTHER: "cold",
}


def suggested_order(templates: Sequence[Template], contact: Contact) -> list[Template]:
    """The templates with the one that fits how the user found ``contact`` first."""
    wanted = _SUGGESTED.get(contact.source)
    return sorted(templates, key=lambda template: template.id != wanted)
