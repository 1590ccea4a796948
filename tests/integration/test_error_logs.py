"""An unexpected failure is logged for the people who run it (where, what kind),
never with what the request carried: no request values, no SQL parameters."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from common.rpc.errors import ErrorInterceptor
from functions.bootstrap import Container
from tests.support.tenants import SeededTenant

MARKER = "secret-marker-7f3a9c"


def test_database_errors_never_carry_the_statement_parameters(container: Container, tenant: SeededTenant) -> None:
    with pytest.raises(DBAPIError) as caught, container.db.tenant_session(tenant.tenant_id) as uow:
        uow.session.execute(text("select length(cast(:value as text)) / 0"), {"value": MARKER})
    assert "division by zero" in str(caught.value)
    assert MARKER not in str(caught.value)


def test_an_unexpected_error_is_logged_with_its_trace_but_without_the_request_values(
    container: Container, tenant: SeededTenant, caplog: pytest.LogCaptureFixture
) -> None:
    def handler(request: object, ctx: object) -> object:
        with container.db.tenant_session(tenant.tenant_id) as uow:
            # PostgreSQL quotes the offending value in its own message: invalid input syntax ... "<marker>".
            return uow.session.execute(text("select cast(:value as integer)"), {"value": request}).scalar_one()

    ctx = SimpleNamespace(method=SimpleNamespace(name="CreateCourse"))
    with caplog.at_level(logging.DEBUG), pytest.raises(ConnectError) as caught:
        ErrorInterceptor().intercept_unary_sync(handler, MARKER, ctx)
    assert caught.value.code == Code.INTERNAL and MARKER not in caught.value.message
    logged = "\n".join(r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
                       for r in caplog.records)
    assert "unexpected error in CreateCourse" in logged
    assert "InvalidTextRepresentation (SQLSTATE 22P02)" in logged and "test_error_logs.py" in logged
    assert MARKER not in logged
