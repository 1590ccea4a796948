"""The folder tree: hierarchy, breadcrumbs, moves without cycles, deletes with contents."""

from __future__ import annotations

import pytest

from common.errors import AlreadyExists, Conflict, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from functions.bootstrap import Container
from tests.support.course_actors import CourseApi, Tenant, error_of

pytestmark = pytest.mark.integration


def test_tree_breadcrumb_and_listing(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    a = api.create_folder(name="A").folder
    b = api.create_folder(name="B", parent_id=a.id).folder
    c = api.create_folder(name="C", parent_id=b.id).folder
    api.create_folder(name="A2", parent_id=a.id)
    got = api.get_folder(folder_id=c.id)
    assert [f.name for f in got.ancestors] == ["A", "B"] and got.folder.depth == 2
    assert api.get_folder(folder_id=a.id).folder.child_count == 2
    assert [f.name for f in api.list_folders(parent_id=a.id).folders] == ["A2", "B"]
    names: list[str] = []
    token = ""
    while True:
        page = api.list_folders(parent_id=a.id, recursive=True, page_size=1, page_token=token)
        names += [f.name for f in page.folders]
        token = page.next_page_token
        if not token:
            break
    assert names == ["A2", "B", "C"]
    assert isinstance(error_of(lambda: api.create_folder(name="b", parent_id=a.id)), AlreadyExists)
    assert error_of(lambda: api.create_folder(name="")).field == "name"


def test_a_folder_cannot_move_into_its_own_subtree(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    a = api.create_folder(name="Root").folder
    b = api.create_folder(name="Child", parent_id=a.id).folder
    c = api.create_folder(name="Grandchild", parent_id=b.id).folder
    for target in (a.id, c.id):
        err = error_of(lambda t=target: api.move_folder(folder_id=a.id, new_parent_id=t))
        assert isinstance(err, InvalidArgument) and err.field == "new_parent_id"
        assert "its own subfolders" in err.message
    moved = api.move_folder(folder_id=c.id, if_match=c.etag).folder
    assert moved.parent_id == "" and moved.depth == 0
    again = api.move_folder(folder_id=b.id, new_parent_id=c.id).folder
    assert again.depth == 1 and api.get_folder(folder_id=b.id).folder.parent_id == c.id
    assert isinstance(error_of(lambda: api.move_folder(folder_id=c.id, if_match=c.etag)), Conflict)


def test_moving_into_a_team_library_needs_a_lead_or_admin(container: Container, tenant: Tenant) -> None:
    outsider = CourseApi(container, tenant.outsider)
    folder = outsider.create_folder(name="Mine").folder
    team = str(tenant.ids["team"])
    assert isinstance(error_of(lambda: outsider.move_folder(folder_id=folder.id, team_id=team)), NotFound)
    moved = CourseApi(container, tenant.lead).move_folder(folder_id=folder.id, team_id=team).folder
    assert moved.team_id == team
    assert isinstance(error_of(lambda: outsider.get_folder(folder_id=folder.id)), NotFound)


def test_deleting_a_non_empty_folder_is_refused_unless_told_what_to_do(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    parent = api.create_folder(name="Parent").folder
    doomed = api.create_folder(name="Doomed", parent_id=parent.id).folder
    sub = api.create_folder(name="Sub", parent_id=doomed.id).folder
    course = api.create_course(title="Inside", folder_id=doomed.id).course
    err = error_of(lambda: api.delete_folder(folder_id=doomed.id))
    assert isinstance(err, FailedPrecondition) and "1 course(s) and 1 subfolder(s)" in err.message
    assert isinstance(error_of(lambda: api.delete_folder(folder_id=doomed.id, target_folder_id=sub.id)),
                      InvalidArgument)
    result = api.delete_folder(folder_id=doomed.id, move_contents_to_parent=True)
    assert (result.moved_course_count, result.moved_folder_count, result.deleted_folder_count) == (1, 1, 1)
    assert api.get_course(course_id=course.id).course.folder_id == parent.id
    assert api.get_folder(folder_id=sub.id).folder.parent_id == parent.id
    assert isinstance(error_of(lambda: api.get_folder(folder_id=doomed.id)), NotFound)


def test_delete_contents_trashes_courses_and_removes_the_subtree(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    top = api.create_folder(name="Top").folder
    sub = api.create_folder(name="Sub", parent_id=top.id).folder
    a = api.create_course(title="a", folder_id=top.id).course
    b = api.create_course(title="b", folder_id=sub.id).course
    result = api.delete_folder(folder_id=top.id, delete_contents=True)
    assert (result.deleted_course_count, result.deleted_folder_count) == (2, 2)
    for course in (a, b):
        restored = api.restore_course(course_id=course.id).course
        assert restored.folder_id == ""  # the folder is gone: back to the root


def test_a_team_folders_courses_never_fall_into_the_company_library(container: Container, tenant: Tenant) -> None:
    """Emptied into its parent, a top-level team folder's courses land at the team library's root."""
    team = str(tenant.ids["team"])
    lead = CourseApi(container, tenant.lead)
    folder = lead.create_folder(name="Team top", team_id=team).folder
    course = lead.create_course(title="Team course", folder_id=folder.id).course
    result = lead.delete_folder(folder_id=folder.id, move_contents_to_parent=True)
    assert (result.moved_course_count, result.deleted_folder_count) == (1, 1)
    moved = lead.get_course(course_id=course.id).course
    assert (moved.folder_id, moved.team_id) == ("", team)
    outsider = CourseApi(container, tenant.outsider)
    assert isinstance(error_of(lambda: outsider.get_course(course_id=course.id)), NotFound)
    assert course.id not in [c.id for c in outsider.list_courses(folder_id="").courses]
    assert course.id in [c.id for c in lead.list_courses(folder_id="", team_id=team).courses]
    assert lead.duplicate_course(course_id=course.id).course.team_id == team  # beside its source


def test_a_team_course_keeps_its_team_through_trash_and_restore(container: Container, tenant: Tenant) -> None:
    """Its folder deleted with delete_contents, a team course restores to the team's root, not the company's."""
    team = str(tenant.ids["team"])
    lead = CourseApi(container, tenant.lead)
    folder = lead.create_folder(name="Doomed", team_id=team).folder
    sub = lead.create_folder(name="Doomed sub", parent_id=folder.id).folder
    kept = lead.create_course(title="Kept", folder_id=sub.id).course
    trashed_alone = lead.create_course(title="Alone", folder_id=folder.id).course
    lead.delete_course(course_id=trashed_alone.id)
    assert lead.delete_folder(folder_id=folder.id, delete_contents=True).deleted_course_count == 1
    outsider = CourseApi(container, tenant.outsider)
    for course in (kept, trashed_alone):
        restored = lead.restore_course(course_id=course.id).course
        assert (restored.folder_id, restored.team_id) == ("", team)
        assert isinstance(error_of(lambda c=course: outsider.get_course(course_id=c.id)), NotFound)
        lead.delete_course(course_id=course.id)
        lead.restore_course(course_id=course.id)
        assert lead.get_course(course_id=course.id).course.team_id == team


def test_a_course_follows_its_folder_into_another_library(container: Container, tenant: Tenant) -> None:
    team = str(tenant.ids["team"])
    owner, lead = CourseApi(container, tenant.owner), CourseApi(container, tenant.lead)
    folder = owner.create_folder(name="Wandering").folder
    course = owner.create_course(title="Wanderer", folder_id=folder.id).course
    owner.move_folder(folder_id=folder.id, team_id=team)
    assert lead.get_course(course_id=course.id).course.team_id == team
    assert isinstance(error_of(lambda: CourseApi(container, tenant.outsider).get_course(course_id=course.id)), NotFound)
    # UpdateCourse with folder_id "" is the company library's root (course.proto).
    moved = lead.update_course(course_id=course.id, folder_id="").course
    assert (moved.folder_id, moved.team_id) == ("", "")
    copy = lead.duplicate_course(course_id=course.id).course
    assert copy.team_id == ""


def test_moving_contents_into_another_folder(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    source = api.create_folder(name="Source").folder
    target = api.create_folder(name="Target").folder
    course = api.create_course(title="c", folder_id=source.id).course
    result = api.delete_folder(folder_id=source.id, target_folder_id=target.id)
    assert result.moved_course_count == 1
    assert api.get_course(course_id=course.id).course.folder_id == target.id


def test_only_the_creator_a_lead_or_an_admin_deletes_a_folder(container: Container, tenant: Tenant) -> None:
    folder = CourseApi(container, tenant.lead).create_folder(name="Lead's").folder
    err = error_of(lambda: CourseApi(container, tenant.outsider).delete_folder(folder_id=folder.id))
    assert isinstance(err, PermissionDenied)
    assert CourseApi(container, tenant.owner).delete_folder(folder_id=folder.id).deleted_folder_count == 1


def test_rename_checks_the_etag(container: Container, tenant: Tenant) -> None:
    api = CourseApi(container, tenant.lead)
    folder = api.create_folder(name="Old").folder
    renamed = api.update_folder(folder_id=folder.id, name="New", if_match=folder.etag).folder
    assert renamed.name == "New" and renamed.etag != folder.etag
    assert isinstance(error_of(lambda: api.update_folder(folder_id=folder.id, name="X", if_match=folder.etag)),
                      Conflict)
