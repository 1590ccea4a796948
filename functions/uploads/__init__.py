"""Objects that browsers upload straight to S3 (presigned PUTs): avatars, the company logo,
SME submission files. S3's object-created notification (``io.minio.object.created``) is the
only signal that one landed; ``functions/jobs/accept_upload.py`` routes it here by key."""
