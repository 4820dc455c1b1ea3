#!/usr/bin/python3
# gen-cases.py — writes the independent review set (one JSON file per class).
#
# Every expected verdict was decided from the regulation text
# (/work/shared/docs/regulation.md, the eCFR 2026-07-23 Country Chart, Country
# Groups and CCL, 15 CFR parts 734/736/740/742/744/746), NOT from the rule
# pack or the engine.  Run it from this directory to regenerate the files.
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
classes = {}

PARTY = {
    "CN": ("Shanghai Yunhe Data Services Co., Ltd.", "CN"),
    "HK": ("Kowloon Bay Computing Ltd", "HK"),
    "MO": ("Macau Cotai Digital Ltd", "MO"),
    "MY": ("Penang Data Systems Sdn Bhd", "MY"),
    "VN": ("Saigon Compute Joint Stock Company", "VN"),
    "DE": ("Bergmann Messtechnik GmbH", "DE"),
    "AE": ("Abu Dhabi Cloud Works LLC", "AE"),
    "SA": ("Riyadh Hyperscale Company", "SA"),
    "BR": ("Sao Paulo Aeroservicos Ltda", "BR"),
    "IN": ("Pune Precision Instruments Pvt Ltd", "IN"),
    "JP": ("Nagoya Keisoku K.K.", "JP"),
    "CA": ("Laurentian Instruments Inc.", "CA"),
    "AU": ("Brisbane Navigation Systems Pty Ltd", "AU"),
    "GB": ("Sheffield Inertial Ltd", "GB"),
    "RU": ("OOO Volga Pribor", "RU"),
    "BY": ("OAO Minsk Elektronika", "BY"),
    "CU": ("Empresa Habana Mobiliario", "CU"),
    "IR": ("Isfahan Office Supplies Co.", "IR"),
    "KP": ("Pyongyang Trading Corporation No. 7", "KP"),
    "SY": ("Aleppo Furniture Trading LLC", "SY"),
    "NI": ("Managua Suministros S.A.", "NI"),
    "KH": ("Phnom Penh Supply Co., Ltd.", "KH"),
    "VE": ("Caracas Suministros Tecnicos C.A.", "VE"),
    "MX": ("Monterrey Controles S.A. de C.V.", "MX"),
    "KE": ("Nairobi Instruments Ltd", "KE"),
    "TH": ("Bangkok Vision Co., Ltd.", "TH"),
    "SG": ("Jurong Semiconductor Test Pte Ltd", "SG"),
    "US": ("Austin Systems Inc.", "US"),
}

def party(dest, name=None, hq=None, role="end_user", parent=None):
    n, c = PARTY.get(dest, ("Generic Importer Ltd", dest))
    p = {"role": role, "name": name or n, "country": dest, "headquarters_country": hq or c}
    if parent:
        p["ultimate_parent"] = parent
    return p

def item(eccn, desc, qty=10, value=2500, **kw):
    d = {"description": desc, "eccn": eccn, "quantity": qty, "unit_value": value}
    d.update(kw)
    return d

H100 = dict(manufacturer="NVIDIA", manufacturer_headquarters="US", model="H100 SXM", tpp=15832,
            performance_density=19.6, memory_bandwidth_gbps=3350, datacenter=True)

def case(cls, cid, date, dest, items, verdict, cites, reason, parties=None, posture=None,
         end_use=None, red_flags=None, exported_from="US"):
    ship = {"reference": cid, "date": date, "destination": dest, "exported_from": exported_from,
            "items": items if isinstance(items, list) else [items],
            "parties": parties if parties is not None else [party(dest)]}
    if end_use:
        ship["end_use"] = {"description": end_use[1], "categories": end_use[0]}
    if red_flags:
        ship["red_flags"] = red_flags
    # the shipper states the food-or-medicine fact where it decides the answer
    # (EAR99 to Russia, Belarus, North Korea, Syria, Cuba, Iran)
    if dest in ("RU", "BY", "KP", "SY", "CU", "IR"):
        for it in ship["items"]:
            if it["eccn"] == "EAR99":
                it.setdefault("food_or_medicine", False)
    c = {"id": cid, "shipment": ship}
    if posture:
        c["posture"] = posture
    c["expect"] = {"verdict": verdict, "citations": cites, "reason": reason}
    classes.setdefault(cls, []).append(c)

# ------------------------------------------------------------------ advanced computing
AC = "advanced-computing"
D = "2025-06-01"
case(AC, "ac-h100-china", D, "CN", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)"], "3A090.a to D:1/D:5 China: RS license, datacenter .a not NAC-eligible (740.8)")
case(AC, "ac-h100-hongkong", D, "HK", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)"], "Hong Kong treated as China since 85 FR 83788")
case(AC, "ac-h100-macau", D, "MO", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)"], "Macau named in every advanced-computing scope")
case(AC, "ac-h100-vietnam", D, "VN", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)"], "Vietnam D:1 not A:5/A:6; datacenter .a excluded from ACA (740.8)")
case(AC, "ac-h100-saudi", D, "SA", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)"], "Saudi Arabia D:4 not A:5/A:6 (Supp. 1 to 740, 2026-07-23)")
case(AC, "ac-h100-malaysia-enforcement", D, "MY", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "clear", [], "Malaysia not D:1/D:4/D:5/Macau; AI Diffusion worldwide scope not enforced since 2025-05-13")
case(AC, "ac-h100-germany", D, "DE", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "clear", [], "Germany A:1/A:5: no RS scope under enforcement posture, no chart column for 3A090")
case(AC, "ac-h100-india", D, "IN", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "clear", [], "India A:5; outside D:1/D:4/D:5 scope")
case(AC, "ac-derive-a-tpp4800-china", D, "CN",
     item("3A090", "AI accelerator card", 4, 12000, manufacturer="NVIDIA", manufacturer_headquarters="US", tpp=4800, performance_density=3.0, datacenter=True),
     "license_required", ["742.6(a)(6)(iii)"], "TPP 4800 meets 3A090.a.1; datacenter .a to China: license, not NAC")
