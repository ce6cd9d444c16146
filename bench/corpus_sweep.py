"""Robustness sweep: extract every file of ../shared/corpus (resumes and hard_docs).

Each file is extracted in a worker process; the worker measures its own time. Prints one
line per file that was not read fully (or was slow) and the counts per outcome.

    python bench/corpus_sweep.py [--corpus ../shared/corpus] [--jobs 2] [--json out.json]

The test ``tests/corpus/test_corpus_sweep.py`` runs the same function and asserts that every
file yields segments or a typed error within the time limit.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_files(corpus: Path) -> list[Path]:
    files = []
    for sub in ("resumes", "hard_docs"):
        files += [p for p in (corpus / sub).rglob("*") if p.is_file()]
    return sorted(files)


def _extract_one(path: str) -> dict:
    from docscreen import extract_path

    start = time.perf_counter()
    try:
        doc = extract_path(path)
    except BaseException:  # noqa: BLE001 - the sweep records escapes, it does not crash
        return {
            "path": path,
            "escaped": traceback.format_exc(limit=3),
            "seconds": time.perf_counter() - start,
        }
    return {
        "path": path,
        "kind": doc.detection.kind,
        "segments": len(doc.segments),
        "chars": doc.char_count,
        "errors": [e.code.value for e in doc.errors],
        "warnings": list(doc.warnings),
        "seconds": time.perf_counter() - start,
        "escaped": None,
    }


def outcome(record: dict) -> str:
    """extracted / encrypted / unsupported / corrupt / ... : the first error code wins."""
    if record.get("escaped"):
        return "exception"
    if record.get("timeout"):
        return "hung"
    if record["errors"]:
        return record["errors"][0]
    return "extracted" if record["segments"] else "extracted-empty"


def sweep(files: list[Path], jobs: int = 2, overall_timeout: float = 900.0) -> list[dict]:
    ctx = mp.get_context("spawn")
    results: list[dict] = []
    with ctx.Pool(jobs, maxtasksperchild=50) as pool:
        pending = [(str(f), pool.apply_async(_extract_one, (str(f),))) for f in files]
        deadline = time.monotonic() + overall_timeout
        for path, fut in pending:
            try:
                results.append(fut.get(timeout=max(1.0, deadline - time.monotonic())))
            except mp.TimeoutError:
                results.append({"path": path, "timeout": True, "seconds": None, "escaped": None})
        pool.terminate()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write all records here")
    args = parser.parse_args(argv)
    files = corpus_files(args.corpus)
    start = time.perf_counter()
    records = sweep(files, args.jobs)
    elapsed = time.perf_counter() - start
    counts = Counter(outcome(r) for r in records)
    for r in records:
        o = outcome(r)
        slow = (r.get("seconds") or 0) > 2
        if o not in ("extracted",) or slow:
            rel = Path(r["path"]).relative_to(args.corpus)
            secs = f"{r['seconds']:.2f}s" if r.get("seconds") is not None else "-"
            print(f"{o:18} {secs:>7}  {rel}")
    print()
    print(f"{len(records)} files in {elapsed:.1f} s with {args.jobs} worker(s)")
    for key, n in counts.most_common():
        print(f"  {key:18} {n}")
    slowest = max((r for r in records if r.get("seconds") is not None), key=lambda r: r["seconds"], default=None)
    if slowest:
        print(f"  slowest file: {slowest['seconds']:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(records, indent=1))
    return 1 if counts.get("exception") or counts.get("hung") else 0


if __name__ == "__main__":
    sys.exit(main())
