"""Real input on a real X screen: the kiosk as staff meet it, at 1024×600 with no window
manager, driven only by xdotool (scanner bursts, taps, keys) and checked through the
simulator's request log and the pixels on screen."""

from __future__ import annotations

from tests.helpers.e2e import SCREEN, Kiosk, wait_for

GREEN = "#1b7f3b"  # the "Redeemed" banner
PREVIEW = "#20242b"  # the scan screen's camera panel
# Bottom right: "Redeem all" on a card, "Next" on the keypad, "Scan next" on the result;
# nothing on the confirm step (its "Yes, redeem" sits mid-screen).
CORNER = (SCREEN[0] - 60, SCREEN[1] - 40)
BANNER = (SCREEN[0] - 150, 160)  # inside the result banner, right of its words


def home(kiosk: Kiosk) -> None:
    kiosk.keys("Escape", "F2")
    wait_for("the scan screen", lambda: kiosk.shows(100, 200, PREVIEW))
    kiosk.clear_requests()


def looked_up(kiosk: Kiosk, count: int = 1) -> None:
    wait_for(f"{count} look-up(s)", lambda: kiosk.requests("GET", "/v1/status") >= count)


def test_the_window_fills_the_screen_without_a_window_manager(kiosk: Kiosk) -> None:
    assert kiosk.geometry() == (0, 0, *SCREEN)


def test_scanner_bursts_fast_and_slow_from_several_screens(kiosk: Kiosk) -> None:
    home(kiosk)
    kiosk.scan("GB10-0PRT-LY8D-2WQC", gap_ms=3)  # from the scan screen
    looked_up(kiosk, 1)
    wait_for("the card", lambda: not kiosk.shows(100, 200, PREVIEW))
    kiosk.scan("YOGA-5X2U-Q8WM-J4LT", gap_ms=50)  # a slow scanner, from the card
    looked_up(kiosk, 2)
    kiosk.keys("F3")  # the queue screen
    kiosk.scan("EU40-H3NV-7C5K-RB9E", gap_ms=50)
    looked_up(kiosk, 3)


def test_double_tap_on_next_never_confirms(kiosk: Kiosk) -> None:
    home(kiosk)
    kiosk.scan("GB50-K7QX-9M2F-4TZB", gap_ms=3)
    looked_up(kiosk)
    wait_for("the card", lambda: not kiosk.shows(100, 200, PREVIEW))
    kiosk.xdotool("sleep", "0.5")  # a person reads the card (a Return at once is ignored)
    kiosk.keys("shift+Tab", "Return")  # from "Redeem all" to "Redeem part…"
    kiosk.type_slowly("1")
    kiosk.xdotool("sleep", "0.5")  # a person reads the keypad screen
    kiosk.double_tap(*CORNER)  # "Next", then where "Next" was
    kiosk.xdotool("sleep", "0.6")
    assert kiosk.requests("POST", "/v1/redeem") == 0
    assert kiosk.used("GB50-K7QX-9M2F-4TZB") == 0
    kiosk.keys("Escape", "Escape", "Escape")


def test_double_tap_on_redeem_all_keeps_the_result(kiosk: Kiosk) -> None:
    home(kiosk)
    kiosk.scan("TEA2-8FJD-6NKS-3VXA", gap_ms=3)
    looked_up(kiosk)
    wait_for("the card", lambda: not kiosk.shows(100, 200, PREVIEW))
    kiosk.xdotool("sleep", "0.5")
    kiosk.double_tap(*CORNER)  # "Redeem all", then where "Scan next" now is
    wait_for("the redemption", lambda: kiosk.requests("POST", "/v1/redeem") == 1)
    kiosk.xdotool("sleep", "0.5")
    assert kiosk.shows(*BANNER, GREEN)  # the green "Redeemed" screen stayed
    assert kiosk.requests("POST", "/v1/redeem") == 1
    assert kiosk.used("TEA2-8FJD-6NKS-3VXA") == 1


def test_keyboard_only_redeem_with_tab_return_and_escape(kiosk: Kiosk) -> None:
    home(kiosk)
    code = "SPA1-2T6N-8KWF-3QJD"
    # Typed into the code field by a person; another code than the scan below, so the
    # scanner's same-code debounce (2.5 s) can never swallow that scan.
    kiosk.type_slowly("GB10-0PRT-LY8D-2WQC")
    kiosk.keys("Return")
    looked_up(kiosk)
    kiosk.keys("Escape")  # back to scanning
    wait_for("the scan screen", lambda: kiosk.shows(100, 200, PREVIEW))
    kiosk.scan(code, gap_ms=3)
    wait_for("the card", lambda: not kiosk.shows(100, 200, PREVIEW))
    kiosk.keys("Tab", "shift+Tab", "space")  # focus away and back to "Redeem all", Space
    wait_for("the redemption", lambda: kiosk.requests("POST", "/v1/redeem") == 1)
    wait_for("the result", lambda: kiosk.shows(*BANNER, GREEN))
    assert kiosk.used(code) == 6500
    kiosk.xdotool("sleep", "0.5")  # a person reads the result
    kiosk.keys("Return")  # "Scan next"
    wait_for("the scan screen", lambda: kiosk.shows(100, 200, PREVIEW))


def test_a_scan_at_the_lock_screen_never_reaches_the_password(kiosk: Kiosk) -> None:
    home(kiosk)
    kiosk.keys("ctrl+l")
    wait_for("the lock screen", lambda: not kiosk.shows(100, 200, PREVIEW))
    kiosk.scan("LOW5-6E4G-9YCH-1NVS", gap_ms=3)
    kiosk.xdotool("sleep", "0.5")
    assert kiosk.requests("GET", "/v1/status") == 0  # not looked up behind the lock
    kiosk.type_slowly("till1234")  # the password field is still empty: this is all of it
    kiosk.keys("Return")
    wait_for("the scan screen after unlocking",
             lambda: kiosk.shows(100, 200, PREVIEW), timeout=20)


def test_keys_still_work_after_a_save_dialogue(kiosk: Kiosk) -> None:
    # With no window manager (a kiosk) nobody gave the keyboard back to the window when the
    # save dialogue closed: every key went nowhere until someone tapped the screen.
    home(kiosk)
    kiosk.keys("F3")  # the queue; its tabs have the focus
    wait_for("the queue screen", lambda: not kiosk.shows(100, 200, PREVIEW))
    kiosk.xdotool("sleep", "0.5")
    kiosk.keys("shift+Tab", "Return")  # "Export CSV…", behind the manager check
    kiosk.xdotool("sleep", "0.5")
    kiosk.type_slowly("till1234")  # no manager PIN yet: the signed-in password
    kiosk.keys("Return")
    kiosk.xdotool("sleep", "1")  # the dialogue opens, its file name selected
    target = kiosk.framebuffer.parent / "export.csv"
    kiosk.type_slowly(str(target))
    kiosk.keys("Return")
    wait_for("the export", target.exists)
    kiosk.keys("F2")
    wait_for("the scan screen, by key", lambda: kiosk.shows(100, 200, PREVIEW))
