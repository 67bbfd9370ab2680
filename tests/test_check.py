"""``Assistant.check``: a statement split into claims, each supported, contradicted (with the documents' value)
or not found; values normalised across languages and forms."""

from __future__ import annotations

import re

import pytest
from engine_kb import engine_settings

from assistant import Assistant
from assistant.checking.facts import fact_spans, facts
from assistant.checking.split import split_statement
from assistant.question.answer_type import day_ordinals
from assistant.question.countries import countries_in, country_of


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Assistant:
    return Assistant(engine_settings(tmp_path_factory))


def _labels(verdict) -> dict[str, str]:
    return {c.value: c.label for c in verdict.claims}


# -- splitting and normalising ------------------------------------------------------------------------


def test_a_statement_is_split_into_its_facts():
    atoms = split_statement("About 150 people attended SFASS, which opened on 29 October at Lotte Hotel.",
                            is_topic=lambda name: name == "SFASS")
    values = [(a.kind, a.value) for a in atoms if a.kind]
    assert values == [("number", "About 150"), ("date", "29 October"), ("name", "Lotte Hotel")]


def test_a_korean_statement_is_split_too_and_a_date_range_stays_one_claim():
    atoms = split_statement("SFASS는 10월 28~29일 이틀간 서울 호텔 나루 엠갤러리에서 열렸고 150여 명이 참석했다.",
                            is_topic=lambda name: name == "SFASS")
    values = {a.value: a.kind for a in atoms if a.kind}
    assert values == {"10월 28~29일": "date", "이틀간": "duration", "서울 호텔 나루 엠갤러리": "name", "150여": "number"}
    assert next(a for a in atoms if a.kind == "date").values == ["10-28", "10-29"]


def test_a_quoted_theme_is_a_title_claim_and_a_quoted_name_beside_it_is_not():
    """"'X'를 주제로 '2025 인공지능 안전 서울 포럼'이 열렸다": X is the theme; the forum's name, quoted after the word
    for a theme, is no title; "Trustworthy AI" inside a quoted title is no name of its own."""
    atoms = split_statement("'보다 안전한 AI 세상을 향한 글로벌 협력'을 주제로 ‘2025 인공지능 안전 서울 포럼’이 열렸다.")
    assert [a.value for a in atoms if a.kind == "title"] == ["보다 안전한 AI 세상을 향한 글로벌 협력"]
    atoms = split_statement("SFASS opened under the banner 'Trustworthy AI for All'.", is_topic=lambda n: n == "SFASS")
    assert [(a.kind, a.value) for a in atoms if a.kind in ("title", "name")] == [("title", "Trustworthy AI for All")]


@pytest.mark.parametrize("statement", [
    "포럼 주제는 '보다 안전한 AI 세상을 향한 글로벌 협력'ㅎㅎ 작년(2024) AI 서울 정상회의 후속 행사라고 함",
    "Anthropic spoke on day one 👀 Scale AI signed the MOU on day two",
])
def test_laughter_or_an_emoji_ends_a_chatty_sentence(statement):
    atoms = split_statement(statement)
    assert len({a.sentence for a in atoms}) == 2
    for a in atoms:
        assert not re.search(r"ㅎㅎ|👀", statement[slice(*a.sentence)])


def test_a_day_of_the_week_beside_a_date_is_a_fact_with_that_dates_values():
    for text, written, day in [("opening Tuesday 28 October", "Tuesday", 1), ("29일(화) 체결", "(화)", 1),
                               ("10월 28일 화요일 개막", "화요일", 1), ("wraps up Thursday, Oct 30", "Thursday", 3),
                               ("둘째 날인 29일, 목요일에", "목요일", 3)]:
        weekday = next(f for f in fact_spans(text) if f.kind == "weekday")
        date = next(f for f in fact_spans(text) if f.kind == "date")
        assert (weekday.text, weekday.weekday, weekday.values) == (written, day, date.values)


@pytest.mark.parametrize("forms", [
    ("10월 28일", "28 October", "Oct. 28", "October 28th", "28.10.2025", "SFASS 10/28 개막", "10.28 포럼 개막",
     "10.28(화) 개막한 SFASS", "SFASS opened 10.28 (Tue)", "SFASS는 10.28에 개막", "10.28부터 이틀간",
     "첫날(10.28)엔 개회식", "2025. 10. 28.(화) 개막", "2025. 10. 28. 개막", "개막: 10. 28.(화)"),
])
def test_dates_compare_equal_across_languages_and_forms(forms):
    assert {tuple(facts(f).dates) for f in forms} == {("10-28",)}


def test_a_fraction_a_decimal_or_a_percentage_is_no_date():
    for text in ("1/2 of them", "24/7 support", "It grew 10.25% a year", "평점 4.55 점", "price 10.50 won",
                 "점수 9.12 - 10", "가격은 10.25(원)", "시장이 10.25배 커졌다", "점수는 10.25점"):
        assert not facts(text).dates, text


def test_a_telephone_number_is_no_count_and_no_year():
    """"Call 031-645-2026" dates nothing: a summary of the event must not take it for the sentence saying when."""
    for text in ("After the festival, call 031-645-2026", "문의: 02-2025-1234", "+82-2-2025-1234로 연락"):
        found = facts(text)
        assert not (found.years or found.numbers or found.dates), (text, found)
        assert not fact_spans(text), text
    assert facts("2025-10-28 개막, 참가자 1,500-2,000명").numbers == ["1500", "2000"]


def test_a_range_of_dotted_dates_gives_both_days():
    assert facts("10.28~10.29 SFASS").dates == ["10-28", "10-29"]
    assert facts("10.28(화)~10.29(수) 양일간 열린 SFASS").dates == ["10-28", "10-29"]
    assert facts("SFASS는 10.28~10.29 이틀 일정으로 진행됐다").dates == ["10-28", "10-29"]  # the range before the day
    # as a Korean notice writes them, a dot and a space after each part
    assert facts("기간: 2026. 10. 9.(금) ~ 10. 11.(일), 3일간").dates == ["10-09", "10-11"]


def test_numbered_items_and_scores_written_with_dots_are_no_dates():
    for text in ("1. 2. 3. 순서로", "버전 3. 5. 출시", "점수는 9. 5. 였다"):
        assert not facts(text).dates, text


def test_a_count_written_with_a_thousands_comma_is_never_a_year():
    """"Some 2,000 streetlights" counts streetlights; "in 2026" is a year."""
    found = facts("Some 2,000 streetlights will go dark in 2026.")
    assert found.numbers == ["2000"] and found.years == ["2026"]


def test_numbers_and_durations_compare_equal_across_forms():
    assert {tuple(facts(f).numbers) for f in ("150여 명", "about 150 people", "some 150 participants",
                                              "one hundred and fifty people", "백오십 명 남짓",
                                              "백오십여 명")} == {("150",)}
    assert facts("삼십 개국").numbers == ["30"] and facts("천명 장관은").numbers == []  # 천명: a name, not 1,000
    assert {tuple(facts(f).durations) for f in ("이틀간", "two days", "a two-day forum", "2일간")} == {("2",)}
    assert facts("사흘 동안").durations == ["3"]
    # a Korean amount written in parts is one number, and a currency may come before the number
    assert {tuple(facts(f).money) for f in ("총상금 1억 2천만 원", "KRW 120 million", "120,000,000원")} == {
        ("120000000 KRW",)}
    assert facts("관람객 1만 5천여 명").numbers == ["15000"] and facts("상금 3천만 원").money == ["30000000 KRW"]


@pytest.mark.parametrize(("text", "counted"), [
    ("About 150 people took part.", "people"), ("150여 명이 참석했다.", "people"), ("28 countries took part.", "count"),
    ("부스 60개가 들어선다.", "count"), ("32 teams compete.", "teams"), ("It was held on day two of SFASS.", ""),
    ("Day one was 28 October, and day two was 29 October.", ""),
])
def test_a_number_counts_what_its_unit_names_and_a_numbered_day_counts_nothing(text, counted):
    numbers = [f for f in fact_spans(text) if f.kind == "number"]
    assert numbers and all(f.counted() == counted for f in numbers), [(f.text, f.unit) for f in numbers]


def test_times_of_day_compare_across_languages_and_forms():
    def times(text):
        return [f.values for f in fact_spans(text) if f.kind == "time"]
    assert times("오후 2시 30분") == times("2:30 p.m.") == [["pm", "14:30"]]
    assert times("on the afternoon of day two") == times("둘째 날 오후") == [["pm"]]
    assert times("3시") == [["03:00", "15:00"]]  # either reading of a bare hour
    assert [f.values for f in fact_spans("the two-day forum (28.10.–29.10.)") if f.kind == "date"] == [["10-28", "10-29"]]
    assert not [f for f in fact_spans("it grew by 2.5. Then version 1.2.3") if f.kind == "date"]


# -- labels ---------------------------------------------------------------------------------------------


def test_each_claim_of_a_mixed_statement_gets_its_own_label(bot):
    verdict = bot.check("About 150 people attended SFASS, which opened on 29 October at Lotte Hotel.")
    claims = {c.value: c for c in verdict.claims}
    assert claims["About 150"].label == "supported" and claims["About 150"].citations
    assert claims["29 October"].label == "contradicted"
    assert facts(claims["29 October"].documents_value).dates == ["10-28"]
    assert "28 October" in claims["29 October"].citations[0].text
    assert claims["Lotte Hotel"].label == "contradicted"
    assert claims["Lotte Hotel"].documents_value == "Hotel Naru Seoul MGallery"
    assert verdict.label == "contradicted"


@pytest.mark.parametrize("statement, speaker, label, documents_speaker", [
    ("김명주 소장은 개회식에서 “AI 안전은 국가 안보와 직결된 과제”라고 강조했다.", "김명주", "contradicted", "송상훈"),
    ("At the opening ceremony, Kim Myung-joo declared that AI safety is a task directly linked to national security.",
     "Kim Myung-joo", "contradicted", "Song Sang-hoon"),
    ("Kim Myung-joo said Korea's AI safety institute will become the hub of the global network.", "Kim Myung-joo",
     "supported", None),
])
def test_who_said_a_quotation_decides_the_speaker_claim(bot, statement, speaker, label, documents_speaker):
    claim = next(c for c in bot.check(statement).claims if c.value == speaker)
    assert claim.label == label and claim.documents_value == documents_speaker and claim.citations


