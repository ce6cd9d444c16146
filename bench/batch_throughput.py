"""Batch throughput of `docscreen scan`: documents per second, cold start, memory per worker.

    python bench/batch_throughput.py [--docs 500] [--jobs 1 2] [--cold-runs 3]

* builds a temporary folder of ``--docs`` documents by copying the fixture PDFs, DOCX and TXT
  files (``fixtures/docs/**``) over and over under distinct names;
* runs ``docscreen scan DIR --format jsonl --jobs N`` as a subprocess for each N and reports
  documents per second (wall time of the whole command, worker start-up included) and the
  verdict counts;
* cold start: wall time of ``docscreen scan one.txt`` (a new process: imports, one worker
  loading the engine, one scan), best and median of ``--cold-runs``;
* peak memory: the command's process tree is sampled with psutil every 20 ms; the peak RSS of
  each worker process (and of the parent) is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DOCS = ROOT / "fixtures" / "docs"
COMMAND = [sys.executable, "-m", "docscreen.cli", "scan"]


def build_corpus(dest: Path, n: int) -> dict[str, int]:
    sources = sorted(p for p in FIXTURE_DOCS.rglob("*") if p.suffix in (".pdf", ".docx", ".txt") and p.is_file())
    kinds: dict[str, int] = {}
    for i in range(n):
        src = sources[i % len(sources)]
        shutil.copyfile(src, dest / f"{i:04d}-{src.name}")
        kinds[src.suffix] = kinds.get(src.suffix, 0) + 1
    return kinds


def run_sampled(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess, dict[int, int], int]:
    """Run a command; return wall seconds, the result, peak RSS per child pid, parent's peak."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    peaks: dict[int, int] = {}
    parent_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal parent_peak
        try:
            p = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not done.is_set():
            try:
                parent_peak = max(parent_peak, p.memory_info().rss)
                for c in p.children(recursive=True):
                    try:
                        peaks[c.pid] = max(peaks.get(c.pid, 0), c.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                return
            time.sleep(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    t.join()
    return wall, subprocess.CompletedProcess(args, proc.returncode, out, err), peaks, parent_peak


def mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--cold-runs", type=int, default=3)
    args = ap.parse_args()
    env = dict(os.environ)
    env.setdefault("DOCSCREEN_FINGERPRINT_KEY", "00" * 32)
    env.pop("DOCSCREEN_TEST_FAULTS", None)
    rows = []
    with tempfile.TemporaryDirectory(prefix="docscreen-bench-") as tmp:
        corpus = Path(tmp) / "docs"
        corpus.mkdir()
        kinds = build_corpus(corpus, args.docs)
        print(f"{args.docs} documents: " + ", ".join(f"{v} {k[1:]}" for k, v in sorted(kinds.items())) + f"; {os.cpu_count()} cores")
        for jobs in args.jobs:
            wall, proc, peaks, parent = run_sampled([*COMMAND, str(corpus), "--format", "jsonl", "--jobs", str(jobs)], env)
            if proc.returncode not in (0, 1, 3):
                sys.exit(f"docscreen scan failed ({proc.returncode}): {proc.stderr[-2000:]}")
            summary = json.loads(proc.stdout.splitlines()[-1])
            workers = sorted(peaks.values(), reverse=True)[:jobs]
            rows.append((jobs, wall, args.docs / wall, summary["verdicts"], workers, parent))
        one = corpus / sorted(p.name for p in corpus.iterdir() if p.suffix == ".txt")[0]
        colds = []
        cold_peak = 0
        for _ in range(args.cold_runs):
            wall, proc, peaks, _parent = run_sampled([*COMMAND, str(one)], env)
            colds.append(wall)
            cold_peak = max([cold_peak, *peaks.values()])
    print()
    print("| --jobs | wall | docs/s | peak RSS per worker | parent RSS | verdicts (accept/review/reject/error) |")
    print("|---|---|---|---|---|---|")
    for jobs, wall, rate, verdicts, workers, parent in rows:
        v = "/".join(str(verdicts[k]) for k in ("accept", "review", "reject", "error"))
        print(f"| {jobs} | {wall:.1f} s | {rate:.1f} | {', '.join(mb(w) for w in workers)} | {mb(parent)} | {v} |")
    print()
    print(f"cold start, `docscreen scan one.txt`: best {min(colds):.2f} s, median {statistics.median(colds):.2f} s "
          f"over {len(colds)} runs (worker peak RSS {mb(cold_peak)})")


if __name__ == "__main__":
    main()
