/**
 * The engine's batch order, in Python: a port of pure-rand's xoroshiro128+ and uniformFloat64 (as
 * src/engine/rng.ts uses them), its Fisher–Yates shuffle, and BatchLoader's epochs (runtime/loader.ts).
 * The generator works on 32-bit halves exactly as pure-rand does, so every draw, and hence every
 * shuffle, is the engine's bit for bit.
 */
import { hashString } from '../rng';

/** The seed BatchLoader gives its generator (`createRng(orderSeed ^ hashString('shuffle'))`), as an int32. */
export function shuffleSeed(orderSeed: number): number {
  return (orderSeed ^ hashString('shuffle')) | 0;
}

export const PY_RNG = `class _Xoroshiro128Plus:
    """pure-rand's xoroshiro128+ on 32-bit halves (src/engine/rng.ts: createRng)."""

    M = 0xFFFFFFFF

    def __init__(self, seed):
        m = self.M
        self.s01, self.s00, self.s11, self.s10 = m, ~seed & m, seed & m, 0

    def next(self):
        m = self.M
        s00, s01, s10, s11 = self.s00, self.s01, self.s10, self.s11
        out = (s00 + s10) & m
        a0 = s10 ^ s00
        a1 = s11 ^ s01
        self.s00 = ((s00 << 24) & m) ^ (s01 >> 8) ^ a0 ^ ((a0 << 16) & m)
        self.s01 = ((s01 << 24) & m) ^ (s00 >> 8) ^ a1 ^ (((a1 << 16) & m) | (a0 >> 16))
        self.s10 = ((a1 << 5) & m) ^ (a0 >> 27)
        self.s11 = ((a0 << 5) & m) ^ (a1 >> 27)
        return out

    def uniform(self):
        """pure-rand's uniformFloat64: 53 random bits in [0, 1)."""
        hi = self.next() & 0x3FFFFFF
        lo = self.next() & 0x7FFFFFF
        return hi * 1.4901161193847656e-08 + lo * 1.1102230246251565e-16

    def shuffle(self, a):
        """Fisher-Yates in place, as the engine's Rng.shuffle."""
        for i in range(len(a) - 1, 0, -1):
            j = math.floor(self.uniform() * (i + 1))
            a[i], a[j] = a[j], a[i]


def batch_rows(count, batch_size, shuffle, seed):
    """The training rows of each step's batch, as the engine's BatchLoader hands them out: an epoch
    visits every row once (in a new seeded order when shuffling); its last batch may be smaller."""
    rng = _Xoroshiro128Plus(seed)
    order = list(range(count))
    if shuffle:
        rng.shuffle(order)
    size = min(batch_size, count)
    cursor = 0
    while True:
        k = min(size, count - cursor)
        yield order[cursor:cursor + k]
        cursor += k
        if cursor >= count:
            cursor = 0
            if shuffle:
                rng.shuffle(order)`;
