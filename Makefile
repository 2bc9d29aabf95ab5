# regtracker — every target a user or CI needs. `make setup` installs only what is missing.
SWIFT ?= swift
DB ?= reports/demo.sqlite
APT_PACKAGES := libsqlite3-dev libxml2-dev libssl-dev zlib1g-dev pkg-config sqlite3 libxlsxwriter-dev librsvg2-dev fonts-noto-cjk
# Only the tests and the benchmark need these.
TEST_APT_PACKAGES := chromium 'libreoffice-calc-nogui|libreoffice-calc' unzip 'libreoffice-writer-nogui|libreoffice-writer' poppler-utils
BENCH_APT_PACKAGES := hyperfine libxml2-utils time
BIN := .build/release/regtracker

.PHONY: setup test-setup bench-setup build release test demo bench lint clean samples fuzz

setup:
	@Scripts/setup.sh $(APT_PACKAGES)

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product regtracker

test-setup: setup
	@Scripts/setup.sh $(TEST_APT_PACKAGES)

bench-setup: setup
	@Scripts/setup.sh $(BENCH_APT_PACKAGES)

test: test-setup
	$(SWIFT) build --build-tests
	# Serially: some tests block a thread on a child process, which would starve the live-server test of the
	# cooperative thread pool on a 2-core machine.
	$(SWIFT) test --skip-build --no-parallel

# libFuzzer on each reader and the cell normaliser (Scripts/fuzz.sh), FUZZ_SECONDS each; what it finds goes to
# Tests/Fuzz/regressions/, which `make test` replays (FuzzRegressionTests).
FUZZ_SECONDS ?= 60
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) Scripts/fuzz.sh

demo: release
	@Scripts/demo.sh $(BIN) $(DB)

bench: bench-setup release
	Scripts/bench.sh $(BIN)

samples: release
	$(BIN) generate-samples --out imports --seed 2026

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build reports/demo.sqlite*