@pytest.mark.parametrize("speaker, label", [("배경훈 장관", "contradicted"), ("송상훈 지원단장", "supported")])
def test_who_said_a_quotation_is_checked_when_named_after_it(bot, speaker, label):
    """"…라고 말한 건 X였다": the speaker comes after the words, as a person with a title."""
    verdict = bot.check(f"개회식 축사에서 ‘AI 안전은 국가 안보와 직결된 과제’라고 말한 건 {speaker}이었다.")
    claim = next(c for c in verdict.claims if speaker in c.value)
    assert claim.label == label and claim.citations and "송상훈" in claim.citations[0].text
    assert label == "supported" or claim.documents_value == "송상훈"


def test_a_wrong_part_of_the_day_is_contradicted_and_the_right_one_supported(bot):
    wrong = bot.check("The joint red-teaming practice with Scale AI was held on the morning of day two.")
    claim = next(c for c in wrong.claims if c.value == "morning")
    assert claim.label == "contradicted" and claim.documents_value == "afternoon"
    right = bot.check("SFASS 둘째 날 오후에 Scale AI와 공동 레드티밍 실습이 열렸다.")
    assert next(c for c in right.claims if c.value == "오후").label == "supported"


@pytest.mark.parametrize("statement, part", [
    ("Korea AISI and Scale AI ran a joint red-teaming exercise in the morning session of day two.", "morning"),
    ("Day two (Oct 29) featured the MOU signing, a morning red-teaming practice and a keynote by OpenAI.", "morning"),
])
def test_a_part_of_the_day_is_checked_against_the_happening_the_sentence_names_among_other_words(
        bot, statement, part):
    """Words the documents never use ("AISI", "exercise", "featured") around the part of the day do not hide that
    the documents give the same happening (a joint red-teaming practice on day two) another part of the day."""
    claim = next(c for c in bot.check(statement).claims if c.value == part)
    assert claim.label == "contradicted" and claim.documents_value == "afternoon" and claim.citations


def test_a_chat_acronym_opening_a_post_is_no_name_to_contradict(bot):
    """"ICYMI" (in case you missed it) names nobody: read as a name, it was "contradicted" by the institute beside
    it, the worst error a fact check can make for a journalist."""
    verdict = bot.check("ICYMI #SFASS2025 day 2: KR AI Safety Inst x @scale_AI signed an MOU, joint red-teaming in "
                        "the afternoon session")
    assert not any("ICYMI" in (c.value or "") and c.label == "contradicted" for c in verdict.claims)
    assert verdict.label != "contradicted"


@pytest.mark.parametrize("statement, part", [
    ("In the morning of day two, the Korea AI Safety Institute signed an MOU with Scale AI.", "morning"),
    ("둘째 날 오전에 Scale AI와의 MOU 체결식이 열렸다.", "오전"),
])
def test_a_part_of_the_day_given_to_another_happening_is_not_contradicted(bot, statement, part):
    """The documents place the red-teaming practice, not the signing, in the afternoon: of when the MOU was signed
    they say nothing."""
    assert next(c for c in bot.check(statement).claims if c.value == part).label == "not_found"


def test_another_form_of_a_verb_the_documents_use_is_no_unknown_word(bot):
    """The documents say the practice "ran" in the afternoon; a claim that it "was run" in the morning speaks of
    the same thing in another form of the verb, and is contradicted."""
    claims = bot.check("The joint red-teaming practice of the Korea AI Safety Institute and Scale AI was run on the "
                       "morning of day two.").claims
    claim = next(c for c in claims if c.value == "morning")
    assert claim.label == "contradicted" and claim.documents_value == "afternoon", claims


@pytest.mark.parametrize("statement", ["Under the banner of safety, SFASS 2025 promised a follow-up forum in 2026.",
                                       "2025 인공지능 안전 서울 포럼은 2026년에 후속 포럼을 열 예정이다."])
def test_the_year_in_the_events_name_is_the_edition_and_no_rival_of_a_later_year(bot, statement):
    """"SFASS 2025" names the edition: the follow-up forum's year (2026) in the same sentence is no other value
    for it, and a sentence naming the 2025 forum supports it."""
    claims = bot.check(statement).claims
    edition = next(c for c in claims if c.value == "2025")
    assert edition.label == "supported" and "2025" in edition.quote, claims
    assert bot.check("SFASS 2024 kicked off on 28 October in Seoul.").claims[0].label == "contradicted"


def test_an_organisation_written_with_its_abbreviation_in_brackets_keeps_its_role(bot):
    """"정보통신산업진흥원(NIPA)이 주관했다": the name runs to the bracket it opened, so the role after it is read,
    and the documents' organiser stands against it."""
    claims = bot.check("SFASS는 과기정통부가 주최하고 정보통신산업진흥원(NIPA)이 주관했다.").claims
    organiser = next(c for c in claims if "NIPA" in (c.value or ""))
    assert organiser.value == "정보통신산업진흥원(NIPA)", claims
    assert organiser.label == "contradicted" and "인공지능안전연구소" in organiser.documents_value, claims


@pytest.mark.parametrize("statement", ["SFASS opened on 28 October, not wrapping up until 2 November.",
                                       "The forum didn't close until 2 November."])
def test_not_ending_until_a_day_says_the_event_ended_that_day(bot, statement):
    """"not … until 2 November" is when the event ended: the documents' last day stands against it."""
    claim = next(c for c in bot.check(statement).claims if c.value == "2 November")
    assert claim.label == "contradicted" and claim.documents_value == "29 October", claim


@pytest.mark.parametrize("statement, label, documents", [
    ("Yoo Hyun-seok of KOCCA spoke at SFASS.", "supported", None),
    ("Yoo Hyun-seok of Google spoke at SFASS.", "contradicted", "KOCCA"),
    ("Kim Myung-joo of the National AI Strategy Committee gave the welcome address.", "contradicted", "ETRI"),
])
def test_a_person_named_with_their_organisation_is_checked_against_the_documents_post(bot, statement, label,
                                                                                    documents):
    """"X of Y": the documents give each person one post; another organisation is contradicted with it."""
    claim = bot.check(statement).claims[0]
    assert " of " in claim.value and claim.label == label, claim
    assert documents is None or documents in claim.documents_value, claim


def test_the_address_of_a_person_named_with_their_organisation_is_that_persons(bot):
    """The documents give Song Sang-hoon the congratulatory address: "the welcome address" is what is wrong, not
    who he is."""
    claims = bot.check("Song Sang-hoon of the National AI Strategy Committee delivered the welcome address.").claims
    assert claims[0].label == "supported", claims
    address = next(c for c in claims if "welcome" in c.value)
    assert address.label == "contradicted" and "congratulatory" in address.documents_value, claims


@pytest.mark.parametrize("statement, label", [
    ("Day-two speakers swapped benchmarking experience.", "supported"),
    ("둘째 날 연사들은 벤치마킹 경험을 나눴다.", "supported"),
    ("Day-two speakers criticised benchmarking experience.", "not_found"),
    ("둘째 날 연사들은 벤치마킹 경험을 비판했다.", "not_found"),
])
def test_a_verb_of_sharing_the_documents_do_not_use_says_what_they_say_and_another_verb_does_not(bot, statement,
                                                                                               label):
    """The documents say the speakers "shared" (공유) their benchmarking experience: "swapped" or "나눴다" says the
    same; "criticised" says something they never say."""
    claim = next(c for c in bot.check(statement).claims if "benchmark" in c.value or "벤치마킹" in c.value)
    assert claim.label == label, claim


@pytest.mark.parametrize("statement, value, label, documents", [
    ("'모두를 위한 안전한 AI'를 주제로 열린 SFASS에는 150여 명이 참석했다.", "모두를 위한 안전한 AI", "contradicted",
     "보다 안전한 AI 세상을 향한 글로벌 협력"),
    ("SFASS took place under the theme 'Safe AI for Every Nation'.", "Safe AI for Every Nation", "contradicted",
     "Global Cooperation for a Safer AI Future"),
    ("SFASS의 주제는 '보다 안전한 AI 세상을 향한 글로벌 협력'이었다.", "보다 안전한 AI 세상을 향한 글로벌 협력", "supported",
     None),
    # one word changed is no longer the documents' title, nor clearly another one
    ("The forum's theme was 'Global Cooperation for a Better AI Future'.", "Global Cooperation for a Better AI Future",
     "not_found", None),
    # the documents give day one several session topics: another is not contradicted by them
    ("첫째 날 'AI 에이전트 보안'을 주제로 한 세션이 열렸다.", "AI 에이전트 보안", "not_found", None),
])
def test_a_quoted_theme_is_one_claim_checked_against_the_title_the_documents_give(bot, statement, value, label,
                                                                                documents):
    claims = bot.check(statement).claims
    claim = next(c for c in claims if c.value == value)
    assert claim.label == label and claim.documents_value == documents, claims


@pytest.mark.parametrize("statement, day, date, documents", [
    ("MOU는 첫날인 10월 28일 체결됐다.", "첫날", "10월 28일", "10월 29일"),
    ("The MOU was signed with Scale AI on the forum's opening day, Oct 28.", "opening day", "Oct 28", "29 October"),
])
def test_a_signing_on_the_wrong_day_marks_the_day_and_the_date_beside_it(bot, statement, day, date, documents):
    """The MOU was signed on day two: "signed on the opening day" is no day its parties merely took part on (Scale
    AI also sent speakers on day one), and the date written beside the day says the same wrong thing."""
    labels = {c.value: c for c in bot.check(statement).claims}
    assert labels[day].label == "contradicted", labels
    assert labels[date].label == "contradicted" and labels[date].documents_value == documents, labels
    right = {c.value: c.label for c in bot.check("SFASS opened on its first day, 28 October.").claims}
    assert right == {"first day": "supported", "28 October": "supported"}, right


@pytest.mark.parametrize("statement, value, label, documents", [
    ("Videos of the sessions are on the MSIT website.", "MSIT", "contradicted", "ETRI (한국전자통신연구원) homepage"),
    ("세션 영상은 과기부 누리집에서 볼 수 있다.", "과기부", "contradicted", "한국전자통신연구원 홈페이지"),
    ("세션 영상은 ETRI 홈페이지에서 볼 수 있다.", "ETRI 홈페이지", "supported", None),
    # a site for something the documents put on no site is not theirs to contradict
    ("Ticket booking opened on the MSIT website.", "MSIT", "not_found", None),
])
def test_whose_website_something_is_on_is_checked_against_the_site_the_documents_name(bot, statement, value, label,
                                                                                     documents):
    """The documents put the session videos and materials on ETRI's homepage (한국전자통신연구원 홈페이지)."""
    claim = next(c for c in bot.check(statement).claims if c.value == value)
    assert claim.label == label and claim.documents_value == documents, claim


