"""vCard (.vcf): every contact out as a vCard 3.0, and people in from other address books.

Export: vobject builds and escapes each card; the lines are then folded by icalendar's content
line, which counts octets (vobject counts characters on short lines, so a line of accented
text could pass 75 octets unfolded) and never splits a backslash escape. Folding is the same
rule in vCard (RFC 6350 §3.2) as in iCalendar (RFC 5545 §3.1).

Read: vCard 2.1, 3.0 and 4.0, as Apple Contacts, Google Contacts, Outlook and phones write
them. Lines are unfolded here, only so that every message can name the line where a card or
a property starts; each content line is then parsed by vobject (its grammar, parameters,
quoted-printable and charsets) and values are unescaped with vobject's helpers. vobject's own
card reader is not used: it keeps only the text before the first comma of a text value
(``NOTE:Met at ISMB, great chat`` reads as ``Met at ISMB``, and 2.1 cards never escape
commas), and a malformed line can keep its content-line pattern busy for minutes (see
``_CONTENT_LINE``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import vobject
import vobject.base
import vobject.icalendar
import vobject.vcard
from icalendar.parser import Contentline

from informa.domain.errors import BadFileError, ValidationError
from informa.domain.incoming import IncomingContact, ReadResult, Skipped
from informa.domain.model import Contact, ContactDraft, Source
from informa.domain.validate import check_contact, check_email, check_url, clean_line
from informa.interchange.files import read_text

if TYPE_CHECKING:  # the UI may import this module; it never imports the store
    from informa.domain.records import Snapshot

EXPECTED = "a vCard file"
PRODID = "-//informa//informa//EN"
SOURCE_PROPERTY = "X-INFORMA-SOURCE"
"""How the user found the contact. Address books keep X- properties and ignore them."""
REFERRED_BY_PROPERTY = "X-INFORMA-REFERRED-BY"
"""The name of the contact who referred this one (linked again on import)."""
LINKEDIN_LABEL = "LinkedIn"
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "informa.invalid")
_NO_FOLDING = 10**9
_CRLF = "\r\n"


def contact_uid(contact_id: int) -> str:
    """The UID of a contact's card: the same in every export of the same database."""
    return f"urn:uuid:{uuid.uuid5(_UID_NAMESPACE, f'informa-contact-{contact_id}')}"


# ---------------------------------------------------------------------------------------------
# Export


def export_vcards(snapshot: Snapshot) -> str:
    """Every contact of ``snapshot`` (archived ones too) as vCard 3.0 text, in name order:
    CRLF line ends, lines folded at 75 octets."""
    return "".join(
        _fold(_card(contact).serialize(lineLength=_NO_FOLDING)) for contact in snapshot.contacts
    )


def _card(contact: Contact) -> Any:
    card = vobject.vCard()
    _raw(card, "PRODID", PRODID)
    _raw(card, "UID", contact_uid(contact.id))
    card.add("fn").value = contact.name
    family, given = _split_name(contact.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.company_name:
        card.add("org").value = [contact.company_name]
    if contact.role:
        card.add("title").value = contact.role
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.linkedin_url:
        # A URI value is not escaped. The label is how Apple and Google name a URL.
        _raw(card, "URL", contact.linkedin_url, group="item1")
        card.add("x-ablabel", group="item1").value = LINKEDIN_LABEL
    if contact.location:
        address = card.add("adr")
        address.value = vobject.vcard.Address(city=contact.location)
        address.type_param = "WORK"
    if contact.notes:
        card.add("note").value = contact.notes
    if contact.tags:
        _raw(card, "CATEGORIES", ",".join(vobject.base.backslashEscape(t) for t in contact.tags))
    _raw(card, SOURCE_PROPERTY, contact.source.value)
    if contact.referred_by_name:
        card.add(REFERRED_BY_PROPERTY.lower()).value = contact.referred_by_name
    _raw(card, "REV", contact.updated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))
    return card


