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
    knowledge = write_kb(root / "knowledge", {"faq-en.md": FAQ, "overview-en.md": OVERVIEW})
    return Assistant(Settings(knowledge_dir=knowledge, data_dir=root / "data"))


@pytest.mark.parametrize("question, line, answer", [
    ("Can I bring my dog?", "Can I bring my dog", "Assistance dogs are welcome"),
    ("what if it rains", "What happens if it rains", "Main Hall"),
    ("parking?", "Is there parking", "320 spaces"),
])
def test_a_faq_question_line_is_not_the_answer_the_lines_under_it_are(bot, question, line, answer):
    text = bot.ask(question).text
    assert answer in text and line not in text
