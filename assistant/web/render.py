"""HTML for the web interface: answers with clickable citations and their sources, documents, the programme.

Everything that comes from a person or a document is escaped first, so markup in it is shown as text.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from assistant.answering.citations import MARKER, marker_numbers
from assistant.library import Chunk, Document, DocumentInfo, Lang, Program, split_sentences
from assistant.models import Answer, Citation

from .calendar import CalendarFile, day_calendar, session_calendar
from .labels import Labels
from .share import share_query
from .unanswered import QuestionGroup

_WORD = re.compile(r"\w+")


def source_anchor(turn: int, n: int) -> str:
    """The element id of source ``n`` of answer ``turn`` (unique within a conversation)."""
    return f"sfass-t{turn}-s{n}"


def render_text(text: str) -> str:
    """Plain text as HTML: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br>")


def render_question(question: str) -> str:
    """A user's question as it appears in the chat (markup shown as text)."""
    return f'<span class="sfass-question">{render_text(question)}</span>'


def render_draft(text: str, labels: Labels) -> str:
    """A partial answer while it streams in."""
    body = render_text(text) if text.strip() else f"<em>{escape(labels.thinking)}</em>"
    return f'<div class="sfass-answer sfass-draft">{body}</div>'


def _link_markers(escaped: str, turn: int, known: set[int]) -> str:
    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in known:
            return m.group(0)
        return f'<a class="sfass-cite" href="#{source_anchor(turn, n)}">[{n}]</a>'

    return MARKER.sub(link, escaped)


def _sentences_citing(answer_text: str) -> dict[int, list[str]]:
    """For each citation number, the answer's sentences (without markers) that carry it."""
    out: dict[int, list[str]] = {}
    for start, end in split_sentences(answer_text):
        sentence = answer_text[start:end]
        plain = MARKER.sub("", sentence).strip()
        for n in set(marker_numbers(sentence)):
            out.setdefault(n, []).append(plain)
    return out


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(wa & wb) / max(1, len(wa | wb))


def _contains(a: str, b: str) -> bool:
    a, b = a.strip().rstrip(".。"), b.strip().rstrip(".。")
    return bool(a and b) and (a in b or b in a)


def highlight_passage(passage: str, sentences: list[str]) -> str:
    """The passage, escaped, with the sentence that best matches the answer's sentences marked."""
    spans = split_sentences(passage)
    if not spans or not sentences:
        return render_text(passage)
    best, best_score = None, 0.0
    for start, end in spans:
        piece = passage[start:end]
        score = max(2.0 if _contains(piece, s) else _overlap(piece, s) for s in sentences)
        if score > best_score:
            best, best_score = (start, end), score
    if best is None or best_score < 0.2:
        return render_text(passage)
    start, end = best
    return (render_text(passage[:start]) + '<mark class="sfass-hl">' + render_text(passage[start:end])
            + "</mark>" + render_text(passage[end:]))


def _render_source(c: Citation, turn: int, sentences: list[str], labels: Labels) -> str:
    as_of = f' · <span class="sfass-as-of">{escape(labels.doc_as_of)} {c.as_of.isoformat()}</span>' if c.as_of else ""
    origin = escape(c.source)
    if c.source_url and c.source_url.startswith(("https://", "http://")):
        origin = f'<a href="{escape(c.source_url, quote=True)}" target="_blank" rel="noopener">{origin}</a>'
    return (
        f'<li class="sfass-source" id="{source_anchor(turn, c.n)}">'
        f'<div class="sfass-source-head"><span class="sfass-source-n">[{c.n}]</span> '
        f'<strong>{escape(c.title)}</strong> <span class="sfass-doc-id">{escape(labels.source_document)}: '
        f"<code>{escape(c.doc_id)}</code> · {escape(c.lang)} · {origin}{as_of}</span></div>"
        + (f'<div class="sfass-section">{escape(c.section)}</div>' if c.section else "")
        + f'<blockquote class="sfass-passage">{highlight_passage(c.text, sentences)}</blockquote></li>'
    )


def render_sources(answer: Answer, turn: int, labels: Labels, open_: bool = False) -> str:
    """The answer's cited passages in an expandable panel."""
    if not answer.citations:
        return ""
    citing = _sentences_citing(answer.text)
    items = "".join(_render_source(c, turn, citing.get(c.n, []), labels) for c in answer.citations)
    return (f'<details class="sfass-sources"{" open" if open_ else ""}>'
            f"<summary>{escape(labels.sources)} ({len(answer.citations)})</summary>"
            f'<ol class="sfass-source-list">{items}</ol></details>')


