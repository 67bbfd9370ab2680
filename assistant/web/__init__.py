"""The web front end's logic: what the pages show (render, labels), one visitor's conversation (session), the
organizers' desk (desk) and the feedback log (feedback). ``static/`` holds the page's stylesheet and script."""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
