"""UserService.CreateAvatarUploadUrl: a presigned PUT for the caller's avatar (png, jpeg or
webp, at most 5 MiB); the upload is checked when it lands (``avatar_landing``). Any signed-in user."""

from __future__ import annotations

from common.gen.mirai.v1 import user_pb2 as pb
from common.rpc.context import Call
from common.storage_keys import user_avatar
from functions.uploads.images import AVATAR_TYPES, upload_url
from functions.user.messages import timestamp


def create_avatar_upload_url(request: pb.CreateAvatarUploadUrlRequest, call: Call) -> pb.CreateAvatarUploadUrlResponse:
    principal = call.require_principal()
    key = user_avatar(principal.tenant_id, principal.user_id)
    made = upload_url(call.container.storage, call.container.settings.s3.presign_ttl_seconds, key,
                      content_type=request.content_type, size_bytes=request.size_bytes, allowed=AVATAR_TYPES)
    return pb.CreateAvatarUploadUrlResponse(upload_url=made.url, object_key=key, expires_at=timestamp(made.expires_at),
                                            required_headers={"Content-Type": made.content_type})
