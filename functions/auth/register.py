"""AuthService.Register: a pending registration (24 h) and its Stripe checkout. Public.

The account is made only once Stripe says the checkout is paid (the provisioning job).
Outside calls (hashing aside, which is CPU only) happen between transactions, never in
one: look up → hash → record → open the checkout → attach it. A crash between recording
and attaching is repaired by the next Register of the same email, and the checkout's
idempotency key (the registration id) makes Stripe answer the same session again.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from common.adapters.payments import CheckoutSession, NewCheckout, Payments
from common.errors import AlreadyExists, Conflict, FailedPrecondition, InvalidArgument
from common.gen.mirai.v1 import auth_pb2 as pb
from common.gen.mirai.v1 import common_pb2 as common
from common.repos.registrations import PendingRegistration
from common.rpc.context import Call
from functions.auth import passwords, plans
from functions.auth.list_plans import INTERVALS
from functions.auth.registration_form import RegistrationForm, registration_form
from functions.enum_names import stored_name
from functions.user.messages import timestamp

# Stripe accepts a checkout expiry between 30 minutes and 24 hours from now.
MIN_CHECKOUT_LIFETIME = timedelta(minutes=31)


def register(request: pb.RegisterRequest, call: Call) -> pb.RegisterResponse:
    form = registration_form(request)
    settings = call.container.settings
    price_id = plans.price_id(form.offer, settings.stripe)
    if not settings.stripe.secret_key or not price_id:
        raise FailedPrecondition(f"plan: {form.offer.name} cannot be bought online here (payments are not configured)")
    if not settings.frontend_url:
        raise FailedPrecondition("registration is not available here (FRONTEND_URL is not configured)")
    price = call.container.payments.price(price_id)
    if price.interval != INTERVALS[form.billing_interval]:
        raise InvalidArgument(f"{form.offer.name} is billed per {price.interval}", field="billing_interval")

    pending = _pending_registration(call, form)
    checkout = _checkout_of(call, pending, price_id=price_id, frontend_url=settings.frontend_url)
    return pb.RegisterResponse(registration_id=str(pending.id), checkout_url=checkout.url,
                               expires_at=timestamp(pending.expires_at))


def _pending_registration(call: Call, form: RegistrationForm) -> PendingRegistration:
    """This email's live pending registration, recorded now if it has none."""
    db = call.container.db
    with db.system_session() as uow:
        if uow.registrations.email_has_account(form.email):
            raise AlreadyExists("an account already exists for this address; sign in, or reset your password "
                                "from the sign-in page", field="email")
        pending: PendingRegistration | None = uow.registrations.pending_for(form.email)
    if pending is not None:
        return pending
    password_hash = passwords.hash_for_identity_import(form.password)
    try:
        with db.system_session() as uow:
            registration_id = uow.registrations.create(
                email=form.email, password_hash=password_hash, first_name=form.first_name, last_name=form.last_name,
                company_name=form.company_name, plan=form.offer.stored, seat_count=form.seat_count,
                billing_interval=stored_name(common.BillingInterval.DESCRIPTOR, form.billing_interval) or "monthly",
                industry=form.industry, company_size=form.company_size, locale=form.locale,
            )
            created: PendingRegistration | None = uow.registrations.get(registration_id)
    except Conflict:
        # The same address signed up at the same moment: both get that one registration.
        with db.system_session() as uow:
            created = uow.registrations.pending_for(form.email)
    if created is None:
        raise FailedPrecondition("the registration for this address has just ended; register again", field="email")
    return created


def _checkout_of(call: Call, pending: PendingRegistration, *, price_id: str, frontend_url: str) -> CheckoutSession:
    payments: Payments = call.container.payments
    if pending.stripe_checkout_session_id:
        return payments.checkout_session(pending.stripe_checkout_session_id)
    reference = str(pending.id)
    base = frontend_url.rstrip("/")
    session = payments.create_checkout(NewCheckout(
        reference=reference, email=pending.email, price_id=price_id, quantity=pending.seat_count,
        success_url=f"{base}/register/success?registration_id={quote(reference)}&session_id={{CHECKOUT_SESSION_ID}}",
        cancel_url=f"{base}/register?registration_id={quote(reference)}&canceled=1",
        expires_at=max(pending.expires_at, datetime.now(UTC) + MIN_CHECKOUT_LIFETIME),
        idempotency_key=f"registration-{reference}",
    ))
    with call.container.db.system_session() as uow:
        uow.registrations.attach_checkout(pending.id, session.id)
    return session
