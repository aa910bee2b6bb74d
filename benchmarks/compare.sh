#!/usr/bin/env bash
# Paired load benchmark of two server jars (see docs/performance.md, "Hardening cost"): both serve
# at once, as a user starts them (default JVM, no flags) with the simulated model at zero latency,
# and wrk drives POST /tasks/send with the Telex request. After WARMUP_SECONDS of load each, the
# measurement alternates between them in ROUNDS rounds, so that other load on a shared machine lands
# on both. Each round prints requests/s and the server's CPU time per request (from /proc); the
# summary is each jar's median round and the ratio of the medians, second jar over first.
#
#   benchmarks/compare.sh BEFORE.jar AFTER.jar
#   WARMUP_SECONDS=60 ROUNDS=4 SECONDS_PER_RUN=10 benchmarks/compare.sh before.jar after.jar
#
# A jar of another commit: git worktree add /tmp/before COMMIT, then in it
# ./mvnw -q -pl a2a-server -am package -DskipTests (a2a-server/target/a2a-server.jar).
# Needs wrk (apt-get install wrk). Linux only (/proc).
set -euo pipefail

usage() { echo "usage: benchmarks/compare.sh FIRST.jar SECOND.jar" >&2; exit 2; }
[ $# -eq 2 ] || usage
for jar in "$1" "$2"; do [ -f "$jar" ] || { echo "no such jar: $jar" >&2; usage; }; done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

here="$(cd "$(dirname "$0")" && pwd)"
body="$here/load/telex-request.json"
script="$here/load/telex-post.lua"
warmup=${WARMUP_SECONDS:-60}
rounds=${ROUNDS:-4}
seconds=${SECONDS_PER_RUN:-10}
logs="$(mktemp -d)"
jars=("$1" "$2")
pids=()
urls=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$logs"' EXIT

for i in 0 1; do
  SIMULATED_LLM_LATENCY_MS=0 java -jar "${jars[$i]}" serve --host 127.0.0.1 --port 0 \
    >"$logs/$i.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do
  for _ in $(seq 120); do
    url=$(grep -o 'A2A server ready at http://[^ ]*' "$logs/$i.log" | awk '{print $5}' || true)
    [ -n "$url" ] && break
    sleep 0.5
  done
  [ -n "$url" ] || { echo "${jars[$i]} did not start:" >&2; cat "$logs/$i.log" >&2; exit 1; }
  urls+=("${url%/}/tasks/send")
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
load() { BODY_FILE="$body" wrk -t2 -c"${CONNECTIONS:-32}" -d"$1s" -s "$script" "$2"; }

for i in 0 1; do load "$warmup" "${urls[$i]}" >/dev/null; done
ticks_per_second=$(getconf CLK_TCK)
for round in $(seq "$rounds"); do
  for i in 0 1; do
    before=$(cpu_ticks "${pids[$i]}")
    out=$(load "$seconds" "${urls[$i]}")
    after=$(cpu_ticks "${pids[$i]}")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    echo "$out" | awk -v r="$round" -v j="${jars[$i]}" -v n="$requests" -v e="${non2xx:-0}" \
      -v t=$((after - before)) -v hz="$ticks_per_second" \
      '/Requests\/sec/ {printf "round %d  %-40s %9.0f req/s  %6.1f us CPU/request  non-2xx %d\n",
        r, j, $2, t * 1e6 / hz / n, e}'
  done
done | tee "$logs/rounds.txt"

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for i in 0 1; do
  grep -F " ${jars[$i]} " "$logs/rounds.txt" | awk '{print $4}' | median >"$logs/rps$i"
  grep -F " ${jars[$i]} " "$logs/rounds.txt" | awk '{print $6}' | median >"$logs/cpu$i"
done
awk -v r0="$(cat "$logs/rps0")" -v r1="$(cat "$logs/rps1")" \
  -v c0="$(cat "$logs/cpu0")" -v c1="$(cat "$logs/cpu1")" \
  'BEGIN {printf "median: %.0f vs %.0f req/s (%.2fx); %.1f vs %.1f us CPU/request (%.2fx)\n",
    r0, r1, r1 / r0, c0, c1, c1 / c0}'
