#!/usr/bin/env bash
# Lighthouse (npm, pinned) with Debian's Chromium on three pages of the demo library: the home,
# the longest single page and the search page, as a phone on slow 4G (Lighthouse's mobile
# defaults: simulated throttling, 150 ms RTT, 1.6 Mbps). Prints the performance and accessibility
# scores and the bytes transferred, and the median single page from Acervo's own weight report.
#
#   bench/lighthouse/run.sh [LANG]        (default es; run from anywhere; SITE=folder for another site)
set -euo pipefail
cd "$(dirname "$0")/../.."
lang=${1:-es}
site=${SITE:-.}   # another site folder to measure instead of the demo
work=bench/work/lighthouse
mkdir -p "$work"
LIGHTHOUSE_VERSION=12.8.2
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

if [ ! -x "$work/node/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$work/node"
  (cd "$work/node" && npm init -y >/dev/null 2>&1 && npm install --silent --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null 2>&1)
fi
[ -f target/acervo.jar ] || mvn -q -B -ntp package -DskipTests
rm -rf "$work/public"
java -jar target/acervo.jar build --source "$site" --output "$work/public" 2> "$work/build.log" >/dev/null || { cat "$work/build.log"; exit 1; }
grep "page weight:" "$work/build.log" | sed 's/^note: //'

# the longest single page: the biggest HTML file of a page whose body says data-kind="single"
single=$(python3 - "$work/public" "$lang" <<'PY'
import os, sys
root, lang = sys.argv[1], sys.argv[2]
best = max((os.path.getsize(os.path.join(d, "index.html")), os.path.relpath(d, root))
           for d, _, files in os.walk(os.path.join(root, lang)) if "index.html" in files
           and 'data-kind="single"' in open(os.path.join(d, "index.html"), encoding="utf-8").read())
print(best[1] + "/")
PY
)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 bench/lighthouse/serve.py "$work/public" "$port" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

printf '%-48s %5s %5s %10s\n' page perf a11y transferred
for path in "$lang/" "$single" "$lang/search/"; do
  "$work/node/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$path" --quiet --output=json \
      --output-path="$work/report.json" --only-categories=performance,accessibility \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]);
    const s = c => Math.round(r.categories[c].score * 100);
    const bytes = r.audits["total-byte-weight"].numericValue;
    console.log(process.argv[2].padEnd(48), String(s("performance")).padStart(5), String(s("accessibility")).padStart(5),
      ((bytes / 1024).toFixed(1) + " KB").padStart(10));
  ' "$PWD/$work/report.json" "$path"
done
