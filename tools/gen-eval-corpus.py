#!/usr/bin/python3
# gen-eval-corpus.py — the screening evaluation corpus, generated from the real 2026 CSL
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/gen-eval-corpus.py [--shared-data DIR] [--out DIR]
#
# Reads ../shared/data/csl/2026-07-31_compact/consolidated-rebuilt.csv.xz (never
# copied) and writes, deterministically (fixed seed, sorted inputs), into
# tests/engine/data/eval/:
#   corpus-negatives.tsv  innocent names by class (bracketed places, subsidiaries of
#                         unlisted companies, universities, airlines, hospitals,
#                         trading names, persons of several cultures, and names that
#                         share only places, legal forms and generic words with the lists)
#   corpus-positives.tsv  variants of real 2026 list entries by recall class, each naming
#                         the entry it must find (list code + primary name as published)
#   pairs.tsv             labelled name pairs (match / not a match)
#   determinism-list.tsv, determinism-queries.tsv
#                         a synthetic list and queries for the load-order test
# Every negative is checked against the real list: a negative whose words (order-free)
# are a listed name or alias, whose distinctive words are a listed name's distinctive
# words, or (persons) whose words are contained in a listed person's name or contain one,
# is dropped; the counts are written into the file's header.
# The qualifier tables below are this generator's own (what an exporter would call a
# place, a legal form or a generic business word); they are not the matcher's tables.

import argparse
import collections
import csv
import io
import json
import lzma
import os
import random
import re
import sys
import unicodedata

SEED = 20261207
CSL = os.path.join("csl", "2026-07-31_compact", "consolidated-rebuilt.csv.xz")

# ---------------------------------------------------------------------------------------
# Qualifier vocabulary (normalised: lower case ASCII words)

LEGAL = set("""co ltd limited company companies corp corporation inc incorporated llc plc gmbh ag sa srl spa
bv nv pte pvt private pty kk jsc ojsc pjsc cjsc ooo zao oao ao fze fzco fz llp lp sarl sas sasu
ab as oy kg sdn bhd tbk pt lda ltda cv sl sro zrt doo ad ae bsc wll est establishment joint stock
liability public closed open gongsi youxian youxiangongsi jituan aps kft sp zoo tov too saoc fzc
dac uab sia ou sti dmcc doo sae wll ksc bsc sac spa sapi""".split())
GENERIC = set("""trading trade traders technology technologies tech electronics electronic electric
electrical semiconductor semiconductors international intl global group holding holdings
industrial industries industry import export imp exp logistics supply supplies chain services
service solutions solution systems system engineering machinery machine equipment materials
material development investment investments science sciences scientific network networks
communication communications software components devices instruments instrument automation
energy shipping general commercial enterprise enterprises manufacturing products precision optical
optics chemical chemicals office consulting management partners resources digital data computer
computing information info smart innovation innovations research center centre laboratory
laboratories lab labs advanced new creative united first best star world worldwide universal
medical health healthcare pharmaceutical pharma foods food textile textiles garment apparel
construction building materials metal metals steel plastic plastics rubber paper packaging printing
furniture hardware tools parts auto automotive motor motors transport transportation freight
express cargo marine shipping aviation air power solar battery batteries cable wire lighting
display photonics sensor sensors control controls test testing measurement microelectronics
circuit circuits integrated device design designs media marketing sales distribution distributor
wholesale retail store stores shop agency agencies consultancy airlines airways university
universities institute institutes college school academy polytechnic hospital clinic""".split())
STOP = set("and of the for de la el y et du des le al & in on at to".split())
# Places used in brackets and as prefixes (>= 50), with the words they normalise to.
PLACES = [
    "Hong Kong", "Shenzhen", "Shanghai", "Beijing", "Guangzhou", "Suzhou", "Hangzhou", "Dongguan",
    "Xiamen", "Tianjin", "Chengdu", "Wuhan", "Nanjing", "Qingdao", "Dalian", "Ningbo", "Chongqing",
    "Xi'an", "Hefei", "Changsha", "Zhuhai", "Foshan", "Wuxi", "Kunshan", "Macau", "Taiwan",
    "Taipei", "China", "PRC", "Singapore", "Malaysia", "Thailand", "Vietnam", "Indonesia",
    "Philippines", "India", "Japan", "Korea", "Dubai", "Abu Dhabi", "UAE", "Sharjah", "Saudi Arabia",
    "Qatar", "Oman", "Bahrain", "Kuwait", "Turkey", "Istanbul", "Israel", "Egypt", "Pakistan",
    "Bangladesh", "Sri Lanka", "Kazakhstan", "Uzbekistan", "Russia", "Moscow", "Ukraine", "Poland",
    "Germany", "France", "Italy", "Spain", "Netherlands", "Belgium", "Switzerland", "Austria",
    "Sweden", "Finland", "Denmark", "Norway", "UK", "Ireland", "Czech Republic", "Hungary",
    "Romania", "Greece", "Cyprus", "Malta", "Luxembourg", "USA", "Canada", "Mexico", "Brazil",
    "Argentina", "Chile", "Peru", "Colombia", "South Africa", "Nigeria", "Kenya", "Morocco",
    "Australia", "New Zealand", "Armenia", "Georgia", "Azerbaijan", "Latvia", "Lithuania",
    "Estonia", "Serbia", "Europe", "Asia", "Asia Pacific", "Middle East", "Americas",
    "Jiangsu", "Zhejiang", "Guangdong", "Shandong", "Sichuan", "Fujian", "Hubei", "Hunan", "Henan",
    "Hebei", "Anhui", "Liaoning", "Jilin", "Heilongjiang", "Shaanxi", "Shanxi", "Yunnan", "Guangxi",
    "Jiangxi", "Hainan", "Inner Mongolia", "Xinjiang", "Kowloon", "Tsim Sha Tsui", "Wan Chai",
]
PLACE_WORDS = set()
ORG_WORDS = set("""air airlines airways aviation bank university institute college school academy
hospital ministry department bureau office agency army navy force forces guard corps committee
council association society foundation fund trust union party front brigade battalion organization
organisation movement factory plant works company firm studio farm farms hotel restaurant""".split())
PERSON_TITLES = set("mr mrs ms dr prof gen general col colonel sheikh shaikh haji hajji mullah eng engineer brig major maj capt captain lt sayyid sayed".split())


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def words(s):
    s = fold(s).replace("'", "").replace("\u2019", "")
    return [w for w in re.split(r"[^0-9a-z\u0080-\uffff]+", s) if w]


for _p in PLACES:
    PLACE_WORDS.update(words(_p))
PLACE_WORDS.update("china chinese hk prc shenzhen russia russian iran iranian".split())
QUALIFIER = LEGAL | GENERIC | STOP | PLACE_WORDS


def core(ws):
    # Single letters are initials of legal forms ("A/S", "d.o.o.", "W.L.L.") or of names.
    return frozenset(w for w in ws if w not in QUALIFIER and len(w) > 1)


# Given-name transliteration families (Arabic, Persian, Russian, Turkish, Chinese pinyin/Wade-Giles).
NAME_VARIANTS = [
    ["mohammad", "mohammed", "muhammad", "mohamed", "mohamad", "muhammed", "mohammud", "mahmad"],
    ["mehdi", "mahdi", "mehdy"],
    ["yusuf", "yousef", "youssef", "yusef", "yousuf", "yossef"],
    ["hossein", "hussein", "husain", "hosein", "husayn", "hussain"],
    ["hassan", "hasan", "hasson"],
    ["ahmad", "ahmed", "ahmet"],
    ["mahmoud", "mahmud", "mahmood", "mahmut"],
    ["omar", "umar", "omer"],
    ["osama", "usama", "usamah"],
    ["khalid", "khaled", "chaled"],
    ["said", "saeed", "saied", "saiid"],
    ["abdul", "abdel", "abdol", "abd al"],
    ["abdullah", "abdallah", "abdollah"],
    ["jamal", "gamal", "djamal"],
    ["reza", "riza", "rida", "ridha"],
    ["ali", "aly"],
    ["mustafa", "mostafa", "moustafa", "mustapha"],
    ["yasser", "yasir", "yaser"],
    ["hamid", "hameed"],
    ["rashid", "rasheed", "rachid"],
    ["majid", "majeed", "madjid"],
    ["karim", "kareem", "kerim"],
    ["ibrahim", "ebrahim", "ibraheem"],
    ["ismail", "esmail", "ismael", "esmaeil"],
    ["javad", "jawad"],
    ["hadi", "hady"],
    ["nasser", "naser", "nasir", "nassir"],
    ["jafar", "jaafar", "ja'far"],
    ["qasem", "qassem", "ghasem", "kassem", "qasim"],
    ["mojtaba", "mujtaba"],
    ["abbas", "abas"],
    ["morteza", "murtaza", "murtada"],
    ["sergei", "sergey", "serguei", "sergiy"],
    ["aleksandr", "alexander", "aleksander", "alexandr"],
    ["aleksei", "alexei", "aleksey", "alexey"],
    ["dmitri", "dmitry", "dmitriy"],
    ["yuri", "yury", "yuriy", "iouri"],
    ["andrei", "andrey", "andriy"],
    ["nikolai", "nikolay", "mykola"],
    ["evgeny", "yevgeny", "evgeniy", "yevgeniy"],
    ["vyacheslav", "viacheslav", "vjacheslav"],
    ["mikhail", "mikhael"],
    ["vasili", "vasily", "vasiliy"],
    ["anatoli", "anatoly", "anatoliy"],
    ["arkadi", "arkady", "arkadiy"],
    ["gennadi", "gennady", "gennadiy"],
    ["valeri", "valery", "valeriy"],
    ["georgi", "georgy", "georgiy"],
    ["grigori", "grigory", "grigoriy"],
    ["maksim", "maxim"],
    ["yelena", "elena", "jelena"],
    ["tatiana", "tatyana"],
    ["natalia", "natalya", "nataliya"],
    ["oleksandr", "olexandr"],
]
VARIANT_OF = {}
for fam in NAME_VARIANTS:
    for v in fam:
        VARIANT_OF[v] = fam


def fold_name_word(w):
    fam = VARIANT_OF.get(w)
    return fam[0] if fam else w


# ---------------------------------------------------------------------------------------
# The real list

LIST_CODES = {"CMIC": "NS-CMIC", "NS-MBS List": "NS-MBS"}


class Entry:
    __slots__ = ("list", "type", "name", "aliases", "countries", "idx")


def list_code(source):
    m = re.search(r"\(([^)]*)\)", source)
    c = m.group(1) if m else source
    return LIST_CODES.get(c, c)


