"""Command line: a thin shell over the library (parse input, call the library, render).

``docscreen scan`` (verdicts for files, folders or stdin), ``docscreen gate`` (sort files into
accepted / review / quarantine folders), ``docscreen explain`` (why each finding fired),
``docscreen categories``, ``docscreen policy`` and ``docscreen extract`` (what was read). No
command prints document text or a raw sensitive value.

Exit codes of ``scan``: 0 nothing at or above ``--fail-on``; 1 something at or above it; 2 a
usage error (a path that does not exist, a bad policy file); 3 a file could not be scanned
and the policy says ``error`` (3 wins over 1: the batch is incomplete).
"""

from __future__ import annotations

import fnmatch
import json
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import IO

import click

from . import __version__
from .extract import extract_path
from .limits import Limits
from .model import ExtractedDocument


def _iter_files(paths: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            files.append(p)
    return files


def document_summary(path: Path, doc: ExtractedDocument) -> dict:
    """A JSON-ready summary of one extraction. Holds no document text."""
    parts = Counter(s.location.part for s in doc.segments)
    flags = Counter(f for s in doc.segments for f in s.flags)
    return {
        "path": str(path),
        "size": doc.size,
        "sha256": doc.sha256,
        "detected_type": doc.detection.kind,
        "mime": doc.detection.mime,
        "pages": doc.pages,
        "complete": doc.complete,
        "segments": len(doc.segments),
        "characters": doc.char_count,
        "parts": dict(sorted(parts.items())),
        "flags": dict(sorted(flags.items())),
        "embedded_documents": doc.embedded,
        "errors": [e.to_dict() for e in doc.errors],
        "warnings": list(doc.warnings),
    }


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docscreen")
def main() -> None:
    """docscreen: screen uploaded resumes and cover letters for prohibited sensitive data."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="text: one block per file for people; json: one document with a list of files.",
)
@click.option("--max-bytes", type=int, default=Limits().max_bytes, show_default=True, help="Per-file size limit.")
@click.option("--max-pages", type=int, default=Limits().max_pages, show_default=True, help="PDF pages read.")
@click.option("--timeout", type=float, default=Limits().timeout_s, show_default=True, help="Seconds per file.")
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int, max_pages: int, timeout: float) -> None:
    """Show what docscreen reads from each file: format, parts, characters, problems.

    PATHS are files or directories (read recursively). No document text is printed.
    Exit code: 0 when every file was read fully, 3 when at least one was not.
    """
    limits = Limits(max_bytes=max_bytes, max_pages=max_pages, timeout_s=timeout)
    summaries = [document_summary(f, extract_path(f, limits=limits)) for f in _iter_files(paths)]
    if fmt == "json":
        incomplete = sum(1 for s in summaries if not s["complete"])
        click.echo(json.dumps({"files": summaries, "summary": {"files": len(summaries), "incomplete": incomplete}}, indent=2))
    else:
        for s in summaries:
            _render_text(s)
        incomplete = sum(1 for s in summaries if not s["complete"])
        click.echo(f"{len(summaries)} file(s), {len(summaries) - incomplete} read fully, {incomplete} not")
    sys.exit(3 if any(not s["complete"] for s in summaries) else 0)


def _render_text(s: dict) -> None:
    status = "read fully" if s["complete"] else "NOT READ FULLY"
    click.echo(f"{s['path']}: {s['detected_type']}, {status}")
    if s["pages"] is not None:
        click.echo(f"  pages: {s['pages']}")
    click.echo(f"  segments: {s['segments']} ({s['characters']} characters)")
    if s["parts"]:
        click.echo("  parts: " + ", ".join(f"{k} {v}" for k, v in s["parts"].items()))
    if s["flags"]:
        click.echo("  flags: " + ", ".join(f"{k} {v}" for k, v in s["flags"].items()))
    if s["embedded_documents"]:
        click.echo(f"  embedded documents read: {s['embedded_documents']}")
    for e in s["errors"]:
        click.echo(f"  error [{e['code']}]: {e['message']}")
    for w in s["warnings"]:
        click.echo(f"  warning: {w}")


# -- shared helpers for scan / gate / explain ------------------------------------------------
_FAIL_SETS = {"review": {"review", "reject"}, "reject": {"reject"}}


def exit_code_for(verdicts: list[str], fail_on: str) -> int:
    """3 if any file could not be scanned (policy ``error``), else 1 if any verdict is at or
    above ``fail_on``, else 0."""
    if "error" in verdicts:
        return 3
    return 1 if any(v in _FAIL_SETS[fail_on] for v in verdicts) else 0


def _load_policy(policy_file: str | None):
    from .policy import PolicyError, default_policy, load_policy

    if policy_file is None:
        return default_policy()
    try:
        return load_policy(policy_file)
    except PolicyError as exc:
        raise click.BadParameter(str(exc), param_hint="--policy") from None


def _setup_logging(verbose: int) -> int | None:
    """-v: docscreen's INFO records on stderr, -vv: DEBUG. They never carry document text."""
    if verbose <= 0:
        return None
    level = logging.INFO if verbose == 1 else logging.DEBUG
    logger = logging.getLogger("docscreen")
    if not any(getattr(h, "_docscreen_cli", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("docscreen %(levelname)s %(name)s: %(message)s"))
        handler._docscreen_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)
    return level


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> list[Path]:
    """Files under ``root`` (sorted, hidden names skipped), filtered by globs on the path
    relative to ``root`` (``fnmatch``: ``*`` also matches ``/``)."""
    out = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        name = rel.as_posix()
        if include and not any(fnmatch.fnmatchcase(name, g) for g in include):
            continue
        if any(fnmatch.fnmatchcase(name, g) for g in exclude):
            continue
        out.append(path)
    return out


def _collect(paths: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...]):
    from .runner import Task

    tasks = []
    seen: set[str] = set()
    stdin_used = False
    for raw in paths:
        if raw == "-":
            if stdin_used:
                raise click.BadParameter("'-' (stdin) can be given once", param_hint="PATHS")
            stdin_used = True
            data = sys.stdin.buffer.read()
            tasks.append(Task(index=len(tasks), path="-", data=data))
            continue
        p = Path(raw)
        for f in _walk(p, include, exclude) if p.is_dir() else [p]:
            key = os.path.realpath(f)
            if key in seen:
                continue
            seen.add(key)
            tasks.append(Task(index=len(tasks), path=str(f), file=str(f)))
    return tasks


