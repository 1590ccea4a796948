"""Logging of the local commands: every detail to a file under the data dir, only what
needs a person's attention to the console.

Start-up of the embedded services is chatty (initdb's output, alembic's plugins, library
warnings); none of it helps someone who typed ``make run``, all of it helps when a start
fails. So the file gets INFO and up from everyone, the console (stderr) our own warnings
and anyone's errors.
"""

from __future__ import annotations

import logging
from pathlib import Path

CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"
FILE_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s %(message)s"


def _needs_attention(record: logging.LogRecord) -> bool:
    ours = record.name == "mirai" or record.name.startswith("mirai.")
    return record.levelno >= (logging.WARNING if ours else logging.ERROR)


def log_file(data_dir: Path, command: str) -> Path:
    return data_dir / "log" / f"{command}.log"


def configure(data_dir: Path, command: str) -> Path:
    """Routes logging and Python warnings as described above; returns the log file."""
    path = log_file(data_dir, command)
    path.parent.mkdir(parents=True, exist_ok=True)
    to_file = logging.FileHandler(path, encoding="utf-8")
    to_file.setFormatter(logging.Formatter(FILE_FORMAT))
    to_console = logging.StreamHandler()
    to_console.addFilter(_needs_attention)
    to_console.setFormatter(logging.Formatter(CONSOLE_FORMAT))
    logging.basicConfig(level=logging.INFO, handlers=[to_file, to_console], force=True)
    logging.captureWarnings(True)
    return path
