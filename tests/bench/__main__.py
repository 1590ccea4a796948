"""``make bench``: ``python -m tests.bench``. The lead's harness replaces this entry point."""

from tests.bench.cache_storage import main

main()