class _Sink:
    """Where a report goes: stdout, or a file written atomically (temp file + rename)."""

    def __init__(self, output: str | None, *, quiet: bool) -> None:
        self.path = Path(output) if output else None
        self.quiet = quiet and self.path is None
        if self.path is not None:
            self.tmp = self.path.with_name(f".{self.path.name}.docscreen-tmp-{os.getpid()}")
            self.stream: IO[str] = open(self.tmp, "w", encoding="utf-8")
        else:
            self.stream = sys.stdout

    @property
    def color(self) -> bool:
        return self.path is None and self.stream.isatty()

    def write(self, text: str) -> None:
        if not self.quiet:
            self.stream.write(text)
            if self.path is None:
                self.stream.flush()

    def commit(self) -> None:
        if self.path is not None:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if self.path is not None:
            self.stream.close()
            self.tmp.unlink(missing_ok=True)


_JOBS_HELP = "Worker processes (default: all cores). 0 scans in this process, without crash isolation."
_TIMEOUT_HELP = "Seconds per file (default: the policy's limits.timeout_s, 30). A file over it gets an 'error' verdict."


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text", show_default=True,
              help="text: for people; json: one object with every document and a summary; jsonl: one document a line, then a summary line.")
@click.option("--policy", "policy_file", type=click.Path(exists=True, dir_okay=False), help="Policy file (TOML) over the default policy.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, help=_JOBS_HELP)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, help=_TIMEOUT_HELP)
@click.option("--fail-on", type=click.Choice(["review", "reject"]), default="reject", show_default=True,
              help="Exit 1 when a verdict is at or above this.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file (atomically) instead of stdout.")
@click.option("--include", multiple=True, metavar="GLOB", help="Only files whose path relative to a given folder matches (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files whose path relative to a given folder matches (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (files that could not be scanned); the exit code still says.")
@click.option("-v", "--verbose", count=True, help="Explanations, fingerprints and timings per finding; -vv: debug logs on stderr.")
def scan(paths, fmt, policy_file, jobs, timeout, fail_on, output, include, exclude, quiet, verbose) -> None:
    """Scan PATHS (files, folders, or - for stdin) and give each a verdict:
    accept, review, reject or error.

    \b
    Exit codes: 0 nothing at or above --fail-on, 1 something at or above it,
    2 usage error, 3 a file could not be scanned (verdict error).
    No document text and no raw value is ever printed: findings show masked previews.
    """
    from .report.json import batch_report, document_report, dumps, summary_report
    from .report.jsonl import line
    from .report.text import render_document, render_summary
    from .runner import BatchRunner, RunnerError

    log_level = _setup_logging(2 if verbose >= 2 else 0)
    policy = _load_policy(policy_file)
    tasks = _collect(paths, include, exclude)
    runner = BatchRunner(policy, jobs=jobs, timeout=timeout, log_level=log_level)
    sink = _Sink(output, quiet=quiet)
    err = sys.stderr
    reports: list[dict] = []
    start = time.perf_counter()
    try:
        outcomes = runner.run(tasks)
        bar = None
        # On stderr when it is a terminal, but not over a report that is printed to the same
        # terminal (the two would interleave): with -o FILE or stdout piped somewhere.
        if len(tasks) > 1 and err.isatty() and not quiet and (sink.path is not None or not sys.stdout.isatty()):
            bar = click.progressbar(length=len(tasks), label="scanning", file=err)
            bar.__enter__()
        try:
            for outcome in outcomes:
                report = document_report(outcome, policy_source=policy.source)
                if fmt != "json":
                    # keep only what the summary needs
                    reports.append({"verdict": report["verdict"], "findings": [
                        {"category": f["category"], "status": f["status"]} for f in report["findings"]]})
                else:
                    reports.append(report)
                if fmt == "jsonl":
                    sink.write(line(report) + "\n")
                elif fmt == "text":
                    sink.write(render_document(report, color=sink.color, verbose=verbose > 0) + "\n\n")
                if quiet and report["verdict"] == "error":
                    for e in report["errors"]:
                        click.echo(f"docscreen: {report['path']}: could not be scanned [{e['code']}] {e['message']}", err=True)
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    except RunnerError as exc:
        sink.abort()
        click.echo(f"docscreen: cannot scan: {exc}", err=True)
        sys.exit(3)
    except BaseException:
        sink.abort()
        raise
    code = exit_code_for([r["verdict"] for r in reports], fail_on)
    summary = summary_report(reports, fail_on=fail_on, exit_code=code, elapsed_s=time.perf_counter() - start)
    if fmt == "jsonl":
        sink.write(line(summary) + "\n")
    elif fmt == "json":
        sink.write(dumps(batch_report(reports, summary)) + "\n")
    else:
        sink.write(render_summary(summary, color=sink.color) + "\n")
    sink.commit()
    sys.exit(code)


@main.command()
@click.argument("src", type=click.Path(exists=True))
@click.option("--accepted", required=True, type=click.Path(file_okay=False), help="Folder for accepted files.")
@click.option("--quarantine", required=True, type=click.Path(file_okay=False), help="Folder for rejected and unscannable files (and review, without --review), each with its JSON report.")
@click.option("--review", type=click.Path(file_okay=False), help="Folder for files a person should look at (with their reports).")
@click.option("--move", is_flag=True, help="Remove each file from SRC once its copy is complete and flushed.")
@click.option("--policy", "policy_file", type=click.Path(exists=True, dir_okay=False), help="Policy file (TOML) over the default policy.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, help=_JOBS_HELP)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, help=_TIMEOUT_HELP)
@click.option("--include", multiple=True, metavar="GLOB", help="Only files whose path relative to SRC matches (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files whose path relative to SRC matches (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but failures.")
@click.option("-v", "--verbose", count=True, help="-v: INFO logs on stderr, -vv: DEBUG.")
def gate(src, accepted, quarantine, review, move, policy_file, jobs, timeout, include, exclude, quiet, verbose) -> None:
    """Pre-ingest gate: copy (or --move) each file of SRC to the folder its verdict names.

    \b
    accept -> --accepted; review -> --review (or --quarantine); reject, error -> --quarantine.
    Reports (NAME.docscreen.json) go beside files in quarantine and review. Files already
    decided (same SHA-256, recorded in QUARANTINE/.docscreen-gate.jsonl) are skipped.
    A file is removed from SRC only after its copy is complete and fsync-ed.

    \b
    Exit codes: 0 every file placed (or already decided), 2 usage error,
    3 a file could not be placed (it stays in SRC) or could not be scanned.
    """
    from .gate import Gate
    from .report.text import COLOURS
    from .runner import BatchRunner, RunnerError

    log_level = _setup_logging(verbose)
    policy = _load_policy(policy_file)
    runner = BatchRunner(policy, jobs=jobs, timeout=timeout, log_level=log_level)
    g = Gate(Path(src), accepted=Path(accepted), quarantine=Path(quarantine), review=Path(review) if review else None,
             move=move, runner=runner, include=include, exclude=exclude)
    color = sys.stdout.isatty()
    counts: Counter[str] = Counter()
    failed = False
    try:
        for entry in g.run():
            counts[entry.action] += 1
            bad = entry.action == "failed" or entry.verdict == "error"
            failed |= bad
            if quiet and not bad:
                continue
            label = (entry.verdict or "-").upper().ljust(6)
            if color and entry.verdict:
                label = click.style(label, **COLOURS[entry.verdict])
            where = f" -> {entry.destination}" if entry.destination and entry.action in ("copied", "moved") else ""
            note = f"  ({entry.message})" if entry.message else ""
            click.echo(f"{label}  {entry.action:<7} {entry.source}{where}{note}", err=entry.action == "failed")
    except RunnerError as exc:
        click.echo(f"docscreen: cannot scan: {exc}", err=True)
        sys.exit(3)
    if not quiet:
        click.echo(", ".join(f"{counts[a]} {a}" for a in ("copied", "moved", "skipped", "failed") if counts[a]) or "no files")
    sys.exit(3 if failed else 0)


_WORD = __import__("re").compile(r"\w+")


def _mask_context(text: str) -> str:
    """Context around a finding with every word reduced to its first letter and every digit
    hidden: it shows the shape of the sentence, never its content."""
    def one(m) -> str:
        w = m.group(0)
        if any(c.isdigit() for c in w):
            return "*" * len(w)
        return w[0] + "*" * (len(w) - 1)

    return _WORD.sub(one, " ".join(text.split()))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--policy", "policy_file", type=click.Path(exists=True, dir_okay=False), help="Policy file (TOML) over the default policy.")
@click.option("--all", "show_all", is_flag=True, help="Also show candidates the scanner dropped for their low score.")
@click.option("--width", type=click.IntRange(min=0, max=200), default=40, show_default=True, help="Characters of (masked) context on each side.")
def explain(file, policy_file, show_all, width) -> None:
    """Show FILE's findings with their masked context and why each one fired.

    Context words are reduced to their first letter and digits are hidden: the output shows
    where a finding sits and which rule and cue decided it, never the document's text.
    """
    from .policy import decide
    from .report.redact import Fingerprinter, load_key
    from .report.text import COLOURS, describe_location
    from .runner import inprocess_scanner

    policy = _load_policy(policy_file)
    key = load_key()
    policy = policy.bind(Fingerprinter(key))
    min_score = 0.01 if show_all else policy.scanner_min_score
    scanner = inprocess_scanner(policy.limits, min_score, key)
    if file == "-":
        result = scanner.scan_bytes(sys.stdin.buffer.read())
    else:
        result = scanner.scan_path(file)
    verdict = decide(result, policy)
    doc = result.document
    color = sys.stdout.isatty()
    style = (lambda t, d: click.style(t, **COLOURS[d])) if color else (lambda t, d: t)
    click.echo(f"{style(verdict.decision.upper(), verdict.decision)}  {file}  ({doc.detection.kind}, "
               f"{len(doc.segments)} segments, {len(result.findings)} findings)")
    for r in verdict.reasons:
        click.echo(f"  {style(r.decision.ljust(6), r.decision)}  {r.message}")
    texts = {}
    for seg in doc.segments:
        texts.setdefault(seg.location, seg.text)
    for n, (f, d) in enumerate(zip(result.findings, verdict.dispositions), 1):
        if d.status == "advisory_off":
            continue
        text = texts.get(f.location, "")
        before = _mask_context(text[max(0, f.start - width) : f.start])
        after = _mask_context(text[f.end : f.end + width])
        lead = "…" if f.start > width else ""
        trail = "…" if f.end + width < len(text) else ""
        click.echo("")
        click.echo(f"{n}. {f.category} / {f.entity_type}  score {f.score:.2f}  {d.status.replace('_', ' ')}")
        click.echo(f"   where:   {describe_location({**f.location.to_dict()})}" + (f"  [{', '.join(sorted(f.flags))}]" if f.flags else ""))
        click.echo(f"   value:   {f.preview}")
        click.echo(f"   context: {lead}{before} [{f.preview}] {after}{trail}")
        click.echo(f"   why:     {f.explanation}")
        if d.note:
            click.echo(f"   policy:  {d.note}")
        click.echo(f"   fingerprint: {f.fingerprint}")
    for e in doc.errors:
        click.echo(f"  error [{e.code.value}] {e.message}")
    if not result.findings:
        click.echo("  no findings")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told otherwise).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Scanning worker processes (default: all cores); each loads the engine once.")
@click.option("--policy", "policy_file", type=click.Path(exists=True, dir_okay=False), help="Policy file (TOML) over the default policy.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, help=_TIMEOUT_HELP)
@click.option("--queue", "max_queue", type=click.IntRange(min=1), default=None,
              help="Uploads in flight plus queued (default: 8 per worker, at least 8); beyond it: 503 with Retry-After.")
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False),
              help="Require 'Authorization: Bearer TOKEN' (the file's content) on every route but /healthz and /readyz; $DOCSCREEN_API_TOKEN also sets it.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info", show_default=True)
