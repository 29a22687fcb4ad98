#!/usr/bin/env bash
# Opens HTML reports in headless Chromium and fails if the page logs anything to the console (a script error, a
# blocked resource, a Content-Security-Policy violation) or does not render.
#
#   bash .ci/check-html.sh out/dpyd/report.html [more.html …]
#   bash .ci/check-html.sh                # writes the bundled projects' report to a temporary folder and checks it
#
# Needs `chromium` on PATH (Debian: apt-get install -y chromium). Exit status: 0 clean, 1 console output or no
# render, 2 chromium missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [[ -z "$browser" ]]; then
    echo "check-html: chromium is not on PATH" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
    swift run -q pathgap report Fixtures/projects --out "$work/report" --as-of 2026-11-25 --format html >/dev/null
    files=("$work/report/report.html")
fi

status=0
for file in "${files[@]}"; do
    # A copy with a self-test appended: click the first heading of every sortable table twice and check that the
    # rows come out in order each time; any failure is logged as a console error.
    absolute="$work/$(basename "$file" .html).checked.html"
    python3 - "$file" "$absolute" <<'PY'
import sys
source, target = sys.argv[1], sys.argv[2]
text = open(source, encoding="utf-8").read()
test = '''<script>(function(){var tables=document.querySelectorAll("table.sortable");
for(var t=0;t<tables.length&&t<50;t++){var th=tables[t].tHead.rows[0].cells[0];var numeric=th.getAttribute("data-type")==="number";
for(var round=0;round<2;round++){th.click();var want=round===0?"ascending":"descending";
if(th.getAttribute("aria-sort")!==want){console.error("sort self-test: table "+t+" is not "+want);return;}
var rows=tables[t].tBodies[0].rows;for(var r=1;r<rows.length;r++){var a=rows[r-1].cells[0].textContent.trim(),b=rows[r].cells[0].textContent.trim();
if(numeric){a=parseFloat(a);b=parseFloat(b);}else{a=a.toLowerCase();b=b.toLowerCase();}
if(round===0?a>b:a<b){console.error("sort self-test: table "+t+" row "+r+" out of order");return;}}}}})();</script>'''
if "</body>" not in text:
    sys.exit("no </body> in " + source)
open(target, "w", encoding="utf-8").write(text.replace("</body>", test + "\n</body>", 1))
PY
    log="$work/console.log"
    dom="$work/dom.html"
    # --enable-logging=stderr --v=0 prints every console message (and uncaught exception) as a CONSOLE line.
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
        --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
        --virtual-time-budget=5000 --dump-dom "file://$absolute" >"$dom" 2>"$log" || true
    if grep -E 'CONSOLE|Uncaught|Refused to' "$log" >"$work/errors"; then
        echo "check-html: $file: console output:" >&2
        cat "$work/errors" >&2
        status=1
    elif ! grep -q '<h1>Gap report</h1>' "$dom"; then
        echo "check-html: $file: the page did not render (no <h1>Gap report</h1> in the DOM)" >&2
        tail -20 "$log" >&2
        status=1
    else
        echo "check-html: $file: rendered, no console errors"
    fi
done
exit $status
