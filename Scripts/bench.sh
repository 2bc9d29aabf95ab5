#!/usr/bin/env bash
# The benchmark of issue 5 (`make bench`): regtracker side by side with reference tools on generated data.
#
# Usage: Scripts/bench.sh BIN
#   BIN is a release build of regtracker (make bench builds .build/release/regtracker first); this script builds
#   nothing. It generates fictional lists into a temporary folder (removed on exit), times every pair with
#   hyperfine (medians) and /usr/bin/time -v (peak RSS), prints one Markdown table and writes it to
#   docs/benchmarks.md between the "bench:begin/end" markers (text outside them is kept).
#
# Knobs (environment), for quick trial runs; `make bench` uses the defaults:
#   BENCH_SMALL=100000 BENCH_MEDIUM=1000000 BENCH_LARGE=5000000   data sizes (rows)
#   BENCH_RUNS=3          runs a measurement gets at most
#   BENCH_CAP=120         seconds one of our import measurements may take, estimated from the 100k-row CSV
#                         import (timed first); a slower one gets fewer runs, at least 1, and so does one that
#                         would leave too little time for the 5M rows before BENCH_DEADLINE (see runs_for)
#   BENCH_BUDGET=600      seconds (from the start, generation included) after which every further
#                         measurement gets a single run, so that make bench stays under 15 minutes
#   BENCH_TIMEOUT=600     a single run taking longer is killed and reported as failed
#   BENCH_DEADLINE=870    seconds from the start by which the measuring must end (make bench must finish in
#                         15 minutes): a run is also killed when it would go past it
#   BENCH_SEED=2026       generator seed
#   BENCH_OUT=docs/benchmarks.md   where the result goes ("-" to write nothing)
#   BENCH_SKIP_CALAMINE=1 do not create the python-calamine venv
#   BENCH_FREEXL_BIN=PATH a release build of the branch `bench-freexl-scratch` (this tree plus the libfreexl reader
#                         of 60c0f8b, chosen by REGTRACKER_XLS_READER=freexl; never merged): the .xls is then imported
#                         by that one binary with each reader, the fair test of issue 16 (row "same binary")
#   BENCH_LOAD_REQUESTS=2000 BENCH_LOAD_SECONDS=30   the dashboard load (Scripts/bench/load.py) on each path
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 BIN   (a release build of regtracker; make bench builds it)" >&2
    exit 64
fi
[ -x "$1" ] || { echo "bench: $1 is not an executable; run make release first" >&2; exit 1; }
bin=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
here=$repo/Scripts/bench

