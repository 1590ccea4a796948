"""Event and webhook targets: what each consumes (CloudEvent types, schedule) and how it scales.

A target with ``event_types`` gets one Trigger per type on the broker; one with a
``schedule`` gets a PingSource (to the broker) and a Trigger on that PingSource's
ticks. Every Trigger dead-letters to ``DEAD_LETTER_TARGET``.
"""

from __future__ import annotations

from functions.registry import Scaling, Target

DEAD_LETTER_TARGET = "dead_letter"

# Webhooks verify and forward (one short HTTP call to the broker, no transaction).
_WEBHOOK_SCALING = Scaling(max_scale=5, concurrency_target=12, container_concurrency=16, timeout_seconds=30)
# Jobs talk to the database for most of their time; a few at a time per instance.
_JOB_SCALING = Scaling(max_scale=3, concurrency_target=5, container_concurrency=10, timeout_seconds=120)


# AI jobs: one provider call per event (an outline, a lesson, a component), up to a few
# minutes each; lessons of one course fan out over instances. Leases (LEASE_SECONDS in
# functions/ai_generation/job_runs.py) outlive this timeout.
_AI_JOB_SCALING = Scaling(max_scale=10, concurrency_target=4, container_concurrency=8, timeout_seconds=300)
_AI_SECRETS = ("database", "storage", "encryption")


def _job(name: str, *, secrets: tuple[str, ...] = ("database",), **fields: object) -> Target:
    return Target(
        name=name,
        kind="event",
        area="jobs",
        module=f"functions.jobs.{name}",
        attribute=name,
        secrets=secrets,
        **fields,  # type: ignore[arg-type]
    )


def _webhook(name: str, path: str, *, secret: str) -> Target:
    return Target(
        name=name,
        kind="webhook",
        area="webhooks",
        path=path,
        module=f"functions.webhooks.{name}",
        attribute=name,
        scaling=_WEBHOOK_SCALING,
        secrets=(secret,),
    )


JOB_TARGETS: tuple[Target, ...] = (
    _webhook("stripe_webhook", "/webhooks/stripe", secret="stripe_webhook"),
    _webhook("minio_webhook", "/webhooks/minio", secret="minio_webhook"),
    # S3 object-created notifications of browser uploads, checked by the area that awaits them.
    _job("accept_upload", event_types=("io.minio.object.created",), scaling=_JOB_SCALING,
         secrets=("database", "storage")),
    # Every minute as a safety net, and right after a commit via io.mirai.outbox.pending.
    # One instance is enough: rows are leased, so a second relay would only find nothing.
    _job(
        "outbox_relay",
        event_types=("io.mirai.outbox.pending",),
        schedule="* * * * *",
        scaling=Scaling(max_scale=1, concurrency_target=1, container_concurrency=1, timeout_seconds=60),
    ),
    _job("cleanup_expired_registrations", schedule="0 * * * *", scaling=_JOB_SCALING),
    # SME task deadlines: a reminder a day before, once per task (a guarded mark).
    _job("sme_task_reminders", schedule="*/15 * * * *", scaling=_JOB_SCALING),
    _job("record_checkout_paid", event_types=("com.stripe.checkout.session.completed",), scaling=_JOB_SCALING),
    # Stripe's subscription and invoice events, applied to the company in Stripe's order.
    _job("sync_subscription", event_types=(
        "com.stripe.customer.subscription.created", "com.stripe.customer.subscription.updated",
        "com.stripe.customer.subscription.deleted", "com.stripe.invoice.paid", "com.stripe.invoice.payment_failed",
    ), scaling=_JOB_SCALING, secrets=("database", "stripe_api")),
    # Kratos' admin API (KRATOS_ADMIN_URL, from the ConfigMap) and the database; one registration per event.
    _job("provision_registration", event_types=("io.mirai.registration.paid",), scaling=_JOB_SCALING),
    # Every minute: paid registrations no provisioning event reached.
    _job("provisioning_sweep", schedule="* * * * *",
         scaling=Scaling(max_scale=1, concurrency_target=1, container_concurrency=1, timeout_seconds=60)),
    _job("generate_outline", event_types=("io.mirai.generation.requested",), scaling=_AI_JOB_SCALING,
         secrets=_AI_SECRETS),
    _job("generate_lesson", event_types=("io.mirai.generation.lesson.requested",), secrets=_AI_SECRETS,
         scaling=Scaling(max_scale=20, concurrency_target=4, container_concurrency=8, timeout_seconds=300)),
    _job("regenerate_component", event_types=("io.mirai.generation.component.requested",), scaling=_AI_JOB_SCALING,
         secrets=_AI_SECRETS),
    # One document per event: extraction, a few AI calls (notes per batch of chunks, one summary).
    _job("ingest_submission", event_types=("io.mirai.ingestion.requested",), scaling=_AI_JOB_SCALING,
         secrets=_AI_SECRETS),
    # A few SMTP round trips per mail; the lease in functions/mail/delivery.py matches the timeout.
    _job("send_mail", event_types=("io.mirai.mail.requested",), secrets=("database", "smtp"),
         startup_adapters=("mailer",),
         scaling=Scaling(max_scale=3, concurrency_target=12, container_concurrency=16, timeout_seconds=60)),
    # Every minute: re-publishes generation work whose lease ended (a killed function).
    _job("generation_lease_sweep", schedule="* * * * *",
         scaling=Scaling(max_scale=1, concurrency_target=1, container_concurrency=1, timeout_seconds=60)),
    # One course file per event: reads the body, builds the package or PDF (CPU), uploads it.
    # The lease (functions/export/export_run.py LEASE_SECONDS) outlives the timeout.
    _job("export_course", event_types=("io.mirai.export.requested",), secrets=("database", "storage"),
         scaling=Scaling(max_scale=5, concurrency_target=2, container_concurrency=4, timeout_seconds=300)),
    # Every minute: re-publishes exports whose run died or whose event was lost.
    _job("export_sweep", schedule="* * * * *",
         scaling=Scaling(max_scale=1, concurrency_target=1, container_concurrency=1, timeout_seconds=60)),
    # Reached only as the dead-letter sink of every Trigger (and of the Broker).
    _job(DEAD_LETTER_TARGET, scaling=Scaling(max_scale=2, concurrency_target=12, container_concurrency=16, timeout_seconds=30)),
)
