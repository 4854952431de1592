#!/usr/bin/env bash
# Times lexgap against the tools users would otherwise reach for, in one run, and prints a table
# of medians and ratios (peer time / lexgap time; above 1 means lexgap is faster).
#
#   scripts/bench-peers.sh            # peers 3 runs each, hyperfine 20 runs in 5 rounds
#   RUNS=5 HF_RUNS=50 HF_ROUNDS=10 scripts/bench-peers.sh
#   SCALE=1 scripts/bench-peers.sh    # also the CLI on the generated 1,000-instrument corpus
#
# Steps: build the release CLI; make the inputs (../shared/bench/make_inputs.py) if missing;
# install the peers' pip packages (diff-match-patch, rapidfuzz, numpy) if missing; run
# ../shared/bench/peers.py (python difflib, diff-match-patch, rapidfuzz cdist, a TF-IDF cosine,
# and git --word-diff), then the matching criterion benches (diff-words-en, diff-chars-zh,
# align-en), then whole-process timings of `lexgap diff --text` against
# `git diff --no-index --word-diff` with hyperfine (or a timing loop when hyperfine is absent),
# then the peak memory of the CLI on the largest input (/usr/bin/time -v).
# Everything lands in target/bench-peers/; the table is also written to
# target/bench-peers/table.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
shared="$root/../shared/bench"
inputs="$root/target/bench-inputs"
out="$root/target/bench-peers"
runs="${RUNS:-3}"
hf_runs="${HF_RUNS:-20}"
mkdir -p "$out"

say() { printf '\n== %s\n' "$*" >&2; }

say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
uptime > "$out/load-before.txt"

say "building the release CLI"
cargo build --release --features cli --quiet
lexgap="$root/target/release/lexgap"

if [[ ! -f "$inputs/gdpr.en.txt" || ! -f "$inputs/pipl-articles.tsv" ]]; then
    say "making the inputs"
    python3 "$shared/make_inputs.py" "$inputs" >&2
fi

if ! python3 -c 'import diff_match_patch, rapidfuzz, numpy' 2>/dev/null; then
    say "installing the peers' python packages"
    python3 -m pip install --quiet diff-match-patch rapidfuzz numpy
fi

# The gold list (GDPR article -> PIPL articles) inverted into the CSV peers.py reads
# (pipl_article,gdpr_articles): peers.py measures PIPL -> GDPR, and the align bench prints
# lexgap's precision@1 in that direction on the same inverted list.
gold_args=()
if [[ -f tests/data/gdpr_pipl_gold.toml ]]; then
    python3 - tests/data/gdpr_pipl_gold.toml "$out/gold-pipl-gdpr.csv" <<'PY'
import csv, sys, tomllib
from collections import defaultdict
gold = tomllib.load(open(sys.argv[1], 'rb'))
inv = defaultdict(list)
num = lambda a: a.removeprefix('art-')
for pair in gold['pair']:
    for p in pair['pipl']:
        inv[num(p)].append(num(pair['gdpr']))
with open(sys.argv[2], 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['pipl_article', 'gdpr_articles'])
    for p in sorted(inv, key=int):
        w.writerow([p, ';'.join(inv[p])])
PY
    gold_args=(--gold "$out/gold-pipl-gdpr.csv")
fi

say "peers: python3 ../shared/bench/peers.py --runs $runs (a few minutes: difflib is slow)"
python3 "$shared/peers.py" "$inputs" --runs "$runs" "${gold_args[@]}" | tee "$out/peers.tsv" >&2

say "precision@1 on both gold lists, both directions: peers (scripts/gold-peers.py) and lexgap"
python3 scripts/gold-peers.py | tee "$out/gold-peers.tsv" >&2
cargo test --quiet --all-features --test integration precision_at_1_both_ways -- --nocapture 2>&1 \
    | grep '<->' | tee "$out/gold-lexgap.txt" >&2

say "lexgap: criterion benches diff-words-en, diff-chars-zh, align-en"
LEXGAP_BENCH_INPUTS="$inputs" cargo bench --quiet --bench diff --bench align --bench corpus -- \
    'diff-words-en|diff-chars-zh|align-en|load/bundled' 2>&1 | tee "$out/criterion.txt" >&2

