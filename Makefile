# Build and install maxcloud-report: one binary (the templates are built into it) and its
# shell completions.
#
#   make install PREFIX=/usr/local     build in release mode, then install
#   make uninstall PREFIX=/usr/local   remove what install put there
#
# DESTDIR is put before every path, for packaging. `install-files` installs an already
# built binary (BIN) without building, as the tests do.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?= -c release --product maxcloud-report
BIN ?= .build/release/maxcloud-report

BINDIR := $(DESTDIR)$(PREFIX)/bin
BASH_COMPLETION_DIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions

.PHONY: all build install install-files uninstall test

all: build

build:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

install: build
	$(MAKE) install-files

install-files:
	install -d "$(BINDIR)" "$(BASH_COMPLETION_DIR)" "$(ZSH_COMPLETION_DIR)"
	install -m 755 "$(BIN)" "$(BINDIR)/maxcloud-report"
	"$(BIN)" completion bash > "$(BASH_COMPLETION_DIR)/maxcloud-report"
	"$(BIN)" completion zsh > "$(ZSH_COMPLETION_DIR)/_maxcloud-report"
	chmod 644 "$(BASH_COMPLETION_DIR)/maxcloud-report" "$(ZSH_COMPLETION_DIR)/_maxcloud-report"

uninstall:
	rm -f "$(BINDIR)/maxcloud-report" "$(BASH_COMPLETION_DIR)/maxcloud-report" \
		"$(ZSH_COMPLETION_DIR)/_maxcloud-report"

test:
	$(SWIFT) test
