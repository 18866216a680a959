"""The startup baseline: a bare Textual app that mounts one Static and nothing else."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

READY = "bare static: ready"


class BareStatic(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(READY)


if __name__ == "__main__":
    BareStatic().run()
