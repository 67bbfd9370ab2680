"""The web app as people use it: `python ui.py` started on a free port, driven by Debian's Chromium.

Two servers run over one index built into a temporary folder: one with the organizers' desk (admin
password set) and one without. The Korean chat test writes ``docs/screenshot.png``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from assistant.config import Settings
from assistant.web.feedback import FeedbackLog
from assistant.web.labels import labels
from index.config import PROJECT_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "desk-비밀-2025"
SCREENSHOT = PROJECT_ROOT / "docs" / "screenshot.png"
SCREENSHOT_MOBILE = PROJECT_ROOT / "docs" / "screenshot-mobile.png"
KO, EN = labels("ko"), labels("en")
ANSWER_TIMEOUT_MS = 90_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(knowledge: Path, data: Path, password: str | None, port: int | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "GRADIO_"))}
    env.update(ASSISTANT_KNOWLEDGE_DIR=str(knowledge), ASSISTANT_DATA_DIR=str(data), ASSISTANT_LLM="extractive")
    if password is not None:
        env["ASSISTANT_ADMIN_PASSWORD"] = password
    if port is not None:
        env.update(GRADIO_SERVER_NAME="127.0.0.1", GRADIO_SERVER_PORT=str(port))
    return env


@contextmanager
def _serve(knowledge: Path, data: Path, password: str | None, log: Path) -> Iterator[str]:
    """Run ``python ui.py`` until the block ends; yield its URL once it answers."""
    port = _free_port()
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "ui.py"], cwd=PROJECT_ROOT, env=_env(knowledge, data, password, port),
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 240
        while True:
            if proc.poll() is not None:
                pytest.fail(f"ui.py exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"ui.py did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the knowledge folder and an index built from it."""
    root = tmp_path_factory.mktemp("ui-app")
    knowledge, data = root / "knowledge", root / "data"
    shutil.copytree(PROJECT_ROOT / "knowledge", knowledge)
    subprocess.run([sys.executable, "-m", "index", "build"], cwd=PROJECT_ROOT, env=_env(knowledge, data, None),
                   check=True, capture_output=True, timeout=600)
    return knowledge, data


