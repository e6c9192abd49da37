"""Fixtures for the pure engine tests."""

from __future__ import annotations

import pytest

from clio.core.state import LearnerState
from clio.core.tutor import Tutor
from tutor_samples import Learner, make_tutor


@pytest.fixture(scope="session")
def tutor() -> Tutor:
    return make_tutor()


@pytest.fixture
def learner(tutor: Tutor) -> Learner:
    return Learner(tutor, LearnerState())
