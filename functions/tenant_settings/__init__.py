"""TenantSettingsService: a tenant's AI provider key (sealed with AES-256-GCM under
ENCRYPTION_KEY, the tenant id as associated data) and its model choice.

Plaintext keys exist in exactly two places: the UpdateAISettings request on its way
to being sealed, and ``ai_credentials.load_ai_credentials`` for code that calls the
provider. Neither logs it.
"""

# Built at start-up of every target of this area (functions/main.py), so an instance
# with a missing or malformed ENCRYPTION_KEY stops before it takes traffic.
STARTUP_ADAPTERS = ("keyring",)
