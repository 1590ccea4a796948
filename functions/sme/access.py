"""Who may use, change and administer SMEs, their tasks and submissions (sme.proto).

- *Use* (see it, its submissions, chunks, search it): owners/admins; everyone for a
  global SME; members of a granted team for a team-scoped one.
- *Edit* (update, create tasks, upload directly, reprocess): owners/admins, or its
  creator while leading one of its teams.
- A task is seen by its assignee, its creator and those who can edit its SME.
- A submission is seen by those who can use its SME and by its uploader.

Anything a caller may not see answers ``not_found``, exactly like an id of another
tenant; something seen but not theirs to change answers ``permission_denied``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from common.errors import NotFound, PermissionDenied
from common.repos.sme_submissions import Submission
from common.repos.sme_tasks import SmeTask
from common.repos.smes import Sme
from functions.course.visibility import Viewer


def can_use(viewer: Viewer, sme: Sme) -> bool:
    return viewer.is_admin or sme.scope == "global" or any(team in viewer.teams for team in sme.team_ids)


def can_edit(viewer: Viewer, sme: Sme) -> bool:
    if viewer.is_admin:
        return True
    return sme.created_by == viewer.user_id and any(viewer.leads(team) for team in sme.team_ids)


def usable_sme(uow: Any, viewer: Viewer, sme_id: uuid.UUID) -> Sme:
    """The SME if the caller may use it; ``NotFound`` otherwise, as for an SME that does not exist."""
    return uow.smes.get(sme_id, visible_teams=viewer.visible_teams())  # type: ignore[no-any-return]


def editable_sme(uow: Any, viewer: Viewer, sme_id: uuid.UUID, *, doing: str) -> Sme:
    sme = usable_sme(uow, viewer, sme_id)
    require_editor(viewer, sme, doing=doing)
    return sme


def require_editor(viewer: Viewer, sme: Sme, *, doing: str) -> None:
    if not can_edit(viewer, sme):
        raise PermissionDenied(f"only an owner, an admin or the SME's creator leading one of its teams may {doing}")


def sees_task(viewer: Viewer, task: SmeTask, sme: Sme | None) -> bool:
    if viewer.user_id in (task.assignee_id, task.created_by):
        return True
    return sme is not None and can_edit(viewer, sme)


def visible_task(uow: Any, viewer: Viewer, task_id: uuid.UUID) -> tuple[SmeTask, Sme | None]:
    """The task and its SME (None when the caller may not use the SME) if the caller sees the task."""
    task: SmeTask = uow.sme_tasks.get(task_id)
    sme = _usable_or_none(uow, viewer, task.sme_id)
    if not sees_task(viewer, task, sme):
        raise NotFound("task not found", field="task_id")
    return task, sme


def manages_task(viewer: Viewer, task: SmeTask) -> bool:
    """Update and cancel: its creator or an owner/admin."""
    return viewer.is_admin or task.created_by == viewer.user_id


def visible_submission(uow: Any, viewer: Viewer, submission_id: uuid.UUID) -> tuple[Submission, Sme | None]:
    """The submission and its SME (None when the caller may not use the SME: its uploader)."""
    submission: Submission = uow.sme_submissions.get(submission_id)
    sme = _usable_or_none(uow, viewer, submission.sme_id)
    if sme is None and submission.uploaded_by != viewer.user_id:
        raise NotFound("submission not found", field="submission_id")
    return submission, sme


def usable_smes(uow: Any, viewer: Viewer, sme_ids: Sequence[uuid.UUID], *, field: str) -> list[uuid.UUID] | None:
    """The SMEs a search covers: those named (each must be usable) or, with none named, every
    SME the caller may use (None: every SME of the tenant, for owners/admins)."""
    teams = viewer.visible_teams()
    if not sme_ids:
        return None if teams is None else uow.smes.visible_ids(None, visible_teams=teams)
    found = set(uow.smes.visible_ids(sme_ids, visible_teams=teams))
    missing = [sme_id for sme_id in sme_ids if sme_id not in found]
    if missing:
        raise NotFound(f"SME {missing[0]} not found", field=field)
    return list(sme_ids)


def _usable_or_none(uow: Any, viewer: Viewer, sme_id: uuid.UUID) -> Sme | None:
    try:
        return usable_sme(uow, viewer, sme_id)
    except NotFound:
        return None


def check_teams(uow: Any, viewer: Viewer, team_ids: Sequence[uuid.UUID]) -> None:
    """Each team exists in the tenant and the caller may see it (members see their own teams)."""
    for team_id in team_ids:
        if not viewer.is_admin and team_id not in viewer.teams:
            raise NotFound(f"team {team_id} not found", field="team_ids")
        try:
            uow.teams.get(team_id)
        except NotFound:
            raise NotFound(f"team {team_id} not found", field="team_ids") from None


def require_leads_all(viewer: Viewer, team_ids: Sequence[uuid.UUID], *, doing: str) -> None:
    if not viewer.is_admin and not all(viewer.leads(team) for team in team_ids):
        raise PermissionDenied(f"only an owner, an admin or a lead of every team named may {doing}")