def serve(host, port, workers, policy_file, timeout, max_queue, token_file, log_level) -> None:
    """Run the HTTP upload service: POST /v1/scan, GET /healthz, /readyz, /v1/categories.

    Uploads are analysed in worker processes (a crash or a timeout gives that upload an
    'error' verdict and the worker is replaced). No document text is logged or returned.
    """
    from .runner import default_jobs
    from .service import ENV_TOKEN, ServiceConfig, read_token_file, run

    policy = _load_policy(policy_file)
    token = os.environ.get(ENV_TOKEN) or None
    if token_file:
        try:
            token = read_token_file(token_file)
        except (OSError, ValueError) as exc:
            raise click.BadParameter(str(exc), param_hint="--token-file") from None
    level = getattr(logging, log_level.upper())
    logging.basicConfig(stream=sys.stderr, level=level, format="docscreen[%(process)d] %(levelname)s %(name)s: %(message)s")
    config = ServiceConfig(policy=policy, workers=workers or default_jobs(), max_queue=max_queue, timeout=timeout,
                           token=token, log_level=level if level <= logging.DEBUG else None)
    run(config, host=host, port=port, log_level=log_level)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def categories(fmt) -> None:
    """What docscreen detects: the ten categories (and the advisory kinds), with entity types
    and examples."""
    from .categories import Advisory

    rows = category_rows()
    if fmt == "json":
        click.echo(json.dumps({"categories": rows}, indent=2))
        return
    for r in rows:
        if r["advisory"]:
            continue
        click.echo(f"{r['id']}: {r['title']}")
        click.echo(f"  covers: {r['covers']}")
        if r["entity_types"]:
            click.echo(f"  entity types: {', '.join(r['entity_types'])}")
        click.echo(f"  examples: {'; '.join(r['examples'])}")
    click.echo("Advisory kinds (off by default; a policy can enable them): " + ", ".join(a.value for a in Advisory))