def render_answer(answer: Answer, turn: int, labels: Labels, sources_open: bool = False) -> str:
    """A checked answer: text with clickable [n] markers, a note when sentences were withdrawn or the
    language model could not be reached, a copy button (plain text of the answer and its sources), a share link
    (opens the app asking the same question) and the sources below."""
    if answer.error:
        return f'<div class="sfass-answer sfass-error">{render_text(answer.error)}</div>'
    known = {c.n for c in answer.citations}
    body = _link_markers(render_text(answer.text), turn, known)
    kind = " sfass-refused" if answer.refused else ""
    note = ""
    if answer.sentences_removed > 0:
        note = (f'<div class="sfass-note sfass-withdrawn">'
                f"{escape(labels.withdrawn_note.format(n=answer.sentences_removed))}</div>")
    if answer.notice:
        note += f'<div class="sfass-note sfass-notice">{escape(answer.notice)}</div>'
    share = escape(share_query(answer), quote=True)
    tools = (f'<div class="sfass-tools"><button type="button" class="sfass-copy">{escape(labels.copy_answer)}</button> '
             f'<a class="sfass-share" href="{share}" target="_blank" rel="noopener" '
             f'title="{escape(labels.share_hint, quote=True)}">{escape(labels.share_link)}</a></div>')
    return (f'<div class="sfass-turn"><div class="sfass-answer{kind}">{body}</div>{note}{tools}'
            + render_sources(answer, turn, labels, sources_open) + "</div>")


