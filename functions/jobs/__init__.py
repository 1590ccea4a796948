"""CloudEvent functions: provisioning, generation, ingestion, export, cleanup, outbox relay."""
