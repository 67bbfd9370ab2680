"""The forum's knowledge base: front matter, translations, consistency, source coverage, programme, eval set."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from assistant.evaluation.evalset import EvalItem, EvalSetError, load_eval_set
from assistant.question.language import detect_language
from index.config import PROJECT_ROOT
from index.loaders import load_file
from index.models import Document
from index.program import ProgramError, ProgramRow, load_program, program_documents

KNOWLEDGE = PROJECT_ROOT / "knowledge"
SEED = PROJECT_ROOT / "tests" / "fixtures" / "seed-article.txt"  # the raw news article, as saved
EVAL_FILE = PROJECT_ROOT / "tests" / "eval" / "questions.yaml"
KINDS = {"overview", "programme", "speakers", "organizations", "statements", "agreements", "context", "faq"}
PEOPLE = {"김명주", "배경훈", "송상훈", "유현석"}
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"], 1)}


@pytest.fixture(scope="module")
def markdown_docs() -> list[Document]:
    return [load_file(p, KNOWLEDGE) for p in sorted(KNOWLEDGE.glob("*.md"))]


@pytest.fixture(scope="module")
def program():
    return load_program(KNOWLEDGE / "program.yaml")


@pytest.fixture(scope="module")
def all_docs(markdown_docs, program) -> list[Document]:
    return markdown_docs + program_documents(program)


def _lines(doc: Document) -> list[str]:
    return [ln.strip() for ln in doc.text.splitlines() if ln.strip() and not ln.startswith("#")]


# --- front matter and translations -------------------------------------------------------------

def test_every_markdown_file_has_valid_front_matter_named_after_its_id(markdown_docs):
    assert len(markdown_docs) >= 16
    for doc in markdown_docs:
        assert Path(doc.path).stem == doc.meta.id, doc.path
        assert doc.meta.id.endswith("-" + doc.meta.lang)
        assert doc.meta.kind in KINDS
        assert "강한나" in doc.meta.source and "Welaunch" in doc.meta.source
        assert doc.meta.source_url == "https://aisafety.ai.kr/"
        assert doc.meta.as_of is not None and doc.meta.as_of.isoformat() == "2025-10-28"


def test_every_kind_exists_in_both_languages(markdown_docs):
    assert {(d.meta.kind, d.meta.lang) for d in markdown_docs} == {(k, lang) for k in KINDS for lang in ("ko", "en")}


def test_every_document_has_its_translation_both_ways(all_docs):
    by_id = {d.meta.id: d for d in all_docs}
    assert len(by_id) == len(all_docs), "duplicate document ids"
    for doc in all_docs:
        other = by_id.get(doc.meta.translation_of or "")
        assert other is not None, f"{doc.meta.id}: translation {doc.meta.translation_of!r} missing"
        assert other.meta.translation_of == doc.meta.id
        assert other.meta.lang != doc.meta.lang
        assert other.meta.kind == doc.meta.kind


def test_documents_are_written_in_their_declared_language(all_docs):
    for doc in all_docs:
        hangul = len(re.findall(r"[가-힣]", doc.text))
        latin = len(re.findall(r"[A-Za-z]", doc.text))
        share = hangul / (hangul + latin)
        assert (share > 0.5) if doc.meta.lang == "ko" else (share < 0.2), doc.meta.id


def test_translations_have_the_same_sections(markdown_docs):
    by_id = {d.meta.id: d for d in markdown_docs}
    for doc in markdown_docs:
        other = by_id[doc.meta.translation_of]
        headings = [ln for ln in doc.text.splitlines() if ln.startswith("#")]
        other_headings = [ln for ln in other.text.splitlines() if ln.startswith("#")]
        assert [h.split()[0] for h in headings] == [h.split()[0] for h in other_headings], doc.meta.id


# --- no two documents contradict each other, and none contradicts the source -------------------

def _dates(text: str) -> set[str]:
    ko = {f"{int(m):02d}-{int(d):02d}" for m, d in re.findall(r"(\d{1,2})월\s*(\d{1,2})일", text)}
    en = {f"{MONTHS[m]:02d}-{int(d):02d}" for d, m in re.findall(rf"(\d{{1,2}}) ({'|'.join(MONTHS)})", text)}
    return ko | en


def _month(value: str) -> str:
    return f"{MONTHS[value]:02d}" if value in MONTHS else f"{int(value):02d}"


# fact key -> (Korean regex, English regex, normaliser of the match groups, the value the source gives)
FACT_KEYS = {
    "attendance": (r"(\d+)여\s*명", r"about (\d+) (?:people|participants)", lambda g: g[0], "150"),
    "summit_countries": (r"(\d+)개국", r"(\d+) countries", lambda g: g[0], "28"),
    "market_size": (r"(\d+)조\s*원", r"(\d+) trillion won", lambda g: g[0], "10"),
    "market_year": (r"(\d{4})년 \d+조", r"trillion won by (\d{4})", lambda g: g[0], "2030"),
    "followup_forum_year": (r"후속 포럼은 (\d{4})년", r"follow-up forum to SFASS is planned for (\d{4})",
                            lambda g: g[0], "2026"),
    "seoul_summit_year": (r"(\d{4})년 AI Seoul Summit", r"AI Seoul Summit of (\d{4})", lambda g: g[0], "2024"),
    "action_summit_month": (r"AI Action Summit\S*\s*\(?(?:의 시기를 )?(\d{4})년 (\d+)월",
                            r"AI Action Summit in France (?:to |\()(\w+) (\d{4})",
                            lambda g: f"{g[0]}-{_month(g[1])}" if g[0].isdigit() else f"{g[1]}-{_month(g[0])}",
                            "2025-02"),
    "day_one_date": (r"첫째 날\s*\((?:\d{4}년\s*)?(\d+)월\s*(\d+)일\)", r"[Dd]ay one \((\d+) (\w+)",
                     lambda g: f"{_month(g[0])}-{int(g[1]):02d}" if g[0].isdigit() and int(g[0]) <= 12
                     and not g[1].isalpha() else f"{_month(g[1])}-{int(g[0]):02d}", "10-28"),
    "day_two_date": (r"둘째 날\s*(?:인\s*)?\(?(?:\d{4}년\s*)?(\d+)월\s*(\d+)일", r"[Dd]ay two(?: of SFASS,)? \(?(\d+) (\w+)",
                     lambda g: f"{_month(g[0])}-{int(g[1]):02d}" if not g[1].isalpha() else f"{_month(g[1])}-{int(g[0]):02d}",
                     "10-29"),
    "opening_date": (r"(\d+)월\s*(\d+)일에 개막", r"opened on (\d+) (\w+)",
                     lambda g: f"{_month(g[0])}-{int(g[1]):02d}" if not g[1].isalpha() else f"{_month(g[1])}-{int(g[0]):02d}",
                     "10-28"),
    "venue": (r"호텔\s+([가-힣]+)", r"Hotel\s+(\w+)", lambda g: {"Naru": "나루"}.get(g[0], g[0]), "나루"),
}

# the Korean forms, as written in the source, of the values above (" … " joins pieces found apart)
SEED_FORMS = {
    "attendance": "150여 명", "summit_countries": "28개국", "market_size": "10조 원", "market_year": "2030년 10조",
    "followup_forum_year": "후속 포럼은 2026년", "seoul_summit_year": "2024년 AI Seoul Summit",
    "action_summit_month": "AI Action Summit(2025년 2월)", "day_one_date": "10월 28일",
    "day_two_date": "10월 28일 … 둘째 날(29일)", "opening_date": "10월 28일 서울 호텔 나루 엠갤러리에서 성황리에 개막",
    "venue": "호텔 나루",
}


def test_fact_key_values_are_those_of_the_source():
    seed = SEED.read_text(encoding="utf-8")
    for key, form in SEED_FORMS.items():
        assert all(piece in seed for piece in form.split(" … ")), key
        assert all(part.lstrip("0") in form for part in FACT_KEYS[key][3].split("-")), key


@pytest.mark.parametrize("key", sorted(FACT_KEYS))
def test_documents_agree_on_each_fact(all_docs, key):
    ko_re, en_re, normalise, expected = FACT_KEYS[key]
    found: dict[str, set[str]] = defaultdict(set)
    for doc in all_docs:
        for match in re.finditer(ko_re if doc.meta.lang == "ko" else en_re, doc.text, flags=re.IGNORECASE):
            found[normalise(match.groups())].add(doc.meta.id)
    assert found, f"no document states {key}"
    assert set(found) == {expected}, f"{key}: documents disagree: {dict(found)}"
    langs = {i.rsplit("-", 1)[1] for ids in found.values() for i in ids}
    assert langs == {"ko", "en"}, f"{key} is stated in only one language"


def test_every_exact_date_is_a_forum_day(all_docs):
    for doc in all_docs:
        assert _dates(doc.text) <= {"10-28", "10-29"}, doc.meta.id


@pytest.mark.parametrize("event, pattern, day", [
    ("MOU signing", r"MOU 체결|MOU signing|signing ceremony (?:of|for) (?:the|an) MOU", "10-29"),
    ("red-teaming practice", r"레드티밍 실습|red-teaming practice", "10-29"),
    ("opening ceremony speeches", r"축사|환영사|congratulatory address|welcome address", "10-28"),
])
def test_every_dated_mention_of_an_event_gives_the_same_day(all_docs, event, pattern, day):
    dated = [(d.meta.id, ln) for d in all_docs for ln in _lines(d) if re.search(pattern, ln) and _dates(ln)]
    assert dated, f"no document dates the {event}"
    for doc_id, line in dated:
        assert _dates(line) == {day}, f"{doc_id}: {line}"


def test_each_person_has_one_romanization(all_docs):
    spellings: dict[str, set[str]] = defaultdict(set)
    for doc in all_docs:
        for roman, korean in re.findall(r"([A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?) \(([가-힣]{3})\)", doc.text):
            spellings[korean].add(roman)
    assert set(spellings) == PEOPLE | {"강한나"}
    assert all(len(s) == 1 for s in spellings.values()), dict(spellings)


@pytest.mark.parametrize("role, person", [
    (r"소장|[Dd]irector", "김명주"), (r"장관|Minister", "배경훈"),
    (r"지원단장|support group", "송상훈"), (r"원장직무대행|acting president", "유현석"),
])
def test_a_role_is_never_given_to_another_person(all_docs, role, person):
    for doc in all_docs:
        for line in _lines(doc):
            named = {p for p in PEOPLE if p in line}
            if re.search(role, line) and named:
                assert person in named, f"{doc.meta.id}: {line}"


# --- every fact of the source is in both languages ---------------------------------------------

# (as the source writes it, a form any Korean document must contain, a form any English document must contain)
SOURCE_FACTS = [
    ("2025 인공지능 안전 서울 포럼", "2025 인공지능 안전 서울 포럼", "Seoul Forum on AI Safety & Security"),
    ("Seoul Forum on AI Safety & Security", "Seoul Forum on AI Safety & Security", "SFASS"),
    ("10월 28일", "10월 28일", "28 October"),
    ("둘째 날(29일)", "10월 29일", "29 October"),
    ("이틀간", "이틀간", "two days"),
    ("서울 호텔 나루 엠갤러리", "서울 호텔 나루 엠갤러리", "Hotel Naru Seoul MGallery"),
    ("과학기술정보통신부", "과학기술정보통신부", "Ministry of Science and ICT"),
    ("부총리 겸 과기정통부 장관 배경훈", "부총리 겸 과기정통부 장관 배경훈", "Deputy Prime Minister and Minister of Science and ICT"),
    ("한국전자통신연구원 인공지능안전연구소", "한국전자통신연구원 인공지능안전연구소", "AI Safety Institute of ETRI"),
    ("소장 김명주", "소장은 김명주", "director of the AI Safety Institute of ETRI is Kim Myung-joo"),
    ("보다 안전한 AI 세상을 향한 글로벌 협력", "보다 안전한 AI 세상을 향한 글로벌 협력", "Global Cooperation for a Safer AI Future"),
    ("학계·산업계·정부 관계자 150여 명", "학계·산업계·정부 관계자 150여 명", "About 150 people from academia, industry and government"),
    ("거버넌스·평가·레드티밍의 방향성", "거버넌스·평가·레드티밍의 방향성", "AI safety governance, evaluation and red-teaming"),
    ("2024년 AI Seoul Summit의 후속", "2024년 AI Seoul Summit의 후속", "follow-up to the AI Seoul Summit of 2024"),
    ("송상훈 국가인공지능전략위원회 지원단장", "송상훈 국가인공지능전략위원회 지원단장", "National AI Strategy Committee"),
    ("AI 안전은 국가 안보와 직결된 과제", "AI 안전은 국가 안보와 직결된 과제", "directly linked to national security"),
    ("국제 협력의 필요성", "국제 협력의 필요성", "need for international cooperation"),
    ("글로벌 네트워크의 허브", "글로벌 네트워크의 허브", "hub of the global network"),
    ("AI 안전연구소 글로벌 네트워크", "AI 안전연구소 글로벌 네트워크", "global network of AI safety institutes"),
    ("빅테크의 안전 개발 전략", "빅테크의 안전 개발 전략", "Big Tech's strategies for safe AI development"),
    ("AI 모델 평가", "AI 모델 평가", "AI model evaluation"),
    ("한국 인공지능안전연구소의 실천적 접근", "한국 인공지능안전연구소의 실천적 접근", "practical approach of the Korea AI Safety Institute"),
    ("일본·싱가포르 AI 안전연구소", "싱가포르 AI 안전연구소", "Singapore AI Safety Institute"),
    ("EU AI 사무국", "EU AI 사무국", "EU AI Office"),
    ("LG AI연구원", "LG AI연구원", "LG AI Research"),
    ("네이버클라우드", "네이버클라우드", "Naver Cloud"),
    ("Safer AI", "Safer AI", "Safer AI"),
    ("CARMA(Center for AI Risk Management & Alignment)", "CARMA(Center for AI Risk Management & Alignment)",
     "CARMA (Center for AI Risk Management & Alignment)"),
    ("정책·기술·산업 접근", "정책·기술·산업 접근", "policy, technical and industry approaches"),
    ("프론티어 AI 모델 개발 기관의 안전 확보 노력", "프론티어 AI 모델 개발 기관의 안전 확보 노력", "safety efforts of frontier AI model developers"),
    ("지역 맞춤형 AI 거버넌스 구축", "지역 맞춤형 AI 거버넌스 구축", "region-specific AI governance"),
    ("위험 기반 규제 프레임워크", "위험 기반 규제 프레임워크", "risk-based regulatory framework"),
    ("모델 평가와 윤리 가이드라인", "모델 평가와 윤리 가이드라인", "ethics guidelines"),
    ("한국의 AI 안전 실증 사례", "한국의 AI 안전 실증 사례", "Korean case studies"),
    ("실무자들과의 대화 세션", "실무자들과의 대화 세션", "conversation session with practitioners"),
    ("아시아 AI 안전의 표준", "아시아 AI 안전의 표준", "standard for AI safety in Asia"),
    ("28개국 참여", "28개국", "28 countries"),
    ("Bletchley Declaration", "Bletchley Declaration", "Bletchley Declaration"),
    ("프랑스 AI Action Summit(2025년 2월)까지의 핵심 과제", "프랑스 AI Action Summit(2025년 2월)까지의 핵심 과제",
     "key task until the AI Action Summit in France (February 2025)"),
    ("AI 시스템 평가 및 벤치마킹", "AI 시스템 평가 및 벤치마킹", "AI system evaluation and benchmarking"),
    ("프론티어 AI 안전을 위한 레드티밍", "프론티어 AI 안전을 위한 레드티밍", "Red-teaming for Frontier AI Safety"),
    ("MLCommons, METR, Anthropic, Epoch AI, Future of Life Institute, Oxford University",
     "MLCommons, METR, Anthropic, Epoch AI, Future of Life Institute, Oxford University",
     "MLCommons, METR, Anthropic, Epoch AI, the Future of Life Institute and Oxford University"),
    ("AI 평가 방법론과 벤치마킹 경험", "AI 평가 방법론과 벤치마킹 경험", "benchmarking experience"),
    ("Scale AI 간 MOU 체결식", "Scale AI 간 MOU 체결식", "MOU between the Korea AI Safety Institute and Scale AI"),
    ("미국 AI 전문기업 Scale AI", "미국의 AI 전문기업", "US AI company"),
    ("AI 평가·레드티밍·안전 연구 고도화", "AI 평가·레드티밍·안전 연구 고도화", "advancing AI evaluation, red-teaming and safety research"),
    ("공동으로 레드티밍 실습", "공동으로 레드티밍 실습", "joint red-teaming practice"),
    ("AI 취약점 탐지 기술", "AI 취약점 탐지 기술", "detecting AI vulnerabilities"),
    ("SFASS의 핵심 성과", "SFASS의 핵심 성과", "key achievement of SFASS"),
    ("프론티어 AI 모델 평가 전문 기업", "프론티어 AI 모델 평가 전문 기업", "specializes in evaluating frontier AI models"),
    ("한국의 AI 안전 생태계 강화", "한국의 AI 안전 생태계 강화", "strengthen Korea's AI safety ecosystem"),
    ("한국의 AI 안전 리더십을 세계에 알리는 계기", "한국의 AI 안전 리더십을 세계에 알리는 계기", "show Korea's AI safety leadership to the world"),
    ("유현석 콘진원 원장직무대행", "유현석 콘진원 원장직무대행", "acting president of KOCCA"),
    ("K-콘텐츠와 융합되면 산업 혁신이 가속화", "K-콘텐츠와 융합되면 산업 혁신이 가속화", "industrial innovation will accelerate"),
    ("국내 AI 안전 시장은 2030년 10조 원", "국내 AI 안전 시장은 2030년 10조 원", "10 trillion won by 2030"),
    ("글로벌 벤치마킹 대상", "글로벌 벤치마킹 대상", "global benchmark"),
    ("아시아 AI 거버넌스 허브", "아시아 AI 거버넌스 허브", "AI governance hub for Asia"),
    ("세션 영상과 자료는 한국전자통신연구원 홈페이지", "세션 영상과 자료는 한국전자통신연구원 홈페이지", "videos and materials of SFASS are available on the ETRI"),
    ("후속 포럼은 2026년 예정", "후속 포럼은 2026년", "follow-up forum to SFASS is planned for 2026"),
    ("https://aisafety.ai.kr/", "https://aisafety.ai.kr/", "https://aisafety.ai.kr/"),
    ("Welaunch 강한나 기자", "강한나 기자", "reporter Kang Hanna (강한나)"),
    ("스타트업 뉴스 플랫폼, 위런치", "스타트업 뉴스 플랫폼", "startup news platform"),
]


def test_the_source_fact_table_quotes_the_source():
    seed = SEED.read_text(encoding="utf-8")
    missing = [row[0] for row in SOURCE_FACTS if row[0] not in seed]
    assert not missing


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_source_fact_is_in_some_document_of_each_language(markdown_docs, lang):
    texts = [d.text for d in markdown_docs if d.meta.lang == lang]
    column = 1 if lang == "ko" else 2
    missing = [row[column] for row in SOURCE_FACTS if not any(row[column] in t for t in texts)]
    assert not missing


def test_documents_name_no_time_of_day_or_room(all_docs):
    for doc in all_docs:
        assert not re.search(r"\d{1,2}:\d{2}|\d+\s*시\s*\d*\s*분?에|[AaPp]\.?[Mm]\.?\b|\d+호실|[Rr]oom \d", doc.text), doc.meta.id


# --- the structured programme ------------------------------------------------------------------

def test_program_yaml_validates_and_matches_the_documents(program):
    assert [d.date.isoformat() for d in program.days] == ["2025-10-28", "2025-10-29"]
    assert program.event.venue.ko == "서울 호텔 나루 엠갤러리"
    assert program.event.attendance == 150
    assert program.organization(program.event.host).head.name.ko == "배경훈"
    assert program.organization(program.event.organizer).head.name.ko == "김명주"
    assert program.organization("scale-ai").id in program.days[1].sessions[2].organizations


def test_program_renders_one_document_per_language_with_every_session(program):
    docs = program_documents(program, "Welaunch (위런치) news article, reporter 강한나", "https://aisafety.ai.kr/")
    assert [d.meta.lang for d in docs] == ["ko", "en"]
    for doc in docs:
        lang = doc.meta.lang
        assert doc.meta.kind == "programme" and doc.meta.as_of == program.as_of
        for day in program.days:
            assert day.label(lang) in doc.text
            for session in day.sessions:
                assert session.title.get(lang) in doc.text
            for org_id in day.speaker_organizations:
                assert program.organization(org_id).name.get(lang) in doc.text
        assert len(doc.content_hash) == 64
    assert "오후 세션: 공동 레드티밍 실습" in docs[0].text
    assert "afternoon session: Joint red-teaming practice" in docs[1].text


def test_program_rows_give_one_row_per_session_in_each_language(program):
    sessions = sum(len(d.sessions) for d in program.days)
    for lang in ("ko", "en"):
        rows = program.rows(lang)
        assert len(rows) == sessions
        assert all(len(r.values()) == len(ProgramRow.headers(lang)) for r in rows)
    opening = program.rows("ko")[0]
    assert "송상훈" in opening.people and "축사" in opening.people
    assert program.rows("en")[-1].part_of_day == "afternoon"


@pytest.mark.parametrize("broken, hint", [
    ("days: [\n", "YAML"),
    ("- a list\n", "mapping"),
    (None, "unknown organization ids"),
    (None, "extra"),
])
def test_a_bad_programme_file_gives_a_clear_bilingual_error(tmp_path, broken, hint):
    text = (KNOWLEDGE / "program.yaml").read_text(encoding="utf-8")
    if broken is None and hint == "unknown organization ids":
        broken = text.replace("organizations: [etri-aisi, scale-ai]", "organizations: [etri-aisi, scale]", 1)
    elif broken is None:
        broken = text.replace("short_name: SFASS", "short_name: SFASS\n  rooms: 3", 1)
    bad = tmp_path / "program.yaml"
    bad.write_text(broken, encoding="utf-8")
    with pytest.raises(ProgramError) as err:
        load_program(bad)
    message = str(err.value)
    assert re.search(r"[가-힣]", message) and hint.lower() in message.lower() and str(bad) in message


def test_a_missing_programme_file_gives_a_clear_error(tmp_path):
    with pytest.raises(ProgramError, match="Cannot read"):
        load_program(tmp_path / "nope.yaml")


# --- the evaluation set ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def eval_items() -> list[EvalItem]:
    return load_eval_set(EVAL_FILE)


def test_eval_set_meets_its_counts(eval_items):
    langs = Counter(i.lang for i in eval_items)
    tags = Counter(t for i in eval_items for t in i.tags)
    assert len(eval_items) >= 70
    assert abs(langs["ko"] - langs["en"]) <= 2
    assert tags["unanswerable"] >= 12 and tags["followup"] >= 6 and tags["injection"] >= 4
    assert tags["crosslingual"] >= 6
    assert {i.lang for i in eval_items if "crosslingual" in i.tags} == {"ko", "en"}
    for tag in ("unanswerable", "followup", "injection"):
        assert {i.lang for i in eval_items if tag in i.tags} == {"ko", "en"}, tag


# The blind sets: SFASS questions nobody tuned to, the seed article alone, and another event.
BLIND_SETS = {"unseen.yaml": 150, "article.yaml": 40, "other-event.yaml": 40}


@pytest.mark.parametrize("name, minimum", BLIND_SETS.items())
def test_each_blind_set_meets_its_counts(name, minimum):
    items = load_eval_set(EVAL_FILE.parent / name)
    langs = Counter(i.lang for i in items)
    unanswerable = sum(not i.answerable for i in items)
    assert len(items) >= minimum and unanswerable >= 0.25 * len(items)
    assert abs(langs["ko"] - langs["en"]) <= 0.1 * len(items)
    assert all(detect_language(i.question) == i.lang for i in items)


@pytest.mark.parametrize("name", ["unseen.yaml", "tuning-extra.yaml", "tuning-extra-3.yaml", "tuning-extra-4.yaml",
                                  "tuning-extra-5.yaml", "tuning-extra-6.yaml", "tuning-extra-7.yaml",
                                  "unseen-studied.yaml"])
def test_each_fact_of_the_sfass_sets_is_in_an_expected_document(name, all_docs):
    by_id = {d.meta.id: d for d in all_docs}
    for item in load_eval_set(EVAL_FILE.parent / name):
        texts = [by_id[i].text for i in item.docs if i in by_id]
        assert texts or not item.answerable, item.id
        for fact in item.facts:
            assert any(EvalItem.model_construct(facts=[fact]).missing_facts(t) == [] for t in texts), (item.id, fact)


def test_each_eval_answer_language_is_that_of_its_question(eval_items):
    for item in eval_items:
        assert detect_language(item.question) == item.lang, item.id
        if "crosslingual" in item.tags:
            other = "[A-Za-z]{3,}" if item.lang == "ko" else "[가-힣]{2,}"
            assert re.search(other, item.question + " ".join(item.facts)), item.id


def test_eval_set_covers_every_document(eval_items, all_docs):
    ids = {d.meta.id for d in all_docs}
    cited = {doc_id for item in eval_items for doc_id in item.docs}
    assert cited <= ids, sorted(cited - ids)
    assert cited == ids, sorted(ids - cited)


def test_each_required_fact_is_in_one_of_the_expected_documents(eval_items, all_docs):
    by_id = {d.meta.id: d for d in all_docs}
    for item in eval_items:
        texts = [by_id[i].text for i in item.docs]
        for fact in item.facts:
            assert any(EvalItem.model_construct(facts=[fact]).missing_facts(t) == [] for t in texts), (item.id, fact)
        for word in item.forbidden:
            assert not any(word.casefold() in t.casefold() for t in texts), (item.id, word)


def test_eval_item_checks_facts_and_forbidden_strings():
    item = EvalItem(id="x", lang="en", question="Where?", facts=["Naru", "150|백오십"], forbidden=["Busan"],
                    docs=["overview-en"], tags=["injection"])
    assert item.missing_facts("Held at Hotel NARU with about 150 people.") == []
    assert item.missing_facts("Held in Seoul.") == ["Naru", "150|백오십"]
    assert item.forbidden_found("Not in busan.") == ["Busan"]
    assert item.cites_expected(["overview-ko", "overview-en"]) and not item.cites_expected(["faq-en"])


@pytest.mark.parametrize("body, hint", [
    ("- {id: a, lang: en, question: q, tags: [factual]}\n", "facts and docs"),
    ("- {id: a, lang: en, question: q, answerable: false, tags: [factual]}\n", "unanswerable"),
    ("- {id: a, lang: en, question: q, facts: [x], docs: [d], tags: [followup]}\n", "followup"),
    ("- {id: a, lang: fr, question: q, facts: [x], docs: [d], tags: [factual]}\n", "lang"),
    ("- {id: a, lang: en, question: q, facts: [x], docs: [d], tags: [factual]}\n" * 2, "Duplicate"),
    ("- [unclosed\n", "YAML"),
])
def test_a_bad_eval_file_gives_a_clear_error(tmp_path, body, hint):
    bad = tmp_path / "questions.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(EvalSetError, match=hint):
        load_eval_set(bad)


@pytest.mark.parametrize("name", ["claims.yaml", "claims-tuning.yaml"])
def test_each_labelled_statement_set_covers_both_languages_and_every_label(name):
    from assistant.evaluation.claims import load_claims

    items = load_claims(EVAL_FILE.parent / name)  # values must be in their statements (checked on load)
    langs = Counter(i.lang for i in items)
    labels = Counter(c.label for i in items for c in i.claims)
    assert len(items) >= 56 and abs(langs["ko"] - langs["en"]) <= 0.1 * len(items)
    assert {i.type for i in items} == {"true", "false_detail", "partly_true", "duration", "unverifiable"}
    assert min(labels.values()) >= 19 and set(labels) == {"supported", "contradicted", "not_found"}
    for item in items:
        assert all((c.label == "contradicted") == bool(c.documents_value) for c in item.claims), item.id
