"""The JSON report (schema version 1, ``report.schema.json`` beside this file).

Three shapes, told apart by ``type``:

* ``document``: one document: ``path``, ``verdict``, ``reasons``, ``document`` (name, size,
  sha256, detected type...), ``findings`` (each :meth:`Finding.to_dict` plus its ``status``
  under the policy), ``errors``, ``warnings``, ``timings``;
* ``summary``: counts for a batch (the last line of JSONL output);
* ``batch``: ``documents`` and ``summary`` in one object (``--format json``).

Nothing in a report is document text: findings carry masked previews and keyed fingerprints
only, error messages are docscreen's own.
"""

from __future__ import annotations

import json as _json
from collections import Counter
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import PurePath
from typing import Any

from .. import __version__
from ..policy.verdict import ADVISORY_OFF, COUNTED, DECISIONS

SCHEMA_VERSION = 1
SCHEMA_RESOURCE = "report.schema.json"


def schema() -> dict[str, Any]:
    """The JSON Schema of every report shape (draft 2020-12)."""
    return _json.loads(resources.files(__package__).joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8"))


def document_report(outcome, *, policy_source: str | None = None) -> dict[str, Any]:
    """The report of one :class:`~docscreen.runner.Outcome`."""
    doc = outcome.document
    findings = []
    for f, d in zip(outcome.findings, outcome.verdict.dispositions):
        if d.status == ADVISORY_OFF:
            continue  # an advisory kind the policy has off is not reported at all
        findings.append({**f.to_dict(), "status": d.status, "status_note": d.note})
    return {
        "type": "document",
        "schema_version": SCHEMA_VERSION,
        "path": outcome.path,
        "verdict": outcome.verdict.decision,
        "reasons": [r.to_dict() for r in outcome.verdict.reasons],
        "document": {
            "name": None if outcome.path == "-" else PurePath(outcome.path).name,
            "size": doc.size,
            "sha256": doc.sha256,
            "detected_type": doc.detection.kind,
            "mime": doc.detection.mime,
            "encoding": doc.detection.encoding,
            "pages": doc.pages,
            "segments": outcome.segments,
            "characters": outcome.characters,
            "embedded_documents": doc.embedded,
            "complete": not doc.errors,
        },
        "findings": findings,
        "errors": [e.to_dict() for e in doc.errors],
        "warnings": list(doc.warnings),
        "timings": {k: round(v, 4) for k, v in outcome.timings.items()},
        "policy": policy_source,
    }


def summary_report(reports: Iterable[Mapping[str, Any]], *, fail_on: str, exit_code: int, elapsed_s: float) -> dict[str, Any]:
    """Counts over document reports (what the last JSONL line says)."""
    verdicts = Counter({d: 0 for d in DECISIONS})
    counted: Counter[str] = Counter()
    files = 0
    for r in reports:
        files += 1
        verdicts[r["verdict"]] += 1
        counted.update(f["category"] for f in r["findings"] if f["status"] == COUNTED)
    return {
        "type": "summary",
        "schema_version": SCHEMA_VERSION,
        "files": files,
        "verdicts": {d: verdicts[d] for d in ("accept", "review", "reject", "error")},
        "findings": dict(sorted(counted.items())),
        "fail_on": fail_on,
        "exit_code": exit_code,
        "elapsed_s": round(elapsed_s, 3),
        "docscreen_version": __version__,
    }


def batch_report(documents: list[dict[str, Any]], summary: dict[str, Any]) -> dict[str, Any]:
    return {"type": "batch", "schema_version": SCHEMA_VERSION, "documents": documents, "summary": summary}


def dumps(report: Mapping[str, Any], *, indent: int | None = 2) -> str:
    return _json.dumps(report, indent=indent, ensure_ascii=False)
