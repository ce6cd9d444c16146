"""The human report: one block per file, the verdict first. Never document text.

Colours (``click.style``) only when ``color`` is true; the CLI passes ``stream.isatty()``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

COLOURS = {
    "accept": {"fg": "green"},
    "review": {"fg": "yellow", "bold": True},
    "reject": {"fg": "red", "bold": True},
    "error": {"fg": "magenta", "bold": True},
}


def _style(text: str, color: bool, **style: Any) -> str:
    return click.style(text, **style) if color else text


def describe_location(loc: Mapping[str, Any] | None) -> str:
    """``header / section 1 / first``; the same words as ``Location.describe()``."""
    if not loc:
        return "document"
    bits = [*loc.get("container", []), loc["part"]]
    if loc.get("section") is not None:
        bits.append(f"section {loc['section']}")
    if loc.get("page") is not None:
        bits.append(f"page {loc['page']}")
    if loc.get("detail"):
        bits.append(loc["detail"])
    return " / ".join(bits)


def _size(n: int | None) -> str:
    if n is None:
        return "size unknown"
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def render_document(report: Mapping[str, Any], *, color: bool = False, verbose: bool = False) -> str:
    verdict = report["verdict"]
    doc = report["document"]
    facts = [doc["detected_type"] or "unknown", _size(doc["size"])]
    if doc.get("pages"):
        facts.append(f"{doc['pages']} page{'s' if doc['pages'] != 1 else ''}")
    lines = [f"{_style(verdict.upper().ljust(6), color, **COLOURS[verdict])}  {report['path']}  ({', '.join(facts)})"]
    for r in report["reasons"]:
        label = _style(r["decision"].ljust(6), color, **COLOURS[r["decision"]])
        lines.append(f"  {label}  {r['message']}")
    for f in report["findings"]:
        status = "" if f["status"] == "counted" else f"  [{f['status'].replace('_', ' ')}]"
        lines.append(
            f"  - {f['category']}  {f['entity_type']}  {f['score']:.2f}  "
            f"{describe_location(f['location'])}  {f['preview']}{status}"
        )
        if verbose:
            lines.append(f"      why: {f['explanation']}")
            if f.get("status_note"):
                lines.append(f"      policy: {f['status_note']}")
            lines.append(f"      fingerprint: {f['fingerprint']}")
    for e in report["errors"]:
        if not any(r["kind"] == "unscannable" and r["code"] == e["code"] for r in report["reasons"]) or verbose:
            lines.append(f"  error [{e['code']}] {e['message']} ({describe_location(e['location'])})")
    for w in report["warnings"]:
        lines.append(f"  warning: {w}")
    if verbose:
        t = report.get("timings", {})
        lines.append("  timings: " + ", ".join(f"{k.removesuffix('_s')} {v * 1000:.0f} ms" for k, v in t.items()))
        if doc.get("sha256"):
            lines.append(f"  sha256: {doc['sha256']}")
    return "\n".join(lines)


def render_summary(summary: Mapping[str, Any], *, color: bool = False) -> str:
    v = summary["verdicts"]
    parts = [_style(f"{v[d]} {d}", color and v[d] > 0, **COLOURS[d]) for d in ("accept", "review", "reject", "error")]
    n = summary["files"]
    return f"{n} file{'s' if n != 1 else ''}: " + ", ".join(parts) + f"  ({summary['elapsed_s']:.1f} s)"
