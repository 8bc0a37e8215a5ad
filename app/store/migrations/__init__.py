"""Alembic migrations, shipped inside the package. Run through app.store.migrate, never an alembic.ini."""
