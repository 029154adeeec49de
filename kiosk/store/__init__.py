"""Local storage: SQLite (WAL) via sqlite-utils."""
