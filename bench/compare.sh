#!/usr/bin/env bash
# bench/compare.sh: ttrace's tracing overhead against the untraced program,
# the two ptrace floors (bench/floors), strace and perf trace, on the
# workloads of bench/workloads, as one reproducible report.
#
#   bash bench/compare.sh            # full run (~5-10 min on 2 cores):
#                                    # writes docs/PERFORMANCE.md and
#                                    # docs/performance.svg
#   QUICK=1 bash bench/compare.sh    # ~1 min smoke run: small sizes, 3
#                                    # rounds, report in the work directory
#
# What it does: builds everything with `bazel build -c opt`, copies the
# binaries to a private work directory (so concurrent rebuilds cannot swap
# them mid-run), pins itself and everything it starts to one CPU (tracer
# and tracee on the same CPU: on 2-vCPU machines the cross-CPU ptrace
# ping-pong is bimodal, one CPU gives steady numbers), then for each
# scenario runs every mode once per round, interleaved (A B C A B C ...),
# and reports medians of the wall times, ratios, events per second and the
# tracer's own peak RSS; it checks the events ttrace reported against what
# each workload says it did, and runs the micro-benchmarks.
#
# Environment (defaults in parentheses; QUICK=1 lowers the sizes):
#   ROUNDS (5)           interleaved rounds per scenario; medians are taken
#   CPU (0)              the CPU everything is pinned to
#   SYSCALL_N (100000)   syscall_storm: syscalls (every syscall traced)
#   SYSCALL_LONG_N (2000000)  syscall_storm_long: syscalls (modes that do
#                        not stop at them: narrow filters, trace=none)
#   THREAD_N (5000)      thread_storm: threads in total ...
#   THREAD_K (4)         ... at most this many alive at once
#   SIGNAL_N (10000)     signal_storm: signals
#   FORK_N (200)         fork_exec_storm: fork+exec of /bin/true
#   STOP_N (2000)        stop_cont_storm: SIGSTOP/SIGCONT cycles
#   REAL_N (100)         real_program: iterations of the shell loop
#   LIVE_THREADS (1000)  live_threads: threads alive at once (peak RSS)
#   SCENARIOS            space-separated subset of: startup (/bin/true:
#                        fixed costs) syscall_storm syscall_storm_long
#                        thread_storm
#                        signal_storm fork_exec_storm stop_cont_storm
#                        real_program stack_traces (-k) live_threads (all
#                        by default)
#   MICRO (1)            0 skips the micro-benchmarks
#   MICRO_REPS (5)       repetitions of each micro-benchmark, in random
#                        order; the report shows their medians
#   OUT, SVG             where the report and chart go
#   WORK                 work directory (default: a new one under /tmp,
#                        removed at the end unless KEEP=1; a WORK given
#                        here is kept)
#   NO_BUILD (0)         1: use the binaries already in bazel-bin (-c opt)
set -uo pipefail
export LC_ALL=C

cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then
  ROUNDS=${ROUNDS:-3}
  SYSCALL_N=${SYSCALL_N:-20000}
  SYSCALL_LONG_N=${SYSCALL_LONG_N:-200000}
  THREAD_N=${THREAD_N:-1000}
  SIGNAL_N=${SIGNAL_N:-2000}
  FORK_N=${FORK_N:-40}
  STOP_N=${STOP_N:-300}
  REAL_N=${REAL_N:-20}
  MICRO_MIN_TIME=${MICRO_MIN_TIME:-0.01}
  MICRO_REPS=${MICRO_REPS:-1}
else
  ROUNDS=${ROUNDS:-5}
  SYSCALL_N=${SYSCALL_N:-100000}
  SYSCALL_LONG_N=${SYSCALL_LONG_N:-2000000}
  THREAD_N=${THREAD_N:-5000}
  SIGNAL_N=${SIGNAL_N:-10000}
  FORK_N=${FORK_N:-200}
  STOP_N=${STOP_N:-2000}
  REAL_N=${REAL_N:-100}
  MICRO_MIN_TIME=${MICRO_MIN_TIME:-0.1}
  MICRO_REPS=${MICRO_REPS:-5}
fi
THREAD_K=${THREAD_K:-4}
LIVE_THREADS=${LIVE_THREADS:-1000}
CPU=${CPU:-0}
MICRO=${MICRO:-1}
NO_BUILD=${NO_BUILD:-0}
KEEP=${KEEP:-0}
ALL_SCENARIOS="startup syscall_storm syscall_storm_long thread_storm signal_storm fork_exec_storm stop_cont_storm real_program stack_traces live_threads"
SCENARIOS=${SCENARIOS:-$ALL_SCENARIOS}

# Removed at the end only if created here (never a directory given in WORK).
OWN_WORK=0
if [[ -z ${WORK:-} ]]; then
  WORK=$(mktemp -d /tmp/ttrace-bench.XXXXXX) || exit 1
  OWN_WORK=1
fi
mkdir -p "$WORK/bin" "$WORK/out" "$WORK/err"
if [[ $QUICK == 1 ]]; then
  OUT=${OUT:-$WORK/PERFORMANCE.md}
  SVG=${SVG:-$WORK/performance.svg}
