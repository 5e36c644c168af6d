#!/bin/bash
# Checks that tests/ttr_reader.py, a reader of the binary trace format written
# in Python from docs/binary-format.md alone, decodes what ttrace records of
# real processes exactly as `ttrace --decode FILE --format=json` does:
#   1. recordings of the tracees (threads, execs from a non-leader thread,
#      signals, stops, forks, attach/detach) made with options that exercise
#      the format (-f, -k, -i, -T, -y, -e inject, -e read=/write=, -c,
#      --binary-args=text);
#   2. each recording cut at many byte offsets: same events before the cut,
#      same "truncated" status (6);
#   3. corrupted recordings (bad magic, version, varint, huge lengths), the
#      hand-made traces of ttr_reader_synth.py (every flag, string mode,
#      limit and invalid value) and every file of fuzz/corpus/decoder: same
#      status, same events, never a Python traceback.
# Prints what it checked; exits non-zero at the first mismatch, showing it.
set -u

PY=/usr/bin/python3
R="${TEST_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)/..}/${TEST_WORKSPACE:-ttrace}"
if [[ ! -x "$R/cli/ttrace" ]]; then
  # Run outside Bazel from the source tree: use bazel-bin.
  R="$(cd "$(dirname "$0")/.." && pwd)"
  BIN="$R/bazel-bin"
else
  BIN="$R"
fi
TTRACE="$BIN/cli/ttrace"
TRACEES="$BIN/tests/tracees"
READER="$R/tests/ttr_reader.py"
CORPUS="$R/fuzz/corpus/decoder"
T="${TEST_TMPDIR:-$(mktemp -d)}/ttr_reader"
rm -rf "$T" && mkdir -p "$T"

fail() { echo "FAIL: $*"; exit 1; }
for f in "$TTRACE" "$READER" "$TRACEES/threads"; do
  [[ -e "$f" ]] || fail "missing $f"
done

# compare EXPECTED.jsonl ACTUAL.jsonl LABEL: the same JSON objects, in order.
cat > "$T/compare.py" <<'EOF'
import json, sys
exp_path, act_path, label = sys.argv[1:4]
def load(p):
    with open(p, "rb") as f:
        data = f.read()
    return data, [json.loads(l) for l in data.splitlines()]
eb, exp = load(exp_path)
ab, act = load(act_path)
patched = False
for i, (e, a) in enumerate(zip(exp, act)):
    # A captured call: the reader does not decode its arguments.
    if a.get("ev") == "syscall" and a.get("args", "") is None:
        a["args"] = e.get("args")
        patched = True
    if e != a:
        print("%s: event %d differs\n  ttrace: %s\n  reader: %s"
              % (label, i, json.dumps(e), json.dumps(a)))
        sys.exit(1)
if len(exp) != len(act):
    print("%s: ttrace decoded %d events, the reader %d; first extra: %s"
          % (label, len(exp), len(act),
             json.dumps((exp + act)[min(len(exp), len(act))])))
    sys.exit(1)
sys.exit(0 if patched or eb == ab else 3)
EOF

# check FILE LABEL [EXPECTED_STATUS]: ttrace --decode and the reader agree on
# FILE (events and exit status; the reader never prints a traceback).
BYTE_IDENTICAL=0
NOT_IDENTICAL=()
CHECKED=0
check() {
  local file="$1" label="$2" want="${3:-}"
  "$TTRACE" --decode="$file" --format=json > "$T/exp.jsonl" 2> "$T/exp.err"
  local es=$?
  "$PY" "$READER" "$file" > "$T/act.jsonl" 2> "$T/act.err"
  local as=$?
  if grep -q Traceback "$T/act.err"; then
    cat "$T/act.err"; fail "$label: the reader raised an exception"
  fi
  [[ $(wc -l < "$T/act.err") -le 1 ]] || {
    cat "$T/act.err"; fail "$label: more than one line on stderr"; }
  if [[ $es -ne $as ]]; then
    echo "ttrace: $(cat "$T/exp.err")"; echo "reader: $(cat "$T/act.err")"
    fail "$label: ttrace exits $es, the reader $as"
  fi
  if [[ -n "$want" && $as -ne $want ]]; then
    fail "$label: status $as, expected $want ($(cat "$T/act.err"))"
  fi
  "$PY" "$T/compare.py" "$T/exp.jsonl" "$T/act.jsonl" "$label"
  case $? in
    0) BYTE_IDENTICAL=$((BYTE_IDENTICAL + 1)) ;;
    3) NOT_IDENTICAL+=("$label") ;;
    *) fail "$label: events differ" ;;
  esac
  CHECKED=$((CHECKED + 1))
  LAST_STATUS=$as
  LAST_EVENTS=$(wc -l < "$T/exp.jsonl")
}