def test_the_particle_of_a_phrasal_verb_is_not_what_a_count_is_of(bot):
    """"The summit that SFASS follows up on drew 31 countries": "up" says nothing of what was counted, so the
    documents' sentence giving the summit's 28 countries, which has no "up", stands against it."""
    claim = next(c for c in bot.check("The 2024 AI Seoul Summit that SFASS follows up on drew 31 countries.").claims
                 if c.value == "31")
    assert claim.label == "contradicted" and claim.documents_value == "28", claim


@pytest.mark.parametrize("statement", ["Sessions ran 9am–6pm each day.", "세션은 매일 오전 9시부터 오후 6시까지 진행됐다."])
def test_a_span_of_hours_is_one_claim_an_afternoon_session_does_not_contradict(bot, statement):
    """The documents place one session in the afternoon: that neither confirms nor denies the hours of every day."""
    spans = [c for c in bot.check(statement).claims if "9" in (c.value or "")]
    assert len(spans) == 1 and "6" in spans[0].value and spans[0].label == "not_found"


@pytest.mark.parametrize("statement, value, documents", [
    ("참석자들 “한국 민관 협력 모델, 세계 AI 안전의 표준 될 수 있어”", "세계", "아시아"),
    ("Participants said Korea's public-private model could become the global standard for AI safety.", "global",
     "Asia"),
])
def test_a_quote_with_another_reach_is_contradicted_on_that_word(bot, statement, value, documents):
    """The documents quote "아시아 AI 안전의 표준": the world, in its place, is what is wrong."""
    claim = next(c for c in bot.check(statement).claims if c.label == "contradicted")
    assert claim.value == value and claim.documents_value == documents, claim


def test_at_home_and_abroad_is_no_other_reach_than_international():
    from assistant.checking.claim_check import _scope

    assert {"world", "domestic"} <= _scope("국내외 학계·산업계·정부 관계자").keys()
    assert _scope("international experts").keys() == {"world"}


@pytest.mark.parametrize("statement, value, documents", [
    ("France's AI Action Summit took place in March 2025.", "March 2025", "February 2025"),
    ("프랑스 AI Action Summit은 2025년 3월에 열린다.", "2025년 3월", "2025년 2월"),
])
def test_a_date_with_only_frame_words_beside_it_is_contradicted_by_the_same_things_date(bot, statement, value,
                                                                                        documents):
    """"took place in" says nothing of what the date is of: the rest of the claim does ("France's AI Action
    Summit"), and a sentence saying all of it with another month contradicts it."""
    claim = next(c for c in bot.check(statement).claims if c.value == value)
    assert claim.label == "contradicted" and claim.documents_value == documents, claim


@pytest.mark.parametrize("statement, value", [("300 guests attended SFASS.", "300"),
                                              ("Two hundred-plus experts gathered for SFASS.", "Two hundred-plus"),
                                              ("SFASS에는 전문가 300명이 참석했다.", "300")])
def test_a_head_count_in_other_words_for_people_is_contradicted_by_the_documents_count(bot, statement, value):
    """The documents count "people" ("150여 명"); guests and experts are people counted on the same slot."""
    claim = next(c for c in bot.check(statement).claims if c.value == value)
    assert claim.label == "contradicted" and "150" in (claim.documents_value or ""), claim


def test_a_relative_clause_says_its_own_thing_whatever_the_other_clauses_say(bot):
    """The words no document uses sit in another clause ("forecast to hit KRW 10tn"); the relative clause with its
    own verb is about the summit's countries, which the documents give."""
    verdict = bot.check("SFASS builds on the 2024 AI Seoul Summit, which brought together 30 countries, as Korea's "
                        "AI safety market is forecast to hit KRW 10tn by 2030.")
    claim = next(c for c in verdict.claims if c.value == "30" and c.label == "contradicted")
    assert claim.documents_value == "28"


def test_a_list_member_the_documents_do_not_list_is_not_found_not_contradicted(bot):
    verdict = bot.check("Day one featured speakers from the Japan and Singapore AI safety institutes, the EU AI Office "
                        "and OpenAI.")
    claims = {c.value: c for c in verdict.claims}
    assert claims["OpenAI"].label == "not_found" and claims["EU AI Office"].label == "supported"
    assert verdict.label != "contradicted"


def test_a_name_the_documents_gloss_in_brackets_counts_as_the_same_name(bot):
    verdict = bot.check("SFASS 세션 영상은 ETRI 홈페이지에서 볼 수 있다.")  # the documents: 한국전자통신연구원(ETRI) 홈페이지
    assert next(c for c in verdict.claims if "ETRI" in c.value).label == "supported"


def test_a_person_named_with_the_title_the_documents_give_them_is_supported(bot):
    said = "linked follow-up cooperation to France's AI Action Summit in February 2025."
    right = _labels(bot.check(f"Deputy Prime Minister Bae Kyung-hoon {said}"))
    assert right["Deputy Prime Minister Bae Kyung-hoon"] == "supported"
    # a title no document gives him is not confirmed by the sentences that name him
    wrong = _labels(bot.check(f"Vice President Bae Kyung-hoon {said}"))
    assert wrong["Vice President Bae Kyung-hoon"] != "supported"


@pytest.mark.parametrize("statement, value", [
    ("Sclae AI signed an MOU with the Korea AI Safety Institute on day two.", "Sclae AI"),  # misspelt
    ("The Korean AISI signed an MOU with Scale AI on day two.", "Korean AISI"),  # by its acronym
    ("Scale AI는 미국 회사고 첫날엔 연사로도 나왔음.", "미국 회사"),  # a company described by its country
    ("Scale AI, a US-based firm, signed the MOU.", "US-based"),  # ... or where it is based
])
def test_a_name_written_another_way_is_never_contradicted(bot, statement, value):
    labels = _labels(bot.check(statement))
    assert value in labels and labels[value] != "contradicted"
    assert "contradicted" not in labels.values()


def test_a_misspelt_word_is_read_as_the_documents_word_and_the_claim_quotes_it_as_typed(bot):
    verdict = bot.check("The two-day forum was organised by ETRI's AI Saftey Institute.")
    claim = next(c for c in verdict.claims if c.value and "Saftey" in c.value)
    assert claim.label == "supported" and verdict.statement[claim.start:claim.end] == claim.value
    assert "contradicted" not in {c.label for c in verdict.claims}
    # a number word is a word, not a misspelling of one the documents use ("three" is not "there")
    assert _labels(bot.check("SFASS was a three-day forum."))["three-day"] == "contradicted"


def test_a_name_spelt_in_hangul_is_the_name_the_documents_write_in_latin_letters(bot):
    verdict = bot.check("앤트로픽은 첫째 날과 둘째 날 모두 연사를 보냈다.")
    claim = next(c for c in verdict.claims if c.value and "앤트로픽" in c.value)
    assert claim.label == "supported" and verdict.statement[claim.start:claim.end] == claim.value
    assert "contradicted" not in {c.label for c in verdict.claims}


def test_a_quotation_joined_to_the_next_clause_by_its_ending_is_a_claim_of_its_own(bot):
    """"'…'며 …": what was quoted and what else was said are two claims, each found in its own sentence."""
    verdict = bot.check("송상훈 지원단장은 축사에서 'AI 안전은 국가 안보와 직결된다'며 국제 협력이 필요하다고 강조했다.")
    quoted = next(c for c in verdict.claims if "직결" in c.value)
    assert quoted.label == "supported" and "협력" not in quoted.value
    assert _labels(verdict)["국제 협력이 필요하다고"] == "supported"


def test_a_participle_before_the_subject_says_its_dates_of_the_event(bot):
    """"Held Oct. 28-29 at …, the forum drew …": the opening clause is about the forum, whatever the next clause
    says, so its dates are checked as the forum's, right or wrong."""
    right = _labels(bot.check("Held Oct. 28-29 at the Hotel Naru Seoul MGallery, the forum drew some 150 attendees "
                              "and was livestreamed on YouTube."))
    assert right["Oct. 28-29"] == "supported" and right["some 150"] == "supported"
    wrong = bot.check("Held Oct. 27-28 at the Hotel Naru Seoul MGallery, the forum drew some 150 attendees.")
    assert "contradicted" in {c.label for c in wrong.claims if c.value and "27" in c.value}


def test_ai_in_letters_inside_a_korean_name_is_the_korean_word_for_it(bot):
    """"한국 AI안전연구소" is "한국 인공지능안전연구소": the same institute, never a contradiction of it."""
    verdict = bot.check("Scale AI가 한국 AI안전연구소와 MOU를 맺었다.")
    assert _labels(verdict)["한국 AI안전연구소"] == "supported" and verdict.label != "contradicted"
    assert _labels(bot.check("국가AI전략위원회의 송상훈 지원단장이 축사를 했다."))["국가AI전략위원회"] == "supported"


def test_a_name_the_documents_write_in_latin_letters_translated_into_korean_is_that_name(bot):
    """The Korean documents write "AI Seoul Summit"; a Korean writer translates it. It is the same summit, not
    another organisation of the documents, and its count is checked against the summit's."""
    verdict = bot.check("AI 서울 정상회의에는 28개국이 참여했다.")
    assert _labels(verdict) == {"AI 서울 정상회의": "supported", "28": "supported"}
    assert _labels(bot.check("2024년 AI 서울 정상회의에는 29개국이 참여했다."))["29"] == "contradicted"


@pytest.mark.parametrize("statement, value", [("Of the roughly 150 attendees, most were Korean.", "roughly 150"),
                                              ("It drew 150-odd participants from academia.", "150-odd")])
def test_a_number_claim_holds_the_word_saying_it_is_approximate(bot, statement, value):
    claim = next(c for c in bot.check(statement).claims if "150" in (c.value or ""))
    assert claim.value == value and claim.label == "supported"


def test_a_city_and_venue_in_a_korean_headline_are_the_place_it_was_held(bot):
    verdict = bot.check("SFASS, 10월 28~29일 부산 벡스코서 열려…300명 참석")
    venue = next(c for c in verdict.claims if c.value == "벡스코")
    assert venue.label == "contradicted" and "호텔 나루" in (venue.documents_value or "")


@pytest.mark.parametrize("statement, value, label, documents", [
    ("Day one (Oct. 29) covered Big Tech's strategies for safe AI development.", "Oct. 29", "contradicted", "28"),
    ("첫째 날(10월 29일)에는 빅테크 전략이 논의됐다.", "10월 29일", "contradicted", "28"),
    ("SFASS 둘째 날(10월 29일)에는 레드티밍 실습이 있었다.", "10월 29일", "supported", None),
])
def test_the_date_given_for_a_day_of_the_event_is_that_days_date(bot, statement, value, label, documents):
    claim = next(c for c in bot.check(statement).claims if c.value == value)
    assert claim.label == label and claim.citations
    assert documents is None or documents in (claim.documents_value or "")


