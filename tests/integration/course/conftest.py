"""The course integration tests call handlers in-process through the real Container; their
``tenant`` and ``other_tenant`` fixtures are tests/integration/conftest.py's (shared with the SME tests)."""