@pytest.fixture(scope="module")
def public_url(built, tmp_path_factory) -> Iterator[str]:
    """The app without an admin password (over its own copy of the index)."""
    knowledge, data = built
    root = tmp_path_factory.mktemp("ui-public")
    shutil.copytree(data, root / "data")
    with _serve(knowledge, root / "data", None, root / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def desk_url(built, public_url, tmp_path_factory) -> Iterator[str]:
    """The app with the organizers' desk (started after the public copy was taken)."""
    knowledge, data = built
    with _serve(knowledge, data, PASSWORD, tmp_path_factory.mktemp("ui-desk") / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: apt-get install -y chromium fonts-noto-cjk")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def open_app(browser):
    """Open the app in a fresh browser session; requests leaving 127.0.0.1 are blocked and must not happen."""
    contexts, external = [], []

    def block(route):
        external.append(route.request.url)
        route.abort()

    def _open(url: str, locale: str = "ko-KR", ui: str | None = None, viewport: dict | None = None):
        ctx = browser.new_context(locale=locale, viewport=viewport or DESKTOP, has_touch=viewport is PHONE)
        ctx.route(lambda u: not u.startswith(("http://127.0.0.1", "data:", "blob:")), block)
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector("#sfass-question textarea", timeout=60_000)
        # The interface follows the browser's language once the page has loaded.
        expected = labels(ui or ("en" if locale.startswith("en") else "ko"))
        page.get_by_role("tab", name=expected.tab_chat).wait_for(timeout=30_000)
        page.wait_for_function("t => document.querySelector('#sfass-send').innerText.trim() === t",
                               arg=expected.send, timeout=30_000)
        return page

    yield _open
    for ctx in contexts:
        ctx.close()
    assert external == [], f"the page tried to reach the internet: {external}"


def _ask(page, question: str | None = None, example: str | None = None) -> None:
    """Type and send a question (or click an example question); wait until its checked answer is shown."""
    before = page.locator("#sfass-chat .sfass-answer:not(.sfass-draft)").count()
    if example:
        page.click(example)
    else:
        page.fill("#sfass-question textarea", question)
        page.click("#sfass-send")
    page.wait_for_function(
        "n => document.querySelectorAll('#sfass-chat .sfass-answer:not(.sfass-draft)').length > n"
        " && !document.querySelector('#sfass-chat .sfass-draft')", arg=before, timeout=ANSWER_TIMEOUT_MS)


def _last_answer(page):
    return page.locator("#sfass-chat .sfass-turn").last


def _tab(page, name: str):
    page.get_by_role("tab", name=name).click()


# --- chat -------------------------------------------------------------------------------------------

def test_korean_question_gets_an_answer_with_sources(desk_url, open_app):
    page = open_app(desk_url, "ko-KR")
    _ask(page, "둘째 날에는 어떤 세션이 있었나요?")
    turn = _last_answer(page)
    assert "레드티밍" in turn.locator(".sfass-answer").inner_text()
    sources = turn.locator("details.sfass-sources")
    assert sources.get_attribute("open") is not None
    entries = sources.locator("li.sfass-source")
    assert entries.count() >= 2
    first = entries.first
    assert first.locator("code").inner_text()  # the document id
    assert "둘째 날" in first.locator("mark.sfass-hl").inner_text()  # the answer's sentence, highlighted
    page.evaluate("window.scrollTo(0, 0); document.querySelectorAll('#sfass-chat *')"
                  ".forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0; })")
    page.wait_for_timeout(500)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    # A citation marker jumps to its source entry and opens the panel.
    page.evaluate("document.querySelectorAll('#sfass-chat details.sfass-sources').forEach(d => d.open = false)")
    turn.locator("a.sfass-cite").last.click()
    assert page.evaluate("document.querySelector('#sfass-chat details.sfass-sources').open")
    target = turn.locator("a.sfass-cite").last.get_attribute("href")[1:]
    page.wait_for_function("id => document.getElementById(id).classList.contains('sfass-flash')", arg=target)


def test_english_question_in_the_english_interface(desk_url, open_app):
    page = open_app(desk_url, "en-US")
    assert page.get_by_role("tab", name=EN.tab_chat).is_visible()  # the browser's language
    example = "#sfass-ex-attendees-0"
    assert page.locator(example).inner_text().strip() == "Where was SFASS held?"
    _ask(page, example=example)
    turn = _last_answer(page)
    answer = turn.locator(".sfass-answer").inner_text()
    assert "Naru" in answer and not any("\uac00" <= ch <= "\ud7a3" for ch in answer.split("(")[0])
    assert turn.locator("li.sfass-source").count() >= 1
    assert EN.sources in turn.locator("details summary").inner_text()


def test_copy_button_copies_answer_and_sources_as_text(desk_url, open_app, browser):
    page = open_app(desk_url, "ko-KR")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=desk_url.rstrip("/"))
    _ask(page, "SFASS의 주제는 무엇인가요?")
    _last_answer(page).locator("button.sfass-copy").click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "글로벌 협력" in copied and "[1]" in copied and "<" not in copied


def test_a_share_link_opens_the_app_and_asks_the_same_question(desk_url, open_app):
    page = open_app(desk_url, "en-US")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=desk_url.rstrip("/"))
    _ask(page, "SFASS는 어디에서 열렸나요?")
    _last_answer(page).locator("a.sfass-share").click()
    page.wait_for_function("document.querySelector('a.sfass-share.sfass-done')")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(desk_url) and "lang=ko" in link
    # A colleague whose browser prefers English opens it: the same question, answered in Korean.
    colleague = open_app(link, "en-US", ui="ko")
    colleague.wait_for_function("document.querySelector('#sfass-chat .sfass-answer:not(.sfass-draft)')",
                                timeout=ANSWER_TIMEOUT_MS)
    assert colleague.locator("#sfass-chat .sfass-question").inner_text() == "SFASS는 어디에서 열렸나요?"
    assert "엠갤러리" in _last_answer(colleague).locator(".sfass-answer").inner_text()
    assert colleague.evaluate("document.documentElement.lang") == "ko"


