"""The Dask engine's group-by of the numbers (engine/dask_blocks.py): every block whole in one partition,
every number in exactly one, the same partitions in every run."""

from __future__ import annotations

import random

import pytest

from factcheck.engine.dask_blocks import partition_blocks


@pytest.mark.parametrize("parts", [1, 2, 5, 64])
def test_blocks_are_whole_and_stable(parts: int) -> None:
    rng = random.Random(parts)
    keyed = [((rng.choice(["count", "currency"]), f"name{rng.randrange(40)}", ""), i) for i in range(500)]
    partitions = partition_blocks(keyed, parts)
    assert len(partitions) <= parts and all(partitions)
    positions = sorted(p for part in partitions for block in part for p in block)
    assert positions == list(range(500))
    home = {}
    for n, part in enumerate(partitions):
        for block in part:
            keys = {keyed[p][0] for p in block}
            assert len(keys) == 1 and block == sorted(block)
            assert keys.pop() not in home
            home[keyed[block[0]][0]] = n
    assert partition_blocks(keyed, parts) == partitions
