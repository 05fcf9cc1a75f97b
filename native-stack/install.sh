#!/usr/bin/env bash
# Builds the observability stack from Go modules, at the versions docker-compose.dev.yml pins,
# into a per-version cache that later runs (and CI on the same machine) reuse.
#
#   native-stack/install.sh [--print-homes] [grafana] [prometheus] [jaeger] [alertmanager]
#
# With no component named, all four are installed. Progress, time taken and disk used go to
# stderr. With --print-homes, stdout gets one line per component, "<component>=<home dir>",
# which is how the Java launcher finds the binaries.
#
# Versions: the image tags of ${KTRDR_COMPOSE_FILE:-docker-compose.dev.yml at the project root}.
# Cache: ${KTRDR_NATIVE_CACHE:-${XDG_CACHE_HOME:-~/.cache}/ktrdr-observability/native}/<component>-<version>/
# A home is complete once its ".complete" marker exists; it is built in a temporary directory
# and moved into place, so an interrupted build never leaves a half-written home behind.
#
# Only the Go toolchain against the module proxy is used: go mod download, then go build inside
# the downloaded module (their go.mod files carry replace lines, which `go install` refuses).
set -euo pipefail

readonly PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly COMPOSE_FILE="${KTRDR_COMPOSE_FILE:-${PROJECT_DIR}/docker-compose.dev.yml}"
readonly CACHE_ROOT="${KTRDR_NATIVE_CACHE:-${XDG_CACHE_HOME:-${HOME}/.cache}/ktrdr-observability/native}"

# Release version -> Go module version. One row per release that can be built here.
# Prometheus 3.x is published as module v0.3xx.y (VERSION file of v0.314.0 reads 3.14.0).
# Jaeger v2 tags are not valid versions of its module path; its release v2.13.0 carries the
# module tag v1.76.0 (CHANGELOG: "v1.76.0 / v2.13.0"), the newest one the module proxy serves.
# Grafana has no row: the module proxy refuses github.com/grafana/grafana at every version
# (403 "This module version is not available"), so it cannot be built here; point
# KTRDR_GRAFANA_HOME at an installed Grafana instead.
module_version_of() {
  case "$1 $2" in
    "prometheus 3.14.0") echo "github.com/prometheus/prometheus v0.314.0" ;;
    "jaeger 2.13.0")     echo "github.com/jaegertracing/jaeger v1.76.0" ;;
    "alertmanager 0.35.0") echo "github.com/prometheus/alertmanager v0.35.0" ;;
    *) return 1 ;;
  esac
}

# The releases of a component that module_version_of knows, for error messages.
known_releases_of() {
  sed -n -E "s/^[[:space:]]*\"$1 ([^\"]+)\"\).*/\1/p" "${BASH_SOURCE[0]}" | paste -sd, -
}

# Main packages built per component, relative to the module root.
packages_of() {
  case "$1" in
    prometheus) echo "./cmd/prometheus ./cmd/promtool" ;;
    jaeger)     echo "./cmd/jaeger" ;;
    alertmanager) echo "./cmd/alertmanager ./cmd/amtool" ;;
  esac
}

# Build tags per component. Prometheus: remove_all_sd leaves out every service discovery but
# file and HTTP (plugins/minimum.go); the kit's configurations use static_configs only, which
# need none. That drops the cloud SDKs, most of its packages.
tags_of() {
  case "$1" in
    prometheus) echo "remove_all_sd" ;;
    *) echo "" ;;
  esac
}

# Linker flags per component: version stamping as the projects' own release builds do it,
# and no symbol tables (halves the disk use; stack traces keep their function names).
ldflags_of() {
  local version="$2"
  case "$1" in
    prometheus) echo "-s -w -X github.com/prometheus/common/version.Version=${version}" ;;
    jaeger)     echo "-s -w -X github.com/jaegertracing/jaeger/internal/version.latestVersion=v${version}" ;;
    alertmanager) echo "-s -w -X github.com/prometheus/common/version.Version=${version}" ;;
  esac
}

# Image name in docker-compose.dev.yml per component.
image_of() {
  case "$1" in
    grafana)    echo "grafana/grafana" ;;
    prometheus) echo "prom/prometheus" ;;
    jaeger)     echo "jaegertracing/jaeger" ;;
    alertmanager) echo "prom/alertmanager" ;;
  esac
}

