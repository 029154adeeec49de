"""One adapter per voucher server API, all behind ``kiosk.domain.backend.VoucherBackend``."""
