"""Every problem libyaml and PyYAML report, in Swedish: what it usually means in a strategy file
and what to write instead. The reader (yamlsource.py) looks each problem up here, so a partner
never meets the parser's English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    """What a YAML problem usually means in a strategy file, and what to write instead."""

    message: str
    hint: str


_COLON = Wording(
    "Ett kolon står där YAML inte väntar sig ett.",
    'Om texten innehåller kolon följt av mellanslag, sätt hela texten inom citattecken: namn: "Mål: bättre hälsa".',
)
_ESCAPE_CODE = Wording(
    "En teckenkod (\\x, \\u eller \\U) inom dubbla citattecken är ogiltig.",
    "Skriv tecknet som det är i stället för koden, eller använd enkla citattecken ('…') om bakstrecket "
    "ska stå kvar i texten.",
)
TAB = Wording(
    "Raden är indragen med tabbtecken. YAML tillåter bara mellanslag i indrag.",
    "Ersätt tabbtecknet med mellanslag (två mellanslag per nivå).",
)
_BLOCK_TEXT = Wording(
    "En text på flera rader (efter | eller >) är inte korrekt inledd.",
    "Skriv bara | eller > efter kolonet (eventuellt följt av - eller +) och börja texten på nästa rad, "
    "indragen med mellanslag.",
)
_DIRECTIVE = Wording(
    "En rad som börjar med % läses av YAML som ett direktiv, och sådana används inte i strategifilerna.",
    "Ta bort raden. Om en text ska börja med %, sätt den inom citattecken.",
)
_DOCUMENT_END = Wording(
    "YAML läser filen som slut före den här raden: raden börjar längre till vänster än raderna i början "
    "av filen, eller står efter en rad med tre punkter (...) eller ett direktiv (%).",
    "Låt fälten på översta nivån börja i första kolumnen, utan mellanslag före, och ta bort rader med "
    "bara ... och rader som börjar med %.",
)
_TAG = Wording(
    "Ett värde börjar med utropstecken (!), som YAML läser som en tagg. Taggar används inte i strategifilerna.",
    'Sätt hela texten inom citattecken, t.ex. namn: "!Viktigt".',
)
ANCHOR = Wording(
    "Filen använder YAML-ankare eller alias (& eller *), som inte är tillåtna i strategifilerna.",
    "Skriv ut värdet på varje ställe där det behövs. Om en text börjar med & eller *, sätt den inom citattecken.",
)
_QUOTED = Wording(
    "En text inom citattecken är inte korrekt skriven.",
    "Kontrollera att texten slutar med samma citattecken som den börjar med. Inom dubbla citattecken "
    "skrivs bakstreck dubbelt (\\\\); enkla citattecken ('…') tar texten precis som den står.",
)
SECOND_DOCUMENT = Wording(
    "Filen innehåller mer än ett YAML-dokument (skiljelinjen ---).",
    "Ta bort den extra skiljelinjen ---; en fil beskriver en sak.",
)
UNREADABLE = Wording(
    "YAML kan inte läsa filen här.",
    "Jämför med en fungerande fil av samma slag och kontrollera indrag, kolon och citattecken. Sätt en text "
    "inom citattecken om den innehåller något av tecknen : # & * ! | > ' \" % @ `.",
)
"""For a problem the tables below do not know: PyYAML's English never reaches a partner."""

