#!/usr/bin/env bash
# Renders HTML reports in a real browser (headless Chromium) and asserts on what it laid out.
#
# The main one, `pipl_vs_gdpr`: a screenshot to target/html-check/pipl_vs_gdpr.png, and on the
# DOM the browser parsed: both columns present, at least one insertion and one deletion
# marked, every gap badge with its quote.
#
# Then `pipl_vs_gdpr`, `pipl_draft_vs_final` (a version diff), `gap_matrix` and `world_matrix`, each at 1280
# and at 390 px wide: the page is no wider than the viewport
# (document.documentElement.scrollWidth <= innerWidth), every link of the table of contents
# (and every other in-page link) resolves to an existing id, and a CJK text node, where the
# page has one, is laid out with a non-zero width. The checks run in a copy of each page with
# a script added (the reports themselves have none); the script writes its findings into the
# DOM, which `--dump-dom` prints; each page is laid out in a frame of the width checked.
#
# Installs Debian's `chromium` if it is missing; says clearly when it must skip.
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

# Layout checks, in the browser, at two widths.
cat >"$out/probe.js" <<'JS'
(function () {
  var r = { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth };
  var ids = {};
  document.querySelectorAll("[id]").forEach(function (e) { ids[e.id] = true; });
  var toc = document.querySelectorAll("nav.toc a[href]");
  r.tocLinks = toc.length;
  r.broken = [];
  document.querySelectorAll('a[href^="#"]').forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    if (!ids[id]) r.broken.push(a.getAttribute("href"));
  });
  r.cjk = null;
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
  for (var n = walker.nextNode(); n; n = walker.nextNode()) {
    if (cjk.test(n.nodeValue)) {
      var range = document.createRange();
      range.selectNodeContents(n);
      r.cjk = range.getBoundingClientRect().width;
      break;
    }
  }
  r.wide = [];
  if (r.scrollWidth > r.innerWidth) {
    document.querySelectorAll("body *").forEach(function (e) {
      var b = e.getBoundingClientRect();
      var clipped = e.parentElement && e.parentElement.closest(".scroll, .matrix-scroll");
      if (!clipped && b.right > r.innerWidth && r.wide.length < 5) r.wide.push(e.tagName + "." + e.className);
    });
  }
  document.body.setAttribute("data-probe", JSON.stringify(r));
})();
JS
status=0
for example in pipl_vs_gdpr pipl_draft_vs_final gap_matrix world_matrix; do
  [ -s "$out/$example.html" ] || cargo run --quiet --example "$example" -- html >"$out/$example.html"
  python3 - "$out/$example.html" "$out/probe.js" "$out/$example.probe.html" <<'PY'
import sys
page, probe, dest = sys.argv[1:]
html = open(page, encoding="utf-8").read()
script = "<script>" + open(probe, encoding="utf-8").read() + "</script>"
k = html.rindex("</body>")
open(dest, "w", encoding="utf-8").write(html[:k] + script + html[k:])
PY
  for width in 1280 390; do
    # The page in a frame of that width (a headless window is at least 500 px wide); the
    # frame's script writes its findings, the page around it copies them into its own DOM.
    cat >"$out/$example.$width.frame.html" <<HTML
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="$example.probe.html" style="width:${width}px;height:900px;border:0"></iframe>
<script>document.getElementById("f").onload = function () {
  document.body.setAttribute("data-probe", this.contentDocument.body.getAttribute("data-probe"));
};</script></body></html>
HTML
    timeout 120 "$browser" "${flags[@]}" --allow-file-access-from-files --window-size=1400,1000 \
      --dump-dom "file://$PWD/$out/$example.$width.frame.html" 2>/dev/null >"$out/$example.$width.dom.html" || true
    if ! python3 - "$out/$example.$width.dom.html" "$example" "$width" <<'PY'
import html, json, re, sys
dom, example, width = sys.argv[1], sys.argv[2], int(sys.argv[3])
m = re.search(r'data-probe="([^"]*)"', open(dom, encoding="utf-8").read())
if not m:
    print(f"FAILED: {example} at {width} px: the browser gave no result"); sys.exit(1)
r = json.loads(html.unescape(m.group(1)))
problems = []
if r["innerWidth"] != width:
    problems.append(f"the viewport is {r['innerWidth']} px wide, not {width}")
if r["scrollWidth"] > r["innerWidth"]:
    problems.append(f"the page is {r['scrollWidth']} px wide in a {r['innerWidth']} px viewport (too wide: {', '.join(r['wide'])})")
if r["tocLinks"] == 0:
    problems.append("no table of contents")
if r["broken"]:
    problems.append(f"links to no id: {', '.join(r['broken'][:5])}")
needs_cjk = example.startswith("pipl")
if needs_cjk and not r["cjk"]:
    problems.append(f"CJK text laid out {r['cjk']} px wide")
if problems:
    print(f"FAILED: {example} at {width} px: " + "; ".join(problems)); sys.exit(1)
cjk = f", CJK text {r['cjk']:.0f} px wide" if r["cjk"] else ""
print(f"ok: {example} at {width} px: {r['scrollWidth']} px wide, {r['tocLinks']} toc links resolve{cjk}")
PY
    then status=1; fi
  done
done
exit $status