def category_rows() -> list[dict]:
    """The ten categories and the advisory kinds, as ``docscreen categories --format json``
    and the service's ``GET /v1/categories`` list them."""
    from .categories import CATEGORIES, Advisory

    types = _entity_types()
    rows = [
        {"id": c.value, "title": info.title, "covers": info.covers, "entity_types": sorted(types.get(c.value, ())),
         "examples": list(info.examples), "advisory": False}
        for c, info in CATEGORIES.items()
    ]
    rows += [{"id": a.value, "title": a.value.replace("_", " ").lower(), "covers": "advisory kind: off by default, reported only when a policy enables it",
              "entity_types": [], "examples": [], "advisory": True} for a in Advisory]
    return rows


def _entity_types() -> dict[str, set[str]]:
    """Entity types per category, from the rule files and the lexicons (read, not run)."""
    types: dict[str, set[str]] = {}
    try:
        from .analyze.rules import load_rules

        for rule in load_rules():
            types.setdefault(rule.category.value, set()).add(rule.entity_type)
    except Exception:  # pragma: no cover - a broken rule file is reported by its own tests
        pass
    try:
        from .analyze.special import load_lexicons

        specs, _ = load_lexicons()
        for spec in specs:
            bucket = types.setdefault(spec.category.value, set())
            bucket.update(lx.entity_type for lx in spec.lexicons)
            if spec.form_labels:
                bucket.add(f"{spec.category.value}_FORM_FIELD")
    except Exception:  # pragma: no cover - lexicons still being written
        pass
    return types


