"""``python -m functions rotate-encryption-key`` for real, each test on a database of its
own (the command works across every tenant, so a shared database would make its counts
depend on other tests): rows of several tenants under the old master key, one run,
then only the new key opens them."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from common.adapters.crypto import DecryptionFailed, KeyRing, mask_api_key
from common.config import Settings
from common.db import Database
from common.db.migrate import upgrade
from common.repos.tenant_ai_settings import NewKey
from functions.tenant_settings.ai_credentials import load_ai_credentials
from tests.support.scratch_database import scratch_database
from tests.support.tenants import SeededTenant, provision_tenant

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]

OLD = os.urandom(32)
NEW = os.urandom(32)
FORGOTTEN = os.urandom(32)
KEYS = {"alpha": "AIzaSyAlpha-rotation-0123456789abcdEF", "bravo": "AIzaSyBravo-rotation-9876543210zyxwVU",
        "charlie": "AIzaSyCharlie-rotation-555555555qwerT", "delta": "AIzaSyDelta-rotation-444444444asdfGH"}


@dataclass(frozen=True)
class Scratch:
    app_url: str
    db: Database
    owner: Database


@pytest.fixture
def scratch(settings: Settings) -> Iterator[Scratch]:
    with scratch_database(settings, prefix="mirai_rotation") as scratch_settings:
        owner_url, app_url = scratch_settings.migration_database_url, scratch_settings.database_url
        assert owner_url and app_url
        db, owner = Database(app_url, pool_size=1), Database(owner_url, pool_size=1)
        try:
            upgrade(scratch_settings)
            yield Scratch(app_url, db, owner)
        finally:
            db.dispose()
            owner.dispose()


def _store(db: Database, tenant: SeededTenant, api_key: str, keyring: KeyRing) -> None:
    key = NewKey(sealed=keyring.encrypt(api_key, tenant.tenant_id), mask=mask_api_key(api_key), status="valid",
                 checked_at=datetime.now(UTC))
    with db.tenant_session(tenant.tenant_id, tenant.owner_id) as uow:
        uow.ai_settings.upsert(updated_by=tenant.owner_id, model="gemini-2.5-pro", key=key)


def _key_of(db: Database, tenant: SeededTenant, keyring: KeyRing) -> str:
    with db.tenant_session(tenant.tenant_id) as uow:
        credentials = load_ai_credentials(uow, keyring)
    assert credentials is not None
    return credentials.api_key


def _sealed_bytes(owner: Database, tenant: SeededTenant) -> bytes:
    with owner.engine.connect() as conn:
        return bytes(conn.exec_driver_sql(
            "select api_key_ciphertext from tenant_ai_settings where tenant_id = %(t)s", {"t": tenant.tenant_id}
        ).scalar_one())


def _run(app_url: str, **keys: bytes) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ENCRYPTION_KEY", "DATABASE", "REDIS", "S3_"))}
    env["DATABASE_URL"] = app_url
    env.update({name: base64.b64encode(value).decode() for name, value in keys.items()})
    return subprocess.run([sys.executable, "-m", "functions", "rotate-encryption-key"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def _no_key_material(output: str) -> None:
    for secret in KEYS.values():
        assert secret not in output
    for master in (OLD, NEW, FORGOTTEN):
        assert base64.b64encode(master).decode() not in output and master.hex() not in output


def test_rotation_reseals_every_tenants_key_so_only_the_new_master_key_opens_them(scratch: Scratch) -> None:
    tenants = {name: provision_tenant(scratch.db) for name in KEYS}
    for name in ("alpha", "bravo"):
        _store(scratch.db, tenants[name], KEYS[name], KeyRing(OLD))
    _store(scratch.db, tenants["charlie"], KEYS["charlie"], KeyRing(NEW))  # set after the new key was deployed
    _store(scratch.db, tenants["delta"], KEYS["delta"], KeyRing(FORGOTTEN))  # a master key nobody has any more
    delta_before = _sealed_bytes(scratch.owner, tenants["delta"])

    done = _run(scratch.app_url, ENCRYPTION_KEY=NEW, ENCRYPTION_KEY_PREVIOUS=OLD)

    assert done.stdout.strip().splitlines()[-1] == "rotated=2 unchanged=1 failed=1 superseded=0"
    assert done.returncode == 1  # a tenant's key could not be rotated: the operator must hear of it
    assert str(tenants["delta"].tenant_id) in done.stderr
    _no_key_material(done.stdout + done.stderr)
    new_only, old_only = KeyRing(NEW), KeyRing(OLD)
    for name in ("alpha", "bravo", "charlie"):
        assert _key_of(scratch.db, tenants[name], new_only) == KEYS[name]
        with pytest.raises(DecryptionFailed):
            _key_of(scratch.db, tenants[name], old_only)
    assert _sealed_bytes(scratch.owner, tenants["delta"]) == delta_before  # left exactly as it was

    again = _run(scratch.app_url, ENCRYPTION_KEY=NEW, ENCRYPTION_KEY_PREVIOUS=OLD)
    assert again.stdout.strip().splitlines()[-1] == "rotated=0 unchanged=3 failed=1 superseded=0"


def test_rotation_without_the_previous_key_stops_with_one_line(scratch: Scratch) -> None:
    done = _run(scratch.app_url, ENCRYPTION_KEY=NEW)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "ENCRYPTION_KEY_PREVIOUS" in lines[0]


def test_a_key_changed_during_the_rotation_is_not_overwritten(scratch: Scratch) -> None:
    tenant = provision_tenant(scratch.db)
    old_ring = KeyRing(OLD)
    _store(scratch.db, tenant, KEYS["alpha"], old_ring)
    with scratch.db.system_session() as uow:
        (read,) = [row for row in uow.sealed_ai_keys.batch(after=None, limit=1000) if row.tenant_id == str(tenant.tenant_id)]
    # An admin sets a new key meanwhile, through an instance still sealing with the old master key.
    _store(scratch.db, tenant, KEYS["bravo"], old_ring)
    resealed = KeyRing(NEW, [OLD]).encrypt(KEYS["alpha"], tenant.tenant_id)
    with scratch.db.system_session() as uow:
        assert uow.sealed_ai_keys.reseal(tenant.tenant_id, old=read.sealed, new=resealed) is False
    assert _key_of(scratch.db, tenant, old_ring) == KEYS["bravo"]
    # Without the race the swap goes through.
    with scratch.db.system_session() as uow:
        (current,) = [row for row in uow.sealed_ai_keys.batch(after=None, limit=1000) if row.tenant_id == str(tenant.tenant_id)]
        fresh = KeyRing(NEW).encrypt(KEYS["bravo"], tenant.tenant_id)
        assert uow.sealed_ai_keys.reseal(tenant.tenant_id, old=current.sealed, new=fresh) is True
    assert _key_of(scratch.db, tenant, KeyRing(NEW)) == KEYS["bravo"]


def test_a_tenant_session_neither_sees_nor_deletes_another_tenants_key(scratch: Scratch) -> None:
    alpha, bravo = provision_tenant(scratch.db), provision_tenant(scratch.db)
    _store(scratch.db, alpha, KEYS["alpha"], KeyRing(NEW))
    with scratch.db.tenant_session(bravo.tenant_id) as uow:
        assert uow.ai_settings.get() is None
        assert uow.ai_settings.delete_key(updated_by=None) is None
    assert _key_of(scratch.db, alpha, KeyRing(NEW)) == KEYS["alpha"]
