"""Companies: created on the fly from a contact form, researched before a call."""

from __future__ import annotations

from datetime import datetime

from informa.domain import model as d
from informa.domain.errors import NotFoundError, ValidationError
from informa.domain.validate import MAX_TEXT, check_company, clean_line, name_key
from informa.store import convert, search
from informa.store import models as m
from informa.store.base import Service, reads, writes


def find_row(name: str) -> m.Company | None:
    """Case-insensitive lookup by name."""
    key = name_key(name)
    return m.Company.get_or_none(m.Company.name_key == key) if key else None


def get_or_create_row(name: str, now_: datetime) -> m.Company | None:
    cleaned = clean_line(name)
    if not cleaned:
        return None
    row = find_row(cleaned)
    if row is None:
        row = m.Company.create(
            name=cleaned, name_key=name_key(cleaned), created_at=now_, updated_at=now_
        )
        search.index_company(row)
    return row


class CompanyService(Service):
    @writes
    def create(self, draft: d.CompanyDraft) -> d.Company:
        draft = check_company(draft)
        if find_row(draft.name) is not None:
            raise ValidationError(f"a company named '{draft.name}' already exists", field="name")
        now = self.now()
        row = m.Company.create(
            name=draft.name,
            name_key=name_key(draft.name),
            industry=draft.industry,
            website=draft.website,
            research=draft.research,
            created_at=now,
            updated_at=now,
        )
        search.index_company(row)
        return convert.company(row)

    @writes
    def update(self, company_id: int, draft: d.CompanyDraft) -> d.Company:
        draft = check_company(draft)
        row = self._row(company_id)
        clash = find_row(draft.name)
        if clash is not None and clash.id != company_id:
            raise ValidationError(f"a company named '{draft.name}' already exists", field="name")
        row.name, row.name_key = draft.name, name_key(draft.name)
        row.industry, row.website = draft.industry, draft.website
        row.research, row.updated_at = draft.research, self.now()
        row.save()
        search.index_company(row)
        return convert.company(row)

    @writes
    def set_research(self, company_id: int, research: str) -> d.Company:
        row = self._row(company_id)
        row.research, row.updated_at = research[:MAX_TEXT], self.now()
        row.save(only=[m.Company.research, m.Company.updated_at])
        search.index_company(row)
        return convert.company(row)

    @reads
    def get(self, company_id: int) -> d.Company:
        return convert.company(self._row(company_id))

    @reads
    def find(self, name: str) -> d.Company | None:
        row = find_row(name)
        return convert.company(row) if row is not None else None

    @reads
    def all(self) -> list[d.Company]:
        return [convert.company(row) for row in m.Company.select().order_by(m.Company.name)]

    @staticmethod
    def _row(company_id: int) -> m.Company:
        row = m.Company.get_or_none(m.Company.id == company_id)
        if row is None:
            raise NotFoundError(f"company {company_id} does not exist")
        return row
