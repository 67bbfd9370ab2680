"""Fact extraction and support: the same fact written in Korean or English compares equal."""

from assistant.checking.facts import facts, missing_facts, similarity


def test_korean_and_english_dates_normalise_to_the_same_day():
    assert facts("포럼은 10월 28일에 개막했다.").dates == ["10-28"]
    assert facts("The forum opened on October 28.").dates == ["10-28"]
    assert facts("It opened on 28 Oct 2025.").dates == ["10-28"]
    assert set(facts("SFASS ran 28–29 October 2025.").dates) == {"10-28", "10-29"}


def test_a_day_of_the_month_alone_as_people_type_it():
    for text in ("29일엔 뭐 해?", "29일날 뭐해", "29일 뭐해"):
        assert facts(text).dates == ["*-29"], text
    assert facts("29일간 열렸다").dates == []  # a length of time, not a day


def test_a_week_long_event_and_a_word_number_plus_more():
    assert facts("a week-long forum").durations == facts("포럼은 일주일간 열렸다").durations == ["7"]
    two_hundred = facts("Two hundred-plus researchers attended.")
    assert two_hundred.numbers == ["200"] and "200" in two_hundred.approximate


def test_month_and_year_without_a_day():
    assert (
        facts("프랑스 AI Action Summit(2025년 2월)").dates
        == facts("the AI Action Summit in February 2025").dates
    )


def test_approximate_quantities_are_the_same_number():
    ko, en = facts("관계자 150여 명이 참여했다"), facts("About 150 people attended.")
    assert ko.numbers == en.numbers == ["150"]
    assert "150" in ko.approximate and "150" in en.approximate
    assert missing_facts("About 150 people attended.", "국내외 관계자 150여 명이 참여했다.") == []


def test_money_with_korean_and_english_scale_words():
    assert (
        facts("2030년 10조 원 규모").money == facts("10 trillion won by 2030").money == ["10000000000000 KRW"]
    )


def test_a_fabricated_year_is_missing():
    passage = "SFASS 둘째 날(10월 29일)에는 한국 인공지능안전연구소와 Scale AI 간 MOU 체결식이 열렸다."
    assert missing_facts("The MOU with Scale AI was signed in 2027.", passage) == ["2027"]


def test_a_wrong_name_or_date_is_missing_and_a_faithful_sentence_is_not():
    passage = "The MOU between the AI Safety Institute and Scale AI was signed on 29 October 2025."
    assert "OpenAI" in missing_facts("The MOU was signed with OpenAI. [1]", passage)
    assert missing_facts("The MOU was signed on October 30.", passage) == ["10-30"]
    assert missing_facts("The MOU with Scale AI was signed on October 29 [1].", passage) == []


def test_korean_proper_nouns_must_appear_in_the_passage():
    passage = "개회식에서 송상훈 국가인공지능전략위원회 지원단장이 축사를 했다."
    assert missing_facts("송상훈 단장이 축사를 했다.", passage) == []
    assert missing_facts("배경훈 장관이 축사를 했다.", passage) == ["배경훈"]


def test_similarity_uses_the_given_embedder():
    def embed(texts):
        return [[1.0, 0.0] if "forum" in t else [0.0, 1.0] for t in texts]

    assert similarity("the forum", "a forum", embed) == 1.0
    assert similarity("the forum", "lunch", embed) == 0.0


def test_a_language_word_is_not_a_name_to_look_up():
    passage = "2025 인공지능 안전 서울 포럼(Seoul Forum on AI Safety & Security)이 열렸다."
    assert missing_facts("The forum's English name is Seoul Forum on AI Safety & Security.", passage) == []
    assert missing_facts("The Korean name of the forum is 2025 인공지능 안전 서울 포럼.", passage) == []
    assert missing_facts("포럼의 영어 이름은 Seoul Forum on AI Safety & Security이다.", passage) == []
    assert missing_facts("한국어 이름은 인공지능 안전 서울 포럼이다.", passage) == []
    assert "Seoul Summit" in missing_facts("The forum's English name is Seoul Summit.", passage)
