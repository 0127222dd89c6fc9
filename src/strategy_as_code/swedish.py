"""Swedish as the site writes it: numbers with a decimal comma and a no-break space between
thousands, dates with the month's name, small counts in words, ordinals in digits (8:e), the
names of the 17 goals of Agenda 2030, and Swedish alphabetical order. Shared by the model, the
renderer, the validator's messages and the description of changes."""

from __future__ import annotations

import unicodedata

AGENDA_2030 = {
    1: "Ingen fattigdom",
    2: "Ingen hunger",
    3: "God hälsa och välbefinnande",
    4: "God utbildning för alla",
    5: "Jämställdhet",
    6: "Rent vatten och sanitet för alla",
    7: "Hållbar energi för alla",
    8: "Anständiga arbetsvillkor och ekonomisk tillväxt",
    9: "Hållbar industri, innovationer och infrastruktur",
    10: "Minskad ojämlikhet",
    11: "Hållbara städer och samhällen",
    12: "Hållbar konsumtion och produktion",
    13: "Bekämpa klimatförändringarna",
    14: "Hav och marina resurser",
    15: "Ekosystem och biologisk mångfald",
    16: "Fredliga och inkluderande samhällen",
    17: "Genomförande och globalt partnerskap",
}

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december",
)


def swedish_number(value: float | None, decimals: int | None = None) -> str:
    """1234.5 -> '1 234,5' (no-break space, decimal comma, minus sign), as Swedish authorities write.
    With ``decimals``, exactly that many, so that a series of figures lines up (32,0 beside 32,5)."""
    if value is None:
        return "–"
    if decimals is not None:
        text = f"{value:,.{decimals}f}"
        return text.replace(",", "\u00a0").replace(".", ",").replace("-", "\u2212")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",").replace("-", "\u2212")


_NUMBER_WORDS = ("noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv")


def number_word(count: int, *, neuter: bool = False) -> str:
    """Small counts in words, as Swedish prose writes them (1–12); larger ones as digits.
    ``neuter`` for ett-words: "ett mål", "en strategi"."""
    if count == 1 and neuter:
        return "ett"
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else swedish_number(count)


def ordinal(number: int) -> str:
    """1 -> '1:a', 3 -> '3:e', 11 -> '11:e', 21 -> '21:a': as Swedish writes ordinals in digits."""
    ending = "a" if number % 10 in (1, 2) and number % 100 not in (11, 12) else "e"
    return f"{number}:{ending}"


def swedish_date(iso: str) -> str:
    """'2021-06-15' -> '15 juni 2021'."""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


# Swedish alphabetical order: a–z, then å, ä, ö. Letters Swedish dictionaries file elsewhere (æ with
# ä, ø with ö, ü with y) are moved there; other accents (é, à, ç) sort as their base letter.
_LAST_LETTERS = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y"}
"""The three letters after z, as the three characters after "z" in Unicode."""


def collation_key(text: str) -> tuple[str, str]:
    """A key that puts texts in Swedish alphabetical order without depending on the machine's
    locale (CI has no sv_SE): "Långnäs kommun" before "Länsstyrelsen", "Örebro" after "Zürich".
    The text itself breaks ties, so the order is the same on every machine."""
    letters = []
    for char in text.casefold():
        if char in _LAST_LETTERS:
            letters.append(_LAST_LETTERS[char])
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        letters.append(base)
    return "".join(letters), text


def sdg_words(target: int | str) -> str:
    """A global goal (7) or one of its targets ("11.2") in words: "globalt mål 7, hållbar energi
    för alla" or "delmål 11.2 inom globalt mål 11, hållbara städer och samhällen"."""
    goal = int(str(target).split(".")[0])
    name = AGENDA_2030.get(goal, "").lower()
    if isinstance(target, str) and "." in target:
        return f"delmål {target} inom globalt mål {goal}, {name}"
    return f"globalt mål {goal}, {name}"
