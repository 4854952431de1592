#!/usr/bin/env python3
"""Precision@1 of the peers on lexgap's gold lists, both directions, from the bundled texts.

    python3 scripts/gold-peers.py          # from the repository's root

For each gold list in tests/data/ (GDPR -> PIPL, and eight national laws -> GDPR) and each direction, every listed
provision's best-scoring counterpart among all the provisions of the other instrument (its
English text, the same texts lexgap's `precision_at_1_both_ways` test aligns) counts as a hit
when the list accepts it. Peers: the TF-IDF cosine of ../shared/bench/peers.py (log tf, idf
over both sides, words [a-z]+; copied here so that it reads the corpus, not the bench inputs)
and rapidfuzz's token_set_ratio (when rapidfuzz is installed; scripts/bench-peers.sh installs
it). Prints one line per list, direction and peer; the lexgap figures come from
`cargo test --test integration precision_at_1_both_ways -- --nocapture` in the same run.
"""

import math
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def provisions(path):
    """(local id, English text) of every provision with one."""
    doc = tomllib.load(open(ROOT / 'provisions' / path, 'rb'))
    return [(p['id'], p['text']['en']) for p in doc['provision'] if 'en' in p.get('text', {})]


def tfidf_matrix(left, right):
    """Cosine of TF-IDF vectors (log tf, idf over both sides), as ../shared/bench/peers.py."""
    tok = lambda s: re.findall(r'[a-z]+', s.lower())
    docs = [Counter(tok(t)) for t in left + right]
    df = Counter(w for d in docs for w in d)
    n = len(docs)
    vec = [{w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in d.items()} for d in docs]
    norm = [math.sqrt(sum(v * v for v in x.values())) or 1.0 for x in vec]
    L, R = vec[:len(left)], vec[len(left):]
    return [[sum(v * R[j].get(w, 0.0) for w, v in L[i].items()) / (norm[i] * norm[len(left) + j])
             for j in range(len(right))] for i in range(len(left))]


def rapidfuzz_matrix(left, right):
    from rapidfuzz import fuzz, process
    return process.cdist(left, right, scorer=fuzz.token_set_ratio, workers=1).tolist()


def precision(gold, left, right, scorer):
    """Hits of `gold` ({left id: accepted right ids}) with `scorer` over the two sides."""
    lids = [i for i, _ in left]
    rids = [i for i, _ in right]
    asked = [i for i in lids if i in gold]
    texts = dict(left)
    scores = scorer([texts[i] for i in asked], [t for _, t in right])
    hits = 0
    for k, i in enumerate(asked):
        best = max(range(len(rids)), key=lambda j: scores[k][j])
        hits += rids[best] in gold[i]
    return hits, len(gold)


def main():
    lists = [
        ('GDPR -> PIPL', 'gdpr_pipl_gold.toml', 'gdpr', 'pipl', 'eu/gdpr.toml', 'cn/pipl.toml'),
        ('POPIA -> GDPR', 'popia_gdpr_gold.toml', 'popia', 'gdpr', 'za/popia.toml', 'eu/gdpr.toml'),
        ('AU Privacy Act -> GDPR', 'auprivacy_gdpr_gold.toml', 'auprivacy', 'gdpr', 'au/privacy-act-1988.toml', 'eu/gdpr.toml'),
        ('PIPEDA -> GDPR', 'pipeda_gdpr_gold.toml', 'pipeda', 'gdpr', 'ca/pipeda.toml', 'eu/gdpr.toml'),
        ('UK DPA -> GDPR', 'ukdpa_gdpr_gold.toml', 'ukdpa', 'gdpr', 'gb/dpa-2018.toml', 'eu/gdpr.toml'),
        ('DPDP -> GDPR', 'dpdp_gdpr_gold.toml', 'dpdp', 'gdpr', 'in/dpdp-2023.toml', 'eu/gdpr.toml'),
        ('Kenya DPA -> GDPR', 'kedpa_gdpr_gold.toml', 'kedpa', 'gdpr', 'ke/dpa-2019.toml', 'eu/gdpr.toml'),
        ('NDPA -> GDPR', 'ndpa_gdpr_gold.toml', 'ndpa', 'gdpr', 'ng/ndpa-2023.toml', 'eu/gdpr.toml'),
        ('CCPA -> GDPR', 'ccpa_gdpr_gold.toml', 'ccpa', 'gdpr', 'us-ca/ccpa.toml', 'eu/gdpr.toml'),
    ]
    peers = [('python-tfidf-cosine', tfidf_matrix)]
    try:
        import rapidfuzz  # noqa: F401
        peers.append(('rapidfuzz-token-set', rapidfuzz_matrix))
    except ImportError:
        print('# rapidfuzz is not installed: its rows are left out', file=sys.stderr)
    for name, file, lk, rk, lpath, rpath in lists:
        gold_doc = tomllib.load(open(ROOT / 'tests' / 'data' / file, 'rb'))
        forward = {p[lk]: set(p[rk]) for p in gold_doc['pair']}
        backward = defaultdict(set)
        for l, rs in forward.items():
            for r in rs:
                backward[r].add(l)
        left, right = provisions(lpath), provisions(rpath)
        back_name = ' -> '.join(reversed(name.split(' -> ')))
        for peer, scorer in peers:
            for label, gold, a, b in [(name, forward, left, right), (back_name, backward, right, left)]:
                hits, n = precision(gold, a, b, scorer)
                print(f'{label}\t{peer}\tprecision@1 {hits}/{n} = {hits / n:.3f}')


if __name__ == '__main__':
    main()
