from __future__ import annotations

import uuid

import pytest

from common import storage_keys
from common.errors import InvalidArgument

TENANT = uuid.UUID("11111111-2222-3333-4444-555555555555")
ITEM = uuid.UUID("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
T, ID = str(TENANT), str(ITEM)


def test_keys_follow_the_architecture_layout_under_the_tenant() -> None:
    assert storage_keys.course_content(TENANT, ITEM) == f"{T}/courses/{ID}/content.json"
    assert storage_keys.course_version(TENANT, ITEM, 12) == f"{T}/courses/{ID}/versions/12.json"
    assert storage_keys.sme_knowledge(TENANT, ITEM) == f"{T}/sme/{ID}/knowledge.json"
    assert storage_keys.sme_file(TENANT, ITEM, "handbook.pdf") == f"{T}/sme/{ID}/files/handbook.pdf"
    assert storage_keys.lesson_content(TENANT, ITEM) == f"{T}/lessons/{ID}/content.json"
    assert storage_keys.lesson_file(TENANT, ITEM, "hero.png") == f"{T}/lessons/{ID}/hero.png"
    assert storage_keys.export_archive(TENANT, ITEM) == f"{T}/exports/{ID}.zip"
    assert storage_keys.submission_file(TENANT, ITEM, "a b.txt") == f"{T}/submissions/{ID}/files/a b.txt"
    assert storage_keys.course_prefix(TENANT, ITEM) == f"{T}/courses/{ID}/"
    assert storage_keys.tenant_prefix(TENANT) == f"{T}/"


def test_ids_given_as_text_are_canonicalised() -> None:
    assert storage_keys.course_content(T, ID.upper()) == storage_keys.course_content(TENANT, ITEM)


@pytest.mark.parametrize("bad", ["", "x", "../" + T, T + "/..", T[:-1] + "/", "*", f"{{{T[:34]}}}", None, 7])
def test_ids_that_are_not_uuids_are_refused_naming_the_field(bad: object) -> None:
    with pytest.raises(InvalidArgument) as raised:
        storage_keys.course_content(TENANT, bad)  # type: ignore[arg-type]
    assert raised.value.field == "course_id"
    with pytest.raises(InvalidArgument) as raised:
        storage_keys.export_archive(bad, ITEM)  # type: ignore[arg-type]
    assert raised.value.field == "tenant_id"


@pytest.mark.parametrize(
    "name",
    ["", ".", "..", "../x", "a/../../b", "a/b", "a\\b", "..\\x", " lead", "trail ", "nul\x00", "tab\there",
     "rtl\u202etxt.exe", "x" * 256, "é" * 128],
)
def test_file_names_that_could_escape_or_mislead_are_refused(name: str) -> None:
    with pytest.raises(InvalidArgument) as raised:
        storage_keys.submission_file(TENANT, ITEM, name)
    assert raised.value.field == "file_name"


def test_file_names_up_to_the_limit_are_kept_verbatim() -> None:
    for name in ("x" * 255, "résumé (final).pdf", ".profile", "日本語.txt"):
        assert storage_keys.submission_file(TENANT, ITEM, name).endswith("/files/" + name)


@pytest.mark.parametrize("version", [0, -1, True, 1.5, "2"])
def test_version_numbers_must_be_positive_integers(version: object) -> None:
    with pytest.raises(InvalidArgument) as raised:
        storage_keys.course_version(TENANT, ITEM, version)  # type: ignore[arg-type]
    assert raised.value.field == "version_no"


def test_tenant_of_accepts_built_keys_and_refuses_others() -> None:
    assert storage_keys.tenant_of(storage_keys.course_content(TENANT, ITEM)) == T
    assert storage_keys.tenant_of(storage_keys.tenant_prefix(TENANT)) == T
    for bad in ("", T, ID.upper() + "/x", f"{T}/../{ID}/x", f"{T}//x", f"{T}/./x", f"/{T}/x", f"data/{T}/x"):
        with pytest.raises(InvalidArgument):
            storage_keys.tenant_of(bad)


def test_upload_destinations_are_parsed_only_from_keys_built_here() -> None:
    import uuid

    from common.storage_keys import company_logo, submission_file, upload_destination, user_avatar

    tenant, owner = uuid.uuid4(), uuid.uuid4()
    avatar = upload_destination(user_avatar(tenant, owner))
    assert avatar is not None and (avatar.kind, avatar.tenant_id, avatar.owner_id) == ("avatar", tenant, owner)
    logo = upload_destination(company_logo(tenant))
    assert logo is not None and (logo.kind, logo.owner_id) == ("logo", None)
    file = upload_destination(submission_file(tenant, owner, "Handbook.pdf"))
    assert file is not None and (file.kind, file.owner_id, file.file_name) == ("submission", owner, "Handbook.pdf")
    for foreign in (f"{tenant}/users/{owner}/avatar/x", f"{tenant}/users/{str(owner).upper()}/avatar",
                    f"{tenant}/submissions/{owner}/files/..", f"{tenant}/courses/{owner}/content.json",
                    "not-a-tenant/company/logo", f"{tenant}/company/logo/"):
        assert upload_destination(foreign) is None, foreign
