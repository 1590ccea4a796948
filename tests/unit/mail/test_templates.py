"""Mail templates: every template writes both parts, HTML escapes what it shows and
plain text does not, the locale picks a template set and falls back to English."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from functions.mail.delivery import render
from functions.mail.messages import TEMPLATE_NAMES, MailRequest, Recipient
from functions.mail.templates import TEMPLATES_DIR, MailTemplates, TemplateError, locale_candidates

FRONTEND = "https://app.example.com"
TOKEN = "tok_0123456789abcdefXYZ"
VARIABLES = {
    "welcome": {"recipient_name": "Ada", "company_name": "Acme"},
    "invitation": {"inviter_name": "Grace Hopper", "company_name": "Acme", "invite_token": TOKEN, "note": "See you!"},
    "payment_failed": {"recipient_name": "Ada", "company_name": "Acme", "amount_due": "49.00 EUR"},
    "sme_task_assigned": {"recipient_name": "Ada", "assigner_name": "Grace", "sme_name": "Safety",
                          "task_title": "Acme crane manuals", "task_id": "6f1c0f5e-7f1a-4b8e-9d61-3c2f9f0e8a11",
                          "due_date": "2026-12-24 12:00 UTC"},
    "sme_task_due_soon": {"recipient_name": "Ada", "sme_name": "Safety", "task_title": "Acme crane manuals",
                          "task_id": "6f1c0f5e-7f1a-4b8e-9d61-3c2f9f0e8a11", "due_date": "2026-12-24 12:00 UTC"},
}


def _request(template: str, locale: str = "en", **variables: str) -> MailRequest:
    return MailRequest(message_id=uuid.uuid4(), tenant_id=uuid.uuid4(), template=template,  # type: ignore[arg-type]
                       locale=locale, to=Recipient("ada@example.com", "Ada"),
                       variables={**VARIABLES[template], **variables})


@pytest.mark.parametrize("template", sorted(VARIABLES))
def test_every_template_writes_a_subject_a_text_and_an_html_part(template: str) -> None:
    mail = render(_request(template), MailTemplates(), frontend_url=FRONTEND)
    assert mail.locale == "en"
    assert "Acme" in mail.subject and "\n" not in mail.subject
    assert "Acme" in mail.text and "<" not in mail.text
    assert "Acme" in mail.html and mail.html.lstrip().startswith("<!DOCTYPE html>")


def test_every_template_has_sample_variables_here() -> None:
    assert set(VARIABLES) == set(TEMPLATE_NAMES)


@pytest.mark.parametrize("template", ["sme_task_assigned", "sme_task_due_soon"])
def test_sme_task_mails_link_to_the_task_and_name_the_deadline(template: str) -> None:
    mail = render(_request(template), MailTemplates(), frontend_url=FRONTEND)
    link = f"{FRONTEND}/sme/tasks/6f1c0f5e-7f1a-4b8e-9d61-3c2f9f0e8a11"
    assert link in mail.text and link in mail.html
    assert "2026-12-24 12:00 UTC" in mail.text and "Safety" in mail.html


def test_the_invitation_carries_the_accept_link_the_inviter_and_the_note() -> None:
    mail = render(_request("invitation"), MailTemplates(), frontend_url=FRONTEND + "/")
    link = f"{FRONTEND}/auth/accept-invite?token={TOKEN}"
    assert link in mail.text and f'href="{link}"' in mail.html
    assert "Grace Hopper" in mail.subject and "Grace Hopper" in mail.text and "See you!" in mail.html


def test_optional_variables_may_be_left_out() -> None:
    no_note = {k: v for k, v in VARIABLES["invitation"].items() if k != "note"}
    mail = MailTemplates().render("invitation", locale="en", variables={**no_note, "accept_url": "https://x/a"})
    assert "wrote:" not in mail.text and "blockquote" not in mail.html
    paid = {k: v for k, v in VARIABLES["payment_failed"].items() if k != "amount_due"}
    assert " of " not in MailTemplates().render("payment_failed", locale="en",
                                                 variables={**paid, "billing_url": "https://x/s"}).text.split("\n")[2]


def test_html_escapes_variables_and_plain_text_keeps_them_as_written() -> None:
    hostile = '<script>alert("x")</script> & Co'
    mail = render(_request("invitation", company_name=hostile, note="<img src=x onerror=alert(1)>"),
                  MailTemplates(), frontend_url=FRONTEND)
    assert "<script>" not in mail.html and "<img" not in mail.html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in mail.html
    assert hostile in mail.text and "<img src=x onerror=alert(1)>" in mail.text


def test_a_token_with_reserved_characters_is_quoted_in_the_link() -> None:
    mail = render(_request("invitation", invite_token="a&b=c"), MailTemplates(), frontend_url=FRONTEND)
    assert "token=a%26b%3Dc" in mail.text


def test_a_subject_stays_one_line_whatever_the_variables_hold() -> None:
    mail = render(_request("welcome", company_name="Acme\r\nBcc: evil@example.com"), MailTemplates(), frontend_url=FRONTEND)
    assert "\r" not in mail.subject and "\n" not in mail.subject


def test_locale_candidates_go_from_specific_to_english_and_never_leave_the_folder() -> None:
    assert locale_candidates("pt_BR") == ["pt-br", "pt", "en"]
    assert locale_candidates("de-AT") == ["de-at", "de", "en"]
    assert locale_candidates("EN") == ["en"]
    assert locale_candidates("../../etc") == ["en"]


def test_a_locale_without_templates_falls_back_to_english() -> None:
    mail = render(_request("welcome", locale="ja-JP"), MailTemplates(), frontend_url=FRONTEND)
    assert mail.locale == "en" and "Welcome" in mail.subject


def test_a_locale_with_its_own_set_is_chosen_by_language(tmp_path: Path) -> None:
    shutil.copytree(TEMPLATES_DIR, tmp_path, dirs_exist_ok=True)
    german = tmp_path / "de"
    shutil.copytree(tmp_path / "en", german)
    (german / "welcome.subject.txt").write_text("Willkommen bei Mirai, {{ company_name }}\n")
    (german / "welcome.html").write_text('{% extends "en/_layout.html" %}{% block body %}Hallo{% endblock %}')
    templates = MailTemplates(tmp_path)
    assert render(_request("welcome", locale="de-AT"), templates, frontend_url=FRONTEND).subject == "Willkommen bei Mirai, Acme"
    assert render(_request("welcome", locale="fr"), templates, frontend_url=FRONTEND).locale == "en"
    # A set that lacks one template falls back for that template only.
    (german / "invitation.txt").unlink()
    assert render(_request("invitation", locale="de"), templates, frontend_url=FRONTEND).locale == "en"


def test_a_missing_variable_is_an_error_not_an_empty_hole() -> None:
    with pytest.raises(TemplateError, match="company_name"):
        MailTemplates().render("welcome", locale="en", variables={"recipient_name": "Ada", "login_url": "https://x"})
