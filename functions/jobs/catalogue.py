"""Event and webhook targets: what each consumes (CloudEvent types, schedule) and how it scales."""

from __future__ import annotations

from functions.registry import Target

JOB_TARGETS: tuple[Target, ...] = ()
