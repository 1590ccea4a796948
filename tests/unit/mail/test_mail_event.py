"""The io.mirai.mail.requested data: what each template may carry and nothing more."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from common.errors import InvalidArgument
from events.catalogue import InvalidEventData, validate_data
from functions.mail.messages import MAIL_REQUESTED, MailRequest, Recipient


def _data(template: str = "invitation", **changes: Any) -> dict[str, Any]:
    variables = {"inviter_name": "Grace", "company_name": "Acme", "invite_token": "tok_0123456789abcdef"}
    data = MailRequest(message_id=uuid.uuid4(), tenant_id=uuid.uuid4(), template=template,  # type: ignore[arg-type]
                       locale="en", to=Recipient("ada@example.com", "Ada"), variables=variables).event_data()
    data.update(changes)
    return data


def test_a_request_round_trips_through_its_event_data() -> None:
    data = _data()
    validate_data(MAIL_REQUESTED, data)
    assert MailRequest.from_event_data(data).event_data() == data


@pytest.mark.parametrize(("change", "where"), [
    ({"variables": {"inviter_name": "G", "company_name": "A", "invite_token": "tok_0123456789abcdef", "password": "x"}},
     "variables"),
    ({"variables": {"inviter_name": "G", "company_name": "A"}}, "variables"),
    ({"variables": {"inviter_name": "G", "company_name": "A", "invite_token": "has spaces in it!!"}},
     "variables/invite_token"),
    ({"to": {"address": "ada@example.com\r\nBcc: eve@example.com"}}, "to/address"),
    ({"to": {"address": "ada@example.com", "name": "Ada\nBcc: eve"}}, "to/name"),
    ({"template": "password_reset"}, "template"),
    ({"locale": "../../etc"}, "locale"),
    ({"session_token": "ory_st_x"}, "(root)"),
])
def test_data_beyond_what_the_template_needs_is_refused(change: dict[str, Any], where: str) -> None:
    with pytest.raises(InvalidEventData) as refused:
        validate_data(MAIL_REQUESTED, _data(**change))
    assert refused.value.where == where


def test_a_malformed_event_is_invalid_argument_naming_the_field_not_the_value() -> None:
    data = _data(to={"address": "secret-person@example.com\nBcc: x@example.com"})
    with pytest.raises(InvalidArgument) as refused:
        MailRequest.from_event_data(data)
    assert refused.value.field == "to/address" and "secret-person" not in refused.value.message
