"""Extraction speed: ms per PDF page and ms per DOCX, on real resumes and the fixtures.

    python bench/extraction_speed.py [--corpus ../shared/corpus] [--repeat 5]

Each file is extracted ``repeat`` times after one warm-up; the median time per file is kept.
Reports the median and p90 of ms per PDF page, ms per DOCX document and ms per TXT document,
for ../shared/corpus/resumes and for fixtures/docs separately.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from docscreen import extract_bytes

ROOT = Path(__file__).resolve().parent.parent


def measure(files: list[Path], repeat: int) -> dict[str, list[float]]:
    """kind -> list of ms per unit (PDF: per page; others: per document)."""
    out: dict[str, list[float]] = {"pdf_page": [], "pdf_doc": [], "docx": [], "txt": []}
    for f in files:
        data = f.read_bytes()
        doc = extract_bytes(data, name=f.name)  # warm-up
        if doc.errors and doc.detection.kind not in ("pdf",):
            continue
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            extract_bytes(data, name=f.name)
            times.append((time.perf_counter() - start) * 1000)
        ms = statistics.median(times)
        kind = doc.detection.kind
        if kind == "pdf" and doc.pages:
            out["pdf_page"].append(ms / doc.pages)
            out["pdf_doc"].append(ms)
        elif kind in ("docx", "docm", "dotx"):
            out["docx"].append(ms)
        elif kind == "txt":
            out["txt"].append(ms)
    return out


def p90(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]


def report(title: str, results: dict[str, list[float]]) -> None:
    print(f"\n{title}")
    print(f"  {'what':14} {'n':>4} {'median ms':>10} {'p90 ms':>8}")
    labels = {"pdf_page": "PDF per page", "pdf_doc": "PDF per doc", "docx": "DOCX per doc", "txt": "TXT per doc"}
    for key, label in labels.items():
        values = results[key]
        if values:
            print(f"  {label:14} {len(values):>4} {statistics.median(values):>10.1f} {p90(values):>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    resumes = sorted(p for p in (args.corpus / "resumes").rglob("*") if p.is_file())
    fixtures = sorted(p for p in (ROOT / "fixtures" / "docs").rglob("*") if p.is_file())
    if resumes:
        report(f"../shared/corpus/resumes ({len(resumes)} files)", measure(resumes, args.repeat))
    if fixtures:
        report(f"fixtures/docs ({len(fixtures)} files)", measure(fixtures, args.repeat))


if __name__ == "__main__":
    main()
