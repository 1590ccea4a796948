"""The SME area's rules without services: who may use and edit an SME, the field checks,
the landing's refusals and the text-search configuration of a language."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from common.errors import InvalidArgument
from common.repos.knowledge_chunks import search_config
from common.repos.smes import Sme
from common.storage_keys import UploadDestination
from functions.course.visibility import Viewer
from functions.sme import validation
from functions.sme.access import can_edit, can_use
from functions.sme.landing import _problem
from functions.uploads.landing import LandedUpload

ME, TEAM, OTHER = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def _sme(scope: str, teams: tuple[uuid.UUID, ...] = (), created_by: uuid.UUID | None = None) -> Sme:
    now = datetime.now(UTC)
    return Sme(id=uuid.uuid4(), tenant_id=uuid.uuid4(), name="S", description="", domain="", scope=scope,
               status="empty", knowledge_summary="", created_by=created_by, version=1, created_at=now,
               updated_at=now, team_ids=teams)


def _viewer(role: str = "member", **teams: str) -> Viewer:
    return Viewer(user_id=ME, role=role, teams={TEAM: teams["team"]} if "team" in teams else {})


@pytest.mark.parametrize(("viewer", "sme", "uses", "edits"), [
    (_viewer(), _sme("global"), True, False),
    (_viewer(), _sme("team", (TEAM,)), False, False),
    (_viewer(team="member"), _sme("team", (TEAM,), created_by=ME), True, False),
    (_viewer(team="lead"), _sme("team", (TEAM,), created_by=ME), True, True),
    (_viewer(team="lead"), _sme("team", (TEAM,), created_by=OTHER), True, False),
    (_viewer(team="lead"), _sme("team", (OTHER,), created_by=ME), False, False),
    (_viewer("admin"), _sme("team", (OTHER,)), True, True),
    (_viewer("owner"), _sme("global"), True, True),
])
def test_use_and_edit(viewer: Viewer, sme: Sme, uses: bool, edits: bool) -> None:
    assert (can_use(viewer, sme), can_edit(viewer, sme)) == (uses, edits)


@pytest.mark.parametrize(("content_type", "name"), [
    ("application/pdf", "Manual.PDF"), ("text/markdown", "notes.md"), ("text/html", "page.htm"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a.docx"),
    ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "deck.pptx"),
    ("text/plain", "readme.txt"),
])
def test_document_types_and_their_endings(content_type: str, name: str) -> None:
    assert validation.document_name(name, validation.content_type(content_type.upper())) == name


@pytest.mark.parametrize(("check", "field"), [
    (lambda: validation.content_type("image/png"), "content_type"),
    (lambda: validation.content_type("text/plain; charset=utf-8"), "content_type"),
    (lambda: validation.document_name("manual.pdf.exe", "application/pdf"), "file_name"),
    (lambda: validation.document_name("a/b.pdf", "application/pdf"), "file_name"),
    (lambda: validation.size_bytes(0, limit=10), "size_bytes"),
    (lambda: validation.size_bytes(11, limit=10), "size_bytes"),
    (lambda: validation.search_limit(-1), "limit"),
    (lambda: validation.min_score(-0.1), "min_score"),
    (lambda: validation.min_score(float("nan")), "min_score"),
    (lambda: validation.scope(3), "scope"),
])
def test_bad_fields_are_invalid_argument_naming_them(check: object, field: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        check()  # type: ignore[operator]
    assert caught.value.field == field


def test_search_limit_defaults_and_clamps() -> None:
    assert (validation.search_limit(0), validation.search_limit(7), validation.search_limit(500)) == (10, 7, 50)


@pytest.mark.parametrize(("language", "config"), [
    ("en", "english"), ("de-AT", "german"), ("PT-br", "portuguese"), ("", "simple"), ("ja", "simple"),
])
def test_a_language_tag_picks_its_text_search_configuration(language: str, config: str) -> None:
    assert search_config(language) == config


def _landed(size: int, content_type: str | None) -> LandedUpload:
    destination = UploadDestination("submission", uuid.uuid4(), uuid.uuid4(), "a.pdf")
    return LandedUpload(key="k", destination=destination, size=size, content_type=content_type, etag=None,
                        event_id="1")


@pytest.mark.parametrize(("size", "content_type", "refused"), [
    (10, "application/pdf", False), (10, "Application/PDF; x=1", False), (0, "application/pdf", True),
    (11, "application/pdf", True), (10, "text/html", True), (10, None, True),
])
def test_the_landing_accepts_only_what_the_url_allowed(size: int, content_type: str | None, refused: bool) -> None:
    problem = _problem(_landed(size, content_type), expected_type="application/pdf", limit=10)
    assert (problem is not None) == refused