else
  OUT=${OUT:-$ROOT/docs/PERFORMANCE.md}
  SVG=${SVG:-$ROOT/docs/performance.svg}
fi
cleanup() { [[ $KEEP == 1 || $OWN_WORK == 0 ]] || rm -rf "$WORK"; }
trap cleanup EXIT

log() { printf '%s\n' "$*" >&2; }
die() { log "compare.sh: $*"; exit 1; }

# ---------------------------------------------------------------------------
# Build, and copy the binaries away from bazel-bin.

TARGETS=(//cli:ttrace //bench/...)
if [[ $NO_BUILD != 1 ]]; then
  log "== building (bazel build -c opt ${TARGETS[*]})"
  bazel build -c opt "${TARGETS[@]}" >"$WORK/build.log" 2>&1 ||
    { tail -30 "$WORK/build.log" >&2; die "build failed"; }
fi
BAZEL_BIN=$(bazel info -c opt bazel-bin 2>/dev/null) || die "bazel info failed"
for f in cli/ttrace bench/floors/floor_cont bench/floors/floor_syscall \
  bench/tools/vmhwm_preload.so bench/workloads/syscall_storm \
  bench/workloads/thread_storm bench/workloads/signal_storm \
  bench/workloads/fork_exec_storm bench/workloads/stop_cont_storm \
  bench/workloads/real_program bench/formatter_benchmark \
  bench/wait_status_benchmark bench/thread_table_benchmark \
  bench/binary_benchmark; do
  if [[ -f $BAZEL_BIN/$f ]]; then
    cp "$BAZEL_BIN/$f" "$WORK/bin/" && chmod u+w "$WORK/bin/${f##*/}"
  elif [[ $f != bench/binary_benchmark ]]; then
    die "missing $BAZEL_BIN/$f"
  fi
done
B=$WORK/bin
TTRACE=$B/ttrace
PRELOAD=$B/vmhwm_preload.so

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# Everything from here on (tracers, workloads, this shell) runs on $CPU.
taskset -pc "$CPU" $$ >/dev/null || die "taskset failed"

# ---------------------------------------------------------------------------
# What exists today: ttrace's syscall modes are detected, not assumed.

have() { "$@" >/dev/null 2>&1 </dev/null; }
HAVE_TT_SYSCALLS=0; HAVE_TT_JSON=0; HAVE_TT_BINARY=0; HAVE_TT_PROCESS=0
have "$TTRACE" -e trace=all -o /dev/null -- true && HAVE_TT_SYSCALLS=1
have "$TTRACE" --format=json -o /dev/null -- true && HAVE_TT_JSON=1
have "$TTRACE" -e trace=all --format=binary -o /dev/null -- true && HAVE_TT_BINARY=1
have "$TTRACE" -e trace=%process -o /dev/null -- true && HAVE_TT_PROCESS=1
HAVE_TT_STACKS=0
have "$TTRACE" -k -o /dev/null -- true && HAVE_TT_STACKS=1
HAVE_STRACE=0; HAVE_STRACE_SECCOMP=0; HAVE_PERF=0; HAVE_STRACE_STACKS=0
have strace -f -o /dev/null true && HAVE_STRACE=1
have strace -f --seccomp-bpf -e trace=none -o /dev/null true && HAVE_STRACE_SECCOMP=1
have perf trace -o /dev/null -- true && HAVE_PERF=1
have strace -f -k -o /dev/null true && HAVE_STRACE_STACKS=1
log "== ttrace syscalls=$HAVE_TT_SYSCALLS json=$HAVE_TT_JSON binary=$HAVE_TT_BINARY %process=$HAVE_TT_PROCESS; strace=$HAVE_STRACE (seccomp-bpf $HAVE_STRACE_SECCOMP); perf trace=$HAVE_PERF"

mode_available() {
  case $1 in
    untraced | ttrace_none | floor_cont | floor_cont_comm | floor_syscall) return 0 ;;
    ttrace_text) ((HAVE_TT_SYSCALLS)) ;;
    ttrace_json) ((HAVE_TT_SYSCALLS && HAVE_TT_JSON)) ;;
    ttrace_binary) ((HAVE_TT_SYSCALLS && HAVE_TT_BINARY)) ;;
    ttrace_process) ((HAVE_TT_PROCESS)) ;;
    ttrace_stacks) ((HAVE_TT_STACKS)) ;;
    strace_stacks) ((HAVE_STRACE_STACKS)) ;;
    strace_full | strace_none) ((HAVE_STRACE)) ;;
    strace_seccomp_none | strace_seccomp_process) ((HAVE_STRACE_SECCOMP)) ;;
    perf_trace) ((HAVE_PERF)) ;;
    *) return 1 ;;
  esac
}

