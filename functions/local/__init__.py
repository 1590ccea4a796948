"""The local runner: every target on one port, with embedded services when no URLs are given."""
