"""The agenda: items the user has put off until a later day."""

from typing import Any

STATEMENTS = [
    """
    CREATE TABLE snooze (
        item_key TEXT NOT NULL PRIMARY KEY,
        until TEXT NOT NULL
    )
    """,
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