# The command line of a mode, with FILE for its output file.
mode_command() {
  case $1 in
    untraced) echo "" ;;
    ttrace_none) echo "ttrace -f -e trace=none -o FILE --" ;;
    ttrace_text) echo "ttrace -f -o FILE --" ;;
    ttrace_json) echo "ttrace -f --format=json -o FILE --" ;;
    ttrace_binary) echo "ttrace -f --format=binary -o FILE --" ;;
    ttrace_process) echo "ttrace -f -e trace=%process -o FILE --" ;;
    ttrace_stacks) echo "ttrace -f -k -o FILE --" ;;
    strace_stacks) echo "strace -f -k -o FILE" ;;
    floor_cont) echo "floor_cont" ;;
    floor_cont_comm) echo "floor_cont --read-comm" ;;
    floor_syscall) echo "floor_syscall" ;;
    strace_full) echo "strace -f -o FILE" ;;
    strace_none) echo "strace -f -e trace=none -o FILE" ;;
    strace_seccomp_none) echo "strace -f --seccomp-bpf -e trace=none -o FILE" ;;
    strace_seccomp_process) echo "strace -f --seccomp-bpf -e trace=%process -o FILE" ;;
    perf_trace) echo "perf trace -o FILE --" ;;
  esac
}

# The reference each mode is compared with: strace's equivalent ("best" =
# the faster of strace_none and strace_seccomp_none) and the floor.
strace_equivalent() {
  case $1 in
    ttrace_none) echo best ;;
    ttrace_text | ttrace_json | ttrace_binary | perf_trace) echo strace_full ;;
    ttrace_process) echo strace_seccomp_process ;;
    ttrace_stacks) echo strace_stacks ;;
    *) echo "" ;;
  esac
}
floor_of() {
  case $1 in
    ttrace_none | strace_none | strace_seccomp_none | floor_cont_comm) echo floor_cont ;;
    ttrace_text | ttrace_json | ttrace_binary | strace_full | perf_trace) echo floor_syscall ;;
    *) echo "" ;;
  esac
}

# ---------------------------------------------------------------------------
# Scenarios: the workload command and the modes that apply.

scenario_argv() {
  case $1 in
    startup) echo "/bin/true" ;;
    syscall_storm) echo "$B/syscall_storm $SYSCALL_N" ;;
    syscall_storm_long) echo "$B/syscall_storm $SYSCALL_LONG_N" ;;
    thread_storm) echo "$B/thread_storm $THREAD_N $THREAD_K" ;;
    signal_storm) echo "$B/signal_storm $SIGNAL_N" ;;
    fork_exec_storm) echo "$B/fork_exec_storm $FORK_N" ;;
    stop_cont_storm) echo "$B/stop_cont_storm $STOP_N" ;;
    real_program) echo "$B/real_program $REAL_N" ;;
    # -k: every syscall's call stack, the same workload.
    stack_traces) echo "$B/real_program $REAL_N" ;;
    # HOLD_MS = 200: the 1,000 threads stay alive together for a while.
    live_threads) echo "$B/thread_storm $LIVE_THREADS $LIVE_THREADS 200" ;;
  esac
}

THREAD_MODES="untraced ttrace_none floor_cont strace_none strace_seccomp_none"
FULL_MODES="ttrace_text ttrace_json ttrace_binary floor_syscall strace_full"
NARROW_MODES="ttrace_process strace_seccomp_process"
scenario_modes() {
  local m
  case $1 in
    syscall_storm | real_program) m="$THREAD_MODES $FULL_MODES $NARROW_MODES perf_trace" ;;
    startup) m="$THREAD_MODES" ;;
    stack_traces) m="untraced ttrace_text ttrace_stacks strace_stacks" ;;
    # Not strace_none: without seccomp it stops at every syscall (see
    # syscall_storm), 2 million times here.
    syscall_storm_long) m="untraced ttrace_none floor_cont strace_seccomp_none $NARROW_MODES" ;;
    live_threads) m="untraced ttrace_none floor_cont strace_none strace_seccomp_none ttrace_text strace_full" ;;
    # floor_cont_comm: the floor plus ttrace's /proc/TID/comm reads.
    thread_storm | fork_exec_storm) m="$THREAD_MODES floor_cont_comm ttrace_text floor_syscall strace_full" ;;
    *) m="$THREAD_MODES ttrace_text floor_syscall strace_full" ;;
  esac
  local out=""
  for x in $m; do mode_available "$x" && out+="$x "; done
  echo "$out"
}

# ---------------------------------------------------------------------------
# One run: sets RUN_US (wall time in microseconds), RUN_RC, RUN_HWM (the
# tracer's VmHWM in KiB, empty if untraced or unknown).

