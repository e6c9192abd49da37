"""Weights of the ranking and abstain models (written by bench/train_qa.py; do not edit)."""

from __future__ import annotations

RANK_WEIGHTS: tuple[float, ...] = (
    -1.83509,
    -0.868902,
    3.69731,
    1.81282,
    0.862035,
    -0.876392,
    1.14453,
    -0.381362,
    0.716459,
    -0.720908,
    -0.510042,
    1.32093,
    -1.12829,
    0.285432,
    1.98265,
    1.45728,
    0.27429,
    -0.389057,
    0.874888,
    0.00184338,
    -0.139285,
    0.661044,
    1.33645e-11,
)
RANK_BIAS = -7.6086
ANSWER_WEIGHTS: tuple[float, ...] = (
    0.763995,
    1.6401,
    1.59366,
    -4.79316,
    1.22106,
    0.981375,
    -0.927926,
    0.78357,
    0.0976639,
    -2.10836,
    0.100286,
    -0.2071,
    0.732225,
    -0.411378,
    -1.97216,
    0.354157,
    -1.2087,
    -0.421435,
    -0.755545,
    -0.137135,
    -3.09682,
    1.22534,
    -0.242559,
    2.25209,
    1.68662,
)
ANSWER_BIAS = -1.52124
# Best end-to-end on SQuAD 2.0 (adversarial unanswerable questions) over tune.json.
STRICT_ABSTAIN_BELOW = 0.42
# Best at telling one article's questions from other articles' (off-topic) ones.
ABSTAIN_BELOW = 0.13