case(AC, "ac-derive-a-tpp1600-pd592-china", D, "CN",
     item("3A090", "AI accelerator card", 4, 12000, manufacturer="NVIDIA", manufacturer_headquarters="US", tpp=1600, performance_density=5.92, datacenter=True),
     "license_required", ["742.6(a)(6)(iii)"], "TPP 1600 and PD 5.92 meet 3A090.a.2")
case(AC, "ac-derive-b-tpp4799-pd5-china-dc", D, "CN",
     item("3A090", "AI accelerator card", 4, 9000, manufacturer="NVIDIA", manufacturer_headquarters="US", tpp=4799, performance_density=5.0, datacenter=True),
     "license_exception", ["740.8"], "TPP 4799 PD 5.0 datacenter = 3A090.b.1; .b to China (D:5) licensed but NAC-eligible (740.8(a))")
case(AC, "ac-derive-below-both-china", D, "CN",
     item("3A090", "accelerator card", 4, 3000, manufacturer="NVIDIA", manufacturer_headquarters="US", tpp=1599, performance_density=7.0, datacenter=True),
     "review", [], "TPP 1599 meets neither 3A090.a nor .b: declared ECCN contradicts the facts, classification must be revisited")
case(AC, "ac-derive-b-malaysia-any", D, "MY",
     item("3A090", "AI accelerator card", 4, 9000, manufacturer="NVIDIA", manufacturer_headquarters="US", tpp=4799, datacenter=True),
     "clear", [], "3A090 (.a or .b) to Malaysia is not licensed under enforcement posture; PD irrelevant")
case(AC, "ac-note2-nondc-4799-china", D, "CN",
     item("3A090", "gaming graphics card", 20, 1500, manufacturer="NVIDIA", manufacturer_headquarters="US", tpp=4799, performance_density=6.5, datacenter=False),
     "clear", ["3A090 Note 2"], "Note 2 to 3A090: not designed/marketed for datacenters and TPP < 4800 is outside 3A090.a/.b")
case(AC, "ac-note2-nondc-4800-china", D, "CN",
     item("3A090", "workstation graphics card", 20, 6000, manufacturer="NVIDIA", manufacturer_headquarters="US", tpp=4800, performance_density=6.5, datacenter=False),
     "license_exception", ["740.8"], "non-datacenter TPP 4800 stays 3A090.a; NAC available for non-datacenter .a (740.8)")
case(AC, "ac-derive-missing-dc-flag-china", D, "CN",
     item("3A090", "AI accelerator card", 4, 9000, manufacturer="NVIDIA", manufacturer_headquarters="US", tpp=4000, performance_density=5.0),
     "review", [], "TPP 4000 PD 5.0: datacenter design decides .b vs Note 2 exclusion and NAC; fact must be asked")
case(AC, "ac-4090a-server-china", D, "CN",
     item("4A090.a", "8-GPU AI server", 1, 300000, manufacturer="Supermicro", manufacturer_headquarters="US", tpp=126656, performance_density=19.6, datacenter=True),
     "license_required", ["742.6(a)(6)(iii)"], "4A090.a computer with 3A090.a ICs to China")
case(AC, "ac-4090a-server-malaysia", D, "MY",
     item("4A090.a", "8-GPU AI server", 1, 300000, manufacturer="Supermicro", manufacturer_headquarters="US", tpp=126656, performance_density=19.6, datacenter=True),
     "clear", [], "4A090.a to Malaysia, enforcement posture: no RS scope")
case(AC, "ac-b-vietnam-aca", D, "VN",
     item("3A090.b", "inference accelerator", 10, 8000, manufacturer="AMD", manufacturer_headquarters="US", tpp=3000, performance_density=4.0, datacenter=True),
     "license_exception", ["740.8"], "3A090.b to D:1 Vietnam (not D:5): ACA (740.8(b)) with purchase order")
case(AC, "ac-b-india", D, "IN",
     item("3A090.b", "inference accelerator", 10, 8000, manufacturer="AMD", manufacturer_headquarters="US", tpp=3000, performance_density=4.0, datacenter=True),
     "clear", [], "3A090.b to India (A:5, not D): 742.6(a)(6)(iii)(B) scope excludes it")
case(AC, "ac-b-uae-cfrtext", D, "AE",
     item("3A090.b", "inference accelerator", 10, 8000, manufacturer="AMD", manufacturer_headquarters="US", tpp=3000, performance_density=4.0, datacenter=True),
     "license_required", ["742.6(a)(6)(iii)"], "CCL text names the UAE explicitly for .b items (cfr-text posture); UAE not D:1/D:4 so ACA unavailable", posture="cfr-text")
case(AC, "ac-hq-rule-malaysia-cn-parent", D, "MY", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["744.23(a)(3)"], "end user in Malaysia headquartered in China: HQ rule (744.23(a)(3); BIS guidance 2026-05-31)",
     parties=[party("MY", "Yunhe Cloud Malaysia Sdn Bhd", "CN")])
case(AC, "ac-hq-rule-malaysia-macau-parent", D, "MY", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["744.23(a)(3)"], "ultimate parent headquartered in Macau: HQ rule",
     parties=[party("MY", "Straits Compute Sdn Bhd", "MY", parent={"name": "Cotai Holdings Ltd", "headquarters_country": "MO", "ownership_percent": 100})])
case(AC, "ac-hq-rule-malaysia-sg-parent", D, "MY", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "clear", [], "parent headquartered in Singapore (not D:5/Macau): no HQ rule",
     parties=[party("MY", "Straits Compute Sdn Bhd", "MY", parent={"name": "Lion City Digital Pte Ltd", "headquarters_country": "SG", "ownership_percent": 100})])
case(AC, "ac-hq-rule-germany-de-hq", D, "DE", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "clear", [], "German end user headquartered in Germany")
case(AC, "ac-hq-missing-malaysia", D, "MY", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "review", [], "headquarters of the end user unknown: HQ rule may apply, ask",
     parties=[{"role": "end_user", "name": "Straits Compute Sdn Bhd", "country": "MY"}])
