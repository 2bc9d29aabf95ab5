#!/usr/bin/env bash
# The office's scheduled job on the committed sample inbox: roster, invalid lists, township lists, then reports.
# Usage: Scripts/demo.sh BIN DB
set -euo pipefail
bin=$1
db=$2
rm -f "$db" "$db-wal" "$db-shm"
mkdir -p "$(dirname "$db")"
export REGTRACKER_DB=$db
# The roster with villages (SPEC 5): the plain 人口底数.csv beside it is the same roster without them.
"$bin" population import imports/roster/人口底数-分村.csv
"$bin" invalid import imports/invalid/*
"$bin" import imports/
out=reports/$(date +%F)
"$bin" report --out "$out"
"$bin" shortfall --out "$out"
"$bin" rejects --out "$out/rejects"
# The periodic notice (通报) of this month: stored, with its Word document and its picture for the work group.
"$bin" notice "$(date +%Y-%m)" --reissue --out "$out"
echo
"$bin" report
echo
echo "Reports written to $out; the database is $db (try: REGTRACKER_DB=$db $bin rate 青石镇)"
# The dashboard (regtracker serve) on the demo data: a deadline for the projections and an office token.
"$bin" trend --quiet --deadline 2026-12-31
token=$("$bin" tokens create --office --quiet)   # the token alone is on stdout
echo
echo "Dashboard: REGTRACKER_DB=$db $bin serve --host 127.0.0.1 --port 8080"
echo "  then open http://127.0.0.1:8080/login and paste the office token (shown once): $token"
echo "  or: curl -H \"Authorization: Bearer $token\" http://127.0.0.1:8080/api/report"
