"""Benchmark: a whole 20-lesson course through the pipeline against one outline call
plus one lesson call, with the Gemini fake answering after 300 ms.

Measured: GenerateOutline → outline job → ApproveOutline → 20 lesson events → the job
done, all over the local runner (Connect clients, in-process broker, real PostgreSQL,
Redis and S3 endpoint). Baseline: one outline call and one lesson call through the same
adapter, in this run. Lessons written in parallel keep the ratio near 1 (plus the outbox
hops); written one after another it would be near 20 * lesson / (outline + lesson).
Run alone: ``python -m tests.bench.generation``.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from tests.bench import ai_fake
from tests.bench.harness import Row, render
from tests.bench.stack import migrated_settings
from tests.fakes.gemini import FakeGemini
from tests.fakes.kratos import FakeKratos
from tests.support.generation import client, new_tenant, wait_for_job
from tests.support.runner import RunningRunner, running_runner

LATENCY = 0.3
LESSONS = 20


@contextmanager
def bench_runner(gemini: FakeGemini, kratos: FakeKratos) -> Iterator[RunningRunner]:
    with ExitStack() as stack:
        settings, _ = migrated_settings(stack, name="generation", env={
            "S3_BUCKET": "bench-generation", "KRATOS_URL": kratos.url, "DB_POOL_SIZE": "30",
        })
        yield stack.enter_context(running_runner(settings, encryption_key=os.urandom(32),
                                                 gemini_api_base_url=gemini.url, gemini_max_attempts=1))


def course_seconds(runner: RunningRunner, kratos: FakeKratos) -> float:
    author = new_tenant(runner, kratos)
    ai = client(runner)
    started = time.perf_counter()
    queued = ai.generate_outline(ai_pb.GenerateOutlineRequest(title="Forklift safety", learning_goals=["Load safely"],
                                                              desired_lesson_count=LESSONS), headers=author.headers)
    wait_for_job(runner, queued.job.id, author.headers, within=120)
    outline = ai.get_outline(ai_pb.GetOutlineRequest(outline_id=queued.outline.id), headers=author.headers).outline
    approved = ai.approve_outline(ai_pb.ApproveOutlineRequest(outline_id=outline.id), headers=author.headers)
    job = wait_for_job(runner, approved.job.id, author.headers, within=300)
    elapsed = time.perf_counter() - started
    if job.progress_done != LESSONS:
        raise RuntimeError(f"the course was not written: {job.error_message}")
    return elapsed


def rows() -> list[Row]:
    logging.disable(logging.INFO)
    try:
        calls = ai_fake.measure(latency=LATENCY)
        with FakeGemini(latency=LATENCY) as gemini:
            kratos = FakeKratos().start()
            try:
                with bench_runner(gemini, kratos) as runner:
                    measured = course_seconds(runner, kratos)
            finally:
                kratos.stop()
    finally:
        logging.disable(logging.NOTSET)
    return [Row(name=f"{LESSONS}-lesson course, outline to last lesson (fake {LATENCY * 1000:.0f} ms/call)",
                measured_s=measured, baseline_name="one outline call + one lesson call",
                baseline_s=calls["outline"] + calls["lesson"])]


if __name__ == "__main__":
    print(render(rows()))