def test_a_share_link_with_an_empty_or_overlong_question(desk_url, open_app):
    page = open_app(desk_url + "?q=%20&lang=en", "ko-KR", ui="en")  # nothing to ask: nothing is asked
    _ask(page, "Where was SFASS held?")
    assert page.locator("#sfass-chat .sfass-question").count() == 1
    page = open_app(desk_url + "?lang=en&q=" + "venue%3F" * 400, "ko-KR", ui="en")
    page.wait_for_function("document.querySelector('#sfass-chat .sfass-error')", timeout=ANSWER_TIMEOUT_MS)
    assert "too long" in page.locator("#sfass-chat .sfass-error").inner_text()


def test_a_suggested_follow_up_is_answered_when_clicked(desk_url, open_app):
    page = open_app(desk_url, "en-US")
    _ask(page, "Where was SFASS held?")
    first = page.locator("#sfass-suggest-0")
    first.wait_for(state="visible", timeout=ANSWER_TIMEOUT_MS)
    suggestion = first.inner_text().strip()
    _ask(page, example="#sfass-suggest-0")
    assert page.locator("#sfass-chat .sfass-question").last.inner_text() == suggestion
    turn = _last_answer(page)
    assert turn.locator("li.sfass-source").count() >= 1
    assert "sfass-refused" not in turn.locator(".sfass-answer").get_attribute("class")


def test_follow_up_uses_this_sessions_history_and_new_conversation_clears_it(desk_url, open_app):
    page = open_app(desk_url, "ko-KR")
    other = open_app(desk_url, "ko-KR")
    _ask(page, "SFASS는 어디에서 열렸나요?")
    assert "엠갤러리" in _last_answer(page).locator(".sfass-answer").inner_text()
    _ask(page, "그럼 언제 열렸나요?")
    assert page.locator("#sfass-chat .sfass-question").count() == 2
    assert "10월 28일" in _last_answer(page).locator(".sfass-answer").inner_text()
    assert other.locator("#sfass-chat .sfass-question").count() == 0  # another person sees nothing
    page.click("#sfass-new-chat")
    page.wait_for_function("!document.querySelector('#sfass-chat .sfass-question')")
    _ask(page, "SFASS의 주제는 무엇인가요?")
    assert page.locator("#sfass-chat .sfass-question").count() == 1  # the earlier turns are gone for good


def test_script_in_a_question_is_shown_not_run(desk_url, open_app):
    page = open_app(desk_url, "en-US")
    _ask(page, '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> venue?')
    assert page.evaluate("window.__pwned") is None
    shown = page.locator("#sfass-chat .sfass-question").last.inner_text()
    assert "<script>window.__pwned = 1</script>" in shown
    assert page.locator("#sfass-chat script, #sfass-chat img[src=x]").count() == 0


def test_thumbs_down_is_logged_and_listed_at_the_desk(built, desk_url, open_app):
    _, data = built
    page = open_app(desk_url, "en-US")
    question = f"How much does parking cost at SFASS? {uuid.uuid4().hex[:6]}"
    _ask(page, question)
    _settled(page)
    log = FeedbackLog.from_settings(Settings(data_dir=data, database_url=None))  # the app's SQLite file

    def kinds() -> set[str]:
        return {e.kind for e in log.entries() if e.question == question}

    # on a loaded machine a click can land while the chat is still being redrawn and be lost; a person clicks
    # again, and so does the test (a wait for the log, not a speed check)
    for _ in range(3):
        page.locator("#sfass-chat button[aria-label='Dislike']").last.click()
        deadline = time.monotonic() + ANSWER_TIMEOUT_MS / 3000
        while "down" not in kinds() and time.monotonic() < deadline:
            time.sleep(0.2)
        if "down" in kinds():
            break
    assert kinds() == {"refused", "down"}  # refusals are logged by themselves; the vote is added
    _tab(page, EN.tab_admin)
    page.fill("#sfass-password input", PASSWORD)
    page.click("#sfass-login")
    page.wait_for_selector("#sfass-problems li", timeout=20_000)
    assert question in page.locator("#sfass-problems").inner_text()