def load_csl(path):
    with lzma.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    entries = []
    for i, r in enumerate(rows):
        e = Entry()
        e.idx = i
        e.list = list_code(r["source"])
        t = (r["type"] or "").lower()
        e.type = t if t else "entity"
        e.name = r["name"].strip()
        e.aliases = [a.strip() for a in r["alt_names"].split(";") if a.strip()] if r["alt_names"] else []
        cs = [c.strip() for c in r["addresses"].split(";") if re.fullmatch(r"[A-Z]{2}", c.strip())]
        e.countries = cs
        if e.name:
            entries.append(e)
    return entries


def person_like(e, name):
    """Individuals of OFAC lists, and DPL/DTC rows that read as a person's name."""
    if e.type == "individual":
        return True
    if e.list in ("DPL", "DTC") and e.type == "entity":
        ws = words(name)
        return (2 <= len(ws) <= 4 and not (set(ws) & (LEGAL | GENERIC | ORG_WORDS))
                and not re.search(r"\d", name))
    return False


class ListIndex:
    def __init__(self, entries):
        self.exact = set()       # sorted word tuples of every name and alias
        self.cores = set()       # distinctive-word sets of every name and alias
        self.persons = []        # folded word sets of persons' names
        self.vocab = set()
        self.df = collections.Counter()
        self.by_len = collections.defaultdict(set)
        self.loose = set()
        for e in entries:
            for n in [e.name] + e.aliases:
                ws = words(n)
                if not ws:
                    continue
                self.exact.add(tuple(sorted(set(ws))))
                self.loose.add("".join(ws))
                c = core(ws)
                if c:
                    self.cores.add(c)
                self.vocab.update(ws)
                self.df.update(set(ws))
                if person_like(e, n):
                    fs = frozenset(fold_name_word(w) for w in ws if w not in PERSON_TITLES)
                    if len(fs) >= 2:
                        self.persons.append(fs)
        for w in self.vocab:
            self.by_len[len(w)].add(w)
        self.person_index = collections.defaultdict(list)
        for fs in self.persons:
            for w in fs:
                self.person_index[w].append(fs)

    def near(self, w, max_d=1):
        """Whether a listed word is within max_d edits of w."""
        for L in range(len(w) - max_d, len(w) + max_d + 1):
            for v in self.by_len.get(L, ()):
                if v[0] != w[0] and v[-1] != w[-1]:
                    continue
                if osa(w, v) <= max_d:
                    return True
        return False

    def conflict(self, query, person=False):
        ws = words(query)
        if tuple(sorted(set(ws))) in self.exact or "".join(ws) in self.loose:
            return "exact"
        c = core(ws)
        if c and c in self.cores:
            return "core"
        if person:
            fs = frozenset(fold_name_word(w) for w in ws if w not in PERSON_TITLES)
            cands = set()
            for w in fs:
                for p in self.person_index.get(w, ()):
                    cands.add(p)
            for p in cands:
                if fs <= p or p <= fs:
                    return "person"
        return None


def osa(a, b):
    la, lb = len(a), len(b)
    if abs(la - lb) > 2:
        return 3
    d = [[0] * (lb + 1) for _ in range(la + 1)]
    for i in range(la + 1):
        d[i][0] = i
    for j in range(lb + 1):
        d[0][j] = j
    for i in range(1, la + 1):
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[la][lb]


# ---------------------------------------------------------------------------------------
# Negatives

COINED_A = ["Vel", "Nor", "Quo", "Zen", "Lum", "Tor", "Cal", "Mer", "Syl", "Oro", "Kav", "Bri",
            "Dex", "Fen", "Gal", "Hal", "Jor", "Lir", "Mav", "Nex", "Pyr", "Rho", "Sol", "Tav",
            "Ulm", "Vor", "Wyn", "Xan", "Yor", "Zal", "Amb", "Cor", "Eld", "Iv", "Ost", "Pel"]
COINED_B = ["trix", "vana", "ient", "ora", "bex", "quil", "dane", "nova", "lith", "mont", "wick",
            "ford", "sync", "gene", "tek", "vox", "leaf", "stone", "brook", "crest", "field", "haven",
            "mere", "dell", "wyn", "ark", "ion", "era", "yx", "ento", "ello", "ura"]
# Ordinary English brand words (may or may not occur in listed names; the check decides).
BRAND_WORDS = """Meridian Lotus Falcon Evergreen Sunrise Harbor Summit Pinnacle Horizon Crescent Maple
Willow Cedar Aspen Birch Coral Amber Jade Ivory Onyx Sapphire Topaz Cobalt Indigo Scarlet Crimson
Silverline Bluewater Greenfield Redwood Blackstone Whitecap Goldleaf Brightway Clearview Northstar
Southgate Eastwind Westbrook Highland Lakeside Riverside Seaview Hilltop Oakridge Pinewood Elmwood
Stonebridge Ironwood Copperfield Brookside Fairview Grandview Longview Parkside Springfield Sunbeam
Moonlight Starlight Skyline Rainbow Thunder Lightning Tornado Cyclone Blizzard Avalanche Glacier
Canyon Prairie Meadow Orchard Vineyard Garden Blossom Petal Tulip Orchid Jasmine Magnolia Camellia
Peony Iris Daisy Poppy Lavender Rosemary Sage Basil Mint Ginger Cinnamon Saffron Pepper Olive
Pearl Opal Ruby Emerald Diamond Crystal Quartz Granite Marble Slate Pebble Boulder Summit Vertex
Apex Zenith Nadir Vector Matrix Quantum Photon Proton Neutron Electron Atom Nova Stellar Galaxy
Orbit Comet Meteor Aurora Solstice Equinox Tempo Rhythm Melody Harmony Symphony Sonata Ballad
Anchor Compass Beacon Lighthouse Harbour Voyager Pioneer Frontier Venture Quest Odyssey Journey
Keystone Cornerstone Milestone Landmark Benchmark Hallmark Trademark Patriot Liberty Freedom
Heritage Legacy Tradition Dynasty Empire Kingdom Regal Royal Noble Crown Scepter Falconry Eagle
Hawk Osprey Kestrel Sparrow Robin Swallow Heron Crane Pelican Albatross Penguin Dolphin Otter
Beaver Badger Fox Wolf Bear Lynx Panther Jaguar Leopard Cheetah Tiger Lion Puma Cougar Mustang
Bronco Stallion Pegasus Phoenix Griffin Dragon Unicorn Titan Atlas Orion Apollo Athena Hermes
Artemis Minerva Juno Vesta Ceres Mercury Venus Neptune Pluto Saturn Jupiter Terra Luna Sol""".split()
BRAND_WORDS = sorted(set(BRAND_WORDS))
INDUSTRY = ["Semiconductor", "Electronics", "Technology", "Trading", "Logistics", "Industrial",
            "Precision Machinery", "Optical", "Software", "Components", "Supply Chain", "Chemical",
            "Materials", "Instruments", "Automation", "Medical Devices", "Energy", "Packaging",
            "Import & Export", "Textile", "Foods", "Shipping", "Engineering", "Network Technology",
            "Electric", "Display", "Photonics", "Sensor", "Power Systems", "Office Supplies",
            "Furniture", "Hardware", "Auto Parts", "Plastics", "Metal Products", "Lighting",
            "Battery", "Cable", "Printing", "Digital Technology", "Information Technology",
            "Smart Technology", "Microelectronics", "Testing Technology", "Science and Technology"]
FORMS_BY_PLACE = {
    "Hong Kong": ["Limited", "Co., Limited", "Company Limited", "Ltd."],
    "Kowloon": ["Limited"], "Tsim Sha Tsui": ["Limited"], "Wan Chai": ["Limited"],
    "Macau": ["Limited", "Lda."],
    "Singapore": ["Pte. Ltd.", "Pte Ltd"], "Malaysia": ["Sdn. Bhd.", "Sdn Bhd"],
    "Indonesia": ["PT", "Tbk"], "India": ["Private Limited", "Pvt. Ltd."],
    "Dubai": ["LLC", "FZE", "FZCO", "DMCC", "L.L.C."], "Abu Dhabi": ["LLC", "L.L.C."],
    "Sharjah": ["FZE", "FZC"], "UAE": ["LLC", "FZE"], "Saudi Arabia": ["Co. Ltd.", "LLC"],
    "Qatar": ["W.L.L.", "LLC"], "Oman": ["LLC", "SAOC"], "Bahrain": ["W.L.L.", "B.S.C."],
    "Kuwait": ["W.L.L.", "K.S.C."],
    "Turkey": ["A.S.", "Ltd. Sti."], "Istanbul": ["A.S.", "Ltd. Sti."],
    "Russia": ["LLC", "OOO", "JSC"], "Moscow": ["LLC", "OOO", "JSC"], "Ukraine": ["LLC", "TOV"],
    "Germany": ["GmbH", "AG", "GmbH & Co. KG"], "Austria": ["GmbH"], "Switzerland": ["AG", "SA", "GmbH"],
    "France": ["SAS", "SARL", "S.A."], "Italy": ["S.r.l.", "S.p.A."], "Spain": ["S.L.", "S.A."],
    "Netherlands": ["B.V.", "N.V."], "Belgium": ["BV", "NV", "SA"], "Luxembourg": ["S.a r.l.", "S.A."],
    "Sweden": ["AB"], "Finland": ["Oy"], "Denmark": ["A/S", "ApS"], "Norway": ["AS"],
    "UK": ["Ltd", "Limited", "PLC"], "Ireland": ["Limited", "DAC"], "Poland": ["Sp. z o.o."],
    "Czech Republic": ["s.r.o."], "Hungary": ["Kft."], "Romania": ["S.R.L."], "Greece": ["S.A."],
    "Cyprus": ["Ltd"], "Malta": ["Ltd"], "USA": ["Inc.", "LLC", "Corp."], "Canada": ["Inc.", "Ltd."],
    "Mexico": ["S.A. de C.V."], "Brazil": ["Ltda."], "Argentina": ["S.A.", "S.R.L."], "Chile": ["SpA", "Ltda."],
    "Peru": ["S.A.C."], "Colombia": ["S.A.S."], "South Africa": ["(Pty) Ltd"], "Nigeria": ["Limited"],
    "Kenya": ["Limited"], "Morocco": ["SARL"], "Australia": ["Pty Ltd", "Pty. Limited"],
    "New Zealand": ["Limited"], "Japan": ["K.K.", "Co., Ltd."], "Korea": ["Co., Ltd.", "Inc."],
    "Taiwan": ["Co., Ltd.", "Corp."], "Taipei": ["Co., Ltd."], "Thailand": ["Co., Ltd.", "Public Company Limited"],
    "Vietnam": ["Co., Ltd.", "JSC"], "Philippines": ["Inc.", "Corporation"], "Israel": ["Ltd."],
    "Egypt": ["S.A.E.", "LLC"], "Pakistan": ["(Pvt.) Ltd.", "Private Limited"], "Bangladesh": ["Ltd."],
    "Sri Lanka": ["(Pvt) Ltd"], "Kazakhstan": ["LLP", "TOO"], "Uzbekistan": ["LLC"],
    "Armenia": ["LLC", "CJSC"], "Georgia": ["LLC"], "Azerbaijan": ["LLC"], "Latvia": ["SIA"],
    "Lithuania": ["UAB"], "Estonia": ["OU", "AS"], "Serbia": ["d.o.o."],
    "Europe": ["B.V.", "GmbH", "Ltd."], "Asia": ["Pte. Ltd.", "Limited"], "Asia Pacific": ["Pte. Ltd.", "Pty Ltd"],
    "Middle East": ["FZE", "LLC"], "Americas": ["Inc.", "LLC"],
}
CHINA_FORMS = ["Co., Ltd.", "Co., Ltd", "Co.,Ltd.", "Company Limited", "Co. Ltd.", "Limited", "Corporation"]
CN_PLACES = ["Shenzhen", "Shanghai", "Beijing", "Guangzhou", "Suzhou", "Hangzhou", "Dongguan", "Xiamen",
             "Tianjin", "Chengdu", "Wuhan", "Nanjing", "Qingdao", "Dalian", "Ningbo", "Chongqing",
             "Xi'an", "Hefei", "Changsha", "Zhuhai", "Foshan", "Wuxi", "Kunshan", "China", "PRC",
             "Jiangsu", "Zhejiang", "Guangdong", "Shandong", "Sichuan", "Fujian", "Hubei", "Hunan",
             "Henan", "Hebei", "Anhui", "Liaoning", "Jilin", "Heilongjiang", "Shaanxi", "Shanxi",
             "Yunnan", "Guangxi", "Jiangxi", "Hainan", "Inner Mongolia", "Xinjiang"]
