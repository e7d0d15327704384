"""Settings for benchmark runs: the production settings plus a constant-response page.

`benchmarks/run.py` serves the site with these (DEBUG off, as in production); the only
difference is the URLconf, which adds `/__floor__/` (see `benchmarks.urls`) without
touching the project's URLs, and a STATIC_ROOT of the run's own.
"""

import os

from config.settings import *  # noqa: F403
from config.settings import ROOT_URLCONF

PROJECT_URLCONF = ROOT_URLCONF
ROOT_URLCONF = "benchmarks.urls"

if static_root := os.environ.get("BENCHMARK_STATIC_ROOT"):
    STATIC_ROOT = static_root