# PyYAML's and libyaml's problems (the texts after "problem" in their errors; the two word some
# differently), each as a part of the English that both share, with what it means in a strategy file.
# tests/test_yamlsource.py lists every problem libyaml can report and checks that each is here.
_PROBLEMS: tuple[tuple[str, Wording], ...] = (
    ("mapping values are not allowed", _COLON),
    ("found unexpected ':'", _COLON),
    ("could not find expected ':'", Wording(
        "Raden saknar kolon efter fältnamnet, eller har fel indrag.",
        "Skriv fältnamn, kolon och mellanslag före värdet (namn: värde) och kontrollera indraget.",
    )),
    ("did not find expected key", Wording(
        "Indraget stämmer inte: här väntas ett nytt fält på samma nivå som fälten ovanför.",
        "Ge raden samma antal mellanslag i början som de andra fälten på samma nivå.",
    )),
    ("expected <block end>", Wording(
        "Indraget stämmer inte med raderna ovanför.",
        "Kontrollera antalet mellanslag i början av raden; fält på samma nivå ska börja i samma kolumn.",
    )),
    ("did not find expected '-' indicator", Wording(
        "En rad i en lista har fel indrag.",
        "Låt varje listrad börja med bindestreck och mellanslag (- ) i samma kolumn.",
    )),
    ("sequence entries are not allowed", Wording(  # libyaml: "block sequence entries are not ..."
        "Ett bindestreck (- ) som inleder en listrad står där YAML inte väntar sig en lista.",
        "Börja listan på en ny rad under fältnamnet, med - först på varje rad. Om en text ska börja med "
        "bindestreck, sätt den inom citattecken.",
    )),
    ("mapping keys are not allowed", Wording(
        "Ett frågetecken (?) följt av mellanslag står där YAML inte väntar sig ett.",
        'Sätt texten inom citattecken, t.ex. namn: "? Vad händer nu".',
    )),
    ("found unexpected end of stream", Wording(
        "Filen tar slut mitt i ett värde, troligen för att ett citattecken aldrig stängs.",
        "Kontrollera att varje text som börjar med \" eller ' också slutar med samma tecken.",
    )),
    ("node content", Wording(  # "expected the node content" in PyYAML, "did not find expected node content" in libyaml
        "Här saknas ett värde, eller så stängs aldrig en lista [ eller en tabell {.",
        "Skriv värdet efter kolonet, och avsluta listor med ] och tabeller med }.",
    )),
    ("found unknown escape character", Wording(
        "Ett bakstreck (\\) inom dubbla citattecken följs av ett tecken YAML inte känner till.",
        "Använd enkla citattecken ('…') runt texten, eller skriv bakstrecket dubbelt (\\\\).",
    )),
    ("invalid Unicode character escape code", _ESCAPE_CODE),
    ("hexdecimal number", _ESCAPE_CODE),  # sic, libyaml's spelling
    ("hexadecimal numbers", _ESCAPE_CODE),
    ("expected a single document", SECOND_DOCUMENT),
    ("but found another document", SECOND_DOCUMENT),
    ("that cannot start any token", Wording(
        "Ett värde börjar med ett tecken som YAML reserverar (t.ex. @, ` eller %).",
        'Sätt hela värdet inom citattecken, t.ex. namn: "@exempel".',
    )),
    ("',' or ']'", Wording(
        "En lista inom hakparenteser [ ] är inte korrekt skriven.",
        "Skilj värdena åt med kommatecken och avsluta med ], t.ex. goals: [mal-a, mal-b].",
    )),
    ("',' or '}'", Wording(
        "En tabell inom klammerparenteser { } är inte korrekt skriven.",
        "Skilj fälten åt med kommatecken och avsluta med }.",
    )),
    ("tab character", TAB),
    ("found unexpected document", Wording(  # "... document indicator" in libyaml, "... separator" in PyYAML
        "En rad med --- eller ... står mitt i en text inom citattecken.",
        "Stäng citattecknet före raden, eller skriv texten efter | på egna rader om den ska ha flera rader.",
    )),
    ("indentation indicator", _BLOCK_TEXT),
    ("chomping", _BLOCK_TEXT),
    ("<document start>", _DOCUMENT_END),
    ("undefined tag handle", _TAG),
    ("tag URI", _TAG),
    ("URI escape", _TAG),
    ("expected URI", _TAG),
    ("the expected '>'", _TAG),
    ("incompatible YAML document", _DIRECTIVE),
    ("YAML directive", _DIRECTIVE),
    ("TAG directive", _DIRECTIVE),
    ("duplicate tag handle", _DIRECTIVE),
    ("directive name", _DIRECTIVE),
    ("version number", _DIRECTIVE),
    ("undefined alias", ANCHOR),
    ("duplicate anchor", ANCHOR),
)

# What YAML was reading when it failed ("while scanning a block scalar"), for the problems that
# mean different things in different places ("did not find expected comment or line break").
_CONTEXTS: tuple[tuple[str, Wording], ...] = (
    ("block scalar", _BLOCK_TEXT),
    ("directive", _DIRECTIVE),
    ("tag", _TAG),
    ("anchor", ANCHOR),
    ("alias", ANCHOR),
    ("quoted scalar", _QUOTED),
    ("simple key", _PROBLEMS[2][1]),
)


def wording(problem: str, context: str = "") -> Wording:
    """The Swedish for a problem PyYAML or libyaml reports, never its English."""
    for english, worded in _PROBLEMS:
        if english in problem:
            return worded
    for english, worded in _CONTEXTS:
        if english in context:
            return worded
    return UNREADABLE