log() { printf '[native-stack] %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

# The image tag pinned in the compose file, without a leading "v".
pinned_version_of() {
  local component="$1" image tag
  image="$(image_of "${component}")"
  [[ -f "${COMPOSE_FILE}" ]] \
    || fail "no ${COMPOSE_FILE}; generate it: ./mvnw -q -pl provisioning -am -Pgenerate process-classes"
  tag="$(sed -n -E "s#^[[:space:]]*image:[[:space:]]*[\"']?${image}:([^\"'[:space:]]+).*#\1#p" "${COMPOSE_FILE}" | head -n 1)"
  [[ -n "${tag}" ]] || fail "${COMPOSE_FILE}: no 'image: ${image}:<tag>' line"
  echo "${tag#v}"
}

human_size() { du -sh "$1" 2>/dev/null | cut -f1; }

# Counts the packages `go build -v` compiles and reports every 100, so a long build shows progress.
show_progress() {
  local component="$1" log_file="$2" count=0 line
  while IFS= read -r line; do
    printf '%s\n' "${line}" >> "${log_file}"
    count=$((count + 1))
    if (( count % 100 == 0 )); then log "  ${component}: ${count} packages compiled"; fi
  done
}

# The directory to build a component in. Usually the downloaded module itself; Alertmanager's
# ui package embeds its compiled web UI (ui/app/dist), which the module does not ship and which
# is not built here (no JavaScript builds): a copy gets a placeholder page in its place. The
# HTTP API (/api/v2/...) and amtool do not need the UI.
prepare_source() {
  local component="$1" module_dir="$2" staging="$3" page
  case "${component}" in
    alertmanager)
      cp -R "${module_dir}" "${staging}/src"
      chmod -R u+w "${staging}/src"
      page='<!doctype html><title>Alertmanager</title><p>The web UI is not part of this build; the API is at /api/v2/.</p>'
      mkdir -p "${staging}/src/ui/app/dist/elm" "${staging}/src/ui/app/dist/mantine"
      printf '%s\n' "${page}" > "${staging}/src/ui/app/dist/elm/index.html"
      printf '%s\n' "${page}" > "${staging}/src/ui/app/dist/mantine/index.html"
      echo "${staging}/src"
      ;;
    *) echo "${module_dir}" ;;
  esac
}

build_go_component() {
  local component="$1" version="$2" home="$3" module="$4" module_version="$5" module_dir staging started
  started="${SECONDS}"
  log "building ${component} ${version} from ${module}@${module_version} (first build takes minutes)"

  module_dir="$(go mod download -json "${module}@${module_version}" | sed -n -E 's/^[[:space:]]*"Dir": "(.*)",?$/\1/p')"
  [[ -d "${module_dir}" ]] || fail "go mod download ${module}@${module_version} gave no module directory"

  mkdir -p "${CACHE_ROOT}"
  staging="$(mktemp -d "${CACHE_ROOT}/.${component}-${version}.XXXXXX")"
  # Runs in the subshell of one component: removes what an interrupted or failed build left.
  trap "rm -rf '${staging}'" EXIT
  chmod 755 "${staging}"
  mkdir -p "${staging}/bin"
  module_dir="$(prepare_source "${component}" "${module_dir}" "${staging}")"
  local package
  for package in $(packages_of "${component}"); do
    log "  go build ${package}"
    (cd "${module_dir}" && nice -n 10 go build -v -tags="$(tags_of "${component}")" -ldflags="$(ldflags_of "${component}" "${version}")" -o "${staging}/bin/$(basename "${package}")" "${package}" 2>&1) \
      | show_progress "${component}" "${staging}/build.log"
    [[ "${PIPESTATUS[0]}" == 0 ]] || { tail -n 30 "${staging}/build.log" >&2; fail "go build ${package} of ${module}@${module_version} failed"; }
  done
  rm -rf "${staging}/src"
  printf '%s %s@%s tags=%s\n' "${component}-${version}" "${module}" "${module_version}" "$(tags_of "${component}")" > "${staging}/.complete"
  rm -rf "${home}"
  mv "${staging}" "${home}"
  log "built ${component} ${version} in $((SECONDS - started)) s, $(human_size "${home}") on disk: ${home}"
}

