"""The plans Mirai sells: what each includes, and its price from Stripe.

Limits are ours (the product's); prices are Stripe's, read through the configured price
ids (STRIPE_STARTER_PRICE_ID, STRIPE_PRO_PRICE_ID) so the pricing page and the checkout
can never disagree. Enterprise is sold by contract: listed, never checked out. A limit
of 0 means "no fixed limit" (set per contract).
"""

from __future__ import annotations

from dataclasses import dataclass

from common.config import StripeSettings
from common.gen.mirai.v1 import common_pb2 as common

GIB = 1024**3
ALL_EXPORTS = (common.EXPORT_FORMAT_SCORM_12, common.EXPORT_FORMAT_SCORM_2004, common.EXPORT_FORMAT_XAPI,
               common.EXPORT_FORMAT_CMI5, common.EXPORT_FORMAT_PDF)


@dataclass(frozen=True)
class PlanOffer:
    plan: int
    stored: str
    name: str
    description: str
    features: tuple[str, ...]
    min_seats: int
    limits: common.PlanLimits
    self_serve: bool
    recommended: bool


OFFERS: tuple[PlanOffer, ...] = (
    PlanOffer(
        plan=common.PLAN_STARTER, stored="starter", name="Starter",
        description="For a small team turning its first experts' knowledge into courses.",
        features=("AI outlines and lessons from your documents", "SCORM 1.2, SCORM 2004 and PDF export",
                  "Up to 10 subject-matter experts"),
        min_seats=1,
        limits=common.PlanLimits(max_seats=10, max_courses=50, monthly_generations=100, monthly_tokens=5_000_000,
                                 storage_bytes=10 * GIB, max_smes=10,
                                 export_formats=[common.EXPORT_FORMAT_SCORM_12, common.EXPORT_FORMAT_SCORM_2004,
                                                 common.EXPORT_FORMAT_PDF]),
        self_serve=True, recommended=False,
    ),
    PlanOffer(
        plan=common.PLAN_PRO, stored="pro", name="Pro",
        description="For learning teams shipping courses to every LMS.",
        features=("Everything in Starter", "xAPI and cmi5 export", "Team libraries and team-scoped experts",
                  "Higher AI allowances"),
        min_seats=3,
        limits=common.PlanLimits(max_seats=500, max_courses=1000, monthly_generations=1000, monthly_tokens=50_000_000,
                                 storage_bytes=200 * GIB, max_smes=200, export_formats=list(ALL_EXPORTS)),
        self_serve=True, recommended=True,
    ),
    PlanOffer(
        plan=common.PLAN_ENTERPRISE, stored="enterprise", name="Enterprise",
        description="For organisations with their own security, volume and support needs. Contact sales.",
        features=("Everything in Pro", "Limits set by contract", "Single sign-on", "A named support contact"),
        min_seats=25,
        limits=common.PlanLimits(export_formats=list(ALL_EXPORTS)),
        self_serve=False, recommended=False,
    ),
)


def offer(plan: int) -> PlanOffer | None:
    return next((o for o in OFFERS if o.plan == plan), None)


def price_id(plan_offer: PlanOffer, stripe: StripeSettings) -> str | None:
    """The Stripe price of a self-serve plan; None when it is not configured (or not sold online)."""
    return {"starter": stripe.starter_price_id, "pro": stripe.pro_price_id}.get(plan_offer.stored)
