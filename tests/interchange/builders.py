"""Snapshots built directly, for exporters tested without a database (contacts:
``tests.builders.make_contact``)."""

from __future__ import annotations

from collections.abc import Iterable

from informa.domain.model import Contact, Interview, PitchCard
from informa.domain.records import Snapshot


def snapshot_of(*contacts: Contact, interviews: Iterable[Interview] = ()) -> Snapshot:
    return Snapshot((), contacts, tuple(interviews), (), PitchCard())
