#!/usr/bin/env bash
# Throughput and p99 of the A2A server with its tasks in memory and in PostgreSQL, one replica
# and two (see docs/performance.md, "Replicas"). wrk posts the Telex-shaped blocking message/send
# of benchmarks/load/telex-request.json with the simulated model at zero latency, so the task store
# is what differs. Two replicas are loaded by two wrk processes, one each (as a load balancer
# would spread the connections), and their figures are added (throughput) or the worse is kept
# (p99). Everything, PostgreSQL included, shares this machine's cores. The PostgreSQL runs are
# repeated with synchronous_commit=off, to show what waiting for each commit's WAL flush costs.
#
#   benchmarks/replicas.sh                        # 20 s per measurement, 16 connections in all
#   SECONDS_PER_RUN=10 CONNECTIONS=8 benchmarks/replicas.sh
#
# Needs wrk and Debian's postgresql (initdb, pg_ctl). Prints a Markdown table and writes it to
# benchmarks/target/replicas.md.
set -euo pipefail

cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
PG_BIN=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
[ -x "$PG_BIN/pg_ctl" ] || { echo "postgresql is missing: apt-get install postgresql" >&2; exit 2; }

SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
OUT=benchmarks/target
mkdir -p "$OUT"
[ -f a2a-server/target/a2a-server.jar ] || ./mvnw -B -q -pl a2a-server -am package -DskipTests

WORK=$(mktemp -d /tmp/agentmetrics-replicas.XXXXXX)
AS=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$WORK"
  AS=(runuser -u postgres --)
fi
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SERVERS=()

cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVERS[@]}"; do wait "$pid" 2>/dev/null || true; done
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${AS[@]}" "$PG_BIN/initdb" -D "$WORK/data" -U agent -A trust -E UTF8 --no-sync >/dev/null
# Starts PostgreSQL with the given extra options.
start_postgres() {
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=100 $1" start >/dev/null
}

start_postgres ""

# Starts a server with the given store; sets PORT to its port.
start_server() {
  local store=$1 log=$WORK/server-$RANDOM.log
  env -u A2A_TRACE_LATENCY SIMULATED_LLM_LATENCY_MS=0 A2A_TASK_STORE="$store" \
    A2A_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" A2A_DATABASE_USER=agent \
    java -Xmx1g -XX:MaxGCPauseMillis=2 -jar a2a-server/target/a2a-server.jar serve \
    --host 127.0.0.1 --port 0 >"$log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 120); do
    if grep -q "A2A server ready at" "$log"; then
      PORT=$(grep -o "A2A server ready at http://[^ ]*" "$log" | head -1 | sed 's/.*://; s/[^0-9].*//')
      return
    fi
    sleep 0.5
  done
  echo "server did not start; see $log" >&2
  exit 1
}

stop_servers() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVERS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SERVERS=()
}

# wrk against each port with CONNECTIONS split between them; prints "req/s p99_ms".
measure() {
  local seconds=$1; shift
  local each=$((CONNECTIONS / $#)) files=() pids=()
  for port in "$@"; do
    local file=$WORK/wrk-$port.txt
    BODY_FILE=benchmarks/load/telex-request.json wrk -t1 -c"$each" -d"${seconds}s" --latency \
      -s benchmarks/load/telex-post.lua "http://127.0.0.1:$port/" >"$file" &
    pids+=($!)
    files+=("$file")
  done
  wait "${pids[@]}"
  python3 - "${files[@]}" <<'PY'
import re, sys
total, p99 = 0.0, 0.0
for name in sys.argv[1:]:
    text = open(name).read()
    total += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups()
    ms = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    p99 = max(p99, ms)
print(f"{total:.0f} {p99:.1f}")
PY
}

run() {
  local label=$1 store=$2 replicas=$3 ports=()
  for _ in $(seq "$replicas"); do
    start_server "$store"
    ports+=("$PORT")
  done
  measure "$WARMUP_SECONDS" "${ports[@]}" >/dev/null
  read -r rps p99 < <(measure "$SECONDS_PER_RUN" "${ports[@]}")
  printf '| %s | %s | %s |\n' "$label" "$rps" "$p99"
  stop_servers
}

{
  echo "| Store, replicas | Throughput (req/s) | p99 (ms) |"
  echo "| --- | --- | --- |"
  run "in memory, 1" memory 1
  run "PostgreSQL, 1" postgres 1
  run "PostgreSQL, 2" postgres 2
  # The same without waiting for each commit's WAL flush: what the flushes cost.
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null
  start_postgres "-c synchronous_commit=off"
  run "PostgreSQL with synchronous_commit=off, 1" postgres 1
  run "PostgreSQL with synchronous_commit=off, 2" postgres 2
} | tee "$OUT/replicas.md"
