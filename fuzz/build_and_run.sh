#!/bin/sh
# Builds the binary-stream decoder fuzzer with clang (libFuzzer + ASan +
# UBSan, against Debian's abseil) and runs it for SECONDS (default 30) on the
# corpus in fuzz/corpus/decoder. Exits non-zero if the fuzzer finds a crash,
# a sanitizer error or a failed check; the input is saved in $FUZZ_OUT.
# The seed traces (fuzz/corpus/decoder/seed-*) are written by
# fuzz/make_corpus.cc when missing: delete them to regenerate them after a
# format change.
#
#   fuzz/build_and_run.sh [SECONDS]
#
# Then does the same for the syscall argument decoders (syscall_fuzzer,
# corpus fuzz/corpus/syscall), the option parser (options_fuzzer, corpus
# fuzz/corpus/options) and the -e filter parsers (filter_fuzzer, corpus
# fuzz/corpus/filter), SECONDS each; the first failure stops the script
# with a non-zero status (see fuzz/README.md).
#
# New interesting inputs go to $FUZZ_OUT/corpus (default /tmp/ttrace-fuzz),
# and $FUZZ_OUT/corpus-options, $FUZZ_OUT/corpus-filter, not into the
# repository. To refresh the repository's corpus from a long
# run: $FUZZ_OUT/decoder_fuzzer -merge=1 fuzz/corpus/decoder $FUZZ_OUT/corpus
set -eu

cd "$(dirname "$0")/.."
seconds=${1:-30}
out=${FUZZ_OUT:-/tmp/ttrace-fuzz}
cxx=${CXX:-clang++}
corpus=fuzz/corpus/decoder
mkdir -p "$out/corpus" "$corpus"

absl_libs=$(pkg-config --libs absl_statusor absl_str_format \
  absl_flat_hash_map absl_strings absl_status)
srcs="output/binary_decoder.cc output/binary_encoder.cc
  output/json_formatter.cc output/perfetto_formatter.cc
  output/signal_names.cc output/errno_names.cc tracer/event.cc
  tracer/syscalls/format.cc tracer/syscalls/signals.cc"

echo "building $out/decoder_fuzzer" >&2
# shellcheck disable=SC2086
"$cxx" -std=c++20 -O1 -g -I. \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  fuzz/decoder_fuzzer.cc $srcs $absl_libs -o "$out/decoder_fuzzer"

if ! ls "$corpus"/seed-* >/dev/null 2>&1; then
  echo "seeding $corpus" >&2
  # shellcheck disable=SC2086
  "$cxx" -std=c++20 -O1 -I. fuzz/make_corpus.cc $srcs $absl_libs \
    -o "$out/make_corpus"
  "$out/make_corpus" "$corpus"
fi

echo "fuzzing for ${seconds}s" >&2
"$out/decoder_fuzzer" "$out/corpus" "$corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1

# What -k reads from mapped files: ELF images and .eh_frame (corpus
# fuzz/corpus/elf, seeded with the start of /bin/true).
mkdir -p "$out/corpus-elf" fuzz/corpus/elf
if [ -r /bin/true ] && ! [ -e "$out/corpus-elf/seed-true" ]; then
  head -c 65536 /bin/true >"$out/corpus-elf/seed-true"
fi
echo "building $out/elf_fuzzer" >&2
"$cxx" -std=c++20 -O1 -g -I. \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  fuzz/elf_fuzzer.cc tracer/unwind/cfi.cc tracer/unwind/elf_image.cc \
  $(pkg-config --libs absl_flat_hash_map absl_raw_hash_set absl_hash) \
  -o "$out/elf_fuzzer"
echo "fuzzing elf_fuzzer for ${seconds}s" >&2
"$out/elf_fuzzer" "$out/corpus-elf" fuzz/corpus/elf \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$out/elf-" -print_final_stats=1

# The syscall argument decoders, on any registers and tracee memory
# (corpus fuzz/corpus/syscall).
syscall_srcs="tracer/syscalls/decode_common.cc tracer/syscalls/decode_events.cc
  tracer/syscalls/decode_dump.cc tracer/syscalls/decode_fs.cc
  tracer/syscalls/decode_ipc.cc tracer/syscalls/decode_kvm.cc
  tracer/syscalls/decode_net.cc
  tracer/syscalls/decode_netlink.cc tracer/syscalls/decode_numa.cc
  tracer/syscalls/decode_misc.cc tracer/syscalls/decode_admin.cc
  tracer/syscalls/decode_i386_fs.cc tracer/syscalls/decode_i386_net.cc
  tracer/syscalls/decode_i386_proc.cc
  tracer/syscalls/decode_process.cc tracer/syscalls/decoder.cc
  tracer/syscalls/fd_details.cc tracer/syscalls/memory.cc
  tracer/syscalls/pidns.cc tracer/syscalls/capture.cc
  tracer/syscalls/filter.cc tracer/syscalls/format.cc
  tracer/syscalls/signals.cc tracer/syscalls/syscall_table.cc
  output/errno_names.cc tracer/event.cc"
mkdir -p "$out/corpus-syscall" fuzz/corpus/syscall
echo "building $out/syscall_fuzzer" >&2
# shellcheck disable=SC2086
"$cxx" -std=c++20 -O1 -g -I. \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  fuzz/syscall_fuzzer.cc $syscall_srcs $absl_libs -lseccomp \
  -o "$out/syscall_fuzzer"
echo "fuzzing syscall_fuzzer for ${seconds}s" >&2
"$out/syscall_fuzzer" "$out/corpus-syscall" fuzz/corpus/syscall \
  -max_total_time="$seconds" -max_len=4200 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$out/syscall-" -print_final_stats=1

# The option and filter parsers: ParseOptions, ParseTraceFilter,
# ParseSignalSet, ParseStatusFilter (libseccomp gives the syscall names).
filter_srcs="tracer/syscalls/filter.cc tracer/syscalls/inject.cc
  tracer/syscalls/format.cc
  tracer/syscalls/signals.cc tracer/syscalls/syscall_table.cc tracer/event.cc"
for target in options filter; do
  mkdir -p "$out/corpus-$target" "fuzz/corpus/$target"
  target_srcs=$filter_srcs
  [ "$target" = options ] && target_srcs="cli/options.cc output/summary.cc
    output/errno_names.cc $filter_srcs"
  echo "building $out/${target}_fuzzer" >&2
  # shellcheck disable=SC2086
  "$cxx" -std=c++20 -O1 -g -I. \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    "fuzz/${target}_fuzzer.cc" $target_srcs $absl_libs -lseccomp \
    -o "$out/${target}_fuzzer"
  echo "fuzzing ${target}_fuzzer for ${seconds}s" >&2
  "$out/${target}_fuzzer" "$out/corpus-$target" "fuzz/corpus/$target" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$out/${target}-" \
    -print_final_stats=1
done