@main.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--show-default", is_flag=True, help="Print the default policy file (copy it to start your own).")
def policy(file, show_default) -> None:
    """Check a policy FILE (exit 2 naming the bad key), or print the default policy."""
    from .policy import default_policy_text

    if show_default:
        click.echo(default_policy_text(), nl=False)
        return
    if file is None:
        raise click.UsageError("give a policy FILE to check, or --show-default")
    p = _load_policy(file)
    click.echo(f"{file}: valid policy")
    for cid, rule in p.categories.items():
        click.echo(f"  {cid}: {rule.action} (min score {rule.min_score:g})")
    on = [a for a, r in p.advisory.items() if r.enabled]
    click.echo(f"  advisory kinds on: {', '.join(on) if on else 'none'}")
    by_action: dict[str, list[str]] = {}
    for code, action in p.unscannable.items():
        by_action.setdefault(action, []).append(code)
    for action, codes in by_action.items():
        click.echo(f"  unscannable -> {action}: {', '.join(codes)}")
    click.echo(f"  allow-list: {len(p.allow_fingerprints)} fingerprint(s), {len(p.allow_terms)} term(s)")



# -- Spark -----------------------------------------------------------------------------------
@main.command("spark-scan")
@click.argument("input_glob")
@click.option("-o", "--output", required=True, metavar="DIR", help="Where the result rows go (a Spark output folder; must not exist unless --overwrite).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "json"]), default="parquet", show_default=True,
              help="parquet, or json (JSON Lines part files).")
