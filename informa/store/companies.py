"""Companies: created on the fly from a contact form, researched before a call."""

from __future__ import annotations

from datetime import datetime

from peewee import fn

from informa.domain import model as d
from informa.domain.errors import NotFoundError, ValidationError
from informa.domain.validate import check_company, clean_line
from informa.store import convert, search
from informa.store import models as m
from informa.store.base import Service, transaction


def find_row(name: str) -> m.Company | None:
    """Case-insensitive lookup by name."""
    cleaned = clean_line(name)
    return m.Company.get_or_none(fn.lower(m.Company.name) == cleaned.lower()) if cleaned else None


def get_or_create_row(name: str, now_: datetime) -> m.Company | None:
    cleaned = clean_line(name)
    if not cleaned:
        return None
    row = find_row(cleaned)
    if row is None:
        row = m.Company.create(name=cleaned, created_at=now_, updated_at=now_)
        search.index_company(row)
    return row


class CompanyService(Service):
    @transaction
    def create(self, draft: d.CompanyDraft) -> d.Company:
        draft = check_company(draft)
        if find_row(draft.name) is not None:
            raise ValidationError(f"a company named '{draft.name}' already exists", field="name")
        now = self.now()
        row = m.Company.create(
            name=draft.name,
            industry=draft.industry,
            website=draft.website,
            research=draft.research,
            created_at=now,
            updated_at=now,
        )
        search.index_company(row)
        return convert.company(row)

    @transaction
    def update(self, company_id: int, draft: d.CompanyDraft) -> d.Company:
        draft = check_company(draft)
        row = self._row(company_id)
        clash = find_row(draft.name)
        if clash is not None and clash.id != company_id:
            raise ValidationError(f"a company named '{draft.name}' already exists", field="name")
        row.name, row.industry, row.website = draft.name, draft.industry, draft.website
        row.research, row.updated_at = draft.research, self.now()
        row.save()
        search.index_company(row)
        return convert.company(row)

    @transaction
    def get(self, company_id: int) -> d.Company:
        return convert.company(self._row(company_id))

    @transaction
    def find(self, name: str) -> d.Company | None:
        row = find_row(name)
        return convert.company(row) if row is not None else None

    @transaction
    def all(self) -> list[d.Company]:
        return [convert.company(row) for row in m.Company.select().order_by(m.Company.name)]

    @staticmethod
    def _row(company_id: int) -> m.Company:
        row = m.Company.get_or_none(m.Company.id == company_id)
        if row is None:
            raise NotFoundError(f"company {company_id} does not exist")
        return row
