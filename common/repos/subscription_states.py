"""The company's copy of its Stripe subscription: system writes found by Stripe ids
(SECURITY DEFINER functions of migration 0011), applied only when newer than the last."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session


class SubscriptionStates:
    def __init__(self, session: Session) -> None:
        self._session = session

    def apply_subscription(self, state: Any, *, event_at: datetime) -> uuid.UUID | None:
        """The tenant whose company changed; None when the event is older than its state, or no company has it."""
        tenant: uuid.UUID | None = self._session.execute(
            text("select mirai_apply_subscription_state(:subscription, :customer, :status, :plan, :seats, :interval,"
                 " :period_start, :period_end, :cancel_at_period_end, :canceled_at, :trial_end, :event_at)"),
            {"subscription": state.subscription_id, "customer": state.customer_id, "status": state.status,
             "plan": state.plan, "seats": state.seats, "interval": state.interval, "period_start": state.period_start,
             "period_end": state.period_end, "cancel_at_period_end": state.cancel_at_period_end,
             "canceled_at": state.canceled_at, "trial_end": state.trial_end, "event_at": event_at},
        ).scalar_one_or_none()
        return tenant

    def apply_invoice(self, outcome: Any, *, event_at: datetime) -> uuid.UUID | None:
        tenant: uuid.UUID | None = self._session.execute(
            text("select mirai_apply_invoice_outcome(:subscription, :customer, :paid, :period_end, :event_at)"),
            {"subscription": outcome.subscription_id, "customer": outcome.customer_id, "paid": outcome.paid,
             "period_end": outcome.period_end, "event_at": event_at},
        ).scalar_one_or_none()
        return tenant