@pytest.mark.parametrize("statement", ["Organisers say the next Seoul AI safety forum is pencilled in for 2027.",
                                       "후속 포럼은 2027년에 열릴 예정이다."])
def test_the_year_planned_for_the_next_forum_is_checked(bot, statement):
    claim = next(c for c in bot.check(statement).claims if c.value and "2027" in c.value)
    assert claim.label == "contradicted" and "2026" in (claim.documents_value or "")


@pytest.mark.parametrize("country, label", [("UK", "contradicted"), ("US", "supported")])
def test_a_company_described_by_its_country_after_its_name_is_checked(bot, country, label):
    """"Scale AI, the UK-based specialist …": a description of the company, not a list of two names."""
    verdict = bot.check(f"Scale AI, the {country}-based specialist in frontier-model evaluation, sent a speaker.")
    claim = next(c for c in verdict.claims if c.value == f"{country}-based")
    assert claim.label == label and (label == "supported" or claim.documents_value == "US")


@pytest.mark.parametrize("statement, label", [
    ("KOCCA president Yoo Hyun-seok tied the AISI network to K-content.", "contradicted"),  # acting president
    ("Acting KOCCA president Yoo Hyun-seok tied the AISI network to K-content.", "supported"),
    ("ETRI AI Safety Institute director Kim Myung-joo gave the welcome address.", "supported"),
])
def test_a_post_written_before_the_name_is_checked_like_one_after_it(bot, statement, label):
    claim = next(c for c in bot.check(statement).claims if c.value and re.search(r"president|director", c.value))
    assert claim.label == label, claim
    assert label == "supported" or "acting president" in (claim.documents_value or "")


def test_a_week_long_forum_contradicts_the_two_days(bot):
    claim = next(c for c in bot.check("Week-long Seoul AI safety forum sees Korea's AISI sign deal w/ Scale AI").claims
                 if c.value == "Week-long")
    assert claim.label == "contradicted" and facts(claim.documents_value).durations == ["2"]


def test_the_hashtags_ending_a_post_are_no_claims_but_one_inside_it_is_its_subject(bot):
    verdict = bot.check("About 150 people from academia, industry & govt attended. #SFASS2025 #AISafety")
    assert not [c for c in verdict.claims if c.value and "#" in verdict.statement[c.start:c.end]]
    assert "contradicted" not in {c.label for c in verdict.claims}
    inline = bot.check("MSIT-hosted #SFASS2025 drew about 150 people to Seoul.")
    assert {c.label for c in inline.claims if c.value in ("MSIT-hosted", "150")} == {"supported"}


def test_a_wrong_venue_after_a_clause_about_something_else_is_contradicted(bot):
    """The organiser's clause before it says nothing of where the forum took place."""
    verdict = bot.check("The two-day forum, organised by ETRI's AI Safety Institute, took place at Lotte Hotel Seoul.")
    claim = next(c for c in verdict.claims if c.value == "Lotte Hotel Seoul")
    assert claim.label == "contradicted" and "Naru" in (claim.documents_value or "")


@pytest.mark.parametrize("statement, weekday, label, documents", [
    ("SFASS opened on Wednesday 28 October.", "Wednesday", "contradicted", "Tuesday 28 October 2025"),
    ("SFASS opened on Tuesday 28 October.", "Tuesday", "supported", None),
    ("한국 AI안전연구소는 29일(화) Scale AI와 MOU를 체결했다.", "(화)", "contradicted", "2025년 10월 29일 수요일"),
])
def test_a_day_of_the_week_beside_a_date_the_documents_give_is_checked_against_the_calendar(
        bot, statement, weekday, label, documents):
    claim = next(c for c in bot.check(statement).claims if c.value == weekday)
    assert claim.label == label and claim.documents_value == documents
    assert label != "contradicted" or claim.citations  # the passage giving the date


def test_a_wrong_last_day_with_its_day_of_the_week_is_contradicted(bot):
    labels = _labels(bot.check("The three-day Seoul Forum on AI Safety & Security wraps up Thursday, Oct 30."))
    assert labels["Oct 30"] == "contradicted" and labels["Thursday"] == "not_found"  # no document dates the 30th


@pytest.mark.parametrize("statement, organisation, documents", [
    ("SFASS was hosted by ETRI's AI Safety Institute.", "ETRI's AI Safety Institute", "Ministry of Science and ICT"),
    ("SFASS was organised by the Ministry of Science and ICT.", "Ministry of Science and ICT", "ETRI"),
    ("이번 포럼은 한국전자통신연구원 인공지능안전연구소가 주최했다.", "한국전자통신연구원 인공지능안전연구소", "과학기술정보통신부"),
    # an organisation the documents never name, given a part they give another one
    ("SFASS was hosted by Samsung.", "Samsung", "Ministry of Science and ICT"),
    # a name and its part written as one noun phrase ("ETRI 인공지능안전연구소 주최"); the holder is no person
    ("ETRI 인공지능안전연구소 주최로 열린 포럼", "ETRI 인공지능안전연구소", "과학기술정보통신부"),
])
def test_host_and_organiser_are_not_confused(bot, statement, organisation, documents):
    """The documents name both in one breath; the one hosting is not the one running the forum."""
    claim = next(c for c in bot.check(statement).claims if c.value == organisation)
    assert claim.label == "contradicted" and documents in (claim.documents_value or ""), claim


def test_the_host_and_the_organiser_in_their_parts_are_supported(bot):
    labels = _labels(bot.check("SFASS was hosted by the Ministry of Science and ICT and organised by ETRI's AI Safety "
                               "Institute."))
    assert labels["Ministry of Science and ICT"] == "supported" and labels["ETRI's AI Safety Institute"] == "supported"


def test_a_website_is_a_homepage_and_whose_it_is_is_the_claim(bot):
    """The documents say the session videos are on the ETRI homepage: "homepage" and "website" only say where
    online, and whose site it is carries the claim."""
    right = bot.check("Session videos from SFASS are on the ETRI homepage.")
    assert {c.label for c in right.claims} == {"supported"}
    wrong = bot.check("Session videos are on the MSIT website.")
    assert all(c.label != "supported" for c in wrong.claims if "MSIT" in c.value or "website" in c.value)


@pytest.mark.parametrize("statement, wrong", [
    ("김명주 인공지능안전연구소장은 개회식에서 환영사를 했다.", False),  # the title fused with its institute
    ("유현석 한국콘텐츠진흥원 원장 직무대행은 K-콘텐츠를 언급했다.", False),  # acting, written apart
    ("유현석 콘진원 원장직무대행은 K-콘텐츠를 언급했다.", False),
    ("유현석 콘진원 원장은 K-콘텐츠를 언급했다.", True),  # the documents: acting president
])
def test_a_korean_post_is_compared_title_to_title(bot, statement, wrong):
    assert ("contradicted" in _labels(bot.check(statement)).values()) is wrong


def test_a_korean_short_name_made_of_the_long_names_syllables_is_that_name(bot):
    assert _labels(bot.check("이번 포럼은 과기부가 주최했다."))["과기부"] == "supported"


def test_the_wrong_day_for_the_mou_signing_is_not_supported_by_a_sentence_naming_both_days(bot):
    labels = _labels(bot.check("Scale AI와의 MOU 체결식은 개막일인 28일에 열렸다."))
    assert labels.get("개막일") != "supported" and "contradicted" in labels.values()


def test_a_phrasal_verb_is_no_thing_the_documents_lack(bot):
    claim = next(c for c in bot.check("SFASS kicked off Oct 28 at the Lotte Hotel in Seoul.").claims
                 if c.value == "Lotte Hotel")
    assert claim.label == "contradicted" and "MGallery" in claim.documents_value


def test_the_event_named_one_way_in_the_claim_and_another_in_the_passage_is_the_same_event(bot):
    statement = "The Korea AI Safety Institute inked its MOU with Anthropic on day two of the forum, Oct 29."
    claim = next(c for c in bot.check(statement).claims if c.value == "Anthropic")
    assert claim.label == "contradicted" and claim.documents_value == "Scale AI"


def test_a_headline_ellipsis_separates_its_claims(bot):
    labels = _labels(bot.check("SFASS 10월 28일 개막…국내외 200여 명 참석"))
    assert labels["10월 28일"] == "supported" and labels["200여"] == "contradicted"


def test_a_headline_tag_is_no_word_of_the_claim_and_the_wrong_opening_day_is_contradicted(bot):
    verdict = bot.check("[속보] SFASS 2025, 오늘(27일) 호텔 나루 서울 엠갤러리서 개막…국내외 150여명 참석")
    labels = _labels(verdict)
    assert labels["27일"] == "contradicted" and labels["150여"] == "supported"
    assert all(verdict.statement[c.start:c.end] == c.value for c in verdict.claims if c.value)


def test_a_statement_true_in_every_part_is_supported(bot):
    verdict = bot.check("The forum took place at the Hotel Naru Seoul MGallery on 28 and 29 October 2025.")
    assert verdict.label == "supported"
    assert all(c.label == "supported" and c.citations for c in verdict.claims)


@pytest.mark.parametrize("statement", [
    "Korea AI Safety Institute signs MOU with Anthropic to step up AI evaluation and red-teaming research",
    "Korea's AI Safety Institute inked an MOU with Anthropic on day 2 (Oct 29).",
])
def test_a_wrong_partner_in_a_longer_sentence_is_contradicted_with_the_documents_partner(bot, statement):
    claim = next(c for c in bot.check(statement).claims if c.value == "Anthropic")
    assert claim.label == "contradicted" and claim.documents_value == "Scale AI"


def test_a_wrong_partner_is_contradicted_with_the_documents_partner(bot):
    verdict = bot.check("The Korea AI Safety Institute signed an MOU with Anthropic.")
    claim = next(c for c in verdict.claims if c.value == "Anthropic")
    assert claim.label == "contradicted" and claim.documents_value == "Scale AI"
    assert "Scale AI" in claim.citations[0].text


