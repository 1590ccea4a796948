"""How large a request message an RPC reads: derived from the largest course body the
storage adapter accepts (``S3_MAX_BODY_BYTES``), so the two limits cannot disagree.

A body up to that size (measured as the stored JSON) must reach the body check and get
its clear ``invalid_argument`` when too large, not the Connect layer's
``resource_exhausted``. The request carrying it is smaller in protobuf binary (no
keys) and about the same size in Connect JSON as clients send it (protobuf-es, like
the stored form, keeps non-ASCII text raw); twice the body limit leaves room for
escapes and still refuses abuse before it is decoded.
"""

from __future__ import annotations

REQUEST_TO_BODY_RATIO = 2


def max_request_bytes(max_body_bytes: int) -> int:
    return REQUEST_TO_BODY_RATIO * max_body_bytes
