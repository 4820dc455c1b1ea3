#!/usr/bin/env python3
# gen-rule-pack.py — builds data/rules/ear-pack.json, the bundled rule pack.
#
# Copyright 2026 The Clearance authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The pack has two kinds of content:
#   * hand-written rules, list consequences, license exceptions, red flags,
#     end-use categories, the item parameters the form asks for per ECCN set, dated country-group
#     and Country Chart changes: data/rules/src/ear-rules.json
#     (edit that file, then run this tool);
#   * tables generated from the eCFR extraction (the issue of 2026-07-23): the Country
#     Groups, the Commerce Country Chart and the Commerce Control List.
#
# Usage:
#   tools/gen-rule-pack.py [--ecfr ../shared/data/ecfr/2026-07-23] [--version V]
# Without --ecfr (or when the directory is absent) the generated tables are
# taken from the current data/rules/ear-pack.json, so rule edits never need the
# shared data. The output is committed; the build and tests never run this.

import argparse
import datetime
import json
import lzma
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'data', 'rules', 'src', 'ear-rules.json')
OUT = os.path.join(ROOT, 'data', 'rules', 'ear-pack.json')
ISO = '/usr/share/iso-codes/json/iso_3166-1.json'

# EAR spellings that iso-codes does not know (the EAR's own names).
EAR_NAMES = {
    'bahamas, the': 'BS', 'the bahamas': 'BS', 'bosnia & herzegovina': 'BA',
    'brunei': 'BN', 'burma': 'MM', 'cape verde': 'CV', 'china (prc)': 'CN', 'china': 'CN',
    'congo (democratic republic of the)': 'CD', 'congo (democratic republic of)': 'CD',
    'congo (republic of the)': 'CG', "cote d'ivoire": 'CI', "cote d'lvoire": 'CI',
    'gambia, the': 'GM', 'korea, north': 'KP', 'korea, south': 'KR', 'kosovo': 'XK',
    'macau': 'MO', 'micronesia (federated state of)': 'FM', 'russia': 'RU',
    'saint kitts & nevis': 'KN', 'st. kitts and nevis': 'KN', 'sao tome & principe': 'ST',
    'seycheles': 'SC',
    'sint maarten (the dutch two-fifths of the island of saint martin)': 'SX',
    'south sudan, republic of': 'SS', 'st. lucia': 'LC',
    'st. vincent and the grenadines': 'VC', 'trinidad & tobago': 'TT',
    'vatican city': 'VA', 'türkiye': 'TR', 'taiwan': 'TW', 'iran': 'IR', 'syria': 'SY',
    'vietnam': 'VN', 'laos': 'LA', 'moldova': 'MD', 'bolivia': 'BO', 'venezuela': 'VE',
    'tanzania': 'TZ', 'czech republic': 'CZ', 'united states': 'US', 'united kingdom': 'GB',
}

REASONS = ['AT', 'CB', 'CC', 'CW', 'EI', 'FC', 'MT', 'NS', 'NP', 'RS', 'SS', 'UN', 'SI', 'SL']


def iso_table():
    table = {}
    names = {}
    with open(ISO, encoding='utf-8') as f:
        for c in json.load(f)['3166-1']:
            for k in ('name', 'common_name', 'official_name'):
                if k in c:
                    table[c[k].lower()] = c['alpha_2']
            names[c['alpha_2']] = c.get('common_name', c['name'])
    table.update(EAR_NAMES)
    return table, names


def code_for(table, name):
    code = table.get(name.lower())
    if code is None:
        sys.exit('gen-rule-pack: no ISO code for EAR name %r (add it to EAR_NAMES)' % name)
    return code


def col(text):
    return text.replace(' ', '')  # "NS 1" -> "NS1"


ECCN_RE = re.compile(r'\b(\d[A-E]\d{3})((?:\.[a-z0-9]+)*)')
SHORT_RE = re.compile(r'(?<![\w.])\.?([a-z](?:\.[a-z0-9]+)+|[a-z]\.\d+(?:\.[a-z0-9]+)*|\.[a-z])\b')


