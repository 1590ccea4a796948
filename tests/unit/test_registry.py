"""The registry derives exactly one target per RPC in the contracts."""

from __future__ import annotations

import pytest
from google.protobuf import descriptor_pool

from functions import registry


def _rpcs_in_contracts() -> set[str]:
    names = set()
    for area in registry.rpc_areas():
        for service in registry.pb2_module(area).DESCRIPTOR.services_by_name.values():
            names.update(f"/{service.full_name}/{m.name}" for m in service.methods)
    return names


def test_every_rpc_is_exactly_one_target() -> None:
    targets = registry.rpc_targets()
    paths = [t.path for t in targets]
    assert len(paths) == len(set(paths))
    assert set(paths) == _rpcs_in_contracts()
    assert len({t.name for t in targets}) == len(targets)


def test_target_names_follow_the_proto_names() -> None:
    target = registry.find("course_create_course")
    assert target.path == "/mirai.v1.CourseService/CreateCourse"
    assert target.module == "functions.course.create_course"
    assert registry.find("tenant_settings_get_ai_settings").path == "/mirai.v1.TenantSettingsService/GetAISettings"
    assert registry.find("ai_generation_generate_outline").service == "AIGenerationService"


def test_kubernetes_names_are_valid_dns_labels() -> None:
    for target in registry.all_targets():
        name = target.k8s_name
        assert len(name) <= 63 and name.replace("-", "").isalnum() and name[0].isalpha(), name


def test_read_only_rpcs_are_marked_side_effect_free() -> None:
    read_only = {t.method for t in registry.rpc_targets() if t.read_only}
    assert {"Check", "GetCourse", "ListCourses"} <= read_only
    assert "CreateCourse" not in read_only
    # Every Get*/List* RPC may be called with GET by Connect clients.
    for target in registry.rpc_targets():
        if target.method and target.method.startswith(("Get", "List")) and "Url" not in target.method:
            assert target.read_only, target.method


def test_unknown_target_is_a_clear_lookup_error() -> None:
    with pytest.raises(LookupError, match="course_no_such_method"):
        registry.find("course_no_such_method")


def test_generated_descriptors_are_in_the_default_pool() -> None:
    registry.pb2_module("health")
    assert descriptor_pool.Default().FindServiceByName("mirai.v1.HealthService").methods_by_name["Check"]
