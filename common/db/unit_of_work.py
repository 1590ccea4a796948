"""The unit of work: one transaction and the repositories that use it.

Repositories only flush; the owning context manager (``Database.tenant_session``
/ ``system_session``) commits or rolls back. Each repository is built on first
use, so a handler pays only for the ones it touches.
"""

from __future__ import annotations

import uuid
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from common.repos.companies import Companies
    from common.repos.course_content import CourseStructure, CourseVersions
    from common.repos.courses import Courses
    from common.repos.exports import Exports
    from common.repos.folders import Folders
    from common.repos.generated_lessons import GeneratedLessons
    from common.repos.generation_jobs import GenerationJobs
    from common.repos.identities import Identities
    from common.repos.knowledge_chunks import KnowledgeChunks
    from common.repos.lesson_components import LessonComponents
    from common.repos.notifications import Notifications
    from common.repos.onboarding_steps import OnboardingSteps
    from common.repos.outbox import Outbox, ProcessedEvents, SystemOutbox
    from common.repos.outlines import Outlines
    from common.repos.registrations import Registrations
    from common.repos.seats import Seats
    from common.repos.sent_mails import SentMails
    from common.repos.sme_submissions import SmeSubmissions
    from common.repos.sme_tasks import SmeTasks
    from common.repos.smes import Smes
    from common.repos.submission_ingestions import SubmissionIngestions
    from common.repos.subscription_states import SubscriptionStates
    from common.repos.target_audiences import TargetAudiences
    from common.repos.teams import Teams
    from common.repos.tenant_ai_settings import SealedAIKeys, TenantAISettings
    from common.repos.tenant_stats import TenantStats
    from common.repos.tenants import Tenants
    from common.repos.user_summaries import UserSummaries
    from common.repos.users import Users