COND_RE = re.compile(r'\b(when|if|for use|that meet|being exported|having|provided)\b')


def parse_applies(eccn, control):
    """Which paragraphs of the entry a control applies to.

    The text is read whole: "NS applies to entire entry except: 9A610.b;
    parts and components in 9A610.x if being exported ... for 9A610.b; and
    9A610.y" excludes .b and .y outright ("except") and .x only under a
    condition ("except_conditional"); a condition in the exception list
    does not make the whole line conditional."""
    text = control.strip()
    m = re.match(r'^([A-Z]{2})\b', text)
    reason = m.group(1) if m else None
    low = text.lower()
    entire = 'entire entry' in low
    applies = {'all': False, 'paragraphs': [], 'except': [], 'except_conditional': [], 'conditional': False,
               'text': text}
    mm = re.search(r'\s(?:except|other than)\b:?\s*', low)
    head = low[:mm.start()] if mm else low
    tail = low[mm.end():] if mm else ''
    def refs(s, orig):
        out = []
        base = eccn
        for mm in ECCN_RE.finditer(orig):
            base = mm.group(1)
            if mm.group(2):
                out.append(base + mm.group(2))
            else:
                out.append(base)
        # shorthand ("z.2.a", ".d", "b.2") relative to the entry
        stripped = ECCN_RE.sub(' ', orig)
        for mm in SHORT_RE.finditer(stripped):
            p = mm.group(1).lstrip('.')
            if re.fullmatch(r'[a-z](\.[a-z0-9]+)*', p) and p not in ('e', 'i', 'g'):
                out.append(base + '.' + p)
            elif re.fullmatch(r'[a-z](\.[a-z0-9]+)*', p) and mm.group(0).startswith('.'):
                out.append(base + '.' + p)
        seen = []
        for r in out:
            if r not in seen:
                seen.append(r)
        return seen
    orig_head = text[:len(head)]
    orig_tail = text[mm.end():] if mm else ''
    if entire:
        applies['all'] = True
    else:
        applies['paragraphs'] = refs(head, orig_head)
        if not applies['paragraphs']:
            applies['conditional'] = True
    if tail:
        # one exception per clause ("9A610.b; parts ... if ...; and 9A610.y")
        for clause in re.split(r';|,\s*and\s|\sand\s(?=\d[a-e]\d{3}|\.)', orig_tail):
            found = refs(clause.lower(), clause)
            if COND_RE.search(clause.lower()):
                applies['except_conditional'] += [r for r in found if r not in applies['except_conditional']]
            else:
                applies['except'] += [r for r in found if r not in applies['except']]
        if not applies['except'] and not applies['except_conditional']:
            applies['conditional'] = True
    if COND_RE.search(head):
        applies['conditional'] = True
    return reason, applies


GROUP_NAMES = {'united arab emirates': 'AE', 'macau': 'MO', 'china': 'CN', 'russia': 'RU',
               'venezuela': 'VE', 'north korea': 'KP', 'iraq': 'IQ', 'pakistan': 'PK',
               'canada': 'CA'}


def parse_scope(text, reason=None):
    scope = _parse_scope(text, reason)
    if '§' in text and scope['kind'] in ('destinations', 'worldwide'):
        # "see § 742.6(a)(7)", "See §§ 742.6 and 746.3": the line's own paragraphs
        cites = []
        for c in re.findall(r'\b(7\d\d\.\d+(?:\([a-z0-9]+\))*)', text[text.index('§'):]):
            if c not in cites:
                cites.append(c)
        if cites:
            scope['citation'] = '15 CFR ' + '; '.join(cites)
    return scope