say "whole process: lexgap diff --text vs git diff --no-index --word-diff"
a="$inputs/gdpr.en.txt" b="$inputs/gdpr-uk-like.en.txt"
za="$inputs/pipl.zh.txt" zb="$inputs/pipl-edited.zh.txt"
if ! "$lexgap" diff --help >/dev/null 2>&1; then
    echo "lexgap has no diff subcommand yet: whole-process figures skipped" >&2
    echo '{}' > "$out/hyperfine.json"
elif command -v hyperfine >/dev/null; then
    # hyperfine runs one command's runs, then the next's: a disturbance of the machine during
    # one of them skews its ratio. So the runs are cut into rounds (HF_ROUNDS, default 5), each
    # timing the four commands in turn; the medians pool every round, and the ratio's range
    # over the rounds says how steady it is. Exit status 1 means "the files differ" for both
    # tools, hence -i.
    rounds="${HF_ROUNDS:-5}"
    per_round=$(( (hf_runs + rounds - 1) / rounds ))
    (( per_round < 3 )) && per_round=3
    for round in $(seq 1 "$rounds"); do
        hyperfine -N -i --warmup 2 --runs "$per_round" --export-json "$out/hyperfine-$round.json" \
            -n lexgap-words-en "$lexgap diff --text $a $b" \
            -n git-words-en "git diff --no-index --word-diff=porcelain $a $b" \
            -n lexgap-chars-zh "$lexgap diff --text $za $zb" \
            -n git-chars-zh "git diff --no-index --word-diff=porcelain --word-diff-regex=. $za $zb" \
            >&2
    done
    python3 - "$out/hyperfine.json" "$out"/hyperfine-[0-9]*.json <<'PY'
import json, statistics, sys
dest, parts = sys.argv[1], sys.argv[2:]
times, rounds = {}, []
for part in parts:
    medians = {}
    for r in json.load(open(part))['results']:
        times.setdefault(r['command'], []).extend(r['times'])
        medians[r['command']] = r['median']
    rounds.append(medians)
results = [{'command': c, 'median': statistics.median(t), 'times': t} for c, t in times.items()]
json.dump({'results': results, 'rounds': rounds}, open(dest, 'w'))
PY
    rm -f "$out"/hyperfine-[0-9]*.json
else
    python3 - "$hf_runs" "$out/hyperfine.json" "$lexgap" "$a" "$b" "$za" "$zb" <<'PY'
import json, statistics, subprocess, sys, time
runs, dest, lexgap, a, b, za, zb = int(sys.argv[1]), *sys.argv[2:]
cmds = {'lexgap-words-en': [lexgap, 'diff', '--text', a, b],
        'git-words-en': ['git', 'diff', '--no-index', '--word-diff=porcelain', a, b],
        'lexgap-chars-zh': [lexgap, 'diff', '--text', za, zb],
        'git-chars-zh': ['git', 'diff', '--no-index', '--word-diff=porcelain', '--word-diff-regex=.', za, zb]}
results = []
for name, cmd in cmds.items():
    times = []
    for i in range(runs + 3):
        t = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL); t = time.perf_counter() - t
        if i >= 3: times.append(t)
    results.append({'command': name, 'median': statistics.median(times), 'times': times})
json.dump({'results': results}, open(dest, 'w'))
PY
fi

say "peak memory of the CLI (/usr/bin/time -v)"
: > "$out/memory.txt"
peak() {
    local name="$1"; shift
    /usr/bin/time -v "$@" >/dev/null 2>"$out/time.tmp" || true
    printf '%s\t%s\t%s\n' "$name" \
        "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.tmp")" \
        "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.tmp")" >> "$out/memory.txt"
}
if "$lexgap" diff --help >/dev/null 2>&1; then
    peak "lexgap diff --text (diff-words-en)" "$lexgap" diff --text "$a" "$b"
    peak "lexgap diff --text (diff-chars-zh)" "$lexgap" diff --text "$za" "$zb"
    peak "lexgap diff cn/pipl-draft-2020 cn/pipl" "$lexgap" diff cn/pipl-draft-2020 cn/pipl
fi
if "$lexgap" align --help >/dev/null 2>&1; then
    peak "lexgap align eu/gdpr cn/pipl" "$lexgap" align eu/gdpr cn/pipl
