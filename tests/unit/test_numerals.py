"""Numbers as learners type them and as seeds hold them."""

from __future__ import annotations

from clio.core.numerals import numbered_option, numeral_key, regnal_twin, typed_number
from clio.core.payloads import decode


def test_typed_number_reads_decimal_digits_only() -> None:
    assert typed_number("2") == 2 and typed_number("017") == 17 and typed_number("٣") == 3
    assert typed_number("²") is None  # str.isdigit() says yes; int() says no
    assert typed_number("") is None and typed_number("2a") is None
    assert typed_number("9" * 5000) is None  # int() refuses over 4,300 digits
    assert typed_number("123", digits=2) is None


def test_a_typed_number_picks_its_option_in_range_only() -> None:
    options = ("London", "Paris", "Vienna")
    assert numbered_option("2", options) == "Paris" and numbered_option("٣", options) == "Vienna"
    for typed in ("0", "4", "²", "-1", "Paris", "", "9" * 5000):
        assert numbered_option(typed, options) is None, typed


def test_a_run_of_digits_too_long_to_convert_keeps_its_digits() -> None:
    long = "0" + "7" * 5000
    assert numeral_key(long) == "7" * 5000
    assert numeral_key("03") == "3" and numeral_key("7" * 5000 + "th") == "7" * 5000 + "th"
    assert regnal_twin("7" * 5000) is None and regnal_twin("2") == "ii"


def test_a_forged_answer_press_is_unknown() -> None:
    assert decode("a:q1:²") is None
    assert decode("a:q1:" + "9" * 5000) is None
