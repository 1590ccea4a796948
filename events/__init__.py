"""The CloudEvent catalogue: types, sources, data schemas, translators, publisher, outbox."""
