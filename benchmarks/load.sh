#!/usr/bin/env bash
# Load benchmark of the A2A server (see docs/performance.md): wrk and `profile --rate` against
# `serve` as a user starts it (default JVM, no flags) with the simulated model at zero latency, and
# tracing off, on to stdout and on to A2A_TRACE_LOG_FILE, on this machine, plus a second untraced
# server as a control (its share against the first is the noise of the measurement). Each of the
# first three is first measured as issue 28 does (5 s of load, then 10 s measured); throughput
# counts 2xx answers, and the others (the 503s of a full agent queue or in-flight budget) are
# reported as non_2xx.
#
#   benchmarks/load.sh                 # then 30 s per measurement (wrk: 5 rounds of 6 s per
#                                      # server, alternating), 32 connections, 60 s more warm-up:
#                                      # about 14 minutes
#   SECONDS_PER_RUN=10 WARMUP_SECONDS=30 benchmarks/load.sh
#
# Needs wrk (apt-get install wrk). Writes benchmarks/target/load.json.
set -euo pipefail

cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

./mvnw -B -q -pl a2a-server,benchmarks -am package -DskipTests
java -cp benchmarks/target/benchmarks.jar io.agentmetrics.benchmarks.LoadBenchmark \
  a2a-server/target/a2a-server.jar \
  benchmarks/load/telex-request.json \
  benchmarks/load/telex-post.lua \
  benchmarks/target/load.json \
  "${SECONDS_PER_RUN:-30}" \
  "${CONNECTIONS:-32}" \
  "${WARMUP_SECONDS:-60}"