fi
peak "lexgap matrix (seed baseline)" "$lexgap" matrix --baseline eu/gdpr/art-9 eu/gdpr/art-35 coe/echr/art-8
peak "git diff --no-index --word-diff (diff-words-en)" git diff --no-index --word-diff=porcelain "$a" "$b"
if [[ "${SCALE:-0}" == 1 ]]; then
    # The largest task: the generated corpus of benches/scale.rs (1,000 instruments x 50
    # provisions) written out, plus the bundled files for the baseline.
    say "the CLI on the generated 1,000-instrument corpus"
    scale="$root/target/scale-corpus"
    if [[ ! -f "$scale/eu/gdpr.toml" || ! -f "$scale/un/gen-0999.toml" ]]; then
        cargo bench --quiet --bench scale --no-run
        LEXGAP_SCALE_DUMP="$scale" cargo bench --quiet --bench scale -- --test 'scale/load/100$' >&2
        cp -r provisions/. "$scale/"
    fi
    find "$scale" -name '*.toml' -printf '%s\n' | awk '{s += $1} END {print s}' > "$out/scale-toml-bytes.txt"
    peak "lexgap check (the generated corpus)" "$lexgap" check "$scale"
    peak "lexgap matrix --corpus (the generated corpus, seed baseline)" "$lexgap" matrix --corpus "$scale" \
        --baseline eu/gdpr/art-9 eu/gdpr/art-35 coe/echr/art-8 --format csv
    say "criterion: scale/load (5,000 to 50,000 provisions), scale/align (P = 200 to 2,000) and scale/counterparts (issue 16, targets 3-5)"
    cargo bench --quiet --bench scale -- 'scale/(load|align|counterparts)/' 2>&1 | tee "$out/scale.txt" >&2
fi
rm -f "$out"/time*.tmp
uptime > "$out/load-after.txt"

say "table"
python3 - "$out" "$root/target/criterion" <<'PY' | tee "$out/table.md"
import json, os, sys
out, crit = sys.argv[1], sys.argv[2]

def criterion(group, bench):
    try:
        e = json.load(open(os.path.join(crit, group, bench, 'new', 'estimates.json')))
        return e['median']['point_estimate'] / 1e9
    except OSError:
        return None

