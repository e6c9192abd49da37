"""Where Clio finds its seeds and dialogs: configured, the working folder's, or bundled."""

from __future__ import annotations

from pathlib import Path

from clio.settings import content_dir


def test_a_configured_folder_wins_even_if_missing(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    chosen = content_dir("seeds", "/elsewhere/mine", cwd=tmp_path, package=tmp_path)
    assert chosen == Path("/elsewhere/mine")


def test_the_working_folders_content_comes_before_the_bundled(tmp_path: Path) -> None:
    work, package, tree = tmp_path / "work", tmp_path / "pkg", tmp_path / "tree"
    for folder in (work / "dialogs", package / "dialogs", tree / "dialogs"):
        folder.mkdir(parents=True)
    assert content_dir("dialogs", None, cwd=work, package=package, source_tree=tree) == (
        work / "dialogs"
    )
    (work / "dialogs").rmdir()
    assert content_dir("dialogs", "", cwd=work, package=package, source_tree=tree) == (
        package / "dialogs"
    )
    (package / "dialogs").rmdir()
    assert content_dir("dialogs", None, cwd=work, package=package, source_tree=tree) == (
        tree / "dialogs"
    )


def test_with_nothing_found_the_name_is_what_an_error_shows(tmp_path: Path) -> None:
    chosen = content_dir(
        "seeds", None, cwd=tmp_path, package=tmp_path / "p", source_tree=tmp_path / "t"
    )
    assert chosen == tmp_path / "seeds" and not chosen.exists()
