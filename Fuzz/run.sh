#!/usr/bin/env bash
# Builds and runs Errata's libFuzzer targets (see Fuzz/README.md).
#
# Usage:
#   Fuzz/run.sh TARGET [SECONDS]     build TARGET, then fuzz it for SECONDS (default 60)
#   Fuzz/run.sh all [SECONDS]        the same for every target, one after the other
#   Fuzz/run.sh build TARGET|all     build only
#   Fuzz/run.sh repro TARGET FILE... run TARGET once on each FILE (a crash input), no fuzzing
#
# TARGET is one of: accept-language, locale-negotiation, jsonrpc-envelope, catalog-files, storage-response, xliff.
#
# Each target is one harness, Fuzz/<Name>Fuzzer.swift, compiled together with every
# Sources/ErrataCore/**/*.swift file (and, for jsonrpc-envelope, Sources/ErrataServer/JSONRPC/) into a single module (so internal symbols are reachable) with
# `swiftc -sanitize=fuzzer,address`. Nothing is written to the repository: everything goes under
# $ERRATA_FUZZ_OUT (default /tmp/errata-fuzz):
#   <out>/<target>/<target>        the fuzzer binary (rebuilt when a source is newer, or with ERRATA_FUZZ_REBUILD=1)
#   <out>/<target>/build.log       compiler output; <out>/<target>/src/ the source snapshot compiled
#   <out>/<target>/corpus/         working corpus: Fuzz/corpus/<target>/ seeds copied in, plus what libFuzzer adds
#   <out>/<target>/artifacts/      crash-*, timeout-*, oom-*, slow-unit-* inputs
#   <out>/<target>/fuzz.log        libFuzzer's output of the last run
#
# Exit status: 0 when every run ended without a finding; otherwise non-zero (libFuzzer's own status
# for a single target, 1 for `all`). Needs bash, a Swift 6 toolchain (`swiftc` on PATH, or
# /opt/swift/usr/bin/swiftc), and Linux (libFuzzer ships with the Linux toolchain).
# Extra libFuzzer flags can be passed in ERRATA_FUZZ_FLAGS, e.g. ERRATA_FUZZ_FLAGS="-seed=1 -jobs=1".

set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FUZZ_DIR/.." && pwd)"
OUT="${ERRATA_FUZZ_OUT:-/tmp/errata-fuzz}"
TARGETS=(accept-language locale-negotiation jsonrpc-envelope catalog-files storage-response xliff)

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# Harness file and -max_len of each target.
harness() {
    case "$1" in
    accept-language) echo AcceptLanguageFuzzer.swift ;;
    locale-negotiation) echo LocaleNegotiationFuzzer.swift ;;
    jsonrpc-envelope) echo JSONRPCEnvelopeFuzzer.swift ;;
    catalog-files) echo CatalogFilesFuzzer.swift ;;
    storage-response) echo StorageResponseFuzzer.swift ;;
    xliff) echo XLIFFFuzzer.swift ;;
    *) echo "unknown target '$1' (expected one of: ${TARGETS[*]})" >&2; exit 2 ;;
    esac
}

max_len() {
    case "$1" in
    accept-language) echo 8192 ;;     # past the 4,096-byte cut-off
    locale-negotiation) echo 1024 ;;
    jsonrpc-envelope) echo 4096 ;;
    catalog-files) echo 8192 ;;
    storage-response) echo 4096 ;;
    xliff) echo 8192 ;;
    esac
}

find_swiftc() {
    if command -v swiftc >/dev/null 2>&1; then
        command -v swiftc
    elif [ -x /opt/swift/usr/bin/swiftc ]; then
        echo /opt/swift/usr/bin/swiftc
    else
        echo "swiftc not found: put a Swift 6 toolchain on PATH" >&2
        exit 2
    fi
}

