#!/usr/bin/env bash
# Builds the benchmarks and runs all of them with settings that fit a 2-core machine, then
# judges the performance targets (see docs/performance.md).
#
#   benchmarks/run.sh                        # everything: about 5 minutes
#   benchmarks/run.sh ExecutionBenchmark     # only the benchmarks matching a JMH regex
#
# Writes benchmarks/target/results.json (JMH), footprint.json (aggregator memory) and
# summary.json (the verdicts). JMH_SETTINGS replaces the fork and iteration settings, e.g.
# JMH_SETTINGS="-f 1 -wi 1 -w 1s -i 2 -r 1s" for a quick check (JMH rejects repeated options).
set -euo pipefail

cd "$(dirname "$0")/.."
out=benchmarks/target
jar=$out/benchmarks.jar

./mvnw -B -q -pl benchmarks -am package -DskipTests
rm -f "$out/results.json" "$out/footprint.json" "$out/summary.json"

# One fork per benchmark, short iterations: on a shared 2-core machine more, shorter iterations
# give a steadier median than few long ones. -prof gc adds bytes allocated per operation, and
# CpuTimeProfiler the CPU time per operation, which waiting for a busy machine's cores does not
# inflate.
settings=${JMH_SETTINGS:--f 1 -wi 3 -w 1s -i 8 -r 1s}
# shellcheck disable=SC2086 # settings is a list of options
java -jar "$jar" "${@:-.*Benchmark.*}" $settings \
  -prof gc -prof io.agentmetrics.benchmarks.CpuTimeProfiler \
  -rf json -rff "$out/results.json"

# Aggregator memory, on a full run only. SerialGC compacts the whole heap on System.gc(), so
# used heap after GC is exact.
if [[ $# -eq 0 ]]; then
  java -XX:+UseSerialGC -Xmx1g -cp "$jar" io.agentmetrics.benchmarks.FootprintProbe \
    "$out/footprint.json"
fi

java -cp "$jar" io.agentmetrics.benchmarks.TargetCheck \
  "$out/results.json" "$out/footprint.json" "$out/summary.json"
