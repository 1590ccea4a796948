"""The access table names every RPC of the contracts exactly once, and nothing else."""

from __future__ import annotations

import pytest

from functions import registry
from functions.access import ACCESS, PUBLIC, access_for


def test_the_access_table_covers_exactly_the_rpcs_in_the_registry() -> None:
    rpcs = {f"{t.service}.{t.method}" for t in registry.rpc_targets()}
    assert set(ACCESS) == rpcs


def test_only_the_anonymous_entry_points_are_public() -> None:
    assert {name for name, access in ACCESS.items() if access == PUBLIC} == {
        "AuthService.Register", "AuthService.GetRegistrationStatus", "AuthService.AcceptInvitation",
        "InvitationService.ValidateInvitation", "AuthService.ListPlans", "HealthService.Check",
    }


@pytest.mark.parametrize(
    ("rpc", "role"),
    [
        ("BillingService.UpdateSeatCount", "owner"),
        ("UserService.ChangeUserRole", "owner"),
        ("UserService.DisableUser", "admin"),
        ("InvitationService.CreateInvitation", "admin"),
        ("TenantSettingsService.UpdateAISettings", "admin"),
        ("CourseService.CreateCourse", "member"),
    ],
)
def test_roles_follow_the_contract_comments(rpc: str, role: str) -> None:
    assert access_for(*rpc.split(".")) == role


def test_an_rpc_missing_from_the_table_cannot_be_served() -> None:
    with pytest.raises(LookupError):
        access_for("CourseService", "DropEverything")
