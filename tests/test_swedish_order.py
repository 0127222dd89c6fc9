"""Swedish alphabetical order (a–z, then å, ä, ö) in every list the site shows, whatever the
machine's locale."""

from __future__ import annotations

from strategy_as_code import load_strategy
from strategy_as_code.swedish import collation_key
from support import EXAMPLE


def test_a_a_o_come_after_z_in_that_order():
    names = ["Örebro", "Zürich", "Ängby", "Yxa", "Åsby kommun", "Éclair", "Ekeby", "Länsstyrelsen", "Långnäs kommun"]
    assert sorted(names, key=collation_key) == [
        "Éclair", "Ekeby", "Långnäs kommun", "Länsstyrelsen", "Yxa", "Zürich", "Åsby kommun", "Ängby", "Örebro",
    ]


def test_case_and_accents_do_not_split_the_order_and_ties_are_stable():
    assert sorted(["ö", "z", "o", "é", "e"], key=collation_key) == ["e", "é", "o", "z", "ö"]
    assert collation_key("Ekeby")[0] == collation_key("ekeby")[0]
    assert collation_key("Éclair")[0] == collation_key("eclair")[0]
    assert sorted(["b", "B"], key=collation_key) == ["B", "b"]


def test_the_partners_are_listed_in_swedish_order():
    partners = [str(partner.name) for partner in load_strategy(EXAMPLE).partners]
    assert partners == sorted(partners, key=collation_key)
    assert partners.index("Långnäs kommun") < partners.index("Länsstyrelsen i Sjölands län")
    assert partners.index("Åsby kommun") > partners.index("Sjöstads kommun")
