"""Test settings: the real settings with a fixed key, a fast hasher and plain static files."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests run with DEBUG off but without collectstatic: let WhiteNoise find files as it
# does in development instead of scanning a STATIC_ROOT that does not exist.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Pages are rendered afresh in tests, so that query counts measure them; the tests of the
# cache turn it on.
DIRECTORY_CACHE = False

# The Redis database of the tests that need a real one (health, scale-out); their keys
# carry a prefix of their own, so the database may be shared.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/6")