def _raw(card: Any, name: str, value: str, *, group: str | None = None) -> None:
    """A property written exactly as given (already escaped, or not text at all)."""
    line = card.add(name.lower(), group=group)
    line.value = value
    line.encoded = True


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) for the structured N: the last word is taken as the family name. Only
    address books that sort by family name see this; FN keeps the name as written."""
    words = name.split()
    if len(words) < 2:
        return "", name
    return words[-1], " ".join(words[:-1])


def _fold(text: str) -> str:
    lines = text.replace(_CRLF, "\n").split("\n")
    return "".join(_fold_line(line) + _CRLF for line in lines if line)


def _fold_line(line: str) -> str:
    folded = Contentline(line).to_ical()  # type: ignore[no-untyped-call]
    return bytes(folded).decode("utf-8")


# ---------------------------------------------------------------------------------------------
# Read


def read_vcards(path: Path) -> ReadResult:
    """The people in the vCard file at ``path``.

    A card with no name is skipped (with the reason); a URL that is not a web address, or an
    email address that is not one, is left out with a warning. A file that is not vCard, is
    cut short, or has a line that is not a vCard property raises ``BadFileError`` naming the
    file and the line, and nothing is returned.
    """
    text = read_text(path, expected=EXPECTED)
    cards = _cards(path, text)
    contacts: list[IncomingContact] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    for card in cards:
        result = _contact(card, warnings)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            contacts.append(result)
    return ReadResult(tuple(contacts), tuple(skipped), tuple(warnings))


@dataclass(slots=True)
class _Property:
    line: int
    name: str
    group: str
    params: dict[str, list[str]]
    flags: list[str]
    """Parameters without a name (vCard 2.1: ``EMAIL;PREF;INTERNET:``)."""
    raw: str
    """The value as written, escapes and all (quoted-printable already decoded)."""

    def types(self) -> set[str]:
        """TYPE values and 2.1 flags, upper-cased: ``{"WORK", "PREF"}``."""
        values = [*self.params.get("TYPE", []), *self.flags]
        return {part.strip().upper() for value in values for part in value.split(",")}

    def preference(self) -> int:
        """Lower is preferred: ``PREF=1`` (4.0), ``TYPE=pref`` (3.0), a ``PREF`` flag (2.1)."""
        for value in self.params.get("PREF", []):
            if value.strip().isdigit():
                return int(value.strip())
        return 1 if "PREF" in self.types() else 101

    @property
    def text(self) -> str:
        """A single text value, unescaped (commas are part of the text)."""
        return str(vobject.icalendar.stringToTextValues(self.raw, listSeparator=None)[0])

    @property
    def texts(self) -> list[str]:
        """A comma-separated list of text values (CATEGORIES), unescaped."""
        return [str(v) for v in vobject.icalendar.stringToTextValues(self.raw)]

    @property
    def fields(self) -> list[str]:
        """A structured value (N, ORG, ADR): its semicolon-separated fields, unescaped. An
        unescaped comma inside a field is taken as text ("Acme, Inc.")."""
        return [
            ",".join(value) if isinstance(value, list) else str(value)
            for value in vobject.vcard.splitFields(self.raw)
        ]

    @property
    def uri(self) -> str:
        """A URL: not escaped by the standard, but Apple and Google write ``https\\://``."""
        return str(
            vobject.icalendar.stringToTextValues(self.raw, listSeparator=None, charList='\\;,:"')[0]
        )


@dataclass(slots=True)
class _Card:
    line: int
    properties: list[_Property] = field(default_factory=list)

    def all(self, name: str) -> list[_Property]:
        return [p for p in self.properties if p.name == name]

    def label(self, group: str) -> str:
        """The X-ABLabel Apple and Google give a grouped property (``item1.X-ABLabel``)."""
        if not group:
            return ""
        return next((p.text for p in self.all("X-ABLABEL") if p.group == group), "")


_BREAK = re.compile(r"\r\n|\r|\n")
_BEGIN = re.compile(r"BEGIN[ \t]*:[ \t]*VCARD", re.IGNORECASE)
_END = re.compile(r"END[ \t]*:[ \t]*VCARD", re.IGNORECASE)
_HAS_BEGIN = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t\r]*$", re.IGNORECASE | re.MULTILINE)
_CALENDAR = re.compile(r"^BEGIN:VCALENDAR", re.IGNORECASE | re.MULTILINE)
_OTHER_BEGIN_END = re.compile(r"(?:BEGIN|END)[ \t]*:", re.IGNORECASE)
# vobject's content-line pattern, written with possessive quantifiers: vobject's own (nested
# optional repeats) backtracks exponentially on some lines that do not match, such as a
# parameter followed by many commas, so a line goes to vobject only once it is known to match.
_NAME = r"[A-Za-z0-9_-]++"
_PARAM_VALUE = r'(?:"[^"]*+"|[^";:,]*+)'
_CONTENT_LINE = re.compile(
    rf"(?:{_NAME}\.)?{_NAME};?(?:;{_NAME}(?:[=,]{_PARAM_VALUE})*+)*+:", re.DOTALL
)


