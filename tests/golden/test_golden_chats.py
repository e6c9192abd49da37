"""Every `tests/golden/*.yaml` chat must print its transcript exactly.
Rewrite them with `CLIO_UPDATE_GOLDEN=1 pytest tests/golden` and review the diff."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from clio.core.tutor import Tutor
from golden.harness import (
    GOLDEN_DIR,
    load_script,
    run_script,
    settings_for,
    updating,
    write_transcript,
)

GOLDEN_FILES = sorted(GOLDEN_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
async def test_golden_chat(path: Path, real_tutor: Tutor, cache_dir: Path, tmp_path: Path) -> None:
    script = load_script(path)
    run = await run_script(script, tutor=real_tutor, settings=settings_for(tmp_path, cache_dir))
    transcript = run.transcript
    if updating():
        write_transcript(path, transcript)
        return
    assert script.transcript is not None, (
        f"{path}: no transcript yet; run with CLIO_UPDATE_GOLDEN=1"
    )
    if transcript != script.transcript:
        diff = difflib.unified_diff(
            script.transcript.splitlines(),
            transcript.splitlines(),
            fromfile=f"{path.name} (expected)",
            tofile="this run",
            lineterm="",
        )
        pytest.fail("\n".join(diff), pytrace=False)
