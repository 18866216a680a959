"""An index for a stage's contacts in name order: switching the pipeline to a stage of
thousands reads that stage's rows already sorted instead of the whole table by name."""

from typing import Any

STATEMENTS = [
    "CREATE INDEX contact_stage_name_key ON contact (stage, name_key, id)",
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
