"""One browser session's conversation: what the engine sees as history and what the chat shows."""

from __future__ import annotations

from pydantic import BaseModel

from assistant.models import Answer, Turn

from .labels import Labels
from .render import render_answer, render_draft, render_question

AUTO = "auto"


def answer_language(choice: str | None) -> str | None:
    """The language to force for answers: ``None`` (follow the question) for the "auto" choice."""
    return choice if choice in ("ko", "en") else None


class ChatSession(BaseModel):
    """The questions and checked answers of one session, oldest first (never shared between sessions)."""

    answers: list[Answer] = []
    asked: list[str] = []  # each question as the person typed it (the engine's answer holds the cleaned one)

    def history(self) -> list[Turn]:
        """The conversation so far as engine turns (questions the engine rejected are left out)."""
        turns: list[Turn] = []
        for a in self.answers:
            if a.error:
                continue
            turns += [Turn(role="user", content=a.question), Turn(role="assistant", content=a.text)]
        return turns

    def add(self, answer: Answer, asked: str | None = None) -> None:
        """Keep ``answer``; ``asked`` is the question as typed, shown (as text) instead of the cleaned one."""
        self.answers.append(answer)
        self.asked.append(asked if asked is not None else answer.question)

    def clear(self) -> None:
        self.answers.clear()
        self.asked.clear()

    def messages(self, labels: Labels, pending: tuple[str, str] | None = None) -> list[dict]:
        """Chat messages (messages format): each question and its rendered answer; ``pending`` is a
        question whose answer is still streaming in, with its text so far."""
        out: list[dict] = []
        last = len(self.answers) - 1
        for turn, (a, asked) in enumerate(zip(self.answers, self.asked, strict=True)):
            out.append({"role": "user", "content": render_question(asked)})
            out.append({"role": "assistant",
                        "content": render_answer(a, turn, labels, sources_open=turn == last and pending is None)})
        if pending is not None:
            question, draft = pending
            out.append({"role": "user", "content": render_question(question)})
            out.append({"role": "assistant", "content": render_draft(draft, labels)})
        return out

    def answer_at(self, message_index: int | list[int] | tuple[int, ...] | None) -> Answer | None:
        """The answer shown at a chat message index (as a like/dislike event reports it)."""
        if isinstance(message_index, (list, tuple)):
            message_index = message_index[0] if message_index else None
        if not isinstance(message_index, int) or message_index % 2 != 1:
            return None
        turn = message_index // 2
        return self.answers[turn] if 0 <= turn < len(self.answers) else None