def _parse_scope(text, reason=None):
    t = text.strip()
    m = re.fullmatch(r'Column\s+(\d)\.?', t)
    if m and reason:
        return {'kind': 'column', 'column': reason + m.group(1)}
    m = re.fullmatch(r'([A-Z]{2})\s+Column\s+(\d)\.?', t)
    if m:
        return {'kind': 'column', 'column': m.group(1) + m.group(2)}
    m = re.match(r'^(?:[A-Z]{2} applies to entire entry )?([A-Z]{2})\s+Column\s+(\d)\b', t)
    if m and 'see §' not in t.lower()[m.end():m.end() + 3]:
        return {'kind': 'column', 'column': m.group(1) + m.group(2), 'note': t}
    low = t.lower()
    if 'any destination worldwide' in low or low.startswith('worldwide control') or \
       'required for all destinations' in low:
        scope = {'kind': 'worldwide', 'except_in': []}
        if 'except canada' in low:
            scope['except_in'] = ['CA']
        scope['text'] = t
        return scope
    dests = []
    for g in re.findall(r'\b([A-E]:\d)\b', t):
        dests.append(g)
    excl = []
    mm = re.search(r'excluding any destination also specified in country groups? (.*?)(\.|$)', low)
    if mm:
        excl = [g.upper() for g in re.findall(r'\b([a-e]:\d)\b', mm.group(1))]
        dests = [d for d in dests if d not in excl]
    for name, code in GROUP_NAMES.items():
        if re.search(r'\b' + name + r'\b', low) and not (name == 'canada' and 'except canada' in low):
            dests.append(code)
    if dests and ('to or within' in low or 'license is required' in low or 'china, russia' in low):
        return {'kind': 'destinations', 'in': dests, 'except_in': excl, 'text': t}
    return {'kind': 'refer', 'text': t}


def build_ccl(ecfr):
    with lzma.open(os.path.join(ecfr, 'ccl.json.xz'), 'rt', encoding='utf-8') as f:
        ccl = json.load(f)
    out = {}
    for e in ccl['entries']:
        eccn = e['eccn']
        reasons = [r.strip() for r in (e.get('reasonForControl') or '').replace(';', ',').split(',') if r.strip()]
        controls = []
        for c in e.get('countryChart', []):
            reason, applies = parse_applies(eccn, c['control'])
            scope = parse_scope(c['countryChart'], reason)
            ctl = {'reason': reason, 'applies_to': applies, 'scope': scope,
                   'chart_text': c['countryChart']}
            # The advanced-computing and model-weight lines are dated and
            # posture-dependent: the pack's rules decide them (regulation.md §2.2).
            if re.search(r'742\.6\(a\)\((6|13)\)', c['countryChart']):
                ctl['handled_by_rules'] = True
            controls.append(ctl)
        paragraphs = []
        for it in e.get('items', []) or []:
            if it.get('kind') == 'item' and it.get('paragraph') and it.get('depth', 0) == 1:
                p = eccn + '.' + it['paragraph']
                if p not in paragraphs:
                    paragraphs.append(p)
        entry_flags = e.get('licenceExceptionFlags') or {}
        terms = exception_terms(entry_flags)
        out[eccn] = {
            'title': e.get('heading') or '',
            'reasons': reasons,
            'controls': controls,
            'license_exceptions': e.get('licenceExceptionFlags') or {},
            'paragraphs': paragraphs,
        }
        if terms:
            out[eccn]['exception_terms'] = terms
    return out, ccl.get('ecfrIssueDate')


LVS_RE = re.compile(r'^\$\s*([\d,]+)\.?\s*(?:[,;]\s*(?:except\s+)?n/a for (mt|np)(?:(?:,|,? and) (mt|np))?\.?)?$')
GBS_RE = re.compile(r'^yes\.?(?:,?\s*except n/a for (mt|np)\.?)?$')


