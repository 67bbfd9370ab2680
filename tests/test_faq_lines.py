"""A FAQ written as question lines ("**Is there parking?**") and the lines answering them: the question line is
never quoted as an answer, and the lines under it answer it even where they do not repeat its words."""

from __future__ import annotations

import pytest
from index_kb import write_kb

from assistant import Assistant
from assistant.config import Settings

FAQ = """---
id: faq-en
title: Star Night — Frequently Asked Questions
lang: en
source: Visitor Services
kind: faq
---
# Star Night — Frequently Asked Questions

## On site

**Can I bring my dog?**
Pets are not allowed in the festival area. Assistance dogs are welcome.

**What happens if it rains?**
Outdoor stage programmes move indoors to the Main Hall. Telescope viewing is cancelled if the sky is cloudy.

**Is there food?**
Yes, 14 food trucks park on the lawn every evening. No alcohol is sold at the festival.

## Getting there

**Is there parking?**
The North Car Park has 320 spaces. The first hour is free, then parking costs 1,000 won per 30 minutes.
"""

FAQ_KO = """---
id: faq-ko
title: 별빛 축제 — 자주 묻는 질문
lang: ko
source: 관람 안내팀
kind: faq
---
# 별빛 축제 — 자주 묻는 질문

**Q. 환불되나요?**
A. 행사 시작 7일 전까지 취소하면 전액 돌려드립니다. 그 이후에는 결제 금액의 50%를 돌려드립니다.

**Q. 재입장할 수 있나요?**
A. 손목밴드를 차고 있으면 당일에는 자유롭게 다시 들어올 수 있습니다.
"""

OVERVIEW = """---
id: overview-en
title: Star Night 2026
lang: en
source: Star Night Foundation
kind: overview
---
# Star Night 2026

Star Night is a family science festival held from 9 to 11 October 2026 at Yuseong Science Park in Daejeon.
It is organised by the Daejeon Science Culture Foundation.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Assistant:
    root = tmp_path_factory.mktemp("faq-lines")
    knowledge = write_kb(root / "knowledge", {"faq-en.md": FAQ, "faq-ko.md": FAQ_KO,
                                                         "overview-en.md": OVERVIEW})
    return Assistant(Settings(knowledge_dir=knowledge, data_dir=root / "data"))


@pytest.mark.parametrize("question, line, answer", [
    ("Can I bring my dog?", "Can I bring my dog", "Assistance dogs are welcome"),
    ("what if it rains", "What happens if it rains", "Main Hall"),
    ("parking?", "Is there parking", "320 spaces"),
])
def test_a_faq_question_line_is_not_the_answer_the_lines_under_it_are(bot, question, line, answer):
    text = bot.ask(question).text
    assert answer in text and line not in text


def test_a_faq_question_line_found_brings_the_lines_answering_it_and_no_other(bot):
    """A search may find a question line ("Q. 환불되나요?") and not the lines under it, which hold none of the
    question's words; those lines are read with it, up to the next question."""
    chunks = bot.extractive.index.chunks("faq-ko")
    asked = next(c for c in chunks if "환불되나요" in c.text)
    read = " ".join(c.text for c in bot.extractive.with_answers([asked]))
    assert "7일 전까지" in read and "50%" in read
    assert "재입장" not in read and "손목밴드" not in read


def test_a_question_in_one_language_is_answered_by_the_other_languages_faq(bot):
    answer = bot.ask("can i get a refund if i cant make it?")
    assert not answer.refused and "7일" in answer.text, answer.text