@click.option("--policy", "policy_file", type=click.Path(exists=True, dir_okay=False), help="Policy file (TOML) over the default policy; read on the driver, applied on the executors.")
@click.option("--master", default=None, help="Spark master URL, e.g. local[2] (default: the one spark-submit gives, else local[*]).")
@click.option("--recursive", is_flag=True, help="Read every file under the folders INPUT_GLOB names (Spark's recursiveFileLookup).")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Spread the files over this many partitions (default: 4 x Spark's default parallelism).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, help=_TIMEOUT_HELP)
@click.option("--isolation", type=click.Choice(["process", "none"]), default="process", show_default=True,
              help="process: each Python worker scans in a child process, so a crash costs one error row; none: in the Python worker.")
@click.option("--overwrite", is_flag=True, help="Replace DIR if it exists.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Documents per Arrow batch (spark.sql.execution.arrow.maxRecordsPerBatch).")
def spark_scan(input_glob, output, fmt, policy_file, master, recursive, partitions, timeout, isolation, overwrite, batch_size) -> None:
    """Scan the files INPUT_GLOB names (any path Spark reads: a folder, a glob, hdfs://, s3a://)
    on Spark and write one row per document to DIR: path, sha256, size, verdict, categories,
    finding_count, errors, report (the JSON report).

    \b
    Prints counts per verdict, per category and per error code. Submit it to a cluster with
    spark-submit and docscreen's entry file (`python -m docscreen.spark_submit --path`).
    Exit codes: 0 the results are written, 2 usage error, 3 the Spark job failed.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise click.UsageError("spark-scan needs pyspark: pip install 'docscreen[spark]'") from None
    from . import spark as dspark

    policy = _load_policy(policy_file)
    if master and master.startswith("local") and not os.environ.get("PYSPARK_PYTHON"):
        os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers must import docscreen
    builder = SparkSession.builder.appName("docscreen spark-scan")
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch_size))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    start = time.perf_counter()
    try:
        reader = spark.read.format("binaryFile")
        if recursive:
            reader = reader.option("recursiveFileLookup", "true")
        df = reader.load(input_glob)
        parts = partitions or 4 * spark.sparkContext.defaultParallelism
        results = dspark.scan_documents(df, policy, timeout=timeout, isolation=isolation, partitions=parts)
        writer = results.write.mode("overwrite" if overwrite else "errorifexists")
        writer.parquet(output) if fmt == "parquet" else writer.json(output)
        written = spark.read.parquet(output) if fmt == "parquet" else spark.read.schema(dspark.RESULT_SCHEMA).json(output)
        s = dspark.summary(written)
    except Exception as exc:
        if type(exc).__name__ == "AnalysisException":
            raise click.UsageError(str(exc).splitlines()[0]) from None
        click.echo(f"docscreen: the Spark job failed: {_describe(exc)}", err=True)
        sys.exit(3)
    elapsed = time.perf_counter() - start
    v = s["verdicts"]
    click.echo(f"{s['documents']} document(s) in {elapsed:.1f} s: {v['accept']} accept, {v['review']} review, "
               f"{v['reject']} reject, {v['error']} error -> {output} ({fmt})")
    for cat, n in s["categories"].items():
        click.echo(f"  {cat}: {n} document(s)")
    for code, n in s["errors"].items():
        click.echo(f"  error [{code}]: {n} document(s)")


def _describe(exc: BaseException) -> str:
    from .errors import describe_exception

    return describe_exception(exc)


if __name__ == "__main__":  # pragma: no cover
    main()
