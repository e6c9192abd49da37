"""The real fact base (seeds/) and flows (dialogs/), built once for all golden chats."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.content import build_tutor
from clio.core.tutor import Tutor
from golden.harness import settings_for


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("clio-cache")


@pytest.fixture(scope="session")
def real_tutor(cache_dir: Path) -> Tutor:
    return build_tutor(settings_for(cache_dir, cache_dir))