def exception_terms(flags):
    """The LVS value limit and GBS eligibility of an entry, where its line
    says them plainly ("$5000", "$1500, N/A for NP", "Yes", "Yes, except N/A
    for MT"). Lines that limit eligibility to some paragraphs or uses are
    left out: the engine then treats the exception as not available."""
    terms = {}
    lvs = (flags.get('LVS') or '').strip().lower()
    m = LVS_RE.match(lvs)
    if m:
        t = {'value_limit': int(m.group(1).replace(',', ''))}
        nf = [r.upper() for r in m.groups()[1:] if r]
        if nf:
            t['not_for_reasons'] = nf
        terms['LVS'] = t
    gbs = (flags.get('GBS') or '').strip().lower()
    m = GBS_RE.match(gbs)
    if m:
        terms['GBS'] = {'not_for_reasons': [m.group(1).upper()]} if m.group(1) else {}
    return terms


def build_countries_and_chart(ecfr, table, isonames):
    with open(os.path.join(ecfr, 'country-chart.json'), encoding='utf-8') as f:
        cc = json.load(f)
    with open(os.path.join(ecfr, 'country-groups.json'), encoding='utf-8') as f:
        cg = json.load(f)
    countries = {}
    rows = {}
    for name, row in cc['countries'].items():
        code = code_for(table, name)
        countries[code] = {'name': name, 'aliases': []}
        rows[code] = {'x': [col(c) for c in row['marks']], 'footnotes': [str(n) for n in row['footnotes']]}
    embargoed = {}
    for name, row in cc['embargoed'].items():
        code = code_for(table, name)
        countries[code] = {'name': name, 'aliases': []}
        embargoed[code] = {'pointer': row['pointer'], 'footnotes': [str(n) for n in row['footnotes']]}
    for grp, members in cg['groups'].items():
        for name in members:
            code = code_for(table, name)
            if code not in countries:
                countries[code] = {'name': name, 'aliases': []}
    for alias, name in list(cc['aliases'].items()) + list(cg['aliases'].items()):
        code = table.get(name.lower())
        if code is None or code not in countries:
            continue
        if alias.lower() not in [a.lower() for a in countries[code]['aliases']]:
            countries[code]['aliases'].append(alias)
    for code, c in countries.items():
        iso = isonames.get(code)
        if iso and iso.lower() != c['name'].lower() and iso not in c['aliases']:
            c['aliases'].append(iso)
    inheritance = {}
    for name, inh in cc['territoryInheritance'].items():
        target = code_for(table, inh['row'])
        code = {'hong kong': 'HK', 'liechtenstein': 'LI', 'cayman islands': 'KY'}[name]
        countries[code] = {'name': name.title(), 'aliases': [], 'treated_as': target,
                           'treated_as_basis': inh['basis']}
        if code == 'HK':
            countries[code]['aliases'] = ['Hong Kong SAR', 'HK', 'HKSAR']
    groups = {}
    for grp, members in cg['groups'].items():
        groups[grp] = {'title': cg['labels'].get(grp, grp),
                       'members': sorted({code_for(table, n) for n in members}),
                       'changes': []}
    chart = {
        'citation': '15 CFR part 738, Supplement No. 1',
        'columns': [col(c) for c in cc['columns']],
        'column_labels': {col(k): v for k, v in cc['columnLabels'].items()},
        'rows': dict(sorted(rows.items())),
        'embargoed': dict(sorted(embargoed.items())),
        'footnotes': cc['footnotes'],
        'no_mark_caveat': cc['procedure']['noMarkCaveat'],
    }
    # an alias belongs to one destination only (Hong Kong has its own entry)
    taken = {}
    for code, c in countries.items():
        for k in [code, c['name']] + (c['aliases'] if 'treated_as' in c else []):
            taken[k.lower()] = code
    for code, c in countries.items():
        seen = set()
        kept = []
        for a in c['aliases']:
            k = a.lower()
            if k in seen or (k in taken and taken[k] != code):
                continue
            seen.add(k)
            kept.append(a)
        c['aliases'] = kept
    return dict(sorted(countries.items())), groups, chart, cc.get('ecfrIssueDate')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ecfr', default=os.path.join(ROOT, '..', 'shared', 'data', 'ecfr', '2026-07-23'))
    ap.add_argument('--version')
    ap.add_argument('--published')
    args = ap.parse_args()

    with open(SRC, encoding='utf-8') as f:
        src = json.load(f)

    if os.path.isdir(args.ecfr):
        table, isonames = iso_table()
        ccl, ccl_date = build_ccl(args.ecfr)
        countries, groups, chart, chart_date = build_countries_and_chart(args.ecfr, table, isonames)
        tables_source = {'ecfr_issue_date': ccl_date,
                         'files': ['ccl.json', 'country-chart.json', 'country-groups.json'],
                         'origin': 'eCFR versioner v1, title 15 parts 738, 740, 774 (seelpeed-debug/export-controls-agent-mcp@5847b09)'}
    else:
        with open(OUT, encoding='utf-8') as f:
            old = json.load(f)
        ccl, countries, chart = old['ccl'], old['countries'], old['country_chart']
        groups = {k: dict(v, changes=[]) for k, v in old['country_groups'].items()
                  if k not in src.get('custom_groups', {})}
        tables_source = old['tables_source']

    # hand-written CCL corrections: entries whose License Requirements the
    # extraction lacks, and control citations the chart text omits
    for eccn, ov in src.get('ccl_overrides', {}).items():
        entry = ccl[eccn]
        if 'controls' in ov:
            entry['controls'] = ov['controls']
        for reason, cite in ov.get('citations', {}).items():
            for ctl in entry['controls']:
                if ctl['reason'] == reason and ctl['scope']['kind'] in ('worldwide', 'destinations'):
                    ctl['scope']['citation'] = cite

    # hand-written country aliases and extra destinations
    for code, extra in src.get('country_overrides', {}).items():
        countries.setdefault(code, {'name': extra.get('name', code), 'aliases': []})
        for a in extra.get('aliases', []):
            if a not in countries[code]['aliases']:
                countries[code]['aliases'].append(a)
        for k, v in extra.items():
            if k != 'aliases':
                countries[code][k] = v

    # dated membership changes (the snapshot is as of the eCFR issue date)
    for ch in src.get('group_changes', []):
        g = groups[ch['group']]
        g['changes'].append({k: v for k, v in ch.items() if k != 'group'})
    for name, g in src.get('custom_groups', {}).items():
        groups[name] = dict(g, changes=g.get('changes', []))
    # dated Country Chart rows (the rows are as of the eCFR issue date)
    chart = dict(chart, changes=src.get('chart_changes', []))

    # ECCN sets computed from the CCL: the categories of an ECCN (first digit)
    eccn_sets = dict(src.get('eccn_sets', {}))
    eccn_sets['ccl_categories_0_to_2'] = sorted(k for k in ccl if k[0] in '012')

    pack = {
        'format': 'clearance-rule-pack',
        'format_version': 1,
        'id': src['id'],
        'version': args.version or src['version'],
        'published': args.published or src['published'],
        'title': src['title'],
        'description': src.get('description', ''),
        'snapshot_date': tables_source['ecfr_issue_date'],
        'tables_source': tables_source,
        'countries': countries,
        'country_groups': dict(sorted(groups.items())),
        'country_chart': chart,
        'ccl': dict(sorted(ccl.items())),
        'end_use_categories': src['end_use_categories'],
        'red_flags': src['red_flags'],
        'list_consequences': src['list_consequences'],
        'license_exceptions': src['license_exceptions'],
        'eccn_sets': eccn_sets,
        'item_parameters': src.get('item_parameters', []),
        'item_lists': src.get('item_lists', {}),
        'paragraph_derivations': src.get('paragraph_derivations', []),
        'rules': src['rules'],
        'policy_overrides': src.get('policy_overrides', []),
    }
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(pack, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print('wrote %s: %d countries, %d groups, %d ECCNs, %d rules' %
          (OUT, len(countries), len(groups), len(ccl), len(src['rules'])))


if __name__ == '__main__':
    main()
