#!/usr/bin/env bash
# Checks a built regtracker .deb the way an office server would use it:  Scripts/test-deb.sh DEB "DEPENDS"
# - the control file: name, version, architecture, exactly DEPENDS;
# - installs it with dpkg into a temporary root (dpkg --root --force-script-chrootless: dpkg keeps its own database
#   there and runs the maintainer scripts with DPKG_ROOT set, so postinst makes the data folders under that root and
#   leaves this machine's users and units alone; --force-depends because that root holds no libraries: the
#   dependencies are checked against this machine's packages instead);
# - ldd of the installed binary: every library found, none of Swift's, each from a package DEPENDS names;
# - the installed binary: --version, man page, completions, and a demo import of imports/ with backup and restore;
# - the systemd units with `systemd-analyze verify` where it runs (skipped, saying so, where it does not).
set -euo pipefail
deb=$(realpath "$1")
depends=$2
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/regtracker-test-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0 passes=0
check() { # check DESCRIPTION COMMAND...: runs the command, prints ok or FAIL
    if "${@:2}" >"$work/last.log" 2>&1; then
        echo "ok   $1"
        passes=$((passes + 1))
    else
        echo "FAIL $1"
        sed 's/^/     /' "$work/last.log" | head -20
        failures=$((failures + 1))
    fi
}
field() { dpkg-deb -f "$deb" "$1"; }

version=$(field Version)
check "control: package regtracker, amd64" test "$(field Package) $(field Architecture)" = "regtracker amd64"
check "control: Depends is exactly: $depends" test "$(field Depends)" = "$depends"
check "file name regtracker_${version}_amd64.deb" test "$(basename "$deb")" = "regtracker_${version}_amd64.deb"
check "every file is owned by root" bash -c "! dpkg-deb -c '$deb' | awk '{print \$2}' | grep -v '^root/root$'"

root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
check "dpkg --root installs it" dpkg --root="$root" --force-script-chrootless --force-depends -i "$deb"
check "dpkg --root lists it installed" bash -c "dpkg --root='$root' -s regtracker | grep -q '^Status: install ok installed'"
for path in usr/bin/regtracker usr/share/man/man1/regtracker.1.gz usr/share/bash-completion/completions/regtracker \
    usr/share/zsh/vendor-completions/_regtracker usr/share/fish/vendor_completions.d/regtracker.fish \
    etc/default/regtracker usr/share/doc/regtracker/rules.md usr/share/doc/regtracker/copyright \
    lib/systemd/system/regtracker-import.service lib/systemd/system/regtracker-import.timer \
    lib/systemd/system/regtracker-backup.service lib/systemd/system/regtracker-backup.timer \
    lib/systemd/system/regtracker-serve.service; do
    check "installs /$path" test -s "$root/$path"
done
check "postinst made the data folders" test -d "$root/var/lib/regtracker/inbox" -a -d "$root/var/backups/regtracker"
check "/etc/default/regtracker is a conffile" bash -c "dpkg-deb -I '$deb' conffiles | grep -qx /etc/default/regtracker"

bin=$root/usr/bin/regtracker
ldd "$bin" >"$work/ldd.txt" 2>&1 || true
check "ldd: every library is found" bash -c "! grep -q 'not found' '$work/ldd.txt'"
check "ldd: no Swift library (Swift runtime linked statically)" \
    bash -c "! grep -Ei 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libXCTest|libicu_?swift' '$work/ldd.txt'"
# Each library the binary names itself (NEEDED) comes from a package that Depends lists.
unlisted=()
for library in $(objdump -p "$bin" | awk '/NEEDED/ {print $2}'); do
    path=$(awk -v lib="$library" '$1 == lib {print $3} $1 ~ "/" lib "$" {print $1}' "$work/ldd.txt" | head -1)
    package=""
    if [ -n "$path" ]; then
        package=$(dpkg -S "$(realpath "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true)
        [ -n "$package" ] || package=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1 || true)
    fi
    case ", $depends," in *", $package,"*) ;; *) unlisted+=("$library ($package)") ;; esac
done
check "ldd: each NEEDED library's package is in Depends${unlisted:+ (not: ${unlisted[*]})}" test ${#unlisted[@]} -eq 0
echo "     $(wc -l <"$work/ldd.txt") libraries: $(awk '{print $1}' "$work/ldd.txt" | tr '\n' ' ')"

check "regtracker --version says $version" bash -c "'$bin' --version | grep -q '^regtracker $version (commit '"
check "the man page is roff with every command" bash -c \
    "zcat '$root/usr/share/man/man1/regtracker.1.gz' | grep -q '^.TH \"REGTRACKER\"' && zcat '$root/usr/share/man/man1/regtracker.1.gz' | grep -q '^.SH BACKUP'"
check "the bash completion parses" bash -n "$root/usr/share/bash-completion/completions/regtracker"
check "the bash completion offers backup" grep -q backup "$root/usr/share/bash-completion/completions/regtracker"

# A demo import with the installed binary, then a backup and a restore of it.
cp -r "$here/imports" "$work/inbox"
export REGTRACKER_DB=$work/data/county.sqlite REGTRACKER_TODAY=2026-11-29 LANG=C.UTF-8
mkdir -p "$work/data"
check "demo: population import" "$bin" --quiet population import "$work/inbox/roster/人口底数.csv"
check "demo: invalid import" bash -c "'$bin' --quiet invalid import '$work/inbox/invalid/'*"
check "demo: import imports/" "$bin" --quiet import "$work/inbox"
check "demo: report --json ranks townships" bash -c "'$bin' report --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d[\"townships\"]) > 3 and d[\"totals\"][\"valid\"] > 0'"
check "demo: report --out writes the four files" bash -c "'$bin' --quiet report --out '$work/reports' && test \$(ls '$work/reports' | wc -l) -ge 4"
"$bin" report --json >"$work/before.json"
check "demo: backup to a folder" "$bin" --quiet backup --keep 2 "$work/backups"
copy=$(ls "$work"/backups/regtracker-*.sqlite 2>/dev/null | head -1)
check "demo: retract, then restore the copy" bash -c "'$bin' --quiet retract 3 && '$bin' --quiet restore '$copy'"
check "demo: the restored figures are the backed-up ones" bash -c "'$bin' report --json | cmp -s - '$work/before.json'"

# The units, with the paths they name pointed at the installed tree.
if command -v systemd-analyze >/dev/null && systemd-analyze --version >/dev/null 2>&1; then
    mkdir -p "$work/units"
    for unit in "$root"/lib/systemd/system/regtracker-*; do
        sed -e "s|/usr/bin/regtracker|$bin|g" -e "s|/etc/default/regtracker|$root/etc/default/regtracker|g" \
            "$unit" >"$work/units/$(basename "$unit")"
    done
    check "systemd-analyze verify: the five units" bash -c \
        "cd '$work/units' && systemd-analyze verify --man=no ./regtracker-* >'$work/verify.txt' 2>&1; cat '$work/verify.txt'; ! grep -q . '$work/verify.txt'"
else
    echo "skip systemd-analyze verify: systemd-analyze is not available here"
fi

echo "test-deb: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
