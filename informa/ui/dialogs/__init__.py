"""Modal dialogs: plain data in, a frozen result out (``None`` or ``False`` when cancelled).

Dialogs never touch the database; the screen that opens one saves the result through the
services.
"""
