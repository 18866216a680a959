"""Counting words agree with their number: "1 company", "2 companies"."""

from __future__ import annotations

import pytest

from informa.domain.agenda import agenda_title
from informa.domain.wording import counted


@pytest.mark.parametrize(
    ("count", "thing", "shown"),
    [
        (1, "company", "1 company"),
        (2, "company", "2 companies"),
        (0, "item", "0 items"),
        (1, "item", "1 item"),
        (1, "person", "1 person"),
        (3, "person", "3 people"),
        (2, "industry", "2 industries"),
        (1, "day", "1 day"),
    ],
)
def test_counted_agrees_with_the_number(count: int, thing: str, shown: str) -> None:
    assert counted(count, thing) == shown


def test_the_agenda_title_says_how_far_ahead_it_lists() -> None:
    assert agenda_title(0) == "Overdue and due today"
    assert agenda_title(1) == "Overdue, today and tomorrow"
    assert agenda_title(2) == "Overdue, today and the next 2 days"
    assert agenda_title(7) == "Overdue, today and the next 7 days"
