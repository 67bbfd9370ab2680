"""Follow-up suggestions are always answerable: after each of at least 20 different answers, every suggestion
offered is asked next in that conversation (as clicking it does) and none is refused."""

from __future__ import annotations

import pytest
from engine_kb import engine_settings

from assistant import Assistant
from assistant.models import Turn

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Assistant:
    return Assistant(engine_settings(tmp_path_factory))


def _turns(answer) -> list[Turn]:
    return [Turn(role="user", content=answer.question), Turn(role="assistant", content=answer.text)]


def test_every_suggestion_after_twenty_answers_is_answered_with_citations(bot):
    event = bot.event
    starts = {lang: [q for _, rows in event.example_rows() for q in rows.get(lang)] + event.examples.get(lang)
              for lang in ("ko", "en")}
    answers, clicked, refused = set(), 0, []
    for lang in ("en", "ko"):
        for first in dict.fromkeys(starts[lang]):
            # A short conversation: the example, then the first suggestion, then the first one after that.
            history: list[Turn] = []
            asked: list[str] = []
            question = first
            for _ in range(2):
                answer = bot.ask(question, history=history)
                asked.append(question)
                history += _turns(answer)
                answers.add(answer.text)
                suggestions = bot.suggest(answer, history, asked=asked)
                assert len(suggestions) == len(set(suggestions)) and not set(suggestions) & set(asked)
                for s in suggestions:  # clicking a suggestion asks it next in this conversation
                    reply = bot.ask(s, history=history)
                    clicked += 1
                    if reply.refused or reply.error or not reply.citations:
                        refused.append(s)
                if not suggestions:
                    break
                question = suggestions[0]
    assert len(answers) >= 20 and clicked >= 20
    assert refused == []


def test_suggestions_come_in_the_language_of_the_answer(bot):
    for question, lang in (("SFASS는 어디에서 열렸나요?", "ko"), ("Where was SFASS held?", "en")):
        answer = bot.ask(question)
        suggestions = bot.suggest(answer, _turns(answer), asked=[question])
        assert suggestions
        hangul = [any("\uac00" <= ch <= "\ud7a3" for ch in s) for s in suggestions]
        assert all(hangul) if lang == "ko" else not any(hangul)


def test_an_invalid_question_gets_no_suggestions(bot):
    answer = bot.ask("   ")
    assert answer.error and bot.suggest(answer, []) == []
