"""Validation of the identifiers that end up inside cache keys and object keys.

Keys are built from request data, so every id is parsed as a UUID and written in
its canonical lowercase form: nothing a caller sends can add a separator, a glob
character or ``..`` to a key, and two spellings of one id name the same key.
"""

from __future__ import annotations

import uuid

from common.errors import InvalidArgument


def canonical_uuid(value: uuid.UUID | str, *, field: str) -> str:
    """``value`` as a canonical UUID string, or ``InvalidArgument`` naming ``field``."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if not isinstance(value, str):
        raise InvalidArgument("must be a UUID", field=field)
    text = value.strip()
    # uuid.UUID also accepts "{...}" and "urn:uuid:" forms; only the plain form is an id here.
    if len(text) != 36:
        raise InvalidArgument("must be a UUID", field=field)
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise InvalidArgument("must be a UUID", field=field) from None