def test_an_organizers_faq_turns_a_refused_question_into_a_cited_answer(desk_url, open_app):
    """The loop in the Korean interface: refused, voted down (the vote buttons named in Korean), answered at the
    desk, then answered in the chat from the FAQ, which the Sources tab shows with when it changed."""
    page = open_app(desk_url, "ko-KR")
    question = "행사장에서 와이파이를 쓸 수 있나요?"
    _ask(page, question)
    _settled(page)
    assert _last_answer(page).locator(".sfass-answer.sfass-refused").count() == 1
    like = page.locator(f"#sfass-chat button[aria-label='{KO.vote_like}']").last
    dislike = page.locator(f"#sfass-chat button[aria-label='{KO.vote_dislike}']").last
    dislike.wait_for(timeout=20_000)
    assert like.get_attribute("title") == KO.vote_like and dislike.get_attribute("title") == KO.vote_dislike
    assert page.locator("#sfass-chat button[aria-label='Like'], #sfass-chat button[aria-label='Dislike']").count() == 0
    dislike.click()
    page.locator(f"#sfass-chat button[aria-label='{KO.vote_disliked}'][aria-pressed=true]").wait_for(timeout=20_000)

    _tab(page, KO.tab_admin)
    page.fill("#sfass-password input", PASSWORD)
    page.click("#sfass-login")
    group = page.locator("#sfass-problems li.sfass-group").filter(has_text=question)
    group.wait_for(timeout=20_000)
    assert "ko" in group.locator(".sfass-group-facts").inner_text()
    page.locator("#sfass-faq-pick input").click()
    page.get_by_role("option").filter(has_text=question).first.click()
    message = page.locator("#sfass-desk-message")
    page.fill("#sfass-faq-answer textarea", "   ")
    page.click("#sfass-faq-save")
    page.get_by_text("답을 적어 주세요").wait_for(timeout=20_000)
    page.fill("#sfass-faq-answer textarea", "행사장 전체에서 무료 와이파이 Forum-Guest를 쓸 수 있습니다.")
    page.click("#sfass-faq-save")
    page.get_by_text("FAQ 문서").wait_for(timeout=120_000)
    doc_id = re.search(r"faq-[0-9a-f]+", message.inner_text()).group()
    assert doc_id in page.locator("#sfass-problems li.sfass-group").filter(has_text=question).inner_text()

    _tab(page, KO.tab_chat)
    _ask(page, question)
    turn = _last_answer(page)
    assert "Forum-Guest" in turn.locator(".sfass-answer").inner_text()
    assert doc_id in turn.locator("details.sfass-sources").inner_text()

    _tab(page, KO.tab_sources)
    page.locator("#sfass-documents").get_by_text(doc_id, exact=True).click()
    changed = page.locator("#sfass-doc-view .sfass-changed")
    changed.wait_for(timeout=20_000)
    assert re.fullmatch(r"변경: \d{4}-\d\d-\d\d \d\d:\d\d UTC", changed.inner_text().strip())

    _tab(page, KO.tab_admin)  # leave the shared knowledge folder as it was
    page.click("#sfass-refresh")
    page.locator("#sfass-remove-pick input").click()
    page.get_by_role("option").filter(has_text=doc_id).first.click()
    page.click("#sfass-remove")
    page.get_by_text("지웠습니다").wait_for(timeout=120_000)


# --- phones and accessibility --------------------------------------------------------------------------