run_once() {
  local mode=$1 out=$2 err=$3
  shift 3
  local -a cmd
  read -r -a cmd <<<"$(mode_command "$mode")"
  local i
  for i in "${!cmd[@]}"; do
    case ${cmd[i]} in
      FILE) cmd[i]=$out ;;
      ttrace) cmd[i]=$TTRACE ;;
      floor_cont | floor_syscall) ((i == 0)) && cmd[i]=$B/${cmd[i]} ;;
    esac
  done
  rm -f "$out" "$WORK/hwm"
  local start end
  if [[ $mode == untraced ]]; then
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>"$err" </dev/null
    RUN_RC=$?
    end=$EPOCHREALTIME
  else
    start=$EPOCHREALTIME
    LD_PRELOAD=$PRELOAD TTRACE_BENCH_HWM_FILE=$WORK/hwm \
      "${cmd[@]}" "$@" >/dev/null 2>"$err" </dev/null
    RUN_RC=$?
    end=$EPOCHREALTIME
  fi
  RUN_US=$((${end/./} - ${start/./}))
  RUN_HWM=""
  [[ -s $WORK/hwm ]] && RUN_HWM=$(<"$WORK/hwm")
  return 0
}

# Events a mode reported, from its output file (lines) or, for the floors,
# its own count of stops.
count_events() {
  local mode=$1 out=$2 err=$3
  case $mode in
    untraced) echo "" ;;
    floor_*) sed -n 's/.*: stops=\([0-9]*\).*/\1/p' "$err" | tail -1 ;;
    # Decoded outside the timed run.
    ttrace_binary) [[ -f $out ]] && "$TTRACE" --decode="$out" -o /dev/stdout 2>/dev/null | wc -l ;;
    perf_trace) [[ -f $out ]] && grep -vc 'LOST' "$out" ;;
    *) [[ -f $out ]] && wc -l <"$out" ;;
  esac
}

# perf trace: "LOST n events!" lines (in its output or on stderr).
perf_lost() {
  cat "$1" "$2" 2>/dev/null | sed -n 's/.*LOST \([0-9]*\) events.*/\1/p' |
    awk '{s += $1} END {print s + 0}'
}