case(AC, "ac-vietnam-before-2023-11-17", "2023-11-16", "VN", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "clear", [], "before 88 FR 73458 the 3A090 scope was China and Macau only")
case(AC, "ac-vietnam-on-2023-11-17", "2023-11-17", "VN", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)", "88 FR 73458"], "88 FR 73458 widened the scope to D:1/D:4/D:5 excl. A:5/A:6")
case(AC, "ac-uae-2024-d4", "2024-06-01", "AE", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)"], "in 2024 the UAE was D:4 and not A:5/A:6")
case(AC, "ac-cfrtext-malaysia-2025-05-14", "2025-05-14", "MY", item("3A090.a", "GPU accelerator", 2000, 30000, **H100),
     "clear", [], "AI Diffusion compliance not required before 2025-05-15 (90 FR 4544)", posture="cfr-text")
case(AC, "ac-cfrtext-malaysia-2025-05-15", "2025-05-15", "MY", item("3A090.a", "GPU accelerator", 2000, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)"], "cfr-text: .a worldwide from compliance date; 2000 x 15832 TPP exceeds LPP 26.9M cap", posture="cfr-text")
case(AC, "ac-hbm-china", "2025-03-01", "CN",
     item("3A090.c", "HBM3E stack", 100, 500, manufacturer="Micron", manufacturer_headquarters="US", memory_bandwidth_gbps=1200),
     "license_required", ["742.6(a)(6)(i)"], "3A090.c to Macau/D:5 (89 FR 96790)")
case(AC, "ac-hbm-malaysia", "2025-03-01", "MY",
     item("3A090.c", "HBM3E stack", 100, 500, manufacturer="Micron", manufacturer_headquarters="US", memory_bandwidth_gbps=1200),
     "clear", [], "3A090.c scope is Macau/D:5 only")
case(AC, "ac-5a992z1-china", D, "CN",
     item("5A992.z.1", "AI server with mass-market encryption", 2, 250000, manufacturer="Dell", manufacturer_headquarters="US", tpp=126656, performance_density=19.6, datacenter=True),
     "license_required", ["742.6(a)(6)(iii)"], "5A992.z.1 meets 4A090.a: same scope as .a items")
case(AC, "ac-5a992z1-japan", D, "JP",
     item("5A992.z.1", "AI server with mass-market encryption", 2, 250000, manufacturer="Dell", manufacturer_headquarters="US", tpp=126656, performance_density=19.6, datacenter=True),
     "clear", [], "Japan A:5: outside enforced scope")
case(AC, "ac-h200-china-2026", "2026-03-01", "CN",
     item("3A090.a", "GPU accelerator", 8, 32000, manufacturer="NVIDIA", manufacturer_headquarters="US", model="H200", tpp=15832, performance_density=19.6, memory_bandwidth_gbps=4800, datacenter=True),
     "license_required", ["742.6(a)(6)(iii)", "91 FR 1684"], "still licensed; 91 FR 1684 only changes review policy to case-by-case")

# ------------------------------------------------------------------ license exceptions
LE = "license-exceptions"
def cam(v, q=1):
    return item("6A003.a.1", "high-speed recording camera", q, v)
case(LE, "lvs-6a003-malaysia-1500", D, "MY", cam(1500),
     "license_exception", ["740.3"], "NS2 X for Malaysia; $1,500 does not exceed the 6A003 LVS limit; Malaysia in Group B")
case(LE, "lvs-6a003-malaysia-1501", D, "MY", cam(1501),
     "license_required", ["742.4"], "$1,501 exceeds the $1,500 LVS limit; GBS N/A for 6A003")
case(LE, "lvs-6a003-malaysia-3x600", D, "MY", cam(600, 3),
     "license_required", ["742.4"], "LVS limit applies to the net value per ECCN in the shipment (740.3(a)(1)): 3 x $600 = $1,800")
case(LE, "lvs-6a003-malaysia-2x700", D, "MY", cam(700, 2),
     "license_exception", ["740.3"], "2 x $700 = $1,400 within the $1,500 LVS limit")
case(LE, "lvs-6a003-china-100", D, "CN", cam(100),
     "license_required", ["742.4"], "China not in Country Group B: LVS unavailable")
case(LE, "lvs-6a003-brazil-1000", D, "BR", cam(1000),
     "license_exception", ["740.3"], "Brazil Group B, NS2 X, within limit")
case(LE, "lvs-6a003-vietnam-100", D, "VN", cam(100),
     "license_required", ["742.4"], "Vietnam not in Country Group B")
case(LE, "lvs-6a003-germany", D, "DE", cam(5000),
     "clear", [], "Germany has no NS2 X: no license, no exception needed")
case(LE, "lvs-9a610x-brazil-1000", D, "BR", item("9A610.x", "aircraft landing-gear part", 1, 1000),
     "license_exception", ["740.3"], "NS1/RS1 X for Brazil; 9A610 LVS $1,500; Brazil Group B not D:5")
case(LE, "lvs-9a610x-brazil-2000", D, "BR", item("9A610.x", "aircraft landing-gear part", 1, 2000),
     "license_required", ["742.4"], "$2,000 exceeds the 9A610 LVS limit")
case(LE, "lvs-denied-to-listed-party", D, "MY", cam(500),
     "license_required", ["744.11"], "no exceptions for Entity List parties (744.11(a))",
     parties=[party("MY", "Huawei Technologies Co., Ltd. (Huawei)", "CN")])
case(LE, "gbs-3a001a2-malaysia", D, "MY", item("3A001.a.2", "radiation-hardened microcircuit", 50, 900),
     "license_exception", ["740.4"], "NS2 X; GBS Yes for 3A001.a.2; Malaysia Group B")
case(LE, "gbs-3a001a2-china", D, "CN", item("3A001.a.2", "radiation-hardened microcircuit", 50, 900),
     "license_required", ["742.4"], "China not Group B: GBS unavailable")
case(LE, "gbs-3a001a2-vietnam", D, "VN", item("3A001.a.2", "radiation-hardened microcircuit", 50, 900),
     "license_required", ["742.4"], "Vietnam not Group B")
case(LE, "gbs-3a001a2-kenya", D, "KE", item("3A001.a.2", "radiation-hardened microcircuit", 50, 900),
     "license_exception", ["740.4"], "Kenya Group B, NS2 X")
case(LE, "gbs-3a001a2-canada", D, "CA", item("3A001.a.2", "radiation-hardened microcircuit", 50, 900),
     "clear", [], "Canada has no NS X")
case(LE, "gbs-3a001a2-malaysia-wmd", D, "MY", item("3A001.a.2", "radiation-hardened microcircuit", 50, 900),
     "license_required", ["744.3"], "knowledge of missile end use: 744.3 license; 740.2(a)(2) bars every exception",
     end_use=(["wmd"], "missile guidance"))
case(LE, "gbs-6a008b-thailand", D, "TH", item("6A008.b", "marine radar", 2, 40000),
     "license_exception", ["740.4"], "GBS Yes for 6A008.b; Thailand Group B, NS2 X")
case(LE, "enc-5a002-germany", D, "DE", item("5A002.a", "network encryption appliance", 5, 20000, enc_classification_done=True),
     "license_exception", ["740.17"], "NS1 X for Germany; ENC 740.17(a)(1) to Supp. 3 countries")
case(LE, "enc-5a002-china-classified", D, "CN", item("5A002.a", "network encryption appliance", 5, 20000, enc_classification_done=True),
     "license_exception", ["740.17"], "ENC 740.17(b)(1) after classification to a non-government end user outside E:1/E:2")
case(LE, "enc-5a002-china-unclassified", D, "CN", item("5A002.a", "network encryption appliance", 5, 20000),
     "review", ["740.17"], "ENC depends on the classification/self-classification facts: ask")
case(LE, "enc-5a002-iran", D, "IR", item("5A002.a", "network encryption appliance", 5, 20000, enc_classification_done=True),
     "license_required", ["746.7"], "ENC unavailable to E:1 (740.17); Iran embargo 746.7")
case(LE, "enc-5a002-japan", D, "JP", item("5A002.a", "network encryption appliance", 5, 20000, enc_classification_done=True),
     "license_exception", ["740.17"], "Japan Supp. 3: ENC")
case(LE, "nac-3a090b-china-dc", D, "CN",
     item("3A090.b", "inference accelerator", 10, 8000, manufacturer="AMD", manufacturer_headquarters="US", tpp=3000, performance_density=4.0, datacenter=True),
     "license_exception", ["740.8"], "NAC for .b to D:5 China (notification 25 days)")
case(LE, "nac-3a090b-china-listed", D, "CN",
     item("3A090.b", "inference accelerator", 10, 8000, manufacturer="AMD", manufacturer_headquarters="US", tpp=3000, performance_density=4.0, datacenter=True),
     "license_required", ["744.11"], "NAC not available where part 744 imposes a license (740.8); Entity List party (744.11(a))",
     parties=[party("CN", "Cambricon Technologies Corporation Limited", "CN")])
case(LE, "aca-3a090b-saudi", D, "SA",
     item("3A090.b", "inference accelerator", 10, 8000, manufacturer="AMD", manufacturer_headquarters="US", tpp=3000, performance_density=4.0, datacenter=True),
     "license_exception", ["740.8"], "Saudi Arabia D:4 not D:5: ACA")
case(LE, "aca-3a090a-dc-saudi", D, "SA", item("3A090.a", "GPU accelerator", 8, 30000, **H100),
     "license_required", ["742.6(a)(6)(iii)"], "datacenter 3A090.a excluded from NAC/ACA (740.8)")
case(LE, "exc-0a982-germany", D, "DE", item("0A982", "restraint devices", 100, 40),
     "license_required", ["742.7(a)(4)"], "0A982: license to all destinations except Canada (742.7(a)(4))")
case(LE, "exc-0a982-canada", D, "CA", item("0A982", "restraint devices", 100, 40),
     "clear", [], "Canada excepted in 742.7(a)(4)")
case(LE, "exc-0a503-mexico", D, "MX", item("0A503", "electric-shock device", 10, 300),
     "license_required", ["742.7(a)(4)"], "0A503 CC: license to all destinations except Canada")
case(LE, "exc-0a503-canada", D, "CA", item("0A503", "electric-shock device", 10, 300),
     "clear", [], "Canada excepted")

# ------------------------------------------------------------------ country chart
CC = "country-chart"
def cc(cid, eccn, desc, dest, verdict, cites, reason, value=25000, **kw):
    case(CC, cid, D, dest, item(eccn, desc, 1, value), verdict, cites, reason, **kw)
cc("cc-2b001-china", "2B001", "5-axis machining centre", "CN", "license_required", ["742.4"], "NS2 X for China; LVS/GBS N/A")
cc("cc-2b001-vietnam", "2B001", "5-axis machining centre", "VN", "license_required", ["742.4"], "NS2 X for Vietnam")
cc("cc-2b001-malaysia", "2B001", "5-axis machining centre", "MY", "license_required", ["742.4"], "NS2 X for Malaysia; LVS/GBS N/A")
cc("cc-2b001-germany", "2B001", "5-axis machining centre", "DE", "clear", [], "no NS2/NP1 X for Germany")
cc("cc-2b001-japan", "2B001", "5-axis machining centre", "JP", "clear", [], "no NS2/NP1 X for Japan")
cc("cc-2b001-mexico", "2B001", "5-axis machining centre", "MX", "clear", [], "Mexico row: NS1 only, no NS2 or NP1")
cc("cc-7a103-germany", "7A103", "flight-control instrumentation", "DE", "license_required", ["742.5"], "MT1 X for Germany; no LVS/GBS; MT bars most exceptions")
cc("cc-7a103-japan", "7A103", "flight-control instrumentation", "JP", "license_required", ["742.5"], "MT1 X for Japan")
cc("cc-7a103-canada", "7A103", "flight-control instrumentation", "CA", "clear", [], "Canada: no MT1 X")
cc("cc-7a103-australia", "7A103", "flight-control instrumentation", "AU", "clear", [], "Australia row is CB1 only (2026 chart)")
cc("cc-3a981-china", "3A981", "polygraph", "CN", "license_required", ["742.7"], "CC1 X for China")
cc("cc-3a981-germany", "3A981", "polygraph", "DE", "clear", [], "no CC1 X for Germany")
cc("cc-0a978-thailand", "0A978", "saps and blackjacks", "TH", "license_required", ["742.7"], "CC1 X for Thailand")
cc("cc-0a978-japan", "0A978", "saps and blackjacks", "JP", "clear", [], "no CC1 X for Japan")
cc("cc-9a610y-china", "9A610.y", "aircraft galley equipment", "CN", "license_required", ["742.6(a)(7)"], "RS for 9A610.y to China, Russia, Venezuela (742.6(a)(7))")
cc("cc-9a610y-venezuela", "9A610.y", "aircraft galley equipment", "VE", "license_required", ["742.6(a)(7)"], "Venezuela named in 742.6(a)(7)")
cc("cc-9a610y-brazil", "9A610.y", "aircraft galley equipment", "BR", "clear", [], "9A610.y: NS/RS lines exclude .y; only AT and the named-country RS line apply")
cc("cc-9a610y-vietnam", "9A610.y", "aircraft galley equipment", "VN", "clear", [], "Vietnam not named in 742.6(a)(7); AT no X")
cc("cc-9a610a-brazil", "9A610.a", "military trainer aircraft", "BR", "license_required", ["742.4", "742.6"], "NS1, RS1 X for Brazil", value=2000000)
cc("cc-9a515y-china", "9A515.y", "spacecraft harness", "CN", "license_required", ["742.6(a)(7)"], "9A515.y to China: 742.6(a)(7)")
cc("cc-9a515y-india", "9A515.y", "spacecraft harness", "IN", "clear", [], "India not named for .y")
cc("cc-0a501y-brazil", "0A501.y", "firearm stock", "BR", "clear", [], "0A501 NS/RS/FC exclude .y; AT no X")
cc("cc-0a501a-brazil", "0A501.a", "semi-automatic rifle", "BR", "license_required", ["742.4", "742.6", "742.17"], "NS1 RS1 FC1 X for Brazil", value=1200)
cc("cc-0a501a-canada", "0A501.a", "semi-automatic rifle", "CA", "license_required", ["742.17"], "FC1 X for Canada", value=1200)
cc("cc-3a991-china", "3A991", "microprocessor", "CN", "clear", [], "3A991 AT only; no AT X for China")
cc("cc-4a994-vietnam", "4A994", "workstation", "VN", "clear", [], "4A994 AT only")
cc("cc-5a992-china", "5A992.c", "mass-market encrypted router", "CN", "clear", [], "5A992.c AT only, no .z facts")
cc("cc-5a991-india", "5A991", "telecom test set", "IN", "clear", [], "AT only")
cc("cc-4a003b-china", "4A003.b", "high-performance computer", "CN", "license_required", ["742.4"], "NS1 X for China; LVS N/A for .b", value=90000)
cc("cc-6a003a1-canada", "6A003.a.1", "high-speed recording camera", "CA", "clear", [], "no NS X for Canada")
cc("cc-2b350-brazil", "2B350", "chemical reactor vessel", "BR", "license_required", ["742.2"], "CB2 X for Brazil; LVS $2,000 exceeded", value=25000)
cc("cc-2b350-germany", "2B350", "chemical reactor vessel", "DE", "clear", [], "no CB2 X for Germany")

# ------------------------------------------------------------------ entity list & other lists
EL = "entity-list"
HUAWEI = "Huawei Technologies Co., Ltd. (Huawei)"
CAMB = "Cambricon Technologies Corporation Limited"
SMIC = "Semiconductor Manufacturing International Corporation (SMIC)"
def el(cid, eccn, desc, dest, name, hq, verdict, cites, reason, role="end_user", extra=None, **kw):
    ps = [party(dest, name, hq, role)]
    if extra:
        ps.insert(0, extra)
    case(EL, cid, D, dest, item(eccn, desc, 10, 100), verdict, cites, reason, parties=ps, **kw)
el("el-huawei-ear99", "EAR99", "office chairs", "CN", HUAWEI, "CN", "license_required", ["744.11"], "fn 1 entry: all items subject to the EAR, presumption of denial")
el("el-huawei-3a991", "3A991", "microprocessor", "CN", HUAWEI, "CN", "license_required", ["744.11"], "all items subject to the EAR")
el("el-huawei-intermediate", "EAR99", "office chairs", "CN", HUAWEI, "CN", "license_required", ["744.11"], "listed party as intermediate consignee counts (748.5)", role="intermediate_consignee", extra=party("CN"))
el("el-huawei-from-korea", "EAR99", "packaging film", "CN", HUAWEI, "CN", "license_required", ["744.11"], "reexport of EAR item from Korea to a listed party", exported_from="KR")
el("el-cambricon-ear99", "EAR99", "office chairs", "CN", CAMB, "CN", "license_required", ["744.11"], "fn 4 entry, all items")
el("el-cambricon-h100", "3A090.a", "GPU accelerator", "CN", CAMB, "CN", "license_required", ["744.11", "742.6(a)(6)(iii)"], "listed party and 3A090.a to China")
el("el-smic-ear99", "EAR99", "cleanroom gloves", "CN", SMIC, "CN", "license_required", ["744.11"], "fn 5 entry: all items subject to the EAR")
el("el-smic-3a991", "3A991", "microcontroller", "CN", SMIC, "CN", "license_required", ["744.11"], "all items")
el("el-huawei-name-variant", "EAR99", "office chairs", "CN", "Huawei Technologies Co Ltd", "CN", "license_required", ["744.11"], "same listed company written without punctuation, same country: the listed entity (744.11)")
el("el-lookalike-clean", "EAR99", "office chairs", "CN", "Hangzhou Huayu Textile Co., Ltd.", "CN", "clear", [], "not listed")
el("dpl-party", "EAR99", "office chairs", "NL", "KINTRACO", "NL", "prohibited", ["764"], "Denied Persons List: GP4, no exceptions")
el("uvl-party", "EAR99", "lab glassware", "AM", "Atlas Sanatgaran", "AM", "review", ["744.15"], "Unverified List: UVL statement, no exceptions; review")
el("el-mousavi-uae", "EAR99", "spare pumps", "AE", "Seyed Mousavi Trading", "AE", "license_required", ["744.11"], "Entity List entry in the UAE: all items")

# ------------------------------------------------------------------ MEU / 744.21
MEU = "meu-744-21"
AECC = "AECC Aviation Power Co. Ltd."
case(MEU, "meu-list-ear99-chairs", D, "CN", item("EAR99", "office chairs", 20, 150), "clear", [],
     "MEU List consequence is limited to Supp. No. 2 to part 744 items; EAR99 is not listed",
     parties=[party("CN", AECC, "CN")])
case(MEU, "meu-list-3a991", D, "CN", item("3A991", "microprocessor", 20, 150), "license_required", ["744.21"],
     "3A991 is in Supp. No. 2 to part 744; MEU List party", parties=[party("CN", AECC, "CN")])
case(MEU, "meu-list-5a992", D, "CN", item("5A992.c", "mass-market router", 20, 150), "license_required", ["744.21"],
     "5A992 in Supp. No. 2", parties=[party("CN", AECC, "CN")])
case(MEU, "meu-china-military-ear99", D, "CN", item("EAR99", "office chairs", 20, 150), "clear", [],
     "744.21 for China reaches only Supp. No. 2 items", end_use=(["military"], "furniture for a PLA base"))
case(MEU, "meu-china-military-9a991", D, "CN", item("9A991", "aircraft part", 20, 150), "license_required", ["744.21"],
     "9A991 in Supp. No. 2; military end use in China", end_use=(["military"], "PLA air force maintenance"))
case(MEU, "meu-venezuela-military-4a994", D, "VE", item("4A994", "computer", 20, 1500), "license_required", ["744.21"],
     "Venezuela in 744.21; 4A994 in Supp. 2", end_use=(["military"], "army logistics"))
case(MEU, "meu-burma-military-3a991", D, "MM", item("3A991", "microprocessor", 20, 150), "license_required", ["744.21"],
     "Burma in 744.21", parties=[party("MM", "Yangon Technical Supplies Co.", "MM")], end_use=(["military"], "air defence radar"))
case(MEU, "meu-russia-military-ear99", D, "RU", item("EAR99", "office chairs", 20, 150), "license_required", ["744.21"],
     "Russia: 744.21 reaches all items subject to the EAR except EAR99 food and medicine (87 FR 13048)",
     end_use=(["military"], "furniture for a Russian MOD unit"))
case(MEU, "meu-russia-military-food", D, "RU", item("EAR99", "canned food", 20, 15, food_or_medicine=True), "clear", [],
     "EAR99 food and medicine excluded from 744.21 for Russia", end_use=(["military"], "rations"))
case(MEU, "meu-belarus-military-ear99", D, "BY", item("EAR99", "office chairs", 20, 150), "license_required", ["744.21"],
     "Belarus: all items except EAR99 food/medicine", end_use=(["military"], "furniture for Belarus army"))
case(MEU, "meu-malaysia-military-3a991", D, "MY", item("3A991", "microprocessor", 20, 150), "clear", [],
     "Malaysia not a 744.21 country", end_use=(["military"], "navy maintenance"))
case(MEU, "meu-nicaragua-before", "2024-03-14", "NI", item("3A991", "microprocessor", 20, 150), "clear", [],
     "Nicaragua added to 744.21 on 2024-03-15", end_use=(["military"], "army communications"))
case(MEU, "meu-nicaragua-on", "2024-03-15", "NI", item("3A991", "microprocessor", 20, 150), "license_required", ["744.21"],
     "FR doc 2024-05696 (2024-03-15) added Nicaragua to 744.21", end_use=(["military"], "army communications"))
case(MEU, "meu-cambodia-before", "2021-12-08", "KH", item("3A991", "microprocessor", 20, 150), "clear", [],
     "Cambodia added to 744.21 on 2021-12-09", end_use=(["military"], "navy base"))
case(MEU, "meu-cambodia-on", "2021-12-09", "KH", item("3A991", "microprocessor", 20, 150), "license_required", ["744.21"],
     "86 FR 70015 added Cambodia to 744.21", end_use=(["military"], "navy base"))
case(MEU, "meu-china-civil-3a991", D, "CN", item("3A991", "microprocessor", 20, 150), "clear", [],
     "civil end use, no MEU", end_use=(["civil"], "consumer electronics factory"))

# ------------------------------------------------------------------ embargoes
EM = "embargoes"
case(EM, "emb-cuba-ear99", D, "CU", item("EAR99", "office chairs", 20, 150), "license_required", ["746.2"],
     "Cuba: license for all items subject to the EAR (746.2)")
case(EM, "emb-cuba-3a991", D, "CU", item("3A991", "microprocessor", 20, 150), "license_required", ["746.2"], "Cuba embargo")
case(EM, "emb-iran-3a991", D, "IR", item("3A991", "microprocessor", 20, 150), "license_required", ["746.7"],
     "Iran: CCL items need a BIS license (746.7)")
case(EM, "emb-iran-ear99", D, "IR", item("EAR99", "office chairs", 20, 150), "license_required", ["746.7"],
     "Iran: EAR99 exports from the U.S. need OFAC authorization (746.7(a)(2), 31 CFR 560)")
case(EM, "emb-nk-ear99", D, "KP", item("EAR99", "office chairs", 20, 150), "license_required", ["746.4"],
     "North Korea: all items subject to the EAR except food and medicine (746.4)")
case(EM, "emb-nk-food", D, "KP", item("EAR99", "rice", 20, 30, food_or_medicine=True), "clear", [],
     "EAR99 food excluded from 746.4(a)")
case(EM, "emb-syria-ear99-before", "2025-09-01", "SY", item("EAR99", "office chairs", 20, 150), "license_required", ["746.9"],
     "before 2025-09-02: all items except EAR99 food and medicine")
case(EM, "emb-syria-food-before", "2025-09-01", "SY", item("EAR99", "infant formula", 20, 30, food_or_medicine=True), "clear", [],
     "EAR99 food and medicine needed no license (746.9)")
case(EM, "emb-syria-ear99-after", "2025-09-02", "SY", item("EAR99", "office chairs", 20, 150), "license_exception", ["740.5"],
     "from 2025-09-02 SPP (740.5) authorizes EAR99 items to Syria for civil end uses")
case(EM, "emb-syria-food-after", "2025-10-01", "SY", item("EAR99", "infant formula", 20, 30, food_or_medicine=True), "clear", [],
     "EAR99 food and medicine still need no license")
case(EM, "emb-syria-2b001-after", "2025-10-01", "SY", item("2B001", "5-axis machining centre", 1, 250000), "license_required", ["746.9"],
     "NS item to Syria: license; SPP does not cover NS-controlled items")
case(EM, "emb-syria-2b001-before", "2025-06-01", "SY", item("2B001", "5-axis machining centre", 1, 250000), "license_required", ["746.9"],
     "Syria embargo before 2025-09-02")
case(EM, "emb-russia-3a991-before", "2022-02-23", "RU", item("3A991", "microprocessor", 20, 150), "clear", [],
     "before 87 FR 12226 (2022-02-24) 3A991 was AT only; Russia no AT X")
case(EM, "emb-russia-3a991-on", "2022-02-24", "RU", item("3A991", "microprocessor", 20, 150), "license_required", ["746.8"],
     "746.8(a)(1): CCL categories 3-9 to Russia from 2022-02-24")
case(EM, "emb-russia-3a991-now", D, "RU", item("3A991", "microprocessor", 20, 150), "license_required", ["746.8"],
     "746.8: all CCL items to Russia")
case(EM, "emb-belarus-5a991-before", "2022-03-01", "BY", item("5A991", "telecom test set", 2, 5000), "clear", [],
     "Belarus rule effective 2022-03-02 (87 FR 13048)")
case(EM, "emb-belarus-5a991-on", "2022-03-02", "BY", item("5A991", "telecom test set", 2, 5000), "license_required", ["746.8"],
     "87 FR 13048: Belarus under 746.8 from 2022-03-02")
case(EM, "emb-russia-2b350-before-apr", "2022-03-01", "RU", item("2B350", "chemical reactor vessel", 1, 80000), "license_required", ["742.2"],
     "CB2 X for Russia independently of 746.8")

# ------------------------------------------------------------------ GP10 / PRC 3A090 ICs
GP = "gp10-prc-ics"
def chip(model, mfr, hq, tpp, pd, eccn="3A090"):
    return item(eccn, "AI accelerator", 8, 20000, manufacturer=mfr, manufacturer_headquarters=hq, model=model,
                tpp=tpp, performance_density=pd, datacenter=True)
case(GP, "gp10-ascend910c-malaysia", D, "MY", chip("Ascend 910C", "Huawei", "CN", 12800, 12.0), "prohibited", ["736.2(b)(10)"],
     "GP10 guidance 2025-05-13: PRC 3A090 ICs, Ascend named")
case(GP, "gp10-ascend910b-germany", D, "DE", chip("Ascend 910B", "Huawei", "CN", 10240, 11.0), "prohibited", ["736.2(b)(10)"],
     "GP10: anywhere in the world")
case(GP, "gp10-cambricon-malaysia", D, "MY", chip("MLU590", "Cambricon", "CN", 5000, 6.0), "prohibited", ["736.2(b)(10)"],
     "Cambricon chip meets 3A090.a; manufacturer headquartered in D:5 China")
case(GP, "gp10-cambricon-below-3a090", D, "MY", chip("MLU220", "Cambricon", "CN", 1000, 2.0, eccn="3A991"), "clear", [],
     "below 3A090 parameters: not a PRC 3A090 IC")
case(GP, "gp10-macau-designer", D, "SG", chip("MX-9", "Cotai Silicon", "MO", 6000, 7.0), "prohibited", ["736.2(b)(10)"],
     "designer headquartered in Macau")
case(GP, "gp10-nvidia-malaysia", D, "MY", chip("H100 SXM", "NVIDIA", "US", 15832, 19.6), "clear", [],
     "US-headquartered designer: guidance does not apply")
case(GP, "gp10-taiwan-designer", D, "MY", chip("X1", "Hsinchu AI Silicon", "TW", 6000, 7.0), "clear", [],
     "Taiwan is not D:5/Macau")
case(GP, "gp10-ascend-evaluation", D, "DE", chip("Ascend 910C", "Huawei", "CN", 12800, 12.0), "clear", ["736.2(b)(10)"],
     "safe harbour: technical evaluation / destructive testing only", end_use=(["technical_evaluation"], "teardown analysis"))
case(GP, "gp10-before-guidance", "2025-05-12", "MY", chip("Ascend 910C", "Huawei", "CN", 12800, 12.0), "clear", [],
     "guidance issued 2025-05-13; before it no GP10 determination on the chip itself (knowledge-based)")

# ------------------------------------------------------------------ EAR99 to ordinary destinations
E9 = "ear99-ordinary"
for cid, dest in [("ear99-germany", "DE"), ("ear99-japan", "JP"), ("ear99-brazil", "BR"), ("ear99-india", "IN"),
                  ("ear99-mexico", "MX"), ("ear99-china", "CN"), ("ear99-vietnam", "VN"), ("ear99-uae", "AE"),
                  ("ear99-malaysia", "MY"), ("ear99-kenya", "KE"), ("ear99-canada", "CA"), ("ear99-hongkong", "HK")]:
    case(E9, cid, D, dest, item("EAR99", "office chairs", 40, 180), "clear", [],
         "EAR99, no list hit, no prohibited end use, not an embargoed destination (734.3(c), 736.2(b))")
case(E9, "ear99-russia-civil-2021", "2021-06-01", "RU", item("EAR99", "office chairs", 40, 180), "clear", [],
     "before the 2022 Russia rules EAR99 to a civil end user needed no license")

# ------------------------------------------------------------------ dated changes
DT = "dated-changes"
case(DT, "aukus-australia-7a003-before", "2024-04-18", "AU", item("7A003", "inertial measurement unit", 2, 40000), "license_required", ["742.4"],
     "before 89 FR 28594 (AUKUS, 2024-04-19) Australia's row had NS1 X")
case(DT, "aukus-australia-7a003-on", "2024-04-19", "AU", item("7A003", "inertial measurement unit", 2, 40000), "clear", [],
     "AUKUS rule removed NS/MT/RS X for Australia")
case(DT, "aukus-uk-7a003-before", "2024-04-18", "GB", item("7A003", "inertial measurement unit", 2, 40000), "license_required", ["742.4"],
     "UK had NS1 X before AUKUS rule")
case(DT, "aukus-uk-7a003-on", "2024-04-19", "GB", item("7A003", "inertial measurement unit", 2, 40000), "clear", [],
     "AUKUS rule: UK row CB1 only")
case(DT, "nicaragua-h100-before", "2024-03-14", "NI", item("3A090.a", "GPU accelerator", 8, 30000, **H100), "clear", [],
     "Nicaragua not D:1/D:4/D:5 before 2024-03-15")
case(DT, "nicaragua-h100-on", "2024-03-15", "NI", item("3A090.a", "GPU accelerator", 8, 30000, **H100), "license_required", ["742.6(a)(6)(iii)"],
     "Nicaragua D:5 from 2024-03-15 (FR doc 2024-05696)")
case(DT, "cambodia-4a003b-ns1-control", "2021-12-08", "KH", item("4A003.b", "high-performance computer", 1, 90000), "license_required", ["742.4"],
     "NS1 X for Cambodia regardless of D:5 (control)")
case(DT, "cambodia-meu-3a991-2026", "2026-03-01", "KH", item("3A991", "microprocessor", 20, 150), "license_required", ["744.21"],
     "Cambodia left D:5 in 2026 but stays in 744.21", end_use=(["military"], "navy base"))
case(DT, "aidiff-enforcement-2025-06", "2025-06-01", "TH", item("3A090.a", "GPU accelerator", 2000, 30000, **H100), "clear", [],
     "enforcement posture: AI Diffusion worldwide .a scope not enforced")
case(DT, "aidiff-cfrtext-2025-06", "2025-06-01", "TH", item("3A090.a", "GPU accelerator", 2000, 30000, **H100), "license_required", ["742.6(a)(6)(iii)"],
     "cfr-text after compliance date: .a worldwide; quantity beyond LPP", posture="cfr-text")
case(DT, "aidiff-cfrtext-2025-01-12", "2025-01-12", "TH", item("3A090.a", "GPU accelerator", 2000, 30000, **H100), "clear", [],
     "before the AI Diffusion rule's effective date", posture="cfr-text")
case(DT, "aidiff-cfrtext-2025-02-01", "2025-02-01", "TH", item("3A090.a", "GPU accelerator", 2000, 30000, **H100), "clear", [],
     "in force 2025-01-13 but compliance not required until 2025-05-15", posture="cfr-text")

# ------------------------------------------------------------------ end use and red flags
RF = "end-use-red-flags"
case(RF, "rf-residential-h100-malaysia", D, "MY", item("3A090.a", "GPU accelerator", 8, 30000, **H100), "review", ["732 Supp. 3"],
     "red flag: residential address ordering commercial quantities; resolve before shipping", red_flags=["rf-ac-residential-address"])
case(RF, "rf-cash-3a991-kenya", D, "KE", item("3A991", "microprocessor", 200, 150), "review", ["732 Supp. 3"],
     "red flag: cash payment", red_flags=["rf-05-cash-payment"])
case(RF, "rf-no-web-ear99-germany", D, "DE", item("EAR99", "office chairs", 40, 180), "review", ["732 Supp. 3"],
     "red flag declared must be resolved (Know Your Customer guidance)", red_flags=["rf-ac-no-web-presence"])
case(RF, "eu-wmd-ear99-india", D, "IN", item("EAR99", "pumps", 4, 3000), "license_required", ["744.2"],
     "knowledge of WMD end use: 744.2-744.4 reach all items subject to the EAR", end_use=(["wmd"], "missile propellant plant"))
case(RF, "eu-mi-ear99-china", D, "CN", item("EAR99", "office chairs", 4, 300), "license_required", ["744.22"],
     "military-intelligence end use in China: 744.22 all items", end_use=(["military_intelligence"], "PLA intelligence unit"))
case(RF, "eu-supercomputer-3a991-china", D, "CN", item("3A991", "microprocessor", 200, 150), "license_required", ["744.23(a)(1)"],
     "3A991 ICs for a supercomputer in D:5", end_use=(["supercomputer"], "national supercomputing centre"))
case(RF, "eu-supercomputer-3a991-germany", D, "DE", item("3A991", "microprocessor", 200, 150), "clear", [],
     "744.23(a)(1) limited to supercomputers in Macau/D:5", end_use=(["supercomputer"], "university HPC"))
case(RF, "eu-advnode-ear99-china", D, "CN", item("EAR99", "cleanroom gloves", 400, 5), "license_required", ["744.23(a)(2)"],
     "any item for advanced-node IC production in D:5", end_use=(["advanced_node_ic_production"], "7nm fab"))
case(RF, "eu-training-malaysia-local", D, "MY", item("3A090.a", "GPU accelerator", 8, 30000, **H100), "clear", [],
     "AI training for a Malaysian-headquartered company: policy statement needs D:5/Macau HQ and WMD/MI",
     end_use=(["ai_model_training"], "LLM training"))
case(RF, "eu-civil-2b001-mexico", D, "MX", item("2B001", "5-axis machining centre", 1, 250000), "clear", [],
     "civil end use, Mexico row has no NS2/NP1", end_use=(["civil"], "automotive parts"))

for cls, cases in classes.items():
    with open(os.path.join(HERE, cls + ".json"), "w") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")
print(sum(len(c) for c in classes.values()), "cases in", len(classes), "classes")
