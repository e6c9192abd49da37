"""Weights of the ranking and abstain models (written by bench/train_qa.py; do not edit)."""

from __future__ import annotations

RANK_WEIGHTS: tuple[float, ...] = (
    -3.00553,
    0.311954,
    3.91683,
    1.87828,
    1.15709,
    -1.56188,
    1.21807,
    -0.364374,
    0.707446,
    -0.80936,
    -0.512106,
    1.34166,
    -2.85859,
    0.641039,
    2.642,
    1.37315,
    0.0188568,
)
RANK_BIAS = -6.03608
ANSWER_WEIGHTS: tuple[float, ...] = (
    0.672476,
    0.901522,
    4.24022,
    -5.526,
    1.8004,
    -2.24718,
    -1.01802,
    0.635212,
    -0.483757,
    -1.81552,
    0.238828,
    -0.428146,
    -1.22348,
    0.143047,
    -2.30868,
    -0.249819,
    0.855537,
    2.88426,
    1.57741,
)
ANSWER_BIAS = 0.582928
ABSTAIN_BELOW = 0.45