declare -A WALLS HWM EVENTS FAILS LOST
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {if (NR == 0) exit; if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

run_scenario() {
  local sc=$1 round mode
  local -a argv
  read -r -a argv <<<"$(scenario_argv "$sc")"
  local modes
  modes=$(scenario_modes "$sc")
  log "== $sc: ${argv[*]##*/}  [$modes]"
  for ((round = 1; round <= ROUNDS; round++)); do
    local line="   round $round:"
    for mode in $modes; do
      local key="$sc|$mode" out="$WORK/out/$sc.$mode" err="$WORK/err/$sc.$mode"
      run_once "$mode" "$out" "$err" "${argv[@]}"
      if ((RUN_RC != 0)); then
        FAILS[$key]="exit $RUN_RC"
        log "   $mode failed (exit $RUN_RC): $(tail -2 "$err" | tr '\n' ' ')"
      fi
      WALLS[$key]+="$RUN_US "
      if [[ -n $RUN_HWM ]] && ((RUN_HWM > ${HWM[$key]:-0})); then
        HWM[$key]=$RUN_HWM
      fi
      line+=" $mode=$(awk -v u="$RUN_US" 'BEGIN {printf "%.3f", u / 1e6}')"
    done
    log "$line"
  done
  # Counts from the last round's outputs.
  for mode in $modes; do
    local key="$sc|$mode"
    EVENTS[$key]=$(count_events "$mode" "$WORK/out/$sc.$mode" "$WORK/err/$sc.$mode")
    [[ $mode == perf_trace ]] && LOST[$key]=$(perf_lost "$WORK/out/$sc.$mode" "$WORK/err/$sc.$mode")
  done
  cp "$WORK/err/$sc.untraced" "$WORK/did.$sc" 2>/dev/null
}

for sc in $SCENARIOS; do run_scenario "$sc"; done

# ---------------------------------------------------------------------------
# The table.

fmt_s() { awk -v u="$1" 'BEGIN {printf "%.3f", u / 1e6}'; }
ratio() { [[ -n $1 && -n $2 && $2 != 0 ]] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

declare -A MED
for sc in $SCENARIOS; do
  for mode in $(scenario_modes "$sc"); do
    MED[$sc|$mode]=$(median <<<"${WALLS[$sc|$mode]:-}")
  done
done

best_strace_none() {
  local a=${MED[$1|strace_none]:-} b=${MED[$1|strace_seccomp_none]:-}
  if [[ -z $a ]]; then echo "$b"; elif [[ -z $b ]]; then echo "$a"; elif ((a < b)); then echo "$a"; else echo "$b"; fi
}

TABLE=$WORK/table.md
CHART_DATA=$WORK/chart.txt
: >"$CHART_DATA"
{
  echo "| scenario | mode | wall (s) | × untraced | × strace equiv. | × floor | events | events/s | tracer peak RSS (MiB) | notes |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
  for sc in $SCENARIOS; do
    base=${MED[$sc|untraced]:-}
    for mode in $(scenario_modes "$sc"); do
      key="$sc|$mode"
      med=${MED[$key]}
      eq=$(strace_equivalent "$mode")
      if [[ $eq == best ]]; then eqv=$(best_strace_none "$sc"); elif [[ -n $eq ]]; then eqv=${MED[$sc|$eq]:-}; else eqv=""; fi
      fl=$(floor_of "$mode")
      flv=""; [[ -n $fl ]] && flv=${MED[$sc|$fl]:-}
      r_u=$(ratio "$med" "$base"); r_s=$(ratio "$med" "$eqv"); r_f=$(ratio "$med" "$flv")
      ev=${EVENTS[$key]:-}
      evs=""; [[ -n $ev && ${med:-0} -gt 0 ]] && evs=$(awk -v e="$ev" -v u="$med" 'BEGIN {printf "%.0f", e / (u / 1e6)}')
      rss=""; [[ -n ${HWM[$key]:-} ]] && rss=$(awk -v k="${HWM[$key]}" 'BEGIN {printf "%.1f", k / 1024}')
      notes=${FAILS[$key]:-}
      [[ -n ${LOST[$key]:-} ]] && notes+="lost ${LOST[$key]} events"
      echo "| $sc | $mode | $(fmt_s "$med") | ${r_u:-—} | ${r_s:-—} | ${r_f:-—} | ${ev:-—} | ${evs:-—} | ${rss:-—} | ${notes} |"
      [[ -n $r_u && $mode != untraced ]] && echo "$sc $mode $r_u" >>"$CHART_DATA"
    done
  done
} >"$TABLE"

# ---------------------------------------------------------------------------
# No event lost: what ttrace -e trace=none reported (last round) against
# what the workload did, with the floor's and strace's counts beside.

did_field() { sed -n "s/^did:.* $2=\([0-9]*\).*/\1/p" "$WORK/did.$1" 2>/dev/null | head -1; }
tt_count() { local f=$WORK/out/$1.ttrace_none; [[ -f $f ]] && grep -cE -- "$2" "$f"; }
floor_field() { sed -n "s/.* $2=\([0-9]*\).*/\1/p" "$WORK/err/$1.floor_cont" 2>/dev/null | tail -1; }
st_count() { local f=$WORK/out/$1.strace_seccomp_none; [[ -f $f ]] && grep -cE -- "$2" "$f"; }

CHECK=$WORK/check.md
ALL_OK=1
{
  echo "| scenario | count | workload did | expected | ttrace -e trace=none | floor_cont | strace --seccomp-bpf -e trace=none | verdict |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  check_row() { # scenario what did expected ttrace floor strace
    local v=OK
    if [[ -z $5 || $5 != "$4" ]]; then v="**MISMATCH**"; ALL_OK=0; fi
    echo "| $1 | $2 | ${3:-—} | $4 | ${5:-—} | ${6:-—} | ${7:-—} | $v |"
  }
  for sc in $SCENARIOS; do
    [[ -f $WORK/out/$sc.ttrace_none && $sc != startup ]] || continue
    threads=$(did_field "$sc" threads); forks=$(did_field "$sc" forks)
    signals=$(did_field "$sc" signals); stops=$(did_field "$sc" stops)
    [[ -z $threads ]] && { echo "| $sc | did: line missing | | | | | | **MISMATCH** |"; ALL_OK=0; continue; }
    created_t=$(tt_count "$sc" '\+\+\+ created thread ')
    created_p=$(tt_count "$sc" '\+\+\+ created process ')
    execs=$(tt_count "$sc" '\+\+\+ exec ')
    exits=$(tt_count "$sc" '\+\+\+ (exited with|killed by) ')
    f_clone=$(floor_field "$sc" clone); f_fork=$(floor_field "$sc" fork); f_vfork=$(floor_field "$sc" vfork)
    f_created=""; [[ -n $f_clone ]] && f_created=$((f_clone + f_fork + f_vfork))
    check_row "$sc" "threads created" "$threads" "$threads" "$created_t" "$f_clone" ""
    check_row "$sc" "processes created" "$forks" "$forks" "$created_p" "$((${f_fork:-0} + ${f_vfork:-0}))" ""
    want_execs=$((forks + 1))
    [[ $sc == stop_cont_storm ]] && want_execs=1  # its child does not exec
    check_row "$sc" "execs" "" "$want_execs" "$execs" "$(floor_field "$sc" exec)" ""
    check_row "$sc" "thread exits" "" "$((threads + forks + 1))" "$exits" "$(floor_field "$sc" exit)" "$(st_count "$sc" '\+\+\+ (exited with|killed by) ')"
    case $sc in
      signal_storm)
        check_row "$sc" "SIGUSR1+SIGUSR2 delivered" "$signals" "$signals" "$(tt_count "$sc" '--- SIGUSR[12] ')" "$(floor_field "$sc" signal)" "$(st_count "$sc" '--- SIGUSR[12] ')" ;;
      fork_exec_storm)
        check_row "$sc" "SIGCHLD delivered" "" "$forks" "$(tt_count "$sc" '--- SIGCHLD ')" "$(floor_field "$sc" signal)" "$(st_count "$sc" '--- SIGCHLD ')" ;;
      stop_cont_storm)
        check_row "$sc" "SIGSTOP+SIGCONT delivered" "$signals" "$signals" "$(tt_count "$sc" '--- SIG(STOP|CONT) ')" "" "$(st_count "$sc" '--- SIG(STOP|CONT) ')"
        check_row "$sc" "group-stops" "$stops" "$stops" "$(tt_count "$sc" '--- stopped by ')" "$(floor_field "$sc" group_stop)" "$(st_count "$sc" '--- stopped by ')"
        check_row "$sc" "continues" "$stops" "$stops" "$(tt_count "$sc" '--- continued ---')" "" ""
        echo "| $sc | SIGCHLD delivered (info: standard signals may merge) | | ≤ $((2 * stops + 1)) | $(tt_count "$sc" '--- SIGCHLD ') | | $(st_count "$sc" '--- SIGCHLD ') | |" ;;
    esac
  done
  # Full syscall tracing: every getppid of the syscall storm.
  if [[ " $SCENARIOS " == *" syscall_storm "* ]]; then
    want=$(((SYSCALL_N + 1) / 2))
    for mode in ttrace_text strace_full; do
      f=$WORK/out/syscall_storm.$mode
      [[ -f $f ]] || continue
      # A call may be split ("getppid( <unfinished ...>" then "<... getppid
      # resumed>) = 1") when it took long (ttrace announces calls in progress
      # after 5 ms): count complete lines and resumed halves.
      got=$(grep -cE '^([0-9]+ +|\[pid +[0-9]+\] )?(getppid\(\) |<\.\.\. getppid resumed>)' "$f")
      v=OK; [[ $got != "$want" ]] && { v="**MISMATCH**"; ALL_OK=0; }
      echo "| syscall_storm | getppid() calls in $mode | $SYSCALL_N syscalls | $want | $got | | | $v |"
    done
  fi
} >"$CHECK"

