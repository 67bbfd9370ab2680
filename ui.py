"""The assistant in a browser: chat with sources, the programme, the documents and the organizers' desk.

Run ``python ui.py``; ``GRADIO_SERVER_NAME`` / ``GRADIO_SERVER_PORT`` choose where it listens (default
127.0.0.1:7860). Every decision lives in ``assistant/``; this module only lays out and wires components.
"""

from __future__ import annotations

from html import escape

# isort: off
from assistant import Assistant  # imported before gradio: the project's offline switches come first
from assistant.config import Settings
from assistant.event import EventInfo
from assistant.library import ProgramError, UnknownDocumentError
from assistant.web import STATIC_DIR
from assistant.web.check import render_audit, render_verdict
from assistant.web.desk import OrganizersDesk, SignInThrottle, admin_enabled, sign_in
from assistant.web.feedback import FeedbackLog, save_refusal, save_vote
from assistant.web.labels import LANG_NAMES, Labels, example_rows, labels, lang_from_accept_language
from assistant.web.render import (
    document_headers,
    document_rows,
    render_document,
    group_choice,
    render_programme,
    render_search_results,
)
from assistant.web.session import AUTO, ChatSession, answer_language
from assistant.web.share import SharedQuestion, link_language, shared_question
from assistant.web.store import Database

import gradio as gr  # after the project's offline switches
# isort: on

PRIVATE = "private"  # events the page uses but no API client may list or call
ADMIN_QUEUE = "organizers-desk"  # rebuilds and uploads wait in their own line, never in the chat's
PROBLEMS_SHOWN = 20
SUGGESTIONS = 3  # follow-up questions offered under an answer
STYLESHEET = STATIC_DIR / "app.css"
SCRIPT = STATIC_DIR / "app.js"




def header_html(lang: str, event: EventInfo | None = None) -> str:
    """The title, and (hidden) the words the page script gives the chat's vote buttons in this language."""
    t = labels(lang, event)
    votes = " ".join(f'data-{name}="{escape(word, quote=True)}"' for name, word in (
        ("like", t.vote_like), ("dislike", t.vote_dislike), ("liked", t.vote_liked), ("disliked", t.vote_disliked)))
    return (f'<div class="sfass-header"><h1>{escape(t.title)}</h1><p>{escape(t.subtitle)}</p>'
            f'<span id="sfass-vote-words" hidden {votes}></span></div>')


def answer_lang_choices(lang: str) -> list[tuple[str, str]]:
    return [(labels(lang).answer_lang_auto, AUTO), (LANG_NAMES["ko"], "ko"), (LANG_NAMES["en"], "en")]


