"""docscreen.check_upload / check_upload_async (in process) and WorkerPool.submit (threads)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import io

import pytest

import docscreen
from docscreen.policy import default_policy, policy_from_dict
from docscreen.runner import RunnerError, Task, WorkerPool

from conftest import FIXTURES, TEST_KEY

CLEAN = b"Jane Doe\nData engineer at Example Corp, 2019-2024.\nPython, SQL, Spark.\n"
SSN = b"Jane Doe\nSSN: 431-26-0181\n"


@pytest.fixture(autouse=True)
def _env(cli_env):
    return cli_env


def test_bytes_fileobj_and_path(tmp_path) -> None:
    assert docscreen.check_upload(SSN, "cv.txt").decision == "reject"
    assert docscreen.check_upload(io.BytesIO(CLEAN)).decision == "accept"
    p = tmp_path / "cv.txt"
    p.write_bytes(SSN)
    verdict = docscreen.check_upload(str(p))
    assert verdict.decision == "reject" and verdict.reasons[0].category == "NATIONAL_ID"
    with open(p, "rb") as fh:
        assert docscreen.check_upload(fh).decision == "reject"


def test_policy_object_and_file(tmp_path) -> None:
    relaxed = policy_from_dict({"categories": {"NATIONAL_ID": {"action": "review"}}})
    assert docscreen.check_upload(SSN, policy=relaxed).decision == "review"
    f = tmp_path / "p.toml"
    f.write_text('[categories.NATIONAL_ID]\naction = "allow"\n')
    assert docscreen.check_upload(SSN, policy=f).decision == "accept"


def test_over_the_limit_is_refused_without_reading_it_all() -> None:
    small = policy_from_dict({"limits": {"max_bytes": 1000}})

    class Endless(io.RawIOBase):
        read_total = 0

        def readable(self):
            return True

        def readinto(self, b):
            Endless.read_total += len(b)
            b[:] = b"a" * len(b)
            return len(b)

    verdict = docscreen.check_upload(Endless(), "big.txt", policy=small)
    assert verdict.decision == "reject" and verdict.reasons[0].code == "too_large"
    assert Endless.read_total <= 1001


def test_async_variant_does_not_block_the_loop() -> None:
    async def main():
        ticks = 0

        async def ticker():
            nonlocal ticks
            while True:
                await asyncio.sleep(0.001)
                ticks += 1

        t = asyncio.create_task(ticker())
        verdicts = await asyncio.gather(*(docscreen.check_upload_async(SSN if i % 2 else CLEAN) for i in range(6)))
        t.cancel()
        return [v.decision for v in verdicts], ticks

    decisions, ticks = asyncio.run(main())
    assert decisions == ["accept", "reject"] * 3
    assert ticks > 0


def test_worker_pool_submit_from_threads(tmp_path) -> None:
    paths = []
    for i in range(6):
        p = tmp_path / f"f{i}.txt"
        p.write_bytes(SSN if i % 2 else CLEAN)
        paths.append(p)
    with WorkerPool(default_policy(), jobs=1, fingerprint_key=TEST_KEY) as pool:
        with concurrent.futures.ThreadPoolExecutor(3) as ex:
            futs = list(ex.map(lambda ip: pool.submit(Task(ip[0], ip[1].name, file=str(ip[1]))), enumerate(paths)))
        outcomes = [f.result(timeout=120) for f in futs]
        assert [o.verdict.decision for o in outcomes] == ["accept", "reject"] * 3
        assert [o.path for o in outcomes] == [p.name for p in paths]
        assert pool.ready
    with pytest.raises(RuntimeError):
        pool.submit(Task(0, "x", data=b"x"))


@pytest.mark.parametrize("fault", ["hang", "crash"])
def test_worker_pool_is_not_ready_while_its_only_worker_is_replaced(monkeypatch, fault) -> None:
    # A health check asked right after a timeout or crash outcome must not say "ready" while
    # the pool's only worker is being killed and a fresh one loads (the service's /readyz
    # said 200 then, and the next upload waited for the new worker).
    monkeypatch.setenv("DOCSCREEN_TEST_FAULTS", f"{fault}=bad-one")
    policy = policy_from_dict({"limits": {"timeout_s": 1}})
    with WorkerPool(policy, jobs=1, fingerprint_key=TEST_KEY) as pool:
        first = pool.submit(Task(0, "warm.txt", data=CLEAN)).result(timeout=120)
        assert first.verdict.decision == "accept" and pool.ready
        bad = pool.submit(Task(1, "bad-one.txt", data=CLEAN)).result(timeout=120)
        assert bad.verdict.decision == "error"
        assert not pool.ready and pool.ready_workers == 0
        after = pool.submit(Task(2, "next.txt", data=CLEAN)).result(timeout=120)
        assert after.verdict.decision == "accept"
        assert pool.replaced == 1 and pool.ready
