#!/usr/bin/env bash
# Our relay side by side with the PeerJS server in one run (issue 15): K pairs ping-pong a 900-byte
# payload through each for SECS seconds, alternating, after one warm-up run of each; prints the
# harness's JSON line per run plus each server's CPU (utime+stime from /proc) per forwarded message.
#
#   mvn -B -q -pl names install -DskipTests && mvn -B -q -pl signaling-relay package -DskipTests
#   BENCH_RELAY=../shared/bench-relay signaling-relay/bench/side-by-side.sh
#
# BENCH_RELAY: a copy of the bench-relay harness (copied to a temporary directory and `npm ci`-ed
# there). ROUNDS (3), PAIRS (50), SECS (5), RELAY_JAVA_OPTS, THREADS=1 (per-thread CPU of our relay).
# Loopback only: 127.0.0.1 ports 19100 (PeerJS) and 18643 (ours) must be free.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-$here/../target/signaling-relay.jar}
src=${BENCH_RELAY:?set BENCH_RELAY to the bench-relay harness directory}
rounds=${ROUNDS:-3}; pairs=${PAIRS:-50}; secs=${SECS:-5}
[ -f "$jar" ] || { echo "build the relay first: $jar is missing" >&2; exit 2; }
work=$(mktemp -d); trap 'kill $pj $rj 2>/dev/null || true; rm -rf "$work"' EXIT
pj=; rj=
cp -r "$src"/. "$work"; (cd "$work" && npm ci --no-audit --no-fund >/dev/null)
cd "$work"
node peerjs-server.js 19100 >peerjs.log 2>&1 & pj=$!
# shellcheck disable=SC2086
java ${RELAY_JAVA_OPTS:-} -jar "$jar" --port 18643 --bind 127.0.0.1 --rate-burst 1000000 --rate-per-second 1000000 \
  --max-connections-per-address 100000 --max-outbound-queue 100000 --metrics-port -1 >relay.log 2>&1 & rj=$!
for _ in $(seq 100); do
  (exec 3<>/dev/tcp/127.0.0.1/18643) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/19100) 2>/dev/null && break
  sleep 0.2
done
ticks() { awk -v f="$2" '{print (f == "sys") ? $15 : $14 + $15}' "/proc/$1/stat"; }
run() { # adapter pid url
  local before sysb out after sysa rate secs_run
  before=$(ticks "$2" all); sysb=$(ticks "$2" sys)
  out=$(node bench.js "$1" "$3" "$pairs" "$secs")
  after=$(ticks "$2" all); sysa=$(ticks "$2" sys)
  rate=$(sed -E 's/.*"forwarded_per_s":([0-9]+).*/\1/' <<<"$out"); secs_run=$(sed -E 's/.*"seconds":([0-9.]+).*/\1/' <<<"$out")
  awk -v o="$out" -v c=$((after - before)) -v s=$((sysa - sysb)) -v f="$rate" -v t="$secs_run" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%s cpu_us_per_msg=%.1f sys_us_per_msg=%.1f\n", o, c * 1e6 / hz / (f * t), s * 1e6 / hz / (f * t) }'
}
run peerjs $pj http://127.0.0.1:19100 >/dev/null; run f4c $rj ws://127.0.0.1:18643 >/dev/null # warm-up
for _ in $(seq "$rounds"); do
  run peerjs $pj http://127.0.0.1:19100
  run f4c $rj ws://127.0.0.1:18643
done
if [ -n "${THREADS:-}" ]; then
  for t in /proc/$rj/task/*; do echo "$(awk '{print $14 + $15}' "$t/stat") $(cat "$t/comm")"; done | sort -rn | head -8
fi
