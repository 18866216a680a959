"""The open database as the UI holds it.

The app is handed a ``Store`` by ``informa.factory`` and passes it to the actions. A screen
may call one of its services for a single read or write (each service method is one
transaction); anything that takes more than one call, or reads or writes a file, is an
action. The UI names the type from here, never from ``informa.store``.
"""

from informa.store import Store

__all__ = ["Store"]
