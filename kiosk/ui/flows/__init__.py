"""One presenter per flow of the signed-in window: scan/card/redeem, queue, settings, manager
gate, lock. Each connects its screens to the session's controller while the session lasts."""