# ---------------------------------------------------------------------------
# Micro-benchmarks (items/s = events, statuses or table operations per s).

MICRO_TABLE=$WORK/micro.md
: >"$MICRO_TABLE"
declare -A IPS
if [[ $MICRO == 1 ]]; then
  log "== micro-benchmarks (--benchmark_min_time=$MICRO_MIN_TIME, $MICRO_REPS repetitions)"
  {
    echo "| benchmark | time/item (ns) | items/s | bytes/s |"
    echo "|---|---:|---:|---:|"
  } >"$MICRO_TABLE"
  for bm in formatter_benchmark binary_benchmark wait_status_benchmark thread_table_benchmark; do
    [[ -x $B/$bm ]] || continue
    # Repetitions in random order, so that the machine's slow spells fall
    # on every benchmark alike (the ratios compare benchmarks); medians.
    "$B/$bm" --benchmark_min_time="$MICRO_MIN_TIME" --benchmark_format=csv \
      --benchmark_repetitions="$MICRO_REPS" \
      --benchmark_enable_random_interleaving="$( ((MICRO_REPS > 1)) && echo true || echo false)" \
      --benchmark_report_aggregates_only="$( ((MICRO_REPS > 1)) && echo true || echo false)" \
      >"$WORK/$bm.csv" 2>"$WORK/$bm.err" || { log "   $bm failed"; continue; }
    awk -F, -v bm="$bm" -v reps="$MICRO_REPS" '
      /^name,/ { for (i = 1; i <= NF; i++) col[$i] = i; next }
      !("name" in col) { next }
      {
        name = $col["name"]; gsub(/"/, "", name)
        if (reps > 1 && !sub(/_median$/, "", name)) next
        ips = $col["items_per_second"]; bps = $col["bytes_per_second"]
        t = (ips > 0) ? sprintf("%.1f", 1e9 / ips) : ""
        printf "| %s %s | %s | %s | %s |\n", bm, name, t,
          (ips > 0 ? sprintf("%.3g M", ips / 1e6) : ""),
          (bps >= 1e9 ? sprintf("%.1f GB", bps / 1e9) : (bps > 0 ? sprintf("%.0f MB", bps / 1e6) : ""))
        print bm "|" name "\t" ips > "/dev/stderr"
      }' "$WORK/$bm.csv" 2>>"$WORK/ips.txt" | sort >>"$MICRO_TABLE"
  done
  while IFS=$'\t' read -r k v; do IPS[$k]=$v; done <"$WORK/ips.txt"
fi

# ---------------------------------------------------------------------------
# The binary record's size beside the text output, on real programs.

SIZE_TABLE=$WORK/record_size.md
if [[ $MICRO == 1 ]]; then
  log "== record size (bench/record_size.sh)"
  taskset -c "$CPU" bash "$ROOT/bench/record_size.sh" "$B/ttrace" >"$SIZE_TABLE" 2>"$WORK/record_size.err" ||
    log "   record_size.sh failed"
fi

# ---------------------------------------------------------------------------
# Targets (issue 5).

TARGETS_MD=$WORK/targets.md
verdict() { # value op limit -> met / NOT met / n/a
  [[ -z $1 ]] && { echo "n/a (not measured)"; return; }
  awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
    ok = (op == "<=") ? (v <= l) : (v >= l)
    print (ok ? "met" : "**NOT met**") }'
}
{
  echo "| target | measured | verdict |"
  echo "|---|---:|---|"
  for sc in thread_storm signal_storm fork_exec_storm stop_cont_storm; do
    r=$(ratio "${MED[$sc|ttrace_none]:-}" "${MED[$sc|floor_cont]:-}")
    echo "| $sc: \`-e trace=none\` ≤ 1.15× floor_cont | ${r:-—}× | $(verdict "$r" '<=' 1.15) |"
  done
  r=$(ratio "${MED[thread_storm|ttrace_none]:-}" "$(best_strace_none thread_storm)")
  echo "| thread_storm: \`-e trace=none\` ≤ 0.25× strace's best equivalent | ${r:-—}× | $(verdict "$r" '<=' 0.25) |"
  r=$(ratio "${MED[syscall_storm|ttrace_text]:-}" "${MED[syscall_storm|strace_full]:-}")
  echo "| syscall_storm: full syscalls, text to a file ≤ 0.8× \`strace -f -o FILE\` | ${r:-—}× | $(verdict "$r" '<=' 0.8) |"
  r=$(ratio "${MED[syscall_storm|ttrace_binary]:-}" "${MED[syscall_storm|floor_syscall]:-}")
  echo "| syscall_storm: full syscalls, binary ≤ 1.1× floor_syscall | ${r:-—}× | $(verdict "$r" '<=' 1.1) |"
  r=$(ratio "${MED[syscall_storm_long|ttrace_process]:-}" "${MED[syscall_storm_long|untraced]:-}")
  echo "| syscall_storm_long: narrow filter (\`-e trace=%process\`) ≤ 1.1× untraced | ${r:-—}× | $(verdict "$r" '<=' 1.1) |"
  r=$(ratio "${IPS[binary_benchmark|BM_EncodeBinary/delta_args:1/mix:2]:-}" \
    "${IPS[binary_benchmark|BM_EncodeText/timestamps:0/mix:2]:-}")
  echo "| binary encoding ≥ 10× text formatting (events/s, micro-benchmark, syscalls and thread events as the engine emits them: common calls captured) | ${r:-—}× | $(verdict "$r" '>=' 10) |"
  r=$(ratio "${IPS[binary_benchmark|BM_EncodeBinary/delta_args:1/mix:0]:-}" \
    "${IPS[binary_benchmark|BM_EncodeText/timestamps:0/mix:0]:-}")
  echo "| (same, every call's arguments as text) | ${r:-—}× | $(verdict "$r" '>=' 10) |"
  r=$(ratio "${IPS[binary_benchmark|BM_EncodeBinary/delta_args:1/mix:1]:-}" \
    "${IPS[binary_benchmark|BM_EncodeText/timestamps:0/mix:1]:-}")
  echo "| (same, thread events only) | ${r:-—}× | $(verdict "$r" '>=' 10) |"
  for m in ttrace_none ttrace_text; do
    k=${HWM[live_threads|$m]:-}
    mib=""; [[ -n $k ]] && mib=$(awk -v k="$k" 'BEGIN {printf "%.1f", k / 1024}')
    echo "| peak RSS of ttrace ($m) with $LIVE_THREADS live threads ≤ 16 MiB | ${mib:-—} MiB | $(verdict "$mib" '<=' 16) |"
  done
  for m in strace_none strace_full; do
    k=${HWM[live_threads|$m]:-}
    [[ -n $k ]] && echo "| (reference) peak RSS of $m with $LIVE_THREADS live threads | $(awk -v k="$k" 'BEGIN {printf "%.1f", k / 1024}') MiB | |"
  done
  echo "| no event lost (the check table below) | | $([[ $ALL_OK == 1 ]] && echo met || echo '**NOT met**') |"
} >"$TARGETS_MD"

