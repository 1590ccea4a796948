"""CompanyService.CreateLogoUploadUrl: a presigned PUT for the company logo (png, jpeg, webp
or svg, at most 5 MiB); the upload is checked when it lands (``logo_landing``). Owner/admin."""

from __future__ import annotations

from common.gen.mirai.v1 import company_pb2 as pb
from common.rpc.context import Call
from common.storage_keys import company_logo
from functions.uploads.images import LOGO_TYPES, upload_url
from functions.user.messages import timestamp


def create_logo_upload_url(request: pb.CreateLogoUploadUrlRequest, call: Call) -> pb.CreateLogoUploadUrlResponse:
    principal = call.require_principal()
    key = company_logo(principal.tenant_id)
    made = upload_url(call.container.storage, call.container.settings.s3.presign_ttl_seconds, key,
                      content_type=request.content_type, size_bytes=request.size_bytes, allowed=LOGO_TYPES)
    return pb.CreateLogoUploadUrlResponse(upload_url=made.url, object_key=key, expires_at=timestamp(made.expires_at),
                                          required_headers={"Content-Type": made.content_type})