# record NAME TTRACE-ARGS... -- TRACEE ARGS...: records a real run.
RECORDINGS=()
record() {
  local name="$1"; shift
  local out="$T/$name.ttr"
  local opts=()
  while [[ "$1" != "--" ]]; do opts+=("$1"); shift; done
  shift
  local args=(--record="$out" -o /dev/null)
  [[ "$name" == bin-* ]] && args=(--format=binary -o "$out")
  (cd "$T" && exec "$TTRACE" "${args[@]}" "${opts[@]}" "$@") \
    > /dev/null 2> "$T/$name.stderr" &
  local tt=$!
  if [[ -n "${CONT:-}" ]]; then
    # The tracee stops itself with SIGSTOP: continue it from outside (again
    # and again, as a SIGCONT that comes before the SIGSTOP is lost).
    while kill -0 "$tt" 2> /dev/null; do
      sleep 0.2
      for c in $(pgrep -P "$tt"); do kill -CONT "$c" 2> /dev/null; done
    done
  fi
  { wait "$tt"; } 2> /dev/null  # no "Segmentation fault" noise
  [[ -s "$out" ]] || { cat "$T/$name.stderr"; fail "$name: no recording"; }
  check "$out" "$name" 0
  echo "ok   $name: $LAST_EVENTS events ($(stat -c %s "$out") bytes)"
  RECORDINGS+=("$out")
}

echo "== recordings of real processes, decoded by ttrace and by the reader"
record threads-k -f -k -T -y -- "$TRACEES/threads" threads 3 7
record threads-clone-all -f -i -- "$TRACEES/threads" clone_all
record bin-threads-exit-group -f -- "$TRACEES/threads" threads_exit_group 3 9
record bin-leader-exit -f -T -- "$TRACEES/threads" leader_exit 3 11
record exec-nonleader -f -k -y -- "$TRACEES/execs" exec_nonleader 2
record bin-exec-chain -f -i -- "$TRACEES/execs" fork_exec_chain 3
record exec-leader -f -y -- "$TRACEES/execs" exec_leader /bin/true true a b
record signals-tkill -f -k -i -- "$TRACEES/signals" tkill_self
record signals-segv -f -k -i -- "$TRACEES/signals" segv
record bin-signals-abort -f -- "$TRACEES/signals" abort
record signals-thread -f -T -- "$TRACEES/signals" thread_signal
record bin-signals-count -f -- "$TRACEES/signals" count 20
record signals-kill9 -f -- "$TRACEES/signals" kill_self_9 3
CONT=1 record stops-self -f -k -- "$TRACEES/stops" stop_self
CONT=1 record bin-stops-threads -f -i -- "$TRACEES/stops" threads_stop 3
record stops-child -f -- "$TRACEES/stops" child_stop_cont 2
record forks -f -y -T -- "$TRACEES/forks" fork 3
record bin-vfork-exec -f -k -- "$TRACEES/forks" vfork_exec
record inject-fault -f -e fault=access -e inject=getpid:retval=7 \
  -- "$TRACEES/execs" exit 3
record inject-delay -f -T -e inject=exit_group:delay_enter=1000 \
  -e inject=write:signal=SIGUSR2:when=1 -- "$TRACEES/signals" count 3
record dump -f -e read=all -e write=all -y -- "$TRACEES/execs" \
  exec_leader /bin/sh sh -c 'echo hello; cat /etc/hostname'
record summary -f -c -- "$TRACEES/forks" fork 3
record none -f -e trace=none -- "$TRACEES/threads" clone_all
# --binary-args=text: every argument recorded as text, which the reader
# shows (no null arguments of captured calls).
record bin-text-args -f -T --binary-args=text -- "$TRACEES/threads" threads 3 7
! grep -q '"args":null' "$T/act.jsonl" ||
  fail "bin-text-args: the reader shows arguments as null"
grep -q '"name":"openat","args":"AT_FDCWD, \\"' "$T/act.jsonl" ||
  fail "bin-text-args: no openat with its path in $(head -c 2000 "$T/act.jsonl")"

# Attach to a running process, then detach (Ctrl-C): attach, detach and
# syscalls in progress when ttrace detached.
"$TRACEES/busy" 3 "$T/busy.pid" > /dev/null 2>&1 &
BUSY=$!
for _ in $(seq 100); do [[ -s "$T/busy.pid" ]] && break; sleep 0.05; done
"$TTRACE" -f -p "$BUSY" --record="$T/attach.ttr" -o /dev/null 2> /dev/null &
TT=$!
sleep 0.5
kill -INT "$TT"; { wait "$TT"; } 2> /dev/null
kill -TERM "$BUSY"; wait "$BUSY" 2> /dev/null
check "$T/attach.ttr" attach 0
echo "ok   attach: $LAST_EVENTS events"
RECORDINGS+=("$T/attach.ttr")

