"""A local copy of the answer step's term statistics of a store version, so the next process on the machine answers
its first question without counting them again (at 100,000 chunks counting takes seconds).

Like the index's own local copy (:mod:`index.cache`) it is derived data, never the truth: it is read only when it
was counted from the version the index serves now *and* by the same code (a fingerprint of this installation's
sources and of the Korean analyser), so any change to either counts again. Only the latest copy is kept; failing
to read or write it only costs the time of counting.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

PACKAGES = ("assistant", "index")  # the code the statistics come from


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A fingerprint of every source file of :data:`PACKAGES` and of the analyser's version."""
    root = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256(importlib.metadata.version("kiwipiepy").encode())
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class SavedStats:
    """The statistics saved under ``folder`` (``None``: nothing is kept) for the version named ``version_key``;
    ``name`` tells one kind of statistics from another (the term statistics, the loanwords)."""

    def __init__(self, folder: Path | None, version_key: str | None, prefix: str, name: str = "answer-stats") -> None:
        self.folder = folder
        self.key = f"{version_key}/{code_fingerprint()}" if version_key else None
        self.path = folder / f"{prefix}-{name}.pickle" if folder is not None else None

    def load(self) -> dict | None:
        """The saved values, or ``None`` when there are none for this version and code."""
        if self.path is None or self.key is None:
            return None
        try:
            with open(self.path, "rb") as fh:
                saved = pickle.load(fh)  # written by this installation, under its store folder
        except Exception:  # noqa: BLE001 - none yet, or unreadable: count again
            return None
        return saved["values"] if isinstance(saved, dict) and saved.get("key") == self.key else None

    def save(self, values: dict) -> None:
        """Keep ``values`` (replacing any older copy); a failure to write is no error."""
        if self.path is None or self.key is None:
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, partial = tempfile.mkstemp(dir=self.path.parent, prefix=".partial-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump({"key": self.key, "values": values}, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(partial, self.path)
            except BaseException:
                Path(partial).unlink(missing_ok=True)
                raise
