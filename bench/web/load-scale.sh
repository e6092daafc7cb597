#!/usr/bin/env bash
# API load benchmark at scale (issue 6): the AllSides scale set (34,285 articles, "37.5k" in the issue) in a fresh
# store, the incremental analysis of `parallax serve`, and wrk (Debian's `wrk`, a second process on 127.0.0.1).
#   1. the first TOTAL-API_N lines are stored with `parallax ingest` (bulk, before the server starts);
#   2. `parallax serve` starts; its first snapshot clusters everything, then warms the most covered/newest stories;
#   3. the last API_N lines go through POST /api/articles (JSON Lines, BATCH per request): the ingest figure;
#   4. the incremental update of those articles (placement, consolidation, re-analysis of changed warm stories);
#   5. wrk, CONN connections, DUR per run: story list; story detail rotating over warm stories (plain, then with
#      Accept-Encoding: gzip); cold first hits
#      (one client, each story asked for once); story detail rotating over MIX random stories (cold, then warm).
# Prints p50/p90/p99, server RSS and CPU seconds at each step, and for each wrk run the server's collections and
# pauses (GET /api/status/runtime: every pause recorded from the runtime's GC events), bytes allocated per request
# and CPU seconds. COLD=0 MIX=0 skip the cold runs. Collector settings for comparison go through the environment of
# the server: GC_LATENCY=Batch|Interactive|LowLatency|SustainedLowLatency (PARALLAX_GC_LATENCY), and the runtime's
# own DOTNET_gcServer=1, DOTNET_gcConcurrent=0, DOTNET_GCgen0size=0x4000000, DOTNET_GCConserveMemory=5 ...
# A benchmark, not a test: CI does not run it.
#   TOTAL=34285 API_N=5000 BATCH=100 CONN=50 DUR=20s COLD=100 MIX=3000 bash bench/web/load-scale.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
TOTAL=${TOTAL:-34285}; API_N=${API_N:-5000}; BATCH=${BATCH:-100}; CONN=${CONN:-50}; DUR=${DUR:-20s}; PORT=${PORT:-5398}
COLD=${COLD:-100}; MIX=${MIX:-3000}; WAIT=${WAIT:-3000}
SHARED="${PARALLAX_SHARED:-$(cd .. && pwd)/shared}"
command -v wrk >/dev/null || { echo "needs Debian's wrk (apt-get install wrk)" >&2; exit 2; }
dotnet build src/Parallax.Cli -c Release -v q -nologo >/dev/null
PX="dotnet $(pwd)/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
secs() { python3 -c "print(round($2-$1,1))"; }
mem() { # RSS now and peak (MB), CPU seconds of the server so far
  python3 - "$pid" <<'PY'
import os, sys
pid = sys.argv[1]
st = dict(l.split(":", 1) for l in open(f"/proc/{pid}/status"))
rss = int(st["VmRSS"].split()[0]) / 1024; hwm = int(st["VmHWM"].split()[0]) / 1024
f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
cpu = (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
print(f"server RSS {rss:.0f} MB (peak {hwm:.0f} MB), CPU {cpu:.1f} s")
PY
}
status() { curl -s --max-time 3600 "$base/api/status"; }
warmed() { # waits until the background analyses are done (bounded by WAIT seconds)
  for _ in $(seq 1 "$WAIT"); do
    status | python3 -c 'import json,sys; sys.exit(0 if not json.load(sys.stdin)["warming"] else 1)' && return 0; sleep 1
  done
  echo "warm-up still running after $WAIT s" >&2
}
field() { status | python3 -c "import json,sys; print(json.load(sys.stdin)[\"$1\"])"; }
rt_start() { curl -s "$base/api/status/runtime?record=1" > "$tmp/rt0.json"; }
rt_end() { # collections, pauses, allocation and CPU of the server during the last run ($1 = requests of the run)
  curl -s "$base/api/status/runtime" > "$tmp/rt1.json"
  python3 - "$tmp/rt0.json" "$tmp/rt1.json" "${1:-0}" <<'PY'
import json, sys
a, b, n = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3])
p = b["pauses"]
buckets = ", ".join(f"<={u:g}ms:{c}" for u, c in zip(p["bucketsMs"], p["counts"])) + f", >{p['bucketsMs'][-1]:g}ms:{p['counts'][-1]}"
alloc = b["allocatedBytes"] - a["allocatedBytes"]
per = f", {alloc / n / 1024:.1f} KB/request" if n else ""
print(f"   server: GC gen0 {b['gen0'] - a['gen0']}, gen1 {b['gen1'] - a['gen1']}, gen2 {b['gen2'] - a['gen2']}; "
      f"pauses {p['count']}, total {p['totalMs']:.1f} ms, max {p['maxMs']:.1f} ms (gen{p['maxGeneration']}) [{buckets}]; "
      f"allocated {alloc / 1048576:.0f} MB{per}; CPU {b['cpuSeconds'] - a['cpuSeconds']:.1f} s; heap {b['heapBytes'] / 1048576:.0f} MB; "
      f"{'server' if b['serverGc'] else 'workstation'} GC, concurrent {b['concurrentGc']}, {b['latencyMode']}; "
      f"threads {b['threadPoolThreads']}, lock contentions {b['lockContentions'] - a['lockContentions']}")
