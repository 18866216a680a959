"""informa: a keyboard-driven terminal workspace for informational interviews."""

__version__ = "0.1.0"