class UnitOfWork:
    def __init__(self, session: Session, *, tenant_id: uuid.UUID | None) -> None:
        self.session = session
        self.tenant_id = tenant_id

    # --- tenant data (RLS-scoped to tenant_id) ---------------------------------
    @cached_property
    def tenants(self) -> Tenants:
        from common.repos.tenants import Tenants

        return Tenants(self.session, self.tenant_id)

    @cached_property
    def companies(self) -> Companies:
        from common.repos.companies import Companies

        return Companies(self.session, self.tenant_id)

    @cached_property
    def users(self) -> Users:
        from common.repos.users import Users

        return Users(self.session, self.tenant_id)

    @cached_property
    def teams(self) -> Teams:
        from common.repos.teams import Teams

        return Teams(self.session, self.tenant_id)

    @cached_property
    def tenant_stats(self) -> TenantStats:
        from common.repos.tenant_stats import TenantStats

        return TenantStats(self.session, self.tenant_id)

    @cached_property
    def seats(self) -> Seats:
        from common.repos.seats import Seats

        return Seats(self.session, self.tenant_id)

    @cached_property
    def folders(self) -> Folders:
        from common.repos.folders import Folders

        return Folders(self.session, self.tenant_id)

    @cached_property
    def courses(self) -> Courses:
        from common.repos.courses import Courses

        return Courses(self.session, self.tenant_id)

    @cached_property
    def outbox(self) -> Outbox:
        """Events committed with this transaction's changes; call ``relay_nudge()`` after commit."""
        from common.repos.outbox import Outbox

        return Outbox(self.session, self.tenant_id)

    @cached_property
    def target_audiences(self) -> TargetAudiences:
        from common.repos.target_audiences import TargetAudiences

        return TargetAudiences(self.session, self.tenant_id)

    @cached_property
    def notifications(self) -> Notifications:
        from common.repos.notifications import Notifications

        return Notifications(self.session, self.tenant_id)

    @cached_property
    def sent_mails(self) -> SentMails:
        from common.repos.sent_mails import SentMails

        return SentMails(self.session, self.tenant_id)

    @cached_property
    def onboarding_steps(self) -> OnboardingSteps:
        from common.repos.onboarding_steps import OnboardingSteps

        return OnboardingSteps(self.session, self.tenant_id)

    @cached_property
    def user_summaries(self) -> UserSummaries:
        from common.repos.user_summaries import UserSummaries

        return UserSummaries(self.session, self.tenant_id)

    @cached_property
    def generation_jobs(self) -> GenerationJobs:
        """Tenant rows, plus the lease claim and sweep (SECURITY DEFINER functions; any session)."""
        from common.repos.generation_jobs import GenerationJobs

        return GenerationJobs(self.session, self.tenant_id)

    @cached_property
    def exports(self) -> Exports:
        """Tenant rows, plus the sweep's look-up (a SECURITY DEFINER function; any session)."""
        from common.repos.exports import Exports

        return Exports(self.session, self.tenant_id)

    @cached_property
    def generated_lessons(self) -> GeneratedLessons:
        from common.repos.generated_lessons import GeneratedLessons

        return GeneratedLessons(self.session, self.tenant_id)

    @cached_property
    def lesson_components(self) -> LessonComponents:
        from common.repos.lesson_components import LessonComponents

        return LessonComponents(self.session, self.tenant_id)

    @cached_property
    def outlines(self) -> Outlines:
        from common.repos.outlines import Outlines

        return Outlines(self.session, self.tenant_id)

    @cached_property
    def knowledge_chunks(self) -> KnowledgeChunks:
        from common.repos.knowledge_chunks import KnowledgeChunks

        return KnowledgeChunks(self.session, self.tenant_id)

    @cached_property
    def smes(self) -> Smes:
        from common.repos.smes import Smes

        return Smes(self.session, self.tenant_id)

    @cached_property
    def sme_tasks(self) -> SmeTasks:
        from common.repos.sme_tasks import SmeTasks

        return SmeTasks(self.session, self.tenant_id)

    @cached_property
    def sme_submissions(self) -> SmeSubmissions:
        from common.repos.sme_submissions import SmeSubmissions

        return SmeSubmissions(self.session, self.tenant_id)

    @cached_property
    def submission_ingestions(self) -> SubmissionIngestions:
        from common.repos.submission_ingestions import SubmissionIngestions

        return SubmissionIngestions(self.session, self.tenant_id)

    @cached_property
    def course_structure(self) -> CourseStructure:
        from common.repos.course_content import CourseStructure

        return CourseStructure(self.session, self.tenant_id)

    @cached_property
    def course_versions(self) -> CourseVersions:
        from common.repos.course_content import CourseVersions

        return CourseVersions(self.session, self.tenant_id)

    def as_tenant(self, tenant_id: uuid.UUID) -> UnitOfWork:
        """The same transaction, from here on scoped to ``tenant_id``: for system work that
        found its tenant and must write that tenant's rows atomically with its own."""
        self.session.execute(text("select set_config('app.tenant_id', :tenant, true)"), {"tenant": str(tenant_id)})
        return UnitOfWork(self.session, tenant_id=tenant_id)

    # --- system paths (SECURITY DEFINER functions; any session) -----------------
    @cached_property
    def subscription_states(self) -> SubscriptionStates:
        from common.repos.subscription_states import SubscriptionStates

        return SubscriptionStates(self.session)

    @cached_property
    def system_outbox(self) -> SystemOutbox:
        from common.repos.outbox import SystemOutbox

        return SystemOutbox(self.session)

    @cached_property
    def processed_events(self) -> ProcessedEvents:
        from common.repos.outbox import ProcessedEvents

        return ProcessedEvents(self.session)

    @cached_property
    def ai_settings(self) -> TenantAISettings:
        from common.repos.tenant_ai_settings import TenantAISettings

        return TenantAISettings(self.session, self.tenant_id)

    # --- system paths (SECURITY DEFINER functions; any session) -----------------
    @cached_property
    def sealed_ai_keys(self) -> SealedAIKeys:
        from common.repos.tenant_ai_settings import SealedAIKeys

        return SealedAIKeys(self.session)

    @cached_property
    def identities(self) -> Identities:
        from common.repos.identities import Identities

        return Identities(self.session)

    @cached_property
    def registrations(self) -> Registrations:
        from common.repos.registrations import Registrations

        return Registrations(self.session)