# ---------------------------------------------------------------------------
# The chart.

awk -f "$ROOT/bench/chart.awk" "$CHART_DATA" >"$SVG.tmp" && mv "$SVG.tmp" "$SVG"

# ---------------------------------------------------------------------------
# The report.

svg_link=$(realpath --relative-to="$(dirname "$OUT")" "$SVG" 2>/dev/null || echo "$SVG")
{
  echo "# ttrace performance"
  echo
  echo "Generated by \`$( ((QUICK)) && echo "QUICK=1 ")bash bench/compare.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Re-run it to reproduce;"
  echo "see the comment at the top of bench/compare.sh for the knobs."
  ((QUICK)) && echo && echo "**QUICK mode: small sizes, few rounds — a smoke test, not a measurement.**"
  echo
  echo "## Machine"
  echo
  echo "- CPUs: $(nproc --all) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- kernel: $(uname -r)"
  echo "- load average (1, 5, 15 min) when the runs started: $LOAD_START; when they ended: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine makes the numbers noisy)"
  echo "- memory: $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
  echo "- $("$TTRACE" -V 2>/dev/null | head -1); $(strace -V 2>/dev/null | head -1); $(perf version 2>/dev/null | head -1)"
  echo "- ttrace modes detected: full syscalls $( ((HAVE_TT_SYSCALLS)) && echo yes || echo no), JSON $( ((HAVE_TT_JSON)) && echo yes || echo no), binary $( ((HAVE_TT_BINARY)) && echo yes || echo no), \`-e trace=%process\` $( ((HAVE_TT_PROCESS)) && echo yes || echo no); modes that are not available are left out of the table."
  echo
  echo "## Method"
  echo
  echo "Everything (this script, every tracer and every workload) is pinned to CPU $CPU with \`taskset\`: tracer and tracee share one CPU,"
  echo "which makes the ptrace round trip steady on 2-vCPU machines. Each scenario runs every mode once per round,"
  echo "interleaved (A B C … A B C …), for $ROUNDS rounds; the table shows medians. Wall time is measured around the"
  echo "command with bash's \`EPOCHREALTIME\`. The tracer's peak RSS is its own VmHWM, recorded at its exit by"
  echo "\`bench/tools/vmhwm_preload.so\` (LD_PRELOADed into the tracer only; \`/usr/bin/time\`'s %M would include the traced program,"
  echo "whose peak the tracer's rusage absorbs when it reaps it); the largest over the rounds is shown. Events are the lines of"
  echo "the output file (last round), or the stops the floor counted."
  echo
  echo "Ratios: \`× untraced\` = wall / untraced wall; \`× strace equiv.\` = wall / wall of strace doing the same job"
  echo "(full: \`strace -f -o FILE\`; \`-e trace=none\`: the faster of \`strace -f -e trace=none\` and \`strace -f --seccomp-bpf -e trace=none\`;"
  echo "\`%process\`: \`strace -f --seccomp-bpf -e trace=%process\`); \`× floor\` = wall / wall of the floor for that job"
  echo "(\`floor_cont\` for thread events only, \`floor_syscall\` for full syscalls). The floors (bench/floors) are minimal ptrace"
  echo "tracers with no output: SEIZE, the same options as ttrace, PTRACE_GET_SYSCALL_INFO / GETEVENTMSG / GETSIGINFO where a reporter needs"
  echo "them, LISTEN at group-stops, signals re-injected."
  echo
  echo "### Workloads (bench/workloads)"
  echo
  echo "| scenario | command |"
  echo "|---|---|"
  for sc in $SCENARIOS; do
    echo "| $sc | \`$(scenario_argv "$sc" | sed "s#$B/##")\` |"
  done
  echo
  echo "### Commands (FILE is the output file; the workload command follows)"
  echo
  echo "| mode | command |"
  echo "|---|---|"
  for mode in untraced ttrace_none ttrace_text ttrace_json ttrace_binary ttrace_process floor_cont floor_cont_comm floor_syscall strace_full strace_none strace_seccomp_none strace_seccomp_process ttrace_stacks strace_stacks perf_trace; do
    mode_available "$mode" || continue
    c=$(mode_command "$mode")
    echo "| $mode | \`taskset -c $CPU ${c:+$c }WORKLOAD\` |"
  done
  echo
  echo "## Results"
  echo
  cat "$TABLE"
  echo
  echo "![ratios to the untraced run]($svg_link)"
  echo
  echo "## Targets (issue 5)"
  echo
  cat "$TARGETS_MD"
  echo
  echo "## No event lost"
  echo
  echo "Counts in the last round's output of \`ttrace -f -e trace=none\` against what the workload printed"
  echo "(\"did: ...\" on stderr) and what follows from it; floor_cont's and strace's counts (other runs of the same"
  echo "workload) beside them."
  echo
  cat "$CHECK"
  if [[ -s $MICRO_TABLE ]]; then
    echo
    echo "## Micro-benchmarks"
    echo
    echo "Google Benchmark, \`--benchmark_min_time=$MICRO_MIN_TIME\`, medians of $MICRO_REPS repetitions run in random order"
    echo "(\`--benchmark_enable_random_interleaving\`), pinned to CPU $CPU. Formatters: a realistic event mix"
    echo "into memory, beside \`BM_Memcpy\` of the same byte volume (formatter_benchmark: \`/0\` mixed syscalls and thread events,"
    echo "\`/1\` thread events only; binary_benchmark: \`mix:0\` syscalls and thread events, \`mix:1\` thread events only,"
    echo "\`mix:2\` the syscalls and thread events of \`mix:0\` as the engine emits them, the common calls carrying the memory their"
    echo "decoders read (captures, rendered to text by the text and JSON benchmarks), not text)."
    echo
    cat "$MICRO_TABLE"
  fi
  if [[ -s $SIZE_TABLE ]]; then
    echo
    echo "## Binary record size"
    echo
    echo "Real programs traced once with \`ttrace -f -o TEXT --record BIN\` (bench/record_size.sh): the binary record beside"
    echo "the text of the same trace. The micro-benchmark's \`bytes_per_event\` is the same ratio on its synthetic mix."
    echo
    cat "$SIZE_TABLE"
  fi
  if [[ -f $ROOT/bench/NOTES.md ]]; then
    echo
    cat "$ROOT/bench/NOTES.md"
  fi
} >"$OUT"

cat "$TABLE"
echo
cat "$TARGETS_MD"
echo
cat "$CHECK"
log "== report: $OUT; chart: $SVG"
