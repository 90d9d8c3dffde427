"""Combinatorial designs: rounds of equal teams in which no pair of people meets twice.

For a pure rotation (everybody movable, equal teams, no keep-apart pairs) the search starts
from one of these when the numbers fit: transversal designs and affine planes over a finite
field, a cyclic design for 6 teams of 4, and doubled affine planes for 8 teams of 4 over 10
rounds and 6 teams of 3 over 8.  A design is a list of rounds, each a list of teams, each a list
of point numbers ``0 .. k*s - 1``; the search maps points to people at random.
"""

from __future__ import annotations

import itertools

__all__ = [
    "CYCLIC",
    "DOUBLED",
    "IRREDUCIBLE",
    "affine_rounds",
    "cyclic_rounds",
    "design_rounds",
    "doubled_rounds",
    "galois_field",
    "solve_gf2",
]

Design = list[list[list[int]]]

# Prime powers p**m that are not prime -> (p, coefficients of a monic irreducible polynomial of
# degree m over GF(p), constant term first): GF(p**m) is GF(p)[x] modulo that polynomial.
IRREDUCIBLE: dict[int, tuple[int, list[int]]] = {
    4: (2, [1, 1, 1]),
    8: (2, [1, 1, 0, 1]),
    9: (3, [1, 0, 1]),
    16: (2, [1, 1, 0, 0, 1]),
    25: (5, [3, 0, 1]),
    27: (3, [1, 2, 0, 1]),
}


def _is_prime(x: int) -> bool:
    return x >= 2 and all(x % d for d in range(2, int(x**0.5) + 1))


