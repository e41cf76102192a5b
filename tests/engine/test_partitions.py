"""The Dask engine's group-bys: of the numbers on their blocks (engine/dask_blocks.py), every block whole in one
partition, every number in exactly one, the same partitions in every run; of the dates and superlatives on
their components (engine/dask_components.py), the same, and partitions of about the same size."""

from __future__ import annotations

import random

import pytest

from factcheck.engine.dask_blocks import partition_blocks
from factcheck.engine.dask_components import pack_components


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


@pytest.mark.parametrize("parts", [1, 2, 5, 64])
def test_components_are_whole_balanced_and_stable(parts: int) -> None:
    rng = random.Random(parts)
    positions = list(range(800))
    rng.shuffle(positions)
    found, at = [], 0
    while at < len(positions):  # components of 1 to 40 claims, one of 150
        size = 150 if not found else rng.randint(1, 40)
        found.append(sorted(positions[at : at + size]))
        at += size
    found.sort(key=lambda c: c[0])
    partitions = pack_components(found, parts)
    assert len(partitions) <= parts and all(partitions)
    assert sorted(c[0] for part in partitions for c in part) == [c[0] for c in found]  # each component once, whole
    assert all(part == sorted(part, key=lambda c: c[0]) for part in partitions)
    loads = sorted(sum(map(len, part)) for part in partitions)
    assert loads[-1] <= max(150, loads[0] + 40)  # no partition holds more than the smallest and one component
    assert pack_components(found, parts) == partitions