COUNTRY_OF_PLACE = {"Hong Kong": "HK", "Kowloon": "HK", "Tsim Sha Tsui": "HK", "Wan Chai": "HK",
                    "Macau": "MO", "Singapore": "SG", "Malaysia": "MY", "Dubai": "AE", "Abu Dhabi": "AE",
                    "Sharjah": "AE", "UAE": "AE", "Taiwan": "TW", "Taipei": "TW", "Japan": "JP",
                    "Korea": "KR", "India": "IN", "Turkey": "TR", "Istanbul": "TR", "Russia": "RU",
                    "Moscow": "RU", "Germany": "DE", "UK": "GB", "USA": "US", "Thailand": "TH",
                    "Vietnam": "VN"}
for _p in CN_PLACES:
    COUNTRY_OF_PLACE.setdefault(_p, "CN")


def form_for(rng, place):
    if place in FORMS_BY_PLACE:
        return rng.choice(FORMS_BY_PLACE[place])
    return rng.choice(CHINA_FORMS)


def all_places():
    return sorted(set(PLACES))


def bracketed(rng, brand, industry, place):
    shape = rng.randrange(4)
    form = form_for(rng, place)
    if shape == 0:
        return f"{brand} {industry} ({place}) {form}"
    if shape == 1:
        return f"{brand} ({place}) {industry} {form}"
    if shape == 2:
        return f"{brand} {industry} {form} ({place})"
    return f"{brand} {industry} ({place}) {form}"


# Well-known companies that are on none of the lists (checked against the list below).
UNLISTED_COMPANIES = """Dell|Apple|Microsoft|Intel|Cisco|Oracle|IBM|HP|Hewlett Packard Enterprise|
Lenovo|Acer|Asus|Samsung|LG Electronics|Sony|Panasonic|Toshiba|Hitachi|Fujitsu|NEC|Canon|Nikon|
Ricoh|Epson|Brother Industries|Kyocera|Murata|TDK|Omron|Keyence|Siemens|Bosch|Schneider Electric|
ABB|Philips|Ericsson|Nokia|Volvo|Scania|SKF|Atlas Copco|Sandvik|Bayer|BASF|Henkel|Continental|
Infineon|NXP|STMicroelectronics|ASML|Texas Instruments|Analog Devices|Microchip Technology|
Qualcomm|Broadcom|Marvell|NVIDIA|AMD|Micron Technology|Western Digital|Seagate|Kingston|Corning|
3M|Honeywell|Emerson|Rockwell Automation|Eaton|Parker Hannifin|Caterpillar|Cummins|John Deere|
General Electric|Johnson Controls|Carrier|Otis|Schindler|Kone|Thyssenkrupp|Bombardier|Alstom|
Airbus|Boeing|Rolls-Royce|Safran|Thales Alenia|Michelin|Bridgestone|Goodyear|Pirelli|Nestle|
Unilever|Procter & Gamble|Colgate-Palmolive|Danone|Heineken|Carlsberg|Coca-Cola|PepsiCo|Mars|
Mondelez|Kraft Heinz|Kellogg|Nike|Adidas|Puma|Uniqlo|Zara|H&M|IKEA|Decathlon|Carrefour|Walmart|
Costco|Amazon|Alibaba|Tencent|Baidu|JD.com|Xiaomi|Haier|Midea|Gree Electric|TCL|Hisense|BYD|
Geely|Great Wall Motor|Chery|Toyota|Honda|Nissan|Mazda|Subaru|Suzuki|Yamaha|Kawasaki|Mitsubishi Electric|
Daikin|Makita|Hyundai|Kia|SK Hynix|Posco|Tata Consultancy Services|Infosys|Wipro|Mahindra|
Reliance|Larsen & Toubro|Maersk|DHL|FedEx|UPS|Kuehne + Nagel|DB Schenker|Expeditors|CEVA Logistics|
Nippon Express|Sinotrans|Cosco Shipping Lines|Evergreen Marine|Yang Ming|Hapag-Lloyd|CMA CGM|
MSC Mediterranean Shipping|Accenture|Deloitte|PwC|KPMG|Ernst & Young|McKinsey|Bain|Boston Consulting|
SAP|Salesforce|Adobe|VMware|Autodesk|Dassault Systemes|Ansys|Synopsys|Cadence Design Systems|
Keysight|Rohde & Schwarz|Tektronix|Fluke|Agilent|Thermo Fisher|Waters|Shimadzu|Bruker|Zeiss|
Leica|Olympus|Medtronic|Abbott|Roche|Novartis|Pfizer|Sanofi|GSK|AstraZeneca|Merck|Johnson & Johnson|
Stryker|Becton Dickinson|Baxter|Fresenius|Mindray|Wuxi AppTec|Lonza|Estee Lauder|L'Oreal|Shiseido|
Kao|Lion|Pigeon|Sharp|Foxconn Interconnect|Pegatron|Quanta Computer|Compal|Wistron|Inventec|
Delta Electronics|Lite-On|Realtek|MediaTek|Novatek|TSMC|UMC|Vanguard Semiconductor|Amkor|ASE|
Jabil|Flex|Celestica|Sanmina|Benchmark Electronics|Plexus|Kimball Electronics|Molex|TE Connectivity|
Amphenol|Vishay|Yageo|Walsin|Nichicon|Rubycon|Littelfuse|Bourns|Panduit|Belden|CommScope|Legrand""".replace("\n", "").split("|")
UNLISTED_COMPANIES = [c.strip() for c in UNLISTED_COMPANIES if c.strip()]
SUBSIDIARY_SHAPES = [
    "{c} (China) Co., Ltd.", "{c} (Shanghai) Co., Ltd.", "{c} (Shenzhen) Co., Ltd.",
    "{c} Trading (Shanghai) Co., Ltd.", "{c} Technology (Beijing) Co., Ltd.", "{c} Hong Kong Limited",
    "{c} (Hong Kong) Limited", "{c} Asia Pacific Pte. Ltd.", "{c} Singapore Pte. Ltd.",
    "{c} Electronics (Suzhou) Co., Ltd.", "{c} India Private Limited", "{c} Middle East FZE",
    "{c} (Thailand) Co., Ltd.", "{c} Malaysia Sdn. Bhd.", "{c} Korea Ltd.", "{c} Japan K.K.",
    "{c} Deutschland GmbH", "{c} France SAS", "{c} UK Limited", "{c} Rus LLC", "{c} Turkey A.S.",
    "{c} do Brasil Ltda.", "{c} Mexico S.A. de C.V.", "{c} Vietnam Co., Ltd.", "{c} Taiwan Ltd.",
    "{c} Manufacturing (Dongguan) Co., Ltd.", "{c} Research and Development Center (Xi'an)",
    "{c} International Trading (Shanghai) Co., Ltd.", "{c} Gulf FZE", "{c} Australia Pty Ltd",
]

CN_UNIVERSITY_PLACES = ["Peking", "Tsinghua", "Fudan", "Zhejiang", "Nanjing", "Wuhan", "Xiamen",
                        "Shandong", "Jilin", "Lanzhou", "Sun Yat-sen", "Jinan", "Soochow",
                        "Nankai", "Yunnan", "Guangxi", "Hunan", "Hebei", "Henan", "Anhui",
                        "Shanghai", "Chongqing", "Shenzhen", "Ningbo", "Hangzhou", "Qingdao",
                        "Dalian", "Zhengzhou", "Kunming", "Fuzhou", "Nanchang", "Guizhou",
                        "Hainan", "Ningxia", "Xinjiang", "Inner Mongolia", "Shanxi", "Liaoning",
                        "Heilongjiang", "Jiangnan", "Jiangsu", "Yangzhou", "Shantou", "Shenyang",
                        "Changchun", "Guangzhou", "Tianjin", "Beijing", "Harbin", "Xi'an",
                        "Chengdu", "Sichuan", "Nanjing Forestry", "Donghua"]
WORLD_UNIVERSITY_PLACES = ["Oxford", "Cambridge", "Edinburgh", "Manchester", "Toronto", "Melbourne",
                           "Sydney", "Tokyo", "Kyoto", "Osaka", "Seoul", "Hong Kong", "Macau",
                           "Singapore", "Malaya", "Auckland", "Cape Town", "Nairobi", "Lagos",
                           "Cairo", "Istanbul", "Ankara", "Delhi", "Mumbai", "Karachi", "Dhaka",
                           "Colombo", "Bangkok", "Hanoi", "Manila", "Jakarta", "Sao Paulo",
                           "Buenos Aires", "Santiago", "Lima", "Bogota", "Mexico", "Texas",
                           "California", "Michigan", "Washington", "Zurich", "Geneva", "Vienna",
                           "Munich", "Heidelberg", "Bologna", "Barcelona", "Lisbon", "Warsaw",
                           "Prague", "Helsinki", "Copenhagen", "Oslo", "Stockholm", "Amsterdam",
                           "Leuven", "Dublin", "Glasgow", "Bristol", "Leeds", "Sheffield",
                           "Queensland", "Adelaide", "Tasmania", "Hamburg", "Cologne", "Bonn"]
CN_UNIVERSITY_SHAPES = ["{p} University", "{p} Normal University", "{p} Medical University",
                        "{p} University of Finance and Economics", "{p} Agricultural University",
                        "{p} University of Technology", "{p} Jiaotong University",
                        "{p} University of Traditional Chinese Medicine", "{p} Foreign Studies University",
                        "{p} Institute of Technology", "{p} University of Science and Technology",
                        "{p} Polytechnic University", "{p} University, School of Medicine",
                        "{p} Ocean University", "{p} Vocational and Technical College"]
