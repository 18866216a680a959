"""Import and export: the one dispatch the command line (``informa import``, ``informa
export``) and the palette's transfer dialog share.

An import reads the whole file first (``read_contacts``: every problem is one
``FILE:LINE: ...`` line and nothing is written), then merges it in one transaction
(``merge_import``), or tries it as a dry run that writes nothing (``preview_import``, or
``merge_import(dry_run=True)``). An export reads everything in one consistent read and writes
the file owner-only (0600), replacing it only once complete; ``-`` (or ``None``) writes it to
standard output instead. The formats themselves are ``informa.interchange``'s; the readers
and writers load with their first use, so a command loads only the one it needs.

What to tell the user is the caller's: these return what was read, merged or written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from informa.domain.wording import counted

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.domain.followup import Rules
    from informa.domain.incoming import ImportReport, ReadResult

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all) while an import runs."""

CONTACT_FORMATS = ("linkedin", "csv", "vcard")
"""What ``read_contacts`` reads: LinkedIn's Connections.csv, informa's CSV, vCard."""
EXPORT_FORMATS = ("csv", "vcard", "ics", "json")
"""What ``export`` writes to a file (a Markdown export is a folder: ``export_markdown``)."""
CALENDAR_DAYS = 14
"""The calendar's to-dos: what falls due within this many days."""


@dataclass(frozen=True, slots=True)
class Preview:
    """A file read in full and tried as a dry run; nothing is written yet."""

    path: Path
    incoming: ReadResult
    """What was read: merge it with ``merge_import``."""
    report: ImportReport
    """What merging it would do."""


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote."""

    path: Path | None
    """The file (or, for Markdown, the folder) written; ``None`` for standard output."""
    contacts: int
    """How many contacts it holds."""
    files: int = 1
    """How many files were written (Markdown: one per call and per contact, and an index)."""


# -- imports ---------------------------------------------------------------------------


def read_contacts(fmt: str, path: Path) -> ReadResult:
    """Read all of ``path`` as ``fmt`` (one of ``CONTACT_FORMATS``), without the database.

    A file that cannot be used at all is a ``BadFileError`` (``FILE:LINE: ...``); rows that
    cannot be used are in the result's ``skipped``, with its ``warnings``.
    """
    if fmt == "linkedin":
        from informa.interchange.linkedin import read_connections

        return read_connections(path)
    if fmt == "csv":
        from informa.interchange.contacts_csv import read_csv

        return read_csv(path)
    if fmt == "vcard":
        from informa.interchange.vcard import read_vcards

        return read_vcards(path)
    raise ValueError(f"unknown contacts format {fmt!r}: one of {', '.join(CONTACT_FORMATS)}")


def merge_import(
    store: Store,
    incoming: ReadResult,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Merge what was read into ``store``, in one transaction (all of it or, on an error,
    none); a ``dry_run`` works it all out and writes nothing.

    Someone already there (same LinkedIn profile, else same name and company) only gains
    what was missing, so merging the same file twice adds nothing."""
    return store.imports.merge(incoming, dry_run=dry_run, progress=progress)


def preview_import(store: Store, fmt: str, path: Path) -> Preview:
    """Read ``path`` as ``fmt`` and try it on ``store`` as a dry run: what importing it
    would do. Nothing is written."""
    incoming = read_contacts(fmt, path)
    return Preview(path, incoming, merge_import(store, incoming, dry_run=True))


def import_json(store: Store, path: Path) -> dict[str, int]:
    """Load a JSON export (``export(store, "json", …)``) into ``store``, which must be empty.

    Returns how many rows each table received. A file that is not such an export, or has a
    problem anywhere, is a ``BadFileError`` and nothing is written; a database that is not
    empty is a ``ConflictError``."""
    from informa.interchange.jsonfile import read_export

    data = read_export(path)
    return store.dump.load(data, source=str(path))


# -- exports ---------------------------------------------------------------------------


def export(
    store: Store,
    fmt: str,
    output: Path | str | None,
    *,
    bom: bool = False,
    rules: Rules | None = None,
    days: int = CALENDAR_DAYS,
) -> Exported:
    """Write ``store``'s data as ``fmt`` (one of ``EXPORT_FORMATS``) to the file ``output``,
    owner-only, or to standard output for ``None`` or ``-``.

    ``bom`` starts a CSV with a byte-order mark (for Excel). The calendar (``ics``) holds
    the calls to come and what falls due within ``days`` days under ``rules`` (the default
    rules if ``None``); with nothing in it, it is not written (``InformaError``). A folder
    given as ``output``, or a file that cannot be written, is a ``BadFileError``.
    """
    from informa.interchange.files import write_output

    data: str | bytes
    if fmt == "json":
        dump = store.dump.dump()
        data = _json_text(dump, store)
        contacts = len(dump["tables"]["contact"])
    elif fmt == "ics":
        data = _calendar(store, rules, days)
        contacts = 0  # calls and to-dos, not address cards
    else:
        snapshot = store.exports.snapshot()
        contacts = len(snapshot.contacts)
        if fmt == "csv":
            from informa.interchange.contacts_csv import export_csv

            data = export_csv(snapshot, bom=bom)
        elif fmt == "vcard":
            from informa.interchange.vcard import export_vcards

            data = export_vcards(snapshot)
        else:
            raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(EXPORT_FORMATS)}")
    return Exported(write_output(output, data), contacts)


def export_markdown(store: Store, folder: Path) -> Exported:
    """One Markdown file per call and per contact, and an index, in ``folder`` (created
    owner-only if missing; an Obsidian vault works), with times in the store's zone."""
    from informa.domain.clock import local_zone
    from informa.interchange.markdown import export_markdown as write_markdown

    snapshot = store.exports.snapshot()
    report = write_markdown(snapshot, folder, zone=local_zone(store.clock))
    return Exported(report.folder, len(snapshot.contacts), files=len(report.files))


def _json_text(dump: dict[str, Any], store: Store) -> str:
    from informa.interchange.jsonfile import export_text

    return export_text(dump, exported_at=store.clock())


def _calendar(store: Store, rules: Rules | None, days: int) -> bytes:
    """The calendar of ``store`` in the zone of its clock; ``InformaError`` when there is
    nothing in it (RFC 5545 wants at least one event or to-do)."""
    from informa.domain.clock import local_zone, zone_name
    from informa.domain.errors import InformaError
    from informa.domain.followup import Rules
    from informa.interchange.ics import export_calendar, has_entries

    now = store.clock()
    data = export_calendar(
        store.exports.snapshot(),
        store.followups.agenda(rules or Rules(), horizon_days=days),
        zone=zone_name(local_zone(store.clock)),
        now=now,
    )
    if not has_entries(data):
        raise InformaError(
            f"nothing to export: no calls scheduled and nothing due in {counted(days, 'day')}"
        )
    return data
