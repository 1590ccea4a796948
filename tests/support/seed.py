"""One full graph of rows in every tenant table, written as the migration owner.

The isolation test loads it for two tenants and fails when a tenant table has
no rows here, so a new table must be added to this seed the day it is created.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

# (table, columns) in foreign-key order; "@name" is the id of the row whose "id" is "@name".
_ROWS: list[tuple[str, dict[str, Any]]] = [
    ("tenants", {"id": "@tenant", "slug": "{slug}", "name": "Seed {slug}", "status": "active"}),
    ("companies", {"id": "@company", "tenant_id": "@tenant", "name": "Seed Co", "plan": "pro", "seat_count": 5}),
    ("users", {"id": "@owner", "tenant_id": "@tenant", "company_id": "@company", "kratos_id": "kratos-{slug}-owner",
               "email": "owner@{slug}.example", "role": "owner"}),
    ("users", {"id": "@member", "tenant_id": "@tenant", "company_id": "@company", "kratos_id": "kratos-{slug}-member",
               "email": "member@{slug}.example", "role": "member"}),
    ("teams", {"id": "@team", "tenant_id": "@tenant", "company_id": "@company", "name": "Authors", "created_by": "@owner"}),
    ("team_members", {"tenant_id": "@tenant", "team_id": "@team", "user_id": "@member", "role": "lead"}),
    ("invitations", {"id": "@invitation", "tenant_id": "@tenant", "company_id": "@company", "email": "new@{slug}.example",
                     "token_hash": "hash-{slug}", "invited_by": "@owner"}),
    ("onboarding_steps", {"tenant_id": "@tenant", "user_id": "@owner", "step": "profile", "state": "completed"}),
    ("target_audiences", {"id": "@audience", "tenant_id": "@tenant", "name": "New hires", "created_by": "@owner"}),
    ("folders", {"id": "@folder", "tenant_id": "@tenant", "name": "Safety", "created_by": "@owner"}),
    ("folders", {"id": "@team_folder", "tenant_id": "@tenant", "name": "Team", "team_id": "@team"}),
    ("courses", {"id": "@course", "tenant_id": "@tenant", "title": "Safety basics", "folder_id": "@folder",
                 "target_audience_id": "@audience", "created_by": "@owner"}),
    ("course_modules", {"id": "@module", "tenant_id": "@tenant", "course_id": "@course", "title": "Intro", "position": 0}),
    ("lessons", {"id": "@lesson", "tenant_id": "@tenant", "course_id": "@course", "module_id": "@module", "title": "Welcome",
                 "position": 0}),
    ("course_versions", {"tenant_id": "@tenant", "course_id": "@course", "version": 1, "source": "create",
                         "object_key": "data/{tenant}/courses/{course}/versions/1.json", "etag": "e1"}),
    ("scorm_packages", {"id": "@export", "tenant_id": "@tenant", "course_id": "@course", "format": "scorm_12",
                        "course_version": 1, "course_title": "Safety basics"}),
    ("subject_matter_experts", {"id": "@sme", "tenant_id": "@tenant", "name": "Plant safety", "scope": "team"}),
    ("sme_team_access", {"tenant_id": "@tenant", "sme_id": "@sme", "team_id": "@team"}),
    ("sme_tasks", {"id": "@task", "tenant_id": "@tenant", "sme_id": "@sme", "title": "Upload the manual",
                   "assignee_id": "@member", "created_by": "@owner"}),
    ("sme_task_submissions", {"id": "@submission", "tenant_id": "@tenant", "sme_id": "@sme", "task_id": "@task",
                              "file_name": "manual.pdf", "content_type": "application/pdf",
                              "object_key": "data/{tenant}/sme/{sme}/manual.pdf"}),
    ("sme_knowledge_chunks", {"tenant_id": "@tenant", "sme_id": "@sme", "submission_id": "@submission",
                              "content": "Wear a helmet."}),
    ("tenant_ai_settings", {"tenant_id": "@tenant", "model": "gemini-2.5-flash"}),
    ("course_outlines", {"id": "@outline", "tenant_id": "@tenant", "course_id": "@course", "title": "Outline",
                         "status": "ready", "created_by": "@owner"}),
    ("generation_jobs", {"id": "@job", "tenant_id": "@tenant", "type": "outline_generation", "outline_id": "@outline",
                         "created_by": "@owner"}),
    ("outline_sections", {"id": "@section", "tenant_id": "@tenant", "outline_id": "@outline", "title": "Part 1",
                          "position": 0}),
    ("outline_lessons", {"id": "@outline_lesson", "tenant_id": "@tenant", "outline_id": "@outline", "section_id": "@section",
                         "title": "Welcome", "position": 0}),
    ("generated_lessons", {"tenant_id": "@tenant", "course_id": "@course", "lesson_id": "@lesson",
                           "outline_lesson_id": "@outline_lesson", "job_id": "@job"}),
    ("lesson_components", {"tenant_id": "@tenant", "course_id": "@course", "lesson_id": "@lesson", "type": "text",
                           "position": 0, "body": '{{"markdown": "Hello"}}'}),
    ("course_generation_inputs", {"tenant_id": "@tenant", "outline_id": "@outline", "course_id": "@course",
                                  "title": "Safety basics", "sme_ids": "{{{sme}}}"}),
    ("notifications", {"tenant_id": "@tenant", "user_id": "@member", "type": "outline_ready", "title": "Ready",
                       "resource_type": "outline", "resource_id": "@outline", "actor_id": "@owner"}),
    ("sent_mails", {"tenant_id": "@tenant", "message_id": "@invitation", "template": "invitation", "status": "failed",
                    "attempts": 1}),
    ("outbox", {"tenant_id": "@tenant", "type": "io.mirai.seed.created", "source": "/seed", "data": "{{}}"}),
]



def seed_tenant(conn: Connection, slug: str) -> dict[str, uuid.UUID]:
    """Inserts the graph for a new tenant; returns its ids by name (``tenant``, ``course``, ...)."""
    ids = {value[1:]: uuid.uuid4() for _, columns in _ROWS for key, value in columns.items() if key == "id"}
    names = {k: str(v) for k, v in ids.items()}
    for table, columns in _ROWS:
        values: dict[str, Any] = {}
        for column, value in columns.items():
            if isinstance(value, str) and value.startswith("@"):
                values[column] = ids[value[1:]]
            elif isinstance(value, str):
                values[column] = value.format(slug=slug, **names)
            else:
                values[column] = value
        cols = ", ".join(values)
        params = ", ".join(f":{c}" for c in values)
        conn.execute(text(f"insert into {table} ({cols}) values ({params})"), values)
    return ids


def seeded_tables() -> set[str]:
    return {table for table, _ in _ROWS}
