"""docscreen on Spark (issue 7): ``docscreen.spark.scan_documents`` and ``docscreen spark-scan``
in ``local[2]``, compared row by row with ``docscreen scan --format jsonl`` on the same files.

One SparkSession for the module (UI off, few shuffle partitions). The comparison normalises
only what differs by construction: ``timings`` (wall times) and the path (Spark reports a
``file:`` URI where the CLI reports the path it was given). Everything else in each report must
be equal: verdict, reasons, document metadata, findings with masked previews, fingerprints and
statuses, errors, warnings, policy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    if os.environ.get("CI"):
        pytest.fail("Java is missing in CI: the Spark tests cannot run", pytrace=False)
    pytest.skip("Spark needs Java (17 or later)", allow_module_level=True)

from click.testing import CliRunner  # noqa: E402

from conftest import FIXTURES, TEST_KEY, write_zip_bomb  # noqa: E402

DOCS = FIXTURES / "docs"
CRASH_MARKER = "docscreen-crash-marker"
HANG_MARKER = "docscreen-hang-marker"
POLICY = """
[limits]
max_bytes = 200000

[unscannable]
corrupt = "error"
"""


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("spark")
    docs = root / "docs"
    shutil.copytree(DOCS, docs)
    bad = docs / "hostile"
    bad.mkdir()
    pdf = next(p for p in sorted(DOCS.rglob("*.pdf")) if p.stat().st_size > 2000)
    (bad / "truncated.pdf").write_bytes(pdf.read_bytes()[:700])  # corrupt
    (bad / "oversized.txt").write_bytes(b"Jane Doe, data engineer.\n" * 12000)  # 300 KB > 200 KB
    write_zip_bomb(bad / "bomb.docx", 64 << 20)  # 64 MiB of zeros, ~64 KB on disk
    crash = root / "crash"
    crash.mkdir()
    (crash / f"{CRASH_MARKER}.txt").write_text("Jane Doe\nSSN: 431-26-0181\n")
    (crash / "clean.txt").write_text("Jane Doe\nData engineer at Example Corp, 2019-2024.\n")
    (crash / "ssn.txt").write_text("Jane Doe\nSSN: 431-26-0181\n")
    hang = root / "hang"
    hang.mkdir()
    (hang / f"{HANG_MARKER}.txt").write_text("Jane Doe\n")
    (hang / "ssn.txt").write_text("Jane Doe\nSSN: 431-26-0181\n")
    (root / "policy.toml").write_text(POLICY)
    return root


@pytest.fixture(scope="module")
def spark(workdir):
    from pyspark.sql import SparkSession

    env = {
        "PYSPARK_PYTHON": sys.executable,
        "PYSPARK_DRIVER_PYTHON": sys.executable,
        # executors inherit these from the JVM, which inherits them from this process
        "DOCSCREEN_TEST_FAULTS": f"crash={CRASH_MARKER},hang={HANG_MARKER}",
        "DOCSCREEN_SPARK_LOAD_LOG": str(workdir / "loads.txt"),
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("docscreen-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "8")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _read(spark, folder: Path):
    return spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(str(folder))


def _local(path: str) -> str:
    return path[len("file:"):] if path.startswith("file:") else path


def _normalise(report: dict) -> dict:
    report = dict(report)
    report.pop("timings", None)
    report["path"] = _local(report["path"])
    return report


@pytest.fixture(scope="module")
def spark_rows(spark, workdir):
    from docscreen.policy import load_policy
    from docscreen.spark import scan_documents

    policy = load_policy(workdir / "policy.toml")
    df = scan_documents(_read(spark, workdir / "docs"), policy, fingerprint_key=TEST_KEY, partitions=6)
    rows = {_local(r["path"]): r.asDict() for r in df.collect()}
    (workdir / "loads-main.txt").write_text((workdir / "loads.txt").read_text())
    return rows


@pytest.fixture(scope="module")
def cli_reports(workdir):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOCSCREEN_", "PYSPARK_"))}
    env["DOCSCREEN_FINGERPRINT_KEY"] = TEST_KEY.hex()
    proc = subprocess.run(
        [sys.executable, "-m", "docscreen.cli", "scan", "--format", "jsonl", "--jobs", "2",
         "--policy", str(workdir / "policy.toml"), str(workdir / "docs")],
        capture_output=True, env=env, timeout=300,
    )
    assert proc.returncode == 3, proc.stderr.decode(errors="replace")[-2000:]  # corrupt = "error"
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert lines[-1]["type"] == "summary"
    return {str(Path(r["path"]).resolve()): r for r in lines[:-1]}


def test_rows_match_cli_jsonl_row_by_row(spark_rows, cli_reports) -> None:
    assert set(spark_rows) == set(cli_reports)
    kinds = {Path(p).suffix for p in spark_rows}
    assert {".pdf", ".docx", ".txt"} <= kinds
    for path, row in spark_rows.items():
        cli = cli_reports[path]
        report = json.loads(row["report"])
        assert _normalise(report) == _normalise(cli), path
        # the row's columns say what its report says
        assert row["verdict"] == report["verdict"]
        assert row["sha256"] == report["document"]["sha256"]
        assert row["size"] == report["document"]["size"]
        assert row["finding_count"] == len(report["findings"])
        assert row["errors"] == [e["code"] for e in report["errors"]]
        assert row["categories"] == sorted({f["category"] for f in report["findings"] if f["status"] == "counted"})
    verdicts = {r["verdict"] for r in spark_rows.values()}
    assert {"accept", "reject", "error"} <= verdicts


def test_hostile_files_are_error_or_reject_rows(spark_rows, workdir) -> None:
    hostile = workdir / "docs" / "hostile"
    expect = {"truncated.pdf": ("error", "corrupt"), "oversized.txt": ("reject", "too_large"),
              "bomb.docx": ("reject", "zip_bomb")}
    for name, (verdict, code) in expect.items():
        row = spark_rows[str(hostile / name)]
        assert (row["verdict"], row["errors"]) == (verdict, [code]), name
        assert row["finding_count"] == 0
    assert spark_rows[str(hostile / "oversized.txt")]["size"] == 300000


def test_reports_hold_no_raw_values(spark_rows) -> None:
    for row in spark_rows.values():
        assert "431-26-0181" not in row["report"]


def test_engine_built_once_per_python_worker(spark_rows, workdir) -> None:
    pids = (workdir / "loads-main.txt").read_text().split()
    # 97 documents in 6 partitions and batches of 8 (at least 13 batches): one engine per
    # Python worker (local[2] runs two at a time; Spark may start a third or fourth)
    assert len(spark_rows) == 97
    assert pids and len(pids) == len(set(pids)), pids
    assert len(pids) <= 6, pids


def test_a_worker_crash_costs_one_error_row(spark, workdir) -> None:
    from docscreen.spark import scan_documents

    df = scan_documents(_read(spark, workdir / "crash"), workdir / "policy.toml", fingerprint_key=TEST_KEY)
    rows = {Path(_local(r["path"])).name: r for r in df.collect()}
    assert set(rows) == {f"{CRASH_MARKER}.txt", "clean.txt", "ssn.txt"}
    crashed = rows[f"{CRASH_MARKER}.txt"]
    assert (crashed["verdict"], crashed["errors"]) == ("error", ["internal"])
    assert "stopped unexpectedly" in json.loads(crashed["report"])["errors"][0]["message"]
    assert rows["clean.txt"]["verdict"] == "accept"
    assert (rows["ssn.txt"]["verdict"], rows["ssn.txt"]["categories"]) == ("reject", ["NATIONAL_ID"])


def test_a_hung_file_costs_one_timeout_row(spark, workdir) -> None:
    from docscreen.spark import scan_documents

    df = scan_documents(_read(spark, workdir / "hang"), workdir / "policy.toml", fingerprint_key=TEST_KEY, timeout=1.0)
    rows = {Path(_local(r["path"])).name: r for r in df.collect()}
    assert (rows[f"{HANG_MARKER}.txt"]["verdict"], rows[f"{HANG_MARKER}.txt"]["errors"]) == ("error", ["timeout"])
    assert rows["ssn.txt"]["verdict"] == "reject"


def test_spark_submit(workdir, tmp_path) -> None:
    """The documented spark-submit line, with the entry file docscreen ships."""
    spark_submit = Path(sys.executable).parent / "spark-submit"
    entry = subprocess.run([sys.executable, "-m", "docscreen.spark_submit", "--path"],
                           capture_output=True, text=True, check=True).stdout.strip()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCSCREEN_")}
    env.update(PYSPARK_PYTHON=sys.executable, DOCSCREEN_FINGERPRINT_KEY=TEST_KEY.hex())
    out = tmp_path / "out"
    proc = subprocess.run(
        [str(spark_submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false", entry,
         str(workdir / "crash"), "--output", str(out), "--policy", str(workdir / "policy.toml")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "3 document(s)" in proc.stdout and "1 accept, 0 review, 2 reject, 0 error" in proc.stdout
    assert "NATIONAL_ID: 2 document(s)" in proc.stdout
    assert "431-26-0181" not in proc.stdout + proc.stderr


def test_isolation_none_gives_the_same_rows(spark, workdir, spark_rows) -> None:
    from docscreen.spark import scan_documents

    sub = workdir / "docs" / "cover_letters"
    df = scan_documents(_read(spark, sub), workdir / "policy.toml", fingerprint_key=TEST_KEY, isolation="none")
    for r in df.collect():
        ref = spark_rows[_local(r["path"])]
        assert _normalise(json.loads(r["report"])) == _normalise(json.loads(ref["report"]))


def test_bad_input(spark) -> None:
    from docscreen.spark import scan_documents

    with pytest.raises(ValueError, match="binaryFile"):
        scan_documents(spark.createDataFrame([("a",)], "path string"))
    with pytest.raises(ValueError, match="isolation"):
        scan_documents(spark.createDataFrame([("a", b"")], "path string, content binary"), isolation="thread")


@pytest.mark.parametrize("fmt", ["parquet", "json"])
def test_spark_scan_command(spark, workdir, tmp_path, monkeypatch, fmt) -> None:
    from docscreen.cli import main

    monkeypatch.setenv("DOCSCREEN_FINGERPRINT_KEY", TEST_KEY.hex())
    out = tmp_path / "out"
    args = ["spark-scan", str(workdir / "docs" / "hostile"), "--output", str(out), "--format", fmt,
            "--policy", str(workdir / "policy.toml"), "--master", "local[2]", "--partitions", "2"]
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "3 document(s)" in r.output and "2 reject, 1 error" in r.output
    assert "error [zip_bomb]: 1 document(s)" in r.output
    read = spark.read.parquet(str(out)) if fmt == "parquet" else spark.read.json(str(out))
    assert sorted(Path(row["path"]).name for row in read.collect()) == ["bomb.docx", "oversized.txt", "truncated.pdf"]
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 2 and "already exists" in again.output
