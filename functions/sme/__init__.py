"""SMEService and the ingestion of its documents: extraction (``extraction/``) and
chunking (``chunking.py``) turn an uploaded file into knowledge chunks."""
