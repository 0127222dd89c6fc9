"""Swedish words and sentence patterns for the synthetic strategies of the benchmark
(generate.py): enough variety that text, search index and Markdown look like a real RUS."""

from __future__ import annotations

TOPICS: tuple[tuple[str, str], ...] = (
    # (indefinite, definite): "insatser för kompetensförsörjning", "kompetensförsörjningen varierar"
    ("kompetensförsörjning", "kompetensförsörjningen"),
    ("kollektivtrafik", "kollektivtrafiken"),
    ("digital infrastruktur", "den digitala infrastrukturen"),
    ("folkhälsa", "folkhälsan"),
    ("klimatomställning", "klimatomställningen"),
    ("besöksnäring", "besöksnäringen"),
    ("innovationsförmåga", "innovationsförmågan"),
    ("bostadsbyggande", "bostadsbyggandet"),
    ("livsmedelsproduktion", "livsmedelsproduktionen"),
    ("kulturliv", "kulturlivet"),
    ("utbildning", "utbildningsnivån"),
    ("företagande", "företagandet"),
    ("energiförsörjning", "energiförsörjningen"),
    ("vattenförsörjning", "vattenförsörjningen"),
    ("inkludering", "inkluderingen"),
    ("digitalisering", "digitaliseringen"),
    ("civil beredskap", "den civila beredskapen"),
    ("cirkulär ekonomi", "den cirkulära ekonomin"),
    ("biologisk mångfald", "den biologiska mångfalden"),
    ("jämställdhet", "jämställdheten"),
    ("tillgänglighet", "tillgängligheten"),
    ("service på landsbygden", "servicen på landsbygden"),
)

PLACE_PREFIXES = (
    "Björk", "Ek", "Gran", "Sjö", "Hamn", "Norr", "Sör", "Väst", "Öst", "Lång", "Ås", "Berg", "Dal", "Lind", "Al",
    "Ask", "Hög", "Mo", "Rå", "Tall",
)
PLACE_SUFFIXES = ("by", "fors", "näs", "berga", "vik", "stad", "mo", "holm", "hult", "köping", "sund", "torp", "lunda")

AREAS = (
    "länets inland", "skärgården", "kustområdet", "Vidsjöbygden", "de mindre tätorterna", "landsbygden",
    "bruksorterna", "Sjöstadsregionen", "norra länsdelen", "södra länsdelen",
)

GROUPS = (
    "unga vuxna", "barn och unga", "äldre", "nyanlända", "personer med funktionsnedsättning",
    "små och medelstora företag", "långtidsarbetslösa", "studenter", "föreningslivet", "landsbygdens företagare",
)

ACTORS = (
    "kommunerna", "Region Sjöland", "Länsstyrelsen", "universitetet", "näringslivet", "civilsamhället",
    "folkbildningen", "arbetsgivarna", "de statliga myndigheterna", "länets folkhögskolor",
)

SENTENCES = (
    "{Topic_def} är avgörande för att länet ska kunna växa på ett hållbart sätt.",
    "I {area} är skillnaderna stora, och {group} har sämre förutsättningar än genomsnittet i länet.",
    "Partnerskapet ska därför samla {actor} och {actor2} kring gemensamma insatser för {topic}.",
    "Sedan {year} har värdet förbättrats med {n} procent, men utvecklingen går långsammare än vad som krävs.",
    "Arbetet ska bygga på kunskap om behoven i länets olika delar och följas upp varje år.",
    "Det kräver långsiktighet, tydliga roller och att resurserna samordnas mellan kommunerna, regionen och staten.",
    "{Actor} har en särskild roll i att utveckla {topic_def} i {area}.",
    "Fler ska kunna bo, arbeta och leva ett gott liv i hela länet, även utanför de större tätorterna.",
    "En förutsättning är att {group} görs delaktiga tidigt och får möjlighet att påverka.",
    "Erfarenheterna från {place} visar att samverkan över kommungränserna ger bättre resultat än insatser var för sig.",
    "Omställningen ställer nya krav på {topic_def}, och de behöver mötas med både utbildning och investeringar.",
    "Länet har goda förutsättningar, men {topic_def} varierar mellan kvinnor och män och mellan stad och landsbygd.",
    "Insatserna bidrar till de globala målen i Agenda 2030 och till den nationella strategin för regional utveckling.",
    "Det handlar också om att ta vara på den kunskap och det engagemang som finns hos {group}.",
    "Fram till 2030 ska {actor} prioritera {topic} i {area} och i {place}.",
    "Befolkningen växer i {place} men minskar i {area}, vilket ställer olika krav på {topic_def}.",
    "{Actor} och {actor2} har under flera år byggt upp ett nära samarbete kring {topic}.",
    "Kostnaderna ökar snabbare än intäkterna, och därför behöver arbetet med {topic} bli mer samordnat.",
)

SUMMARIES = (
    "{Topic_def} ska stärkas i hela länet så att {group} får bättre förutsättningar att bo, arbeta och leva här.",
    "Länets aktörer samverkar om {topic} för att {area} ska vara en attraktiv plats att bo och verka i.",
    "Vi utvecklar {topic_def} tillsammans, med särskilt fokus på {group} och på {area}.",
    "{Actor} och {actor2} tar ett gemensamt ansvar för {topic_def}, så att hela länet kan växa hållbart.",
)

