"""When the send_mail job tries a mail again after the broker's quick retries."""

from __future__ import annotations

from functions.mail.delivery import BROKER_ATTEMPTS, MAX_ATTEMPTS, MAX_RETRY_SECONDS, retry_delay


def test_later_attempts_start_a_minute_apart_double_and_stop_at_an_hour() -> None:
    delays = [retry_delay(n) for n in range(BROKER_ATTEMPTS, MAX_ATTEMPTS)]
    assert delays[:3] == [60, 120, 240]
    assert delays == sorted(delays) and max(delays) == MAX_RETRY_SECONDS
    # Between the first failure and giving up, a long outage is covered for more than an hour.
    assert sum(delays) > 3600