def utc_minute(moment: dt.datetime) -> str:
    """A moment as shown: UTC, to the minute ("2026-11-30 07:10")."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")


def render_document(doc: Document, labels: Labels, changed_at: dt.datetime | None = None) -> str:
    """A document to read: its title, facts (with when the index saw its content change, if known) and text
    (Markdown headings kept, everything else as text)."""
    meta = doc.meta
    facts = [f"{escape(labels.doc_id)}: <code>{escape(meta.id)}</code>", f"{escape(labels.doc_lang)}: {meta.lang}",
             f"{escape(labels.doc_kind)}: {escape(meta.kind)}"]
    if meta.as_of:
        facts.append(f"{escape(labels.doc_as_of)}: {meta.as_of.isoformat()}")
    if changed_at:
        facts.append(f'<span class="sfass-changed">'
                     f'{escape(labels.doc_changed.format(time=utc_minute(changed_at) + " UTC"))}</span>')
    source = escape(meta.source)
    if meta.source_url and meta.source_url.startswith(("https://", "http://")):
        source += f' · <a href="{escape(meta.source_url, quote=True)}" target="_blank" rel="noopener">' \
                  f"{escape(meta.source_url)}</a>"
    parts = []
    for line in doc.text.splitlines():
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        if heading:
            level = min(len(heading.group(1)) + 2, 6)
            parts.append(f"<h{level}>{escape(heading.group(2))}</h{level}>")
        elif line.strip():
            parts.append(f"<p>{escape(line)}</p>")
    return (f'<article class="sfass-document"><h2>{escape(meta.title)}</h2>'
            f'<div class="sfass-doc-facts">{" · ".join(facts)}</div>'
            f'<div class="sfass-origin">{source}</div>{"".join(parts)}</article>')


def document_rows(docs: list[DocumentInfo]) -> list[list[str]]:
    """The documents table: title, language, kind, as-of date, when its content last changed (UTC), id."""
    return [[d.title, d.lang, d.kind, d.as_of.isoformat() if d.as_of else "",
             utc_minute(d.changed_at) if d.changed_at else "", d.doc_id] for d in docs]


def document_headers(labels: Labels) -> list[str]:
    return [labels.doc_title, labels.doc_lang, labels.doc_kind, labels.doc_as_of, labels.doc_changed_column,
            labels.doc_id]


def render_search_results(chunks: list[Chunk], labels: Labels) -> str:
    """Search hits: each passage with its document."""
    if not chunks:
        return f'<p class="sfass-note">{escape(labels.no_results)}</p>'
    items = "".join(
        f'<li class="sfass-hit"><div class="sfass-source-head"><strong>{escape(c.title)}</strong> '
        f'<span class="sfass-doc-id"><code>{escape(c.doc_id)}</code> · {escape(c.lang)}'
        f'{" · " + escape(c.heading) if c.heading else ""}</span></div>'
        f'<blockquote class="sfass-passage">{render_text(c.text)}</blockquote></li>'
        for c in chunks
    )
    return f'<ol class="sfass-hits">{items}</ol>'


def _calendar_link(file: CalendarFile, text: str, label: str) -> str:
    return (f'<a class="sfass-ics" href="{file.data_url()}" download="{escape(file.filename, quote=True)}" '
            f'type="text/calendar" aria-label="{escape(label, quote=True)}">{escape(text)}</a>')


def render_programme(program: Program, lang: Lang, labels: Labels) -> str:
    """The programme as one card per day (focus, speaker organizations, the sessions as a list), each day and
    each session with its add-to-calendar file."""
    ev = program.event
    intro = labels.programme_intro.format(source=program.source or "-",
                                          as_of=program.as_of.isoformat() if program.as_of else "-")
    head = (f'<div class="sfass-event"><h2>{escape(ev.name.get(lang))} ({escape(ev.short_name)})</h2>'
            f"<p>{escape(ev.theme.get(lang))} · {escape(ev.venue.get(lang))}</p>"
            f'<p class="sfass-origin">{escape(intro)}</p></div>')
    cards = []
    for day in program.days:
        items = []
        for s in day.sessions:
            title = s.title.get(lang)
            part = labels.part_of_day(s.part_of_day)
            when = f' <span class="sfass-part">({escape(part)})</span>' if part else ""
            topics = "".join(f"<div class='sfass-topic'>{escape(t.get(lang))}</div>" for t in s.topics)
            orgs = ", ".join(escape(n) for n in program.org_names(s.organizations, lang))
            people = "<br>".join(
                escape(p.label(lang)) + (f" — {escape(p.part.get(lang))}" if p.part else "") for p in s.people)
            facts = "".join(f'<div class="sfass-session-{cls}"><span class="sfass-fact">{escape(name)}</span> {value}</div>'
                            for cls, name, value in (("orgs", labels.organizations, orgs), ("people", labels.people, people))
                            if value)
            link = _calendar_link(session_calendar(program, s.id, lang, labels), labels.add_to_calendar,
                                  f"{labels.add_to_calendar}: {title}")
            items.append(f'<li class="sfass-session" data-session="{escape(s.id, quote=True)}">'
                         f'<div class="sfass-session-title"><strong>{escape(title)}</strong>{when}{topics}</div>'
                         f"{facts}<div class=\"sfass-session-cal\">{link}</div></li>")
        focus = "".join(f"<li>{escape(f.get(lang))}</li>" for f in day.focus)
        speakers = ", ".join(escape(n) for n in program.org_names(day.speaker_organizations, lang))
        label = day.label(lang)
        day_name = labels.day.format(n=day.number)
        day_link = _calendar_link(day_calendar(program, day.number, lang, labels),
                                  labels.add_day_to_calendar.format(day=day_name),
                                  labels.add_day_to_calendar.format(day=day_name))
        cards.append(
            f'<section class="sfass-day" data-day="{day.number}">'
            f"<h3>{escape(day_name)} · {escape(label[0].upper() + label[1:])}</h3>"
            f'<p class="sfass-day-cal">{day_link}</p>'
            + (f"<p><strong>{escape(labels.focus)}</strong></p><ul>{focus}</ul>" if focus else "")
            + (f"<p><strong>{escape(labels.speaker_organizations)}</strong>: {speakers}</p>" if speakers else "")
            + f'<h4 class="sfass-sessions-title">{escape(labels.sessions)}</h4>'
            + f'<ol class="sfass-sessions">{"".join(items)}</ol></section>'
        )
    return f'<div class="sfass-programme-view">{head}{"".join(cards)}</div>'


def render_question_groups(groups: list[QuestionGroup], labels: Labels, examples: int = 5) -> str:
    """The organizers' list of questions the documents could not answer: one item per group of questions that
    mean the same, with how often and in which languages they were asked, and the FAQ answering them, if any."""
    if not groups:
        return f"<p>{escape(labels.no_problems)}</p>"
    items = []
    for g in groups:
        counts = [labels.asked_times.format(n=g.count)]
        counts += [label.format(n=n) for label, n in ((labels.asked_refused, g.refused), (labels.asked_down, g.down))
                   if n and n != g.count]
        facts = f"{' · '.join(counts)} · {'/'.join(g.languages)} · {g.last_asked:%Y-%m-%d %H:%M}"
        answered = (f' <span class="sfass-answered">{escape(labels.answered_by.format(doc_id=g.answered_by))}</span>'
                    if g.answered_by else "")
        asked = "".join(f"<li>{escape(q)}</li>" for q in g.questions[:examples])
        more = f"<li>… +{len(g.questions) - examples}</li>" if len(g.questions) > examples else ""
        items.append(f'<li class="sfass-group" data-group="{escape(g.key, quote=True)}">'
                     f'<span class="sfass-group-facts">{escape(facts)}</span>{answered}<ul>{asked}{more}</ul></li>')
    return f'<ol class="sfass-groups">{"".join(items)}</ol>'


def group_choice(group: QuestionGroup, labels: Labels) -> str:
    """A group as the desk's picker names it: how often asked, and its most asked wording."""
    return f"{labels.asked_times.format(n=group.count)} · {group.questions[0][:80]}" + (
        " ✓" if group.answered_by else "")