WORLD_UNIVERSITY_SHAPES = ["University of {p}", "{p} University", "{p} Institute of Technology",
                           "{p} Technical University", "{p} State University", "University College {p}",
                           "{p} School of Economics", "{p} Medical School", "{p} Polytechnic"]
INSTITUTES = ["Fraunhofer Institute for Applied Optics", "Max Planck Institute for Chemistry",
              "Pasteur Institute", "Karolinska Institutet", "Weizmann Institute of Science",
              "Indian Institute of Science", "RIKEN Center for Computational Science",
              "Korea Advanced Institute of Science and Technology", "Tata Institute of Fundamental Research",
              "Scripps Research Institute", "Broad Institute", "Salk Institute for Biological Studies",
              "Francis Crick Institute", "Wellcome Sanger Institute", "Institut Curie",
              "Chinese University of Hong Kong", "Hong Kong Polytechnic University",
              "City University of Hong Kong", "Hong Kong Baptist University", "Lingnan University",
              "University of Macau", "National Taiwan University", "National Tsing Hua University",
              "Nanyang Technological University", "National University of Singapore",
              "Massachusetts Institute of Technology", "California Institute of Technology",
              "Georgia Institute of Technology", "Stanford University", "Princeton University",
              "Imperial College London", "ETH Zurich", "EPFL", "Technical University of Munich",
              "Delft University of Technology", "KU Leuven", "Seoul National University",
              "Waseda University", "Keio University", "Tohoku University", "Hokkaido University",
              "Monash University", "McGill University", "University of British Columbia",
              "Shanghai Jiao Tong University", "Xi'an Jiaotong-Liverpool University",
              "Duke Kunshan University", "New York University Shanghai", "Westlake University",
              "Southern University of Science and Technology", "ShanghaiTech University",
              "Shenzhen Institutes of Advanced Technology"]
AIRLINES = ["Lufthansa", "Air France", "KLM Royal Dutch Airlines", "British Airways", "Iberia",
            "Alitalia", "ITA Airways", "Swiss International Air Lines", "Austrian Airlines",
            "SAS Scandinavian Airlines", "Finnair", "Aer Lingus", "TAP Air Portugal", "LOT Polish Airlines",
            "Turkish Airlines", "Pegasus Airlines", "Emirates", "Etihad Airways", "Qatar Airways",
            "Saudia", "Gulf Air", "Oman Air", "Kuwait Airways", "Royal Jordanian", "EgyptAir",
            "Ethiopian Airlines", "Kenya Airways", "South African Airways", "Royal Air Maroc",
            "Air India", "IndiGo", "SpiceJet", "Vistara", "SriLankan Airlines", "Biman Bangladesh Airlines",
            "PIA Pakistan International Airlines", "Singapore Airlines", "Scoot", "Malaysia Airlines",
            "AirAsia", "Thai Airways", "Bangkok Airways", "Vietnam Airlines", "VietJet Air",
            "Philippine Airlines", "Cebu Pacific", "Garuda Indonesia", "Lion Air", "Cathay Pacific",
            "Hong Kong Airlines", "Air Macau", "China Airlines", "EVA Air", "Starlux Airlines",
            "Japan Airlines", "All Nippon Airways", "Korean Air", "Asiana Airlines", "Jeju Air",
            "Air China", "China Eastern Airlines", "China Southern Airlines", "Hainan Airlines",
            "Xiamen Airlines", "Sichuan Airlines", "Shenzhen Airlines", "Spring Airlines",
            "Juneyao Airlines", "Qantas", "Virgin Australia", "Air New Zealand", "Air Canada",
            "WestJet", "American Airlines", "Delta Air Lines", "United Airlines", "Southwest Airlines",
            "Alaska Airlines", "JetBlue", "Aeromexico", "LATAM Airlines", "Avianca", "Copa Airlines",
            "Azul Brazilian Airlines", "Aerolineas Argentinas", "Ryanair", "easyJet", "Wizz Air",
            "Norwegian Air Shuttle", "Vueling", "Icelandair", "airBaltic", "Air Astana", "Uzbekistan Airways",
            "Azerbaijan Airlines", "Georgian Airways", "flydubai", "Air Arabia", "Jazeera Airways"]
AIRLINE_SUFFIX = ["", " Cargo", " Cargo Limited", " Ltd.", " Group", " Holdings", " Engineering",
                  " (Hong Kong office)", " Catering Services", " Ground Services"]
HOSPITAL_SHAPES = ["{p} General Hospital", "{p} People's Hospital", "{p} Children's Hospital",
                   "{p} Central Hospital", "{p} Municipal Hospital", "First Affiliated Hospital of {p} Medical University",
                   "{p} University Hospital", "{p} Women and Children's Hospital", "{p} Cancer Hospital",
                   "{p} Eye Hospital", "{p} Medical Center", "St. Mary's Hospital {p}", "{p} Heart Institute",
                   "{p} Traditional Chinese Medicine Hospital", "{p} Red Cross Hospital", "{p} Royal Infirmary",
                   "{p} Memorial Hospital", "{p} Specialist Clinic", "{p} Dental Hospital"]
HOSPITAL_PLACES = ["Shenzhen", "Guangzhou", "Shanghai", "Beijing", "Wuhan", "Chengdu", "Hangzhou",
                   "Nanjing", "Tianjin", "Xiamen", "Dongguan", "Foshan", "Suzhou", "Qingdao", "Dalian",
                   "Kunming", "Changsha", "Hefei", "Zhengzhou", "Jinan", "Dubai", "Abu Dhabi", "Riyadh",
                   "Jeddah", "Doha", "Muscat", "Kuwait", "Amman", "Cairo", "Istanbul", "Ankara", "Karachi",
                   "Lahore", "Delhi", "Mumbai", "Chennai", "Bangalore", "Dhaka", "Colombo", "Bangkok",
                   "Singapore", "Kuala Lumpur", "Jakarta", "Manila", "Seoul", "Tokyo", "Osaka",
                   "Sydney", "Melbourne", "Auckland", "Toronto", "Vancouver", "Boston", "Chicago",
                   "Houston", "Mexico City", "Sao Paulo", "Buenos Aires", "Lima", "Bogota", "London",
                   "Manchester", "Dublin", "Paris", "Lyon", "Berlin", "Munich", "Vienna", "Zurich",
                   "Milan", "Rome", "Madrid", "Barcelona", "Lisbon", "Warsaw", "Prague", "Budapest",
                   "Almaty", "Tashkent", "Baku", "Tbilisi", "Yerevan", "Nairobi", "Lagos", "Johannesburg"]
TRADING_SHAPES = ["{b} {i} Co., Ltd.", "{b} {i} LLC", "{b} {i} Limited", "{p} {b} {i} Co., Ltd.",
                  "{b} {i} FZE", "{b} {i} Pte. Ltd.", "{b} {i} GmbH", "{b} & {b2} {i} Ltd.",
                  "{b} {b2} {i} Inc.", "{b} {i} Sdn. Bhd.", "{b} {i} General Trading L.L.C.",
                  "{b} Global {i} Corp.", "{b} {i} Import and Export Co., Ltd."]

# Person names of several cultures (common given names and surnames).
PERSONS = {
    "chinese": (["Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong",
                 "Yan", "Jie", "Tao", "Ming", "Chao", "Xiu Ying", "Gui Ying", "Hui", "Ping", "Hong",
                 "Xiaoming", "Jianguo", "Haiyan", "Lili", "Yuting", "Zihan", "Hao", "Bo", "Kai",
                 "Xin", "Ying", "Dong", "Feng", "Lin", "Rui", "Yu", "Zhen", "Yi", "Xiaohong"],
                ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
                 "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie",
                 "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong",
                 "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du"], "CN"),
    "arabic": (["Omar", "Khalid", "Youssef", "Tariq", "Samir", "Nabil", "Fadi", "Rami", "Walid",
                "Bilal", "Karim", "Hisham", "Adel", "Ziad", "Faisal", "Nasser", "Fatima", "Aisha",
                "Layla", "Mariam", "Noor", "Huda", "Rania", "Salma", "Yasmin", "Leila", "Amal", "Sara"],
               ["Haddad", "Khoury", "Nasser", "Saleh", "Mansour", "Hamdan", "Aziz", "Farouk",
                "Othman", "Qasim", "Sabbagh", "Tamimi", "Zahran", "Barakat", "Darwish", "Habib",
                "Jaber", "Khatib", "Masri", "Najjar", "Rahman", "Shami", "Youssef", "Abboud",
                "Bakri", "Fakhoury", "Ghanem", "Hijazi"], "AE"),
    "persian": (["Reza", "Amir", "Ali", "Hamid", "Saeed", "Babak", "Kourosh", "Dariush", "Farhad",
                 "Behrouz", "Siamak", "Arash", "Kaveh", "Navid", "Pouya", "Shirin", "Maryam",
                 "Nazanin", "Parisa", "Roya", "Leila", "Azadeh", "Mahsa", "Niloufar", "Sepideh"],
                ["Ahmadi", "Hosseini", "Karimi", "Moradi", "Jafari", "Rahimi", "Sadeghi", "Kazemi",
                 "Mohammadi", "Rostami", "Ebrahimi", "Ghasemi", "Asadi", "Bagheri", "Hashemi",
                 "Shirazi", "Tehrani", "Farahani", "Nouri", "Sharifi", "Zamani", "Yazdani",
                 "Mousavi", "Najafi", "Salehi", "Akbari", "Ranjbar", "Soltani"], "IR"),
    "russian": (["Ivan", "Sergei", "Alexei", "Dmitri", "Andrei", "Mikhail", "Nikolai", "Pavel",
                 "Oleg", "Igor", "Vladimir", "Maxim", "Artem", "Kirill", "Roman", "Denis", "Anna",
                 "Olga", "Tatiana", "Elena", "Natalia", "Irina", "Svetlana", "Ekaterina", "Marina"],
                ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov",
                 "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev",
                 "Semenov", "Egorov", "Pavlov", "Kozlov", "Stepanov", "Nikolaev", "Orlov",
                 "Andreev", "Makarov", "Zakharov", "Zaitsev", "Soloviev", "Borisov", "Yakovlev"], "RU"),
    "hispanic": (["Jose", "Juan", "Luis", "Carlos", "Jorge", "Miguel", "Pedro", "Alejandro",
                  "Fernando", "Ricardo", "Diego", "Javier", "Sergio", "Andres", "Maria", "Carmen",
                  "Ana", "Lucia", "Sofia", "Isabel", "Elena", "Paula", "Laura", "Marta", "Rosa"],
                 ["Garcia", "Rodriguez", "Martinez", "Lopez", "Gonzalez", "Perez", "Sanchez",
                  "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Reyes", "Morales",
                  "Cruz", "Ortiz", "Gutierrez", "Chavez", "Ramos", "Ruiz", "Alvarez", "Mendoza",
                  "Castillo", "Jimenez", "Moreno", "Romero", "Herrera"], "MX"),
    "indian": (["Rahul", "Amit", "Rajesh", "Suresh", "Vikram", "Anil", "Sanjay", "Arjun", "Rohit",
                "Vijay", "Ravi", "Deepak", "Manoj", "Priya", "Anjali", "Sunita", "Kavita", "Neha",
                "Pooja", "Lakshmi", "Divya", "Meera", "Sneha", "Aarti", "Ritu"],
               ["Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Shah", "Reddy", "Rao",
                "Nair", "Iyer", "Menon", "Joshi", "Mehta", "Desai", "Kapoor", "Malhotra", "Chopra",
                "Agarwal", "Banerjee", "Chatterjee", "Mukherjee", "Bhat", "Pillai", "Kulkarni",
                "Saxena", "Trivedi", "Pandey"], "IN"),
    "anglo": (["James", "John", "Robert", "Michael", "William", "David", "Richard", "Thomas",
               "Charles", "Daniel", "Matthew", "Andrew", "Mark", "Paul", "Steven", "Mary",
               "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen",
               "Emily", "Emma", "Olivia", "Hannah"],
              ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
               "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Thompson", "White", "Harris",
               "Clark", "Lewis", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Scott",
               "Green", "Baker", "Adams"], "US"),
    "turkish": (["Mehmet", "Mustafa", "Ahmet", "Ali", "Huseyin", "Hasan", "Ibrahim", "Murat",
                 "Emre", "Burak", "Cem", "Serkan", "Ayse", "Fatma", "Zeynep", "Elif", "Emine",
                 "Merve", "Esra", "Ozlem"],
                ["Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Yildiz", "Yildirim", "Ozturk",
                 "Aydin", "Ozdemir", "Arslan", "Dogan", "Kilic", "Aslan", "Cetin", "Kara", "Koc",
                 "Kurt", "Ozkan", "Simsek"], "TR"),
}


