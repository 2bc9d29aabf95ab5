#!/bin/sh
# Runs a build with the version and commit written into Sources/RegTrackerCLI/BuildInfo.swift, then puts the file
# back as committed (a plain `swift build` says "dev"):  Scripts/stamp-version.sh VERSION COMMIT COMMAND...
set -eu
version=$1 commit=$2
shift 2
file=Sources/RegTrackerCLI/BuildInfo.swift
saved=$(mktemp)
cp -p "$file" "$saved"
trap 'cp -p "$saved" "$file"; rm -f "$saved"' EXIT INT TERM
sed -e "s|static let version = \"[^\"]*\"|static let version = \"$version\"|" \
    -e "s|static let commit = \"[^\"]*\"|static let commit = \"$commit\"|" "$saved" >"$file"
"$@"
