"""Add-to-calendar files: read back with icalendar, they hold exactly the days and sessions of program.yaml,
as all-day events (the programme gives no times), titled in the interface language, at the forum's venue."""

from __future__ import annotations

import base64
import datetime as dt
import re
from html import unescape

import pytest
from icalendar import Calendar

from assistant.web.calendar import day_calendar, session_calendar
from assistant.web.labels import labels
from assistant.web.render import render_programme
from index.config import PROJECT_ROOT
from index.program import load_program

PROGRAM = load_program(PROJECT_ROOT / "knowledge" / "program.yaml")


def _events(text: str) -> list:
    cal = Calendar.from_ical(text)
    return list(cal.walk("VEVENT"))


def _is_all_day_on(event, date: dt.date) -> bool:
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    return (type(start) is dt.date and type(end) is dt.date  # a date, never a datetime: no time is made up
            and start == date and end == date + dt.timedelta(days=1))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_day_is_one_all_day_event_listing_its_sessions(lang):
    t = labels(lang)
    for day in PROGRAM.days:
        file = day_calendar(PROGRAM, day.number, lang, t)
        assert file.filename.endswith(f"-{lang}.ics")
        (event,) = _events(file.text)
        assert _is_all_day_on(event, day.date)
        assert str(event["location"]) == PROGRAM.event.venue.get(lang)
        assert t.day.format(n=day.number) in str(event["summary"])
        description = str(event["description"])
        assert all(s.title.get(lang) in description for s in day.sessions)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_session_is_an_all_day_event_on_its_own_day(lang):
    t = labels(lang)
    uids = set()
    for day in PROGRAM.days:
        for session in day.sessions:
            file = session_calendar(PROGRAM, session.id, lang, t)
            (event,) = _events(file.text)
            assert _is_all_day_on(event, day.date)
            assert session.title.get(lang) in str(event["summary"])
            assert str(event["location"]) == PROGRAM.event.venue.get(lang)
            description = str(event["description"])
            for person in session.people:
                assert person.name.get(lang) in description
            if session.part_of_day:
                assert t.part_of_day(session.part_of_day) in description
            uids.add(str(event["uid"]))
            assert not re.search(r"DT(START|END)[^:\n]*:\d{8}T", file.text)  # no time of day anywhere
    assert len(uids) == sum(len(d.sessions) for d in PROGRAM.days)  # one calendar entry per session, no clashes


def test_the_programme_offers_a_file_per_day_and_per_session_in_the_interface_language():
    html = render_programme(PROGRAM, "en", labels("en"))
    links = re.findall(r'<a class="sfass-ics" href="data:text/calendar;charset=utf-8;base64,([^"]+)" '
                       r'download="([^"]+)"', html)
    assert len(links) == len(PROGRAM.days) + sum(len(d.sessions) for d in PROGRAM.days)
    summaries = [str(e["summary"]) for data, _ in links for e in _events(base64.b64decode(data).decode("utf-8"))]
    assert "Red-teaming for Frontier AI Safety (SFASS)" in summaries
    assert not any(re.search("[\uac00-\ud7a3]", s.split("(")[0]) for s in summaries)  # English titles
    names = [unescape(name) for _, name in links]
    assert len(set(names)) == len(names) and all(n.endswith("-en.ics") for n in names)