peers = {}
notes = []
for line in open(os.path.join(out, 'peers.tsv'), encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('#'):
        notes.append(line[1:].strip())
        continue
    task, tool, secs, *_ = line.split('\t') + ['']
    peers[(task, tool)] = secs

hf = {}
try:
    for r in json.load(open(os.path.join(out, 'hyperfine.json'))).get('results', []):
        hf[r['command']] = r['median']
except (OSError, ValueError):
    pass

def fmt(s):
    if s is None: return 'n/a'
    return f'{s * 1e3:.2f} ms' if s < 1 else f'{s:.2f} s'

def ratio(peer, ours):
    if ours is None or peer in (None, ''): return 'n/a'
    if isinstance(peer, str):
        if peer.startswith('>'): return f'>{float(peer[1:]) / ours:,.0f}×'
        try: peer = float(peer)
        except ValueError: return peer
    return f'{peer / ours:,.1f}×'

def peer_secs(task, tool):
    s = peers.get((task, tool))
    if s is None: return None, 'not run'
    if s.startswith('>'): return s, s + ' s'
    try: return float(s), fmt(float(s))
    except ValueError: return s, s

rows = []
lib_words = criterion('diff-words-en', 'lexgap')
lib_chars = criterion('diff-chars-zh', 'lexgap')
align_tsv = criterion('align-en', 'tsv-text')
align_bundled = criterion('align-en', 'bundled')
cli_words = hf.get('lexgap-words-en')
cli_chars = hf.get('lexgap-chars-zh')
rows.append(('diff-words-en', 'lexgap text_diff (library, criterion)', fmt(lib_words), '1×'))
rows.append(('diff-words-en', 'similar diff_words, Myers (library, criterion)', fmt(criterion('diff-words-en', 'similar-words-myers')), ratio(criterion('diff-words-en', 'similar-words-myers'), lib_words)))
for tool in ['python-difflib', 'python-difflib-exact', 'diff-match-patch']:
    v, shown = peer_secs('diff-words-en', tool)
    rows.append(('diff-words-en', tool, shown, ratio(v, lib_words)))
v, shown = peer_secs('diff-words-en', 'git-diff-word-diff')
rows.append(('diff-words-en', 'git-diff-word-diff (whole process, peers.py)', shown, ratio(v, cli_words) + ' vs lexgap CLI' if cli_words else ratio(v, lib_words) + ' vs library'))
if cli_words:
    rows.append(('diff-words-en', '`lexgap diff --text` (whole process, hyperfine)', fmt(cli_words), '1×'))
    rows.append(('diff-words-en', 'git diff --no-index --word-diff (whole process, hyperfine)', fmt(hf.get('git-words-en')), ratio(hf.get('git-words-en'), cli_words)))
rows.append(('diff-chars-zh', 'lexgap text_diff (library, criterion)', fmt(lib_chars), '1×'))
rows.append(('diff-chars-zh', 'similar diff_chars, Myers (library, criterion)', fmt(criterion('diff-chars-zh', 'similar-chars-myers')), ratio(criterion('diff-chars-zh', 'similar-chars-myers'), lib_chars)))
for tool in ['python-difflib', 'diff-match-patch']:
    v, shown = peer_secs('diff-chars-zh', tool)
    rows.append(('diff-chars-zh', tool, shown, ratio(v, lib_chars)))
if cli_chars:
    rows.append(('diff-chars-zh', '`lexgap diff --text` (whole process, hyperfine)', fmt(cli_chars), '1×'))
    rows.append(('diff-chars-zh', 'git diff --word-diff-regex=. (whole process, hyperfine)', fmt(hf.get('git-chars-zh')), ratio(hf.get('git-chars-zh'), cli_chars)))
rows.append(('align-en', 'lexgap Alignment, TSV texts only (library, criterion)', fmt(align_tsv), '1×'))
rows.append(('align-en', 'lexgap Alignment, bundled eu/gdpr × cn/pipl (library, criterion)', fmt(align_bundled), ratio(align_bundled, align_tsv)))
for tool in ['rapidfuzz-cdist-token-set', 'rapidfuzz-cdist-indel', 'python-tfidf-cosine', 'python-difflib-ratio']:
    v, shown = peer_secs('align-en', tool)
    rows.append(('align-en', tool, shown, ratio(v, align_tsv)))

print('| task | tool | median | peer / lexgap |')
print('|---|---|---:|---:|')
for r in rows:
    print('| ' + ' | '.join(r) + ' |')
if notes:
    print()
    for n in notes:
        print(f'- peers.py: {n}')
print()
print('Peak resident memory and wall time, one run each (/usr/bin/time -v):')
print()
for line in open(os.path.join(out, 'memory.txt')):
    name, kb, wall = (line.rstrip('\n').split('\t') + ['', ''])[:3]
    print(f'- {name}: {int(kb) / 1024:.1f} MiB, {wall}' if kb.isdigit() else f'- {name}: n/a')

# Issue 16's targets, judged on this run's figures.
def hf_result(name):
    try:
        for r in json.load(open(os.path.join(out, 'hyperfine.json'))).get('results', []):
            if r['command'] == name:
                return r
    except (OSError, ValueError):
        pass
    return None

def spread(name):
    r = hf_result(name)
    if not r or not r.get('times'): return ''
    return f' [{min(r["times"]) * 1e3:.2f}–{max(r["times"]) * 1e3:.2f}]'

def round_ratios(ours, peer):
    """The range of ours / peer over the interleaved rounds, as ` (rounds 0.70–0.76×)`."""
    try:
        rounds = json.load(open(os.path.join(out, 'hyperfine.json'))).get('rounds', [])
    except (OSError, ValueError):
        return ''
    qs = [r[ours] / r[peer] for r in rounds if ours in r and peer in r]
    if len(qs) < 2: return ''
    return f' (rounds {min(qs):.2f}–{max(qs):.2f}×)'

def verdict(ok):
    return 'n/a' if ok is None else ('**met**' if ok else '**missed**')

targets = []
git_words, git_chars = hf.get('git-words-en'), hf.get('git-chars-zh')
if cli_words and git_words:
    q = cli_words / git_words
    targets.append(('1. diff-words-en, whole process ≤ 0.75× git', f'git --word-diff {fmt(git_words)}{spread("git-words-en")}',
                    f'{fmt(cli_words)}{spread("lexgap-words-en")}', f'{q:.2f}× git' + round_ratios('lexgap-words-en', 'git-words-en'), verdict(q <= 0.75)))
if lib_words:
    targets.append(('1. diff-words-en, library ≥ 3× faster than 7.6 ms', "the issue's 7.6 ms", fmt(lib_words),
                    f'{7.6e-3 / lib_words:.2f}× faster', verdict(lib_words <= 7.6e-3 / 3)))
if cli_chars and git_chars:
    q = cli_chars / git_chars
    targets.append(('2. diff-chars-zh, whole process ahead of git', f'git --word-diff-regex=. {fmt(git_chars)}{spread("git-chars-zh")}',
                    f'{fmt(cli_chars)}{spread("lexgap-chars-zh")}', f'{q:.2f}× git' + round_ratios('lexgap-chars-zh', 'git-chars-zh'), verdict(q < 1)))
v, shown = peer_secs('diff-chars-zh', 'python-difflib')
if lib_chars and isinstance(v, float):
    targets.append(('2. diff-chars-zh ≥ 200× difflib', f'python difflib {shown}', fmt(lib_chars),
                    f'{v / lib_chars:,.0f}×', verdict(v / lib_chars >= 200)))
import re
scale_txt = ''
try: scale_txt = open(os.path.join(out, 'scale.txt'), encoding='utf-8').read()
except OSError: pass
pairs = {int(m[1]): int(m[2]) for m in re.finditer(r'scale/align/(\d+): .*? (\d+) candidate pairs', scale_txt)}
per_pair = []
for p in [200, 500, 1000, 2000]:
    t = criterion('scale', f'align/{p}')
    if t and p in pairs:
        per_pair.append(f'P = {p:,}: {fmt(t)}, {t / pairs[p] * 1e6:.2f} µs per pair ({pairs[p]:,} pairs)')
t1000 = criterion('scale', 'align/1000')
if t1000:
    targets.append(('3. align 1,000 × 1,000 ≤ 0.5 s, linear in candidate pairs', '—', '; '.join(per_pair) or fmt(t1000),
                    '', verdict(t1000 <= 0.5)))
tc = criterion('scale', 'counterparts/1000')
if tc:
    m = re.search(r'scale/counterparts/1000: (\d+) provisions indexed in ([^;]+);', scale_txt)
    built = f'; {int(m[1]):,} provisions, index built in {m[2]}' if m else ''
    targets.append(('4. counterparts across the 1,000-instrument corpus ≤ 50 ms', '—', f'{fmt(tc)} per query{built}', '', verdict(tc <= 0.05)))
try:
    toml_bytes = int(open(os.path.join(out, 'scale-toml-bytes.txt')).read().strip())
except (OSError, ValueError):
    toml_bytes = None
check_kb = None
for line in open(os.path.join(out, 'memory.txt')):
    name, kb, *_ = line.rstrip('\n').split('\t') + ['']
    if name.startswith('lexgap check (the generated corpus)') and kb.isdigit():
        check_kb = int(kb)
if toml_bytes and check_kb:
    q = check_kb * 1024 / toml_bytes
    targets.append(('5. peak memory ≤ 2.5× the TOML it loads', f'{toml_bytes / 1e6:.2f} MB of TOML', f'{check_kb / 1024:.1f} MiB (`lexgap check`)', f'{q:.2f}×', verdict(q <= 2.5)))
loads = [(n, criterion('scale', f'load/{n}')) for n in [100, 300, 1000]]
loads = [(n, t) for n, t in loads if t]
if loads:
    shown = ', '.join(f'{n * 50:,}: {t / (n * 50) * 1e6:.1f} µs' for n, t in loads)
    flat = max(t / n for n, t in loads) / min(t / n for n, t in loads)
    targets.append(('5. load time per provision flat, 5,000 to 50,000', '—', f'per provision at {shown}', f'max/min {flat:.2f}', verdict(flat <= 1.5)))
lb = criterion('load', 'bundled')
if lb:
    targets.append(('5. bundled corpus loads in ≤ 20 ms', '—', fmt(lb), '', verdict(lb <= 0.02)))
if targets:
    print()
    print("Issue 16's targets in this run:")
    print()
    print('| target | peer | lexgap | ratio | verdict |')
    print('|---|---|---|---|---|')
    for r in targets:
        print('| ' + ' | '.join(r) + ' |')

print()
print('Load: before ' + open(os.path.join(out, 'load-before.txt')).read().split('load average:')[-1].strip()
      + '; after ' + open(os.path.join(out, 'load-after.txt')).read().split('load average:')[-1].strip())
PY