def make_person(rng, culture):
    given, family, cc = PERSONS[culture]
    g = rng.choice(given)
    f = rng.choice(family)
    if g == f:
        f = family[(family.index(f) + 1) % len(family)]
    shape = rng.randrange(4)
    if culture == "chinese":
        if shape == 0:
            return f"{f} {g}", cc
        if shape == 1:
            return f"{f.upper()} {g}", cc
        return f"{g} {f}", cc
    if culture == "russian" and shape == 0 and given.index(g) < 16:
        pat = rng.choice(given[:16]) + "ovich"
        return f"{g} {pat} {f}", cc
    if culture in ("arabic",) and shape == 0:
        return f"{g} Al-{f}", cc
    if culture == "hispanic" and shape == 0:
        return f"{g} {f} {rng.choice(family)}", cc
    if shape == 1:
        return f"{f}, {g}", cc
    return f"{g} {f}", cc


def gen_negatives(rng, index, entries):
    out = []  # (class, query, country)
    dropped = collections.Counter()
    dropped_examples = collections.defaultdict(list)
    places = all_places()

    def add(cls, q, cc="", person=False):
        why = index.conflict(q, person)
        if why:
            dropped[cls] += 1
            if len(dropped_examples[cls]) < 5:
                dropped_examples[cls].append(f"{q} [{why}]")
            return False
        out.append((cls, q, cc))
        return True

    # 1. Names that share only qualifiers with any listed name: a coined brand word that is
    # no listed word and not within two edits of one, plus generic words, places, legal forms.
    coined = sorted({a + b for a in COINED_A for b in COINED_B})
    coined += [w for w in BRAND_WORDS]
    clean = []
    rejected = 0
    for w in coined:
        lw = fold(w)
        if lw in index.vocab or index.near(lw, 2 if len(lw) >= 5 else 1):
            rejected += 1
            continue
        clean.append(w)
    rng.shuffle(clean)
    seen = set()
    n = 0
    while n < 450:
        b = clean[n % len(clean)]
        place = places[rng.randrange(len(places))]
        ind = rng.choice(INDUSTRY)
        shape = rng.randrange(5)
        if shape == 0:
            q = bracketed(rng, b, ind, place)
        elif shape == 1:
            q = f"{place} {b} {ind} {form_for(rng, place)}"
        elif shape == 2:
            q = f"{b} {ind} {form_for(rng, place)}"
        elif shape == 3:
            q = f"{b} International {ind} ({place}) {form_for(rng, place)}"
        else:
            q = f"{b} {ind} Group {form_for(rng, place)} - {place} Branch"
        n += 1
        if q in seen:
            continue
        seen.add(q)
        add("qualifiers-only", q, COUNTRY_OF_PLACE.get(place, ""))
    qualifier_pool = (len(coined), rejected)

    # 2. Bracketed places with ordinary brand words (>= 50 places, each used).
    n = 0
    for i in range(480):
        place = places[i % len(places)]
        b = rng.choice(BRAND_WORDS)
        q = bracketed(rng, b, rng.choice(INDUSTRY), place)
        if q in seen:
            continue
        seen.add(q)
        add("bracketed-place", q, COUNTRY_OF_PLACE.get(place, "") if rng.random() < 0.5 else "")

    # 3. Subsidiaries of well-known companies that are on no list.
    combos = [(c, s) for c in UNLISTED_COMPANIES for s in SUBSIDIARY_SHAPES]
    rng.shuffle(combos)
    for c, s in combos[:360]:
        add("subsidiary", s.format(c=c))

    # 4. Universities and institutes.
    unis = set()
    for p in CN_UNIVERSITY_PLACES:
        for s in CN_UNIVERSITY_SHAPES:
            unis.add(s.format(p=p))
    for p in WORLD_UNIVERSITY_PLACES:
        for s in WORLD_UNIVERSITY_SHAPES:
            unis.add(s.format(p=p))
    unis = sorted(unis)
    rng.shuffle(unis)
    for q in unis[:300] + INSTITUTES:
        add("university", q)

    # 5. Airlines.
    for a in AIRLINES:
        add("airline", a)
        s = rng.choice(AIRLINE_SUFFIX[1:])
        add("airline", a + s)

    # 6. Hospitals.
    hs = sorted({s.format(p=p) for p in HOSPITAL_PLACES for s in HOSPITAL_SHAPES})
    rng.shuffle(hs)
    for q in hs[:220]:
        add("hospital", q)

    # 7. Generic trading names with ordinary brand words.
    for i in range(260):
        b = rng.choice(BRAND_WORDS)
        b2 = rng.choice(BRAND_WORDS)
        s = rng.choice(TRADING_SHAPES)
        q = s.format(b=b, b2=b2, i=rng.choice(INDUSTRY), p=rng.choice(CN_PLACES))
        if q in seen:
            continue
        seen.add(q)
        add("trading", q)

    # 8. The innocent names issue 13 names.
    for q in ["Meridian Semiconductor (Hong Kong) Limited", "Lotus Tea House (Shanghai) Co., Ltd.",
              "Falcon Office Supplies (Dubai) LLC", "Nanjing University", "Emma Daniels",
              "Trading Technology Co", "BELLETECH CORP"]:
        add("issue-13-negative", q)

    # 9. Persons of several cultures.
    for culture in sorted(PERSONS):
        made = 0
        tries = 0
        while made < 60 and tries < 400:
            tries += 1
            q, cc = make_person(rng, culture)
            if q in seen:
                continue
            seen.add(q)
            if add("person-" + culture, q, cc if rng.random() < 0.5 else "", person=True):
                made += 1
    return out, dropped, dropped_examples, qualifier_pool


# ---------------------------------------------------------------------------------------
# Positives

LEGAL_SWAPS = [
    (r"\bCo\., ?Ltd\.?", "Company Limited"), (r"\bCompany Limited\b", "Co., Ltd."),
    (r"\bCo\.? Ltd\.?", "Co., Limited"), (r"\bLimited\b", "Ltd"), (r"\bLtd\.?(?=$|\W)", "Limited"),
    (r"\bCorporation\b", "Corp."), (r"\bCorp\.?(?=$|\W)", "Corporation"),
    (r"\bIncorporated\b", "Inc."), (r"\bInc\.?(?=$|\W)", "Incorporated"),
    (r"\bL\.?L\.?C\.?(?=$|\W)", "Limited Liability Company"),
    (r"\bLimited Liability Company\b", "LLC"), (r"\bJoint Stock Company\b", "JSC"),
    (r"\bJSC\b", "Joint Stock Company"), (r"\bGmbH\b", "Gesellschaft mit beschrankter Haftung"),
    (r"\bS\.A\.(?=$|\W)", "SA"), (r"\bPte\.? Ltd\.?", "Private Limited"),
    (r"\bPvt\.? Ltd\.?", "Private Limited"), (r"\bPrivate Limited\b", "Pvt. Ltd."),
    (r"\bOOO\b", "LLC"), (r"\bCompany\b", "Co."), (r"\bCo\.(?=$|\W)", "Company"),
]
ABBREVIATIONS = [
    (r"\bArtificial Intelligence\b", "AI"), (r"\bTechnologies\b", "Tech"), (r"\bTechnology\b", "Tech"),
    (r"\bInternational\b", "Intl"), (r"\bManufacturing\b", "Mfg"), (r"\bUniversity\b", "Univ."),
    (r"\bInstitute\b", "Inst."), (r"\bCorporation\b", "Corp"), (r"\bAirlines\b", "Air"),
    (r"\bAirways\b", "Air"), (r"\bAir\b(?! ?(Force|Defen))", "Airlines"), (r"\bCompany\b", "Co"),
    (r"\bGroup\b", "Grp"), (r"\bIndustries\b", "Inds"), (r"\bCommunications?\b", "Comm"),
    (r"\bElectronics\b", "Elec"), (r"\bEngineering\b", "Eng"), (r"\bDevelopment\b", "Dev"),
    (r"\bLaboratory\b", "Lab"), (r"\bAcademy\b", "Acad."), (r"\bResearch\b", "Res."),
(r"\bEquipment\b", "Equip"),
    (r"\bCenter\b", "Ctr"), (r"\bNational\b", "Natl"), (r"\bMachinery\b", "Mach"),
]
ABBR_WORD = {"tech": "technologies", "technology": "technologies", "intl": "international",
             "mfg": "manufacturing", "univ": "university", "inst": "institute", "grp": "group",
             "comm": "communications", "communication": "communications", "elec": "electronics",
             "electronic": "electronics"}
HONORIFICS = ["Dr.", "Prof.", "Gen.", "Col.", "Eng.", "Brig. Gen.", "Maj.", "Capt.", "Dr. Eng."]


