"""The initial schema: companies, contacts, interviews, planned questions, activities, search."""

from typing import Any

STATEMENTS = [
    """
    CREATE TABLE company (
        id INTEGER NOT NULL PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        industry TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        research TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX company_name_key ON company (name_key)",
    """
    CREATE TABLE contact (
        id INTEGER NOT NULL PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        company_id INTEGER REFERENCES company (id) ON DELETE SET NULL,
        email TEXT NOT NULL DEFAULT '',
        linkedin_url TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'other',
        referred_by_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
        stage TEXT NOT NULL DEFAULT 'prospect',
        tags TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        next_action TEXT NOT NULL DEFAULT '',
        next_action_due DATE,
        last_interaction_at TEXT,
        check_in_weeks INTEGER,
        archived INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX contact_stage ON contact (archived, stage)",
    "CREATE INDEX contact_name_key ON contact (name_key)",
    "CREATE INDEX contact_company_id ON contact (company_id)",
    "CREATE INDEX contact_referred_by_id ON contact (referred_by_id)",
    "CREATE INDEX contact_next_action_due ON contact (next_action_due)",
    """
    CREATE TABLE interview (
        id INTEGER NOT NULL PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'planned',
        scheduled_at TEXT,
        started_at TEXT,
        ended_at TEXT,
        target_minutes INTEGER NOT NULL DEFAULT 25,
        link TEXT NOT NULL DEFAULT '',
        recording_consent TEXT NOT NULL DEFAULT 'not_asked',
        notes TEXT NOT NULL DEFAULT '',
        notes_revision INTEGER NOT NULL DEFAULT 0,
        thank_you_sent_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX interview_contact_id ON interview (contact_id)",
    "CREATE INDEX interview_scheduled_at ON interview (scheduled_at)",
    """
    CREATE TABLE planned_question (
        id INTEGER NOT NULL PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
        question_ref TEXT NOT NULL DEFAULT '',
        topic TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        asked_at TEXT,
        skipped INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX planned_question_interview_id ON planned_question (interview_id, position)",
    "CREATE INDEX planned_question_question_ref ON planned_question (question_ref)",
    """
    CREATE TABLE activity (
        id INTEGER NOT NULL PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX activity_contact_id ON activity (contact_id, at)",
    "CREATE INDEX activity_at ON activity (at)",
    """
    CREATE VIRTUAL TABLE search_index USING fts5 (
        kind UNINDEXED, ref_id UNINDEXED, title, body, tokenize = 'porter unicode61'
    )
    """,
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
