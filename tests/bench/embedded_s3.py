"""``make run``'s S3: how long SeaweedFS takes to answer and to stop, against moto's
in-memory server (what the runner used before) starting in the same run."""

from __future__ import annotations

import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from functions.local import seaweedfs
from tests.bench.harness import Row
from tests.support import services

RUNS = 3
CREDENTIALS = seaweedfs.Credentials("bench", "bench-secret")


def _median(samples: list[float]) -> float:
    return sorted(samples)[len(samples) // 2]


def _moto() -> tuple[float, float]:
    starts, stops = [], []
    for _ in range(RUNS):
        stack = ExitStack()
        started = time.perf_counter()
        services.s3_endpoint(stack)
        answered = time.perf_counter()
        stack.close()
        starts.append(answered - started)
        stops.append(time.perf_counter() - answered)
    return _median(starts), _median(stops)


def rows() -> list[Row]:
    moto_start, moto_stop = _moto()
    with tempfile.TemporaryDirectory(prefix="mirai-bench-s3-") as folder:
        starts, stops = [], []
        for run in range(RUNS + 1):  # the first start makes the data dir; the others reopen it
            started = time.perf_counter()
            server = seaweedfs.start(Path(folder), CREDENTIALS)
            answered = time.perf_counter()
            server.stop()
            if run:
                starts.append(answered - started)
                stops.append(time.perf_counter() - answered)
    return [
        Row("SeaweedFS start until S3 answers (existing data dir)", _median(starts), "moto server start", moto_start),
        Row("SeaweedFS stop (terminate, wait)", _median(stops), "moto server stop", moto_stop),
    ]
