"""A course keeps its library: ``courses.team_id``.

Until now a course's team was read through its folder, so a course that left its
folder (the folder deleted, the course trashed and restored, a top-level team
folder emptied into its parent) fell into the company library and was shown to
the whole company. The team is now stored on the course:

- in a folder, it is always the folder's team (``courses_team_from_folder``,
  before every insert and every change of ``folder_id``/``team_id``);
- a folder whose team changes (moved to another library, its team deleted) carries
  its courses along (``folders_team_to_courses``);
- in no folder, it is the root of that library: whatever the writer set, kept when
  the folder goes away (``on delete set null (folder_id)`` leaves the team alone);
- a deleted team leaves its courses in the company library (``set null (team_id)``).

Revision ID: 0017_course_teams
Revises: 0016_user_search
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0017_course_teams"
down_revision = "0016_user_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("alter table courses add column team_id uuid")
    op.execute("""
    alter table courses add constraint courses_team_fkey
      foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete set null (team_id)""")
    op.execute("""
    update courses c set team_id = f.team_id
      from folders f where f.tenant_id = c.tenant_id and f.id = c.folder_id and f.team_id is not null""")
    # ListCourses / CountCoursesByFolder filtered by a team library.
    op.execute("create index courses_tenant_team_updated_idx on courses (tenant_id, team_id, updated_at desc, id desc)"
               " where deleted_at is null")

    op.execute("""
    create function courses_team_from_folder() returns trigger language plpgsql as $$
    begin
      if new.folder_id is not null then
        new.team_id := (select f.team_id from folders f where f.tenant_id = new.tenant_id and f.id = new.folder_id);
      end if;
      return new;
    end $$""")
    op.execute("""
    create trigger courses_team_from_folder before insert or update of folder_id, team_id on courses
      for each row execute function courses_team_from_folder()""")

    op.execute("""
    create function folders_team_to_courses() returns trigger language plpgsql as $$
    begin
      update courses set team_id = new.team_id
        where tenant_id = new.tenant_id and folder_id = new.id and team_id is distinct from new.team_id;
      return null;
    end $$""")
    op.execute("""
    create trigger folders_team_to_courses after update of team_id on folders
      for each row when (old.team_id is distinct from new.team_id)
      execute function folders_team_to_courses()""")


def downgrade() -> None:
    op.execute("drop trigger folders_team_to_courses on folders")
    op.execute("drop function folders_team_to_courses()")
    op.execute("drop trigger courses_team_from_folder on courses")
    op.execute("drop function courses_team_from_folder()")
    op.execute("drop index courses_tenant_team_updated_idx")
    op.execute("alter table courses drop column team_id")
