"""The full-text index (FTS5) over contacts, companies and interview notes.

What the user types is never handed to FTS5 as it is: ``build_query`` turns it into a MATCH
expression in which every word and phrase is a quoted FTS5 string, so no input can be a
syntax error. The search-box grammar:

- ``word word``: every word (AND); words are stemmed (``funded`` finds ``funding``)
- ``fund*``: a prefix (of the stemmed words: ``fundi*`` does not find ``funding``)
- ``"a phrase"``: the words next to each other, in order (``"a phrase"*``: its last word
  as a prefix); an unbalanced quote runs to the end of the text
- ``-word`` / ``-"a phrase"``: without it; ``a OR b``: either; ``a AND b``: both; ``a NOT b``:
  ``a`` without ``b``. ``AND``, ``OR`` and ``NOT`` are operators only in capitals and between
  two terms; anywhere else they are searched for as words, as are ``NEAR``, ``title:`` and
  the like (punctuation separates words, as it does in the index)
- anything with nothing searchable in it (``*``, ``-``, ``""``, ``''``) is dropped; text with
  nothing searchable left, or only exclusions, finds nothing

Snippets mark the matched words with two private-use characters, ``MARK_START`` and
``MARK_END``; they are removed from everything indexed, so in a snippet they only ever
come from the match.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, cast

import peewee

from informa.domain.model import Contact, SearchHit
from informa.store import models as m
from informa.store.base import Service, raw_cursor, reads

MAX_HITS = 20
MARK_START = "\ue000"
MARK_END = "\ue001"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
TITLE_WEIGHT = 3.0
"""bm25 weight of the title (a name) against the body: a name found beats a mention."""

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
_OPERATORS = frozenset({"AND", "OR", "NOT"})


def unmarked(text: str) -> str:
    """``text`` as indexed: without the snippet markers, NUL as a space (SQLite's snippet()
    ends its text at a NUL). Everything indexed goes through this, an autosave's 20 KB note
    included: three ``str.replace`` take a tenth of what ``str.translate`` takes."""
    return text.replace(MARK_START, "").replace(MARK_END, "").replace("\x00", " ")


# -- the query builder -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return f"{quoted} *" if self.prefix else quoted


def _searchable(text: str) -> bool:
    """Whether the index's tokenizer (unicode61: letters, digits, private use) finds a word in
    ``text``. A term without one would be an empty phrase, which matches nothing."""
    import unicodedata  # a searching user's: not every start-up's (its table is 0.8 MiB)

    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LN" or category == "Co":
            return True
    return False


def _lex(text: str) -> list[_Term | str]:
    """Words and phrases, and the words ``AND`` / ``OR`` / ``NOT`` as strings."""
    items: list[_Term | str] = []
    i, end = 0, len(text)
    while i < end:
        if text[i].isspace():
            i += 1
            continue
        negated = text.startswith('-"', i)
        if negated or text[i] == '"':
            i += 2 if negated else 1
            close = text.find('"', i)
            if close < 0:
                close = end  # an unbalanced quote: the phrase runs to the end
            phrase, i = text[i:close], close + 1
            prefix = text.startswith("*", i)
            while text.startswith("*", i):
                i += 1
            if _searchable(phrase):
                items.append(_Term(phrase, prefix=prefix, negated=negated))
            continue
        start = i
        while i < end and not text[i].isspace() and text[i] != '"':
            i += 1
        word = text[start:i]
        if word in _OPERATORS:
            items.append(word)
            continue
        negated = word.startswith("-")
        prefix = word.endswith("*")
        word = word.lstrip("-").strip("*")
        if _searchable(word):
            items.append(_Term(word, prefix=prefix, negated=negated))
    return items


def _joined(items: list[_Term | str]) -> list[tuple[str, _Term]]:
    """Each term with how it joins what comes before (``AND``, ``OR`` or ``NOT``). An
    operator word that does not stand between two terms is a word to search for."""
    joined: list[tuple[str, _Term]] = []
    joiner = "AND"
    for index, item in enumerate(items):
        if isinstance(item, str):
            following = items[index + 1] if index + 1 < len(items) else None
            if joined and isinstance(following, _Term):
                joiner = item
                continue
            item = _Term(item)
        joined.append((joiner, item))
        joiner = "AND"
    return joined[:MAX_TERMS]


def build_query(text: str) -> str | None:
    """An FTS5 MATCH expression for search-box ``text``, or ``None`` if it has nothing to
    search for. Never raises, and what it returns is never an FTS5 syntax error."""
    groups: list[list[_Term]] = []  # every group must match: one of its terms
    excluded: list[_Term] = []
    previous_included = False
    text = unmarked(text[:MAX_QUERY_CHARS]).replace("\0", " ")  # NUL would end the query
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates: not UTF-8
    for joiner, term in _joined(_lex(text)):
        if term.negated or joiner == "NOT":
            excluded.append(term)
            previous_included = False
        elif joiner == "OR" and previous_included:
            groups[-1].append(term)
        else:
            groups.append([term])
            previous_included = True
    if not groups:
        return None  # nothing to look for (exclusions alone cannot be searched)
    query = " AND ".join(
        group[0].fts() if len(group) == 1 else "(" + " OR ".join(t.fts() for t in group) + ")"
        for group in groups
    )
    if excluded:
        query = f"({query})" + "".join(f" NOT {term.fts()}" for term in excluded)
    return query


# -- keeping the index in step (called inside the services' transactions) -------------


def _rowid(kind: str, ref_id: int) -> int:
    return ref_id * 4 + m.SearchIndex.KIND_CODES[kind]


_DELETE = "DELETE FROM search_index WHERE rowid = ?"
_INSERT = "INSERT INTO search_index (rowid, kind, ref_id, title, body) VALUES (?, ?, ?, ?, ?)"


def put(kind: str, ref_id: int, title: str, body: str) -> None:
    """Index (or re-index) one record. Called inside the caller's transaction, with fixed
    SQL (prepared once per connection: every autosave of a call's notes comes here)."""
    rowid = _rowid(kind, ref_id)
    cursor = raw_cursor()
    cursor.execute(_DELETE, (rowid,))
    cursor.execute(_INSERT, (rowid, kind, ref_id, unmarked(title), unmarked(body)))


def put_many(entries: Iterable[tuple[str, int, str, str]], *, fresh: bool = False) -> None:
    """Index many ``(kind, ref_id, title, body)`` records at once (an import): the same as
    ``put`` for each, in two statements.

    ``fresh``: the records are new (ids past the last of their kind), so most likely not in
    the index yet: rather than a ``DELETE`` for each, one look at the index over their span
    of rowids per kind finds any that are, and only those are deleted first."""
    rows = sorted(
        (
            (_rowid(kind, ref_id), kind, ref_id, unmarked(title), unmarked(body))
            for kind, ref_id, title, body in entries
        ),
        key=itemgetter(0),
    )  # in rowid order: FTS5 flushes its pending terms to a new segment whenever a rowid is
    # not past the last one written, which an import's order (a company, its person, the next
    # company...) did at nearly every row: four times the time for 12,000 rows
    cursor = raw_cursor()
    stale = [row[:1] for row in rows] if not fresh else _indexed(cursor, rows)
    cursor.executemany(_DELETE, stale)
    cursor.executemany(_INSERT, rows)


def _indexed(
    cursor: sqlite3.Cursor, rows: list[tuple[int, str, int, str, str]]
) -> list[tuple[int]]:
    """The rowids of ``rows`` already in the index: one query per kind over the span of its
    rowids (the other kinds' rows in that span are read and passed over: for an import's
    10,000 new contacts and 2,600 new companies, a few milliseconds against the twenty
    that a ``DELETE`` for each takes)."""
    spans: dict[str, list[int]] = {}
    for rowid, kind, *_ in rows:
        spans.setdefault(kind, []).append(rowid)
    found: list[tuple[int]] = []
    for rowids in spans.values():
        wanted = set(rowids)
        found.extend(
            (rowid,)
            for (rowid,) in cursor.execute(
                "SELECT rowid FROM search_index WHERE rowid BETWEEN ? AND ?",
                (min(rowids), max(rowids)),
            )
            if rowid in wanted
        )
    return found


def drop(kind: str, ref_id: int) -> None:
    raw_cursor().execute(_DELETE, (_rowid(kind, ref_id),))


def _indexed_title(kind: str, ref_id: int) -> str | None:
    row = (
        m.SearchIndex.select(m.SearchIndex.title)
        .where(m.SearchIndex.rowid == _rowid(kind, ref_id))
        .tuples()
        .first()
    )
    return None if row is None else str(row[0])


def _contact_body(
    role: str, company_name: str, email: str, location: str, tags: tuple[str, ...], notes: str
) -> str:
    parts = (role, company_name, email, location, " ".join(tags), notes)
    return "\n".join(part for part in parts if part)


def index_contact(contact: Contact) -> None:
    """Index a contact; a new name is also the title of their interviews' notes."""
    renamed = _indexed_title("contact", contact.id) != unmarked(contact.name)
    body = _contact_body(
        contact.role,
        contact.company_name,
        contact.email,
        contact.location,
        contact.tags,
        contact.notes,
    )
    put("contact", contact.id, contact.name, body)
    if renamed:
        interviews = m.Interview.select(m.Interview.id).where(m.Interview.contact == contact.id)
        for (interview_id,) in cast(Any, interviews.tuples()):
            m.SearchIndex.update(title=unmarked(contact.name)).where(
                m.SearchIndex.rowid == _rowid("interview", interview_id)
            ).execute()


def index_company(row: m.Company) -> None:
    """Index a company; a new name is also in the index entries of the people there."""
    renamed = _indexed_title("company", row.id) != unmarked(row.name)
    put("company", row.id, row.name, "\n".join(p for p in (row.industry, row.research) if p))
    if renamed:
        for person in m.Contact.select().where(m.Contact.company == row.id):
            body = _contact_body(
                person.role, row.name, person.email, person.location, person.tags, person.notes
            )
            put("contact", person.id, person.name, body)


def index_interview(row: m.Interview, contact_name: str) -> None:
    put("interview", row.id, contact_name, notes_body(row.notes, row.debrief))


def notes_body(notes: str, debrief: str) -> str:
    """What is indexed of a call: its notes and, under them, its debrief (the reflection
    written after it)."""
    return f"{notes}\n\n{debrief}" if debrief.strip() else notes


# -- searching -------------------------------------------------------------------------


class SearchService(Service):
    @reads
    def search(self, text: str, limit: int = MAX_HITS) -> list[SearchHit]:
        """The best matches for search-box ``text`` (see the module's grammar), best first
        (bm25), each with a one-line snippet of its body, matches between ``MARK_START`` and
        ``MARK_END``. Any text is accepted: what cannot be searched finds nothing."""
        query = build_query(text)
        if query is None or limit < 1:
            return []
        index = m.SearchIndex
        snippet = index.body.snippet(MARK_START, MARK_END, ELLIPSIS, SNIPPET_TOKENS)
        rows = (
            index.select(index.kind, index.ref_id, index.title, snippet)
            .where(index.match(query))
            # bm25 weighs every column, the unindexed kind and ref_id included.
            .order_by(index.bm25(0.0, 0.0, TITLE_WEIGHT, 1.0), index.rowid)
            .limit(limit)
            .tuples()
        )
        try:
            found = list(cast(Any, rows))
        except peewee.OperationalError as exc:
            if "fts5" in str(exc):  # build_query makes none; if one slipped by, find nothing
                return []
            raise
        return [
            SearchHit(str(kind), int(ref_id), str(title), " ".join(str(snip or "").split()))
            for kind, ref_id, title, snip in found
        ]
