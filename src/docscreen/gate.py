"""The pre-ingest gate: sort files into accepted / review / quarantine by their verdict.

For each file under SRC (recursively; hidden files and the destination folders skipped):

1. its SHA-256 is computed; a file whose SHA-256 was already decided (by an earlier run, or an
   identical file earlier in this run) is skipped;
2. it is scanned (the batch runner: worker processes, per-file timeout);
3. it is copied to the folder its verdict names (``accept`` -> accepted, ``review`` -> review,
   or quarantine when there is no review folder, ``reject`` / ``error`` -> quarantine), under
   the same relative path: written to a temporary file in the destination folder, flushed,
   ``fsync``-ed, checked against the SHA-256 that was scanned, then linked into place without
   ever replacing an existing file (a different file with the same name gets ``~1``, ``~2``...
   before the extension; an identical one is reused);
4. in quarantine and review its JSON report is written beside it (``NAME.docscreen.json``);
5. the decision is appended to the state file ``QUARANTINE/.docscreen-gate.jsonl`` (flushed and
   ``fsync``-ed): this is what a re-run reads to skip decided files;
6. with ``move``, only then is the source removed.

A failure at any step leaves the source where it was (nothing is ever lost) and the file is
reported as ``failed``; a re-run tries it again.
"""

from __future__ import annotations

import datetime as _dt
import errno
import fnmatch
import hashlib
import json
import os
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .report.json import document_report
from .runner import BatchRunner, Task

STATE_FILE = ".docscreen-gate.jsonl"
REPORT_SUFFIX = ".docscreen.json"
_TMP_MARK = ".docscreen-tmp-"


