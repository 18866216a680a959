"""The user's library: question banks and message templates, bundled and their own.

The app needs none of it for its first screen, so it is read off the start-up path: the
factory hands the app a :class:`Later`. When the user has banks or templates of their own,
it is loaded in a thread once the pipeline is on screen, so that a problem in their files is
reported at once; otherwise on first use (preparing a call, an outreach). Anything that
asks for it while the thread reads it waits for it. Reading YAML is most of what it costs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from informa.paths import BANKS_DIRNAME, TEMPLATES_DIRNAME, bundled_banks_dir

if TYPE_CHECKING:
    from informa.domain.banks import BankSet
    from informa.domain.errors import Problem
    from informa.templates import TemplateSet

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Library:
    """Banks and templates in effect, with the problems met reading them."""

    banks: BankSet
    templates: TemplateSet
    thank_you_templates: TemplateSet

    @property
    def problems(self) -> tuple[Problem, ...]:
        return (
            *self.banks.problems,
            *self.templates.problems,
            *self.thank_you_templates.problems,
        )


def has_own_files(config_dir: Path) -> bool:
    """Whether the user keeps banks or templates of their own (whose problems the app reports
    as it starts); the bundled ones are checked by the tests, so without any the library can
    wait until a screen needs it."""
    return any((config_dir / name).exists() for name in (BANKS_DIRNAME, TEMPLATES_DIRNAME))


def load_library(config_dir: Path) -> Library:
    """Read the bundled banks and templates and the user's own from ``config_dir``."""
    from informa.banks import load_banks
    from informa.templates import bundled_templates_dir, load_templates, load_thank_you_templates

    templates_dir = config_dir / TEMPLATES_DIRNAME
    return Library(
        banks=load_banks(bundled_banks_dir(), config_dir / BANKS_DIRNAME),
        templates=load_templates(bundled_templates_dir(), templates_dir),
        thank_you_templates=load_thank_you_templates(bundled_templates_dir(), templates_dir),
    )


class Later(Generic[T]):
    """A value computed once, on whichever thread asks for it first; the others wait.

    An exception from the computation is raised to every caller of :meth:`get`.
    """

    def __init__(self, compute: Callable[[], T]) -> None:
        self._compute = compute
        self._lock = threading.Lock()
        self._finished = False
        self._value: T | None = None
        self._error: BaseException | None = None

    @property
    def done(self) -> bool:
        return self._finished

    def peek(self) -> T | None:
        """The value if it has been computed without an error, else ``None`` (never waits,
        never computes)."""
        return self._value if self._finished and self._error is None else None

    def get(self) -> T:
        if not self._finished:
            with self._lock:
                if not self._finished:  # another thread may have finished while we waited
                    try:
                        self._value = self._compute()
                    except BaseException as exc:
                        self._error = exc
                    self._finished = True
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]
