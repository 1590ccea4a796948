"""``python -m functions serve | targets | dev-session | rotate-encryption-key``."""

from __future__ import annotations

import argparse
import logging
import sys

from common.config import ConfigError, Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m functions")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run every target on one port (embedded services when no URLs)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--data-dir", default=".mirai")
    commands.add_parser("targets", help="list every deployable target")
    manifests = commands.add_parser("manifests", help="write knative/ from the registry and the event catalogue")
    manifests.add_argument("--out", default="knative")
    manifests.add_argument("--image", default=None, help="image reference for kustomize images: (default: %(default)s)")
    dev = commands.add_parser("dev-session", help="local only: create (or reuse) a tenant and owner, print a session token")
    dev.add_argument("--email", required=True)
    dev.add_argument("--data-dir", default=".mirai")
    commands.add_parser(
        "rotate-encryption-key",
        help="re-seal every stored AI key under ENCRYPTION_KEY (the old key in ENCRYPTION_KEY_PREVIOUS)",
    )
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # The embedded S3 server logs every request through werkzeug; keep the console for our own lines.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    try:
        if args.command == "targets":
            from functions import registry

            for target in registry.all_targets():
                consumes = " ".join(filter(None, [",".join(target.event_types), target.schedule and f"cron({target.schedule})"]))
                print(f"{target.name}\t{target.kind}\t{target.path or consumes or '(dead-letter sink)'}")
            return 0
        if args.command == "manifests":
            from pathlib import Path

            from functions import manifests as knative
            from functions.manifests.names import DEFAULT_IMAGE

            written = knative.write(Path(args.out), image=args.image or DEFAULT_IMAGE)
            print(f"wrote {len(written)} files to {args.out}/")
            return 0
        if args.command == "serve":
            from pathlib import Path

            from functions.local.runner import serve as run_server

            run_server(Settings.from_env(), host=args.host, data_dir=Path(args.data_dir))
            return 0
        if args.command == "dev-session":
            return _dev_session(Settings.from_env(), email=args.email, data_dir=args.data_dir)
        if args.command == "rotate-encryption-key":
            return _rotate_encryption_key(Settings.from_env())
    except ConfigError as err:
        print(f"configuration error: {err}", file=sys.stderr)
        return 2
    return 1


def _dev_session(settings: Settings, *, email: str, data_dir: str) -> int:
    from contextlib import ExitStack
    from pathlib import Path

    from functions.bootstrap import Container
    from functions.local.dev_identity import create_dev_session
    from functions.local.runner import prepare

    if settings.under_knative:
        raise ConfigError("K_SERVICE is set: dev-session only runs locally")
    if settings.kratos_url:
        raise ConfigError("KRATOS_URL is set: sign in through Kratos instead of dev-session")
    with ExitStack() as stack:
        settings = prepare(settings, stack, Path(data_dir))
        container = Container(settings)
        stack.callback(container.close)
        token = create_dev_session(settings, container, email=email)
    print(token)
    print("use it as: Authorization: Bearer <token>  (or X-Session-Token)", file=sys.stderr)
    return 0


def _rotate_encryption_key(settings: Settings) -> int:
    """Prints counts only; exits 1 when a row could not be rotated (see the warnings)."""
    from functions.bootstrap import Container
    from functions.tenant_settings.key_rotation import rotate_ai_keys

    if settings.encryption_key_previous is None:
        raise ConfigError("ENCRYPTION_KEY_PREVIOUS is required: the key the stored secrets are sealed with now")
    container = Container(settings)
    try:
        report = rotate_ai_keys(container.db, container.keyring)
    finally:
        container.close()
    print(report.summary())
    return 0 if report.complete else 1


if __name__ == "__main__":
    sys.exit(main())
