"""Persistence: SQLAlchemy tables and repositories (SQLite WAL by default, Postgres by URL)."""