def build_app(bot: Assistant, settings: Settings | None = None) -> gr.Blocks:
    """The whole interface around one assistant; the organizers' desk only when a password is set."""
    settings = settings or bot.settings
    database = Database.from_settings(settings)  # feedback and sign-in failures, shared by every replica
    feedback = FeedbackLog(database)
    library = bot.library
    desk = OrganizersDesk(library)
    throttle = SignInThrottle(database)
    with_desk = admin_enabled(settings)
    event = bot.event

    def labels_for(lang: str) -> Labels:
        return labels(lang, event)

    t0 = labels_for("ko")

    def programme_html(lang: str) -> str:
        try:
            program = library.programme()
        except ProgramError as err:
            return f"<p>{escape(str(err))}</p>"
        return render_programme(program, lang, labels_for(lang))

    def doc_choices() -> list[tuple[str, str]]:
        return [(f"{d.title} ({d.doc_id})", d.doc_id) for d in library.documents()]

    # Uploaded files are copied into the knowledge folder; Gradio's own copies are cleared within the day.
    with gr.Blocks(title=event.title.en, delete_cache=(3600, 86400)) as demo:
        session = gr.State(ChatSession())
        shared = gr.State(None)  # the question a share link opened the page with
        authorized = gr.State(False)
        with gr.Row(equal_height=True, elem_id="sfass-top"):
            header = gr.HTML(header_html("ko", event))
            ui_lang = gr.Radio([(LANG_NAMES["ko"], "ko"), (LANG_NAMES["en"], "en")], value="ko", label=t0.ui_lang,
                               elem_id="sfass-ui-lang", scale=0, min_width=280)
        with gr.Tabs():
            with gr.Tab(t0.tab_chat, id="chat", elem_id="sfass-tab-chat") as tab_chat:
                # Copying is the answers' own button (plain text with sources), not the raw-HTML one.
                chatbot = gr.Chatbot(label=t0.chatbot, show_label=False, placeholder=t0.welcome, layout="panel",
                                     height=None, min_height=300, max_height=620, buttons=[],
                                     feedback_options=("Like", "Dislike"), elem_id="sfass-chat",
                                     line_breaks=False, latex_delimiters=[])
                with gr.Row(elem_id="sfass-suggestions", elem_classes="sfass-example-row"):
                    suggestion_buttons = [gr.Button("", size="sm", visible=False, elem_id=f"sfass-suggest-{i}",
                                                    elem_classes="sfass-suggest") for i in range(SUGGESTIONS)]
                with gr.Row(equal_height=True, elem_id="sfass-ask"):
                    question = gr.Textbox(label=t0.question, placeholder=t0.question_placeholder, scale=8,
                                          elem_id="sfass-question", max_lines=4)
                    send = gr.Button(t0.send, variant="primary", scale=1, min_width=90, elem_id="sfass-send")
                with gr.Row(elem_id="sfass-options"):
                    answer_lang = gr.Radio(answer_lang_choices("ko"), value=AUTO, label=t0.answer_lang,
                                           elem_id="sfass-answer-lang", scale=4, container=False)
                    new_chat = gr.Button(t0.new_chat, scale=1, size="sm", elem_id="sfass-new-chat")
                examples_title = gr.Markdown(f"**{t0.examples}**", elem_id="sfass-examples-title")
                audience_titles, example_buttons = [], []
                for key, row_title, questions in example_rows(event, "ko"):
                    with gr.Row(equal_height=True, elem_classes="sfass-example-row"):
                        audience_titles.append(gr.Markdown(row_title, elem_classes="sfass-audience"))
                        for i, q in enumerate(questions):
                            example_buttons.append(gr.Button(q, size="sm", elem_id=f"sfass-ex-{key}-{i}"))
                footer = gr.Markdown(t0.footer)
            with gr.Tab(t0.tab_programme, id="programme", elem_id="sfass-tab-programme") as tab_programme:
                programme = gr.HTML(programme_html("ko"), elem_id="sfass-programme")
            with gr.Tab(t0.tab_sources, id="sources", elem_id="sfass-tab-sources") as tab_sources:
                docs_table = gr.Dataframe(headers=document_headers(t0), value=[], interactive=False,
                                          label=t0.documents, elem_id="sfass-documents", wrap=True)
                doc_pick = gr.Dropdown(choices=[], label=t0.open_document, elem_id="sfass-doc-pick")
                doc_view = gr.HTML(elem_id="sfass-doc-view")
                with gr.Row(equal_height=True):
                    search_box = gr.Textbox(label=t0.search, placeholder=t0.search_placeholder, scale=6,
                                            elem_id="sfass-search")
                    search_btn = gr.Button(t0.search_button, scale=1, elem_id="sfass-search-btn")
                search_results = gr.HTML(elem_id="sfass-search-results")
            with gr.Tab(t0.tab_check, id="check", elem_id="sfass-tab-check") as tab_check:
                check_intro = gr.Markdown(t0.check_intro, elem_id="sfass-check-intro")
                statement = gr.Textbox(label=t0.check_input, placeholder=t0.check_placeholder, lines=4, max_lines=12,
                                       elem_id="sfass-statement")
                check_btn = gr.Button(t0.check_button, variant="primary", elem_id="sfass-check-btn")
                verdict_view = gr.HTML(elem_id="sfass-verdict")
            admin_parts = {}
            if with_desk:
                with gr.Tab(t0.tab_admin, id="admin", elem_id="sfass-tab-admin") as tab_admin:
                    with gr.Row(equal_height=True) as login_row:
                        password = gr.Textbox(label=t0.password, type="password", elem_id="sfass-password",
                                              scale=4)
                        login = gr.Button(t0.login, variant="primary", elem_id="sfass-login", scale=1)
                    desk_message = gr.Markdown(elem_id="sfass-desk-message")
                    with gr.Column(visible=False, elem_id="sfass-desk") as desk_panel:
                        status_title = gr.Markdown(f"### {t0.index_status}")
                        status = gr.Markdown(elem_id="sfass-status")
                        files = gr.File(label=t0.upload, file_count="multiple", type="filepath",
                                        elem_id="sfass-upload")
                        with gr.Row():
                            upload_btn = gr.Button(t0.upload_button, variant="primary", elem_id="sfass-upload-btn")
                            rebuild_btn = gr.Button(t0.rebuild, elem_id="sfass-rebuild")
                        with gr.Row(equal_height=True):
                            remove_pick = gr.Dropdown(choices=[], label=t0.remove, elem_id="sfass-remove-pick",
                                                      scale=4)
                            remove_btn = gr.Button(t0.remove_button, variant="stop", elem_id="sfass-remove",
                                                   scale=1)
                        problems_title = gr.Markdown(f"### {t0.problems}")
                        problems = gr.HTML(elem_id="sfass-problems")
                        faq_pick = gr.Dropdown(choices=[], label=t0.faq_pick, elem_id="sfass-faq-pick")
                        faq_answer = gr.Textbox(label=t0.faq_answer, placeholder=t0.faq_answer_placeholder, lines=3,
                                                max_lines=10, elem_id="sfass-faq-answer")
                        faq_save = gr.Button(t0.faq_save, variant="primary", elem_id="sfass-faq-save")
                        groups_shown = gr.State([])  # the groups the organizer sees, so a pick means what it showed
                        audit_title = gr.Markdown(f"### {t0.audit_title}")
                        audit_btn = gr.Button(t0.audit_button, elem_id="sfass-audit-btn")
                        audit_view = gr.HTML(elem_id="sfass-audit")
                        with gr.Row():
                            refresh_btn = gr.Button(t0.refresh, size="sm", elem_id="sfass-refresh")
                            logout = gr.Button(t0.logout, size="sm", elem_id="sfass-logout")
                admin_parts = {
                    "tab_admin": tab_admin, "password": password, "login": login, "status_title": status_title,
                    "files": files, "upload_btn": upload_btn, "rebuild_btn": rebuild_btn,
                    "remove_pick": remove_pick, "remove_btn": remove_btn, "problems_title": problems_title,
                    "refresh_btn": refresh_btn, "logout": logout, "audit_title": audit_title, "audit_btn": audit_btn,
                    "audit_view": audit_view, "faq_pick": faq_pick, "faq_answer": faq_answer, "faq_save": faq_save,
                }

        # --- language -------------------------------------------------------------------------------
        def start(request: gr.Request):
            """The interface language (a share link's, else the browser's) and the shared question, if any."""
            header_value = request.headers.get("accept-language") if request is not None else None
            params = dict(request.query_params) if request is not None else None
            return link_language(params) or lang_from_accept_language(header_value), shared_question(params)

        def relabel(lang: str, chat: ChatSession) -> dict:
            t = labels_for(lang)
            updates = {
                header: header_html(lang, event),
                tab_chat: gr.update(label=t.tab_chat), tab_programme: gr.update(label=t.tab_programme),
                tab_sources: gr.update(label=t.tab_sources), tab_check: gr.update(label=t.tab_check),
                check_intro: t.check_intro, check_btn: gr.update(value=t.check_button),
                statement: gr.update(label=t.check_input, placeholder=t.check_placeholder),
                ui_lang: gr.update(label=t.ui_lang),
                chatbot: gr.update(value=chat.messages(t), label=t.chatbot, placeholder=t.welcome),
                question: gr.update(label=t.question, placeholder=t.question_placeholder),
                send: gr.update(value=t.send), new_chat: gr.update(value=t.new_chat),
                answer_lang: gr.update(choices=answer_lang_choices(lang), label=t.answer_lang),
                examples_title: f"**{t.examples}**", footer: t.footer,
                programme: programme_html(lang),
                docs_table: gr.update(headers=document_headers(t), label=t.documents),
                doc_pick: gr.update(label=t.open_document),
                search_box: gr.update(label=t.search, placeholder=t.search_placeholder),
                search_btn: gr.update(value=t.search_button),
            }
            buttons = iter(example_buttons)
            for title, (_, row_title, questions) in zip(audience_titles, example_rows(event, lang)):  # type: ignore[arg-type]
                updates[title] = row_title
                for q in questions:
                    updates[next(buttons)] = gr.update(value=q)
            if admin_parts:
                a = admin_parts
                updates.update({
                    a["tab_admin"]: gr.update(label=t.tab_admin), a["password"]: gr.update(label=t.password),
                    a["login"]: gr.update(value=t.login), a["status_title"]: f"### {t.index_status}",
                    a["files"]: gr.update(label=t.upload), a["upload_btn"]: gr.update(value=t.upload_button),
                    a["rebuild_btn"]: gr.update(value=t.rebuild), a["remove_pick"]: gr.update(label=t.remove),
                    a["remove_btn"]: gr.update(value=t.remove_button), a["problems_title"]: f"### {t.problems}",
                    a["refresh_btn"]: gr.update(value=t.refresh), a["logout"]: gr.update(value=t.logout),
                    a["audit_title"]: f"### {t.audit_title}", a["audit_btn"]: gr.update(value=t.audit_button),
                    a["faq_pick"]: gr.update(label=t.faq_pick), a["faq_save"]: gr.update(value=t.faq_save),
                    a["faq_answer"]: gr.update(label=t.faq_answer, placeholder=t.faq_answer_placeholder),
                })
            return updates

        relabel_outputs = set(relabel("ko", ChatSession()).keys())
        ui_lang.input(relabel, [ui_lang, session], relabel_outputs, api_visibility=PRIVATE)

        # --- chat -----------------------------------------------------------------------------------
        def chat(text: str, forced: str, lang: str, chat_state: ChatSession):
            t = labels_for(lang)
            text = (text or "").strip()
            if not text:
                gr.Warning(t.empty_question)
                yield chat_state.messages(t), text, chat_state, *suggestions_shown([])
                return
            answer = None
            for item in bot.ask_stream(text, history=chat_state.history(), language=answer_language(forced)):
                if isinstance(item, str):
                    yield chat_state.messages(t, pending=(text, item)), "", chat_state, *suggestions_shown([])
                else:
                    answer = item
            if answer is None:
                return
            chat_state.add(answer, asked=text)
            save_refusal(feedback, answer)  # a database that is down costs the log entry, not the answer
            yield chat_state.messages(t), "", chat_state, *suggestions_shown([])

        def follow_ups(chat_state: ChatSession):
            """After an answer, in an event of its own (the next question need not wait): follow-ups that the
            assistant has already answered in this conversation."""
            if not chat_state.answers:
                return suggestions_shown([])
            turns = len(chat_state.answers)
            offered = bot.suggest(chat_state.answers[-1], chat_state.history(), asked=chat_state.asked)
            if len(chat_state.answers) != turns:  # another question came meanwhile: its own follow-ups will come
                return [gr.skip() for _ in suggestion_buttons]
            return suggestions_shown(offered)

        def suggestions_shown(questions: list[str]) -> list:
            return [gr.update(value=q, visible=True) if q else gr.update(visible=False)
                    for q in (questions + [""] * SUGGESTIONS)[:SUGGESTIONS]]

        chat_outputs = [chatbot, question, session, *suggestion_buttons]

        def ask_shared(asked: SharedQuestion | None, lang: str, chat_state: ChatSession):
            if asked is None:  # leave alone what the person may already be typing
                yield tuple(gr.skip() for _ in chat_outputs)
                return
            yield from chat(asked.question, asked.lang or AUTO, lang, chat_state)

        # On load: the interface language, the labels in it, then the question of a share link.
        demo.load(start, None, [ui_lang, shared], api_visibility=PRIVATE).then(
            relabel, [ui_lang, session], relabel_outputs, api_visibility=PRIVATE).then(
            ask_shared, [shared, ui_lang, session], chat_outputs, api_visibility=PRIVATE).then(
            follow_ups, [session], suggestion_buttons, api_visibility=PRIVATE)
        gr.on([send.click, question.submit], chat, [question, answer_lang, ui_lang, session], chat_outputs,
              api_name="chat", api_description="Ask a question; returns this session's conversation.").then(
            follow_ups, [session], suggestion_buttons, api_visibility=PRIVATE)
        for button in [*example_buttons, *suggestion_buttons]:
            button.click(chat, [button, answer_lang, ui_lang, session], chat_outputs, api_visibility=PRIVATE).then(
                follow_ups, [session], suggestion_buttons, api_visibility=PRIVATE)

        def clear(chat_state: ChatSession):
            chat_state.clear()
            return [], "", chat_state, *suggestions_shown([])

        new_chat.click(clear, [session], chat_outputs, api_visibility=PRIVATE)
        chatbot.clear(clear, [session], chat_outputs, api_visibility=PRIVATE)  # the chat's own bin icon

        def vote(data: gr.LikeData, chat_state: ChatSession, lang: str) -> None:
            answer = chat_state.answer_at(data.index)
            if answer is not None and data.liked in (True, False):
                problem = save_vote(feedback, answer, bool(data.liked), labels_for(lang).vote_not_saved)
                if problem:
                    gr.Warning(problem)

        chatbot.like(vote, [session, ui_lang], None, api_visibility=PRIVATE)

        # --- fact check -----------------------------------------------------------------------------
        def check(text: str, lang: str) -> str:
            return render_verdict(bot.check(text or ""), labels_for(lang))

        gr.on([check_btn.click], check, [statement, ui_lang], verdict_view, api_name="check",
              api_description="Check a statement claim by claim against the documents.")

        # --- sources --------------------------------------------------------------------------------
        def list_documents():
            return document_rows(library.documents()), gr.Dropdown(choices=doc_choices())

        def open_document(doc_id: str | None, lang: str) -> str:
            if not doc_id:
                return ""
            try:
                changed = next((d.changed_at for d in library.documents() if d.doc_id == doc_id), None)
                return render_document(library.document(doc_id), labels_for(lang), changed)
            except UnknownDocumentError:  # removed meanwhile
                return ""

        def open_from_table(evt: gr.SelectData, lang: str):
            row = evt.row_value or []
            doc_id = row[-1] if row else None
            return gr.Dropdown(value=doc_id), open_document(doc_id, lang)

        def search(query: str, lang: str) -> str:
            if not (query or "").strip():
                return ""
            return render_search_results(bot.retrieve(query.strip()).chunks, labels_for(lang))

        tab_sources.select(list_documents, None, [docs_table, doc_pick], api_visibility=PRIVATE)
        demo.load(list_documents, None, [docs_table, doc_pick], api_visibility=PRIVATE)
        doc_pick.change(open_document, [doc_pick, ui_lang], doc_view, api_visibility=PRIVATE)
        docs_table.select(open_from_table, [ui_lang], [doc_pick, doc_view], api_visibility=PRIVATE)
        gr.on([search_btn.click, search_box.submit], search, [search_box, ui_lang], search_results,
              api_visibility=PRIVATE)

        # --- organizers' desk -----------------------------------------------------------------------
        if admin_parts:
            a = admin_parts

            def desk_view(lang: str, ok: bool):
                if not ok:
                    return "", gr.Dropdown(choices=[]), "", gr.Dropdown(choices=[], value=None), []
                t = labels_for(lang)
                groups, shown = desk.unanswered(feedback, t, PROBLEMS_SHOWN)
                return (desk.status_markdown(lang), gr.Dropdown(choices=doc_choices(), value=None), shown,
                        gr.Dropdown(choices=[(group_choice(g, t), g.key) for g in groups], value=None), groups)

            desk_outputs = [status, a["remove_pick"], problems, faq_pick, groups_shown]

            def enter(attempt: str, lang: str, request: gr.Request):
                client = request.client.host if request and request.client else "unknown"
                ok, message = sign_in(throttle, settings, client, attempt, labels_for(lang))
                return (ok, gr.Textbox(value=""), message,
                        gr.Row(visible=not ok), gr.Column(visible=ok), *desk_view(lang, ok))

            gr.on([a["login"].click, a["password"].submit], enter, [a["password"], ui_lang],
                  [authorized, a["password"], desk_message, login_row, desk_panel, *desk_outputs],
                  api_visibility=PRIVATE)

            def leave():
                return False, "", gr.Row(visible=True), gr.Column(visible=False), *desk_view("ko", False)

            a["logout"].click(leave, None, [authorized, desk_message, login_row, desk_panel, *desk_outputs],
                              api_visibility=PRIVATE)

            def after(result, lang: str, ok: bool):
                return (result.message, *desk_view(lang, ok))

            def upload(paths, lang: str, ok: bool, progress=gr.Progress()):  # noqa: B008 - Gradio's idiom
                result = desk.upload(paths or [], lang, ok, progress=_progress(progress))
                return (*after(result, lang, ok), gr.update(value=None))  # the message names the files

            def rebuild(lang: str, ok: bool, progress=gr.Progress()):  # noqa: B008 - Gradio's idiom
                return after(desk.rebuild(lang, ok, progress=_progress(progress)), lang, ok)

            def remove(doc_id: str | None, lang: str, ok: bool):
                return after(desk.remove(doc_id, lang, ok), lang, ok)

            def save_faq(key: str | None, answer: str, groups: list, lang: str, ok: bool):
                """An organizer's answer to a group, saved as an FAQ document; the answer stays typed if refused."""
                result = desk.answer_group(key, answer, groups, lang, ok)
                if not result.ok:  # nothing changed: the pick and the typed answer stay
                    return (result.message, *(gr.skip() for _ in desk_outputs), gr.skip())
                return (*after(result, lang, ok), gr.update(value=""))

            desk_events = {"api_visibility": PRIVATE, "concurrency_id": ADMIN_QUEUE, "concurrency_limit": 1}
            a["faq_save"].click(save_faq, [a["faq_pick"], a["faq_answer"], groups_shown, ui_lang, authorized],
                                [desk_message, *desk_outputs, a["faq_answer"]], **desk_events)
            a["upload_btn"].click(upload, [a["files"], ui_lang, authorized],
                                  [desk_message, *desk_outputs, a["files"]], **desk_events)
            a["rebuild_btn"].click(rebuild, [ui_lang, authorized], [desk_message, *desk_outputs], **desk_events)
            a["remove_btn"].click(remove, [a["remove_pick"], ui_lang, authorized], [desk_message, *desk_outputs],
                                  **desk_events)
            a["refresh_btn"].click(lambda lang, ok: desk_view(lang, ok), [ui_lang, authorized], desk_outputs,
                                   api_visibility=PRIVATE)

            def audit(lang: str, ok: bool) -> str:
                t = labels_for(lang)
                return render_audit(bot.audit(), t) if ok else f"<p>{escape(t.login_required)}</p>"

            a["audit_btn"].click(audit, [ui_lang, authorized], a["audit_view"], **desk_events)
    return demo


