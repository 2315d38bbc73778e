#!/usr/bin/env bash
# The packet server's latency benchmark of issue #12 (docs/protocol.md "Latency" and "Benchmarks"):
# one server, five identical open-loop runs of 20,000 requests/s from 100,000 devices, five more under
# 20,000 hostile frames/s and 20,000 idle TCP connections from 100 addresses, then the journal check:
# the ledger (at least a million packets) gets one bit flipped in its middle record, `journal check`
# must report one damaged record and a restarted server must recover all the others.
#
# Usage: packet-server/bench/latency-under-attack.sh [OUT]
#   OUT  a folder for the logs (server stdout, GC and JIT logs, every loadgen JSON, table.txt); default: a
#        temporary folder, deleted at the end with everything else the script made
# Settings (environment, defaults in brackets):
#   RUNS [5]  RATE [20000]  DURATION [10s]  LOAD_WARMUP [2s]  DEVICES [100000]  TIMEOUT [2s]
#   HOSTILE_RATE [20000]  IDLE_TCP [20000]  IDLE_TCP_SOURCES [100]  JOURNAL_PACKETS [1000000]
#   PHASES ["quiet hostile journal"]   SERVE_WARMUP [the server's default]  SERVE_ARGS [none]
#   SERVE_JAVA_OPTS  extra JVM options for serve only (after the script's GC and JIT logs)
#   BENCH_AUTOGROUP  e.g. -20: run everything in a session of its own with that autogroup nice value
#                    (docs/protocol.md "Under CPU contention"); BENCH_PREFIX: a command put before serve and
#                    loadgen (e.g. "chrt -r 1")
#   PACKETGRID       the launcher [this checkout's ./packetgrid]
# Per run the table gives the machine's load (1-minute average, `uptime`) before it, the load generator's
# throughput, p50/p99/max latency, requests unanswered and acknowledged packets missing from the journal
# (audited over TCP), and from the server's side during the load generator's process: CPU seconds
# (utime + stime, /proc/PID/stat), the C2 compiler threads' CPU seconds, GC pauses (count, total and
# longest, and the collector threads' CPU in them, from -Xlog:gc,gc+cpu), methods compiled (all tiers / C2, from
# -Xlog:jit+compilation) and MB allocated (eden's growth plus one eden per young collection, from `jstat -gc`).
set -euo pipefail
# the whole script is one block, read before it runs: editing the file meanwhile cannot change a run
{
if [ -n "${BENCH_AUTOGROUP:-}" ] && [ -z "${BENCH_IN_GROUP:-}" ]; then
  BENCH_IN_GROUP=1 exec setsid -w "$0" "$@"
fi
if [ -n "${BENCH_AUTOGROUP:-}" ]; then
  echo "$BENCH_AUTOGROUP" > /proc/self/autogroup || { echo "cannot set autogroup nice $BENCH_AUTOGROUP" >&2; exit 1; }
fi

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
pg="${PACKETGRID:-$root/packetgrid}"
RUNS="${RUNS:-5}"; RATE="${RATE:-20000}"; DURATION="${DURATION:-10s}"; LOAD_WARMUP="${LOAD_WARMUP:-2s}"
DEVICES="${DEVICES:-100000}"; TIMEOUT="${TIMEOUT:-2s}"
HOSTILE_RATE="${HOSTILE_RATE:-20000}"; IDLE_TCP="${IDLE_TCP:-20000}"; IDLE_TCP_SOURCES="${IDLE_TCP_SOURCES:-100}"
JOURNAL_PACKETS="${JOURNAL_PACKETS:-1000000}"; PHASES="${PHASES:-quiet hostile journal}"
read -r -a prefix <<< "${BENCH_PREFIX:-}"
read -r -a serve_args <<< "${SERVE_ARGS:-}"
for tool in jq awk od dd jstat; do
  command -v "$tool" >/dev/null || { echo "latency-under-attack: needs $tool" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/pg-latency-XXXXXX")"
if [ -n "${1:-}" ]; then
  out="$1"; mkdir -p "$out"
else
  out="$work/out"; mkdir -p "$out"
fi
server_pid=""
loadgen_pid=""
cleanup() {
  local rc=$?
  for p in "$loadgen_pid" "$server_pid"; do
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
      kill -TERM "$p" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$p" 2>/dev/null || true
      wait "$p" 2>/dev/null || true
    fi
  done
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

hz="$(getconf CLK_TCK)"
load1() { cut -d' ' -f1 /proc/loadavg; }
# utime + stime of a process or thread, in clock ticks (fields 14 and 15; the name in field 2 may hold spaces)
ticks() { [ -r "$1" ] && sed 's/.*) //' "$1" | awk '{print $12 + $13}' || echo 0; }
# CPU ticks of the server's C2 compiler threads
c2_ticks() {
  local t s=0
  for t in /proc/"$server_pid"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in "C2 Compiler"*) s=$((s + $(ticks "$t/stat")));; esac
  done
  echo "$s"
}
lines() { [ -f "$1" ] && wc -l < "$1" || echo 0; }
# the server's eden: "capacity_kb used_kb young_collections" (jstat -gc: EC, EU, YGC)
eden() { jstat -gc "$server_pid" 2>/dev/null | awk 'NR == 1 { for (k = 1; k <= NF; k++) c[$k] = k } NR == 2 { print $c["EC"], $c["EU"], $c["YGC"] }'; }

# starts serve on LEDGER, its output to LOG.out, its GC and JIT logs to LOG-gc.log and LOG-jit.log, with EXTRA args;
# sets server_pid, port, gc_log and jit_log
start_server() {
  local ledger="$1" log="$2.out"
  gc_log="$2-gc.log"; jit_log="$2-jit.log"; shift 2
  : > "$log"
  PACKETGRID_JAVA_OPTS="-Xlog:gc,gc+cpu:file=$gc_log:uptime:filecount=0 -Xlog:jit+compilation=debug:file=$jit_log:uptime:filecount=0 ${SERVE_JAVA_OPTS:-}" \
    "${prefix[@]}" "$pg" serve --port 0 --keys "$work/keys.csv" --ledger "$ledger" --stats-every 0 "$@" > "$log" 2>&1 &
  server_pid=$!
  local t0=$SECONDS
  until grep -q '^serving ' "$log"; do
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "serve exited:" >&2; cat "$log" >&2; exit 1; fi
    [ $((SECONDS - t0)) -lt 300 ] || { echo "serve did not start in 300 s" >&2; exit 1; }
    sleep 0.2
  done
  port="$(sed -nE 's/^serving .* on [^:]+:([0-9]+) .*/\1/p' "$log" | head -n 1)"
  echo "serve pid $server_pid port $port, $((SECONDS - t0)) s to its banner: $(grep '^serving ' "$log")" >&2
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || { echo "serve exited with status $?" >&2; exit 1; }
  server_pid=""
}

rows=()
# one measured run: KIND I [loadgen options...]
measure() {
  local kind="$1" i="$2"; shift 2
  local json="$out/$kind-$i.json" ld cpu0 cpu1 c20 c21 g0 g1 j0 j1
  local e0 e1
  e0="$(eden)"
  ld="$(load1)"; cpu0="$(ticks /proc/"$server_pid"/stat)"; c20="$(c2_ticks)"; g0="$(lines "$gc_log")"; j0="$(lines "$jit_log")"
  PACKETGRID_JAVA_OPTS="${LOADGEN_JAVA_OPTS:-}" "${prefix[@]}" "$pg" loadgen --target "127.0.0.1:$port" --keys "$work/keys.csv" \
    --devices "$DEVICES" --rate "$RATE" --duration "$DURATION" --warmup "$LOAD_WARMUP" --timeout "$TIMEOUT" \
    --seq-start "$((seq_base + i * 1000))" "$@" > "$out/$kind-$i.out" 2>&1 &
  loadgen_pid=$!
  wait "$loadgen_pid" || { echo "loadgen failed:" >&2; tail -n 5 "$out/$kind-$i.out" >&2; exit 1; }
  loadgen_pid=""
  cpu1="$(ticks /proc/"$server_pid"/stat)"; c21="$(c2_ticks)"; g1="$(lines "$gc_log")"; j1="$(lines "$jit_log")"
  e1="$(eden)"
  # allocated meanwhile: eden's growth plus a full eden per young collection (to within the TLABs left unfilled)
  local alloc
  alloc="$(echo "$e0 $e1" | awk 'NF == 6 { printf "%.0f", ($5 - $2 + ($6 - $3) * $4) / 1024 } NF != 6 { print "?" }')"
  tail -n 1 "$out/$kind-$i.out" > "$json"
  # GC pauses logged meanwhile: "[12.3s] GC(4) Pause Young (Allocation Failure) 700M->40M(981M) 25.1ms", and the
  # collector threads' CPU in them: "[12.3s] GC(4) User=0.04s Sys=0.00s Real=0.03s"
  local gc jit
  gc="$(sed -n "$((g0 + 1)),${g1}p" "$gc_log" | awk '/Pause/ { ms = $NF; sub(/ms$/, "", ms); n++; s += ms; if (ms > m) m = ms }
        /User=/ { for (k = 1; k <= NF; k++) if ($k ~ /^(User|Sys)=/) { v = $k; sub(/^[A-Za-z]+=/, "", v); sub(/s$/, "", v); c += v * 1000 } }
        END { printf "%d / %.1f / %.1f / %.0f", n, s, m, c }')"
  # compilations: "[1.2s]   123    4       java.lang.String::hashCode (60 bytes)" (level 4 = C2; "made not entrant" lines are not)
  jit="$(sed -n "$((j0 + 1)),${j1}p" "$jit_log" | awk '/made (not entrant|zombie)/ { next } { n++; for (k = 2; k <= NF; k++) if ($k ~ /^[0-9]+$/) { while ($(k + 1) ~ /^[%sbn!]+$/) k++; if ($(k + 1) == 4) c2++; break } }
        END { printf "%d / %d", n, c2 }')"
  rows+=("$(jq -r --arg kind "$kind" --arg i "$i" --arg ld "$ld" --arg cpu "$(awk -v a="$cpu0" -v b="$cpu1" -v h="$hz" 'BEGIN { printf "%.2f", (b - a) / h }')" \
    --arg c2 "$(awk -v a="$c20" -v b="$c21" -v h="$hz" 'BEGIN { printf "%.2f", (b - a) / h }')" --arg gc "$gc" --arg jit "$jit" \
    --arg alloc "$alloc" \
    '[$kind, $i, $ld, .requests_per_second, .p50_ms, .p99_ms, .max_ms, .timeouts, .lost_acknowledged, $cpu, $c2, $alloc, $gc, $jit,
      (if .hostile_frames_sent then "\(.hostile_frames_sent) / \(.idle_tcp_connects)" else "-" end)] | @tsv' "$json")")
  printf '%s\n' "${rows[-1]}" >&2
}

echo "latency-under-attack: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), code $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), out $out" >&2
"$pg" keys generate --devices "$DEVICES" --out "$work/keys.csv" > /dev/null
seq_base=0
start_server "$work/ledger" "$out/serve" ${SERVE_WARMUP:+--warmup "$SERVE_WARMUP"} "${serve_args[@]}"
for phase in $PHASES; do
  case "$phase" in
    quiet) for i in $(seq 1 "$RUNS"); do measure quiet "$i"; done; seq_base=$((seq_base + 100000)) ;;
    hostile) for i in $(seq 1 "$RUNS"); do
        measure hostile "$i" --hostile-rate "$HOSTILE_RATE" --idle-tcp "$IDLE_TCP" --idle-tcp-sources "$IDLE_TCP_SOURCES"
      done; seq_base=$((seq_base + 100000)) ;;
    journal) ;;
    *) echo "unknown phase '$phase' (quiet, hostile, journal)" >&2; exit 2 ;;
  esac
