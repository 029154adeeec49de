"""Outbox replay, connectivity watch, reconciliation, backoff."""