def display_person(name):
    """'SURNAME, Given Middle' → 'Given Middle SURNAME'."""
    if "," in name:
        a, b = name.split(",", 1)
        return f"{b.strip()} {a.strip()}"
    return name


def typo(rng, w):
    """One edit inside w, never on its first letter."""
    if len(w) < 3:
        return None
    kind = rng.randrange(4)
    i = rng.randrange(1, len(w))
    letters = "aeioustnrlkmhd"
    if kind == 0:  # substitution
        c = rng.choice([c for c in letters if c != w[i].lower()])
        c = c.upper() if w[i].isupper() else c
        return w[:i] + c + w[i + 1:]
    if kind == 1 and i < len(w) - 1 and w[i] != w[i + 1]:  # transposition
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if kind == 2 and len(w) > 3:  # deletion
        return w[:i] + w[i + 1:]
    c = rng.choice(letters)
    c = c.upper() if w[1:].isupper() else c
    return w[:i] + c + w[i:]  # insertion


def distinctive_tokens(name):
    # Whole words only: not a piece of "5th", "MADA'IN" or "AL-ASSAD".
    return [m for m in re.finditer(r"(?<![\w'\u2019-])[A-Za-z]+(?![\w'\u2019-])", name)
            if m.group(0).lower() not in QUALIFIER]


class Positives:
    def __init__(self, rng, entries, index):
        self.rng = rng
        self.entries = entries
        self.index = index
        self.rows = []
        self.seen = set()

    def add(self, cls, query, e, matched, country="", rank_first=0):
        query = re.sub(r"\s+", " ", query).strip()
        key = (query, e.list, e.name)
        if key in self.seen or not query:
            return False
        self.seen.add(key)
        self.rows.append((cls, query, country, e.list, e.name, matched, rank_first))
        return True

    def pick(self, pred, k, lists=None):
        pool = [e for e in self.entries if (lists is None or e.list in lists) and pred(e)]
        self.rng.shuffle(pool)
        return pool[:k]


def clean_name(n):
    # Names whose field carries several parties or remarks make poor queries.
    return (len(n) <= 90 and "Affiliated Entity" not in n and "successor" not in n
            and "a.k.a" not in n.lower() and ";" not in n and ":" not in n
            and not n.endswith(","))


def gen_positives(rng, entries, index, zh_rows):
    P = Positives(rng, entries, index)
    ents = [e for e in entries if clean_name(e.name)]
    orgs = [e for e in ents if not person_like(e, e.name) and e.type not in ("vessel", "aircraft")]
    people = [e for e in ents if person_like(e, e.name)]
    vessels = [e for e in ents if e.type == "vessel"]
    rng.shuffle(orgs)
    rng.shuffle(people)
    rng.shuffle(vessels)

    # exact: published name or alias, as published or in another case
    quota = {"EL": 25, "SDN": 20, "DPL": 8, "DTC": 6, "MEU": 6, "NS-CMIC": 6, "SSI": 5, "UVL": 6, "ISN": 4}
    for lst, k in sorted(quota.items()):
        pool = [e for e in ents if e.list == lst]
        rng.shuffle(pool)
        for e in pool[:k]:
            names = [e.name] + [a for a in e.aliases if clean_name(a)]
            n = rng.choice(names)
            q = n if rng.random() < 0.5 else (n.upper() if rng.random() < 0.5 else n.title())
            if person_like(e, n):
                q = display_person(q) if rng.random() < 0.5 else q
            P.add("exact", q, e, n)
    for e in vessels[:8]:
        P.add("exact", e.name, e, e.name)

    # legal-form variants
    made = 0
    for e in orgs:
        if made >= 80:
            break
        for pat, rep in LEGAL_SWAPS:
            if re.search(pat, e.name):
                q = re.sub(pat, rep, e.name, count=1)
                if q != e.name and P.add("legal-form", q, e, e.name):
                    made += 1
                break
    # legal form added or dropped
    made = 0
    for e in orgs:
        if made >= 20:
            break
        ws = words(e.name)
        if len(ws) >= 2 and not set(ws) & LEGAL and len(core(ws)) >= 1:
            suffix = rng.choice(["Co., Ltd.", "LLC", "Limited", "Inc.", "Company"])
            if P.add("legal-form", f"{e.name} {suffix}", e, e.name):
                made += 1

    # word order: persons as 'Given Surname', 'Surname Given' without comma; companies' words swapped
    made = 0
    for e in people:
        if made >= 70:
            break
        ws = e.name.replace(",", " ").split()
        if len(ws) < 2 or len(ws) > 4:
            continue
        if "," in e.name:
            a, b = e.name.split(",", 1)
            q = f"{b.strip()} {a.strip()}" if made % 2 else f"{a.strip()} {b.strip()}"
        else:
            q = " ".join(ws[1:] + ws[:1])
        if P.add("word-order", q, e, e.name):
            made += 1
    made = 0
    for e in orgs:
        if made >= 15:
            break
        d = distinctive_tokens(e.name)
        if len(d) == 2 and len(words(e.name)) <= 4:
            a, b = d[0].group(0), d[1].group(0)
            q = e.name[:d[0].start()] + b + e.name[d[0].end():d[1].start()] + a + e.name[d[1].end():]
            if P.add("word-order", q, e, e.name):
                made += 1

    # typos: one edit in a word of six letters or more; one edit in a word of three to five
    def typo_variant(e, short):
        d = [m for m in distinctive_tokens(e.name)
             if (3 <= len(m.group(0)) <= 5) == short and (short or len(m.group(0)) >= 6)]
        if not d or len(distinctive_tokens(e.name)) < (2 if short else 1):
            return None
        m = rng.choice(d)
        t = typo(rng, m.group(0))
        if not t or t.lower() == m.group(0).lower():
            return None
        return e.name[:m.start()] + t + e.name[m.end():]

    for short, cls, k in ((False, "typo", 70), (True, "typo-short", 70)):
        made = 0
        pool = people[:] + orgs[:]
        rng.shuffle(pool)
        for e in pool:
            if made >= k:
                break
            q = typo_variant(e, short)
            if q and P.add(cls, display_person(q) if person_like(e, e.name) else q, e, e.name):
                made += 1

    # abbreviations
    made = collections.Counter()
    for pat, rep in ABBREVIATIONS:
        for e in ents:
            if made[pat] >= (8 if rep in ("AI", "Air", "Airlines") else 5):
                break
            for n in [e.name] + e.aliases:
                if clean_name(n) and re.search(pat, n):
                    q = re.sub(pat, rep, n)
                    if q != n and P.add("abbreviation", q, e, n):
                        made[pat] += 1
                    break

    # given-name transliteration variants
    made = 0
    for e in people:
        if made >= 80:
            break
        if "," in e.name:
            given_from = e.name.index(",")
            toks = [m for m in re.finditer(r"[A-Za-z']+", e.name) if m.start() > given_from]
        else:
            toks = list(re.finditer(r"[A-Za-z']+", e.name))[:-1]
        for m in toks:
            fam = VARIANT_OF.get(m.group(0).lower())
            if fam:
                alts = [v for v in fam if v != m.group(0).lower() and " " not in v]
                if not alts:
                    continue
                v = rng.choice(alts)
                v = v.upper() if m.group(0).isupper() else v.capitalize()
                q = e.name[:m.start()] + v + e.name[m.end():]
                if P.add("given-name", display_person(q), e, e.name):
                    made += 1
                break

    # punctuation missing or added
    made = 0
    for e in ents:
        if made >= 60:
            break
        n = e.name
        if not re.search(r"[.,'\-&()]", n) or not clean_name(n):
            continue
        if made % 3 == 0:
            q = re.sub(r"[.,'()]", "", n)
        elif made % 3 == 1:
            q = n.replace("-", " ").replace("&", "and").replace(".,", ",").replace("'", "")
        else:
            q = re.sub(r"\s*,\s*", ",", n).replace(". ", ".").replace("-", "")
        if q != n and P.add("punctuation", q, e, n):
            made += 1
    made = 0
    for e in orgs:
        if made >= 20:
            break
        ws = e.name.split()
        if len(ws) >= 2 and re.fullmatch(r"[A-Za-z ]+", e.name):
            i = rng.randrange(1, len(ws))
            q = " ".join(ws[:i]) + "-" + " ".join(ws[i:]) if made % 2 else ", ".join([" ".join(ws[:i]), " ".join(ws[i:])])
            if P.add("punctuation", q, e, e.name):
                made += 1

    # honorifics
    made = 0
    for e in people:
        if made >= 60:
            break
        q = f"{rng.choice(HONORIFICS)} {display_person(e.name)}"
        if P.add("honorific", q, e, e.name):
            made += 1

    # parent and subsidiary: each member's own name must rank first in its family
    fams = collections.defaultdict(list)
    for e in ents:
        if e.list not in ("EL", "NS-CMIC", "MEU"):
            continue
        ws = words(e.name)
        # Persons on the Entity List (no type there) and its "Address NN" rows are no family.
        if (len(ws) <= 3 and not set(ws) & (LEGAL | GENERIC | ORG_WORDS)) or re.match(r"Address \d", e.name):
            continue
        d = distinctive_tokens(e.name)
        if d:
            fams[d[0].group(0).lower()].append(e)
    # Members whose names are the same once legal forms and abbreviations are set aside
    # ("Huawei Tech. Investment Co., Limited" = "Huawei Technologies Investment Co. Ltd.") are
    # separately listed duplicates: no member of such a pair can rank alone.
    def stem(w):
        for suffix in ("ing", "e", "s"):
            if len(w) > 4 and w.endswith(suffix):
                return w[:-len(suffix)]
        return w

    def fam_key(n):
        ws = [stem(ABBR_WORD.get(w, w)) for w in words(n) if w not in LEGAL and w not in STOP]
        return " ".join(ws)
    key_count = collections.Counter()
    for e in entries:
        for n in set([e.name] + e.aliases):
            key_count[fam_key(n)] += 1
    for k in list(fams):
        fams[k] = [e for e in fams[k] if key_count[fam_key(e.name)] == 1]
    famkeys = sorted((k for k, v in fams.items() if len(v) >= 4), key=lambda k: (-len(fams[k]), k))
    made = 0
    if "huawei" in fams:
        hw = sorted(fams["huawei"], key=lambda e: e.name)
        rng.shuffle(hw)
        for e in hw[:30]:
            if P.add("family", e.name, e, e.name, rank_first=1):
                made += 1
    for k in famkeys:
        if k == "huawei":
            continue
        m = fams[k][:]
        rng.shuffle(m)
        for e in m[:4]:
            if made >= 70:
                break
            P.add("family", e.name, e, e.name, rank_first=1)
            made += 1

    # Chinese script, from data/matching/chinese-names.json
    by_key = collections.defaultdict(list)
    for e in entries:
        for n in [e.name] + e.aliases:
            by_key[(e.list, n)].append(e)
    # (the table's own names are a sample: full names as written, with full-width brackets as
    # official documents print them, with the company suffix dropped or changed, and short names)
    zh_forms = ["股份有限公司", "有限责任公司", "有限公司"]
    rows = [r for r in zh_rows if by_key.get((r["list"], r["en"]))]
    rows.sort(key=lambda r: r["zh"])
    rng.shuffle(rows)
    made = collections.Counter()
    for row in rows:
        e = by_key[(row["list"], row["en"])][0]
        zh = row["zh"]
        if made["full"] < 80:
            q = zh.replace("(", "\uff08").replace(")", "\uff09") if "(" in zh and rng.random() < 0.6 else zh
            made["full"] += P.add("chinese-script", q, e, row["en"])
        suffix = next((f for f in zh_forms if zh.endswith(f)), None)
        if suffix and made["suffix"] < 30:
            other = "有限公司" if suffix != "有限公司" else "股份有限公司"
            q = zh[:-len(suffix)] + (other if rng.random() < 0.5 else "")
            if len(q) >= 4:
                made["suffix"] += P.add("chinese-script", q, e, row["en"])
        aliases = [a for a in row.get("zh_aliases", []) if len(a) >= 3]
        if aliases and made["alias"] < 30:
            made["alias"] += P.add("chinese-script", rng.choice(aliases), e, row["en"])

    # The cases issue 13 names, as a class of their own.
    issue = [("JAMLI MUKULU", "SDN", "MUKULU, Jamil", 0), ("Vladimir PULIN", "SDN", "PUTIN, Vladimir Vladimirovich", 0),
             ("AL QAEDA", "SDN", "AL QA'IDA", 0), ("Mahan Airlines", "SDN", "MAHAN AIR", 0),
             ("Beijing Academy of AI", "EL", "Beijing Academy of Artificial Intelligence", 0),
             ("中芯国际集成电路制造有限公司", "EL", "Semiconductor Manufacturing International Corporation (SMIC)", 0),
             ("寒武纪", "EL", "Cambricon Technologies Corporation Limited", 0), ("曙光", "EL", "Sugon", 0),
             ("海康威视", "EL", "Hangzhou Hikvision Digital Technology Co., Ltd.", 0),
             ("摩尔线程", "EL", "Moore Thread Intelligent Technology (Beijing) Co., Ltd.", 0),
             ("Huawei Technologies Co., Ltd.", "EL", "Huawei Technologies Co., Ltd. (Huawei)", 1),
             ("Huawei Technologies (Yangon) Co., Ltd.", "EL", "Huawei Technologies (Yangon) Co., Ltd.,", 1)]
    by_name = {(e.list, e.name): e for e in entries}
    for q, lst, name, first in issue:
        e = by_name.get((lst, name))
        if e is None:
            raise SystemExit(f"gen-eval-corpus: issue case {q!r}: no {lst} entry {name!r}")
        P.add("issue-13-positive", q, e, name, rank_first=first)
    return P.rows



