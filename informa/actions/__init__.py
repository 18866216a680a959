"""Use cases: one function (or small class) per thing the user means to do.

The screens and the command line call these; these call the store, the interchange formats,
the banks and the templates, and return domain values. Nothing here knows of Textual or
click, and nothing here opens a window or prints: a caller shows what comes back.
"""
