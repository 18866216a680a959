"""Numbered schema migrations, applied in order by ``playhouse.migrations``.

Each file is ``NNNN_name.py`` with an ``up(migrator, db)`` function. Never edit a migration
that has shipped: add a new one. Schema DDL is written out in SQL so that a migration stays
exactly what it was, whatever the models later become.
"""
