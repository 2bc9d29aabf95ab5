# regtracker — every target a user or CI needs. `make setup` installs only what is missing.
SWIFT ?= swift
DB ?= reports/demo.sqlite
APT_PACKAGES := libsqlite3-dev libxml2-dev libfreexl-dev libssl-dev zlib1g-dev pkg-config sqlite3
BIN := .build/release/regtracker

.PHONY: setup build release test demo lint clean samples

setup:
	@Scripts/setup.sh $(APT_PACKAGES)

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product regtracker

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: release
	@Scripts/demo.sh $(BIN) $(DB)

samples: release
	$(BIN) generate-samples --out imports --seed 2026

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build reports/demo.sqlite*
