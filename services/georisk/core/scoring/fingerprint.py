"""MinHash fingerprints of article text (datasketch), deterministic across processes.

Word shingles are hashed with CRC-32 (fixed, unlike Python's randomised `hash()`), and the
permutations come from a fixed seed, so a text has the same signature in every process.
"""

from __future__ import annotations

import re
import zlib
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash

from georisk.core.scoring.params import DEFAULT_PARAMS

SCHEME = "affine32"
_WORD = re.compile(r"\w+")
_EMPTY = (1 << 32) - 1  # datasketch's value for "no shingle hashed into this slot"


@cache
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations  # type: ignore[no-any-return]


def shingles(text: str, size: int = DEFAULT_PARAMS.shingle_words) -> list[bytes]:
    """Overlapping runs of `size` lower-cased words (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return [" ".join(words).encode() or text.strip().encode()]
    return [" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)]


def fingerprint(text: str) -> list[int]:
    """The MinHash signature of `text` (num_perm values, each < 2**32)."""
    params = DEFAULT_PARAMS
    minhash = MinHash(
        num_perm=params.num_perm,
        seed=params.minhash_seed,
        hashfunc=zlib.crc32,
        permutations=_permutations(params.num_perm, params.minhash_seed),
        scheme=SCHEME,
    )
    minhash.update_batch(shingles(text, params.shingle_words))
    return minhash.hashvalues.tolist()  # type: ignore[no-any-return]


def as_minhash(signature: list[int], num_perm: int, seed: int) -> LeanMinHash | None:
    """A frozen MinHash for the LSH index, or None when the signature cannot be clustered."""
    if len(signature) != num_perm or all(value == _EMPTY for value in signature):
        return None
    return LeanMinHash(seed=seed, hashvalues=signature, scheme=SCHEME)


def similarity(a: LeanMinHash, b: LeanMinHash) -> float:
    """Estimated Jaccard similarity: the share of equal slots (symmetric)."""
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)
