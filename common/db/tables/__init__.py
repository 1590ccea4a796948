"""SQLAlchemy Core tables mirroring the migrations, one module per area.

The migrations are the truth; these describe the columns repositories use
(tests/integration/test_tables_match_schema.py fails when they drift).
Constraints, policies and indexes live only in the migrations.
"""

from common.db.tables.ai import tenant_ai_settings
from common.db.tables.core import companies, invitations, metadata, team_members, teams, tenants, users
from common.db.tables.courses import course_modules, course_versions, courses, folders, lessons
from common.db.tables.exports import scorm_packages
from common.db.tables.generation import (
    course_generation_inputs,
    course_outlines,
    generated_lessons,
    generation_jobs,
    lesson_components,
    outline_lessons,
    outline_sections,
)
from common.db.tables.people import notifications, target_audiences
from common.db.tables.sme import (
    sme_knowledge_chunks,
    sme_task_submissions,
    sme_tasks,
    sme_team_access,
    subject_matter_experts,
)

__all__ = [
    "companies",
    "course_generation_inputs",
    "course_modules",
    "course_outlines",
    "course_versions",
    "courses",
    "folders",
    "generated_lessons",
    "generation_jobs",
    "invitations",
    "lesson_components",
    "lessons",
    "metadata",
    "notifications",
    "outline_lessons",
    "outline_sections",
    "scorm_packages",
    "sme_knowledge_chunks",
    "sme_task_submissions",
    "sme_tasks",
    "sme_team_access",
    "subject_matter_experts",
    "target_audiences",
    "team_members",
    "teams",
    "tenant_ai_settings",
    "tenants",
    "users",
]