def _cards(path: Path, text: str) -> list[_Card]:
    if not _HAS_BEGIN.search(text):
        if _CALENDAR.search(text):
            raise BadFileError(f"{path}: this is an iCalendar file (.ics), not {EXPECTED}")
        raise BadFileError(f"{path}: not {EXPECTED} (there is no BEGIN:VCARD line)")
    cards: list[_Card] = []
    card: _Card | None = None
    for number, line in _logical_lines(text):
        stripped = line.strip()
        if card is None:
            if _BEGIN.fullmatch(stripped):
                card = _Card(number)
                continue
            if _END.fullmatch(stripped):
                raise BadFileError(f"{path}:{number}: END:VCARD without a BEGIN:VCARD before it")
            raise BadFileError(f"{path}:{number}: expected BEGIN:VCARD, found {_show(stripped)}")
        if _BEGIN.fullmatch(stripped):
            raise BadFileError(
                f"{path}:{card.line}: the vCard that starts here has no END:VCARD "
                f"before the next BEGIN:VCARD on line {number}"
            )
        if _END.fullmatch(stripped):
            cards.append(card)
            card = None
            continue
        if _OTHER_BEGIN_END.match(stripped):
            raise BadFileError(
                f"{path}:{number}: unexpected {_show(stripped)} inside the vCard that starts "
                f"on line {card.line}"
            )
        card.properties.append(_parse(path, number, line))
    if card is not None:
        raise BadFileError(
            f"{path}:{card.line}: the vCard that starts here has no END:VCARD "
            "(the file is cut short?)"
        )
    return cards


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(number of the first physical line, the unfolded line), blank lines left out.

    A line that starts with a space or a tab continues the one before (RFC 6350 §3.2); in
    vCard 2.1, a quoted-printable value that ends with ``=`` goes on at the next line.
    """
    start, parts = 0, list[str]()
    for number, line in enumerate(_BREAK.split(text), 1):
        if parts and line[:1] in (" ", "\t"):
            parts.append(line[1:])
            continue
        if parts and _continues_quoted_printable(parts):
            parts.append("\n" + line)
            continue
        if parts:
            yield start, "".join(parts)
        start, parts = number, ([line] if line.strip() else [])
    if parts:
        yield start, "".join(parts)


def _continues_quoted_printable(parts: list[str]) -> bool:
    if not parts[-1].endswith("="):
        return False
    head = parts[0].partition(":")[0]
    return "QUOTED-PRINTABLE" in head.upper()


def _parse(path: Path, number: int, line: str) -> _Property:
    if not _CONTENT_LINE.match(line):
        raise BadFileError(
            f"{path}:{number}: not a vCard property (NAME:value expected): {_show(line)}"
        )
    try:
        parsed = vobject.base.textLineToContentLine(line, number)
    except vobject.base.VObjectError:
        raise BadFileError(
            f"{path}:{number}: not a vCard property (NAME:value expected): {_show(line)}"
        ) from None
    except Exception:  # quoted-printable in an unknown charset, or bytes not in it
        raise BadFileError(
            f"{path}:{number}: cannot decode this quoted-printable value: {_show(line)}"
        ) from None
    return _Property(
        number,
        str(parsed.name).upper(),
        str(parsed.group or "").lower(),
        {str(k).upper(): [str(v) for v in values] for k, values in parsed.params.items()},
        [str(flag) for flag in parsed.singletonparams],
        str(parsed.value),
    )


def _show(text: str, limit: int = 40) -> str:
    """A line quoted for a message, cut short and with control characters escaped."""
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(cut)


# ---------------------------------------------------------------------------------------------
# One card → one person


_SYSTEM_GROUPS = frozenset({"mycontacts"})
"""Groups Google puts every contact in: not tags the user chose."""
_Warn = Callable[["_Property", str], None]


def _contact(card: _Card, warnings: list[str]) -> IncomingContact | Skipped:
    name = _name(card)
    if not name:
        return Skipped(card.line, _identify(card), "no name (the card has no FN or N)")
    if _is_organisation(card):
        return Skipped(card.line, name, "a company card, not a person")

    found: list[tuple[int, str]] = []

    def warn(where: _Property, text: str) -> None:
        found.append((where.line, f"line {where.line} ({name}): {text}"))

    email = _email(card, warn)
    linkedin, other_urls = _urls(card, warn)
    warnings.extend(text for _line, text in sorted(found))
    notes = "\n\n".join(p.text for p in card.all("NOTE") if p.text.strip())
    if other_urls:
        web = "\n".join(f"Web: {url}" for url in other_urls)
        notes = f"{notes}\n\n{web}" if notes else web
    draft = ContactDraft(
        name=name,
        role=_first_text(card, "TITLE") or _first_text(card, "ROLE"),
        company=_company(card),
        email=email,
        linkedin_url=linkedin,
        location=_location(card),
        source=_source(card),
        tags=tuple(
            tag
            for p in card.all("CATEGORIES")
            for tag in p.texts
            if tag.strip().casefold() not in _SYSTEM_GROUPS
        ),
        notes=notes,
    )
    try:
        checked = check_contact(draft)
    except ValidationError as problem:
        return Skipped(card.line, clean_line(name)[:60], str(problem))
    referrer = _first_text(card, REFERRED_BY_PROPERTY)
    return IncomingContact(draft=checked, line=card.line, referred_by=referrer)


def _name(card: _Card) -> str:
    formatted = _first_text(card, "FN")
    if formatted:
        return formatted
    for prop in card.all("N"):
        fields = [*prop.fields, "", "", "", "", ""]
        family, given, additional, prefix, suffix = fields[:5]
        name = clean_line(" ".join((prefix, given, additional, family, suffix)))
        if name:
            return name
    return ""


def _is_organisation(card: _Card) -> bool:
    """vCard 4.0 ``KIND:org``, or Apple's ``X-ABShowAs:COMPANY``."""
    kind = _first_text(card, "KIND").lower()
    return kind in ("org", "organization") or _first_text(card, "X-ABSHOWAS").upper() == "COMPANY"


