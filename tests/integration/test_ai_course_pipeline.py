"""A whole course through the real SDK and the fake's default replies: outline, then
every lesson, then one component rewrite, with the tokens a job would record."""

from __future__ import annotations

import uuid

from common.adapters.gemini import GeminiClient
from common.gen.mirai.v1 import ai_generation_pb2 as ai_pb
from common.gen.mirai.v1 import common_pb2 as pb
from common.gen.mirai.v1 import sme_pb2
from common.gen.mirai.v1 import target_audience_pb2 as ta_pb
from functions.ai_generation.ai_requests import component_request, lesson_request, outline_request
from tests.fakes.gemini import FakeGemini

API_KEY = "AIzaSy-course-" + uuid.uuid4().hex


def test_a_twelve_lesson_course_is_drafted_and_written_without_scripting_any_reply() -> None:
    chunks = [
        sme_pb2.KnowledgeChunk(id=str(uuid.uuid4()), title=f"Rule {i}", content=f"Site rule number {i}.") for i in range(5)
    ]
    audience = ta_pb.TargetAudience(name="Operators", job_role="Forklift operator", language="en-GB")
    request = ai_pb.GenerationInput(title="Warehouse safety", learning_goals=["Drive safely", "Stack safely"], desired_lesson_count=12)
    with FakeGemini() as fake:
        client = GeminiClient(base_url=fake.url, timeout_seconds=10)
        try:
            drafted = client.generate(outline_request(request, model="gemini-2.5-pro", audience=audience, chunks=chunks), api_key=API_KEY)
            outline = drafted.value
            usage = drafted.usage
            lessons: dict[str, list[pb.LessonComponent]] = {}
            for section in outline.sections:
                for lesson in section.lessons:
                    written = client.generate(
                        lesson_request(lesson, model="gemini-2.5-pro", course_title=outline.title, section=section, audience=audience, chunks=chunks),
                        api_key=API_KEY,
                    )
                    lessons[lesson.id] = written.value
                    usage = usage + written.usage
            first = outline.sections[0].lessons[0]
            text = next(c for c in lessons[first.id] if c.type == pb.COMPONENT_TYPE_TEXT)
            rewritten = client.generate(
                component_request(text, model="gemini-2.5-pro", instruction="shorter", lesson_title=first.title, objectives=first.objectives, audience=audience),
                api_key=API_KEY,
            )
            usage = usage + rewritten.usage
        finally:
            client.close()
    assert len(lessons) == 12 and len(fake.requests) == 14
    cited = {cid for section in outline.sections for lesson in section.lessons for cid in lesson.source_chunk_ids}
    assert cited == {chunk.id for chunk in chunks}
    for section in outline.sections:
        for lesson in section.lessons:
            objective_ids = {objective.id for objective in lesson.objectives}
            checked = {c.quiz.learning_objective_id for c in lessons[lesson.id] if c.type == pb.COMPONENT_TYPE_QUIZ}
            assert checked == objective_ids
    assert rewritten.value.id == text.id and "shorter" in rewritten.value.text.markdown
    # Every call's tokens are counted: the fake bills (prompt + system) // 4 input tokens.
    assert usage.input_tokens == sum((len(r.prompt) + len(r.system)) // 4 for r in fake.requests)
    assert usage.total_tokens == usage.input_tokens + usage.output_tokens > 0
