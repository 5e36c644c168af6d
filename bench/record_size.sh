#!/usr/bin/env bash
# bench/record_size.sh: how big ttrace's binary record (--record) is beside
# its text output, for the same trace of real programs. Each program is
# traced once with `-f -o TEXT --record BIN` (one run writes both, so both
# hold the same events), and the table gives the two sizes and their ratio.
#
#   bash bench/record_size.sh [TTRACE]   # TTRACE: a ttrace binary
#                                        # (default: bazel-bin/cli/ttrace)
#
# Prints a Markdown table on stdout. The programs are ones any Debian 12
# machine set up with scripts/setup.sh has; what they read (the system's
# files) differs from machine to machine, so the sizes do too.
set -uo pipefail
export LC_ALL=C

cd "$(dirname "$0")/.."
TTRACE=${1:-bazel-bin/cli/ttrace}
if [[ ! -x $TTRACE ]]; then
  echo "record_size: no ttrace binary at $TTRACE (bazel build -c opt //cli:ttrace)" >&2
  exit 2
fi
WORK=$(mktemp -d /tmp/ttrace-record-size.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
printf 'int main() { return 0; }\n' >"$WORK/x.cc"

# The programs, one argv each.
program() {
  case $1 in
    0) argv=(ls -laR /usr/include/linux) ;;
    1) argv=(du -s /usr/lib) ;;
    2) argv=(find /usr/include -name '*.h' -newer /etc/hostname) ;;
    3) argv=(tar cf /dev/null /usr/include/linux) ;;
    4) argv=(python3 -c 'import json, email, http.client') ;;
    5) argv=(sh -c 'seq 100000 | sort -rn | head -1') ;;
    6) argv=(g++ -O2 -c "$WORK/x.cc" -o "$WORK/x.o") ;;
    *) return 1 ;;
  esac
}

echo "| program (traced with \`-f\`) | events | text bytes | binary bytes | binary / text |"
echo "|---|---:|---:|---:|---:|"
total_text=0
total_bin=0
for ((i = 0; ; ++i)); do
  program "$i" || break
  "$TTRACE" -f -o "$WORK/text" --record="$WORK/bin" -- "${argv[@]}" \
    >/dev/null 2>"$WORK/err" </dev/null
  text=$(stat -c %s "$WORK/text")
  bin=$(stat -c %s "$WORK/bin")
  events=$("$TTRACE" --decode "$WORK/bin" --format=json | wc -l)
  total_text=$((total_text + text))
  total_bin=$((total_bin + bin))
  p="${argv[*]//$WORK/WORK}"
  awk -v p="${p//|/\\|}" -v e="$events" -v t="$text" -v b="$bin" \
    'BEGIN { printf "| `%s` | %d | %d | %d | %.2f |\n", p, e, t, b, b / t }'
done
awk -v t="$total_text" -v b="$total_bin" \
  'BEGIN { printf "| all | | %d | %d | %.2f |\n", t, b, b / t }'
