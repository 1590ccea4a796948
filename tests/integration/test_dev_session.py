"""Local identity for ``make run``: dev-session provisions once, its tokens
authenticate through the runner's authenticator, and Knative refuses both."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.adapters.identity import Credential, DevIdentity
from common.adapters.session_cache import NoSessionCache
from common.config import ConfigError, Settings
from common.errors import Unauthenticated
from common.rpc.auth import Authenticator
from functions.bootstrap import Container
from functions.local.dev_identity import create_dev_session, load_or_create_key

pytestmark = pytest.mark.integration


@pytest.fixture
def local_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.with_overrides(local_mode=True, kratos_url=None, dev_identity_key_file=str(tmp_path / "dev.key"))


def test_dev_session_provisions_once_and_its_token_authenticates(local_settings: Settings) -> None:
    local = Container(local_settings)
    try:
        assert isinstance(local.identity, DevIdentity)
        first = create_dev_session(local_settings, local.db, email="Dev@Example.com")
        second = create_dev_session(local_settings, local.db, email="dev@example.com")
        auth = Authenticator(identity=local.identity, cache=NoSessionCache(), db=local.db, ttl_seconds=0)
        one = auth.authenticate({"authorization": f"Bearer {first}"})
        two = auth.authenticate({"x-session-token": second})
        assert one.role == "owner" and one.email == "dev@example.com"
        assert (one.user_id, one.tenant_id) == (two.user_id, two.tenant_id)
        with pytest.raises(Unauthenticated):
            auth.authenticate({"x-session-token": first[:-2] + ("00" if not first.endswith("00") else "11")})
    finally:
        local.close()


def test_dev_sessions_are_refused_under_knative(local_settings: Settings) -> None:
    knative = local_settings.with_overrides(k_service="course-create-course")
    local = Container(knative)
    try:
        with pytest.raises(ConfigError):
            create_dev_session(knative, local.db, email="dev@example.com")
        # Under Knative the container never builds the development identity, and the
        # identity itself refuses its tokens even if it were built.
        assert not isinstance(local.identity, DevIdentity)
        key = load_or_create_key(Path(str(knative.dev_identity_key_file)))
        token = DevIdentity(key, under_knative=False).issue(identity_id="dev:x@example.com", email="x@example.com")
        assert DevIdentity(key, under_knative=True).whoami(Credential(token, "session_token")) is None
    finally:
        local.close()
