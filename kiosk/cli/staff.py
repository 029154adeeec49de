"""``kiosk staff [list [--all] [--json] | add NAME [--manager] | pin NAME | remove NAME]``:
the till's local staff list (Vouchers API, Vauchar, ShopWired; ``kiosk.app.local_staff``).

A PIN is asked twice with a hidden prompt on a terminal; when standard input is not a
terminal its first line is the PIN (``printf '2468\\n' | kiosk staff add Sam``).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.app.local_staff import LocalStaff, StaffMember


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add ``staff`` and its actions (``kiosk staff`` alone lists)."""
    parser = subparsers.add_parser(
        "staff", parents=[parent], help="the till's local staff list and PINs",
        description="The till's local staff list (Vouchers API, Vauchar, ShopWired: these "
                    "platforms know the shop, not people). Without an action: list. A PIN "
                    "(4-8 digits) is asked twice on a terminal, else read from the first line "
                    "of standard input. Exit 0 done, 1 refused or error.")
    parser.add_argument("--all", action="store_true", default=False,
                        help="list deactivated staff too")
    parser.add_argument("--json", action="store_true", default=False, help="print JSON")
    parser.set_defaults(func=run, action="list")
    actions = parser.add_subparsers(title="actions", metavar="{list,add,pin,remove}")
    listing = actions.add_parser("list", parents=[parent], help="who is on the list")
    listing.add_argument("--all", action="store_true", default=argparse.SUPPRESS,
                         help="deactivated staff too")
    listing.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                         help="print JSON")
    listing.set_defaults(action="list")
    add = actions.add_parser("add", parents=[parent], help="add a member with a new PIN")
    add.add_argument("name", help="their name as it appears on receipts and reports")
    add.add_argument("--manager", action="store_true", help="they may authorise managers' "
                     "actions and keep the staff list")
    add.set_defaults(action="add")
    pin = actions.add_parser("pin", parents=[parent], help="set a new PIN for a member")
    pin.add_argument("name")
    pin.set_defaults(action="pin")
    remove = actions.add_parser(
        "remove", parents=[parent], help="deactivate a member (kept for the history)")
    remove.add_argument("name")
    remove.set_defaults(action="remove")


def read_pin(prompt: str) -> tuple[str, str | None]:
    """The PIN and its confirmation (None when read from a pipe)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt), getpass.getpass("Again: ")
    return sys.stdin.readline().strip(), None


def _member_json(member: StaffMember) -> dict[str, object]:
    return {"id": member.id, "name": member.name, "manager": member.manager,
            "active": member.active}


def run(args: argparse.Namespace) -> int:
    """Do the chosen action."""
    from kiosk import paths  # noqa: PLC0415 - keep `kiosk --help` fast
    from kiosk.app.local_staff import open_local_staff  # noqa: PLC0415
    from kiosk.app.signin import current_account  # noqa: PLC0415
    from kiosk.backends.registry import platform  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    try:
        account = current_account()
        if account is not None and platform(account.backend).capabilities.staff_sign_in:
            print(f"kiosk staff: staff sign in on {platform(account.backend).title} "
                  "itself; manage them there (the till keeps no staff list).",
                  file=sys.stderr)
            return 1
        staff, store = open_local_staff(paths.data_dir())
    except KioskError as exc:
        print(f"kiosk staff: {exc.message}", file=sys.stderr)
        return 1
    try:
        return _act(args, staff)
    except KioskError as exc:
        print(f"kiosk staff: {exc.message}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _act(args: argparse.Namespace, staff: LocalStaff) -> int:
    from kiosk.app.local_staff import LocalStaffError, Problem  # noqa: PLC0415

    if args.action == "list":
        members = staff.members(everyone=args.all)
        if args.json:
            print(json.dumps([_member_json(m) for m in members], indent=2))
        elif not members:
            print("No staff on this till yet: `kiosk staff add NAME --manager` adds the first.")
        for member in members if not args.json else ():
            role = "manager" if member.manager else "staff"
            state = "" if member.active else ", deactivated"
            print(f"{member.name}\t{member.id}\t{role}{state}")
        return 0
    if args.action == "add":
        pin, confirm = read_pin(f"PIN for {args.name.strip()}: ")
        added = staff.add(args.name, pin, manager=args.manager, confirm=confirm)
        print(f"Added {added.name} ({added.id}, {'manager' if added.manager else 'staff'})")
        return 0
    found = staff.by_name(args.name)
    if found is None:
        raise LocalStaffError(Problem.UNKNOWN,
                              f"No active member of staff called {args.name.strip()!r}.")
    if args.action == "pin":
        pin, confirm = read_pin(f"New PIN for {found.name}: ")
        staff.set_pin(found.id, pin, confirm)
        print(f"New PIN set for {found.name}")
        return 0
    staff.deactivate(found.id)
    print(f"Deactivated {found.name} (kept in the history)")
    return 0
