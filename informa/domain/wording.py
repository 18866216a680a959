"""Small wording rules shared by the app and the command line."""

from __future__ import annotations

_IRREGULAR = {
    "activity": "activities",
    "company": "companies",
    "industry": "industries",
    "entry": "entries",
    "person": "people",
}


def plural(word: str) -> str:
    """The plural of an English noun informa counts: 'company' → 'companies'."""
    return _IRREGULAR.get(word, word + "s")


def counted(count: int, thing: str, many: str | None = None) -> str:
    """'1 company', '3 companies', '0 items': the number and the noun that agrees with it."""
    return f"{count} {thing if count == 1 else (many or plural(thing))}"
