"""One adapter per voucher server API, all behind ``kiosk.domain.backend.VoucherBackend``."""

import sys

# httpx imports its command-line tool (click and rich, ~60 ms of start-up) whenever those
# happen to be installed; the kiosk never runs it. A ``None`` entry makes that optional import
# fail as if they were missing (httpx then defines a stub ``main``). Every httpx import of the
# kiosk is under this package, so this runs first.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
