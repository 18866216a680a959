"""peewee models. Only the store's services use them; they never leave ``informa.store``.

The schema itself is created by the numbered migrations in ``migrations/``; a test checks
that these models and the migrated schema agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from peewee import (
    AutoField,
    BooleanField,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelSelect,
    SqliteDatabase,
    TextField,
)
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from informa.store.fields import AwareDateTimeField, TagsField


class _Database(SqliteDatabase):
    """peewee's SQLite database, whose connections know which ``init`` they belong to.

    Connections are per thread. ``init`` (opening another file) closes only the calling
    thread's; a pooled thread (``asyncio.to_thread``) would otherwise go on using its
    connection to the file opened before. ``drop_stale`` closes such a connection, and the
    next statement connects to the file now in use."""

    generation = 0

    def init(
        self,
        database: str | None,
        pragmas: Any = None,
        timeout: int = 5,
        returning_clause: Any = None,
        **kwargs: Any,
    ) -> None:
        super().init(database, pragmas, timeout, returning_clause, **kwargs)
        self.generation += 1

    def connect(self, reuse_if_open: bool = False) -> bool:
        opened = bool(super().connect(reuse_if_open))
        if opened:  # a connection reused as it is keeps the generation it was opened in
            cast(Any, self)._state.generation = self.generation  # peewee's per-thread state
        return opened

    def drop_stale(self) -> None:
        state = cast(Any, self)._state
        if not self.is_closed() and getattr(state, "generation", None) != self.generation:
            self.close()


database = _Database(None)
"""Deferred: nothing opens a file at import time. ``informa.store.db.open_database`` inits it."""


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Company(BaseModel):
    id = AutoField()
    name = TextField()
    name_key = TextField(unique=True)
    """The name case-folded (Unicode-aware, unlike SQLite's NOCASE): unique per company."""
    industry = TextField(default="")
    website = TextField(default="")
    research = TextField(default="")
    created_at = AwareDateTimeField()
    updated_at = AwareDateTimeField()


class Contact(BaseModel):
    id = AutoField()
    name = TextField()
    name_key = TextField(index=True)
    role = TextField(default="")
    company = ForeignKeyField(Company, null=True, on_delete="SET NULL", backref="contacts")
    email = TextField(default="")
    linkedin_url = TextField(default="")
    location = TextField(default="")
    source = TextField(default="other")
    referred_by = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="referrals")
    stage = TextField(default="prospect")
    tags = TagsField(default="[]")
    notes = TextField(default="")
    next_action = TextField(default="")
    next_action_due = DateField(null=True)
    last_interaction_at = AwareDateTimeField(null=True)
    check_in_weeks = IntegerField(null=True)
    archived = BooleanField(default=False)
    created_at = AwareDateTimeField()
    updated_at = AwareDateTimeField()

    if TYPE_CHECKING:  # peewee's foreign-key id accessors, which its stubs do not declare
        company_id: int | None
        referred_by_id: int | None


class Interview(BaseModel):
    id = AutoField()
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="interviews")
    status = TextField(default="planned")
    scheduled_at = AwareDateTimeField(null=True)
    started_at = AwareDateTimeField(null=True)
    ended_at = AwareDateTimeField(null=True)
    target_minutes = IntegerField(default=25)
    link = TextField(default="")
    recording_consent = TextField(default="not_asked")
    notes = TextField(default="")
    notes_revision = IntegerField(default=0)
    thank_you_sent_at = AwareDateTimeField(null=True)
    paused_seconds = IntegerField(default=0)
    paused_at = AwareDateTimeField(null=True)
    debrief = TextField(default="")
    prep_done = TextField(default="")
    """Ids of the pre-call checklist items ticked, space-separated."""
    created_at = AwareDateTimeField()
    updated_at = AwareDateTimeField()

    if TYPE_CHECKING:
        contact_id: int
        questions: ModelSelect[PlannedQuestion]


class PlannedQuestion(BaseModel):
    id = AutoField()
    interview = ForeignKeyField(Interview, on_delete="CASCADE", backref="questions")
    question_ref = TextField(default="")
    topic = TextField(default="")
    text = TextField()
    position = IntegerField()
    asked_at = AwareDateTimeField(null=True)
    skipped = BooleanField(default=False)

    if TYPE_CHECKING:
        interview_id: int


class Activity(BaseModel):
    id = AutoField()
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="activities")
    kind = TextField()
    at = AwareDateTimeField()
    detail = TextField(default="")

    if TYPE_CHECKING:
        contact_id: int


class Profile(BaseModel):
    """The user's pitch card: one row (id 1), created by migration 0002."""

    id = AutoField()
    background = TextField(default="")
    goals = TextField(default="")
    skills = TextField(default="")
    updated_at = AwareDateTimeField(null=True)


class Snooze(BaseModel):
    """An agenda item put off until a day (by the item's stable key)."""

    item_key = TextField(primary_key=True)
    until = DateField()


class SearchIndex(FTS5Model):  # type: ignore[misc]
    """Full-text index over contacts, companies and interview notes.

    The rowid encodes what a row indexes (``ref_id * 4 + kind code``) so that keeping the
    index in step is a delete and an insert by primary key, never a scan.
    """

    rowid = RowIDField()
    kind = SearchField(unindexed=True)
    ref_id = SearchField(unindexed=True)
    title = SearchField()
    body = SearchField()

    KIND_CODES: ClassVar[dict[str, int]] = {"contact": 1, "company": 2, "interview": 3}

    class Meta:
        database = database
        table_name = "search_index"
        options: ClassVar[dict[str, Any]] = {"tokenize": "porter unicode61"}


MODELS: tuple[type[Model], ...] = (
    Company,
    Contact,
    Interview,
    PlannedQuestion,
    Activity,
    Profile,
)