def _progress(progress: gr.Progress):
    def report(done: int, total: int, message: str) -> None:
        progress((done, max(total, 1)), desc=message)

    return report


def launch(demo: gr.Blocks, settings: Settings) -> None:
    """Serve ``demo`` offline: local fonts only, concurrency set, no API page for private events."""
    demo.queue(default_concurrency_limit=settings.ui_concurrency)
    theme = gr.themes.Default(
        primary_hue="indigo",
        font=["Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "sans-serif"],
        font_mono=["Noto Sans Mono CJK KR", "DejaVu Sans Mono", "monospace"],
    ).set(  # darker shades than the defaults, so text passes WCAG AA contrast
        body_text_color_subdued="*neutral_600", block_info_text_color="*neutral_600",
        button_primary_background_fill="*primary_700", button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white", input_placeholder_color="*neutral_500",
    )
    gr.set_static_paths([STATIC_DIR])
    script = f'<script src="gradio_api/file={SCRIPT.as_posix()}"></script>'
    demo.launch(theme=theme, css_paths=[STYLESHEET], head=script, ssr_mode=False, run_history=False, mcp_server=False,
                footer_links=["api"], max_file_size=int(settings.max_upload_mb * 1024 * 1024))


def main() -> None:
    settings = Settings()
    launch(build_app(Assistant(settings), settings), settings)


if __name__ == "__main__":
    main()
