"""Command line: ``python -m index build [--rebuild] | status | add PATH... | remove DOC_ID``.

Exit codes: 0 done, 1 error (nothing changed), 2 done but some files were skipped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from index.config import IndexSettings
from index.errors import IndexUserError
from index.models import BuildReport
from index.store import KnowledgeIndex

console = Console()
errors = Console(stderr=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description="Build and inspect the knowledge index.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="index new and changed documents (incremental, atomic)")
    build.add_argument("--rebuild", action="store_true", help="re-embed every document (e.g. after changing model)")
    sub.add_parser("status", help="documents, chunks per language, model, store, last build")
    add = sub.add_parser("add", help="copy files into the knowledge folder's uploads/ and index them")
    add.add_argument("paths", nargs="+", type=Path)
    remove = sub.add_parser("remove", help="delete a document's file and drop it from the index")
    remove.add_argument("doc_id")
    args = parser.parse_args(argv)

    settings = IndexSettings()
    try:
        if args.command == "status":
            return _status(KnowledgeIndex(settings))
        index = KnowledgeIndex(settings)
        with _progress() as progress:
            if args.command == "build":
                report = index.build(rebuild=args.rebuild, progress=progress)
            elif args.command == "add":
                report = index.add(args.paths, progress=progress)
            else:
                report = index.remove(args.doc_id, progress=progress)
    except IndexUserError as exc:
        errors.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        return 1
    return _report(report)


@contextmanager
def _progress() -> Iterator[Callable[[int, int, str], None]]:
    """A rich progress bar driven by ``progress(done, total, phase)`` callbacks."""
    with Progress(
        TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=errors, transient=True,
    ) as bar:
        task = bar.add_task("starting", total=None)

        def update(done: int, total: int, phase: str) -> None:
            bar.update(task, completed=done, total=total, description=phase)

        yield update


def _report(report: BuildReport) -> int:
    for label, ids in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
        if ids:
            console.print(f"{label:>9}: {escape(', '.join(ids))}", highlight=False)
    console.print(f"unchanged: {len(report.unchanged)} documents; {report.chunks} chunks; {report.seconds:.1f} s")
    for skipped in report.skipped:
        errors.print(f"[yellow]  skipped:[/yellow] {escape(skipped.path)}: {escape(skipped.reason)}", highlight=False)
    return 2 if report.skipped else 0


def _status(index: KnowledgeIndex) -> int:
    status = index.status()
    chunks = ", ".join(f"{lang}: {n}" for lang, n in status.chunks_per_lang.items()) or "none"
    rows = [
        ("documents", str(status.documents)),
        ("chunks", chunks),
        ("model", f"{status.embed_model} ({status.dimension} dimensions)"),
        ("store", status.store),
        ("collection", status.collection or "none (run `python -m index build`)"),
        ("last build", status.last_build.isoformat(timespec="seconds") if status.last_build else "never"),
    ]
    for label, value in rows:
        console.print(f"[bold]{label:<11}[/bold]{escape(value)}", soft_wrap=True, highlight=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