def _in_view(page, selector: str) -> bool:
    """Whether the element is wholly inside the window as it is scrolled now."""
    return page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth; }""",
                         selector)


def _reachable(page, selector: str) -> bool:
    """Whether the element can be tapped where it is now: its centre is on screen and nothing covers it."""
    return page.evaluate("""s => { const e = document.querySelector(s), r = e.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
        const hit = document.elementFromPoint(x, y); return !!hit && (hit === e || e.contains(hit)); }""", selector)


def _settled(page) -> None:
    """Wait until no update is in flight (the follow-up suggestions come after the answer), none is fading in, and
    every table shown has drawn its rows again (a table redraws the rows in view after the page around it changes)."""
    page.wait_for_function("!document.querySelector('.pending, .generating, .eta-bar') && document.getAnimations()"
                           ".every(a => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)"
                           " && [...document.querySelectorAll('[role=grid]')].filter(g => g.offsetParent)"
                           ".every(g => g.querySelector('tbody tr'))",
                           timeout=ANSWER_TIMEOUT_MS)


def _overflows_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


@pytest.mark.parametrize("lang,locale", [("ko", "ko-KR"), ("en", "en-US")])
def test_on_a_phone_the_first_screen_holds_the_title_and_the_question_box(desk_url, open_app, lang, locale):
    page = open_app(desk_url, locale, viewport=PHONE)
    for part in ("#sfass-question textarea", "#sfass-send", "#sfass-ui-lang", ".sfass-header h1",
                 "#sfass-ex-attendees-0"):
        assert _in_view(page, part), part
    title = page.locator(".sfass-header h1")
    line = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.sfass-header h1')).lineHeight)"))
    assert title.bounding_box()["height"] <= 2 * line + 1  # one or two lines
    assert not _overflows_sideways(page)
    _ask(page, "둘째 날에는 어떤 세션이 있었나요?" if lang == "ko" else "What sessions were on day two?")
    page.locator("#sfass-suggest-0").wait_for(state="visible", timeout=ANSWER_TIMEOUT_MS)
    _settled(page)
    # Reading the answer's sources, the question box is still in reach (sticky at the bottom).
    _last_answer(page).locator("li.sfass-source").last.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 200)")
    assert _reachable(page, "#sfass-question textarea") and _reachable(page, "#sfass-send")
    assert not _overflows_sideways(page)
    if lang == "ko":
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOT_MOBILE))


@pytest.mark.parametrize("lang,locale", [("ko", "ko-KR"), ("en", "en-US")])
def test_on_a_phone_the_programme_is_per_day_cards_without_sideways_scrolling(desk_url, open_app, lang, locale):
    page = open_app(desk_url, locale, viewport=PHONE)
    _tab(page, labels(lang).tab_programme)
    sessions = page.locator("#sfass-programme section.sfass-day li.sfass-session")
    sessions.first.wait_for()
    assert page.locator("#sfass-programme table").count() == 0
    boxes = [sessions.nth(i).bounding_box() for i in range(sessions.count())]
    assert all(b["width"] <= PHONE["width"] for b in boxes)
    assert not _overflows_sideways(page)
    link = sessions.first.locator("a.sfass-ics")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(f"-{lang}.ics")
    assert "BEGIN:VEVENT" in Path(download.value.path()).read_text(encoding="utf-8")


def test_keyboard_only_tab_to_the_question_enter_sends_and_citations_open_their_source(desk_url, open_app):
    page = open_app(desk_url, "en-US")

    def tab_to(selector: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#sfass-question textarea")
    page.keyboard.type("What sessions were on day two?")
    before = page.locator("#sfass-chat .sfass-turn").count()
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('#sfass-chat .sfass-turn').length > n", arg=before,
                           timeout=ANSWER_TIMEOUT_MS)
    page.evaluate("document.querySelectorAll('#sfass-chat details.sfass-sources').forEach(d => d.open = false)")
    tab_to("#sfass-chat a.sfass-cite")
    target = page.evaluate("document.activeElement.getAttribute('href').slice(1)")
    page.keyboard.press("Enter")
    page.wait_for_function("id => document.getElementById(id).closest('details').open", arg=target)
    tab_to("#sfass-chat details.sfass-sources summary")
    page.keyboard.press("Enter")  # the sources panel closes and opens from the keyboard
    assert not page.evaluate("document.querySelector('#sfass-chat details.sfass-sources').open")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('#sfass-chat details.sfass-sources').open")


def _serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    _settled(page)  # checked once every update has landed and faded in (Gradio dims what is still loading)
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang,locale", [("ko", "ko-KR"), ("en", "en-US")])
def test_axe_finds_no_serious_problems_on_the_chat_programme_and_sources(public_url, open_app, lang, locale,
                                                                          viewport):
    t = labels(lang)
    page = open_app(public_url, locale, viewport=viewport)
    assert page.evaluate("document.documentElement.lang") == lang
    _ask(page, "SFASS는 어디에서 열렸나요?" if lang == "ko" else "Where was SFASS held?")
    page.locator("#sfass-suggest-0").wait_for(state="visible", timeout=ANSWER_TIMEOUT_MS)  # the follow-ups too
    found = {"chat": _serious_violations(page)}
    _tab(page, t.tab_programme)
    page.locator("#sfass-programme section.sfass-day").first.wait_for()
    found["programme"] = _serious_violations(page)
    _tab(page, t.tab_sources)
    page.locator("#sfass-documents").get_by_text("overview-en", exact=True).click()
    page.locator("#sfass-doc-view article.sfass-document").wait_for(timeout=20_000)
    found["sources"] = _serious_violations(page)
    assert found == {"chat": [], "programme": [], "sources": []}


# --- fact check ---------------------------------------------------------------------------------------

def _check(page, statement: str, shown: str = ".sfass-fc-claims") -> None:
    """Paste a statement into the Fact check tab and wait for its verdict (or ``shown``)."""
    page.fill("#sfass-statement textarea", statement)
    page.click("#sfass-check-btn")
    page.locator(f"#sfass-verdict {shown}").wait_for(timeout=ANSWER_TIMEOUT_MS)


def test_fact_check_shows_a_wrong_date_as_contradicted_with_both_dates(desk_url, open_app):
    page = open_app(desk_url, "en-US")
    _tab(page, EN.tab_check)
    _check(page, "SFASS opened on 29 October 2025, and about 150 people attended.")
    verdict = page.locator("#sfass-verdict")
    wrong = verdict.locator("mark.sfass-fc-contradicted")
    assert "29 October" in wrong.inner_text() and EN.check_contradicted in wrong.inner_text()  # words, not colour
    assert EN.check_supported in verdict.locator("mark.sfass-fc-supported").first.inner_text()
    claim = verdict.locator("li.sfass-fc-claim", has=page.locator(".sfass-fc-badge.sfass-fc-contradicted"))
    values = claim.locator(".sfass-fc-values").inner_text()
    assert "29 October" in values and "28 October" in values
    passage = claim.locator("details.sfass-fc-passage")
    assert not passage.locator("blockquote").is_visible()
    passage.locator("summary").focus()
    page.keyboard.press("Enter")  # the passage opens by keyboard
    assert "28 October" in passage.locator("blockquote").inner_text()
    assert _serious_violations(page) == []


def test_fact_check_labels_follow_the_interface_language(desk_url, open_app):
    page = open_app(desk_url, "ko-KR")
    _tab(page, KO.tab_check)
    _check(page, "SFASS was held at the Hotel Naru Seoul MGallery.")
    assert KO.check_supported in page.locator("#sfass-verdict").inner_text()
    _check(page, "   ", shown=".sfass-fc-error")  # an empty statement: a message, not a verdict


def test_the_desk_audit_reports_that_the_documents_agree(desk_url, open_app):
    page = open_app(desk_url, "en-US")
    _tab(page, EN.tab_admin)
    page.fill("#sfass-password input", PASSWORD)
    page.click("#sfass-login")
    page.locator("#sfass-audit-btn").click()
    page.get_by_text(EN.audit_none).wait_for(timeout=60_000)


# --- language, programme, sources --------------------------------------------------------------------

def test_switching_the_interface_language(desk_url, open_app):
    page = open_app(desk_url, "ko-KR")
    assert page.get_by_role("tab", name=KO.tab_programme).is_visible()
    page.locator("#sfass-ui-lang label", has_text="English").click()
    page.get_by_role("tab", name=EN.tab_programme).wait_for(timeout=20_000)
    assert page.locator("#sfass-send").inner_text().strip() == EN.send
    assert page.get_by_role("button", name=EN.new_chat).is_visible()
    page.wait_for_function("document.documentElement.lang === 'en'")  # screen readers switch voice too
    page.locator("#sfass-ui-lang label", has_text="한국어").click()
    page.get_by_role("tab", name=KO.tab_programme).wait_for(timeout=20_000)


def test_answer_language_can_be_chosen(desk_url, open_app):
    page = open_app(desk_url, "ko-KR")
    page.locator("#sfass-answer-lang label", has_text="English").click()
    _ask(page, "SFASS는 어디에서 열렸나요?")
    answer = _last_answer(page).locator(".sfass-answer").inner_text()
    assert "Naru" in answer and KO.sources in _last_answer(page).locator("summary").inner_text()


def test_programme_tab_shows_both_days(desk_url, open_app):
    page = open_app(desk_url, "ko-KR")
    _tab(page, KO.tab_programme)
    days = page.locator("#sfass-programme section.sfass-day")
    days.first.wait_for()
    assert days.count() == 2
    assert "2025년 10월 28일" in days.nth(0).inner_text() and "2025년 10월 29일" in days.nth(1).inner_text()
    assert "MOU" in days.nth(1).inner_text() and "송상훈" in days.nth(0).inner_text()


def test_sources_tab_lists_opens_and_searches_documents(desk_url, open_app):
    page = open_app(desk_url, "en-US")
    _tab(page, EN.tab_sources)
    table = page.locator("#sfass-documents")
    table.get_by_text("overview-en", exact=True).wait_for(timeout=20_000)
    table.get_by_text("overview-en", exact=True).click()
    view = page.locator("#sfass-doc-view article.sfass-document")
    view.wait_for(timeout=20_000)
    assert "Overview" in view.locator("h2").inner_text() and "overview-en" in view.inner_text()
    page.fill("#sfass-search textarea", "red-teaming")
    page.click("#sfass-search-btn")
    page.locator("#sfass-search-results li.sfass-hit").first.wait_for(timeout=20_000)
    assert "red-teaming" in page.locator("#sfass-search-results").inner_text().lower()


# --- the organizers' desk ----------------------------------------------------------------------------

def test_no_desk_without_a_password(public_url, open_app):
    page = open_app(public_url, "ko-KR")
    assert page.get_by_role("tab", name=KO.tab_chat).is_visible()
    assert page.get_by_role("tab", name=KO.tab_admin).count() == 0
    assert page.locator("#sfass-password, #sfass-upload, #sfass-rebuild").count() == 0


def test_wrong_password_is_rejected(desk_url, open_app):
    page = open_app(desk_url, "en-US")
    _tab(page, EN.tab_admin)
    page.fill("#sfass-password input", "guess")
    page.click("#sfass-login")
    page.get_by_text(EN.wrong_password).wait_for(timeout=20_000)
    assert not page.locator("#sfass-rebuild").is_visible()


def test_upload_a_document_then_get_an_answer_from_it(desk_url, open_app, tmp_path):
    note = tmp_path / "cloakroom-notice.md"
    note.write_text("---\nid: cloakroom-notice\ntitle: Cloakroom notice\nlang: en\nsource: SFASS organizers\n---\n"
                    "The SFASS cloakroom is on the third floor, next to the registration desk.\n", encoding="utf-8")
    bad = tmp_path / "minutes.pdf"
    bad.write_bytes(b"%PDF-1.4 not a real pdf")
    page = open_app(desk_url, "en-US")
    _tab(page, EN.tab_admin)
    page.fill("#sfass-password input", PASSWORD)
    page.click("#sfass-login")
    page.locator("#sfass-rebuild").wait_for(timeout=20_000)
    message = page.locator("#sfass-desk-message")

    page.set_input_files("#sfass-upload input[type=file]", str(bad))
    page.locator("#sfass-upload").get_by_text("minutes.pdf").wait_for(timeout=20_000)
    page.click("#sfass-upload-btn")
    page.get_by_text("could not be read").wait_for(timeout=60_000)
    assert "minutes.pdf" in message.inner_text() and "Nothing was changed" in message.inner_text()

    page.set_input_files("#sfass-upload input[type=file]", str(note))
    page.locator("#sfass-upload").get_by_text("cloakroom-notice.md").wait_for(timeout=20_000)
    page.click("#sfass-upload-btn")
    page.get_by_text("Indexed.").wait_for(timeout=120_000)
    assert "cloakroom-notice" in message.inner_text()

    _tab(page, EN.tab_chat)
    _ask(page, "On which floor is the SFASS cloakroom?")
    turn = _last_answer(page)
    assert "third floor" in turn.locator(".sfass-answer").inner_text()
    assert "cloakroom-notice" in turn.locator("details.sfass-sources").inner_text()

    _tab(page, EN.tab_admin)
    page.click("#sfass-refresh")
    page.locator("#sfass-remove-pick input").click()
    page.get_by_role("option", name="Cloakroom notice (cloakroom-notice)").click()
    page.click("#sfass-remove")
    page.get_by_text("Removed.").wait_for(timeout=120_000)
    _tab(page, EN.tab_chat)
    _ask(page, "On which floor is the SFASS cloakroom?")
    assert "third floor" not in _last_answer(page).locator(".sfass-answer").inner_text()


# --- the API ---------------------------------------------------------------------------------------

def test_api_offers_only_the_chat_and_the_fact_check(desk_url):
    from gradio_client import Client

    api = Client(desk_url, verbose=False).view_api(return_format="dict", print_info=False)
    assert sorted(api["named_endpoints"]) == ["/chat", "/check"]  # asking and checking; never the desk
    assert api["unnamed_endpoints"] == {}


def _call_raw(url: str, fn_index: int, data: list, trigger_id: int) -> list:
    """Call an event the way the page does (queue join + event stream), as a script could."""
    session = uuid.uuid4().hex
    body = {"data": data, "fn_index": fn_index, "trigger_id": trigger_id, "session_hash": session,
            "event_data": None}
    httpx.post(f"{url}gradio_api/queue/join", json=body, timeout=30).raise_for_status()
    with httpx.stream("GET", f"{url}gradio_api/queue/data", params={"session_hash": session}, timeout=120) as r:
        for line in r.iter_lines():
            if line.startswith("data:"):
                msg = json.loads(line[5:])
                if msg.get("msg") == "process_completed":
                    return (msg.get("output") or {}).get("data") or [msg.get("output")]
    raise AssertionError("no result")


def test_desk_actions_cannot_be_called_without_the_password(desk_url, built):
    knowledge, data = built
    config = httpx.get(f"{desk_url}config", timeout=30).json()
    by_elem = {c.get("props", {}).get("elem_id"): c["id"] for c in config["components"]}
    pointer_files = sorted(p.name for p in (data / "store").iterdir())
    # The rebuild event accepts these inputs, so only the desk's own check stands in the way; the remove
    # event's document choice is also rejected by Gradio (the list is empty until someone signs in).
    # Saving an FAQ: the group choice is refused by Gradio too, and the desk would refuse it anyway.
    for elem, args in (("sfass-rebuild", ["en", True]), ("sfass-remove", ["overview-en", "en", True]),
                       ("sfass-faq-save", ["0123456789ab", "Parking is free.", [], "en", True])):
        dep = next(d for d in config["dependencies"] if [by_elem[elem], "click"] in d["targets"])
        assert dep["api_visibility"] == "private"
        out = json.dumps(_call_raw(desk_url, dep["id"], args, by_elem[elem]), ensure_ascii=False)
        assert "Enter the admin password first" in out or (elem != "sfass-rebuild" and '"error"' in out)
        # The REST route by name is refused too.
        r = httpx.post(f"{desk_url}gradio_api/call/{dep['api_name']}", json={"data": args}, timeout=30)
        if r.status_code == 200:
            event = r.json()["event_id"]
            text = httpx.get(f"{desk_url}gradio_api/call/{dep['api_name']}/{event}", timeout=120).text
            assert "Enter the admin password first" in text or "error" in text
    assert sorted(p.name for p in (data / "store").iterdir()) == pointer_files
    assert (knowledge / "overview-en.md").exists()
    assert not list((knowledge / "uploads").glob("faq-*.md"))  # no FAQ was saved


def test_ui_imports_the_offline_switches_before_gradio():
    code = "import os, ui; print(os.environ.get('GRADIO_ANALYTICS_ENABLED'))"
    env = {k: v for k, v in os.environ.items() if k != "GRADIO_ANALYTICS_ENABLED"}
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                         timeout=300, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
