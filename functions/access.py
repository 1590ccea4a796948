"""Which company role each RPC needs, as the contracts' comments say.

``PUBLIC`` RPCs skip authentication (their capability is in the request, or they
serve anonymous pages). For the rest, the role here is the minimum; finer rules
(creator, team lead, "users who can see it") are the area's business and are
checked in its handlers. tests/unit/test_access.py fails when an RPC is missing
here or listed without existing.
"""

from __future__ import annotations

from typing import Final, Literal

Access = Literal["public", "member", "admin", "owner"]

PUBLIC: Final = "public"
MEMBER: Final = "member"
ADMIN: Final = "admin"
OWNER: Final = "owner"

ACCESS: Final[dict[str, Access]] = {
    # auth
    "AuthService.Register": PUBLIC,
    "AuthService.GetRegistrationStatus": PUBLIC,
    "AuthService.AcceptInvitation": PUBLIC,
    "AuthService.ListPlans": PUBLIC,
    "AuthService.GetOnboardingStatus": MEMBER,
    "AuthService.CompleteOnboardingStep": MEMBER,
    "AuthService.Whoami": MEMBER,
    # health
    "HealthService.Check": PUBLIC,
    # invitations
    "InvitationService.ValidateInvitation": PUBLIC,
    "InvitationService.CreateInvitation": ADMIN,
    "InvitationService.GetInvitation": ADMIN,
    "InvitationService.ListInvitations": ADMIN,
    "InvitationService.ResendInvitation": ADMIN,
    "InvitationService.RevokeInvitation": ADMIN,
    # billing
    "BillingService.GetSubscription": ADMIN,
    "BillingService.GetUsage": ADMIN,
    "BillingService.CreateCheckoutSession": OWNER,
    "BillingService.CreatePortalSession": OWNER,
    "BillingService.UpdateSeatCount": OWNER,
    # company and tenant
    "CompanyService.GetCompany": MEMBER,
    "CompanyService.UpdateCompany": ADMIN,
    "CompanyService.CreateLogoUploadUrl": ADMIN,
    "CompanyService.GetSeatUsage": ADMIN,
    "TenantService.GetTenant": MEMBER,
    "TenantService.GetTenantStats": ADMIN,
    "TenantSettingsService.GetAISettings": ADMIN,
    "TenantSettingsService.UpdateAISettings": ADMIN,
    "TenantSettingsService.DeleteAIKey": ADMIN,
    "TenantSettingsService.ListAvailableModels": ADMIN,
    # users
    "UserService.GetProfile": MEMBER,
    "UserService.UpdateProfile": MEMBER,
    "UserService.CreateAvatarUploadUrl": MEMBER,
    "UserService.GetUser": MEMBER,
    "UserService.ListUsers": MEMBER,
    "UserService.UpgradePlan": OWNER,
    "UserService.DisableUser": ADMIN,
    "UserService.EnableUser": ADMIN,
    "UserService.ChangeUserRole": OWNER,
    # teams (team leads are members; the handlers let leads through where the contract says so)
    "TeamService.CreateTeam": ADMIN,
    "TeamService.DeleteTeam": ADMIN,
    "TeamService.GetTeam": MEMBER,
    "TeamService.ListTeams": MEMBER,
    "TeamService.UpdateTeam": MEMBER,
    "TeamService.ListTeamMembers": MEMBER,
    "TeamService.AddTeamMember": MEMBER,
    "TeamService.RemoveTeamMember": MEMBER,
    "TeamService.ChangeTeamMemberRole": MEMBER,
    "TeamService.ListTeamFolders": MEMBER,
    # notifications
    "NotificationService.ListNotifications": MEMBER,
    "NotificationService.GetUnreadCount": MEMBER,
    "NotificationService.MarkNotificationRead": MEMBER,
    "NotificationService.MarkAllNotificationsRead": MEMBER,
    # target audiences
    "TargetAudienceService.CreateTargetAudience": MEMBER,
    "TargetAudienceService.GetTargetAudience": MEMBER,
    "TargetAudienceService.ListTargetAudiences": MEMBER,
    "TargetAudienceService.UpdateTargetAudience": MEMBER,
    "TargetAudienceService.DeleteTargetAudience": MEMBER,
    # SMEs (leads may create/grant for their teams: checked in the handlers)
    "SMEService.CreateSME": MEMBER,
    "SMEService.GetSME": MEMBER,
    "SMEService.ListSmes": MEMBER,
    "SMEService.UpdateSME": MEMBER,
    "SMEService.DeleteSME": ADMIN,
    "SMEService.GrantTeamAccess": MEMBER,
    "SMEService.RevokeTeamAccess": ADMIN,
    "SMEService.CreateTask": MEMBER,
    "SMEService.GetTask": MEMBER,
    "SMEService.ListTasks": MEMBER,
    "SMEService.UpdateTask": MEMBER,
    "SMEService.CompleteTask": MEMBER,
    "SMEService.CancelTask": MEMBER,
    "SMEService.CreateUploadUrl": MEMBER,
    "SMEService.ListSubmissions": MEMBER,
    "SMEService.GetSubmission": MEMBER,
    "SMEService.GetSubmissionDownloadUrl": MEMBER,
    "SMEService.ReprocessSubmission": MEMBER,
    "SMEService.DeleteSubmission": MEMBER,
    "SMEService.ListKnowledgeChunks": MEMBER,
    "SMEService.SearchKnowledge": MEMBER,
    # AI generation
    "AIGenerationService.GenerateOutline": MEMBER,
    "AIGenerationService.GetOutline": MEMBER,
    "AIGenerationService.ListOutlines": MEMBER,
    "AIGenerationService.UpdateOutline": MEMBER,
    "AIGenerationService.ApproveOutline": MEMBER,
    "AIGenerationService.RejectOutline": MEMBER,
    "AIGenerationService.GenerateLessons": MEMBER,
    "AIGenerationService.RegenerateComponent": MEMBER,
    "AIGenerationService.GetJob": MEMBER,
    "AIGenerationService.ListJobs": MEMBER,
    "AIGenerationService.CancelJob": MEMBER,
    # courses (editors, creators and leads are decided per course in the handlers)
    **{
        f"CourseService.{method}": MEMBER
        for method in (
            "CreateCourse", "GetCourse", "UpdateCourse", "DeleteCourse", "RestoreCourse", "DuplicateCourse",
            "ListCourses", "CountCoursesByFolder", "ListCourseTags", "GetCourseContent", "SaveCourseContent",
            "GetLesson", "CreateFolder", "GetFolder", "ListFolders", "UpdateFolder", "MoveFolder", "DeleteFolder",
            "CreateModule", "UpdateModule", "DeleteModule", "ReorderModules", "CreateLesson", "UpdateLesson",
            "DeleteLesson", "ReorderLessons", "MoveLesson", "ListCourseVersions", "GetCourseVersion",
            "RestoreCourseVersion", "ExportCourse", "GetExport", "ListExports", "GetExportDownloadUrl",
        )
    },
}


def access_for(service: str, method: str) -> Access:
    """The access of one RPC. An RPC missing from the table cannot be served (fail closed)."""
    try:
        return ACCESS[f"{service}.{method}"]
    except KeyError:
        raise LookupError(f"{service}.{method} has no entry in functions/access.py") from None
