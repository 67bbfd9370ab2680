"""The organizers' answers to questions the documents could not answer, as FAQ documents of the knowledge folder.

One Markdown file per group of questions: front matter (``kind: faq``, ``source: organizers``, ``as_of`` the day
it was written, the answer's language), then the group's questions as one question heading with the answer under
it, so the answer is found, and scored, as the answer to those questions. Answering a group again rewrites the
same file: a group belongs to the FAQ that already lists one of its questions.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from assistant.library import Lang, Library
from assistant.question.language import detect_language

from .unanswered import QuestionGroup, normalize

FAQ_KIND = "faq"
FAQ_SOURCE = "organizers"
MAX_ANSWER_CHARS = 4000
QUESTIONS_IN_HEADING = 5
SEPARATOR = " / "
_HEADING = re.compile(r"^#{2,6}\s+(.*\S)\s*$", re.MULTILINE)


def _as_question(text: str) -> str:
    """One line, no separator inside, ending with a question mark (the heading reads as a question)."""
    text = re.sub(r"\s+", " ", text).strip().replace(SEPARATOR.strip(), "／")
    return text if text.endswith(("?", "？")) else text + "?"


def asked_in(text: str) -> set[str]:
    """The questions (normalized) that an organizers' FAQ document answers: its question headings."""
    return {normalize(q) for heading in _HEADING.findall(text) for q in heading.split(SEPARATOR) if normalize(q)}


def organizers_faqs(library: Library) -> dict[str, set[str]]:
    """Each organizers' FAQ document of ``library``, with the questions it answers."""
    return {d.doc_id: asked_in(library.document(d.doc_id).text)
            for d in library.documents() if d.kind == FAQ_KIND and d.source == FAQ_SOURCE}


def faq_doc_id(group: QuestionGroup, faqs: dict[str, set[str]]) -> str:
    """The FAQ that already answers one of the group's questions, else a new id from the group's key."""
    mine = {normalize(q) for q in group.questions}
    for doc_id, asked in sorted(faqs.items()):
        if mine & asked:
            return doc_id
    return f"{FAQ_KIND}-{group.key}"


def faq_markdown(doc_id: str, group: QuestionGroup, answer: str, lang: Lang, today: dt.date) -> str:
    """The FAQ document's text: front matter, the questions (the answer's language first) and the answer."""
    questions = sorted(group.questions, key=lambda q: detect_language(q) != lang)  # stable: most asked first
    heading = SEPARATOR.join(_as_question(q) for q in questions[:QUESTIONS_IN_HEADING])
    title = _as_question(questions[0])[:120]
    front = yaml.safe_dump({"id": doc_id, "title": title, "lang": lang, "source": FAQ_SOURCE,
                            "as_of": today, "kind": FAQ_KIND}, allow_unicode=True, sort_keys=False)
    # the answer's own lines never open a heading: everything under the question heading answers it
    body = "\n".join(re.sub(r"^\s*#+\s*", "", line) for line in answer.strip().splitlines())
    return f"---\n{front}---\n# {title}\n\n## {heading}\n{body}\n"