# ---------------------------------------------------------------------------------------
# Labelled pairs

VESSEL_PREFIXES = ["MV ", "M/V ", "MT ", "M/T ", "Vessel ", ""]


def far(a, b):
    return osa(a.lower(), b.lower()) >= 3 and a[:2].lower() != b[:2].lower()


def gen_pairs(rng, entries, index):
    rows = []
    seen = set()

    def add(cls, typ, label, q, listed):
        q = re.sub(r"\s+", " ", q).strip()
        if (q, listed) in seen or not q:
            return False
        seen.add((q, listed))
        rows.append((cls, typ, label, q, listed))
        return True

    ents = [e for e in entries if clean_name(e.name)]
    people = [e for e in ents if e.type == "individual" and "," in e.name and 2 <= len(words(e.name)) <= 4]
    orgs = [e for e in ents if e.type == "entity" and not person_like(e, e.name) and 2 <= len(words(e.name)) <= 7]
    vessels = [e for e in ents if e.type == "vessel" and len(words(e.name)) <= 4]
    for pool in (people, orgs, vessels):
        pool.sort(key=lambda e: (e.list, e.name))
        rng.shuffle(pool)

    # People: matches
    def given_variant(e):
        sur, given = [x.strip() for x in e.name.split(",", 1)]
        gws = given.split()
        for i, g in enumerate(gws):
            fam = VARIANT_OF.get(g.lower())
            if fam:
                alts = [v for v in fam if v != g.lower() and " " not in v]
                if alts:
                    gws[i] = rng.choice(alts).capitalize()
                    return " ".join(gws) + " " + sur
        return None

    def typo_in(name, short):
        ms = [m for m in re.finditer(r"[A-Za-z]+", name)
              if (3 <= len(m.group(0)) <= 5 if short else len(m.group(0)) >= 6)]
        if not ms:
            return None
        m = rng.choice(ms)
        t = typo(rng, m.group(0))
        if not t or t.lower() == m.group(0).lower():
            return None
        return name[:m.start()] + t + name[m.end():]

    counts = collections.Counter()
    for e in people:
        sur, given = [x.strip() for x in e.name.split(",", 1)]
        if not given or not sur:
            continue
        k = rng.randrange(6)
        if k == 0 and counts["person-typo"] < 60:
            q = typo_in(f"{given} {sur}", False)
            if q and add("person-typo", "individual", 1, q, e.name):
                counts["person-typo"] += 1
        elif k == 1 and counts["person-typo-short"] < 60:
            q = typo_in(f"{given} {sur}", True)
            if q and len(words(e.name)) >= 2 and add("person-typo-short", "individual", 1, q, e.name):
                counts["person-typo-short"] += 1
        elif k == 2 and counts["person-reorder"] < 50:
            q = f"{sur} {given}" if rng.random() < 0.5 else f"{given} {sur}".upper()
            if add("person-reorder", "individual", 1, q, e.name):
                counts["person-reorder"] += 1
        elif k == 3 and counts["person-transliteration"] < 60:
            q = given_variant(e)
            if q and add("person-transliteration", "individual", 1, q, e.name):
                counts["person-transliteration"] += 1
        elif k == 4 and counts["person-honorific"] < 40:
            q = f"{rng.choice(HONORIFICS)} {given} {sur}"
            if add("person-honorific", "individual", 1, q, e.name):
                counts["person-honorific"] += 1
        elif k == 5 and counts["person-exact"] < 25:
            if add("person-exact", "individual", 1, f"{given} {sur}", e.name):
                counts["person-exact"] += 1

    # People: near-namesakes that are not a match
    surnames = collections.defaultdict(list)
    for e in people:
        surnames[e.name.split(",", 1)[0].strip().upper()].append(e)
    all_given = sorted({e.name.split(",", 1)[1].strip() for e in people if e.name.split(",", 1)[1].strip()})
    all_sur = sorted(surnames)
    given_words = sorted({w for g in all_given for w in g.split() if len(w) >= 3 and w.isalpha()})
    for e in people:
        sur, given = [x.strip() for x in e.name.split(",", 1)]
        if not given:
            continue
        gws = given.split()
        # A namesake: same surname and first given name, another second given name.
        if (len(gws) >= 2 and counts["person-namesake"] < 70 and rng.random() < 0.3
                and gws[0].lower().rstrip(".") not in PERSON_TITLES):
            w2 = rng.choice(given_words)
            if all(far(w2, g) for g in gws) and fold_name_word(w2.lower()) != fold_name_word(gws[1].lower()):
                q = " ".join([gws[0], w2] + gws[2:]) + " " + sur
                if not index.conflict(q, person=True) and add("person-namesake", "individual", 0, q, e.name):
                    counts["person-namesake"] += 1
                    continue
        k = rng.randrange(3)
        if k == 0 and counts["person-other-given"] < 90:
            g2 = rng.choice(all_given)
            if all(far(a, b) for a in g2.split() for b in given.split()):
                if add("person-other-given", "individual", 0, f"{g2} {sur}", e.name):
                    counts["person-other-given"] += 1
        elif k == 1 and counts["person-other-surname"] < 90:
            s2 = rng.choice(all_sur)
            if all(far(a, b) for a in s2.split() for b in sur.split()):
                if add("person-other-surname", "individual", 0, f"{given} {s2.title()}", e.name):
                    counts["person-other-surname"] += 1
        elif k == 2 and counts["person-innocent"] < 50:
            culture = rng.choice(sorted(PERSONS))
            q, _ = make_person(rng, culture)
            if not index.conflict(q, person=True) and add("person-innocent", "individual", 0, q, e.name):
                counts["person-innocent"] += 1

    # Companies: matches
    for e in orgs:
        k = rng.randrange(5)
        if k == 0 and counts["company-legal-form"] < 40:
            for pat, rp in LEGAL_SWAPS:
                if re.search(pat, e.name):
                    q = re.sub(pat, rp, e.name, count=1)
                    if q != e.name and add("company-legal-form", "entity", 1, q, e.name):
                        counts["company-legal-form"] += 1
                    break
        elif k == 1 and counts["company-abbreviation"] < 40:
            for pat, rp in ABBREVIATIONS:
                if re.search(pat, e.name):
                    q = re.sub(pat, rp, e.name)
                    if q != e.name and add("company-abbreviation", "entity", 1, q, e.name):
                        counts["company-abbreviation"] += 1
                    break
        elif k == 2 and counts["company-typo"] < 50:
            q = typo_in(e.name, rng.random() < 0.4)
            if q and len(distinctive_tokens(e.name)) >= 1 and add("company-typo", "entity", 1, q, e.name):
                counts["company-typo"] += 1
        elif k == 3 and counts["company-punctuation"] < 30:
            q = re.sub(r"[.,'()\-]", " ", e.name).upper()
            if q.split() != e.name.split() and add("company-punctuation", "entity", 1, q, e.name):
                counts["company-punctuation"] += 1
        elif k == 4 and counts["company-exact"] < 20:
            if add("company-exact", "entity", 1, e.name.lower(), e.name):
                counts["company-exact"] += 1

    # Companies: not a match — the distinctive word replaced by another listed word, or an
    # innocent name that shares places, legal forms and generic words with it
    vocab = sorted(w for w in index.vocab if len(w) >= 5 and w.isalpha() and w not in QUALIFIER)
    for e in orgs:
        k = rng.randrange(2)
        d = distinctive_tokens(e.name)
        if k == 0 and counts["company-other-word"] < 100 and d and "(" not in e.name:
            # The rarest word is the one that names the party; the others must be common
            # words of the lists, so that replacing it names another party.
            d.sort(key=lambda m: (index.df[m.group(0).lower()], m.start()))
            m = d[0]
            if len(m.group(0)) < 4 or any(index.df[x.group(0).lower()] < 25 for x in d[1:]):
                continue
            w2 = rng.choice(vocab)
            if far(w2, m.group(0)):
                w2 = w2.upper() if m.group(0).isupper() else w2.capitalize()
                q = e.name[:m.start()] + w2 + e.name[m.end():]
                if not index.conflict(q) and add("company-other-word", "entity", 0, q, e.name):
                    counts["company-other-word"] += 1
        elif k == 1 and counts["company-shares-qualifiers"] < 70:
            place = rng.choice(PLACES)
            b = rng.choice(BRAND_WORDS)
            q = bracketed(rng, b, rng.choice(INDUSTRY), place)
            shared = set(words(q)) & set(words(e.name))
            if shared and not (core(words(q)) & set(words(e.name))) and not index.conflict(q):
                if add("company-shares-qualifiers", "entity", 0, q, e.name):
                    counts["company-shares-qualifiers"] += 1

    # Vessels
    for e in vessels:
        k = rng.randrange(3)
        if k == 0 and counts["vessel-match"] < 50:
            q = e.name.title() if rng.random() < 0.5 else e.name
            if rng.random() < 0.4:
                q = typo_in(q, False) or q
            q = rng.choice(VESSEL_PREFIXES) + q
            if add("vessel-match", "vessel", 1, q, e.name):
                counts["vessel-match"] += 1
        elif k == 1 and counts["vessel-other-number"] < 30 and re.search(r"\d", e.name):
            q = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randrange(2, 9)), e.name, count=1)
            if not index.conflict(q) and add("vessel-other-number", "vessel", 0, q, e.name):
                counts["vessel-other-number"] += 1
        elif k == 2 and counts["vessel-other-word"] < 40:
            d = [m for m in re.finditer(r"[A-Za-z]{3,}", e.name)]
            if d:
                m = max(d, key=lambda m: len(m.group(0)))
                w2 = rng.choice(vocab).upper()
                if far(w2, m.group(0)):
                    q = e.name[:m.start()] + w2 + e.name[m.end():]
                    if not index.conflict(q) and add("vessel-other-word", "vessel", 0, q, e.name):
                        counts["vessel-other-word"] += 1
    return rows


