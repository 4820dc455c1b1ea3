# The two commands of the README:
#   make run    — install what is missing, build, and start Clearance
#   make check  — install what is missing, build, and run the whole test suite
# Everything else is plain meson; see README.md.

BUILDDIR ?= _build
MESON_ARGS ?=

.PHONY: all deps build run check bench clean

all: build

deps:
	@./tools/install-deps.sh

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) $(MESON_ARGS)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

run: build
	$(BUILDDIR)/app/gui/clearance

check: build
	meson test -C $(BUILDDIR) --print-errorlogs --num-processes 2

bench: build
	$(BUILDDIR)/app/cli/clearance-cli bench

clean:
	rm -rf $(BUILDDIR)