def _identify(card: _Card) -> str:
    """Something to tell a nameless card by, in the skipped list."""
    return _first_text(card, "EMAIL") or _company(card)


def _first_text(card: _Card, name: str) -> str:
    return next((clean_line(p.text) for p in card.all(name) if p.text.strip()), "")


def _company(card: _Card) -> str:
    for prop in card.all("ORG"):
        organisation = clean_line(prop.fields[0]) if prop.fields else ""
        if organisation:
            return organisation
    return ""


def _email(card: _Card, warn: _Warn) -> str:
    for prop in sorted(card.all("EMAIL"), key=lambda p: p.preference()):
        value = prop.text.strip()
        if not value:
            continue
        try:
            return check_email(value)
        except ValidationError:
            warn(prop, f"left out the email address {_show(value)} (not an email address)")
    return ""


def _urls(card: _Card, warn: _Warn) -> tuple[str, list[str]]:
    """(the LinkedIn profile, other web addresses): from URL and X-SOCIALPROFILE lines."""
    linkedin = ""
    others: list[str] = []
    candidates = sorted(card.all("URL"), key=lambda p: p.preference())
    profiles = [p for p in card.all("X-SOCIALPROFILE") if _is_linkedin_profile(p)]
    for prop in [*candidates, *profiles]:
        value = prop.uri.strip()
        if not value:
            continue
        try:
            url = check_url(value)
        except ValidationError:
            warn(prop, f"left out the URL {_show(value)} (not a web address: http or https)")
            continue
        if _is_linkedin(url) or prop.name == "X-SOCIALPROFILE" or _labelled_linkedin(card, prop):
            linkedin = linkedin or url
        elif url not in others:
            others.append(url)
    return linkedin, others


def _is_linkedin(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def _is_linkedin_profile(prop: _Property) -> bool:
    return "LINKEDIN" in prop.types() or _is_linkedin(prop.uri.strip())


def _labelled_linkedin(card: _Card, prop: _Property) -> bool:
    return "LINKEDIN" in prop.types() or card.label(prop.group).casefold() == "linkedin"


def _location(card: _Card) -> str:
    """City, region and country of the preferred address (the street when that is all)."""
    for prop in sorted(card.all("ADR"), key=lambda p: p.preference()):
        fields = [clean_line(value) for value in [*prop.fields, *[""] * 7][:7]]
        _box, _extended, street, city, region, _code, country = fields
        place = ", ".join(part for part in (city, region, country) if part) or street
        if place:
            return place
    return ""


def _source(card: _Card) -> Source:
    value = _first_text(card, SOURCE_PROPERTY).lower()
    try:
        return Source(value)
    except ValueError:
        return Source.OTHER
