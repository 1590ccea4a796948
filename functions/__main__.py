"""``python -m functions serve | targets | dev-session | migrate | rotate-encryption-key``."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from common.config import ConfigError, Settings

if TYPE_CHECKING:
    from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m functions")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run every target on one port (embedded services when no URLs)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--data-dir", default=None, help="where embedded services keep their data (default: MIRAI_DATA_DIR or .mirai)")
    commands.add_parser("targets", help="list every deployable target")
    manifests = commands.add_parser("manifests", help="write knative/ from the registry and the event catalogue")
    manifests.add_argument("--out", default="knative")
    manifests.add_argument("--image", default=None, help="image reference for kustomize images: (default: %(default)s)")
    dev = commands.add_parser("dev-session", help="local only: create (or reuse) a tenant and owner, print a session token")
    dev.add_argument("--email", required=True)
    dev.add_argument("--data-dir", default=None, help="the runner's data dir (default: MIRAI_DATA_DIR or .mirai)")
    migrate = commands.add_parser(
        "migrate", help="apply the migrations (with no DATABASE_URL: to the embedded database, as `serve` does)"
    )
    migrate.add_argument("--data-dir", default=None, help="the runner's data dir (default: MIRAI_DATA_DIR or .mirai)")
    commands.add_parser(
        "rotate-encryption-key",
        help="re-seal every stored AI key under ENCRYPTION_KEY (the old key in ENCRYPTION_KEY_PREVIOUS)",
    )
    args = parser.parse_args(argv)

    try:
        if args.command in {"serve", "dev-session", "migrate"}:
            return _local_command(args)
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
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
        if args.command == "rotate-encryption-key":
            return _rotate_encryption_key(Settings.from_env())
    except ConfigError as err:
        print(f"configuration error: {err}", file=sys.stderr)
        return 2
    return 1


def _local_command(args: argparse.Namespace) -> int:
    """The commands of a developer's machine: their details go to a log file under the data
    dir, the console gets one useful line (and real errors); SIGTERM stops them as Ctrl-C does."""
    from pathlib import Path

    from functions.local import logs

    settings = Settings.from_env()
    if settings.under_knative and args.command == "serve":
        raise ConfigError("K_SERVICE is set: the local runner does not run under Knative (the image runs functions-framework)")
    data_dir = Path(args.data_dir or settings.local_data_dir)
    log_path = logs.configure(data_dir, args.command)
    # The embedded S3 server logs every request through werkzeug.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    try:
        if args.command == "serve":
            from functions.local.runner import serve as run_server

            run_server(settings, host=args.host, data_dir=data_dir, log_path=log_path)
            return 0
        if args.command == "migrate":
            return _migrate(settings, data_dir=data_dir)
        return _dev_session(settings, email=args.email, data_dir=data_dir)
    except KeyboardInterrupt as stopped:  # Ctrl-C or a stop signal before serving began; everything is stopped
        return 128 + getattr(stopped, "signum", 2)


def _dev_session(settings: Settings, *, email: str, data_dir: Path) -> int:
    """Prints the token alone on stdout, so ``TOKEN=$(… dev-session …)`` works."""
    from contextlib import ExitStack

    from common.db import Database
    from functions.local import stop_signals
    from functions.local.dev_identity import create_dev_session
    from functions.local.runner import beside_runner

    if settings.under_knative:
        raise ConfigError("K_SERVICE is set: dev-session only runs locally")
    if settings.kratos_url:
        raise ConfigError("KRATOS_URL is set: sign in through Kratos instead of dev-session")
    with stop_signals.handled() as signals, ExitStack() as stack:
        with signals.deferred():
            settings = beside_runner(settings, stack, data_dir)
        db = Database(settings.require_database_url(), pool_size=1)
        stack.callback(db.dispose)
        token = create_dev_session(settings, db, email=email)
    print(token)
    if sys.stdout.isatty():
        print("use it as: Authorization: Bearer <token>  (or X-Session-Token)", file=sys.stderr)
    return 0


def _migrate(settings: Settings, *, data_dir: Path) -> int:
    """DATABASE_MIGRATION_URL / DATABASE_URL when set; else the runner's database, or the
    embedded one of ``data_dir`` (started for the migration and stopped after it)."""
    from contextlib import ExitStack

    from common.db.migrate import upgrade
    from functions.local import stop_signals
    from functions.local.runner import beside_runner

    if settings.migration_database_url or settings.database_url:
        upgrade(settings)
    elif settings.under_knative:
        raise ConfigError("DATABASE_URL is required under Knative (the embedded database is local only)")
    else:
        with stop_signals.handled() as signals, ExitStack() as stack, signals.deferred():
            upgrade(beside_runner(settings, stack, data_dir))
    print("migrations applied (head)")
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
