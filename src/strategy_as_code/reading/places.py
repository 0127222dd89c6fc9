"""Where in a file a value stands, in the words a partner reads in a message: ``fältet "value" i
det 8:e värdet under "values"``, never ``values[7].value`` counted from zero. Every message of the
reading stage that names a field or a list position words it here."""

from __future__ import annotations

from strategy_as_code.problems import visible
from strategy_as_code.swedish import ordinal

Path = tuple[str | int, ...]

ITEMS: dict[str, tuple[str, str]] = {
    "values": ("det", "värdet"),
    "goals": ("det", "målet"),
    "agenda2030": ("det", "globala målet"),
    "strategies": ("den", "strategin"),
    "partners": ("den", "aktören"),
    "priorities": ("den", "prioriteringen"),
    "milestones": ("det", "etappmålet"),
    "target": ("det", "målet"),
    "series": ("den", "serien"),
    "horizons": ("den", "tidshorisonten"),
    "links": ("den", "länken"),
    "shortcomings": ("den", "bristen"),
    "out_of_scope": ("det", "undantaget"),
}
"""A list field -> the article and the definite noun of one of its items: the Swedish name of
what the list holds ("det 8:e värdet", "den 2:a aktören")."""

_ANY_ITEM = ("den", "punkten")
"""An item of a list not named above, or of a list inside a list."""


OWNERS = ("det", "kontot")
"""An item of a list of reviewers under ``owners`` (whatever folder the list is for)."""


def _noun(key: tuple[str, ...]) -> tuple[str, str]:
    if not key:
        return _ANY_ITEM
    if key[0] == "owners":
        return OWNERS
    return ITEMS.get(key[-1], _ANY_ITEM)


def _item(index: int, key: tuple[str, ...]) -> str:
    article, noun = _noun(key)
    words = f"{article} {ordinal(index + 1)} {noun}"
    return f'{words} under "{visible(".".join(key))}"' if key else words


def place(path: Path, *, capital: bool = False, noun: str = "fältet") -> str:
    """``path`` in words, from the innermost part out: ``fältet "baseline.year"``, ``det 2:a målet
    under "goals"``, ``fältet "year" i det 3:e värdet under "values" i den 1:a serien under
    "series"``; ``filen`` for the file as a whole. ``capital`` to begin a sentence with it; ``noun``
    for a field that is a list (``listan "goals"``)."""
    parts: list[str] = []
    rest = list(path)
    keys: list[str] = []
    while rest and isinstance(rest[-1], str):
        keys.insert(0, str(rest.pop()))
    if keys:
        parts.append(f'{noun} "{visible(".".join(keys))}"')
    while rest:
        index = rest.pop()
        assert isinstance(index, int)
        key: list[str] = []
        while rest and isinstance(rest[-1], str):
            key.insert(0, str(rest.pop()))
        parts.append(_item(index, tuple(key)))
    words = " i ".join(parts) or "filen"
    return words[0].upper() + words[1:] if capital else words


def is_neuter(path: Path) -> bool:
    """Whether the words of :func:`place` are an ett-word, for an adjective after them: "fältet är
    tomt", but "den 2:a prioriteringen är tom" and "filen är tom"."""
    if not path:
        return False
    if isinstance(path[-1], str):
        return True
    key = path[-2] if len(path) > 1 and isinstance(path[-2], str) else None
    if key is None:
        return _ANY_ITEM[0] == "det"
    return _noun(tuple(str(part) for part in path[:-1] if isinstance(part, str)))[0] == "det"