@pytest.mark.parametrize("statement, wrong, right", [
    ("About 300 people attended the forum.", "300", {"numbers": ["150"]}),
    ("SFASS 포럼에는 300여 명이 참여했다.", "300여", {"numbers": ["150"]}),
    # a misspelt word for what is counted ("attendes") counts people all the same
    ("Around 250 attendes from academia, industry and government joined the forum.", "250", {"numbers": ["150"]}),
    ("SFASS was a three-day event.", "three-day", {"durations": ["2"]}),
    ("포럼은 사흘 일정으로 진행됐다.", "사흘", {"durations": ["2"]}),
    # the event's length beside a word the documents never use for the event, or before a verb
    ("SFASS, a three-day gathering that opened on Oct. 28, explored AI safety governance.", "three-day",
     {"durations": ["2"]}),
    ("포럼은 10월 28일 개막해 사흘간 이어졌다.", "사흘간", {"durations": ["2"]}),
    # a reflexive pronoun is no word of what the claim is about
    (("The forum built on the 2024 AI Seoul Summit, which drew 27 countries and itself followed the Bletchley "
      "Declaration."), "27", {"numbers": ["28"]}),
    # a particle after a Latin-script name ("SFASS에는") is no word of its own that the documents lack
    ("SFASS에는 300명이 참석했다.", "300", {"numbers": ["150"]}),
    # a date said to be when the event ended (or began) stands against that end of the documents' span of days
    ("사흘 일정으로 열린 SFASS는 30일 폐막했다.", "30일", {"dates": ["10-29"]}),
    ("SFASS는 28일에 끝났다.", "28일", {"dates": ["10-29"]}),
    ("포럼은 29일 개막했다.", "29일", {"dates": ["10-28"]}),
    # a clause with no subject of its own goes on about the event named before it
    ("포럼은 10월 28일 개막해 사흘간 이어진 뒤 30일 폐막했다.", "30일", {"dates": ["10-29"]}),
    # how many came, in words the documents never use for it ("몰렸다", "academics"), in a clause of its own
    ("SFASS에는 200명이 몰렸다.", "200", {"numbers": ["150"]}),
    ("Some 250 academics, industry figures and government officials attended SFASS.", "250", {"numbers": ["150"]}),
    ("과기정통부가 주최한 이번 SFASS에는 약 300명이 참석했으며, 행사장에서는 점심으로 한식 뷔페가 제공됐다.", "300",
     {"numbers": ["150"]}),
    # the words describing the event itself ("과기정통부가 주최한 이번 포럼") only say which event it is
    ("과기정통부가 주최한 이번 포럼에는 200여 명이 몰렸고, 점심에는 한식 뷔페가 제공됐다.", "200여", {"numbers": ["150"]}),
    # an adverb beside the value, or starting the sentence with a capital, is no thing the documents lack
    ("Around 300 academics, industry folks and officials turned up at SFASS.", "300", {"numbers": ["150"]}),
    ("The 2024 AI Seoul Summit brought together 32 countries.", "32", {"numbers": ["28"]}),
    # a crowd drawn is how many came
    ("Seoul's AI safety forum drew a crowd of some 300 attendees from academia, industry and government.", "300",
     {"numbers": ["150"]}),
    # a word for the event as such, a weekday or month written short, "after": none is a thing the documents lack
    ("The forum wrapped up Wed 29 Oct after two days, and the next edition is planned for 2027.", "2027",
     {"years": ["2026"]}),
])
def test_a_wrong_value_is_contradicted_with_both_values(bot, statement, wrong, right):
    claim = next(c for c in bot.check(statement).claims if re.search(rf"(?<!\d){wrong}(?!\d)", c.value or ""))
    assert claim.label == "contradicted" and claim.citations
    found = facts(claim.documents_value)
    assert all(getattr(found, field) == values for field, values in right.items())


@pytest.mark.parametrize("statement, value", [
    ("SFASS는 10월 29일 폐막했다.", "10월 29일"),
    ("SFASS opened on 28 October.", "28 October"),
    ("The forum's second day began on 29 October.", "29 October"),  # a day's start, not the event's
    # the rest of the phrase saying it ended or began is no word a supporting sentence must hold
    ("Two-day SFASS wrapped up Wednesday, Oct 29.", "Oct 29"),
    ("SFASS kicked off on Oct 28.", "Oct 28"),
    # a hashtag inside the sentence is the words it runs together, and names nothing of its own
    ("Two-day #SFASS2025 wrapped up Wednesday, Oct 29 🇰🇷 #AISafety", "Oct 29"),
    # the event's span of days, given as one
    ("MSIT-hosted #SFASS2025 drew ~150 ppl to Seoul on Oct 28-29.", "Oct 28-29"),
    ("#SFASS 둘째 날(10.29) 한국 AI안전연구소 ↔ Scale AI MOU 체결!", "10.29"),
])
def test_the_right_first_or_last_day_of_the_event_is_supported(bot, statement, value):
    assert next(c for c in bot.check(statement).claims if c.value == value).label == "supported"


@pytest.mark.parametrize("statement", ["SFASS kicked off on Oct 28.", "SFASS는 28일 막을 올렸다.",
                                       "SFASS wrapped up on Oct 29."])
def test_a_true_start_or_end_in_other_words_is_supported_as_a_whole(bot, statement):
    """The words saying it began or ended are no claim of their own left "not found" beside the date."""
    verdict = bot.check(statement)
    assert verdict.label == "supported" and len(verdict.claims) == 1


def test_the_wrong_last_day_said_with_a_phrasal_verb_is_contradicted(bot):
    claim = next(c for c in bot.check("SFASS wrapped up on Oct 30.").claims if c.value == "Oct 30")
    assert claim.label == "contradicted" and facts(claim.documents_value).dates == ["10-29"]


def test_a_hashtag_inside_a_sentence_is_not_part_of_the_name_before_it(bot):
    labels = _labels(bot.check("MSIT-hosted #SFASS2025 kicked off Oct 28 at Hotel Naru Seoul MGallery."))
    assert labels["MSIT-hosted"] == "supported"


def test_a_claim_the_documents_do_not_address_is_not_found(bot):
    verdict = bot.check("The lunch menu was bibimbap.")
    assert verdict.label == "not_found" and all(not c.citations for c in verdict.claims)


@pytest.mark.parametrize("statement, post, label, documents_post", [
    ("송상훈 과기정통부 차관은 개회식 축사에서 국제 협력의 필요성을 강조했다.", "과기정통부 차관", "contradicted", "지원단장"),
    ("유현석 콘진원 원장은 축사를 했다.", "콘진원", "contradicted", "원장직무대행"),  # the acting president
    ("배경훈 과기정통부 장관은 SFASS에 대해 말했다.", "과기정통부 장관", "supported", None),
    ("Yoo Hyun-seok, president of KOCCA, spoke about K-content.", "KOCCA", "contradicted", "acting president"),
    ("Kim Myung-joo, head of the National AI Strategy Committee's support group, spoke.", "National AI Strategy Committee",
     "contradicted", "AI Safety Institute"),
    ("Song Sang-hoon, head of the support group of the National AI Strategy Committee, spoke.",
     "National AI Strategy Committee", "supported", None),
])
def test_a_persons_post_is_checked_against_the_post_the_documents_give(bot, statement, post, label, documents_post):
    claim = next(c for c in bot.check(statement).claims if c.value == post)
    assert claim.label == label and claim.citations
    assert documents_post is None or documents_post in claim.documents_value


def test_the_kind_of_address_a_person_gave_is_checked(bot):
    """송상훈 gave the congratulatory address (축사), not the welcome address (환영사)."""
    verdict = bot.check("송상훈 국가인공지능전략위원회 지원단장은 개회식 환영사에서 국제 협력의 필요성을 강조했다.")
    address = next(c for c in verdict.claims if "환영사" in c.value)
    assert address.label == "contradicted" and address.documents_value == "축사"
    person = next(c for c in verdict.claims if c.value == "송상훈")
    assert person.label == "supported"


def test_the_address_is_checked_for_the_person_of_its_own_clause(bot):
    """Another clause of the sentence naming someone else leaves no doubt whose address it is."""
    verdict = bot.check("배경훈 장관은 축하 인사를 전했고, 송상훈 단장은 환영사를 맡았다.")
    address = next(c for c in verdict.claims if "환영사" in c.value)
    assert address.label == "contradicted" and address.documents_value == "축사"


def test_a_wrong_pairing_of_person_and_address_is_marked_once_on_the_address(bot):
    """Song Sang-hoon, one of the documents' people, gave the congratulatory address: the address is what is
    wrong, and the person is not marked a second time with whoever gave the welcome address."""
    verdict = bot.check("Song Sang-hoon delivered the welcome address at the opening ceremony.")
    marked = [c for c in verdict.claims if c.label == "contradicted"]
    assert len(marked) == 1 and "welcome address" in marked[0].value, verdict.claims
    assert "congratulatory" in marked[0].documents_value.lower(), verdict.claims


def test_a_person_is_not_contradicted_by_someone_else_holding_the_post_they_are_given(bot):
    """The post beside a name describes the person: a sentence giving another person that kind of post is no
    rival for what the claim says the person did."""
    verdict = bot.check("Kim Myung-joo, head of the AI Safety Institute of ETRI, gave the welcome address.")
    assert verdict.label == "supported"


def test_a_persons_post_is_not_contradicted_by_an_organisation(bot):
    verdict = bot.check("MOU 체결식에서는 Scale AI 최고경영자가 직접 서명했다.")
    assert verdict.label != "contradicted"


@pytest.mark.parametrize("statement, claimed, documents", [
    ("Scale AI는 영국의 AI 평가 전문 기업이다.", "영국", "미국"),
    ("Scale AI is a British company.", "British", "US"),
])
def test_a_company_given_another_country_is_contradicted_by_the_documents_country(bot, statement, claimed, documents):
    claim = next(c for c in bot.check(statement).claims if c.value == claimed)
    assert claim.label == "contradicted" and claim.documents_value == documents and claim.citations


def test_a_country_said_of_something_else_in_the_passage_does_not_contradict_a_companys_country(bot):
    """"한국 인공지능안전연구소와 Scale AI": 한국 is the institute's, so it says nothing of where Scale AI is from."""
    labels = _labels(bot.check("ETRI AI안전연구소와 미국 스케일AI는 29일 MOU를 맺었다."))
    assert "contradicted" not in labels.values()


def test_the_country_of_a_summit_is_compared_with_the_same_summits(bot):
    claim = next(c for c in bot.check("Bae Kyung-hoon pushed for cooperation tied to the UK's AI Action Summit.").claims
                 if c.value == "UK")
    assert claim.label == "contradicted" and claim.documents_value == "France"


@pytest.mark.parametrize("country, label, documents", [("Germany", "contradicted", "France"),
                                                      ("France", "supported", None)])
def test_the_country_a_summit_is_said_to_be_in_is_compared_with_the_documents(bot, country, label, documents):
    """"the AI Action Summit in Germany": the documents put it in France ("the AI Action Summit in France")."""
    verdict = bot.check(f"He also pushed follow-up cooperation tied to the AI Action Summit in {country}.")
    claim = next(c for c in verdict.claims if c.value == country)
    assert claim.label == label and claim.documents_value == documents and claim.citations


