"""AI keys carry the version of the master key that sealed them; rotation functions.

- ``api_key_version``: the KeyRing version (common/adapters/crypto.py) the ciphertext
  is sealed under, set exactly when a ciphertext is. Nothing wrote ciphertexts before
  this revision, so no row needs a backfill; should one exist, the check fails the
  upgrade loudly instead of leaving a key whose master key nobody can name.
- Rotation is system work across tenants. Rather than giving the rotation command the
  migration owner (BYPASSRLS over every table), mirai_app gets two SECURITY DEFINER
  functions that see only ciphertext columns: one lists sealed keys (keyset by
  tenant), one swaps a ciphertext with compare-and-set on the old version AND the old
  ciphertext, so a key an admin set meanwhile (even one sealed under the same old
  master key by an instance not yet rolled) is never overwritten.

Revision ID: 0007_ai_key_versions
Revises: 0006_system_functions
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op
from schema_support import definer_function

revision = "0007_ai_key_versions"
down_revision = "0006_system_functions"
branch_labels = None
depends_on = None

_SEARCH_PATH = "set search_path = pg_catalog, public"

FUNCTIONS: dict[str, str] = {
    "mirai_sealed_ai_keys(uuid, integer)": f"""
    create function mirai_sealed_ai_keys(p_after uuid, p_limit integer)
      returns table (tenant_id uuid, api_key_version text, api_key_ciphertext bytea)
    language sql stable security definer {_SEARCH_PATH} as $$
      select s.tenant_id, s.api_key_version, s.api_key_ciphertext from tenant_ai_settings s
      where s.api_key_ciphertext is not null
        and (p_after is null or s.tenant_id > p_after)
      order by s.tenant_id
      limit greatest(p_limit, 0)
    $$""",
    "mirai_reseal_ai_key(uuid, text, bytea, text, bytea)": f"""
    create function mirai_reseal_ai_key(p_tenant_id uuid, p_old_version text, p_old_ciphertext bytea,
                                        p_new_version text, p_new_ciphertext bytea) returns boolean
    language sql security definer {_SEARCH_PATH} as $$
      -- Only the sealing changes: mask, status and updated_by describe the same key.
      with resealed as (
        update tenant_ai_settings
           set api_key_version = p_new_version, api_key_ciphertext = p_new_ciphertext
         where tenant_id = p_tenant_id
           and api_key_version = p_old_version
           and api_key_ciphertext = p_old_ciphertext
           and p_new_version is not null and p_new_ciphertext is not null
        returning 1
      )
      select exists (select from resealed)
    $$""",
}


def upgrade() -> None:
    op.execute("alter table tenant_ai_settings add column api_key_version text")
    op.execute("""
    alter table tenant_ai_settings add constraint tenant_ai_settings_key_version_check
      check ((api_key_ciphertext is null) = (api_key_version is null))""")
    for signature, body in FUNCTIONS.items():
        definer_function(signature, body)


def downgrade() -> None:
    for signature in reversed(FUNCTIONS):
        op.execute(f"drop function {signature}")
    op.execute("alter table tenant_ai_settings drop column api_key_version")
