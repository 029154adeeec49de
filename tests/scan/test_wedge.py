"""The keyboard-wedge burst detector: scanner bursts vs people typing."""

from __future__ import annotations

from kiosk.scan.wedge import ENTER, TAB, Complete, Release, Swallow, WedgeDetector, WedgeEvent


def type_keys(detector: WedgeDetector, keys: list[str], start: float, gap: float,
              ) -> list[WedgeEvent | None]:
    """Feed ``keys`` ``gap`` seconds apart, flushing whenever a deadline passes, like a UI timer."""
    events: list[WedgeEvent | None] = []
    t = start
    for key in keys:
        deadline = detector.deadline()
        if deadline is not None and deadline < t:
            flushed = detector.flush(deadline + 0.001)
            if flushed is not None:
                events.append(flushed)
        events.append(detector.feed(key, t))
        t += gap
    deadline = detector.deadline()
    if deadline is not None:
        events.append(detector.flush(deadline + 0.001))
    return events


def test_scanner_burst_becomes_one_code_and_every_key_is_eaten() -> None:
    detector = WedgeDetector(max_gap_ms=30, min_length=4)
    events = type_keys(detector, [*"AB12-CD34", ENTER], start=10.0, gap=0.008)
    assert events[:-1] == [Swallow()] * 9
    assert events[-1] == Complete("AB12-CD34")
    assert detector.deadline() is None


def test_human_typing_is_released_unchanged() -> None:
    detector = WedgeDetector(max_gap_ms=30, min_length=4)
    events = type_keys(detector, [*"abcd", ENTER], start=5.0, gap=0.15)
    released = "".join(e.keys for e in events if isinstance(e, Release))
    assert released == "abcd"
    assert not any(isinstance(e, Complete) for e in events)
    assert events[-1] is None  # Enter with nothing held passes through


def test_stale_keys_are_released_even_without_a_timer() -> None:
    detector = WedgeDetector(max_gap_ms=30)
    assert detector.feed("a", 1.0) == Swallow()
    assert detector.feed("b", 1.5) == Release("a")  # "b" is now held
    assert detector.feed(ENTER, 2.0) == Release("b" + ENTER)


def test_short_fast_burst_with_enter_is_human() -> None:
    detector = WedgeDetector(max_gap_ms=30, min_length=4)
    assert detector.feed("o", 1.0) == Swallow()
    assert detector.feed("k", 1.01) == Swallow()
    assert detector.feed(ENTER, 1.02) == Release("ok" + ENTER)


def test_human_then_scanner() -> None:
    detector = WedgeDetector(max_gap_ms=30, min_length=4)
    events = type_keys(detector, ["x"], start=1.0, gap=0.2)
    events += type_keys(detector, [*"9780804816632", ENTER], start=2.0, gap=0.005)
    assert events[0] == Swallow()
    assert events[1] == Release("x")
    assert events[-1] == Complete("9780804816632")


def test_azerty_digits_are_mapped() -> None:
    detector = WedgeDetector(layout="azerty")
    events = type_keys(detector, [*"&é\"'(-è_çà", ENTER], start=0.0, gap=0.004)
    assert events[-1] == Complete("1234567890")
    events = type_keys(detector, [*"QB&é)CD\"'", ENTER], start=1.0, gap=0.004)
    assert events[-1] == Complete("AB12-CD34")


def test_qwertz_swaps_y_and_z() -> None:
    detector = WedgeDetector(layout="qwertz")
    events = type_keys(detector, [*"ZZ12ßYY", TAB], start=0.0, gap=0.004)
    assert events[-1] == Complete("YY12-ZZ")


def test_mapping_is_not_applied_to_human_typing() -> None:
    detector = WedgeDetector(layout="azerty")
    events = type_keys(detector, [*"é&"], start=0.0, gap=0.2)
    assert "".join(e.keys for e in events if isinstance(e, Release)) == "é&"


def test_suffixless_scanner_completes_on_pause_when_configured() -> None:
    detector = WedgeDetector(min_length=4, complete_on_pause=True)
    events = type_keys(detector, [*"AB12CD34"], start=0.0, gap=0.005)
    assert events[-1] == Complete("AB12CD34")
    detector = WedgeDetector(min_length=4, complete_on_pause=True)
    for i, key in enumerate("AB12"):
        detector.feed(key, i * 0.005)
    assert detector.feed("Z", 1.0) == Complete("AB12")


def test_non_character_keys_pass_through_untouched() -> None:
    detector = WedgeDetector()
    assert detector.feed("A", 0.0) == Swallow()
    assert detector.feed("Left", 0.005) is None
    assert detector.feed("", 0.006) is None
    assert detector.deadline() == 0.0 + detector.max_gap


def test_flush_before_the_deadline_keeps_waiting() -> None:
    detector = WedgeDetector(max_gap_ms=30)
    detector.feed("A", 1.0)
    assert detector.flush(1.01) is None
    assert detector.flush(1.05) == Release("A")


def test_a_fast_typist_under_the_largest_gap_is_still_typing() -> None:
    """A password typed every day, 75 ms a key, under the 80 ms "normal" setting: each gap
    fits a scanner's, their average does not (a scan's is at most 60 ms): typing, not a scan."""
    detector = WedgeDetector(max_gap_ms=80, min_length=4)
    events = type_keys(detector, [*"till1234", ENTER], start=3.0, gap=0.075)
    assert events[-1] == Release("till1234" + ENTER)
    assert not any(isinstance(e, Complete) for e in events)


def test_a_slow_scanner_with_a_hiccup_is_a_scan() -> None:
    """50 ms a key and one 75 ms hiccup under the same setting: a scan."""
    detector = WedgeDetector(max_gap_ms=80, min_length=4)
    times = [1.0 + 0.05 * i for i in range(8)]
    times[5:] = [t + 0.025 for t in times[5:]]  # the gap before the 6th key is 75 ms
    events = [detector.feed(key, t) for key, t in zip([*"AB12CD34"], times, strict=True)]
    assert events == [Swallow()] * 8
    assert detector.feed(ENTER, times[-1] + 0.05) == Complete("AB12CD34")


def test_a_suffixless_burst_at_typing_speed_is_released() -> None:
    detector = WedgeDetector(max_gap_ms=80, min_length=4, complete_on_pause=True)
    events = type_keys(detector, [*"abcdef"], start=1.0, gap=0.075)
    assert events[-1] == Release("abcdef")
