"""Command line: a thin shell over the library (parse input, call the library, render).

Only the extraction half of the pipeline exists so far, so the only command is
``docscreen extract``: what docscreen read from each file (format, parts, characters) and
why anything could not be read. It never prints document text.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

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


if __name__ == "__main__":  # pragma: no cover
    main()
