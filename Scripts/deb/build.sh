#!/bin/sh
# Builds regtracker_VERSION_amd64.deb from a release binary (linked with --static-swift-stdlib):
#   Scripts/deb/build.sh BINARY VERSION OUTDIR "DEPENDS"
# It stages the files of Scripts/deb/stage.sh under /usr, /etc and /lib/systemd/system, adds the control file and
# the maintainer scripts, and packs them with dpkg-deb --root-owner-group (every file owned by root).
set -eu
binary=$1 version=$2 out=$3 depends=$4
here=$(cd "$(dirname "$0")" && pwd)
stage=$(mktemp -d "${TMPDIR:-/tmp}/regtracker-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
chmod 0755 "$stage"

"$here/stage.sh" "$binary" "$stage" /usr /etc /lib/systemd/system "$version"
strip --strip-unneeded "$stage/usr/bin/regtracker"

install -d -m 0755 "$stage/DEBIAN"
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$stage/DEBIAN/"
install -m 0644 "$here/conffiles" "$stage/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@SIZE@|$size|" -e "s|@DEPENDS@|$depends|" "$here/control.in" \
    >"$stage/DEBIAN/control"

mkdir -p "$out"
dpkg-deb --build --root-owner-group -Zxz "$stage" "$out/regtracker_${version}_amd64.deb" >/dev/null
echo "$out/regtracker_${version}_amd64.deb"