PY
}
wrk_run() { # wrk with its latency lines, then the server's figures for the run
  rt_start
  timeout 300 wrk "$@" > "$tmp/wrk.out" || true
  lat < "$tmp/wrk.out"
  rt_end "$(awk '/requests in/ {print $1}' "$tmp/wrk.out")"
}
lat() { grep -E '^ +(50|90|99)%|Requests/sec|Non-2xx|requests in|Socket errors'; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$SHARED/data/scale/allsides-articles.jsonl.gz" "$TOTAL" "$API_N" "$BATCH" "$tmp" <<'PY'
import gzip, json, sys
src, total, api_n, batch, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
bulk_n = max(0, total - api_n)
api = []
with gzip.open(src, "rt", encoding="utf-8") as f, open(f"{out}/bulk.jsonl", "w", encoding="utf-8") as bulk:
    for i, line in enumerate(f):
        if i >= total: break
        if i < bulk_n:
            bulk.write(line)
            continue
        a = json.loads(line)
        rec = {"id": a["id"], "outlet": a["outlet"], "title": a["title"], "url": a["url"], "text": a["text"]}
        if a.get("date"): rec["published"] = a["date"]
        api.append(json.dumps(rec, ensure_ascii=False))
for k in range(0, len(api), batch):
    with open(f"{out}/batch-{k // batch:05d}.jsonl", "w", encoding="utf-8") as w:
        w.write("\n".join(api[k:k + batch]) + "\n")
print(f"prepared: {bulk_n} lines for parallax ingest, {len(api)} for POST /api/articles")
PY

t0=$(now)
$PX ingest "$tmp/bulk.jsonl" --db "$tmp/bench.db" >/dev/null 2>"$tmp/ingest.err" || true
t1=$(now)
echo "bulk: parallax ingest of the first $((TOTAL - API_N)) lines: $(secs "$t0" "$t1") s ($(tail -1 "$tmp/ingest.err"))"

t0=$(now)
PARALLAX_GC_LATENCY="${GC_LATENCY:-}" $PX serve --urls "http://127.0.0.1:$PORT" --db "$tmp/bench.db" 2>"$tmp/err" >/dev/null &
pid=$!
for _ in $(seq 1 600); do grep -q '^serving' "$tmp/err" 2>/dev/null && break; sleep 0.5; done
token=$(grep -A1 '^API token' "$tmp/err" | tail -1)
base="http://127.0.0.1:$PORT"
status >/dev/null
t1=$(now)
echo "start: first snapshot of $(field articles) articles in $(field stories) stories after $(secs "$t0" "$t1") s; $(mem)"
warmed
t2=$(now)
echo "warm-up: $(field storyAnalyses) stories analysed ($(field docsAnalysed) articles through the language layer) in $(secs "$t1" "$t2") s more; $(mem)"

a0=$(field storyAnalyses)
before=$(field articles)
t0=$(now)
for f in "$tmp"/batch-*.jsonl; do
  [ -e "$f" ] || continue
  curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' --data-binary "@$f" "$base/api/articles" >> "$tmp/posted.json"
  echo >> "$tmp/posted.json"
done
t1=$(now)
inserted=$(python3 -c "import json,sys; print(sum(json.loads(l)['inserted'] for l in open('$tmp/posted.json') if l.strip()))")
echo "ingest: $API_N articles through POST /api/articles ($inserted new) in $(secs "$t0" "$t1") s = $(python3 -c "print(round($API_N/($t1-$t0),1))") articles/s; $(mem)"
# A reader waits for the refresh at most ReadWait (5 s): poll until the snapshot holds the new articles.
for _ in $(seq 1 "$WAIT"); do [ "$(field articles)" -ge $((before + inserted)) ] && break; sleep 1; done
t2=$(now)
echo "refresh: $(field articles) articles in $(field stories) stories (consolidated: $(field consolidated)), $(secs "$t1" "$t2") s after the last POST; $(mem)"
# The new articles are served placed online first; the consolidation (equal to clustering from scratch) follows.
for _ in $(seq 1 "$WAIT"); do [ "$(field consolidated)" = "True" ] && break; sleep 1; done
t2=$(now)
echo "consolidated: $(field articles) articles in $(field stories) stories, $(secs "$t1" "$t2") s after the last POST; $(mem)"
warmed
t3=$(now)
echo "re-analysis: $(( $(field storyAnalyses) - a0 )) stories re-analysed in the background (changed stories analysed before, new warm-up set), done $(secs "$t1" "$t3") s after the last POST; cached reports $(field cachedReports), docs $(field cachedDocs); $(mem)"

curl -s "$base/api/stories?sort=coverage&limit=5000" > "$tmp/covered.json"
curl -s "$base/api/stories?limit=5000" > "$tmp/newest.json"
python3 - "$tmp" "$COLD" "$MIX" <<'PY'
import json, random, sys
out, cold_n, mix_n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stories = {}
for name in ("covered", "newest"):
    for s in json.load(open(f"{out}/{name}.json"))["stories"]:
        stories[s["id"]] = s
warm = sorted(i for i, s in stories.items() if s["analysed"])
cold = sorted(i for i, s in stories.items() if not s["analysed"])
rng = random.Random(6)
rng.shuffle(cold)
open(f"{out}/warm.ids", "w").write("\n".join(warm) + "\n")
open(f"{out}/cold.ids", "w").write("\n".join(cold[:cold_n]) + "\n")
open(f"{out}/mix.ids", "w").write("\n".join(cold[cold_n:cold_n + mix_n]) + "\n")
print(f"ids: {len(warm)} analysed stories (warm), {min(cold_n, len(cold))} cold first hits, {len(cold[cold_n:cold_n + mix_n])} for the mixed run")
PY

echo "-- GET /api/stories (500 newest), $CONN connections, $DUR"
wrk_run -t2 -c"$CONN" -d"$DUR" --latency "$base/api/stories"
echo "-- GET /api/stories/{id}, warm: rotating over $(wc -l < "$tmp/warm.ids") analysed stories, $CONN connections, $DUR"
IDS="$tmp/warm.ids" wrk_run -t2 -c"$CONN" -d"$DUR" --latency -s bench/web/rotate.lua "$base"
echo "-- GET /api/stories/{id}, warm, Accept-Encoding: gzip (as browsers send it): rotating over the same stories, $CONN connections, $DUR"
ENCODING=gzip IDS="$tmp/warm.ids" wrk_run -t2 -c"$CONN" -d"$DUR" --latency -s bench/web/rotate.lua "$base"
if [ "$COLD" -gt 0 ]; then
echo "-- GET /api/stories/{id}, cold first hits: $(wc -l < "$tmp/cold.ids") stories never analysed, one client, each once"
while read -r id; do curl -s -o /dev/null -w '%{time_total}\n' "$base/api/stories/$id"; done < "$tmp/cold.ids" | python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
q = lambda p: t[min(len(t) - 1, int(p * len(t)))]
print(f"   n={len(t)} p50 {q(0.5):.1f} ms, p90 {q(0.9):.1f} ms, p99 {q(0.99):.1f} ms, max {t[-1]:.1f} ms")'
fi
if [ "$MIX" -gt 0 ]; then
a0=$(field storyAnalyses)
echo "-- GET /api/stories/{id}, mixed: rotating over $(wc -l < "$tmp/mix.ids") random stories not analysed before (cold first hits, then warm), $CONN connections, $DUR"
IDS="$tmp/mix.ids" wrk_run -t2 -c"$CONN" -d"$DUR" --latency -s bench/web/rotate.lua "$base"
echo "   stories analysed during the run: $(( $(field storyAnalyses) - a0 )); $(mem)"
fi
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg)"
