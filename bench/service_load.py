"""Load run against `docscreen serve` on loopback: N uploads of mixed fixtures from C clients.

    .venv/bin/python bench/service_load.py [--requests 1000] [--clients 16] [--workers 2]

Starts the server (its own subprocess, a free loopback port), waits for /readyz, sends the
fixtures (PDF, DOCX, TXT, round robin) as multipart uploads, and prints requests per second,
p50 / p95 / p99 latency, errors (any non-200 or a transport error; must be 0) and the RSS of
the server and its workers before and after (it must not keep growing).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "fixtures" / "docs"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> tuple[float, float]:
    """(server process, server + workers) RSS in MB."""
    p = psutil.Process(pid)
    own = p.memory_info().rss
    total = own + sum(c.memory_info().rss for c in p.children(recursive=True))
    return own / 2**20, total / 2**20


async def run(url: str, files: list[Path], n: int, clients: int) -> tuple[list[float], int, dict[str, int]]:
    payloads = [(f.name, f.read_bytes()) for f in files]
    latencies: list[float] = []
    errors = 0
    verdicts: dict[str, int] = {}
    counter = iter(range(n))

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=url, timeout=120) as c:
            for i in counter:
                name, data = payloads[i % len(payloads)]
                start = time.perf_counter()
                try:
                    r = await c.post("/v1/scan", files={"file": (name, data)})
                    ok = r.status_code == 200
                    if ok:
                        v = r.headers["X-Docscreen-Verdict"]
                        verdicts[v] = verdicts.get(v, 0) + 1
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - start)
                errors += not ok

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors, verdicts


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    files = sorted(p for p in DOCS.rglob("*") if p.is_file() and p.suffix in (".pdf", ".docx", ".txt"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    tmp = tempfile.mkdtemp(prefix="docscreen-bench-")
    env = {**os.environ, "TMPDIR": tmp}
    env.setdefault("DOCSCREEN_FINGERPRINT_KEY", "00" * 32)
    proc = subprocess.Popen([str(Path(sys.executable).with_name("docscreen")), "serve", "--port", str(port),
                             "--workers", str(args.workers), "--queue", str(max(args.clients * 2, 16)),
                             "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(url + "/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("the server did not become ready")
            time.sleep(0.2)
        # every worker ready (readyz says one is): a short warm-up pass
        asyncio.run(run(url, files, 2 * args.workers * 4, args.workers * 2))
        before = rss_mb(proc.pid)
        start = time.perf_counter()
        latencies, errors, verdicts = asyncio.run(run(url, files, args.requests, args.clients))
        elapsed = time.perf_counter() - start
        middle = rss_mb(proc.pid)
        latencies2, errors2, _ = asyncio.run(run(url, files, args.requests, args.clients))
        after = rss_mb(proc.pid)
        leftovers = [p for d in Path(tmp).glob("docscreen-*") for p in d.iterdir()]
    finally:
        proc.terminate()
        proc.wait(30)
    figures = {
        "requests": args.requests, "clients": args.clients, "workers": args.workers, "files": len(files),
        "req_per_s": round(args.requests / elapsed, 1),
        "p50_ms": round(pct(latencies, 50), 1), "p95_ms": round(pct(latencies, 95), 1), "p99_ms": round(pct(latencies, 99), 1),
        "errors": errors + errors2, "verdicts": verdicts,
        "rss_server_mb": [round(before[0], 1), round(middle[0], 1), round(after[0], 1)],
        "rss_total_mb": [round(before[1], 1), round(middle[1], 1), round(after[1], 1)],
        "spool_files_left": len(leftovers),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{args.requests} uploads of {len(files)} mixed fixtures, {args.clients} clients, {args.workers} workers")
        print(f"  {figures['req_per_s']} req/s; latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms")
        print(f"  errors: {figures['errors']} (over two runs of {args.requests}); verdicts (first run): {verdicts}")
        print(f"  RSS server process MB before / after run 1 / after run 2: {figures['rss_server_mb']}")
        print(f"  RSS server + workers MB:                            {figures['rss_total_mb']}")
        print(f"  spool files left: {len(leftovers)}")
    return 1 if figures["errors"] or leftovers else 0


if __name__ == "__main__":
    sys.exit(main())
