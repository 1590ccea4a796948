"""The functions-framework source of every Knative Service.

``functions-framework --source functions/main.py --target <name>`` asks this
module for ``<name>``; module ``__getattr__`` resolves it from the registry on
first access, so an instance imports only its own target's code.
"""

from __future__ import annotations

import sys
from typing import Any


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    from common.config import ConfigError
    from functions import registry
    from functions.bootstrap import container
    from functions.entrypoints import build_function

    try:
        target = registry.find(name)
    except LookupError as err:
        raise AttributeError(str(err)) from None
    try:
        if target.kind != "webhook":
            # Fail at start-up, not on the first request, when the database is not configured.
            container().settings.require_database_url()
        for adapter in target.startup_adapters:
            # Likewise for what the target's area cannot serve without (e.g. the keyring).
            getattr(container(), adapter)
        function = build_function(target, container())
    except ConfigError as err:
        print(f"configuration error: {err}", file=sys.stderr)
        raise SystemExit(2) from None
    globals()[name] = function
    return function
