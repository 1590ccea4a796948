"""The onboarding steps a user has completed or skipped (one row per user and step)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text

from common.repos.base import TenantRepository


@dataclass(frozen=True)
class StepState:
    step: str
    state: str
    """``completed`` or ``skipped``."""
    completed_at: datetime


class OnboardingSteps(TenantRepository):
    def of_user(self, user_id: uuid.UUID) -> dict[str, StepState]:
        rows = self._session.execute(
            text("select step, state, completed_at from onboarding_steps where user_id = :user"), {"user": user_id}
        )
        return {row.step: StepState(row.step, row.state, row.completed_at) for row in rows}

    def record(self, user_id: uuid.UUID, step: str, *, skipped: bool) -> None:
        """Idempotent: a repeat keeps the first time; doing a skipped step turns it completed,
        skipping a completed one changes nothing."""
        self._session.execute(
            text(
                "insert into onboarding_steps (tenant_id, user_id, step, state) values (:tenant, :user, :step, :state)"
                " on conflict (tenant_id, user_id, step) do update set state = 'completed', completed_at = now()"
                " where onboarding_steps.state = 'skipped' and excluded.state = 'completed'"
            ),
            {"tenant": self.tenant_id, "user": user_id, "step": step, "state": "skipped" if skipped else "completed"},
        )
