"""Documents per second on Spark (local[1], local[2]) against `docscreen scan --jobs 1/2`.

    .venv/bin/python bench/spark_scaling.py [--copies 3] [--runs 2] [--isolation process]

The fixture set (fixtures/docs, PDF/DOCX/TXT) is copied ``--copies`` times into a temporary
folder; both sides scan that folder with the default policy and the same key.

* Spark: one session per master; a warm-up run (Python workers start, each builds its engine)
  then ``--runs`` timed runs of ``scan_documents`` (4 partitions per core, Arrow batches of 16)
  ending in a ``groupBy(verdict).count()``; the best run is reported.
* CLI: ``docscreen scan --format jsonl --jobs N`` in a subprocess, wall time. Its workers load
  the engine on every invocation, so the table also gives the rate without that start-up
  (wall time minus the wall time of the same command on one small file).

Prints a table; ``--json`` prints the figures as JSON too. Needs the ``spark`` extra and Java.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "fixtures" / "docs"
KEY = "5a" * 32


def make_input(root: Path, copies: int) -> int:
    n = 0
    for i in range(copies):
        shutil.copytree(DOCS, root / f"copy{i}")
        n += sum(1 for p in (root / f"copy{i}").rglob("*") if p.is_file())
    return n


def spark_rate(master: str, folder: Path, n: int, runs: int, isolation: str) -> dict:
    from pyspark.sql import SparkSession

    from docscreen.policy import default_policy
    from docscreen.spark import scan_documents

    spark = (
        SparkSession.builder.master(master)
        .appName("docscreen-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    cores = spark.sparkContext.defaultParallelism
    policy = default_policy()

    def once() -> tuple[float, int]:
        start = time.perf_counter()
        df = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(str(folder))
        res = scan_documents(df, policy, fingerprint_key=bytes.fromhex(KEY), isolation=isolation, partitions=4 * cores)
        counts = res.groupBy("verdict").count().collect()
        return time.perf_counter() - start, sum(r["count"] for r in counts)

    warm_s, docs = once()
    assert docs == n, (docs, n)
    times = [once()[0] for _ in range(runs)]
    spark.stop()
    best = min(times)
    return {"what": f"spark {master} ({isolation})", "docs": n, "warmup_s": round(warm_s, 2),
            "seconds": round(best, 2), "docs_per_s": round(n / best, 1)}


def cli_wall(args: list[str]) -> float:
    env = {**os.environ, "DOCSCREEN_FINGERPRINT_KEY": KEY}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "docscreen.cli", "scan", "--format", "jsonl", *args],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"docscreen scan failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def cli_rate(jobs: int, folder: Path, n: int, small: Path) -> dict:
    startup = cli_wall(["--jobs", str(jobs), str(small)])
    wall = cli_wall(["--jobs", str(jobs), str(folder)])
    return {"what": f"docscreen scan --jobs {jobs}", "docs": n, "startup_s": round(startup, 2),
            "seconds": round(wall, 2), "docs_per_s": round(n / wall, 1),
            "docs_per_s_after_startup": round(n / max(wall - startup, 1e-9), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--isolation", choices=["process", "none", "both"], default="both")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    isolations = ["process", "none"] if args.isolation == "both" else [args.isolation]
    with tempfile.TemporaryDirectory(prefix="docscreen-spark-bench-") as tmp:
        folder = Path(tmp) / "docs"
        n = make_input(folder, args.copies)
        small = Path(tmp) / "one.txt"
        small.write_text("Jane Doe\nData engineer.\n")
        rows = []
        for master in ("local[1]", "local[2]"):
            for iso in isolations:
                rows.append(spark_rate(master, folder, n, args.runs, iso))
                print(rows[-1], file=sys.stderr, flush=True)
        for jobs in (1, 2):
            rows.append(cli_rate(jobs, folder, n, small))
            print(rows[-1], file=sys.stderr, flush=True)
    print(f"{n} documents ({args.copies} copies of fixtures/docs), {os.cpu_count()} cores")
    print(f"{'what':<34} {'seconds':>8} {'docs/s':>8}  notes")
    for r in rows:
        note = (f"after warm-up (warm-up run {r['warmup_s']} s)" if "warmup_s" in r
                else f"wall; {r['docs_per_s_after_startup']} docs/s without the {r['startup_s']} s start-up")
        print(f"{r['what']:<34} {r['seconds']:>8} {r['docs_per_s']:>8}  {note}")
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
