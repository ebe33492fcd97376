#!/usr/bin/env bash
# Runs the HTTP issue and the live fan-out benchmarks for two checkouts of this repository,
# alternating between them in one run, so that a change is judged against its base on the same
# machine under the same load (a shared 2-core VM moves absolute figures by 2-4x between runs).
#
#   hall-server/src/test/sh/side-by-side.sh BEFORE_DIR AFTER_DIR [ROUNDS]
#
# BEFORE_DIR and AFTER_DIR are checkouts (e.g. `git worktree add /tmp/before <commit>`).
# Each round runs, for each checkout in turn: HttpIssueBenchmark (3 rounds x 8 s, 8 s warm-up,
# 64 callers) and LiveFanoutBenchmark (1,000 screens, 200 calls). Prints every RESULT line with
# its checkout, then nothing else: medians over rounds are read off by eye or with awk.
set -euo pipefail
before=$(cd "$1" && pwd); after=$(cd "$2" && pwd); rounds=${3:-2}

for dir in "$before" "$after"; do
  (cd "$dir" && mvn -B -ntp -q -pl hall-server -am -DskipTests test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$dir/cp.txt" >/dev/null)
done

bench() { # dir label class args...
  local dir=$1 label=$2 cls=$3; shift 3
  local out; out=$(mktemp)
  # the mains print their RESULT lines and return, but a server's Vert.x threads can keep the JVM
  # up: the output goes to a file, and once a RESULT line is there and 20 s pass without a new
  # line, the JVM is stopped (after 15 minutes in any case)
  (cd "$dir/hall-server" && exec java -Xmx2g \
      -cp "target/classes:target/test-classes:$(cat "$dir/cp.txt")" "cn.suixin.hall.bench.$cls" "$@" >"$out" 2>/dev/null) &
  local pid=$! waited=0 lines=-1 quiet=0
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 900 ]; do
    sleep 2; waited=$((waited + 2))
    local now; now=$(wc -l <"$out")
    if [ "$now" = "$lines" ]; then quiet=$((quiet + 2)); else quiet=0; lines=$now; fi
    if grep -q '^RESULT' "$out" && [ $quiet -ge 20 ]; then kill "$pid" 2>/dev/null; fi
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  grep '^RESULT' "$out" | sed "s/^/$label round $r: /" || echo "$label round $r: $cls produced no RESULT"
  rm -f "$out"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
for r in $(seq 1 "$rounds"); do
  for side in before after; do
    dir=$before; [ "$side" = after ] && dir=$after
    bench "$dir" "$side" HttpIssueBenchmark 3 8 8 64
    bench "$dir" "$side" LiveFanoutBenchmark 1000 200 100 20
  done
  echo "load after round $r: $(cut -d' ' -f1-3 /proc/loadavg)"
done
