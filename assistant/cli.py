"""Command line: ``python -m assistant ask|chat|eval|check|audit|fit|feedback``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .config import Settings
from .evaluation.suites import SUITES
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
    from .event import event_of_index

    bot = _assistant(settings)
    event = event_of_index(bot.index)
    history: list[Turn] = []
    print(f"{event.title.en} — ask in Korean or English; Ctrl-D to quit. / "
          f"{event.title.ko}: 한국어나 영어로 질문하세요. 종료: Ctrl-D")
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

    from .evaluation.harness import failures, table
    from .evaluation.suites import run_suites, suites_table

    if args.llm:
        settings = settings.model_copy(update={"llm": args.llm})
    if args.check:
        return _eval_check(args, settings)
    results = run_suites(settings, args.suite, limit=args.limit, baseline=args.baseline)
    if args.json:
        out = {name: [r.model_dump(mode="json") for r in reports] for name, reports in results.items()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    console = Console(width=max(Console().width, 110))  # the suite table needs about 100 columns
    console.print(suites_table(results, title=f"answer quality by suite ({settings.llm})"))
    for name, reports in results.items():
        for rep in reports[1:] if args.baseline else []:
            console.print(table(rep))
        wrong = failures(reports[0])
        if wrong and args.verbose:
            console.print(f"[bold]{name}: items answered wrongly[/bold]")
            for item in wrong:
                console.print(f"- {item.id}: {item.answer[:200]}")
    return 0


def _eval_check(args: argparse.Namespace, settings: Settings) -> int:
    from rich.console import Console

    from .evaluation.claims import CLAIM_SETS, claims_table, evaluate_claims

    bot = _assistant(settings)
    reports = [evaluate_claims(bot.check, path, name) for name, path in CLAIM_SETS.items()]
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in reports], ensure_ascii=False, indent=2))
        return 0
    console = Console(width=max(Console().width, 110))
    console.print(claims_table(reports))
    for rep in reports if args.verbose else []:
        console.print(f"[bold]{rep.name}: claims labelled wrongly[/bold]")
        for r in rep.wrong():
            console.print(f"- {r.id} “{r.value}”: {r.gold} → {r.predicted}")
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from .checking.report import format_verdict

    verdict = _assistant(settings).check(" ".join(args.statement))
    print(verdict.model_dump_json(indent=2) if args.json else format_verdict(verdict))
    return 1 if verdict.error else 0


def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    from .checking.report import format_audit

    report = _assistant(settings).audit()
    print(report.model_dump_json(indent=2) if args.json else format_audit(report, args.lang))
    return 0


def cmd_fit(args: argparse.Namespace, settings: Settings) -> int:
    from .answering.evidence import MODEL_PATH, write_model
    from .evaluation.fit import cross_validate, fit_on_suites

    if args.cv:
        scores = cross_validate(settings)
        for name, score in scores.items():
            print(f"{name}: {score:.3f} answered right when left out of the fit")
        print(f"mean {sum(scores.values()) / max(len(scores), 1):.3f}")
        return 0
    model, score = fit_on_suites(settings)
    write_model(model)
    print(f"Fitted on {model.fitted_on}: tuning accuracy {score:.3f}; written to {MODEL_PATH}")
    return 0


def cmd_feedback(args: argparse.Namespace, settings: Settings) -> int:
    """``feedback export``: every entry as JSONL (one ``FeedbackEntry`` a line), to stdout or ``--out``."""
    from .web.feedback import FeedbackLog

    text = FeedbackLog.from_settings(settings).export_jsonl()  # read first: a database down leaves no file
    if args.out is None:
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"{text.count(chr(10))} entries written to {args.out}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m assistant", description="Answers about the event's documents."
    )
    sub = p.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question", nargs="+")
    ask.add_argument("--json", action="store_true", help="print the Answer model as JSON")
    ask.add_argument("--lang", choices=["ko", "en"], help="answer in this language")
    chat = sub.add_parser("chat", help="a terminal conversation")
    chat.add_argument("--lang", choices=["ko", "en"])
    ev = sub.add_parser("eval", help="quality on the tuned and unseen question sets, side by side")
    ev.add_argument("--suite", action="append", choices=[s.name for s in SUITES],
                    help="only this suite (repeatable); default: all")
    ev.add_argument("--llm", choices=["extractive", "openai", "llamacpp"])
    ev.add_argument("--limit", type=int, help="only the first N questions of each suite")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--baseline", action="store_true", help="also run a plain llama-index pipeline")
    ev.add_argument("-v", "--verbose", action="store_true", help="list the items answered wrongly")
    ev.add_argument("--check", action="store_true",
                    help="the fact check instead: per-label precision and recall on the labelled statements")
    check = sub.add_parser("check", help="check a statement claim by claim against the documents")
    check.add_argument("statement", nargs="+")
    check.add_argument("--json", action="store_true", help="print the Verdict model as JSON")
    audit = sub.add_parser("audit", help="list places where the documents disagree with each other")
    audit.add_argument("--json", action="store_true", help="print the AuditReport model as JSON")
    audit.add_argument("--lang", choices=["ko", "en"], default="en", help="language of the report")
    fit = sub.add_parser("fit", help="fit the evidence scorer on the tuning sets")
    fit.add_argument("--cv", action="store_true",
                     help="only report each tuning suite's accuracy when left out of the fit (nothing is written)")
    feedback = sub.add_parser("feedback", help="the votes and refusals people left")
    feedback_sub = feedback.add_subparsers(dest="action", required=True)
    export = feedback_sub.add_parser("export", help="write every entry as JSON lines, oldest first")
    export.add_argument("--out", help="write to this file instead of standard output")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from index.errors import IndexUserError

    from .event import EventError
    from .web.store import StoreUnavailable

    args = parser().parse_args(argv)
    try:
        settings = Settings()
        handler = {"ask": cmd_ask, "chat": cmd_chat, "eval": cmd_eval, "fit": cmd_fit, "check": cmd_check,
                   "audit": cmd_audit, "feedback": cmd_feedback}[args.command]
        return handler(args, settings)
    except (IndexUserError, EventError) as error:
        print(str(error), file=sys.stderr)
        return 2
    except StoreUnavailable as error:
        print(f"The database cannot be reached: {error}", file=sys.stderr)
        return 2