echo "== recordings cut at many byte offsets: truncated (6), same events"
CUTS=0
for f in "$T/threads-k.ttr" "$T/bin-exec-chain.ttr" "$T/signals-segv.ttr" \
         "$T/bin-stops-threads.ttr" "$T/dump.ttr"; do
  size=$(stat -c %s "$f")
  step=$(( size / 60 + 1 ))
  offsets=$(seq 0 "$step" $((size - 1)); seq 0 40; seq $((size - 12)) $((size - 1)))
  for n in $(echo "$offsets" | sort -un); do
    (( n >= 0 && n < size )) || continue
    head -c "$n" "$f" > "$T/cut.ttr"
    check "$T/cut.ttr" "$(basename "$f") cut at $n" 6
    CUTS=$((CUTS + 1))
  done
  echo "ok   $(basename "$f"): $size bytes"
done
echo "ok   $CUTS cuts"

echo "== corrupted recordings: same status and events"
src="$T/threads-k.ttr"
size=$(stat -c %s "$src")
corrupt() {  # corrupt LABEL STATUS PYTHON-STATEMENTS-ON-d
  "$PY" -c "
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
def uv(p):
    v = s = 0
    while True:
        b = d[p]; p += 1; v |= (b & 0x7f) << s; s += 7
        if b < 128: return v, p
n, p = uv(9)
header_end = p + n
mid = p = header_end
while p < len(d) // 2:  # the first record boundary past the middle
    _, q = uv(p); n, q = uv(q); p = mid = q + n
$3
open(sys.argv[2], 'wb').write(d)" "$src" "$T/bad.ttr"
  check "$T/bad.ttr" "$1" "$2"
  echo "ok   $1: status $LAST_STATUS, $LAST_EVENTS events before"
}
corrupt "bad magic" 7 "d[0] = 0x88"
corrupt "version 2" 7 "d[8] = 2"
corrupt "huge header length" 7 "d[9:header_end] = b'\\xff\\xff\\xff\\xff\\x0f'"
corrupt "11-byte varint" 7 "d[mid:] = b'\\x10' + b'\\xff' * 11 + b'\\x01'"
corrupt "huge record length" 7 "d[mid:] = b'\\x10\\xff\\xff\\xff\\xff\\x0f'"
corrupt "record type 0" 7 "d[mid:] = b'\\x00\\x00'"
corrupt "field past the record's end" 7 "d[mid:] = b'\\x10\\x02\\x00\\x80'"
corrupt "data after end" 7 "d += b'\\x03\\x00'"
corrupt "unknown record types" 0 \
  "d[mid:mid] = b'\\x03\\x02ab\\x1b\\x00\\x80\\x01\\x01\\x8f\\x05\\x00'"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
  corrupt "byte flipped at $((size * i / 13))" "" "d[$((size * i / 13))] ^= 0x5a"
done

echo "== hand-made traces (tests/ttr_reader_synth.py): the format's corners"
"$PY" "$R/tests/ttr_reader_synth.py" "$T/synth" || fail "ttr_reader_synth.py"
SYNTH=0
for f in "$T/synth"/*.ttr; do
  name=$(basename "$f" .ttr)
  case $name in
    bad-*) want=7 ;;
    cut-*) want=6 ;;
    *) want=0 ;;
  esac
  check "$f" "synthetic $name" "$want"
  SYNTH=$((SYNTH + 1))
done
echo "ok   $SYNTH hand-made traces"

echo "== fuzz/corpus/decoder"
for f in "$CORPUS"/*; do
  check "$f" "corpus $(basename "$f")"
  echo "ok   $(basename "$f"): status $LAST_STATUS, $LAST_EVENTS events"
done

echo "== from stdin"
"$PY" "$READER" - < "${RECORDINGS[0]}" > "$T/stdin.jsonl" || fail "stdin"
"$TTRACE" --decode="${RECORDINGS[0]}" --format=json > "$T/exp.jsonl"
"$PY" "$T/compare.py" "$T/exp.jsonl" "$T/stdin.jsonl" stdin
rc=$?
[[ $rc == 0 || $rc == 3 ]] || fail stdin
echo "ok   stdin"

echo "PASS: $CHECKED files compared (${#RECORDINGS[@]} recordings, $CUTS cuts);" \
  "$BYTE_IDENTICAL of them byte-identical to ttrace's JSON"
for l in "${NOT_IDENTICAL[@]}"; do
  echo "     same objects but not the same bytes: $l"
done