# Grafana cannot be built here (see module_version_of); an existing install is used instead.
grafana_home() {
  local version="$1" home="${KTRDR_GRAFANA_HOME:-}"
  if [[ -z "${home}" ]]; then
    log "error: grafana ${version}: cannot be built from the Go module proxy, which refuses"
    log "  github.com/grafana/grafana (403 \"This module version is not available\")."
    log "  Install Grafana ${version} and set KTRDR_GRAFANA_HOME to its home directory"
    log "  (the one holding bin/grafana, conf/defaults.ini and public/)."
    return 1
  fi
  [[ -x "${home}/bin/grafana" && -f "${home}/conf/defaults.ini" && -d "${home}/public" ]] \
    || { log "error: KTRDR_GRAFANA_HOME=${home}: expected bin/grafana, conf/defaults.ini and public/"; return 1; }
  echo "${home}"
}

install_component() {
  local component="$1" version home
  version="$(pinned_version_of "${component}")" || return 1
  if [[ "${component}" == grafana ]]; then
    grafana_home "${version}"
    return
  fi
  local row module module_version
  row="$(module_version_of "${component}" "${version}")" \
    || fail "${component} ${version} (pinned in ${COMPOSE_FILE}): no Go module version known for it;" \
      "releases that build here: $(known_releases_of "${component}"). Pin one of those, or add a row to module_version_of in native-stack/install.sh"
  read -r module module_version <<< "${row}"
  home="${CACHE_ROOT}/${component}-${version}"
  if [[ ! -f "${home}/.complete" ]]; then
    # One build per home at a time: a second install (another test run, another checkout) waits
    # for the first and then finds the home complete. The lock goes with this subshell.
    mkdir -p "${CACHE_ROOT}"
    exec 9> "${CACHE_ROOT}/.${component}-${version}.lock"
    if ! flock -n 9; then
      log "${component} ${version}: another install is building it; waiting"
      flock 9
    fi
  fi
  if [[ -f "${home}/.complete" ]]; then
    log "${component} ${version}: cached ($(human_size "${home}")) in ${home}"
  else
    build_go_component "${component}" "${version}" "${home}" "${module}" "${module_version}" || return 1
  fi
  echo "${home}"
}

main() {
  local print_homes=false components=() component
  for arg in "$@"; do
    case "${arg}" in
      --print-homes) print_homes=true ;;
      grafana|prometheus|jaeger|alertmanager) components+=("${arg}") ;;
      -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
      *) fail "unknown argument '${arg}'; expected --print-homes, grafana, prometheus, jaeger or alertmanager" ;;
    esac
  done
  (( ${#components[@]} > 0 )) || components=(prometheus jaeger alertmanager grafana)
  # Non-interactive shells (CI) may lack the PATH entry a login shell adds for Go.
  if ! command -v go > /dev/null && [[ -x /usr/local/go/bin/go ]]; then PATH="/usr/local/go/bin:${PATH}"; fi
  command -v go > /dev/null || fail "the Go toolchain (go) is not on PATH; install Go 1.24 or newer"

  # Build in the downloaded module as released: no workspace, no toolchain switch, no VCS stamping.
  export GOWORK=off GOTOOLCHAIN=local GOFLAGS=-buildvcs=false

  # Components build side by side: while one downloads its modules or links, the other compiles.
  local started="${SECONDS}" homes=() failed=() home results pids=()
  results="$(mktemp -d)"
  trap "rm -rf '${results}'" EXIT
  for component in "${components[@]}"; do
    ( install_component "${component}" > "${results}/${component}" ) &
    pids+=("$!")
  done
  local i
  for i in "${!components[@]}"; do
    component="${components[$i]}"
    if wait "${pids[$i]}"; then
      homes+=("${component}=$(cat "${results}/${component}")")
    else
      failed+=("${component}")
    fi
  done
  log "done in $((SECONDS - started)) s; cache ${CACHE_ROOT} holds $(human_size "${CACHE_ROOT}" || echo 0)"
  if ${print_homes} && (( ${#homes[@]} > 0 )); then printf '%s\n' "${homes[@]}"; fi
  (( ${#failed[@]} == 0 )) || fail "not installed: ${failed[*]}"
}

# In braces: bash reads the whole block before running it, so a build under way is not
# disturbed when this file changes (e.g. a checkout) before it ends.
{ main "$@"; exit; }
