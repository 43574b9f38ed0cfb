"""Split digit runs that lost their cell boundaries (``52100053`` for seven cells).

The template knows how many cells a row has and which of them are sums of others; a
split is accepted only when it is the one way to read the digits that satisfies them.
Numbers have no leading zeros (``0`` itself aside), as printed numbers do not.
"""

from __future__ import annotations

from collections.abc import Iterator

MAX_STEPS = 200_000
MAX_DIGITS = 9  # no cell of an annual report holds a billion
Sums = tuple[tuple[int, tuple[int, ...]], ...]


def splits(parts: list[int | float | str], width: int, sums: Sums = (), limit: int = 2) -> list[list]:
    """Ways to read ``parts`` as exactly ``width`` numbers.

    A ``str`` part is a digit run that may hold several cells; a number is one cell.
    Returns up to ``limit`` readings that satisfy every (total, components) identity.
    """
    found: list[list] = []
    steps = 0

    def walk(i: int, acc: list) -> None:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS or len(found) >= limit:
            return
        if i == len(parts):
            if len(acc) == width and _holds(acc, sums):
                found.append(list(acc))
            return
        part = parts[i]
        if not isinstance(part, str):
            walk(i + 1, acc + [part])
            return
        room = width - len(acc) - (len(parts) - i - 1)
        if room < 1 or len(part) > room * MAX_DIGITS:
            return
        for way in _ways(part, room):
            steps += 1
            if steps > MAX_STEPS or len(found) >= limit:
                return
            walk(i + 1, acc + way)

    walk(0, [])
    return found


def _ways(digits: str, room: int) -> Iterator[list[int]]:
    """Every reading of ``digits`` as 1..room numbers without leading zeros."""
    if room < 1:
        return
    if len(digits) > room * MAX_DIGITS:
        return
    if (digits == "0" or digits[0] != "0") and len(digits) <= MAX_DIGITS:
        yield [int(digits)]
    if room == 1:
        return
    for cut in range(1, len(digits)):
        head = digits[:cut]
        if (len(head) > 1 and head[0] == "0") or cut > MAX_DIGITS:
            break
        for rest in _ways(digits[cut:], room - 1):
            yield [int(head)] + rest


def _holds(values: list, sums: Sums) -> bool:
    return all(values[total] == sum(values[c] for c in parts) for total, parts in sums)