build() {
    local target="$1"
    local dir="$OUT/$target"
    local binary="$dir/$target"
    local main="$FUZZ_DIR/$(harness "$target")"
    mkdir -p "$dir"

    local sources=()
    while IFS= read -r file; do sources+=("$file"); done < <(find "$ROOT/Sources/ErrataCore" -name '*.swift' | LC_ALL=C sort)
    if [ "${#sources[@]}" -eq 0 ]; then
        echo "no sources under $ROOT/Sources/ErrataCore" >&2
        exit 2
    fi

    if [ -z "${ERRATA_FUZZ_REBUILD:-}" ] && [ -x "$binary" ]; then
        local newer
        newer="$(find "$ROOT/Sources/ErrataCore" "$ROOT/Sources/ErrataServer/JSONRPC" "$main" \( -name "*.swift" -o -type d \) -newer "$binary" | head -n 1)"
        if [ -z "$newer" ]; then
            echo "== $target: $binary is up to date"
            return 0
        fi
    fi

    local swiftc linker=()
    swiftc="$(find_swiftc)"
    # lld avoids a screenful of gold warnings about ASan symbols; gold works too.
    if [ -x "$(dirname "$swiftc")/ld.lld" ] || command -v ld.lld >/dev/null 2>&1; then linker=(-use-ld=lld); fi

    # Compile a snapshot of the sources, so that edits made while the compiler runs cannot break
    # the build; -file-prefix-map makes stack traces name the files in the repository.
    local snapshot="$dir/src"
    rm -rf "$snapshot"
    mkdir -p "$snapshot/Sources" "$snapshot/Fuzz"
    cp -R "$ROOT/Sources/ErrataCore" "$snapshot/Sources/ErrataCore"
    if [ "$target" = jsonrpc-envelope ]; then
        # The JSON-RPC envelope is the server's: compiled into the same module, its imports of Core go.
        mkdir -p "$snapshot/Sources/ErrataCore/ServerJSONRPC"
        for file in "$ROOT"/Sources/ErrataServer/JSONRPC/*.swift; do
            sed -E '/^(package |public )?import ErrataCore$/d' "$file" >"$snapshot/Sources/ErrataCore/ServerJSONRPC/$(basename "$file")"
        done
    fi
    cp "$main" "$snapshot/Fuzz/"
    sources=()
    while IFS= read -r file; do sources+=("$file"); done < <(find "$snapshot/Sources/ErrataCore" -name '*.swift' | LC_ALL=C sort)

    echo "== $target: building $binary"
    # Same language settings as the ErrataCore target in Package.swift.
    if ! (cd "$dir" && "$swiftc" \
        -sanitize=fuzzer,address -parse-as-library -O -wmo -g \
        -swift-version 6 \
        -enable-upcoming-feature ExistentialAny \
        -enable-upcoming-feature InternalImportsByDefault \
        -package-name errata -module-name ErrataCoreFuzz \
        -file-prefix-map "$snapshot=$ROOT" \
        "${linker[@]}" \
        "${sources[@]}" "$snapshot/Fuzz/$(basename "$main")" \
        -o "$binary.tmp") >"$dir/build.log" 2>&1; then
        grep -E 'error:' "$dir/build.log" >&2 || tail -n 40 "$dir/build.log" >&2
        echo "== $target: build FAILED (full log: $dir/build.log)" >&2
        exit 3
    fi
    mv -f "$binary.tmp" "$binary"
}

run() {
    local target="$1" seconds="$2"
    local dir="$OUT/$target"
    build "$target"

    mkdir -p "$dir/corpus" "$dir/artifacts"
    if [ -d "$FUZZ_DIR/corpus/$target" ]; then
        cp -n "$FUZZ_DIR/corpus/$target"/* "$dir/corpus/" 2>/dev/null || true
    fi
    local flags=(
        "-max_total_time=$seconds"
        "-max_len=$(max_len "$target")"
        -timeout=30
        -rss_limit_mb=2048
        -print_final_stats=1
        "-artifact_prefix=$dir/artifacts/"
    )
    if [ -f "$FUZZ_DIR/dict/$target.dict" ]; then flags+=("-dict=$FUZZ_DIR/dict/$target.dict"); fi
    # shellcheck disable=SC2206
    flags+=(${ERRATA_FUZZ_FLAGS:-})

    echo "== $target: fuzzing for ${seconds}s (corpus $dir/corpus, artifacts $dir/artifacts)"
    local status=0
    sanitizer_environment
    "$dir/$target" "${flags[@]}" "$dir/corpus" >"$dir/fuzz.log" 2>&1 || status=$?

    echo "== $target: libFuzzer's last lines"
    grep -E '^#[0-9]+|^Done |^stat::' "$dir/fuzz.log" | tail -n 8 || true
    if [ "$status" -ne 0 ]; then
        echo "== $target: FINDING (exit status $status); full log: $dir/fuzz.log" >&2
        grep -E 'Fatal error|ERROR: |SUMMARY|Test unit written|#[0-9]+ 0x[0-9a-f]+ in ' "$dir/fuzz.log" | head -n 30 | demangle >&2 || true
        ls -1 "$dir/artifacts" >&2 || true
    else
        echo "== $target: no finding in ${seconds}s"
    fi
    return "$status"
}

# Crash reports come from libFuzzer and ASan (symbolized, with file:line), not from Swift's own
# backtracer, which does not get along with ASan. LeakSanitizer is off: it flags the Swift
# runtime's metadata caches, not bugs.
sanitizer_environment() {
    export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
    if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
        local symbolizer
        symbolizer="$(dirname "$(find_swiftc)")/llvm-symbolizer"  # the toolchain's matches its DWARF
        if [ -x "$symbolizer" ]; then export ASAN_SYMBOLIZER_PATH="$symbolizer"; fi
    fi
}

repro() {
    local target="$1"
    shift
    build "$target"
    sanitizer_environment
    "$OUT/$target/$target" "$@" 2>&1 | demangle
}

# Swift symbol names in stack traces, readable.
demangle() {
    local demangler
    demangler="$(dirname "$(find_swiftc)")/swift-demangle"
    if [ -x "$demangler" ]; then "$demangler" --simplified; else cat; fi
}

[ $# -ge 1 ] || usage
command="$1"
shift
case "$command" in
-h | --help) usage ;;
build)
    [ $# -eq 1 ] || usage
    if [ "$1" = all ]; then for target in "${TARGETS[@]}"; do build "$target"; done; else build "$1"; fi
    ;;
repro)
    [ $# -ge 2 ] || usage
    repro "$@"
    ;;
all)
    seconds="${1:-60}"
    failed=()
    for target in "${TARGETS[@]}"; do
        run "$target" "$seconds" || failed+=("$target")
    done
    if [ "${#failed[@]}" -gt 0 ]; then
        echo "== findings in: ${failed[*]}" >&2
        exit 1
    fi
    echo "== all targets: no finding in ${seconds}s each"
    ;;
*)
    harness "$command" >/dev/null
    run "$command" "${1:-60}"
    ;;
esac
