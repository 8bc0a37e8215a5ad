"""Domain types shared by services, store and UI (pydantic models at the boundaries)."""
