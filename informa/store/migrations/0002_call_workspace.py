"""The live call: pausing the timer, the debrief, and the user's pitch card."""

from typing import Any

STATEMENTS = [
    "ALTER TABLE interview ADD COLUMN paused_seconds INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE interview ADD COLUMN paused_at TEXT",
    "ALTER TABLE interview ADD COLUMN debrief TEXT NOT NULL DEFAULT ''",
    """
    CREATE TABLE profile (
        id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
        background TEXT NOT NULL DEFAULT '',
        goals TEXT NOT NULL DEFAULT '',
        skills TEXT NOT NULL DEFAULT '',
        updated_at TEXT
    )
    """,
    "INSERT INTO profile (id) VALUES (1)",
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
