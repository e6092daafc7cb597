#!/usr/bin/env bash
# Ingest + analysis throughput of the single process and of 1, 2, 3 cluster nodes on this machine.
# Usage: bench/cluster/measure.sh INPUT.jsonl [NODES...]
#   PGHOST/PGPORT/PGUSER name a PostgreSQL server whose user may create databases (default 127.0.0.1:5432, parallax).
#   PX is the CLI (default: dotnet src/Parallax.Cli/bin/Release/net10.0/parallax.dll; build it with -c Release first).
# Prints per run: wall seconds and CPU seconds (client + every node, from /proc), articles per CPU-second, and whether
# the cluster's report JSON equals the single process's. Each node stops with SIGTERM (graceful) and must exit 0.
set -euo pipefail
input=$1; shift
nodes=("${@:-1 2 3}")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-parallax}
PX=${PX:-"dotnet src/Parallax.Cli/bin/Release/net10.0/parallax.dll"}
tick=$(getconf CLK_TCK)
count=$(wc -l < "$input")
out=$(mktemp -d)
cs() { echo "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$1"; }
fresh() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE);" -c "CREATE DATABASE $1;"; }
cpu_of() { awk -v t="$tick" '{printf "%.2f", ($14+$15)/t}' "/proc/$1/stat"; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

fresh px_bench_single
/usr/bin/time -f "%e %U %S" -o "$out/single.time" $PX analyze "$input" --db "$(cs px_bench_single)" --json "$out/single.json" > /dev/null 2> "$out/single.err"
read -r wall user sys < "$out/single.time"
echo "single process: $count articles, wall ${wall} s, CPU $(echo "$user + $sys" | bc) s, $(echo "scale=1; $count / ($user + $sys)" | bc) articles/CPU-s"

for n in ${nodes[@]}; do
  db=px_bench_n$n; fresh "$db"; pids=(); health=()
  for i in $(seq 1 "$n"); do
    h=$(port)
    $PX node --cluster "$(cs "$db")" --silo-port "$(port)" --gateway-port "$(port)" --health-port "$h" > /dev/null 2> "$out/node$n-$i.log" &
    pids+=($!); health+=("$h")
  done
  for h in "${health[@]}"; do
    for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$h/health" > /dev/null && break; sleep 0.5; done
  done
  base=0; for p in "${pids[@]}"; do base=$(echo "$base + $(cpu_of "$p")" | bc); done
  start=$(date +%s.%N)
  /usr/bin/time -f "%e %U %S" -o "$out/ingest$n.time" $PX ingest --cluster "$(cs "$db")" "$input" > "$out/ingest$n.out" 2> /dev/null
  /usr/bin/time -f "%e %U %S" -o "$out/analyze$n.time" $PX cluster analyze --cluster "$(cs "$db")" --json "$out/cluster$n.json" > /dev/null 2> /dev/null
  end=$(date +%s.%N)
  nodecpu=0; for p in "${pids[@]}"; do nodecpu=$(echo "$nodecpu + $(cpu_of "$p")" | bc); done
  nodecpu=$(echo "$nodecpu - $base" | bc)
  read -r _ iu is < "$out/ingest$n.time"; read -r _ au as < "$out/analyze$n.time"
  client=$(echo "$iu + $is + $au + $as" | bc)
  total=$(echo "$nodecpu + $client" | bc)
  same=$(python3 -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); a.pop('generator',None); b.pop('generator',None); print('same report' if a==b else 'REPORT DIFFERS')" "$out/single.json" "$out/cluster$n.json")
  echo "$n node(s): $(cat "$out/ingest$n.out"); wall $(echo "$end - $start" | bc | cut -c1-7) s (ingest+analyze, nodes already up), CPU ${total} s (nodes ${nodecpu} s after start-up, clients ${client} s), $(echo "scale=1; $count / $total" | bc) articles/CPU-s; $same"
  codes=""; for p in "${pids[@]}"; do kill -TERM "$p"; done
  for p in "${pids[@]}"; do wait "$p" && codes="$codes 0" || codes="$codes $?"; done
  echo "   SIGTERM: node exit codes:$codes"
done
rm -rf "$out"