def test_a_country_listed_with_others_is_not_contradicted_by_one_of_the_others(bot):
    verdict = bot.check("한국, 일본, 영국의 AI 안전연구소가 첫째 날 발표했다.")
    assert next(c for c in verdict.claims if c.value == "영국").label != "contradicted"


def test_a_country_named_another_way_is_the_same_country(bot):
    claim = next(c for c in bot.check("Scale AI is an American company.").claims if c.value == "American")
    assert claim.label == "supported"


def test_a_colloquial_second_sentence_without_a_subject_is_about_the_event_of_the_first(bot):
    """"SFASS 하루짜리 행사였지? 28일에 끝났다며": the forum ended on the 29th."""
    verdict = bot.check("sfass 하루짜리 행사였지? 28일에 끝났다며")
    ended = next(c for c in verdict.claims if c.value.startswith("28일"))
    assert ended.label == "contradicted" and "29" in ended.documents_value


def test_the_organisation_someone_is_said_to_head_is_not_contradicted_by_another_persons(bot):
    """Bae Kyung-hoon heads the Ministry of Science and ICT; a sentence where someone else is head of another
    body says nothing against it."""
    verdict = bot.check("Bae Kyung-hoon, who heads the Ministry of Science and ICT, spoke at the opening.")
    assert verdict.label != "contradicted"


def test_a_time_the_documents_never_give_is_not_found_not_contradicted(bot):
    verdict = bot.check("The opening ceremony on 28 October started at 10 a.m.")
    time = next(c for c in verdict.claims if c.value.startswith("10"))
    assert time.label == "not_found" and not time.citations
    assert verdict.label != "contradicted"


def test_the_explanation_is_in_the_statements_language(bot):
    verdict = bot.check("SFASS는 10월 27일에 개막했다.")
    claim = next(c for c in verdict.claims if c.value == "10월 27일")
    assert claim.label == "contradicted"
    assert "10월 27일" in claim.explanation and "문서" in claim.explanation
    assert bot.check("SFASS opened on 28 October.").claims[0].explanation == "The documents say so."


@pytest.mark.parametrize("statement, lang, words", [
    ("", "en", "statement"),
    ("   ", "en", "statement"),
    ("가" * 5000, "ko", "문장이 너무 깁니다"),
])
def test_an_empty_or_enormous_statement_gets_a_clear_message(bot, statement, lang, words):
    verdict = bot.check(statement)
    assert verdict.error and words in verdict.error and verdict.language == lang and not verdict.claims


@pytest.mark.parametrize("name, country", [
    ("영국", "GB"), ("the UK", "GB"), ("British", "GB"), ("미국", "US"), ("U.S.", "US"), ("American", "US"),
    ("Scale AI", None), ("us", None), ("인도", None),
])
def test_a_country_is_known_by_its_name_short_form_or_adjective(name, country):
    assert country_of(name) == country


def test_the_countries_of_a_sentence_are_found_with_particles_after_them():
    assert countries_in("Scale AI는 미국의 AI 전문기업이다.") == [("US", "미국")]
    assert countries_in("Speakers came from the US and Japan; none from South Korea.") == [
        ("US", "US"), ("JP", "Japan"), ("KR", "South Korea")]


def test_a_person_the_documents_never_mention_is_not_contradicted_by_the_organisations_they_list(bot):
    """The documents name the organisations that sent speakers, not every speaker: that someone else spoke is not
    found, not contradicted; one person in another's unique role still is."""
    verdict = bot.check("Did Yoshua Bengio speak?")
    assert all(c.label != "contradicted" for c in verdict.claims), verdict
    verdict = bot.check("Yoshua Bengio gave the welcome address at the opening.")
    assert any(c.label == "contradicted" and "Kim Myung-joo" in (c.documents_value or "") for c in verdict.claims)


@pytest.mark.parametrize("statement", ["SFASS의 장소는 코엑스 그랜드볼룸이다.", "The venue was the Coex Grand Ballroom."])
def test_a_venue_named_as_the_venue_is_contradicted_by_the_documents_venue(bot, statement):
    """"장소는 X" says X is a place, even one the documents never name, and one written as two words."""
    verdict = bot.check(statement)
    assert any(c.label == "contradicted" and ("나루" in (c.documents_value or "") or "Naru" in (c.documents_value or ""))
               for c in verdict.claims), verdict


def test_a_headline_place_shortened_with_seo_is_checked_as_the_venue(bot):
    """Headlines shorten 에서 to 서 ("롯데호텔 서울서 개막"); the place is still the claimed venue."""
    verdict = bot.check("과기정통부 주최 SFASS, 10월 28일 롯데호텔 서울서 개막")
    venue = next(c for c in verdict.claims if "롯데호텔" in (c.value or ""))
    assert venue.label == "contradicted" and "나루" in venue.documents_value


@pytest.mark.parametrize("statement", ["SFASS ran for a single day, 28 October 2025.", "SFASS was a single-day event."])
def test_a_single_day_is_a_length_of_time_the_documents_contradict(bot, statement):
    claim = next(c for c in bot.check(statement).claims if "single" in (c.value or ""))
    assert claim.label == "contradicted" and re.search(r"two days|2 days|이틀", claim.documents_value)


def test_a_korean_name_with_the_wrong_title_is_contradicted_and_a_misquote_still_is(bot):
    """김명주 is 소장 (director), not 원장; and the words "AI 안전은 국가 안보와 직결된 과제" are 송상훈's."""
    titled = next(c for c in bot.check("김명주 원장은 개회식에서 환영사를 했다.").claims if c.value == "김명주 원장")
    assert titled.label == "contradicted" and "소장" in titled.documents_value
    misquoted = bot.check("김명주 소장은 “AI 안전은 국가 안보와 직결된 과제”라며 국제 협력의 필요성을 강조했다.")
    assert any(c.label == "contradicted" and "김명주" in (c.value or "") for c in misquoted.claims)


def test_the_last_day_of_a_span_written_as_two_dates_is_checked_as_when_the_event_ended(bot):
    """"10.28~10.31": the forum ended on 29 October, so the span's last day is contradicted on its own."""
    claims = bot.check("10.28~10.31 나흘간 진행된 SFASS… 글로벌 AI 안전 거버넌스 논의").claims
    last = next(c for c in claims if c.value == "10.31")
    assert last.label == "contradicted" and "29" in last.documents_value
    assert not any(c.label == "contradicted" and c.value == "10.28" for c in claims)


@pytest.mark.parametrize("statement, value", [
    ("과기정통부 주최 SFASS 2025, 10월 30일 서울 호텔 나루 엠갤러리서 막 올라", "10월 30일"),
    ("과기정통부가 주최한 2025 AI안전 서울포럼이 지난 2025.10.30 막을 올렸다.", "2025.10.30"),
])
def test_a_headline_saying_the_forum_opened_on_a_wrong_day_is_contradicted(bot, statement, value):
    """"…서 막 올라" (opened at …) keeps the venue and the verb in the date's clause, and the words describing the
    forum before it ("과기정통부가 주최한") do not make the date another thing's."""
    claim = next(c for c in bot.check(statement).claims if c.value == value)
    assert claim.label == "contradicted" and "28" in claim.documents_value


def test_a_count_of_countries_is_not_contradicted_by_an_earlier_summits_count(bot):
    """The documents' 28 countries are those of the 2024 AI Seoul Summit, not of SFASS's attendees."""
    claims = bot.check("About 150 attendees from 20 countries gathered for SFASS in Seoul.").claims
    assert not any(c.label == "contradicted" for c in claims), claims
    claims = bot.check("The 2024 AI Seoul Summit drew 30 countries.").claims
    assert any(c.label == "contradicted" and "28" in c.documents_value for c in claims), claims


def test_a_count_said_of_one_summit_is_not_contradicted_by_anothers(bot):
    """The documents' 28 countries took part in the AI Seoul Summit; a count of the AI Action Summit's countries
    is about another summit, which the documents give no count of."""
    claims = bot.check("Participants looked ahead to France's AI Action Summit in February 2025, which the "
                       "organisers said 40 countries would attend.").claims
    assert not any(c.label == "contradicted" for c in claims), claims


def test_the_second_party_of_an_agreement_between_two_is_checked_as_its_partner(bot):
    """"A와 B 사이에 열린 MOU 체결식": B is the partner the documents name (Scale AI), or contradicted by it."""
    claims = bot.check("둘째 날 MOU 체결식은 한국 인공지능안전연구소와 METR 사이에 열렸다.").claims
    wrong = next(c for c in claims if c.value == "METR")
    assert wrong.label == "contradicted" and wrong.documents_value == "Scale AI", claims
    claims = bot.check("둘째 날 MOU 체결식은 한국 인공지능안전연구소와 Scale AI 사이에 열렸다.").claims
    assert next(c for c in claims if c.value == "Scale AI").label == "supported", claims


def test_something_the_documents_never_name_is_not_contradicted_by_a_name_listed_with_its_subject(bot):
    """Google and Anthropic shared guidelines on day one; a Gemini demo is not something Anthropic did instead."""
    claims = bot.check("SFASS 첫째 날 Google은 모델 평가와 윤리 가이드라인을 공유했고, Gemini 안전성 데모도 선보였다.").claims
    assert not any(c.label == "contradicted" for c in claims), claims


def test_an_address_given_by_someone_else_is_not_the_named_persons(bot):
    """Kim Myung-joo gave the welcome address; a keynote by another speaker is not said to be Kim's."""
    claims = bot.check("Kim Myung-joo welcomed participants on Tuesday, 28 October, ahead of a keynote by "
                       "Anthropic's CEO.").claims
    assert not any(c.label == "contradicted" for c in claims), claims
    claims = bot.check("Kim Myung-joo gave the keynote address at the opening.").claims
    assert any(c.label == "contradicted" for c in claims), claims


@pytest.mark.parametrize("statement", ["The forum lasted a full week after opening on 28 October 2025.",
                                       "It was a one-week forum."])
def test_a_week_written_in_words_is_a_length_the_two_days_contradict(bot, statement):
    claim = next(c for c in bot.check(statement).claims if "week" in (c.value or ""))
    assert claim.label == "contradicted", claim


def test_a_forecast_said_with_other_verbs_is_compared_with_the_documents_figure(bot):
    """"set to hit" says what the documents' "expected to grow to" says: 5 trillion won against their 10."""
    claim = next(c for c in bot.check("Korea's domestic AI safety market is set to hit 5 trillion won by 2030.").claims
                 if "trillion" in (c.value or ""))
    assert claim.label == "contradicted" and "10" in claim.documents_value


