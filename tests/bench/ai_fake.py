"""Benchmark: one outline call and one lesson call through the Gemini adapter (real
google-genai SDK) against the HTTP fake answering after a fixed latency.

``measure(latency=0.3)`` returns wall seconds per call; the adapter's own cost is the
time above ``latency`` (prompt building, SDK, JSON + schema validation, proto mapping).
Run alone: ``python -m tests.bench.ai_fake [latency]``.
"""

from __future__ import annotations

import sys
import time

from common.adapters.gemini import GeminiClient
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import sme_pb2
from common.gen.mirai.v1 import target_audience_pb2 as ta_pb
from functions.ai_generation.ai_requests import lesson_request, outline_request
from tests.fakes.gemini import FakeGemini

API_KEY = "bench-api-key-0000000000000000"
MODEL = "gemini-2.5-flash"


def measure(latency: float = 0.3) -> dict[str, float]:
    """Seconds for one outline (12 lessons) and one lesson call, after a warm-up call
    (SDK import and connection set-up are measured separately as ``first_call``)."""
    audience = ta_pb.TargetAudience(name="Operators", job_role="Forklift operator", language="en")
    chunks = [
        sme_pb2.KnowledgeChunk(id=f"chunk-{i}", title=f"Topic {i}", content="Knowledge text. " * 60) for i in range(40)
    ]
    request = ai_pb.GenerationInput(title="Forklift safety", learning_goals=["Inspect", "Load"], desired_lesson_count=12)
    with FakeGemini(latency=latency) as fake:
        client = GeminiClient(base_url=fake.url, timeout_seconds=30)
        try:
            started = time.perf_counter()
            outline = client.generate(
                outline_request(request, model=MODEL, audience=audience, chunks=chunks), api_key=API_KEY
            ).value
            first_call = time.perf_counter() - started

            started = time.perf_counter()
            client.generate(outline_request(request, model=MODEL, audience=audience, chunks=chunks), api_key=API_KEY)
            outline_seconds = time.perf_counter() - started

            section = outline.sections[0]
            started = time.perf_counter()
            client.generate(
                lesson_request(
                    section.lessons[0], model=MODEL, course_title=outline.title, section=section, audience=audience,
                    chunks=chunks,
                ),
                api_key=API_KEY,
            )
            lesson_seconds = time.perf_counter() - started
        finally:
            client.close()
    return {"first_call": first_call, "outline": outline_seconds, "lesson": lesson_seconds, "latency": latency}


if __name__ == "__main__":
    result = measure(float(sys.argv[1]) if len(sys.argv) > 1 else 0.3)
    for name, seconds in result.items():
        print(f"{name:12s} {seconds * 1000:8.1f} ms")
