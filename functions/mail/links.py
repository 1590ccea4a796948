"""The frontend addresses a mail points at, built when it is sent (FRONTEND_URL may move;
the event keeps only the invitation token, never a whole link)."""

from __future__ import annotations

from urllib.parse import quote

from functions.mail.messages import MailRequest

LOGIN_PATH = "/auth/login"
ACCEPT_INVITE_PATH = "/auth/accept-invite"
BILLING_PATH = "/settings"
SME_TASK_PATH = "/sme/tasks/"


def links_for(request: MailRequest, frontend_url: str) -> dict[str, str]:
    base = frontend_url.rstrip("/")
    if request.template == "welcome":
        return {"login_url": base + LOGIN_PATH}
    if request.template == "invitation":
        return {"accept_url": f"{base}{ACCEPT_INVITE_PATH}?token={quote(request.variables['invite_token'], safe='')}"}
    if request.template in ("sme_task_assigned", "sme_task_due_soon"):
        return {"task_url": base + SME_TASK_PATH + quote(request.variables["task_id"], safe="")}
    return {"billing_url": base + BILLING_PATH}
