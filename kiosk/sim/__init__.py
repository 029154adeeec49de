"""A faithful, stateful local simulator of the voucher server APIs (demo mode and tests)."""
