"""Notifications: an index for the unread list, and singleton resources without an id.

ListNotifications(unread_only) and MarkAllNotificationsRead(before) walk the
caller's unread rows newest first; the partial index of 0005 had no sort key,
so it served only the count. The new one serves the count, the unread page and
the mark-all update, and replaces it.

NotificationService's ResourceRef has an empty id for singletons (company,
subscription), which 0005's check refused; an id still needs a type.

Revision ID: 0007_notification_reads
Revises: 0006_system_functions
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0008_notification_reads"
down_revision = "0007_ai_key_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "create index notifications_tenant_user_unread_created_idx"
        " on notifications (tenant_id, user_id, created_at desc, id desc) where read_at is null"
    )
    op.execute("drop index notifications_tenant_user_unread_idx")
    op.execute("alter table notifications drop constraint notifications_check")
    op.execute("""
    alter table notifications add constraint notifications_resource_check check (
      (resource_type is null and resource_id is null and resource_course_id is null)
      or (resource_type is not null and (resource_id is not null or resource_type in ('company', 'subscription')))
    )""")


def downgrade() -> None:
    # 0005 cannot express a singleton reference: keep the notification, drop its reference.
    op.execute("update notifications set resource_type = null, resource_course_id = null where resource_id is null")
    op.execute("alter table notifications drop constraint notifications_resource_check")
    op.execute(
        "alter table notifications add constraint notifications_check"
        " check ((resource_type is null) = (resource_id is null))"
    )
    op.execute("create index notifications_tenant_user_unread_idx on notifications (tenant_id, user_id) where read_at is null")
    op.execute("drop index notifications_tenant_user_unread_created_idx")
