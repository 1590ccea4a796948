"""Folder counts roll up to every ancestor."""

from __future__ import annotations

import uuid

from common.repos.folders import TreeNode
from functions.course.library import roll_up


def test_counts_roll_up_to_ancestors_and_empty_branches_are_left_out() -> None:
    a, b, c, d = (uuid.uuid4() for _ in range(4))
    nodes = [TreeNode(a, None, None, 0), TreeNode(b, a, None, 1), TreeNode(c, b, None, 2), TreeNode(d, None, None, 0)]
    assert roll_up({c: 2, a: 1}, nodes) == {a: 3, b: 2, c: 2}
