"""Split a document into small citable chunks (1-3 sentences) with heading path, span and a sentence window."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.models import Chunk, Document
from index.text import split_sentences

SPLITTER_VERSION = "6"  # bump when chunking, sentence splitting or search_text changes so every document is re-embedded

_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_LIST_MARKER = re.compile(r"^(?:[-*+•·]\s+|\d{1,3}[.)]\s+)")


@dataclass(frozen=True)
class SplitterOptions:
    """How chunks are cut: sentences per chunk, merge target length, window sentences each side."""

    max_sentences: int = 3
    target_chars: int = 90
    window_sentences: int = 2


@dataclass
class _Section:
    heading: str
    start: int
    end: int


def split_document(doc: Document, options: SplitterOptions | None = None) -> list[Chunk]:
    """Cut ``doc`` into chunks in document order; every chunk's text is ``doc.text[start:end]``."""
    options = options or SplitterOptions()
    chunks: list[Chunk] = []
    for section in _sections(doc.text):
        sentences = _sentences(doc.text, section, doc.meta.lang)
        for first, last in _groups(doc.text, sentences, options):
            start, end = sentences[first][0], sentences[last][1]
            w_first = max(0, first - options.window_sentences)
            w_last = min(len(sentences) - 1, last + options.window_sentences)
            chunks.append(
                Chunk(
                    chunk_id=f"{doc.doc_id}#{len(chunks):04d}",
                    doc_id=doc.doc_id,
                    lang=doc.meta.lang,
                    title=doc.meta.title,
                    source=doc.meta.source,
                    source_url=doc.meta.source_url,
                    kind=doc.meta.kind,
                    heading=section.heading,
                    text=doc.text[start:end],
                    window=_window(doc.text, sentences[w_first:w_last + 1]),
                    columns=table_columns(doc.text, doc.text[start:end], start),
                    start=start,
                    end=end,
                )
            )
    return chunks


def search_text(chunk: Chunk) -> str:
    """What is embedded and BM25-indexed for a chunk: its nearest heading, then its text (a table's rows after the
    table's header row).

    The heading ("일정과 장소", "Venue") carries what a sentence is about, which short sentences often omit; the header
    row says what a row's cells are ("| 종목 | 참가비 |" over "| 하프 | 50,000원 |").
    """
    return with_heading(chunk.heading, f"{chunk.columns}\n{chunk.text}" if chunk.columns else chunk.text)


def table_columns(document: str, row: str, start: int = 0) -> str:
    """The header row of the table in ``document`` that ``row`` (found from offset ``start``) is a row of: the first
    line of the run of table lines it is in; "" when ``row`` is no table row or starts with the header itself."""
    if not row.startswith("|"):
        return ""
    at = document.find(row, start)
    if at < 0:
        return ""
    header = at
    while header > 0:
        before = document.rfind("\n", 0, header - 1) + 1
        if not document[before:header].lstrip().startswith("|"):
            break
        header = before
    end = document.find("\n", header)
    return "" if header == at else document[header : end if end >= 0 else len(document)].strip()


def analysed_text(chunk: Chunk) -> str:
    """What the answer step's term statistics read of a chunk: its heading path, then its text. Its morphemes are
    worked out once, at build time, and stored with the version (Kiwi over every chunk is what makes a process
    slow to answer its first question)."""
    return f"{chunk.heading} {chunk.text}"


def with_heading(heading_path: str, text: str) -> str:
    """``text`` preceded by the last heading of ``heading_path`` ("Venue: The forum was held ...")."""
    heading = heading_path.rsplit(" > ", 1)[-1]
    return f"{heading}: {text}" if heading else text


def _sections(text: str) -> list[_Section]:
    """Runs of non-heading lines, each with the path of Markdown headings above it."""
    sections: list[_Section] = []
    stack: list[tuple[int, str]] = []
    current: _Section | None = None
    for match in re.finditer(r"[^\n]*\n?", text):
        line = match.group()
        if not line:
            break
        heading = _HEADING.match(line.rstrip("\n"))
        if heading:
            level = len(heading.group(1))
            stack = [(lv, h) for lv, h in stack if lv < level] + [(level, heading.group(2))]
            current = None
            continue
        if not line.strip():
            continue
        if current is None:
            current = _Section(" > ".join(h for _, h in stack), match.start(), match.end())
            sections.append(current)
        current.end = match.end()
    return sections


def _sentences(text: str, section: _Section, lang: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in split_sentences(text[section.start:section.end], lang):
        start, end = section.start + start, section.start + end
        marker = _LIST_MARKER.match(text[start:end])
        if marker:
            start += marker.end()
        if re.search(r"\w", text[start:end]):
            spans.append((start, end))
    return spans


def _groups(text: str, sentences: list[tuple[int, int]], options: SplitterOptions) -> list[tuple[int, int]]:
    """Greedy groups of consecutive sentences of one line: up to ``max_sentences``, about ``target_chars``."""
    groups, i = [], 0
    while i < len(sentences):
        j = i
        while (
            j + 1 < len(sentences)
            and j + 1 - i < options.max_sentences
            and sentences[j + 1][1] - sentences[i][0] <= options.target_chars
            and "\n" not in text[sentences[j][1]:sentences[j + 1][0]]
        ):
            j += 1
        groups.append((i, j))
        i = j + 1
    return groups


def _window(text: str, sentences: list[tuple[int, int]]) -> str:
    return " ".join(text[s:e] for s, e in sentences)