done

journal_line="-"
if [[ " $PHASES " == *" journal "* ]]; then
  # top the ledger up to JOURNAL_PACKETS with open-loop loads of 20 s
  have="$(jq -s 'map(.acknowledged) | add // 0' "$out"/*-[0-9]*.json 2>/dev/null || echo 0)"
  k=0
  while [ "$have" -lt "$JOURNAL_PACKETS" ]; do
    k=$((k + 1))
    PACKETGRID_JAVA_OPTS="${LOADGEN_JAVA_OPTS:-}" "${prefix[@]}" "$pg" loadgen --target "127.0.0.1:$port" --keys "$work/keys.csv" \
      --devices "$DEVICES" --rate "$RATE" --duration 20s --warmup 0s --timeout "$TIMEOUT" --seq-start "$((seq_base + k * 1000))" \
      > "$out/fill-$k.out" 2>&1
    have=$((have + $(tail -n 1 "$out/fill-$k.out" | jq .acknowledged)))
  done
  stop_server
  led="$work/ledger"
  "$pg" journal check "$led" > "$out/check-before.out" || { echo "the ledger was not clean before the flip:" >&2; cat "$out/check-before.out" >&2; exit 1; }
  total="$(tail -n 1 "$out/check-before.out" | jq .records)"
  # the middle record: walk the segments (16-byte header, 32-byte records) to record number total/2
  mid=$((total / 2)); seg=""; off=0
  for f in "$led"/segment-*.pgj; do
    n=$((($(stat -c %s "$f") - 16) / 32))
    if [ "$mid" -lt "$n" ]; then seg="$f"; off=$((16 + mid * 32 + 9)); break; fi
    mid=$((mid - n))
  done
  byte="$(od -An -tu1 -j "$off" -N1 "$seg" | tr -d ' ')"
  printf "$(printf '\\%03o' $((byte ^ 4)))" | dd of="$seg" bs=1 seek="$off" conv=notrunc status=none
  set +e; "$pg" journal check "$led" > "$out/check-after.out"; check_rc=$?; set -e
  after="$(tail -n 1 "$out/check-after.out" | jq .records)"; damaged="$(tail -n 1 "$out/check-after.out" | jq .damaged_bytes)"
  start_server "$led" "$out/restart" --warmup 0s
  recovered="$(sed -nE 's/.*recovered ([0-9]+) packets.*/\1/p' "$out/restart.out" | head -n 1)"
  stop_server
  verdict=FAILED; [ "$recovered" -eq $((total - 1)) ] && [ "$after" -eq $((total - 1)) ] && [ "$damaged" -eq 32 ] && verdict=ok
  journal_line="journal: $total records, bit 2 of byte $off of $(basename "$seg") flipped; journal check exit $check_rc, $after records, $damaged damaged bytes; restart recovered $recovered ($verdict: all but one)"
else
  stop_server
fi

{
  printf 'kind\trun\tload\treq/s\tp50_ms\tp99_ms\tmax_ms\tunanswered\tlost_acked\tserver_cpu_s\tc2_cpu_s\talloc_mb\tgc_pauses_n/total_ms/max_ms/cpu_ms\tcompiled_all/c2\thostile_sent/idle_connects\n'
  printf '%s\n' "${rows[@]}"
} | column -t -s $'\t' | tee "$out/table.txt"
echo "$journal_line" | tee -a "$out/table.txt"
echo "server GC log: $(grep -c Pause "$out/serve-gc.log" || true) pauses in all; load at the end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/table.txt"
exit 0
}
