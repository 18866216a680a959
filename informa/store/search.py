"""The full-text index (FTS5) over contacts, companies and interview notes."""

from __future__ import annotations

from informa.domain.model import Contact, SearchHit
from informa.store import models as m
from informa.store.base import Service, reads

MAX_HITS = 20


def _rowid(kind: str, ref_id: int) -> int:
    return ref_id * 4 + m.SearchIndex.KIND_CODES[kind]


def put(kind: str, ref_id: int, title: str, body: str) -> None:
    """Index (or re-index) one record. Called inside the caller's transaction."""
    rowid = _rowid(kind, ref_id)
    m.SearchIndex.delete().where(m.SearchIndex.rowid == rowid).execute()
    m.SearchIndex.insert(rowid=rowid, kind=kind, ref_id=ref_id, title=title, body=body).execute()


def drop(kind: str, ref_id: int) -> None:
    m.SearchIndex.delete().where(m.SearchIndex.rowid == _rowid(kind, ref_id)).execute()


def index_contact(contact: Contact) -> None:
    parts = (
        contact.role,
        contact.company_name,
        contact.email,
        contact.location,
        " ".join(contact.tags),
        contact.notes,
    )
    put("contact", contact.id, contact.name, "\n".join(part for part in parts if part))


def index_company(row: m.Company) -> None:
    put("company", row.id, row.name, "\n".join(p for p in (row.industry, row.research) if p))


def index_interview(row: m.Interview, contact_name: str) -> None:
    put("interview", row.id, contact_name, row.notes)


class SearchService(Service):
    @reads
    def search(self, text: str, limit: int = MAX_HITS) -> list[SearchHit]:
        """Best matches for search-box text (phrases, OR, -exclusions), with snippets."""
        query = m.SearchIndex.web_query(text)
        if not query:
            return []
        rows = (
            m.SearchIndex.select(
                m.SearchIndex.kind,
                m.SearchIndex.ref_id,
                m.SearchIndex.title,
                m.SearchIndex.body.snippet("[", "]", "…", 12).alias("snip"),
            )
            .where(m.SearchIndex.match(query))
            .order_by(m.SearchIndex.rank())
            .limit(limit)
            .dicts()
        )
        return [
            SearchHit(row["kind"], int(row["ref_id"]), row["title"], row["snip"] or "")
            for row in rows
        ]
