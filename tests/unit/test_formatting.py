"""Dates, times, money and roles as Finnish and English readers expect them."""

from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from mailflow.core.languages.registry import packs
from mailflow.core.model import ROLES, NetworkDay
from mailflow.core.writing.formatting import (
    NBSP,
    format_date,
    format_datetime,
    format_day,
    format_money,
    format_time,
    role_label,
)

HELSINKI = ZoneInfo("Europe/Helsinki")


def _day(d: date = date(2026, 12, 9), start: time = time(10), end: time = time(16)) -> NetworkDay:
    return NetworkDay(id="x", date=d, start=start, end=end, place="Kuntatalo")


def test_a_day_reads_as_a_finn_writes_it() -> None:
    assert format_day(_day(), "fi") == "ke 9.12.2026 klo 10.00–16.00"


def test_a_day_in_english() -> None:
    assert format_day(_day(), "en") == "Wed 9 Dec 2026, 10:00–16:00"


@pytest.mark.parametrize(
    ("d", "fi", "en"),
    [
        (date(2016, 10, 5), "ke 5.10.2016", "Wed 5 Oct 2016"),
        (date(2016, 12, 19), "ma 19.12.2016", "Mon 19 Dec 2016"),
        (date(2027, 1, 3), "su 3.1.2027", "Sun 3 Jan 2027"),
    ],
)
def test_dates_have_no_leading_zeros_and_the_right_weekday(d: date, fi: str, en: str) -> None:
    assert format_date(d, "fi") == fi
    assert format_date(d, "en") == en


def test_times_use_a_dot_in_finnish_and_a_colon_in_english() -> None:
    assert format_time(time(9, 5), "fi") == "9.05"
    assert format_time(time(9, 5), "en") == "09:05"
    assert format_day(_day(start=time(8, 30), end=time(12, 15)), "fi").endswith("klo 8.30–12.15")


def test_other_languages_fall_back_to_finnish() -> None:
    assert format_day(_day(), "sv") == format_day(_day(), "fi")


def test_datetime_is_shown_in_the_network_timezone_across_dst() -> None:
    winter = datetime(2026, 12, 9, 8, 0, tzinfo=UTC)
    summer = datetime(2026, 6, 9, 8, 0, tzinfo=UTC)
    assert format_datetime(winter, HELSINKI, "fi") == "ke 9.12.2026 klo 10.00"
    assert format_datetime(summer, HELSINKI, "fi") == "ti 9.6.2026 klo 11.00"
    assert format_datetime(winter, HELSINKI, "en") == "Wed 9 Dec 2026, 10:00"


def test_datetime_refuses_a_naive_moment() -> None:
    with pytest.raises(ValueError, match="aware"):
        format_datetime(datetime(2026, 12, 9, 8), HELSINKI, "fi")


def test_money_in_finnish_uses_no_break_spaces_and_a_decimal_comma() -> None:
    assert format_money(Decimal("1234.5"), "fi") == f"1{NBSP}234,50{NBSP}€"
    assert format_money(Decimal("1234567.891"), "fi") == f"1{NBSP}234{NBSP}567,89{NBSP}€"
    assert format_money(Decimal("0"), "fi") == f"0,00{NBSP}€"


def test_money_in_english() -> None:
    assert format_money(Decimal("1234.5"), "en") == "€1,234.50"
    assert format_money(Decimal("-12.345"), "en") == "-€12.35"


def test_money_rounds_half_up_to_cents() -> None:
    assert format_money(Decimal("333.335"), "fi") == f"333,34{NBSP}€"


def test_role_labels() -> None:
    assert role_label("management", "fi") == "johto"
    assert role_label("staff", "fi") == "henkilöstö"
    assert role_label("supervisor", "en") == "apprenticeship supervisor"
    assert role_label("something else", "fi") == "ei tiedossa"


@pytest.mark.parametrize("language", [p.code for p in packs()])
def test_every_language_pack_words_every_role_day_month_and_change(language: str) -> None:
    (says,) = [p.says for p in packs() if p.code == language]
    assert set(ROLES) <= set(says.roles)
    assert len(says.weekdays) == 7
    assert len(says.months) == 12
    assert {"cancel", "substitute", "correction", "forget_request"} <= set(says.actions)
    assert {"name", "role", "diet", "organisation", "days", "status"} <= set(says.change_fields)
    assert format_day(NetworkDay(id="d", date=date(2026, 12, 9), start=time(10), end=time(16),
                                 place="Omnia"), language)