def test_a_closing_date_in_a_clause_going_on_with_and_is_the_forums(bot):
    """"SFASS opened on 27 October and closed on 30 October": the second clause is about SFASS too."""
    claims = bot.check("SFASS 2025 opened on Monday 27 October and closed on Thursday 30 October.").claims
    closed = next(c for c in claims if c.value == "30 October")
    assert closed.label == "contradicted" and "29" in closed.documents_value
    claims = bot.check("SFASS opened on 28 October and closed on 29 October.").claims
    assert all(c.label == "supported" for c in claims if c.value in ("28 October", "29 October")), claims


@pytest.mark.parametrize("statement, right, wrong, documents", [
    ("SFASS, 10월 28일부터 30일까지 사흘간 열려", "10월 28일", "30일", "29"),
    ("SFASS ran from 28 to 30 October.", "28", "30 October", "29"),
    ("SFASS ran from 27 to 29 October.", "29 October", "27", "28"),
])
def test_a_wrong_span_of_days_marks_only_the_end_that_is_wrong(bot, statement, right, wrong, documents):
    claims = {c.value: c for c in bot.check(statement).claims}
    assert claims[right].label == "supported", claims
    assert claims[wrong].label == "contradicted" and documents in claims[wrong].documents_value, claims


def test_the_right_span_of_days_stays_one_supported_claim(bot):
    claims = bot.check("SFASS는 10월 28일~29일 열렸다.").claims
    assert [(c.value, c.label) for c in claims if c.value.startswith("10월")] == [("10월 28일~29일", "supported")]



@pytest.mark.parametrize("statement, value, label, documents", [
    ("Safer AI and CARMA spoke on day one, and METR presented on 28 October too.", "28 October", "contradicted",
     "29 October"),
    ("METR은 첫째 날 발표했다.", "첫째 날", "contradicted", "둘째 날"),
    ("Safer AI and CARMA spoke on day one.", "day one", "supported", None),
])
def test_the_day_an_organisation_took_part_is_the_day_the_documents_list_it(bot, statement, value, label, documents):
    """METR is listed among day two's speakers' organisations only; Safer AI and CARMA among day one's."""
    claims = bot.check(statement).claims
    claim = next(c for c in claims if c.value == value)
    assert claim.label == label and (documents is None or documents in claim.documents_value), claims


def test_a_name_checked_for_its_day_is_not_contradicted_by_another_speaker(bot):
    """"Anthropic spoke on 29 October": Anthropic sent speakers on both days; another speaker's sentence does not
    make the name wrong. A person given the wrong address is still marked wrong, on the address."""
    assert all(c.label == "supported" for c in bot.check("Anthropic spoke on 29 October.").claims)
    claims = bot.check("Song Sang-hoon delivered the welcome address at the SFASS opening ceremony on 28 October.").claims
    assert any(c.label == "contradicted" and "welcome address" in c.value for c in claims), claims


