#!/usr/bin/env bash
# Headless Chromium for the browser tests (test/browser/): Debian's `chromium` package, installed
# with apt-get when it is missing (as root; CI starts from a fresh machine where nothing was
# installed by hand). Prints the path of the browser on standard output, and nothing else there.
#
#   bash scripts/browser/chromium.sh          # install if missing, print the path
#   GOVCLOUD_CHROMIUM=/path/to/chromium ...   # use this browser instead (no install)
set -euo pipefail

log() { printf '[chromium] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [[ -n "${GOVCLOUD_CHROMIUM:-}" ]]; then
  [[ -x "$GOVCLOUD_CHROMIUM" ]] || die "GOVCLOUD_CHROMIUM=$GOVCLOUD_CHROMIUM is not an executable file"
  printf '%s\n' "$GOVCLOUD_CHROMIUM"
  exit 0
fi

found() { command -v chromium 2>/dev/null || true; }

if [[ -z "$(found)" ]]; then
  [[ "$(id -u)" == 0 ]] || die "need root to apt-get install chromium (or install it yourself, or set GOVCLOUD_CHROMIUM)"
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install Chromium yourself and set GOVCLOUD_CHROMIUM"
  LOGS="${GOVCLOUD_CACHE:-$HOME/.cache/govcloud}/logs"
  mkdir -p "$LOGS"
  log "install  chromium (apt-get; log in $LOGS/install-chromium.log)"
  start=$SECONDS
  {
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk
  } >"$LOGS/install-chromium.log" 2>&1 || die "apt-get install chromium failed: see $LOGS/install-chromium.log"
  log "installed chromium in $((SECONDS - start))s"
fi

path="$(found)"
[[ -n "$path" ]] || die "chromium is still not on PATH after the install"
printf '%s\n' "$path"
