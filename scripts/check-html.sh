#!/usr/bin/env bash
# Renders the HTML report of `pipl_vs_gdpr` in a real browser (headless Chromium): takes a
# screenshot to target/html-check/pipl_vs_gdpr.png and asserts on the DOM the browser parsed:
# both columns present, at least one insertion and one deletion marked, every gap badge with
# its quote. Installs Debian's `chromium` if it is missing; says clearly when it must skip.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/html-check
mkdir -p "$out"

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
need=()
[ -z "$browser" ] && need+=(chromium)
# A CJK font, so that the screenshot shows the Chinese texts rather than empty boxes.
{ dpkg -s fonts-wqy-zenhei || dpkg -s fonts-noto-cjk; } >/dev/null 2>&1 || need+=(fonts-wqy-zenhei)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${need[*]} (Debian packages) ..."
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >"$out/apt.log" 2>&1; then
    browser=$(command -v chromium || true)
  fi
fi
if [ -z "$browser" ]; then
  echo "SKIPPED: the HTML browser check needs chromium, which is not installed and could not be installed (see $out/apt.log)"
  exit 0
fi

cargo run --quiet --example pipl_vs_gdpr -- html >"$out/pipl_vs_gdpr.html"
url="file://$PWD/$out/pipl_vs_gdpr.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$(mktemp -d)")
timeout 120 "$browser" "${flags[@]}" --window-size=1400,4000 --screenshot="$out/pipl_vs_gdpr.png" "$url" >/dev/null 2>&1
timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" 2>/dev/null >"$out/dom.html"
test -s "$out/pipl_vs_gdpr.png" || { echo "FAILED: no screenshot"; exit 1; }

python3 - "$out/dom.html" <<'PY'
import sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.columns = self.ins = self.dels = 0
        self.gaps = []          # per gap div: number of quotes inside it
        self.stack = []         # open div classes
    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class", "") or ""
        if tag == "div":
            self.stack.append(cls)
            if "column" in cls.split():
                self.columns += 1
            if "gap" in cls.split():
                self.gaps.append(0)
        if tag == "ins":
            self.ins += 1
        if tag == "del":
            self.dels += 1
        if tag == "blockquote" and "quote" in cls.split() and any("gap" in c.split() for c in self.stack):
            self.gaps[-1] += 1
    def handle_endtag(self, tag):
        if tag == "div" and self.stack:
            self.stack.pop()

d = Dom()
d.feed(open(sys.argv[1], encoding="utf-8").read())
problems = []
if d.columns < 2: problems.append(f"expected two side-by-side columns, found {d.columns}")
if d.ins < 1: problems.append("no insertion (<ins>) marked")
if d.dels < 1: problems.append("no deletion (<del>) marked")
if not d.gaps: problems.append("no gap badges")
if any(n == 0 for n in d.gaps): problems.append(f"{sum(n == 0 for n in d.gaps)} gap badges without a quote")
if problems:
    print("FAILED: " + "; ".join(problems)); sys.exit(1)
print(f"ok: {d.columns} columns, {d.ins} insertions, {d.dels} deletions, {len(d.gaps)} gap badges, each with its quote")
PY
echo "screenshot: $out/pipl_vs_gdpr.png"
