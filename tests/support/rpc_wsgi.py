"""Calling an RPC target's real WSGI application in-process, as the Connect protocol does.

The request is posted in the binary protobuf encoding (``application/proto``), so
anything the wire can carry reaches the server, including strings the JSON
encoding would refuse; the answer is its Connect code ("ok" on success)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass
from werkzeug.test import Client

from functions import registry
from functions.registry import Target
from functions.rpc_target import build_rpc_app


@dataclass(frozen=True)
class Answer:
    status: int
    code: str
    message: str
    body: bytes = b""


def request_class(target: Target) -> type[Message]:
    service = registry.pb2_module(target.area).DESCRIPTOR.services_by_name[target.service]
    return GetMessageClass(service.methods_by_name[target.method].input_type)


class RpcClient:
    """One target's application, built once through the real Container."""

    def __init__(self, target: Target, container: Any) -> None:
        self.target = target
        self._client = Client(build_rpc_app(target, container))

    def call(self, request: Message | bytes, headers: dict[str, str] | None = None) -> Answer:
        body = request if isinstance(request, bytes) else request.SerializeToString()
        response = self._client.post(
            self.target.path, data=body,
            headers={"Content-Type": "application/proto", "Connect-Protocol-Version": "1", **(headers or {})},
        )
        if response.status_code == 200:
            return Answer(200, "ok", "", response.get_data())
        try:
            error = json.loads(response.get_data())
        except ValueError:
            return Answer(response.status_code, "unknown", response.get_data(as_text=True)[:200])
        return Answer(response.status_code, str(error.get("code", "unknown")), str(error.get("message", "")))
