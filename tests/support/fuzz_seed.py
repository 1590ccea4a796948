"""The seed of this run's RPC fuzzing: MIRAI_FUZZ_SEED replays a run, otherwise one is drawn.
The integration conftest prints it in pytest's header, so every run's log carries it."""

from __future__ import annotations

import os
import random

FUZZ_SEED = int(os.environ.get("MIRAI_FUZZ_SEED") or random.SystemRandom().randrange(2**32))
# xdist workers are started after this ran in the controller and inherit its environment,
# so every worker fuzzes with the seed the header shows.
os.environ["MIRAI_FUZZ_SEED"] = str(FUZZ_SEED)
