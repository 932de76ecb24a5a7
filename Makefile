# acctguard — build and test. Needs only Go.

BIN     := bin/acctguard
PKG     := ./cmd/acctguard
TARGETS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

.PHONY: build test install cross fuzz bench reliability man clean

build:
	CGO_ENABLED=0 go build -trimpath -o $(BIN) $(PKG)

# vet, then every test with the race detector (which needs cgo).
test:
	go vet ./...
	CGO_ENABLED=1 go test -race -count=1 ./...

# Manual pages from the commands' help: man/man1 in English, man/ja/man1
# in Japanese.
man:
	go run ./cmd/acctguard-man -dir man

install:
	CGO_ENABLED=0 go install -trimpath $(PKG)

# Proves the six release targets compile; the binaries go to bin/cross/.
cross:
	@set -e; for t in $(TARGETS); do \
		os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		echo "build $$os/$$arch"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch go build -trimpath -o bin/cross/acctguard-$$os-$$arch$$ext $(PKG); \
	done

# Speed goals (issue 9), each printed beside its figure as "met" or
# "NOT MET": one saved answer (BenchmarkUpdate, median) under 5 ms with 1
# incident and under 15 ms with 100 x 40; status as a whole process
# (BenchmarkStatusProcess) within 3x of a Go hello-world with 1 to 5
# incidents, and under 25 ms with 100 x 40. Nothing is kept between runs.
# BenchmarkParseBuiltin shows the part of status that is the Amazon
# playbook's YAML: parsed and checked, and yaml.v3's node parse alone.
#
# Hostile playbooks (issue 11): validate, import and list on each shape of
# internal/playbook/hostile as large as a playbook can be, under 100 MB and
# 1 s each (BenchmarkHostileProcess); BenchmarkParseHostile gives the
# parse alone, with its peak heap.
bench:
	go test -run '^$$' -bench 'Update' -benchtime 50x ./internal/state
	go test -run '^$$' -bench 'StatusProcess|LoadDerive' -benchtime 200x ./cmd/acctguard
	go test -run '^$$' -bench 'ParseBuiltin' -benchmem ./playbooks
	go test -run '^$$' -bench 'HostileProcess' -benchtime 3x ./cmd/acctguard
	go test -run '^$$' -bench 'ParseHostile' -benchtime 3x ./internal/playbook

# Fuzzes every fuzz target of the module for a minute each; scripts/fuzz
# finds them. CI runs the same for 20 s each.
fuzz:
	sh scripts/fuzz 60s

# The README's reliability figures, measured on the real binary: 3,000
# processes killed while saving, 8 x 125 notes at once, damaged files, a
# full disk (as root), file modes, hostile playbooks. About two minutes.
reliability: build
	go run ./scripts/reliability -bin $(BIN)

clean:
	rm -rf bin