PRIORITIES = (
    "Utveckla samverkan mellan {actor} och {actor2} om {topic}.",
    "Stärka {topic_def} i {area}, med särskilt fokus på {group}.",
    "Ta fram en gemensam kunskapsbild av {topic_def} som följs upp varje år.",
    "Pröva nya lösningar för {topic} i {place} och sprida det som fungerar till resten av länet.",
    "Säkra långsiktig finansiering för insatser inom {topic} i hela länet.",
    "Göra {group} delaktiga i arbetet med {topic} från början.",
)

WORKING_METHODS = (
    "Varje år tas en gemensam analys av {topic_def} fram, för länet som helhet och för {area}.",
    "Ett nätverk för {topic} samlar {actor} och {actor2} flera gånger om året.",
    "Kommunerna samarbetar om insatser för {group}, så att även de mindre kommunerna kan erbjuda dem.",
    "Försök i {place} utvärderas tillsammans med universitetet innan de sprids till fler kommuner.",
    "Resultaten redovisas öppet på webbplatsen och diskuteras i partnerskapets årliga forum.",
    "{Actor} ansvarar för samordningen och för att följa upp att insatserna ger effekt.",
)

VERBS = ("Stärka", "Utveckla", "Bredda", "Främja", "Säkra", "Bygga ut", "Samordna", "Förnya")

GOAL_NAMES = (
    "Goda livsvillkor", "Ett starkt näringsliv och hög sysselsättning", "Hållbart nyttjande av naturens resurser",
    "En jämlik hälsa", "Trygga uppväxtvillkor", "En fossilfri energiförsörjning", "God tillgänglighet",
    "Livskraftiga landsbygder", "Ett rikt kultur- och föreningsliv", "En hög utbildningsnivå",
)
GOAL_QUALIFIERS = (
    "för regionens invånare", "i hela länet", "i Sjöstadsregionen", "i skärgården och längs kusten",
    "i länets inland", "i Vidsjöbygden", "för barn och unga", "för kvinnor och män lika", "i bruksorterna",
    "i de mindre tätorterna",
)

PRINCIPLES = ("Vi har helhetssyn", "Vi sätter behovet i centrum", "Vi samskapar", "Vi testar", "Vi lär och följer upp")
SUCCESS_FACTORS = (
    "Gemensam planering", "Tidig involvering", "Utpekade tjänstepersoner med mandat",
    "Gott om tid för förankring och beslut", "Inledande dialog", "Dialog och beslut i rätt ordning",
    "Former för allas medverkan", "Nyfikenhet, lust och engagemang",
)

# (name, unit, direction, source name, kolada id or None, low, high)
INDICATORS: tuple[tuple[str, str, str, str, str | None, float, float], ...] = (
    ("Förvärvsfrekvens 20–64 år", "procent", "increase", "SCB (via Kolada)", "N00914", 74, 84),
    ("Medellivslängd vid födseln", "år", "increase", "SCB, befolkningsstatistik", None, 81, 84),
    ("Ohälsotal", "dagar per försäkrad", "decrease", "Försäkringskassan (via Kolada)", "N00956", 22, 34),
    ("Gymnasieexamen inom fyra år", "procent", "increase", "Skolverket", None, 62, 78),
    ("Bruttoregionalprodukt per invånare", "tusen kronor", "increase", "SCB, regionalräkenskaperna", None, 380, 480),
    ("Andel förnybar energi", "procent", "increase", "Energimyndigheten", None, 42, 68),
    ("Växthusgasutsläpp per invånare", "ton koldioxidekvivalenter", "decrease", "Naturvårdsverket", None, 4, 8),
    ("Nyföretagande", "nya företag per 1 000 invånare", "increase", "Tillväxtanalys (via Kolada)", "N00999", 5, 9),
    ("Bredband om minst 1 Gbit/s", "procent av hushållen", "increase", "PTS (via Kolada)", "N07918", 70, 97),
    ("Kollektivtrafikens marknadsandel", "procent", "increase", "Svensk Kollektivtrafik", None, 16, 28),
    ("Upplevd tillit till andra människor", "procent", "increase", "Folkhälsomyndigheten", None, 56, 72),
    ("Unga som varken arbetar eller studerar", "procent av 20–24 år", "decrease", "SCB (via Kolada)", "N02280", 6, 12),
    ("Invånare med eftergymnasial utbildning", "procent", "increase", "SCB, utbildningsregistret", None, 35, 48),
    ("Färdigställda bostäder", "lägenheter per 1 000 invånare", "increase", "SCB (via Kolada)", "N07924", 2, 6),
    ("Besöksnäringens omsättning", "miljoner kronor", "increase", "Tillväxtverket", None, 2100, 3200),
    ("Behöriga till gymnasiets yrkesprogram", "procent", "increase", "Skolverket (via Kolada)", "N15428", 80, 90),
    ("Hushållsavfall till materialåtervinning", "kilo per invånare", "increase", "Avfall Sverige", None, 120, 190),
    ("Ekologiskt odlad åkermark", "procent", "increase", "Jordbruksverket", None, 14, 26),
)

BUSINESS_KINDS = ("Energi AB", "Mekaniska AB", "Logistik AB", "Trä AB", "Livsmedel AB", "Bygg AB", "IT-konsult AB")
CIVIL_KINDS = ("idrottsförening", "hembygdsförening", "folkhögskola", "byalag", "kulturförening", "företagarförening")
AGENCIES = (
    "Arbetsförmedlingen", "Trafikverket", "Försäkringskassan", "Skatteverket", "Polismyndigheten",
    "Energimyndigheten", "Tillväxtverket", "Skogsstyrelsen",
)
DECISION_BODIES = ("Regionfullmäktige", "Regionala utvecklingsnämnden", "Regionstyrelsen")
