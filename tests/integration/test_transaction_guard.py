"""The guard that keeps outside I/O out of database transactions: the adapters refuse
to call out while the current thread holds one (the test suite enforces it)."""

from __future__ import annotations

import threading

import pytest
from cloudevents.http import CloudEvent

from common import storage_keys
from common.adapters.events_publisher import HttpEventPublisher
from common.adapters.identity import Credential, KratosIdentity
from common.errors import NotFound
from common.transaction_guard import OutsideCallInTransaction, in_transaction
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.tenants import SeededTenant

pytestmark = pytest.mark.integration


def test_s3_is_refused_inside_a_transaction_and_allowed_after(container: Container, tenant: SeededTenant) -> None:
    key = storage_keys.course_content(tenant.tenant_id, tenant.tenant_id)
    with container.db.tenant_session(tenant.tenant_id) as uow:
        assert in_transaction()
        with pytest.raises(OutsideCallInTransaction, match="s3 download"):
            container.storage.get(key)
        # Presigning is computation, not I/O: allowed.
        assert container.storage.presigned_download_url(key).startswith("http")
        uow.session.flush()
    assert not in_transaction()
    with pytest.raises(NotFound):
        container.storage.get(key)


def test_kratos_and_the_broker_are_refused_inside_a_transaction(container: Container, kratos: FakeKratos,
                                                                 tenant: SeededTenant) -> None:
    identity = KratosIdentity(kratos.url)
    publisher = HttpEventPublisher("http://127.0.0.1:9/", attempts=1)
    event = CloudEvent({"type": "io.mirai.test", "source": "/test"}, {})
    with container.db.system_session():
        with pytest.raises(OutsideCallInTransaction, match="kratos whoami"):
            identity.whoami(Credential("ory_st_0123456789abcdef0123456789abcdef", "session_token"))
        with pytest.raises(OutsideCallInTransaction, match="event broker"):
            publisher.publish(event)


def test_the_mark_belongs_to_the_thread_that_opened_the_transaction(container: Container,
                                                                    tenant: SeededTenant) -> None:
    seen: list[bool] = []
    with container.db.tenant_session(tenant.tenant_id):
        other = threading.Thread(target=lambda: seen.append(in_transaction()))
        other.start()
        other.join(timeout=10)
    assert seen == [False]