def galois_field(order: int) -> tuple[list[list[int]], list[list[int]]] | None:
    """Addition and multiplication tables of GF(order), or None if not supported."""
    if _is_prime(order):
        add = [[(a + b) % order for b in range(order)] for a in range(order)]
        mul = [[(a * b) % order for b in range(order)] for a in range(order)]
        return add, mul
    if order not in IRREDUCIBLE:
        return None
    p, poly = IRREDUCIBLE[order]
    m = len(poly) - 1

    def digits(x: int) -> list[int]:
        return [(x // p**i) % p for i in range(m)]

    def number(ds: list[int]) -> int:
        return sum(d * p**i for i, d in enumerate(ds))

    def mult(a: int, b: int) -> int:
        da, db = digits(a), digits(b)
        prod = [0] * (2 * m - 1)
        for i, x in enumerate(da):
            for j, y in enumerate(db):
                prod[i + j] = (prod[i + j] + x * y) % p
        for deg in range(2 * m - 2, m - 1, -1):
            coef = prod[deg]
            if coef:
                for i, c in enumerate(poly):
                    prod[deg - m + i] = (prod[deg - m + i] - coef * c) % p
        return number(prod[:m])

    add = [
        [
            number([(x + y) % p for x, y in zip(digits(a), digits(b), strict=True)])
            for b in range(order)
        ]
        for a in range(order)
    ]
    mul = [[mult(a, b) for b in range(order)] for a in range(order)]
    return add, mul


# Cyclic resolvable designs: (teams, size) -> (m, rows, base round).  Points are (x, row) with
# x in Z_m, numbered row*m + x, plus infinite points numbered from m*rows (written as
# (-1, j)); round t adds t (mod m) to every finite x, giving m rounds with no repeated pair.
CYCLIC: dict[tuple[int, int], tuple[int, int, list[list[tuple[int, int]]]]] = {
    (6, 4): (
        7,
        3,
        [
            [(-1, 0), (0, 2), (1, 0), (2, 1)],
            [(-1, 1), (2, 0), (4, 2), (5, 1)],
            [(-1, 2), (0, 1), (3, 0), (3, 2)],
            [(0, 0), (4, 0), (6, 0), (6, 1)],
            [(5, 0), (1, 2), (2, 2), (6, 2)],
            [(1, 1), (3, 1), (4, 1), (5, 2)],
        ],
    ),
}


def cyclic_rounds(k: int, s: int, rounds: int) -> Design | None:
    """Up to m rounds of k groups of s from the base round in CYCLIC, or None."""
    spec = CYCLIC.get((k, s))
    if spec is None or rounds > spec[0]:
        return None
    m, rows, base = spec
    out = []
    for t in range(rounds):
        groups = []
        for block in base:
            groups.append([m * rows + j if x < 0 else j * m + (x + t) % m for x, j in block])
        out.append(groups)
    return out


# Doubled affine planes: s -> a relabelling of the s*s points of AG(2, s).  The s+1 parallel
# classes of AG(2, s), followed by the same classes relabelled, give 2(s+1) rounds in which
# every pair of base points shares a line exactly twice and no two lines share three points.
# Each base point p becomes two people 2p and 2p+1 (who never meet), and each line becomes
# two complementary teams, one person per base point; doubled_rounds picks which copy of
# each base point goes into which team so that the two lines through a pair of base points
# cover its four cross pairs exactly once.  For s = 4 this gives the 10 rounds of 8 teams of
# 4 that a 32-person roster allows.  The relabellings were found by a search over random
# permutations of the points, kept only if the parity equations below are solvable.
DOUBLED: dict[int, list[int]] = {
    3: [2, 3, 6, 0, 8, 1, 5, 4, 7],
    4: [6, 12, 4, 14, 9, 3, 0, 8, 13, 5, 15, 7, 2, 1, 11, 10],
}


def solve_gf2(rows: list[tuple[int, int]]) -> int | None:
    """A solution of the GF(2) system given as (bitmask of variables, right-hand side)."""
    pivots: dict[int, tuple[int, int]] = {}
    for mask, rhs in rows:
        for col, (pm, pr) in pivots.items():
            if mask >> col & 1:
                mask ^= pm
                rhs ^= pr
        if not mask:
            if rhs:
                return None
            continue
        col = mask.bit_length() - 1
        for c2, (pm, pr) in list(pivots.items()):
            if pm >> col & 1:
                pivots[c2] = (pm ^ mask, pr ^ rhs)
        pivots[col] = (mask, rhs)
    return sum(1 << col for col, (_, pr) in pivots.items() if pr)


def doubled_rounds(k: int, s: int, rounds: int) -> Design | None:
    """Up to 2(s+1) rounds of k = 2s teams of s with no repeated pair (see DOUBLED)."""
    relabel = DOUBLED.get(s)
    if relabel is None or k != 2 * s or rounds > 2 * (s + 1):
        return None
    f = galois_field(s)
    assert f is not None, "every order in DOUBLED is a field order galois_field supports"
    add, mul = f
    plane = [[[x * s + add[mul[m][x]][c] for x in range(s)] for c in range(s)] for m in range(s)]
    plane.append([[c * s + y for y in range(s)] for c in range(s)])
    classes = plane + [[[relabel[p] for p in line] for line in cls] for cls in plane]
    lines = [line for cls in classes for line in cls]
    # one variable per (line, point): which copy of the point goes to the line's first team
    var = {(li, p): li * s + j for li, line in enumerate(lines) for j, p in enumerate(line)}
    through: dict[tuple[int, int], list[int]] = {}
    for li, line in enumerate(lines):
        for a, b in itertools.combinations(sorted(line), 2):
            through.setdefault((a, b), []).append(li)
    rows = []
    for (a, b), (l1, l2) in through.items():
        mask = 0
        for li in (l1, l2):
            mask ^= (1 << var[li, a]) ^ (1 << var[li, b])
        rows.append((mask, 1))
    sol = solve_gf2(rows)
    assert sol is not None, "every relabelling in DOUBLED was kept because its system is solvable"
    out = []
    for ci, cls in enumerate(classes[:rounds]):
        groups = []
        for j, line in enumerate(cls):
            li = ci * s + j  # every class holds s lines
            first = [2 * p + (sol >> var[li, p] & 1) for p in line]
            groups.append(first)
            groups.append([q ^ 1 for q in first])
        out.append(groups)
    return out


def affine_rounds(k: int, s: int, rounds: int) -> Design | None:
    """Up to k+1 rounds of k groups of s (s <= k, k a prime power) with no repeated pair.

    Points are (x, y), x in GF(k), y < s, numbered y*k + x.  Round m < k groups point
    (c + m*y, y) for each c (a transversal design); round k, if s divides k, splits each
    row y into k/s groups.
    """
    if s > k or s < 1:
        return None
    limit = k + (1 if k % s == 0 else 0)
    if rounds > limit:
        return None
    f = galois_field(k)
    if f is None:
        return None
    add, mul = f
    out = []
    for m in range(min(rounds, k)):
        out.append([[y * k + add[c][mul[m][y]] for y in range(s)] for c in range(k)])
    if rounds > k:
        groups = []
        for y in range(s):
            row = [y * k + x for x in range(k)]
            groups.extend(row[j : j + s] for j in range(0, k, s))
        out.append(groups)
    return out


def design_rounds(k: int, s: int, rounds: int) -> Design | None:
    """Rounds of k groups of s with no repeated pair from a known design, or None."""
    for construction in (cyclic_rounds, affine_rounds, doubled_rounds):
        design = construction(k, s, rounds)
        if design is not None:
            return design
    return None