@dataclass(frozen=True)
class GateEntry:
    source: str
    sha256: str | None
    #: copied | moved | skipped | failed
    action: str
    verdict: str | None = None
    destination: str | None = None
    report: str | None = None
    message: str | None = None


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a flushed, fsync-ed temporary file and a rename."""
    tmp = path.with_name(f".{path.name}{_TMP_MARK}{secrets.token_hex(4)}")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _candidates(target: Path) -> Iterator[Path]:
    yield target
    stem, suffix = target.stem, target.suffix
    if target.name.startswith(".") and not suffix:
        stem, suffix = target.name, ""
    for n in range(1, 10_000):
        yield target.with_name(f"{stem}~{n}{suffix}")
    raise OSError(errno.EEXIST, "no free name for the file")


def copy_into(source: Path, target: Path, expected_sha256: str) -> Path:
    """Copy ``source`` to ``target`` (or ``target`` with a ``~N`` suffix) durably; return the
    path it now has. Never replaces a different file; an identical one is reused."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}{_TMP_MARK}{secrets.token_hex(4)}")
    try:
        h = hashlib.sha256()
        with open(source, "rb") as src, open(tmp, "xb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                h.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        if h.hexdigest() != expected_sha256:
            raise OSError(errno.EIO, "the file changed while it was being scanned")
        final = None
        for candidate in _candidates(target):
            if candidate.exists() or candidate.is_symlink():
                if candidate.is_file() and sha256_file(candidate) == expected_sha256:
                    return candidate  # already there (an interrupted earlier run)
                continue
            try:
                os.link(tmp, candidate)  # fails if the name was taken meanwhile: no overwrite
            except FileExistsError:
                continue
            except OSError:
                if candidate.exists():
                    continue
                os.rename(tmp, candidate)  # a filesystem without hard links
            final = candidate
            break
        _fsync_dir(target.parent)
        return final
    finally:
        tmp.unlink(missing_ok=True)


class Gate:
    def __init__(
        self,
        src: Path,
        *,
        accepted: Path,
        quarantine: Path,
        review: Path | None = None,
        move: bool = False,
        runner: BatchRunner,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
    ) -> None:
        self.src = src
        self.dirs = {"accept": accepted, "review": review or quarantine, "reject": quarantine, "error": quarantine}
        self.quarantine = quarantine
        self.review = review
        self.move = move
        self.runner = runner
        self.include = tuple(include)
        self.exclude = tuple(exclude)
        self.state_path = quarantine / STATE_FILE

    # -- state -------------------------------------------------------------------------------
    def load_state(self) -> dict[str, dict]:
        decided: dict[str, dict] = {}
        if not self.state_path.is_file():
            return decided
        for line in self.state_path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash: that file is decided again
            if isinstance(entry, dict) and isinstance(entry.get("sha256"), str):
                decided[entry["sha256"]] = entry
        return decided

    def _record(self, entry: dict) -> None:
        self.quarantine.mkdir(parents=True, exist_ok=True)
        with open(self.state_path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    # -- files -------------------------------------------------------------------------------
    def files(self) -> list[Path]:
        if self.src.is_file():
            return [self.src]
        skip = {d.resolve() for d in self.dirs.values()}
        out = []
        for path in sorted(self.src.rglob("*")):
            rel = path.relative_to(self.src)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file() or path.is_symlink():
                continue
            if any(parent.resolve() in skip for parent in path.parents):
                continue
            name = rel.as_posix()
            if self.include and not any(fnmatch.fnmatchcase(name, g) for g in self.include):
                continue
            if any(fnmatch.fnmatchcase(name, g) for g in self.exclude):
                continue
            out.append(path)
        return out

    def _relative(self, path: Path) -> Path:
        return Path(path.name) if self.src.is_file() else path.relative_to(self.src)

    # -- run -------------------------------------------------------------------------------
    def run(self) -> Iterator[GateEntry]:
        for d in {*self.dirs.values()}:
            d.mkdir(parents=True, exist_ok=True)
        decided = self.load_state()
        tasks: list[Task] = []
        shas: dict[int, str] = {}
        early: dict[int, GateEntry] = {}
        files = self.files()
        seen: dict[str, str] = {}
        for i, path in enumerate(files):
            try:
                sha = sha256_file(path)
            except OSError as exc:
                early[i] = GateEntry(str(path), None, "failed", message=f"cannot read the file ({exc.strerror})")
                continue
            if sha in decided:
                early[i] = self._already(path, sha, decided[sha])
            elif sha in seen:
                early[i] = GateEntry(str(path), sha, "skipped", message=f"same content as {seen[sha]} (decided in this run)")
            else:
                seen[sha] = str(path)
                shas[i] = sha
                tasks.append(Task(index=i, path=str(path), file=str(path)))
        outcomes = self.runner.run(tasks)
        pending = iter(outcomes)
        for i, path in enumerate(files):
            if i in early:
                yield early[i]
                continue
            outcome = next(pending)
            assert outcome.index == i
            yield self._place(path, shas[i], outcome)

    def _already(self, path: Path, sha: str, entry: dict) -> GateEntry:
        verdict = entry.get("verdict")
        dest = entry.get("destination")
        if self.move and dest and Path(dest).is_file() and sha256_file(Path(dest)) == sha:
            try:
                path.unlink()  # its copy is in place and durable: finish the move
            except OSError as exc:
                return GateEntry(str(path), sha, "skipped", verdict, dest, entry.get("report"),
                                 f"already decided ({verdict}); the source could not be removed ({exc.strerror})")
            return GateEntry(str(path), sha, "moved", verdict, dest, entry.get("report"), "already decided; source removed")
        return GateEntry(str(path), sha, "skipped", verdict, dest, entry.get("report"), f"already decided ({verdict})")

    def _place(self, path: Path, sha: str, outcome) -> GateEntry:
        verdict = outcome.verdict.decision
        if outcome.document.sha256 is not None and outcome.document.sha256 != sha:
            return GateEntry(str(path), sha, "failed", verdict, message="the file changed while it was being scanned; left in place")
        target = self.dirs[verdict] / self._relative(path)
        report_path = None
        try:
            final = copy_into(path, target, sha)
            if verdict != "accept":
                report = document_report(outcome, policy_source=self.runner.policy.source)
                report_path = final.with_name(final.name + REPORT_SUFFIX)
                write_atomic(report_path, (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
            self._record(
                {
                    "sha256": sha,
                    "verdict": verdict,
                    "source": str(path.resolve()),
                    "destination": str(final.resolve()),
                    "report": str(report_path.resolve()) if report_path else None,
                    "decided_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                }
            )
        except OSError as exc:
            why = exc.strerror or type(exc).__name__
            return GateEntry(str(path), sha, "failed", verdict, message=f"could not place the file ({why}); left in place")
        if self.move:
            try:
                path.unlink()
            except OSError as exc:
                return GateEntry(str(path), sha, "copied", verdict, str(final), str(report_path) if report_path else None,
                                 f"copied, but the source could not be removed ({exc.strerror})")
            return GateEntry(str(path), sha, "moved", verdict, str(final), str(report_path) if report_path else None)
        return GateEntry(str(path), sha, "copied", verdict, str(final), str(report_path) if report_path else None)
