"""AuthService.ListPlans: the plans of the pricing page, priced by Stripe. Public."""

from __future__ import annotations

import re

from common.adapters.payments import Price
from common.errors import InvalidArgument
from common.gen.mirai.v1 import auth_pb2 as pb
from common.gen.mirai.v1 import common_pb2 as common
from common.rpc.context import Call
from functions.auth import plans
from functions.inputs import enum_value

_CURRENCY = re.compile(r"[A-Za-z]{3}")
INTERVALS: dict[int, str] = {common.BILLING_INTERVAL_MONTHLY: "month", common.BILLING_INTERVAL_YEARLY: "year"}


def list_plans(request: pb.ListPlansRequest, call: Call) -> pb.ListPlansResponse:
    interval = enum_value(request.billing_interval, common.BillingInterval.DESCRIPTOR, field="billing_interval",
                          allow_unspecified=True) or common.BILLING_INTERVAL_MONTHLY
    currency = request.currency_code.strip().upper()
    if request.currency_code and not _CURRENCY.fullmatch(currency):
        raise InvalidArgument("must be an ISO 4217 code such as 'EUR'", field="currency_code")
    prices = plan_prices(call)
    billed = {price.interval for price in prices.values()}
    if prices and INTERVALS[interval] not in billed:
        raise InvalidArgument(f"plans are billed per {' or '.join(sorted(billed))}", field="billing_interval")
    if currency and prices and currency not in {price.currency for price in prices.values()}:
        found = ", ".join(sorted({price.currency for price in prices.values()}))
        raise InvalidArgument(f"prices are in {found}", field="currency_code")
    details = []
    for offer in plans.OFFERS:
        price = prices.get(offer.plan)
        priced = price is not None and price.interval == INTERVALS[interval]
        details.append(common.PlanDetails(
            plan=common.Plan.ValueType(offer.plan), name=offer.name, description=offer.description,
            price_per_seat=common.Money(currency_code=price.currency, amount_minor=price.unit_amount) if priced and price else None,
            billing_interval=common.BillingInterval.ValueType(interval), features=list(offer.features),
            min_seats=offer.min_seats, limits=offer.limits, self_serve=offer.self_serve and priced,
            recommended=offer.recommended,
        ))
    return pb.ListPlansResponse(plans=details)


def plan_prices(call: Call) -> dict[int, Price]:
    """Each self-serve plan's Stripe price; none where payments are not configured (a local runner)."""
    stripe = call.container.settings.stripe
    if not stripe.secret_key:
        return {}
    found = {}
    for offer in plans.OFFERS:
        price_id = plans.price_id(offer, stripe)
        if price_id:
            found[offer.plan] = call.container.payments.price(price_id)
    return found
