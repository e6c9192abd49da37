"""A class's chart as a PNG: mastery and this week's answers per learner (matplotlib).

A library render, not a rule, so it lives outside the core. matplotlib is imported inside
the function, with the Agg backend, so importing Clio sets nothing up and needs no display."""

from __future__ import annotations

import io
from collections.abc import Sequence

from clio.core.standings import Standing
from clio.core.summaries import plain_name

MAX_BARS = 40  # more names than this are unreadable; the CSV has everyone


def chart_png(title: str, rows: Sequence[Standing]) -> bytes:
    """Two bar charts side by side, one bar per learner (the lowest mastery first when the
    class is larger than MAX_BARS). Names are drawn as plain text, never as mathtext."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    shown = sorted(rows, key=lambda row: (row.mastery, row.name))[:MAX_BARS]
    shown.reverse()  # barh draws bottom-up: the lowest ends up at the top
    names = [plain_name(row.name) for row in shown]
    height = max(2.5, 0.32 * len(shown) + 1.4)
    figure = Figure(figsize=(9, height), dpi=100, layout="constrained")
    mastery_axes, activity_axes = figure.subplots(1, 2, sharey=True)
    positions = list(range(len(shown)))
    mastery_axes.barh(positions, [row.mastery * 100 for row in shown], color="#4c72b0")
    mastery_axes.set_xlim(0, 100)
    mastery_axes.set_xlabel("mastery (%)", parse_math=False)
    activity_axes.barh(positions, [row.recent_answers for row in shown], color="#dd8452")
    activity_axes.set_xlabel("answers in the last 7 days", parse_math=False)
    # parse_math=False: a name like "$x^2$" or "\\frac" is text, not a formula to typeset.
    mastery_axes.set_yticks(positions, labels=names, parse_math=False)
    figure.suptitle(plain_name(title), parse_math=False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
