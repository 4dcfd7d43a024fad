"""scan_folder: every file, hidden and nested, sorted, '/'-separated."""

from __future__ import annotations

import os

from nianbao.ingest.scan import list_files


def test_lists_everything(tmp_path):
    names = ["b.txt", "a b/年报 2020 📚.txt", ".hidden", ".dir/x.txt", "a/b/c/d/e/f/g.txt", "无扩展名", "A.TXT"]
    for n in names:
        p = tmp_path / n
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    (tmp_path / "empty-dir").mkdir()
    assert list_files(tmp_path) == sorted(names)


def test_symlinks(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f.txt").write_bytes(b"x")
    os.symlink(tmp_path / "d", tmp_path / "loop")  # a link to a folder: listed, not followed
    os.symlink(tmp_path / "d" / "f.txt", tmp_path / "link.txt")
    os.symlink(tmp_path / "missing", tmp_path / "dangling.txt")
    assert list_files(tmp_path) == ["d/f.txt", "dangling.txt", "link.txt", "loop"]
