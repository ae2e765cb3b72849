#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two commands of README.md:
#   build-aux/dev.sh run [FILE…]   install what is missing, build, start Rostrum
#   build-aux/dev.sh test [ARGS…]  install what is missing, build, run every test
#
# Packages come from build-aux/debian-packages.txt (Debian 12). The build lives
# in _build; set BUILDDIR to use another folder.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${BUILDDIR:-"$top/_build"}

say () { printf 'dev.sh: %s\n' "$*" >&2; }

install_packages () {
  local wanted missing=()
  wanted=$(grep -v '^[[:space:]]*#' "$top/build-aux/debian-packages.txt" | awk 'NF')
  for pkg in $wanted; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  say "installing ${#missing[@]} Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

configure_and_build () {
  if [ ! -f "$builddir/build.ninja" ]; then
    say "configuring Meson in $builddir"
    meson setup "$builddir" "$top" >&2
  fi
  say "building"
  meson compile -C "$builddir" >&2
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    install_packages
    configure_and_build
    # The schema is compiled into the build folder; no install needed.
    export GSETTINGS_SCHEMA_DIR="$builddir/data"
    # The PDF reader is loaded from the build folder too.
    export ROSTRUM_MODULE_DIR="$builddir/src/import"
    exec "$builddir/src/rostrum" "$@"
    ;;
  test)
    install_packages
    configure_and_build
    say "running the test suite (widget tests under Xvfb)"
    # dbus-run-session gives the widget tests a private session bus; Xvfb
    # a display. Without either, those tests skip rather than fail.
    # -noreset: Xvfb would otherwise reset between two test programs, and
    # one starting at that moment finds no display.
    exec xvfb-run -a -s '-screen 0 1280x1024x24 -noreset' \
      dbus-run-session -- meson test -C "$builddir" --print-errorlogs "$@"
    ;;
  *)
    echo "usage: $0 run [FILE…] | test [MESON-TEST-ARGS…]" >&2
    exit 2
    ;;
esac
