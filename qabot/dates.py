"""Dates: an article's date as the source writes it ("12 May 2024", "May 12, 2024", "2024-05-12T09:00:00Z") read as
an ISO date, for the JSON outputs' ``date_iso`` and for ordering quotes by date."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def iso_date(text: str | None) -> str | None:
    """``YYYY-MM-DD`` of the date ``text`` gives, or None when it gives none surely: a month written as a word, or
    ISO; numbers alone ("05/06/2024") only when the order cannot be mistaken (a day above 12 first or second)."""
    if not text:
        return None
    if m := _ISO.search(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if (m := _DAY_MONTH.search(text)) and (month := _month(m[2])):
        return _valid(int(m[3]), month, int(m[1]))
    if (m := _MONTH_DAY.search(text)) and (month := _month(m[1])):
        return _valid(int(m[3]), month, int(m[2]))
    if m := _NUMERIC.search(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if first > 12 >= second:
            return _valid(year, second, first)
        if second > 12 >= first:
            return _valid(year, first, second)
    return None


def _month(word: str) -> int | None:
    """The number of a month written as a word or its abbreviation ("May", "Sept", "december"), else None."""
    low = word.lower()
    number = _MONTHS.get(low[:3])
    full = date(2000, number, 1).strftime("%B").lower() if number else ""
    return number if number and (full.startswith(low) or low == "sept") else None


def _valid(year: int, month: int, day: int) -> str | None:
    """The ISO date, or None when there is no such day."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
