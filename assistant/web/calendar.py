"""Add-to-calendar files (iCalendar, ``.ics``) for each day and each session of the programme.

The programme gives dates but no times, so every event is an all-day event on its date: a time the documents
do not give is never made up. A session the documents place in the morning or afternoon says so in its description.
"""

from __future__ import annotations

import base64
import datetime as dt

from icalendar import Calendar, Event
from pydantic import BaseModel

from assistant.library import Lang, Program

from .labels import Labels

MIME = "text/calendar"


class CalendarFile(BaseModel):
    """One ``.ics`` file: its name and its text."""

    filename: str
    text: str

    def data_url(self) -> str:
        """The file as a ``data:`` link, so the page offers it with no server state."""
        return f"data:{MIME};charset=utf-8;base64,{base64.b64encode(self.text.encode('utf-8')).decode('ascii')}"


def _calendar(program: Program) -> Calendar:
    cal = Calendar()
    cal.add("prodid", f"-//{program.event.short_name} programme//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    return cal


def _event(program: Program, uid: str, summary: str, date: dt.date, description: str, lang: Lang) -> Event:
    ev = Event()
    ev.add("uid", f"{uid}@{program.event.short_name.lower()}")
    ev.add("dtstamp", dt.datetime.now(dt.UTC).replace(microsecond=0))
    ev.add("summary", summary)
    ev.add("dtstart", date)  # a date, not a time: an all-day event
    ev.add("dtend", date + dt.timedelta(days=1))
    ev.add("location", program.event.venue.get(lang))
    ev.add("description", description)
    ev.add("transp", "TRANSPARENT")
    if program.event.website:
        ev.add("url", program.event.website)
    return ev


def _file(program: Program, name: str, lang: Lang, events: list[Event]) -> CalendarFile:
    cal = _calendar(program)
    for ev in events:
        cal.add_component(ev)
    return CalendarFile(filename=f"{program.event.short_name.lower()}-{name}-{lang}.ics",
                        text=cal.to_ical().decode("utf-8"))


def day_calendar(program: Program, day_number: int, lang: Lang, labels: Labels) -> CalendarFile:
    """One all-day event for a day of the forum, its sessions listed in the description."""
    day = next(d for d in program.days if d.number == day_number)
    summary = f"{program.event.name.get(lang)} ({program.event.short_name}) · {labels.day.format(n=day.number)}"
    lines = [f"- {s.title.get(lang)}" for s in day.sessions]
    if day.focus:
        lines = [f"{labels.focus}: " + "; ".join(f.get(lang) for f in day.focus), "", *lines]
    return _file(program, f"day-{day.number}", lang,
                 [_event(program, f"day-{day.number}", summary, day.date, "\n".join(lines), lang)])


def session_calendar(program: Program, session_id: str, lang: Lang, labels: Labels) -> CalendarFile:
    """One all-day event for a session, on its day, with what the programme says about it."""
    day, session = next((d, s) for d in program.days for s in d.sessions if s.id == session_id)
    summary = f"{session.title.get(lang)} ({program.event.short_name})"
    part = labels.part_of_day(session.part_of_day)
    lines = [labels.day.format(n=day.number) + (f" · {part}" if part else "")]
    lines += [t.get(lang) for t in session.topics]
    if session.organizations:
        lines.append(f"{labels.organizations}: " + ", ".join(program.org_names(session.organizations, lang)))
    if session.people:
        lines.append(f"{labels.people}: " + "; ".join(
            p.label(lang) + (f" — {p.part.get(lang)}" if p.part else "") for p in session.people))
    return _file(program, session.id, lang, [_event(program, session.id, summary, day.date, "\n".join(lines), lang)])
