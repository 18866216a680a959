"""Preparing a call: which items of the pre-call checklist are done."""

from typing import Any

STATEMENTS = [
    "ALTER TABLE interview ADD COLUMN prep_done TEXT NOT NULL DEFAULT ''",
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
