"""``make bench``: prints one table of ratios, each measured against its baseline in this run."""

from __future__ import annotations

import sys

from tests.bench import (
    cache_keyspace,
    cache_storage,
    course_library,
    embedded_s3,
    exports,
    generation,
    imports,
    ingestion,
    knowledge_search,
    load,
)
from tests.bench.harness import Row, render


def main() -> int:
    rows: list[Row] = []
    rows += imports.rows()
    rows += cache_storage.rows()
    rows += embedded_s3.rows()
    rows += course_library.rows()
    rows += cache_keyspace.rows()
    rows += generation.rows()
    rows += knowledge_search.rows()
    rows += ingestion.rows()
    rows += exports.rows()
    print(render(rows))
    print(load.report())
    print(ingestion.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