small=${BENCH_SMALL:-100000}
medium=${BENCH_MEDIUM:-1000000}
large=${BENCH_LARGE:-5000000}
runs=${BENCH_RUNS:-3}
budget=${BENCH_BUDGET:-600}
cap=${BENCH_CAP:-120}
run_timeout=${BENCH_TIMEOUT:-600}
deadline=${BENCH_DEADLINE:-870}
seed=${BENCH_SEED:-2026}
out=${BENCH_OUT:-docs/benchmarks.md}
case $out in /* | -) ;; *) out=$repo/$out ;; esac

for tool in hyperfine xmllint sqlite3 sha256sum python3 timeout; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run make bench-setup" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing; run make bench-setup" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/regtracker-bench.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$work"

export REGTRACKER_TODAY=2026-06-30 # the generated lists are "as of" this date; pins validation
started=$(date +%s)
log() { printf '\n== %s (%ds)\n' "$*" $(($(date +%s) - started)) >&2; }

# Human-friendly row counts for labels: 100000 → 100k, 5000000 → 5M.
human() {
    local n=$1
    if [ $((n % 1000000)) -eq 0 ]; then echo "$((n / 1000000))M"
    elif [ $((n % 1000)) -eq 0 ]; then echo "$((n / 1000))k"
    else echo "$n"; fi
}
S=$(human "$small")
M=$(human "$medium")
L=$(human "$large")

# ---------------------------------------------------------------------------------------------- data
log "generating data into $work"
gen() { python3 "$here/generate.py" --seed "$seed" --out "$work" "$@"; }
gen --rows "$medium" --daily 5000 --name medium --formats csv,gb18030,xml,xlsx 2>"$work/gen-medium.log" &
gen_medium=$!
gen --rows "$large" --name large --formats csv 2>"$work/gen-large.log" &
gen_large=$!
gen --rows "$small" --name small --formats csv,xlsx 2>"$work/gen-small.log"
gen --rows 5000 --name daily --formats csv 2>"$work/gen-daily.log"
wait "$gen_medium"
wait "$gen_large"
cat "$work"/gen-*.log >&2
# The 100k-row .xls: LibreOffice converts the generated .xlsx (about 20 s), when it is installed.
xls_note=
if command -v soffice >/dev/null 2>&1; then
    (cd "$work" && HOME="$work/soffice-home" timeout 600 soffice --headless --convert-to 'xls:MS Excel 97' small.xlsx \
        >"$work/soffice.log" 2>&1) || true
fi
[ -f "$work/small.xls" ] || xls_note="skipped: soffice could not convert small.xlsx to .xls (make test-setup installs it)"
# The libfreexl reference for the .xls (issue 16: no slower than the libfreexl reader regtracker had before),
# compiled against Debian's libfreexl-dev (make bench-setup installs it).
freexl_note=
if ! cc -O2 -o "$work/freexl_read" "$here/freexl_read.c" -lfreexl >"$work/freexl-cc.log" 2>&1; then
    freexl_note="skipped: Scripts/bench/freexl_read.c does not build ($(grep -m1 -i error "$work/freexl-cc.log" || echo "no cc")); make bench-setup installs libfreexl-dev"
fi
ls -l "$work" >&2

# The python-calamine reference reader, in a throwaway venv.
calamine_python=
calamine_note=
if [ "${BENCH_SKIP_CALAMINE:-0}" = 1 ]; then
    calamine_note="skipped (BENCH_SKIP_CALAMINE=1)"
elif python3 -m venv "$work/venv" >"$work/venv.log" 2>&1 \
    && "$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check python-calamine \
        >>"$work/venv.log" 2>&1; then
    calamine_python=$work/venv/bin/python
else
    calamine_note="skipped: python-calamine could not be installed ($(grep -m1 -iE 'error|no module' "$work/venv.log" || tail -n1 "$work/venv.log"))"
    echo "bench: $calamine_note" >&2
fi

# ---------------------------------------------------------------------------------------------- measuring
# measure ID RUNS PREPARE -- COMMAND...
#   Times COMMAND (RUNS runs, PREPARE before each, untimed) with hyperfine, under /usr/bin/time -v for the
#   peak RSS. Sets TIME_<ID> (median seconds), RSS_<ID> (max over runs, MiB) and FAIL_<ID> ("failed: <first
#   stderr line>") when a run or its preparation exits non-zero; never stops the script.
q() { printf '%q ' "$@"; }
measure() {
    local id=$1 n=$2 prepare=$3
    shift 4
    local rss=$work/$id.rss err=$work/$id.err perr=$work/$id.prepare.err json=$work/$id.json
    rm -f "$rss" "$err" "$perr" "$json"
    # Each run gets at most BENCH_TIMEOUT seconds and its share of what is left before BENCH_DEADLINE.
    local limit=$(((deadline - ($(date +%s) - started)) / n))
    [ "$limit" -gt "$run_timeout" ] && limit=$run_timeout
    [ "$limit" -lt 30 ] && limit=30
    local cmd
    cmd="/usr/bin/time -v -a -o $(q "$rss")timeout $limit $(q "$@")2>$(q "$err")"
    local args=(--style basic --runs "$n" --export-json "$json" --command-name "$id")
    [ -n "$prepare" ] && args+=(--prepare "{ $prepare ; } 2>$(q "$perr") >/dev/null")
    log "$id: $* ($n run(s))"
    printf -v "FAIL_$id" '%s' ""
    printf -v "RUNS_$id" '%s' "$n"
    if hyperfine "${args[@]}" "$cmd" >&2; then
        printf -v "TIME_$id" '%s' "$(python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json")"
    else
        local why
        if grep -q 'non-zero status 124' "$rss" 2>/dev/null; then
            why="timed out after ${limit} s (BENCH_TIMEOUT=${run_timeout}, BENCH_DEADLINE=${deadline})"
        elif [ -s "$err" ]; then
            why=$(grep -m1 -v '^[[:space:]]*$' "$err" || true)
        elif [ -s "$perr" ]; then
            why="preparation: $(grep -m1 -v '^[[:space:]]*$' "$perr" || true)"
        else
            why="exit status $(grep -m1 -o 'non-zero status [0-9]*' "$rss" 2>/dev/null | grep -o '[0-9]*$' || echo '?')"
        fi
        printf -v "FAIL_$id" 'failed: %s' "${why:0:160}"
        printf -v "TIME_$id" '%s' ""
        echo "bench: $id ${why}" >&2
    fi
    local kb
    kb=$({ grep -h 'Maximum resident set size' "$rss" 2>/dev/null || true; } | awk '{print $NF}' | sort -n | tail -n1)
    printf -v "RSS_$id" '%s' "$([ -n "$kb" ] && awk -v k="$kb" 'BEGIN{printf "%.0f", k/1024}')"
}
skip() { printf -v "FAIL_$1" '%s' "$2"; printf -v "TIME_$1" '%s' ""; printf -v "RSS_$1" '%s' ""; printf -v "RUNS_$1" '%s' 0; }

# runs_for WANTED [ROWS [FACTOR]]: WANTED runs, at most BENCH_RUNS; fewer when ROWS rows at FACTOR times the
# per-row time of the 100k-row CSV import would take more than BENCH_CAP seconds in all, or would eat into the
# time that the 5M-row import (measured last) needs before BENCH_DEADLINE; 1 once BENCH_BUDGET s have gone by.
per_row=
runs_for() {
    local n=$1 rows=${2:-} factor=${3:-1}
    [ "$n" -gt "$runs" ] && n=$runs
    if [ -n "$rows" ] && [ -n "$per_row" ]; then
        local now=$(($(date +%s) - started))
        while [ "$n" -gt 1 ] && awk -v n="$n" -v r="$rows" -v f="$factor" -v p="$per_row" -v c="$cap" -v now="$now" \
            -v d="$deadline" -v big="$large" \
            'BEGIN{ est = n*r*f*p; reserve = big*p + 30; exit !(est > c || now + est > d - reserve) }'; do
            n=$((n - 1))
        done
    fi
    [ $(($(date +%s) - started)) -gt "$budget" ] && n=1
    echo "$n"
}

db=$work/ours.sqlite
fresh_db() { # the PREPARE snippet: a fresh database holding the roster of a data set
    echo "rm -f $(q "$1")$(q "$1-wal")$(q "$1-shm") && $(q "$bin")--db $(q "$1")population import --quiet $(q "$2")"
}
fresh_t() { echo "rm -f $(q "$work/t.db")"; }
t_import() { measure "$1" "$(runs_for "$2")" "$(fresh_t)" -- sqlite3 "$work/t.db" ".import --csv --skip 1 $3 t"; }
ours_import() { # ours_import ID RUNS ROWS DB ROSTER FILE [FACTOR: expected time a row ÷ the CSV's]
    measure "$1" "$(runs_for "$2" "$3" "${7:-1}")" "$(fresh_db "$4" "$5")" -- "$bin" --db "$4" import --quiet "$6"
}

# The 100k-row CSV first: its per-row time sets the number of runs of the slow measurements.
db_s=$work/size.sqlite
ours_import sizeS_ours 3 "" "$db_s" small-roster.csv small.csv
t_import sizeS_ref 3 small.csv
[ -n "$TIME_sizeS_ours" ] && per_row=$(awk -v t="$TIME_sizeS_ours" -v n="$small" 'BEGIN{print t/n}')

# 1M rows CSV (UTF-8), then GB18030. The database of the last UTF-8 run is kept for report and re-import.
ours_import csv_ours 3 "$medium" "$db" medium-roster.csv medium.csv
t_import csv_ref 3 medium.csv
# SQLite's own share of the first row (issue 17), a floor under it: what the last import stored (its rows, valid-key
# index and kept figures) copied by `sqlite3` into a fresh database of the same schema, page size, cache, WAL and
# `synchronous = FULL`, the index by township built after the rows as a large import builds it; nothing read,
# checked or decided. The WHERE clauses keep SQLite from copying records whole (its transfer optimisation): each row
# is taken apart and written again, as an import writes it.
floor_db=$work/floor.sqlite
floor_schema="{ echo 'PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;'; sqlite3 $(q "$db").schema | grep -v '^CREATE TABLE sqlite_sequence'; echo 'DROP INDEX registration_by_township;'; }"
# One line: hyperfine runs the command through sh, which has no $'…' quoting for a newline.
floor_copy="PRAGMA synchronous = FULL; PRAGMA cache_size = -8192; ATTACH '$db' AS src; BEGIN;"
floor_copy+=" INSERT INTO main.batch SELECT * FROM src.batch WHERE id > 0;"
floor_copy+=" INSERT INTO main.registration SELECT * FROM src.registration WHERE id > 0;"
floor_copy+=" CREATE INDEX registration_by_township ON registration(township_id, village_id, outcome);"
floor_copy+=" INSERT INTO main.figure SELECT * FROM src.figure WHERE batch_id > 0;"
floor_copy+=" INSERT INTO main.valid_id_key SELECT * FROM src.valid_id_key WHERE key > 0;"
floor_copy+=" INSERT INTO main.valid_phone_key SELECT * FROM src.valid_phone_key WHERE key > 0; COMMIT;"
measure floor_ref "$(runs_for 3 "$medium")" \
    "rm -f $(q "$floor_db")$(q "$floor_db-wal")$(q "$floor_db-shm") && $floor_schema | sqlite3 $(q "$floor_db") && sync" -- \
    sqlite3 "$floor_db" "$floor_copy"
# What `synchronous = FULL` costs (issue 20, item 9): the same 1M-row import, and a daily 5,000-row one, with the
# benchmark-only switch REGTRACKER_BENCH_SYNCHRONOUS=NORMAL; the table puts FULL in the "ours" column, NORMAL in
# the "reference" one.
normal=(env REGTRACKER_BENCH_SYNCHRONOUS=NORMAL "$bin")
measure syncM_ref "$(runs_for 3 "$medium")" "$(fresh_db "$db" medium-roster.csv)" -- \
    "${normal[@]}" --db "$db" import --quiet medium.csv
# The daily list (issue 17: a 5,000-row file into a 1,000,000-row database in at most 0.2 s): the next 5,000 rows of
# the medium stream (medium-daily.csv: new people and repeats of recent ones), each run into a fresh copy of the
# 1M-row database just made; its reference is the same file into a database holding only the roster.
db_m=$work/daily-m.sqlite
copy_db() { # the PREPARE snippet: DB copied to COPY, with its journal if it has one, then synced: otherwise the
    # import's first fdatasync also flushes the copy's few hundred MB of dirty pages, which is the copy's cost.
    echo "rm -f $(q "$2")$(q "$2-wal")$(q "$2-shm") && cp $(q "$1")$(q "$2") && { [ ! -f $(q "$1-wal") ] || cp $(q "$1-wal")$(q "$2-wal") ; } && sync"
}
measure dailyM_ours "$(runs_for 3)" "$(copy_db "$db" "$db_m")" -- "$bin" --db "$db_m" import --quiet medium-daily.csv
ours_import dailyM_ref 3 5000 "$db_m" medium-roster.csv medium-daily.csv
rm -f "$db_m" "$db_m-wal" "$db_m-shm"
db_d=$work/daily.sqlite
ours_import syncD_ours 3 5000 "$db_d" daily-roster.csv daily.csv
measure syncD_ref "$(runs_for 3 5000)" "$(fresh_db "$db_d" daily-roster.csv)" -- \
    "${normal[@]}" --db "$db_d" import --quiet daily.csv
rm -f "$db_d" "$db_d-wal" "$db_d-shm"
db_gb=$work/gb.sqlite
ours_import gb_ours 3 "$medium" "$db_gb" medium-roster.csv medium-gb18030.csv
t_import gb_ref 3 medium-gb18030.csv
rm -f "$db_gb" "$db_gb-wal" "$db_gb-shm"

# report --json and the no-op re-import on the 1M-row database.
measure report_ours "$(runs_for 3)" "" -- "$bin" --db "$db" report --json
measure report_ref "$(runs_for 3)" "" -- sqlite3 "$db" \
    "SELECT township_id, outcome, count(*) FROM registration GROUP BY township_id, outcome"
measure reimport_ours "$(runs_for 3)" "" -- "$bin" --db "$db" import --quiet medium.csv
# The periodic notice (issue 14: under 2 s on 1M rows), recomputed each run; the same GROUP BY as its reference.
notice_period=${REGTRACKER_TODAY:0:7} # the month of the imports
measure notice_ours "$(runs_for 3)" "" -- "$bin" --db "$db" notice "$notice_period" --reissue --json
measure notice_ref "$(runs_for 3)" "" -- sqlite3 "$db" \
    "SELECT township_id, outcome, substr(registered_at, 1, 10), batch_id, count(*) FROM registration GROUP BY 1, 2, 3, 4"
measure reimport_ref "$(runs_for 3)" "" -- sha256sum medium.csv
# The rows given back (issue 17: `rejects --out` on the 1M-row database in at most 2 s and 100 MiB): every
# township's md, csv, html and xlsx; its reference reads the same rows in `sqlite3`, writing nothing.
measure rejects_ours "$(runs_for 3)" "rm -rf $(q "$work/rejects")" -- "$bin" --db "$db" rejects --out "$work/rejects"
measure rejects_ref "$(runs_for 3)" "" -- sqlite3 "$db" "SELECT * FROM registration WHERE outcome <> 5"
rm -rf "$work/rejects"
# Villages (issue 15: the county-wide `villages --json` under 200 ms on 1M rows): the same roster with villages,
# imported once (every row is matched to a village again), then the village table read from the kept figures.
# That roster is a roster change that decides every row again (issue 17: no slower than the 1M-row CSV import,
# the reference); once, as a second import of the same roster is a no-op.
measure roster_ours 1 "" -- "$bin" --db "$db" population import --quiet medium-village-roster.csv
TIME_roster_ref=${TIME_csv_ours:-}; RUNS_roster_ref=${RUNS_csv_ours:-0}; FAIL_roster_ref=${FAIL_csv_ours:-}
measure villages_ours "$(runs_for 3)" "" -- "$bin" --db "$db" villages --json
measure villages_ref "$(runs_for 3)" "" -- sqlite3 "$db" \
    "SELECT township_id, village_id, outcome, count(*) FROM registration GROUP BY 1, 2, 3"

# The dashboard (issue 13: at least 200 requests/s with 8 clients, p99 at most 50 ms): `serve` on the 1M-row
# database (with the village roster), loaded by Scripts/bench/load.py (8 keep-alive clients on loopback) with an
# office token, on /api/report, / (the ranking page) and a township's page with its villages. Bounded by
# BENCH_LOAD_REQUESTS and BENCH_LOAD_SECONDS for each path.
dashboard_rows=()
dashboard_load() {
    local office port="" server json path serve_log=$work/serve.log
    office=$("$bin" --db "$db" tokens create --office 2>"$work/tokens.err" | grep -o 'rt_[0-9a-f]\{64\}' | head -n1 || true)
    if [ -z "$office" ]; then
        dashboard_rows+=("| dashboard | failed: no office token ($(head -c 160 "$work/tokens.err")) | | | | | |")
        return
    fi
    "$bin" --db "$db" serve --read-only --port 0 >"$serve_log" 2>&1 &
    server=$!
    for _ in $(seq 100); do
        port=$(grep -o '127\.0\.0\.1:[0-9]*' "$serve_log" | head -n1 | cut -d: -f2 || true)
        [ -n "$port" ] && break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        dashboard_rows+=("| dashboard | failed: serve printed no address ($(head -c 160 "$serve_log")) | | | | | |")
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        return
    fi
    # The first township of the village roster: its page holds the ranked village table (issue 15).
    township_page=/townships/$(python3 -c 'import csv, sys, urllib.parse
rows = csv.reader(open(sys.argv[1], encoding="utf-8-sig"))
next(rows)
print(urllib.parse.quote(next(rows)[0]))' medium-village-roster.csv)
    for path in /api/report / "$township_page"; do
        log "dashboard load: GET $path, 8 clients, at most $load_requests requests in $load_seconds s"
        json=$(timeout $((load_seconds + 60)) python3 "$here/load.py" --port "$port" --path "$path" --token "$office" \
            --clients 8 --requests "$load_requests" --max-seconds "$load_seconds" 2>"$work/load.err" || true)
        echo "$json" >&2
        dashboard_rows+=("$(LOAD="$json" python3 - "$path" "$work/load.err" <<'PY'
import json, os, sys, urllib.parse
path, errors = urllib.parse.unquote(sys.argv[1]), sys.argv[2]
try:
    r = json.loads(os.environ["LOAD"])
except ValueError:
    first = (open(errors, encoding="utf-8", errors="replace").read().strip().splitlines() or ["no output"])[0]
    print(f"| `GET {path}` | failed: {first[:160]} | | | | | |")
    sys.exit()
rps, p99 = r["requests_per_second"] or 0, r["p99_ms"]
met = "met" if rps >= 200 and p99 is not None and p99 <= 50 else "missed"
stop = ", stopped by the time limit" if r["stopped_by_time"] else ""
print(f"| `GET {path}` | {r['requests']} in {r['seconds']} s{stop} | {rps} | {r['p50_ms']} | {p99} | {r['errors']} "
      f"| ≥ 200 req/s, p99 ≤ 50 ms ({met}) |")
PY
)")
    done
    dashboard_rss=$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$server/status" 2>/dev/null || true)
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}
load_requests=${BENCH_LOAD_REQUESTS:-2000}
load_seconds=${BENCH_LOAD_SECONDS:-30}
dashboard_rss=
dashboard_load
rm -f "$db" "$db-wal" "$db-shm" "$work/t.db"

# SpreadsheetML.
db_x=$work/xml.sqlite
ours_import xml_ours 2 "$medium" "$db_x" medium-roster.csv medium.xml 2
measure xml_ref "$(runs_for 2)" "" -- xmllint --stream --noout medium.xml

# .xlsx, 100k and 1M rows.
ours_import xlsxS_ours 3 "$small" "$db_x" small-roster.csv small.xlsx 2.5
ours_import xlsxM_ours 2 "$medium" "$db_x" medium-roster.csv medium.xlsx 2.5
# .xls, 100k rows (the Swift BIFF reader): the import, then `inspect` (the same read and row checks, nothing
# stored) against libfreexl reading every cell of the same file.
if [ -z "$xls_note" ]; then
    ours_import xlsS_ours 3 "$small" "$db_x" small-roster.csv small.xls 2.5
    measure xlsR_ours "$(runs_for 3)" "" -- "$bin" inspect --rows 0 small.xls
else
    skip xlsS_ours "$xls_note"
    skip xlsR_ours "$xls_note"
fi
if [ -z "$xls_note" ] && [ -z "$freexl_note" ]; then
    measure xlsF_ref "$(runs_for 3)" "" -- "$work/freexl_read" small.xls
else
    skip xlsF_ref "${xls_note:-$freexl_note}"
fi
# Issue 16 ("no slower than with libfreexl") held fairly: one binary, one pipeline, only the reader changed.
if [ -n "${BENCH_FREEXL_BIN:-}" ] && [ -z "$xls_note" ]; then
    measure xlsL_ours "$(runs_for 3)" "$(fresh_db "$db_x" small-roster.csv)" -- \
        env REGTRACKER_XLS_READER=swift "$BENCH_FREEXL_BIN" --db "$db_x" import --quiet small.xls
    measure xlsL_ref "$(runs_for 3)" "$(fresh_db "$db_x" small-roster.csv)" -- \
        env REGTRACKER_XLS_READER=freexl "$BENCH_FREEXL_BIN" --db "$db_x" import --quiet small.xls
else
    skip xlsL_ours "${xls_note:-skipped: set BENCH_FREEXL_BIN (a build of branch bench-freexl-scratch)}"
    skip xlsL_ref "${xls_note:-skipped: set BENCH_FREEXL_BIN}"
fi
rm -f "$db_x" "$db_x-wal" "$db_x-shm"
if [ -n "$calamine_python" ] && [ -z "$xls_note" ]; then
    measure xlsS_ref "$(runs_for 3)" "" -- "$calamine_python" "$here/calamine_read.py" small.xls
else
    skip xlsS_ref "${calamine_note:-$xls_note}"
fi
if [ -n "$calamine_python" ]; then
    measure xlsxS_ref "$(runs_for 3)" "" -- "$calamine_python" "$here/calamine_read.py" small.xlsx
    measure xlsxM_ref "$(runs_for 2)" "" -- "$calamine_python" "$here/calamine_read.py" medium.xlsx
else
    skip xlsxS_ref "$calamine_note"
    skip xlsxM_ref "$calamine_note"
fi

# PostgreSQL (issue 19), on a throwaway server in the temporary folder (Scripts/postgres/throwaway.sh: a Unix
# socket, fsync off), skipped when PostgreSQL's server programs are not installed. The 1M-row CSV into a fresh
# database holding the roster, against `psql \copy` of the same file into an unindexed table of text columns; then
# 8 importers of 100k rows each started at once into one fresh database, against one importer of the same 800k rows
# (the first 800k rows of the 1M-row file, cut into eighths, each eighth with the title and header).
pg_note=
# Its own folder, not one inside $work: when run as root the server runs as user postgres, who cannot enter $work.
pg_folder=$(mktemp -d "${TMPDIR:-/tmp}/regtracker-bench-pg.XXXXXX")
psql_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)/psql
part=$((medium / 10))
if pg_url=$("$repo/Scripts/postgres/throwaway.sh" start "$pg_folder" 2>"$work/postgres.err"); then
    stop_postgres() { "$repo/Scripts/postgres/throwaway.sh" stop "$pg_folder"; }
    cleanup() { stop_postgres; rm -rf "$work" "$pg_folder"; }
    pg_base=${pg_url%%\?*}
    pg_base=${pg_base%/*}
    pg_query=${pg_url#*\?}
    pg_at() { echo "$pg_base/$1?$pg_query"; } # the URL of database $1
    fresh_pg() { # the PREPARE snippet: database $1 dropped, made anew, holding roster $2
        echo "$(q "$psql_bin")-q $(q "$pg_url")-c $(q "DROP DATABASE IF EXISTS $1 WITH (FORCE)")-c $(q "CREATE DATABASE $1") && $(q "$bin")--db $(q "$(pg_at "$1")")population import --quiet $(q "$2")"
    }
    measure pgM_ours "$(runs_for 3 "$medium" 2)" "$(fresh_pg bench medium-roster.csv)" -- \
        "$bin" --db "$(pg_at bench)" import --quiet medium.csv
    # PostgreSQL's own share of that import (issue 19), a floor under it, as for SQLite: what the last import stored
    # (its batch, rows, kept figures and new valid keys), copied out, then `psql \copy`-ed into a fresh database
    # holding the roster, of the same schema (indexes, triggers, constraints), in one transaction; nothing read,
    # checked or decided. In COPY's binary format, as the import sends its rows.
    pg_tables=(registration figure valid_id_key valid_phone_key)
    "$psql_bin" -q "$(pg_at bench)" -c "\\copy (SELECT * FROM batch WHERE id = (SELECT MAX(id) FROM batch)) TO '$work/pg-batch.copy' (FORMAT binary)"
    for table in "${pg_tables[@]}"; do
        "$psql_bin" -q "$(pg_at bench)" -c "\\copy $table TO '$work/pg-$table.copy' (FORMAT binary)"
    done
    {
        echo "\\copy batch FROM '$work/pg-batch.copy' (FORMAT binary)"
        for table in "${pg_tables[@]}"; do echo "\\copy $table FROM '$work/pg-$table.copy' (FORMAT binary)"; done
    } >"$work/pg-floor.sql"
    measure pgfloor_ref "$(runs_for 3)" "$(fresh_pg floor medium-roster.csv)" -- \
        "$psql_bin" -q -1 -v ON_ERROR_STOP=1 "$(pg_at floor)" -f "$work/pg-floor.sql"
    columns="a text, b text, c text, d text, e text, f text, g text, h text, i text"
    measure pgM_ref "$(runs_for 3)" \
        "$(q "$psql_bin")-q $(q "$pg_url")-c $(q "DROP TABLE IF EXISTS t; CREATE TABLE t ($columns)")" -- \
        "$psql_bin" -q "$pg_url" -c "\\copy t FROM medium.csv CSV HEADER"
    { head -n 2 medium.csv; sed -n "3,$((part * 8 + 2))p" medium.csv; } >pg-one.csv
    for i in 1 2 3 4 5 6 7 8; do
        { head -n 2 medium.csv; sed -n "$((part * (i - 1) + 3)),$((part * i + 2))p" medium.csv; } >"pg-part$i.csv"
    done
    # The 8 importers as one command: it fails when any of them fails.
    cat >pg-eight.sh <<EOS
#!/usr/bin/env bash
pids=()
for i in 1 2 3 4 5 6 7 8; do $(q "$bin")--db $(q "$(pg_at bench)")import --quiet pg-part\$i.csv & pids+=(\$!); done
status=0
for pid in "\${pids[@]}"; do wait "\$pid" || status=1; done
exit \$status
EOS
    chmod +x pg-eight.sh
    measure pg8_ours "$(runs_for 3 "$((part * 8))" 2)" "$(fresh_pg bench medium-roster.csv)" -- "$work/pg-eight.sh"
    measure pg8_ref "$(runs_for 3 "$((part * 8))" 2)" "$(fresh_pg bench medium-roster.csv)" -- \
        "$bin" --db "$(pg_at bench)" import --quiet pg-one.csv
    stop_postgres
    rm -rf "$pg_folder"
    cleanup() { rm -rf "$work"; }
else
    rm -rf "$pg_folder"
    pg_note="skipped: no PostgreSQL server ($(grep -m1 -v '^[[:space:]]*$' "$work/postgres.err" | head -c 160)); make bench-setup installs it"
    echo "bench: $pg_note" >&2
    for id in pgM_ours pgM_ref pgfloor_ref pg8_ours pg8_ref; do skip "$id" "$pg_note"; done
fi

# The 5M rows, once each (the 100k were timed first, the 1M are the first CSV measurement).
# The reference goes first: ours, the slowest run of all, gets whatever is left before the deadline.
t_import sizeL_ref 1 large.csv
rm -f "$work/t.db"
ours_import sizeL_ours 1 "$large" "$db_s" large-roster.csv large.csv
rm -f "$db_s" "$db_s-wal" "$db_s-shm"

# The CPU time (user + sys, hyperfine's means) of the 1M-row CSV import and of `sqlite3 .import` (issue 17: ≤ 1.5×).
cpu_of() { [ -f "$work/$1.json" ] && python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.3f" % (r["user"] + r["system"]))' "$work/$1.json" 2>/dev/null || true; }
for side in ours ref; do
    printf -v "TIME_cpu_$side" '%s' "$(cpu_of "csv_$side")"
    runs_var=RUNS_csv_$side
    printf -v "RUNS_cpu_$side" '%s' "${!runs_var:-0}"
    printf -v "FAIL_cpu_$side" '%s' "no CPU time (the import failed)"
done

# ---------------------------------------------------------------------------------------------- the table
get() { local v="$1_$2"; echo "${!v:-}"; }
# row ID_PREFIX WORK ROWS TARGET_RATIO [TARGET_SECONDS]: one table row from <prefix>_ours and <prefix>_ref; a target
# in seconds, when given, is the one the row is judged by.
table=()
row() {
    local p=$1 work_label=$2 nrows=$3 target=$4 seconds=${5:-}
    local ours ref ratio rss ours_cell ref_cell verdict=""
    ours=$(get TIME "${p}_ours")
    ref=$(get TIME "${p}_ref")
    rss=$(get RSS "${p}_ours")
    if [ -n "$ours" ]; then
        ours_cell="$ours (n=$(get RUNS "${p}_ours"))"
        [ "$nrows" -gt 0 ] && ours_cell="$ours ($(awk -v t="$ours" -v n="$nrows" 'BEGIN{printf "%.2f", t*1e6/n}') µs/row, n=$(get RUNS "${p}_ours"))"
    else
        ours_cell=$(get FAIL "${p}_ours")
        rss=""
    fi
    if [ -n "$ref" ]; then
        ref_cell="$ref (n=$(get RUNS "${p}_ref"))"
    else
        ref_cell=$(get FAIL "${p}_ref")
    fi
    if [ -n "$ours" ] && [ -n "$ref" ]; then
        ratio=$(awk -v a="$ours" -v b="$ref" 'BEGIN{ if (b > 0) printf "%.2f×", a/b; else print "—" }')
        if [ -n "$target" ]; then
            verdict=$(awk -v a="$ours" -v b="$ref" -v t="$target" 'BEGIN{ print (b > 0 && a/b <= t) ? "met" : "missed" }')
        fi
    else
        ratio="—"
    fi
    local rss_verdict=""
    if [ -n "$rss" ] && [ -n "$ours" ]; then
        rss_verdict=$([ "$rss" -le 100 ] && echo met || echo missed)
    fi
    local target_cell
    if [ -n "$seconds" ]; then
        local met=—
        [ -n "$ours" ] && met=$(awk -v a="$ours" -v t="$seconds" 'BEGIN{ print (a <= t) ? "met" : "missed" }')
        target_cell="≤ ${seconds} s ($met); ≤ 100 MiB (${rss_verdict:-—})"
    elif [ -n "$target" ]; then
        target_cell="≤ ${target}× (${verdict:-—}); ≤ 100 MiB (${rss_verdict:-—})"
    else
        target_cell="≤ 100 MiB (${rss_verdict:-—})"
    fi
    table+=("| $work_label | $ours_cell | ${ref_cell:-—} | $ratio | ${rss:-—} | $target_cell |")
}
csv_size=$(du -m --apparent-size medium.csv | cut -f1)
xml_size=$(du -m --apparent-size medium.xml | cut -f1)
xlsxS_size=$(du -m --apparent-size small.xlsx | cut -f1)
xlsxM_size=$(du -m --apparent-size medium.xlsx | cut -f1)
xlsS_size=$( [ -f small.xls ] && du -m --apparent-size small.xls | cut -f1 || echo "?")
# An .xls sheet holds at most 65,536 rows: LibreOffice's conversion keeps the first ones (title and header included).
xls_rows=$((small < 65536 ? small : 65536))
row csv "import $M rows CSV UTF-8 (${csv_size} MB) vs \`sqlite3 .import --csv\`" "$medium" 1.0
row gb "import $M rows CSV GB18030 vs \`sqlite3 .import --csv\`" "$medium" 1.0
row xml "import $M rows SpreadsheetML (${xml_size} MB) vs \`xmllint --stream --noout\`" "$medium" 1.0
row xlsxS "import $S rows .xlsx (${xlsxS_size} MB) vs python-calamine read" "$small" 1.0
row xlsxM "import $M rows .xlsx (${xlsxM_size} MB) vs python-calamine read" "$medium" 1.0
row xlsS "import $S rows .xls (${xlsS_size} MB, LibreOffice's conversion of the .xlsx: its first $(human "$xls_rows") rows) vs python-calamine read" "$xls_rows" 1.0
# The libfreexl rows: our import, and our read without storing, each against the same libfreexl read.
for k in TIME RSS FAIL RUNS; do
    printf -v "${k}_xlsF_ours" '%s' "$(get "$k" xlsS_ours)"
    printf -v "${k}_xlsR_ref" '%s' "$(get "$k" xlsF_ref)"
done
row xlsF "import $S rows .xls vs libfreexl reading every cell (\`Scripts/bench/freexl_read.c\`)" "$xls_rows" 1.0
row xlsR "\`inspect --rows 0\` of the $S-row .xls (read and row checks, nothing stored) vs libfreexl reading every cell" "$xls_rows" 1.0
row xlsL "import $S rows .xls, same binary (\`BENCH_FREEXL_BIN\`): the Swift reader vs the libfreexl reader (issue 16)" "$xls_rows" 1.0
row report "\`report --json\` on the $M-row database (kept figures; target ≤ 50 ms) vs \`sqlite3\` GROUP BY of the rows" 0 1.5
row cpu "CPU time (user + sys) of the $M-row CSV import vs \`sqlite3 .import --csv\`'s" 0 1.5
row rejects "\`rejects --out DIR\` on the $M-row database (md, csv, html, xlsx a township) vs \`sqlite3\` reading the same rows" 0 "" 2
row roster "a roster change deciding all $M rows again (the roster with villages) vs the $M-row CSV import" "$medium" 1.0
row reimport "re-import of the $M-row CSV (no-op) vs \`sha256sum\`" 0 1.5
row villages "county-wide \`villages --json\` on the $M-row database with villages (kept figures; target ≤ 200 ms) vs \`sqlite3\` GROUP BY of the rows" 0 1.5
row notice "\`notice PERIOD --reissue --json\` on the $M-row database (target under 2 s) vs \`sqlite3\` GROUP BY" 0 ""
row dailyM "import of a daily 5k-row CSV into the $M-row database vs into a database holding only the roster" 5000 "" 0.2
row pgM "PostgreSQL: import $M rows CSV vs \`psql \\copy\` into an unindexed table of text columns" "$medium" 1.5
for k in TIME RSS FAIL RUNS; do printf -v "${k}_pgfloor_ours" '%s' "$(get "$k" pgM_ours)"; done
row pgfloor "PostgreSQL: import $M rows CSV (the row above) vs \`psql \\copy\` of what it stored into the same schema (batch, rows, figures, keys; binary format; one transaction; nothing read or checked)" "$medium" ""
row pg8 "PostgreSQL: 8 importers of $(human "$part") rows at once vs one importer of their $(human "$((part * 8))") rows" "$((part * 8))" 1.5
for k in TIME RSS FAIL RUNS; do printf -v "${k}_floor_ours" '%s' "$(get "$k" csv_ours)"; done
row floor "import $M rows CSV UTF-8 (the first row) vs \`sqlite3\` storing what it stored (rows, keys, figures; our schema, WAL, FULL; nothing read or checked)" "$medium" ""
row sizeS "CSV import, $S rows vs \`sqlite3 .import\`" "$small" ""
# The 1M size row is the first measurement again.
for k in TIME RSS FAIL RUNS; do
    printf -v "${k}_sizeM_ours" '%s' "$(get "$k" csv_ours)"
    printf -v "${k}_sizeM_ref" '%s' "$(get "$k" csv_ref)"
done
row sizeM "CSV import, $M rows vs \`sqlite3 .import\` (the first row)" "$medium" ""
for k in TIME RSS FAIL RUNS; do printf -v "${k}_syncM_ours" '%s' "$(get "$k" csv_ours)"; done
row syncM "CSV import, $M rows, \`synchronous = FULL\` (the first row) vs NORMAL (benchmark-only switch)" "$medium" ""
row syncD "CSV import, a daily 5k rows, \`synchronous = FULL\` vs NORMAL (benchmark-only switch)" 5000 ""
row sizeL "CSV import, $L rows vs \`sqlite3 .import\`" "$large" ""

elapsed=$(($(date +%s) - started))
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$repo" status --porcelain -- Sources Package.swift Package.resolved 2>/dev/null)" ]; then
    commit="$commit + uncommitted changes in Sources/"
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown)
calamine_version=$([ -n "$calamine_python" ] && "$calamine_python" -m pip show python-calamine 2>/dev/null | awk '/^Version/{print $2}' || echo "—")
freexl_version=$(dpkg-query -W -f '${Version}' libfreexl-dev 2>/dev/null || true)
gen_stats=$(sed 's/^/    /' "$work"/gen-*.log)

result=$(
    cat <<EOF
Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($cpu), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM;
regtracker commit \`$commit\` (HEAD when the table was written; the binary is dated $(date -u -r "$bin" '+%H:%M UTC')); the whole run took ${elapsed} s (data generation and the venv included).
Times are hyperfine medians of n runs, in seconds (n ≤ ${runs}; fewer when our import would take over ${cap} s in
all at the per-row time of the ${S}-row CSV import; 1 once ${budget} s have gone by);
peak RSS is the largest \`Maximum resident set size\` of \`/usr/bin/time -v\` over those runs.
Every regtracker import starts from a fresh database holding the roster; every \`sqlite3 .import\` from a fresh
file. A "failed: …" cell is the first line that the failing command wrote to stderr.

| work | ours s | reference s | ratio ours÷reference | our peak RSS MiB | target |
|---|---|---|---|---|---|
$(printf '%s\n' "${table[@]}")

Dashboard (issue 13): \`regtracker serve --read-only\` on the $M-row database, \`Scripts/bench/load.py\` with 8
keep-alive loopback clients and an office token, at most ${load_requests} requests or ${load_seconds} s for each path
(latencies in ms; server peak RSS ${dashboard_rss:-?} MiB).

| request | requests done | requests/s | p50 ms | p99 ms | errors | target |
|---|---|---|---|---|---|---|
$(printf '%s\n' "${dashboard_rows[@]}")

Reference tools: $(sqlite3 --version | cut -d' ' -f1) (sqlite3), libfreexl ${freexl_version:-—}, $(xmllint --version 2>&1 | head -n1 | sed 's/^xmllint: //'), python-calamine ${calamine_version:-—}, $(hyperfine --version).
Data (\`Scripts/bench/generate.py --seed $seed\`, fictional):

$gen_stats
EOF
)

echo
echo "$result"

if [ "$out" != "-" ]; then
    mkdir -p "$(dirname "$out")"
    begin='<!-- bench:begin (written by Scripts/bench.sh; edit outside these markers) -->'
    end='<!-- bench:end -->'
    if [ -f "$out" ] && grep -qF '<!-- bench:begin' "$out" && grep -qF "$end" "$out"; then
        RESULT="$result" python3 - "$out" "$begin" "$end" <<'PY'
import os, sys
path, begin, end = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
i = text.index("<!-- bench:begin")
j = text.index(end, i) + len(end)
open(path, "w", encoding="utf-8").write(text[:i] + begin + "\n" + os.environ["RESULT"] + "\n" + end + text[j:])
PY
    else
        cat >"$out" <<EOF
# Benchmarks

\`make bench\` (issue 5) generates fictional registration lists with \`Scripts/bench/generate.py\` into a temporary
folder and times \`regtracker\` side by side with reference tools on the same files: \`sqlite3 .import\` (a raw
load, no checks), \`xmllint --stream\` (a parse, nothing stored), python-calamine (reading an .xlsx, nothing
stored), a bare \`GROUP BY\` and \`sha256sum\`. Ratios are ours ÷ reference; targets are those of issue 5.

$begin
$result
$end
EOF
    fi
    echo "bench: wrote $out" >&2
fi