@pytest.mark.parametrize("statement, label", [
    ("SFASS 2025 opened on a Wednesday at the Hotel Naru Seoul MGallery.", "contradicted"),
    ("SFASS는 화요일에 개막했다.", "supported"),
    ("SFASS는 수요일에 폐막했다.", "supported"),
    ("Kim gave the welcome address at Wednesday's opening ceremony.", "contradicted"),
    ("Speakers from the Japan AI Safety Institute took the stage on Wednesday, the opening day.", "contradicted"),
    ("첫날인 수요일에 개회식이 열렸다.", "contradicted"),
    ("The forum wrapped up on the last day, Wednesday.", "supported"),
])
def test_a_day_of_the_week_with_no_date_is_checked_against_the_forums_days(bot, statement, label):
    """The forum opened on Tuesday 28 October 2025 and closed on Wednesday 29 October."""
    claim = next(c for c in bot.check(statement).claims
                 if re.fullmatch(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[월화수목금토일]요일", c.value))
    assert claim.label == label, claim
    if label == "contradicted":
        assert ("Tuesday 28 October" if claim.value.isascii() else "10월 28일 화요일") in claim.documents_value


def test_a_place_after_a_possessive_is_a_claim_of_its_own(bot):
    """"Seoul's Lotte Hotel": Seoul owns the hotel; the hotel is the place claimed, and the documents name another."""
    claim = next(c for c in bot.check("SFASS 2025 opens at Seoul's Lotte Hotel.").claims if "Lotte" in c.value)
    assert claim.value == "Lotte Hotel" and claim.label == "contradicted"
    assert "Hotel Naru Seoul MGallery" in claim.documents_value


def test_a_day_of_the_week_none_of_the_forums_days_is_said_of_something_else_is_not_checked(bot):
    claim = next(c for c in bot.check("The MOU was signed on a Monday.").claims if c.value == "Monday")
    assert claim.label == "not_found"


@pytest.mark.parametrize("statement, weekday, label", [
    ("한국 인공지능안전연구소는 화요일에 Scale AI와 MOU를 체결했다.", "화요일", "contradicted"),
    ("The MOU with Scale AI was signed on a Wednesday.", "Wednesday", "supported"),
])
def test_a_day_of_the_week_said_of_something_at_the_forum_is_checked_as_that_days_date(bot, statement, weekday, label):
    """The MOU was signed on day two, Wednesday 29 October: a weekday that is one of the forum's days is that date."""
    claim = next(c for c in bot.check(statement).claims if c.value == weekday)
    assert claim.label == label, claim
    if label == "contradicted":
        assert claim.documents_value == "10월 29일 수요일"


def test_an_acronym_and_the_korean_name_glossing_the_same_name_are_one_organisation(bot):
    """The documents write "Ministry of Science and ICT (MSIT, 과학기술정보통신부)": MSIT is 과학기술정보통신부, the host."""
    claims = bot.check("MSIT가 주최한 SFASS에 Anthropic은 이틀 모두 연사를 보냈다.").claims
    assert next(c for c in claims if c.value == "MSIT").label == "supported", claims


def test_a_hotel_said_to_host_the_forum_is_where_it_was_held_not_its_host(bot):
    claims = bot.check("Seoul's Hotel Naru MGallery hosted the two-day AI safety forum.").claims
    hotel = next(c for c in claims if "Naru" in c.value)
    assert hotel.label == "supported", claims


@pytest.mark.parametrize("statement, value, label", [
    ("28일 개막한 포럼은 이튿날인 30일 막을 내렸다.", "30일", "contradicted"),
    ("첫날인 27일 개막식이 열렸다.", "27일", "contradicted"),
    ("둘째 날인 29일에는 MOU 체결식이 열렸다.", "29일", "supported"),
    ("SFASS opened on 28 October; the second day, 30 October, saw the MOU signing.", "30 October", "contradicted"),
])
def test_a_date_set_beside_a_day_of_the_forum_is_that_days_date(bot, statement, value, label):
    """Day one is 28 October, day two 29 October: "이튿날인 30일" claims day two was the 30th."""
    claims = bot.check(statement).claims
    claim = next(c for c in claims if c.value == value)
    assert claim.label == label, claims
    if label == "contradicted":
        assert claim.documents_value.endswith(("28일", "29일", "28 October", "29 October")), claim


def test_the_day_the_forum_ended_is_not_contradicted_by_the_day_it_opened(bot):
    """"28일 개막한 포럼은 이튿날 막을 내렸다": the clause names both the opening and the close; the opening day's
    sentence does not make "이튿날" wrong."""
    claims = bot.check("28일 개막한 포럼은 이튿날인 30일 막을 내렸다.").claims
    assert next(c for c in claims if c.value == "이튿날").label != "contradicted", claims


@pytest.mark.parametrize("statement, value", [
    ("미국의 AI 평가 기업 Scale AI가 30일 한국 인공지능안전연구소와 MOU를 맺었다.", "30일"),
    ("US evaluation firm Scale AI signed the MOU with the Korea AI Safety Institute on 30 October.", "30 October"),
])
def test_a_description_of_a_company_before_its_name_is_not_part_of_another_claim(bot, statement, value):
    """"미국의 AI 평가 기업 Scale AI": the words say what the company is; the date is still the MOU's, which the
    documents give as 29 October."""
    claim = next(c for c in bot.check(statement).claims if c.value == value)
    assert claim.label == "contradicted" and "29" in claim.documents_value, claim


def test_a_dash_between_spaces_ends_a_clause(bot):
    """"… 29 October 2025 — two days in all at the Naru hotel": the venue after the dash is a clause of its own, so
    the passages found for it do not stand in for those giving the dates before it."""
    claims = bot.check("Day one was on Tuesday 28 October and day two on Wednesday 29 October 2025 — two days in all "
                       "at the Naru hotel in Seoul.").claims
    labels = {c.value: c.label for c in claims}
    assert labels["28 October"] == labels["29 October 2025"] == labels["Naru"] == "supported", labels


def test_an_organisation_named_by_the_acronym_of_its_full_name_is_the_same_one(bot):
    """The documents write "acting president of KOCCA"; KOCCA is the Korea Creative Content Agency (KO-C-C-A), so
    the post is not contradicted by itself: for a journalist a false "contradicted" is the worst error."""
    claims = bot.check("Yoo Hyun-seok, acting president of the Korea Creative Content Agency, said industrial "
                       "innovation would accelerate.").claims
    assert not [c for c in claims if c.label == "contradicted"], claims


def test_a_korean_post_at_another_organisation_is_contradicted_with_the_documents_post(bot):
    """"유현석 정보통신산업진흥원 원장직무대행": the right title at the wrong agency; the documents give 콘진원. The title
    alone at no named organisation ("배경훈 장관은") does not disagree with one the claim names."""
    claim = next(c for c in bot.check("유현석 정보통신산업진흥원 원장직무대행은 산업 혁신이 가속화될 것이라고 덧붙였다.").claims
                 if "원장직무대행" in c.value)
    assert claim.label == "contradicted" and "콘진원" in claim.documents_value, claim
    right = next(c for c in bot.check("유현석 콘진원 원장직무대행은 산업 혁신이 가속화될 것이라고 덧붙였다.").claims
                 if "원장직무대행" in c.value or c.value == "콘진원")
    assert right.label == "supported", right
    minister = next(c for c in bot.check("배경훈 과기정통부 장관은 후속 협력을 강조했다.").claims if "장관" in c.value)
    assert minister.label == "supported", minister


@pytest.mark.parametrize("statement, value", [
    ("SFASS 첫째 날에는 일본·싱가포르 AI 안전연구소와 EU AI 사무국, 그리고 METR 등에서 연사가 참여했다.", "METR"),
    ("Speakers from Safer AI and CARMA took part on day one, as did Oxford University.", "Oxford University"),
])
def test_an_organisation_listed_on_the_wrong_day_is_contradicted_and_the_rest_of_the_list_is_not(bot, statement,
                                                                                                  value):
    """The documents list METR and Oxford University among day two's speakers: in a list of day one's, they are
    the wrong members (with the day they came), the others stay supported, and "등에서" names no place."""
    claims = bot.check(statement).claims
    wrong = next(c for c in claims if c.value == value)
    assert wrong.label == "contradicted" and wrong.documents_value in ("둘째 날", "day two"), claims
    assert all(c.label != "contradicted" for c in claims if c is not wrong), claims


def test_an_organisation_alone_on_the_wrong_day_leaves_the_day_contradicted(bot):
    """"The EU AI Office … on day two": the office is right, its day is wrong (it spoke on day one)."""
    labels = _labels(bot.check("The EU AI Office presented a risk-based regulatory framework on day two of SFASS."))
    assert labels["EU AI Office"] == "supported" and labels["day two"] == "contradicted", labels


def test_a_day_counted_from_the_opening_is_that_day_of_the_event(bot):
    """"개막 이틀 뒤" is the third day; the MOU was signed the day after the opening, day two."""
    claims = bot.check("MOU 체결식은 개막 이틀 뒤에 열렸다.").claims
    assert next(c for c in claims if c.value == "개막 이틀 뒤").label == "contradicted", claims
    assert day_ordinals("the day after the opening") == {2} and day_ordinals("개막 다음 날") == {2}


@pytest.mark.parametrize("statement, value, label", [
    ("영국 AI 기업인 Scale AI와의 협약 기간은 3년이다.", "영국 AI 기업", "contradicted"),
    ("The institute signed an MOU with Scale AI, a British firm.", "British", "contradicted"),
    ("한국 인공지능안전연구소는 29일 미국 AI 기업 Scale AI와 MOU를 체결했다.", "미국 AI 기업", "supported"),
    ("The institute signed an MOU with Scale AI, a US firm specialising in model evaluation.", "US", "supported"),
])
def test_a_company_described_by_its_country_is_checked_against_the_documents_description(bot, statement, value,
                                                                                          label):
    """The documents say Scale AI is a US company ("Scale AI는 미국의 AI 전문기업"): a British one is contradicted
    with the documents' country; the Korean institute it signed with is no description of Scale AI."""
    claim = next(c for c in bot.check(statement).claims if c.value == value)
    assert claim.label == label, claim
    assert label == "supported" or claim.documents_value in ("미국", "US"), claim


def test_a_possessive_and_an_adverb_starting_the_sentence_leave_the_claims_of_the_sentence_as_they_are(bot):
    """"Meanwhile Korea's …": neither the adverb nor the possessive ending is a word of the claim, so the year beside
    the market's size is checked against the documents' 2030 (the market's forecast is "expected" there)."""
    verdict = bot.check("Meanwhile Korea's domestic AI safety market is forecast to hit 10 trillion won by 2035.")
    labels = _labels(verdict)
    assert labels["2035"] == "contradicted" and labels["10 trillion won"] == "supported"
    assert not any(v.startswith(("Meanwhile", "s ")) for v in labels)
    assert next(c for c in verdict.claims if c.value == "2035").documents_value == "2030"


def test_a_noun_its_clause_says_the_subject_is_is_checked_against_that_subject(bot):
    """"스케일AI가 미국 회사라 의미 크다": what the company is, in a clause of its own before an opinion."""
    labels = _labels(bot.check("스케일AI가 미국 회사라 의미 크다고 함"))
    assert labels["미국 회사"] == "supported" and labels["의미 크다고"] == "not_found"
    assert _labels(bot.check("Scale AI가 영국 회사라 의미가 크다"))["영국 회사"] != "supported"


def test_a_quote_whose_last_word_ends_the_documents_sentence_is_supported(bot):
    """The documents' English sentence holds Hangul (a name in brackets) and ends "…will accelerate.": that last
    word is one word, as in the claim."""
    claim = next(c for c in bot.check("Yoo Hyun-seok said combining the AI safety institute network with K-content "
                                      "will accelerate industrial innovation.").claims
                 if c.value == "will accelerate industrial innovation")
    assert claim.label == "supported" and "accelerate" in claim.quote


def test_a_verb_for_signing_in_any_form_says_the_same_as_signed(bot):
    """"concluded" is a word for signing whose stem is cut short like the documents' words ("conclu")."""
    labels = _labels(bot.check("The Korea AI Safety Institute concluded an MOU with OpenAI on day two."))
    assert labels["concluded an MOU with"] == "supported" and labels["OpenAI"] == "contradicted"


@pytest.mark.parametrize("statement, value, documents_value", [
    ("The forum's second day was on 28 October.", "28 October", "29 October"),
    ("SFASS의 둘째 날은 10월 28일이었다.", "10월 28일", "10월 29일"),
    ("The forum's second day began on 28 October.", "28 October", "29 October"),
])
def test_the_date_a_clause_gives_one_day_of_the_event_is_that_days_date(bot, statement, value, documents_value):
    """Both the second day and 28 October are in the documents, but not as one: the date is the day's."""
    claim = next(c for c in bot.check(statement).claims if c.value == value)
    assert claim.label == "contradicted" and documents_value in claim.documents_value


@pytest.mark.parametrize("statement, value, label", [
    ("이번 포럼 참가 신청은 온라인 선착순으로 받았고 일주일 만에 마감됐대요", "일주일", "not_found"),
    ("Registration for the forum closed within a week.", "a week", "not_found"),
    ("SFASS 호텔 나루에서 28일 개막했는데 하루 만에 끝났대요", "하루", "contradicted"),
])
def test_how_long_until_something_happened_is_the_events_length_only_when_the_event_ended(bot, statement, value,
                                                                                            label):
    """"일주일 만에 마감": the registration closed after a week, which says nothing of how long the forum ran."""
    claim = next(c for c in bot.check(statement).claims if c.value.strip() == value)
    assert claim.label == label


def test_the_words_of_the_list_item_before_a_name_do_not_say_what_the_name_is(bot):
    """"송상훈 단장 축사, 김명주 소장 환영사가 있었다": "축사" and "단장" belong to the first item; read as the second
    one's, they made the documents' "국가인공지능전략위원회" (Song's committee) a rival value for Kim."""
    verdict = bot.check("개회식은 한 시간 정도 진행됐고 송상훈 단장 축사, 김명주 소장 환영사가 있었다")
    assert "contradicted" not in {c.label for c in verdict.claims}


def test_a_venue_is_contradicted_beside_other_names_of_other_clauses(bot):
    """"ran … at Lotte Hotel, hosted by X with Y as organizer": the ministry and the company are other claims of
    other clauses, not a list the hotel belongs to; the forum "ran" there says where it was held."""
    verdict = bot.check("The forum ran on 28 October at the Lotte Hotel, hosted by the Ministry of Science and ICT "
                        "with ETRI as organizer.")
    venue = next(c for c in verdict.claims if "Lotte" in c.value)
    assert venue.label == "contradicted" and "Naru" in venue.documents_value


def test_a_year_an_amount_is_projected_to_swell_to_is_compared_with_the_documents(bot):
    """The documents expect the domestic AI safety market to grow to 10 trillion won by 2030."""
    verdict = bot.check("Korea's domestic AI safety market is projected to swell to 10 trillion won by 2035.")
    year = next(c for c in verdict.claims if c.value == "2035")
    assert year.label == "contradicted" and year.documents_value == "2030"


def test_a_person_given_an_address_someone_else_gave_is_contradicted_with_that_person(bot):
    """The documents give the welcome address to 김명주 and none to the minister 배경훈."""
    verdict = bot.check("개회식 환영사는 배경훈 장관이 맡았다.")
    minister = next(c for c in verdict.claims if c.value == "배경훈")
    assert minister.label == "contradicted" and minister.documents_value == "김명주"


@pytest.mark.parametrize("quoted, label", [("AI 안전은 경제 안보와 직결된 과제", "contradicted"),
                                           ("AI 안전은 국가 안보와 직결된 과제", "supported")])
def test_a_quotation_with_one_word_changed_is_contradicted_with_the_documents_words(bot, quoted, label):
    verdict = bot.check(f"송상훈 지원단장은 축사에서 “{quoted}”라고 말했다.")
    claim = next(c for c in verdict.claims if quoted in c.value)
    assert claim.label == label
    if label == "contradicted":
        assert claim.documents_value == "AI 안전은 국가 안보와 직결된 과제" and claim.citations


def test_a_word_for_when_the_statement_is_written_names_nothing_the_documents_lack(bot):
    """"… at #SFASS today": the post's own day, not a detail of the forum the documents could give."""
    verdict = bot.check("Around 150 people from academia, industry and government at #SFASS today")
    assert verdict.label == "supported", verdict.claims


def test_demo_is_a_verb_of_showing(bot):
    """The documents say the red-teaming practice "demonstrated techniques for detecting AI vulnerabilities"."""
    verdict = bot.check("The Korea AI Safety Institute and Scale AI ran a joint red-teaming practice to demo AI "
                        "vulnerability detection.")
    shown = next(c for c in verdict.claims if "demo" in c.value)
    assert shown.label == "supported" and shown.citations


@pytest.mark.parametrize("statement, place, label, documents_value", [
    ("Three-day SFASS forum kicks off in Seoul on 28 October", "Seoul", "supported", None),
    ("SFASS는 서울에서 이틀간 열렸다.", "서울", "supported", None),
    ("SFASS는 부산에서 개막했다.", "부산", "contradicted", "서울 호텔 나루 엠갤러리"),
])
def test_the_city_an_event_is_placed_in_is_a_claim_even_when_it_is_a_word_of_the_events_name(
        bot, statement, place, label, documents_value):
    """"Seoul" is a word of "Seoul Forum on AI Safety & Security", but "in Seoul" says where the forum was."""
    verdict = bot.check(statement)
    claim = next(c for c in verdict.claims if c.value == place)
    assert claim.label == label and claim.documents_value == documents_value


def test_a_year_a_follow_up_is_announced_for_is_compared_with_the_documents(bot):
    """The documents plan the follow-up forum for 2026; "예고했다" (announced) says what is planned."""
    verdict = bot.check("과기정통부가 주최한 SFASS는 2027년 후속 포럼을 예고했다.")
    year = next(c for c in verdict.claims if c.value.startswith("2027"))
    assert year.label == "contradicted" and year.documents_value.startswith("2026")


def test_where_the_next_edition_is_held_is_not_supported_by_where_this_one_was(bot):
    """The documents plan a follow-up forum for 2026 and say nothing of where; SFASS itself was in Seoul."""
    verdict = bot.check("후속 포럼은 2026년 다시 서울에서 열린다.")
    assert next(c for c in verdict.claims if c.value == "서울").label == "not_found"
    assert next(c for c in verdict.claims if c.value.startswith("2026")).label == "supported"
