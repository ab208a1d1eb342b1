# Octavo: `make` publishes every manuscript in content/ into dist/; `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := all

OCTAVO := node bin/octavo.js
TSC := node_modules/.bin/tsc
SOURCES := $(shell find src -name '*.ts') tsconfig.json
TESTS := $(shell find test bench -name '*.ts' 2>/dev/null)
EPUBCHECK_JAR := /usr/share/java/epubcheck.jar

# Reproducible editions: "now" in the books is the time of the last commit to the manuscripts.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct -- content 2>/dev/null)
export SOURCE_DATE_EPOCH

# A manuscript is a .md file in content/, or a folder there holding a book's chapters.
BOOKS := $(sort $(patsubst %/,%,$(dir $(wildcard content/*/*.md))))
NAMES := $(sort $(basename $(notdir $(wildcard content/*.md))) $(notdir $(BOOKS)))
EDITIONS := $(foreach name,$(NAMES),dist/$(name).epub dist/$(name).pdf)

.PHONY: all test check clean property
all: $(EDITIONS)

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

lib/src/cli.js: $(SOURCES) node_modules/.package-lock.json
	$(TSC) -p tsconfig.json
	@touch $@

# The suite runs from a clean compile: a test whose source was removed must not run from a stale lib/.
lib/.tests-built: $(SOURCES) $(TESTS) node_modules/.package-lock.json
	rm -rf lib
	$(TSC) -p tsconfig.json
	@touch lib/src/cli.js $@

dist/%.epub dist/%.pdf &: content/%.md lib/src/cli.js
	$(OCTAVO) build $< --out dist --quiet

define book_rule
dist/$(notdir $(1)).epub dist/$(notdir $(1)).pdf &: $(wildcard $(1)/*) lib/src/cli.js
	$$(OCTAVO) build $(1) --out dist --quiet
endef
$(foreach book,$(BOOKS),$(eval $(call book_rule,$(book))))

test: lib/.tests-built
	node lib/test/run-suite.js

# Validate what is in dist/: EPUBCheck on every EPUB, qpdf and the font table on every PDF.
check: all
	@status=0; \
	for epub in dist/*.epub; do \
	  if java -jar $(EPUBCHECK_JAR) -q "$$epub"; then echo "$$epub: EPUBCheck clean"; \
	  else echo "$$epub: EPUBCheck found problems"; status=1; fi; \
	done; \
	for pdf in dist/*.pdf; do \
	  qpdf --check "$$pdf" >/dev/null || { echo "$$pdf: qpdf found errors"; status=1; }; \
	  pdfinfo "$$pdf" | grep -q '^Tagged: *yes' || { echo "$$pdf: not tagged"; status=1; }; \
	  pdffonts "$$pdf" | awk 'NR > 2 && ($$(NF-4) != "yes" || $$(NF-3) != "yes") { bad = 1 } END { exit bad }' \
	    || { echo "$$pdf: a font is not embedded and subset"; status=1; }; \
	  echo "$$pdf: checked"; \
	done; \
	exit $$status

clean:
	rm -rf dist lib

# The property test at length: PROPERTY_CASES random documents from PROPERTY_SEED (bench/property.ts).
PROPERTY_CASES ?= 400
PROPERTY_SEED ?= 1
property: lib/.tests-built
	node lib/bench/property.js $(PROPERTY_CASES) $(PROPERTY_SEED)
