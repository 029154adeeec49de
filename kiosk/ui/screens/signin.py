"""First run and sign-in: the platform, server, then VoucherCart's staff email, password and
shop (domain), or the shop's API key / user and password on the key-based platforms and the
staff member's name; the kiosk name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.qt.runner import Runner
from kiosk.domain.errors import LoginFailed
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import set_role
from kiosk.ui.texts import error_text

# (name, title, server example): the platforms of kiosk.backends.registry, in menu order.
PLATFORMS = (
    ("vouchercart", "VoucherCart", "https://api.vouchercart.com/v1"),
    ("vouchers-api", "Vouchers API", "https://api.voucher.com/v1"),
    ("vauchar", "Vauchar", "https://api.vauchar.com"),
    ("shopwired", "ShopWired", "https://api.ecommerceapi.uk/v1"),
)


def _signin() -> Any:
    """``kiosk.app.signin``, imported by the worker thread that calls it (httpx, keyring: a
    few hundred milliseconds the UI thread must not wait for)."""
    from kiosk.app import signin  # noqa: PLC0415

    return signin


class SignInScreen(Screen):
    """Asks who is at the till; signs in off the UI thread and emits ``signed_in``."""

    signed_in = Signal(object, str)  # the signin.Account, the kiosk name typed

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.demo_url: str | None = None
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.platform_box = QComboBox(self)
        for name, title, _example in PLATFORMS:
            self.platform_box.addItem(title, name)
        self.staff_field = QLineEdit(self)
        self.server_field = QLineEdit(self)
        self.demo_button = QPushButton(self)
        self.demo_button.hide()
        self.email_field = QLineEdit(self)
        self.password_field = QLineEdit(self)
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.domain_box = QComboBox(self)
        self.domain_box.setEditable(True)
        self.find_button = QPushButton(self)
        for inline in (self.demo_button, self.find_button):
            set_role(inline, "inline")
        self.kiosk_field = QLineEdit(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()  # no room kept for it: the form must fit 1024x600
        self.sign_in_button = QPushButton(self)
        set_role(self.sign_in_button, "primary")

        server_row = QHBoxLayout()
        server_row.addWidget(self.server_field, 1)
        server_row.addWidget(self.demo_button)
        domain_row = QHBoxLayout()
        domain_row.addWidget(self.domain_box, 1)
        domain_row.addWidget(self.find_button)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(6)
        self.labels = [QLabel(self) for _ in range(7)]
        self.form.addRow(self.labels[5], self.platform_box)
        self.form.addRow(self.labels[0], server_row)
        self.form.addRow(self.labels[1], self.email_field)
        self.form.addRow(self.labels[2], self.password_field)
        self.form.addRow(self.labels[3], domain_row)
        self.form.addRow(self.labels[6], self.staff_field)
        self.form.addRow(self.labels[4], self.kiosk_field)
        box = QVBoxLayout(self)
        box.setContentsMargins(60, 12, 60, 12)
        box.setSpacing(6)
        box.addWidget(self.title)
        box.addLayout(self.form)
        box.addWidget(self.error_label)
        box.addWidget(self.sign_in_button)
        box.addStretch(1)

        self.demo_button.clicked.connect(self._use_demo)
        self.find_button.clicked.connect(self.find_domains)
        self.sign_in_button.clicked.connect(self.submit)
        # Return in a field goes on to the next one still empty, or signs in once none is.
        for field in (self.server_field, self.email_field, self.password_field,
                      self.staff_field, self.kiosk_field):
            field.returnPressed.connect(self._return_pressed)
        domain_line = self.domain_box.lineEdit()
        if domain_line is not None:
            domain_line.returnPressed.connect(self._return_pressed)
        self.platform_box.currentIndexChanged.connect(self.retranslate)
        self.retranslate()

    @property
    def platform(self) -> str:
        """The chosen platform's name (``vouchercart``, ``vouchers-api``, …)."""
        return str(self.platform_box.currentData() or "vouchercart")

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Sign in to this till"))
        platform = self.platform
        user, secret = {
            "vouchercart": (self.tr("Staff email"), self.tr("Password")),
            "vouchers-api": ("", self.tr("API key")),
            "vauchar": (self.tr("Merchant id"), self.tr("API key")),
            "shopwired": (self.tr("API key"), self.tr("API secret")),
        }[platform]
        labels = [self.tr("Server"), user, secret, self.tr("Shop"), self.tr("Kiosk name"),
                  self.tr("Platform"), self.tr("Your name")]
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        keyed = platform != "vouchercart"
        self.form.setRowVisible(self.email_field, platform != "vouchers-api")
        self.form.setRowVisible(self.labels[3], not keyed)
        self.form.setRowVisible(self.staff_field, keyed)
        self.server_field.setPlaceholderText(
            next(example for name, _title, example in PLATFORMS if name == platform))
        self.demo_button.setText(self.tr("Demo shop"))
        self.email_field.setPlaceholderText(
            "" if keyed else self.tr("name@shop.example"))
        self.staff_field.setPlaceholderText(self.tr("who works this till"))
        self.find_button.setText(self.tr("Find my shops"))
        self.kiosk_field.setPlaceholderText(self.tr("e.g. Front till"))
        self.sign_in_button.setText(self.tr("Sign in"))

    def _required(self) -> list[QWidget]:
        """The fields signing in needs on the chosen platform, in the form's order."""
        if self.platform == "vouchercart":
            return [self.server_field, self.email_field, self.password_field, self.domain_box]
        user = [self.email_field] if self.platform != "vouchers-api" else []
        return [self.server_field, *user, self.password_field, self.staff_field]

    def _first_empty(self) -> QWidget | None:
        for field in self._required():
            text = field.currentText() if isinstance(field, QComboBox) else \
                field.text() if isinstance(field, QLineEdit) else ""
            if not text.strip():
                return field
        return None

    def focus_target(self) -> QWidget:
        """The first field still empty (the sign-in button once all are filled)."""
        return self._first_empty() or self.sign_in_button

    def _return_pressed(self) -> None:
        empty = self._first_empty()
        if empty is None:
            self.submit()
        else:
            empty.setFocus()

    def prefill(self, *, server: str = "", email: str = "", password: str = "",
                domain: str = "", kiosk_name: str = "", demo_url: str | None = None) -> None:
        """Fill the fields (demo mode, or the last account)."""
        self.demo_url = demo_url
        self.demo_button.setVisible(demo_url is not None)
        self.server_field.setText(server)
        self.email_field.setText(email)
        self.password_field.setText(password)
        self.domain_box.setEditText(domain)
        self.kiosk_field.setText(kiosk_name)

    def _use_demo(self) -> None:
        if self.demo_url:
            self.server_field.setText(self.demo_url)

    def _busy(self, busy: bool) -> None:
        for widget in (self.sign_in_button, self.find_button):
            widget.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """Show why signing in did not work."""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def find_domains(self) -> None:
        """Fill the shop list with the domains this email may use."""
        server, email = self.server_field.text().strip(), self.email_field.text().strip()
        if not server or not email:
            self.show_error(self.tr("Enter the server and your email first."))
            return
        self._busy(True)
        self.show_error("")
        self.runner.run(lambda: _signin().list_domains(server, email),
                        success=self._domains_found, failure=self._failed)

    def _domains_found(self, domains: list[Any]) -> None:
        self._busy(False)
        self.domain_box.clear()
        for domain in domains:
            self.domain_box.addItem(str(getattr(domain, "name", domain)),
                                    getattr(domain, "id", None))
        if not domains:
            self.show_error(self.tr("No shops found for this email."))

    def submit(self) -> None:
        """Sign in with the fields as typed."""
        server = self.server_field.text().strip()
        email = self.email_field.text().strip()
        password = self.password_field.text()
        domain = self.domain_box.currentText().strip()
        kiosk_name = self.kiosk_field.text().strip()
        if self.platform != "vouchercart":
            self._submit_keyed(server, email, password, kiosk_name)
            return
        if not (server and email and password and domain):
            self.show_error(self.tr("Fill in the server, email, password and shop."))
            return
        self._busy(True)
        self.show_error("")
        self.runner.run(
            lambda: _signin().sign_in(server, email, password, domain, password_check=False),
            success=lambda account: self._signed_in(account, password, kiosk_name),
            failure=self._sign_in_failed,
        )

    def _signed_in(self, account: Any, password: str, kiosk_name: str) -> None:
        self._done(account, kiosk_name)  # opening the till starts first
        self.keep_password_check(account.email, password)

    def keep_password_check(self, email: str, password: str) -> None:
        """Keep the offline password check of a sign-in (a deliberately slow hash) on a
        worker of its own, beside opening the till instead of before it: the scan screen
        does not wait for it."""
        from kiosk.ui.opening import keep_password_check  # noqa: PLC0415 - the same job

        keep_password_check(self.runner, email, password)

    def _submit_keyed(self, server: str, user: str, secret: str, kiosk_name: str) -> None:
        """Vouchers API, Vauchar, ShopWired: the shop's credentials and the staff's name."""
        platform, staff = self.platform, self.staff_field.text().strip()
        needs_user = platform != "vouchers-api"
        if not (server and secret and staff and (user or not needs_user)):
            self.show_error(self.tr("Fill in every field."))
            return
        credentials = {"api_key": secret} if not needs_user else \
            {"username": user, "password": secret}
        self._busy(True)
        self.show_error("")
        self.runner.run(
            lambda: _signin().sign_in_platform(platform, server, credentials, staff=staff),
            success=lambda account: self._done(account, kiosk_name),
            failure=self._keyed_failed,
        )

    def _keyed_failed(self, error: BaseException) -> None:
        self._sign_in_failed(error)
        if isinstance(error, LoginFailed):
            self.show_error(self.tr("The server refused the shop's credentials: check them "
                                    "and the platform."))

    def _done(self, account: object, kiosk_name: str) -> None:
        self._busy(False)
        self.password_field.clear()
        self.signed_in.emit(account, kiosk_name)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.show_error(error_text(error))

    def sign_in_failed(self, error: BaseException) -> None:
        """Say why signing in did not work; back to the password, empty."""
        self._sign_in_failed(error)

    def _sign_in_failed(self, error: BaseException) -> None:
        # Back to the password, empty: retyping it must never land in another field.
        self._failed(error)
        self.password_field.clear()
        self.password_field.setFocus()
