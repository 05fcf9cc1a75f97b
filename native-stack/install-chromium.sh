#!/usr/bin/env bash
# Makes sure a headless Chromium is there for the tests that drive one (the screenshot tool's),
# and prints its path.
#
#   native-stack/install-chromium.sh
#
# Found: KTRDR_CHROMIUM, else chromium, chromium-browser, google-chrome or google-chrome-stable
# on PATH. Missing: installed from Debian's package `chromium` when this runs as root with
# apt-get (as on CI machines and in containers); otherwise it fails at once, naming the one
# command that installs it, instead of letting the tests fail one by one minutes later.
# `./mvnw verify` runs it before the end-to-end tests.
set -euo pipefail

log() { printf '[chromium] %s\n' "$*" >&2; }

found() {
  if [[ -n "${KTRDR_CHROMIUM:-}" ]]; then
    [[ -x "${KTRDR_CHROMIUM}" ]] || { log "error: KTRDR_CHROMIUM=${KTRDR_CHROMIUM} is not an executable file"; exit 1; }
    echo "${KTRDR_CHROMIUM}"
    return 0
  fi
  local name
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "${name}" > /dev/null 2>&1; then command -v "${name}"; return 0; fi
  done
  return 1
}

install_with_apt() {
  local attempt
  for attempt in 1 2; do
    log "installing Debian's chromium (attempt ${attempt} of 2)"
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; then
      return 0
    fi
    sleep 5
  done
  return 1
}

main() {
  if found; then return 0; fi
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get > /dev/null 2>&1; then
    install_with_apt || { log "error: apt-get could not install chromium"; exit 1; }
    found || { log "error: chromium was installed but is not on PATH"; exit 1; }
    return 0
  fi
  log "error: no Chromium found, and this is not root with apt-get to install it."
  log "  Install it:  sudo apt-get install -y chromium"
  log "  or name one: export KTRDR_CHROMIUM=/path/to/chromium"
  log "  or leave out the end-to-end tests: ./mvnw verify -DskipE2E"
  exit 1
}

main "$@"
