"""The one builder of test contacts, and the tests' fixed clock.

Tests that need a ``Contact`` without a database build it here, saying only the fields they
are about (``make_contact(2, "Ben", stage=Stage.IN_TOUCH)``); a test file's own defaults (the
same person throughout a file) go in a one-line wrapper that calls this builder.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from informa.domain.model import Contact, Source, Stage

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
"""The tests' "now": a Friday afternoon, in UTC."""


def make_contact(
    id: int = 1, name: str | None = None, *, company: str = "", **fields: Any
) -> Contact:
    """A prospect with every field empty but ``fields``, named "Person N" unless given.

    ``company`` names their company (with a company id, 1 unless ``company_id`` is given);
    ``created_at`` and ``updated_at`` are ``NOW`` unless given (``updated_at`` follows a
    ``created_at`` given alone).
    """
    values: dict[str, Any] = {
        "id": id,
        "name": name if name is not None else f"Person {id}",
        "role": "",
        "company_id": 1 if company else None,
        "company_name": company,
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
        "created_at": fields.get("created_at", NOW),
        "updated_at": fields.get("created_at", NOW),
        "check_in_weeks": None,
    }
    values.update(fields)
    return Contact(**values)
