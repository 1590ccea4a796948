"""Shared package of the Mirai functions: configuration, data access, adapters, RPC glue."""
