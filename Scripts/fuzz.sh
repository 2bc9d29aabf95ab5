#!/usr/bin/env bash
# Fuzzes the readers and the cell normaliser with libFuzzer (`make fuzz`).
#
# SwiftPM cannot build a libFuzzer executable, so this compiles the modules itself, each instrumented with
# `-sanitize=fuzzer,address`: ZIPFoundation (from a SwiftPM checkout), RegTrackerCore, RegTrackerIO, then one
# executable per target from Tests/Fuzz (Support.swift, FuzzRead.swift, FuzzCells.swift + Targets/<name>.swift).
# Everything goes to .build-fuzz/. Each target runs FUZZ_SECONDS (default 60) on a working corpus seeded from
# Tests/Fuzz/seeds/<target> and Tests/Fuzz/regressions/<target>; an input that crashes, hangs (FUZZ_TIMEOUT s,
# default 10) or runs out of memory (FUZZ_RSS_MB, default 2048) is copied to Tests/Fuzz/regressions/<target>/,
# which `make test` replays (Tests/RegTrackerIOTests/FuzzRegressionTests.swift), and the script exits 1.
#
#   Scripts/fuzz.sh                 build, then run every target
#   Scripts/fuzz.sh build           build only
#   Scripts/fuzz.sh csv xlsx        build, then run these targets
#   FUZZ_SECONDS=600 FUZZ_JOBS=2 Scripts/fuzz.sh xlsx
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(csv spreadsheetml ooxml-sheet xlsx xls cell)
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}
FUZZ_JOBS=${FUZZ_JOBS:-1}
SWIFTC=${SWIFTC:-swiftc}
OUT=.build-fuzz
FUZZ=Tests/Fuzz

# ZIPFoundation's sources: any SwiftPM checkout of this package will do; resolve one when there is none.
zip_checkout() {
    local found
    found=$(ls -d .build/checkouts/ZIPFoundation .build-*/checkouts/ZIPFoundation 2>/dev/null | head -n 1 || true)
    if [ -z "$found" ]; then
        swift package resolve >&2
        found=.build/checkouts/ZIPFoundation
    fi
    echo "$found"
}
ZIP=$(zip_checkout)

FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$OUT/modules"
    -I Sources/CLibXML2 -I Sources/COpenSSL -I "$ZIP/Sources/CZLib"
    $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g'))

# Builds module $1 (Swift language mode $2) from the .swift files under $3 into one object, unless the object is
# newer than those sources and than the objects of the modules it imports ($4…).
build_module() {
    local name=$1 mode=$2 folder=$3
    shift 3
    local object="$OUT/objects/$name.o" stale=no dependency
    [ -f "$object" ] || stale=yes
    [ $stale = no ] && [ -n "$(find "$folder" -name '*.swift' -newer "$object" | head -n 1)" ] && stale=yes
    for dependency in "$@"; do [ "$OUT/objects/$dependency.o" -nt "$object" ] && stale=yes; done
    [ $stale = yes ] || return 0
    echo "fuzz: compiling $name" >&2
    find "$folder" -name '*.swift' -print0 | sort -z | xargs -0 "$SWIFTC" "${FLAGS[@]}" -swift-version "$mode" \
        -module-name "$name" -wmo -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
        -Xcc -D_GNU_SOURCE=1 -c -o "$object"
}

build() {
    mkdir -p "$OUT/modules" "$OUT/objects" "$OUT/bin"
    build_module ZIPFoundation 5 "$ZIP/Sources/ZIPFoundation"
    build_module RegTrackerCore 6 Sources/RegTrackerCore
    build_module RegTrackerIO 6 Sources/RegTrackerIO RegTrackerCore ZIPFoundation
    local target source
    for target in "${ALL_TARGETS[@]}"; do
        source=$(target_source "$target")
        echo "fuzz: linking fuzz-$target" >&2
        "$SWIFTC" "${FLAGS[@]}" -swift-version 6 -module-name "Fuzz_${target//-/_}" \
            "$FUZZ/Support.swift" "$FUZZ/FuzzRead.swift" "$FUZZ/FuzzCells.swift" "$FUZZ/Targets/$source" \
            "$OUT"/objects/*.o -use-ld=lld -lxml2 -lcrypto -lz -o "$OUT/bin/fuzz-$target"
    done
}

target_source() {
    case $1 in
        csv) echo CSVTarget.swift ;;
        spreadsheetml) echo SpreadsheetMLTarget.swift ;;
        ooxml-sheet) echo OOXMLSheetTarget.swift ;;
        xlsx) echo XLSXTarget.swift ;;
        xls) echo XLSTarget.swift ;;
        cell) echo CellTarget.swift ;;
        *) echo "fuzz: unknown target $1 (targets: ${ALL_TARGETS[*]})" >&2; exit 64 ;;
    esac
}

# Runs one target for FUZZ_SECONDS; copies what it finds into the regression corpus. Returns 1 on a finding.
run_target() {
    local target=$1
    local corpus="$OUT/corpus/$target" artifacts="$OUT/artifacts/$target" log="$OUT/logs/$target.log"
    local dictionary=() parallel=()
    # -jobs makes libFuzzer write fuzz-N.log files in the current folder: only when asked for.
    [ "$FUZZ_JOBS" -gt 1 ] && parallel=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
    mkdir -p "$corpus" "$artifacts" "$OUT/logs" "$FUZZ/regressions/$target"
    rm -f "$artifacts"/*  # findings of earlier runs are in the regression corpus already
    case $target in spreadsheetml | ooxml-sheet | xlsx) dictionary=(-dict="$FUZZ/xml.dict") ;; esac
    echo "fuzz: $target for ${FUZZ_SECONDS}s (log $log)" >&2
    local status=0
    # The Swift backtracer would report a trap as a crash in its own memory server; libFuzzer's report is clearer.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$OUT/bin/fuzz-$target" \
        -max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB" \
        -max_len=65536 -print_final_stats=1 -detect_leaks=0 "${dictionary[@]}" \
        "${parallel[@]}" -artifact_prefix="$artifacts/" \
        "$corpus" "$FUZZ/seeds/$target" "$FUZZ/regressions/$target" >"$log" 2>&1 || status=$?
    [ "$FUZZ_JOBS" -gt 1 ] && cat fuzz-*.log >>"$log" 2>/dev/null && rm -f fuzz-*.log
    grep -E '^#[0-9]+ +(DONE|pulse)|^stat::' "$log" | tail -n 8 >&2 || true
    local found=0 artifact
    for artifact in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
        [ -e "$artifact" ] || continue
        cp "$artifact" "$FUZZ/regressions/$target/"
        echo "fuzz: $target FOUND $(basename "$artifact") -> $FUZZ/regressions/$target/" >&2
        found=1
    done
    if [ $found -eq 1 ] || [ $status -ne 0 ]; then
        echo "fuzz: $target failed (exit $status); see $log" >&2
        return 1
    fi
}

build
[ "${1:-}" = build ] && exit 0
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${ALL_TARGETS[@]}")
failed=()
for target in "${targets[@]}"; do
    target_source "$target" >/dev/null
    run_target "$target" || failed+=("$target")
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in ${failed[*]}; the inputs are in $FUZZ/regressions/ (replayed by make test)" >&2
    exit 1
fi
echo "fuzz: no findings in ${targets[*]}" >&2