# ---------------------------------------------------------------------------------------
# Determinism: a synthetic list whose given names are split in some entries and glued in
# others ("Jin Ping Li", "Jinping Chen"), and queries that touch both forms

SYLLABLES = ["jin", "ping", "xiao", "ming", "wei", "hua", "jian", "guo", "hai", "yan", "li", "na",
             "zhi", "qiang", "yong", "hong", "chun", "mei", "dong", "feng", "hui", "jun", "lin",
             "tao", "xin", "yu", "zhen", "bo", "kai", "rui", "an", "de", "sheng", "long", "fang"]
SURNAMES = ["Li", "Chen", "Wang", "Zhang", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
            "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Song", "Tang"]


def gen_determinism(rng):
    entries = [("individual", "Jin Ping Li", ""), ("individual", "Jinping Chen", "")]
    seen = {e[1] for e in entries}
    while len(entries) < 2200:
        a, b = rng.choice(SYLLABLES), rng.choice(SYLLABLES)
        given = f"{a.capitalize()} {b.capitalize()}" if rng.random() < 0.5 else (a + b).capitalize()
        sur = rng.choice(SURNAMES)
        name = f"{given} {sur}" if rng.random() < 0.6 else f"{sur.upper()}, {given}"
        alias = ""
        if rng.random() < 0.2:
            alias = f"{(a + b).capitalize()} {sur}" if " " in given else f"{a.capitalize()} {b.capitalize()} {sur}"
        if name not in seen:
            seen.add(name)
            entries.append(("individual", name, alias))
    brands = sorted({a + b for a in COINED_A for b in COINED_B})
    while len(entries) < 3400:
        b = rng.choice(brands)
        p = rng.choice(CN_PLACES)
        name = rng.choice([f"{p} {b} {rng.choice(INDUSTRY)} Co., Ltd.", f"{b} {rng.choice(INDUSTRY)} ({p}) Limited",
                           f"{b} {rng.choice(BRAND_WORDS)} {rng.choice(INDUSTRY)} LLC",
                           f"{b.upper()} {rng.choice(INDUSTRY).upper()}"])
        if name not in seen:
            seen.add(name)
            entries.append(("entity", name, f"{b} {p}" if rng.random() < 0.2 else ""))
    queries = ["Jinpinh Chen", "Jin Ping Chen", "Jinping Li", "Jin Ping Li", "Jinping Chen"]
    for t, name, alias in entries:
        k = rng.randrange(5)
        base = display_person(name) if t == "individual" else name
        if k == 0:
            queries.append(base)
        elif k == 1:
            queries.append(typo(rng, base.replace(" ", "", 1)) or base)
        elif k == 2:
            ws = base.split()
            queries.append(" ".join(ws[::-1]))
        elif k == 3:
            m = max(re.finditer(r"[A-Za-z]+", base), key=lambda m: len(m.group(0)))
            t2 = typo(rng, m.group(0)) or m.group(0)
            queries.append(base[:m.start()] + t2 + base[m.end():])
        else:
            a, b = rng.choice(SYLLABLES), rng.choice(SYLLABLES)
            queries.append(f"{a.capitalize()}{b} {rng.choice(SURNAMES)}")
    rows = [(i + 1, t, n, a) for i, (t, n, a) in enumerate(entries)]
    return rows, queries

# ---------------------------------------------------------------------------------------
# Output

def write_tsv(path, header_lines, columns, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write(f"# {h}\n")
        f.write("# " + "\t".join(columns) + "\n")
        for r in rows:
            cells = [str(c) for c in r]
            for c in cells:
                if "\t" in c or "\n" in c:
                    raise SystemExit(f"tab or newline in cell: {c!r}")
            f.write("\t".join(cells) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared-data", default=None)
    ap.add_argument("--out", default=os.path.join(root, "tests", "engine", "data", "eval"))
    args = ap.parse_args()
    shared = args.shared_data
    if shared is None:
        for cand in (os.path.join(root, "..", "shared", "data"), os.path.join(root, "..", "..", "shared", "data")):
            if os.path.isdir(cand):
                shared = cand
                break
    if shared is None or not os.path.exists(os.path.join(shared, CSL)):
        sys.exit(f"gen-eval-corpus: {CSL} not found under --shared-data")
    entries = load_csl(os.path.join(shared, CSL))
    index = ListIndex(entries)
    zh_path = os.path.join(root, "data", "matching", "chinese-names.json")
    zh_rows = []
    if os.path.exists(zh_path):
        with open(zh_path, encoding="utf-8") as f:
            zh_rows = json.load(f)["names"]

    rng = random.Random(SEED)
    neg, dropped, examples, (pool, rejected) = gen_negatives(rng, index, entries)
    counts = collections.Counter(c for c, _, _ in neg)
    header = [
        "Innocent names by class, generated by tools/gen-eval-corpus.py from its own tables (seed %d)." % SEED,
        "Checked against the 2026-07-31 CSL: a name whose words (order-free) are a listed name or alias,",
        "whose distinctive words (not places, legal forms, generic words) are a listed name's, or (persons)",
        "whose words are contained in a listed person's name or contain one, was dropped.",
        "qualifiers-only: the one non-qualifier word is no listed word and not within two edits of one",
        "(%d of %d candidate brand words rejected for that)." % (rejected, pool),
        "Kept per class: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + f"; total {len(neg)}.",
        "Dropped per class: " + (", ".join(f"{k} {v}" for k, v in sorted(dropped.items())) or "none")
        + f"; total {sum(dropped.values())}.",
    ]
    for k in sorted(examples):
        header.append(f"  dropped {k}: " + "; ".join(examples[k]))
    header.append("Columns (tab-separated): class, query, party country (ISO-2 or empty).")
    write_tsv(os.path.join(args.out, "corpus-negatives.tsv"), header, ["class", "query", "country"], neg)

    pos = gen_positives(rng, entries, index, zh_rows)
    pcounts = collections.Counter(r[0] for r in pos)
    header = [
        "Variants of real 2026-07-31 CSL entries by recall class, generated by tools/gen-eval-corpus.py",
        "(seed %d). list and name identify the entry (list code, primary name exactly as published);" % SEED,
        "matched is the published name or alias the variant was made from. rank_first = 1: the entry must",
        "also score above every hit that is not the same name (the entity before its family).",
        "Per class: " + ", ".join(f"{k} {v}" for k, v in sorted(pcounts.items())) + f"; total {len(pos)}.",
        "Columns (tab-separated): class, query, party country, list, name, matched, rank_first.",
    ]
    write_tsv(os.path.join(args.out, "corpus-positives.tsv"), header,
              ["class", "query", "country", "list", "name", "matched", "rank_first"], pos)
    pairs = gen_pairs(rng, entries, index)
    pc = collections.Counter(r[0] for r in pairs)
    header = [
        "Labelled name pairs (1 = the same party, 0 = not), generated by tools/gen-eval-corpus.py",
        "(seed %d). listed is a real 2026-07-31 CSL name as published; query a variant (typo, word" % SEED,
        "order, transliteration, honorific, legal form, abbreviation, punctuation) or a near-namesake",
        "(another given name or surname of a listed person, the same surname and first given name with",
        "another second given name, another distinctive word, another vessel",
        "number, an innocent name sharing only places, legal forms and generic words). Non-match",
        "queries were checked against the list like the negatives.",
        "Per class: " + ", ".join(f"{k} {v}" for k, v in sorted(pc.items()))
        + f"; {sum(1 for r in pairs if r[2] == 1)} matches, {sum(1 for r in pairs if r[2] == 0)} non-matches.",
        "Columns (tab-separated): class, type (individual / entity / vessel), label, query, listed.",
    ]
    write_tsv(os.path.join(args.out, "pairs.tsv"), header, ["class", "type", "label", "query", "listed"], pairs)
    print("pairs:", dict(sorted(pc.items())), len(pairs))
    drows, dqueries = gen_determinism(random.Random(SEED + 1))
    write_tsv(os.path.join(args.out, "determinism-list.tsv"),
              ["A synthetic list for tests/engine/test-determinism.c, generated by tools/gen-eval-corpus.py:",
               "Chinese personal names whose given names are split in some entries and glued in others",
               "(\"Jin Ping Li\", \"Jinping Chen\", issue 13) and companies. Aliases are separated by \";\".",
               f"{len(drows)} entries. Columns (tab-separated): id, type, name, aliases."],
              ["id", "type", "name", "aliases"], drows)
    write_tsv(os.path.join(args.out, "determinism-queries.tsv"),
              [f"Queries for tests/engine/test-determinism.c ({len(dqueries)}): listed names, typos, reordered,",
               "glued and split given names, and unlisted names. One a line."],
              ["query"], [(q,) for q in dqueries])
    print(f"determinism: {len(drows)} entries, {len(dqueries)} queries")
    print(f"negatives {len(neg)} (dropped {sum(dropped.values())}), positives {len(pos)}")
    print("negatives:", dict(sorted(counts.items())))
    print("dropped:", dict(sorted(dropped.items())))
    print("positives:", dict(sorted(pcounts.items())))


if __name__ == "__main__":
    main()
