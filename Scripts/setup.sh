#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages given as arguments that are not installed yet ("a|b": either will do).
set -euo pipefail
missing=()
# "a|b" is satisfied by either package; the first is installed when neither is.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for spec in "$@"; do
    satisfied=no
    for package in ${spec//|/ }; do installed "$package" && satisfied=yes; done
    [ $satisfied = yes ] || missing+=("${spec%%|*}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
