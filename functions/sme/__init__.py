"""SMEService: subject-matter experts, their content-gathering tasks, uploaded files
and the knowledge distilled from them. Who may see or change what is in ``access.py``;
the upload landing (S3's object-created notification) in ``landing.py``."""

# Checked once at start-up: whether search may use pgvector (it falls back to full-text alone).
STARTUP_ADAPTERS = ("knowledge_vectors",)
