"""Command line: ``python -m assistant ask|chat|eval``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .config import Settings
from .models import Answer, Turn


def format_answer(answer: Answer) -> str:
    """The answer, its notice (e.g. the language model could not be reached), then its numbered sources
    (title, document, the quoted passage)."""
    lines = [answer.text]
    if answer.notice:
        lines += ["", f"({answer.notice})"]
    if answer.citations:
        lines += ["", "Sources:" if answer.language == "en" else "출처:"]
        for c in answer.citations:
            lines.append(f"[{c.n}] {c.title} ({c.doc_id}; {c.source})")
            lines.append(f"    “{c.text}”")
    return "\n".join(lines)


def _assistant(settings: Settings):
    from .engine import Assistant

    return Assistant(settings)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    answer = _assistant(settings).ask(" ".join(args.question), language=args.lang)
    print(answer.model_dump_json(indent=2) if args.json else format_answer(answer))
    return 1 if answer.error else 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    try:
        import readline  # noqa: F401  (line editing and in-session history for input())
    except ImportError:
        pass
    bot = _assistant(settings)
    history: list[Turn] = []
    print(
        "SFASS Assistant — ask in Korean or English; Ctrl-D to quit. / 한국어나 영어로 질문하세요. 종료: Ctrl-D"
    )
    while True:
        try:
            question = input("> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not question.strip():
            continue
        answer = bot.ask(question, history=history, language=args.lang)
        print(format_answer(answer) + "\n")
        if not answer.error:
            history += [Turn(role="user", content=question), Turn(role="assistant", content=answer.text)]


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from rich.console import Console

    from .eval import evaluate, failures, table

    if args.llm:
        settings = settings.model_copy(update={"llm": args.llm})
    reports = evaluate(_assistant(settings), limit=args.limit, baseline=not args.no_baseline)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in reports], ensure_ascii=False, indent=2))
        return 0
    console = Console()
    for rep in reports:
        console.print(table(rep))
    wrong = failures(reports[0])
    if wrong and args.verbose:
        console.print("[bold]Items answered wrongly[/bold]")
        for item in wrong:
            console.print(f"- {item.id}: {item.answer[:200]}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m assistant", description="Answers about the forum's documents."
    )
    sub = p.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question", nargs="+")
    ask.add_argument("--json", action="store_true", help="print the Answer model as JSON")
    ask.add_argument("--lang", choices=["ko", "en"], help="answer in this language")
    chat = sub.add_parser("chat", help="a terminal conversation")
    chat.add_argument("--lang", choices=["ko", "en"])
    ev = sub.add_parser("eval", help="quality table on tests/eval (and a plain baseline)")
    ev.add_argument("--llm", choices=["extractive", "openai", "llamacpp"])
    ev.add_argument("--limit", type=int, help="only the first N questions")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--no-baseline", action="store_true", help="skip the baseline run")
    ev.add_argument("-v", "--verbose", action="store_true", help="list the items answered wrongly")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from index.errors import IndexUserError

    args = parser().parse_args(argv)
    try:
        settings = Settings()
        handler = {"ask": cmd_ask, "chat": cmd_chat, "eval": cmd_eval}[args.command]
        return handler(args, settings)
    except IndexUserError as error:
        print(str(error), file=sys.stderr)
        return 2
