"""Domain values built directly, for exporters tested without a database."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from informa.domain.model import Contact, Interview, PitchCard, Source, Stage
from informa.domain.records import Snapshot
from tests.interchange.conftest import NOW


def make_contact(contact_id: int = 1, name: str | None = None, **fields: Any) -> Contact:
    """A contact with every field empty but ``fields`` (named "Person N" unless given)."""
    values: dict[str, Any] = {
        "id": contact_id,
        "name": name if name is not None else f"Person {contact_id}",
        "role": "",
        "company_id": None,
        "company_name": "",
        "email": "",
        "linkedin_url": "",
        "location": "",
        "source": Source.OTHER,
        "referred_by_id": None,
        "referred_by_name": "",
        "stage": Stage.PROSPECT,
        "tags": (),
        "notes": "",
        "next_action": "",
        "next_action_due": None,
        "last_interaction_at": None,
        "archived": False,
        "created_at": NOW,
        "updated_at": NOW,
        "check_in_weeks": None,
    }
    values.update(fields)
    return Contact(**values)


def snapshot_of(*contacts: Contact, interviews: Iterable[Interview] = ()) -> Snapshot:
    return Snapshot((), contacts, tuple(interviews), (), PitchCard())
