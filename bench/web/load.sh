#!/usr/bin/env bash
# API load benchmark (issue 6, "Speed and load"): ingest N articles of ../shared/data/scale through
# POST /api/articles (JSON Lines, BATCH per request), time the first story analysis, then drive the story list and one
# story's detail with wrk (Debian's `wrk`, a second process on loopback), CONN connections for DUR each.
# Bounded in count and time; everything on 127.0.0.1; the server and its store live in a temporary folder.
#   N=1000 BATCH=100 CONN=50 DUR=10s bash bench/web/load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-1000}; BATCH=${BATCH:-100}; CONN=${CONN:-50}; DUR=${DUR:-10s}; PORT=${PORT:-5399}
SHARED="${PARALLAX_SHARED:-$(cd .. && pwd)/shared}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dotnet build src/Parallax.Cli -c Release -v q -nologo >/dev/null
PX="dotnet $(pwd)/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
$PX serve --urls "http://127.0.0.1:$PORT" --db "$tmp/bench.db" 2>"$tmp/err" >/dev/null &
pid=$!
for _ in $(seq 1 100); do grep -q '^serving' "$tmp/err" 2>/dev/null && break; sleep 0.2; done
token=$(grep -A1 '^API token' "$tmp/err" | tail -1)
base="http://127.0.0.1:$PORT"

python3 - "$SHARED/data/scale/allsides-articles.jsonl.gz" "$N" "$BATCH" "$tmp" <<'PY'
import gzip, json, sys
src, n, batch, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
lines = []
with gzip.open(src, "rt", encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i >= n: break
        a = json.loads(line)
        rec = {"id": a["id"], "outlet": a["outlet"], "title": a["title"], "url": a["url"], "text": a["text"]}
        if a.get("date"): rec["published"] = a["date"]
        lines.append(json.dumps(rec, ensure_ascii=False))
for k in range(0, len(lines), batch):
    with open(f"{out}/batch-{k // batch:05d}.jsonl", "w", encoding="utf-8") as w:
        w.write("\n".join(lines[k:k + batch]) + "\n")
PY

start=$(date +%s.%N)
for f in "$tmp"/batch-*.jsonl; do
  curl -s -o /dev/null -w '' -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' --data-binary "@$f" "$base/api/articles"
done
end=$(date +%s.%N)
stored=$(curl -s "$base/api/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
echo "ingest: $stored articles stored in $(python3 -c "print(round($end-$start,2))") s through POST /api/articles = $(python3 -c "print(round($stored/($end-$start),1))") articles/s"

t0=$(date +%s.%N)
story=$(curl -s "$base/api/stories?sort=coverage&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')
t1=$(date +%s.%N)
echo "first analysis of $stored articles (clustering, lineage, language, story analysis): $(python3 -c "print(round($t1-$t0,2))") s"
for path in /api/stories "/api/stories/$story" "/stories/$story"; do
  echo "-- GET $path, $CONN connections, $DUR"
  timeout 120 wrk -t2 -c"$CONN" -d"$DUR" --latency "$base$path" | grep -E '^ +(50|90|99)%|Requests/sec|Non-2xx'
done
