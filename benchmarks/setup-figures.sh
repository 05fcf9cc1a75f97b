#!/usr/bin/env bash
# Prints how long README's two commands take: `./demo up` (then `./demo down`) and `./mvnw verify`,
# cold and warm, with verify's time per module and per test class, so a change to the build or
# the tests can be compared with the figures before it. A benchmark, not a test: it asserts nothing.
#
#   benchmarks/setup-figures.sh [--cold] [--warm] [--skip-demo] [--skip-verify]
#
# --cold runs both commands with every cache empty: a fresh Maven repository and wrapper, Go
# module and build caches, the native servers' cache, npm's and pip's caches, all in a temporary
# directory (your own caches are neither used nor touched), on a fresh clone of HEAD.
# --warm (the default) runs them in a fresh clone of HEAD with your caches as they are; run it
# twice for a fully warm figure. Figures go to stdout; the commands' output to
# target/setup-figures/<run>/*.log.
set -euo pipefail

readonly PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly OUT_DIR="${PROJECT_DIR}/target/setup-figures"

log() { printf '[setup-figures] %s\n' "$*" >&2; }

# Seconds taken by a command, its output to a log; fails the script when the command fails.
timed() {
  local log_file="$1"; shift
  local started=${SECONDS}
  if ! "$@" > "${log_file}" 2>&1; then
    log "failed: $* (see ${log_file})"
    tail -n 30 "${log_file}" >&2
    exit 1
  fi
  echo $((SECONDS - started))
}

# Per module: Maven's reactor summary lines ("module ....... SUCCESS [ 12.345 s]"). Built several
# at a time (-T in .mvn/maven.config), each module's time is its own and they overlap; with the
# log's timestamps (see run), each line also says when the module started and ended, counted from
# the build's start, which shows what waited for what.
module_times() {
  local threads
  threads="$(sed -n -E 's/.*MultiThreadedBuilder implementation with a thread count of ([0-9]+).*/\1/p' "$1" | head -n 1)"
  if [[ -n "${threads}" ]]; then echo "  (${threads} modules at a time: each module's own time, overlapping)"; fi
  awk '
    function seconds(hms,   p) { split(hms, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
    {
      stamp = ""
      if (match($0, /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ /)) {
        stamp = seconds(substr($0, 1, RLENGTH - 1)); line = substr($0, RLENGTH + 1)
        if (first == "") first = stamp
        if (stamp < first) stamp += 86400
      } else line = $0
    }
    line ~ /^\[INFO\] Building .* \[[0-9]+\/[0-9]+\]$/ && stamp != "" {
      name = line; sub(/^\[INFO\] Building /, "", name); sub(/ +\[[0-9]+\/[0-9]+\]$/, "", name); sub(/ [^ ]+$/, "", name)
      if (!(name in started)) started[name] = stamp - first
    }
    line ~ /^\[INFO\] [^ ].*[^ .] \.+ SUCCESS \[ *[0-9:.]+ (s|min)\]$/ {
      name = line; sub(/^\[INFO\] /, "", name); sub(/ \.+ SUCCESS.*/, "", name)
      took = line; sub(/.*SUCCESS \[ */, "", took); sub(/\]$/, "", took)
      if (took ~ / min$/) { split(took, t, /[: ]/); secs = t[1] * 60 + t[2] } else { secs = took; sub(/ s$/, "", secs) }
      if (name in started) printf "  %s: %s (%.0f s to %.0f s)\n", name, took, started[name], started[name] + secs
      else printf "  %s: %s\n", name, took
    }
  ' "$1"
}

# Per test class: the time of each surefire and failsafe report, slowest first.
class_times() {
  local clone="$1" report
  for report in "${clone}"/*/target/surefire-reports/TEST-*.xml "${clone}"/*/target/failsafe-reports/TEST-*.xml; do
    [[ -f "${report}" ]] || continue
    sed -n -E '0,/<testsuite /s/.*<testsuite [^>]*name="([^"]+)"[^>]*time="([0-9.,]+)".*/\2 \1/p;0,/<testsuite /s/.*<testsuite [^>]*time="([0-9.,]+)"[^>]*name="([^"]+)".*/\1 \2/p' "${report}" | head -n 1
  done | tr -d ',' | sort -rn | awk '{ printf "  %7.1f s  %s\n", $1, $2 }'
}

run() {
  local kind="$1" with_demo="$2" with_verify="$3" run_dir clone
  run_dir="${OUT_DIR}/${kind}-$(date +%Y%m%dT%H%M%S)"
  clone="${run_dir}/clone"
  mkdir -p "${run_dir}"
  git clone -q --no-hardlinks "${PROJECT_DIR}" "${clone}"
  local env_vars=()
  if [[ "${kind}" == cold ]]; then
    local caches="${run_dir}/caches"
    mkdir -p "${caches}"
    env_vars=(
      "MAVEN_USER_HOME=${caches}/m2"
      "MAVEN_ARGS=-Dmaven.repo.local=${caches}/m2/repository"
      "GOMODCACHE=${caches}/go/mod" "GOCACHE=${caches}/go/build" "GOPATH=${caches}/go"
      "KTRDR_NATIVE_CACHE=${caches}/native"
      "npm_config_cache=${caches}/npm" "PIP_CACHE_DIR=${caches}/pip")
  fi
  log "${kind} run in ${run_dir}"
  echo "${kind} ($(git -C "${clone}" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)):"
  if [[ "${with_demo}" == true ]]; then
    local up down
    up="$(cd "${clone}" && timed "${run_dir}/demo-up.log" env "${env_vars[@]}" ./demo up)"
    down="$(cd "${clone}" && timed "${run_dir}/demo-down.log" env "${env_vars[@]}" ./demo down)"
    echo "  ./demo up: ${up} s; ./demo down: ${down} s"
  fi
  if [[ "${with_verify}" == true ]]; then
    local verify
    # The timestamps only change how the log's lines begin.
    verify="$(cd "${clone}" && timed "${run_dir}/verify.log" env "${env_vars[@]}" ./mvnw --batch-mode verify \
      -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)"
    echo "  ./mvnw verify: ${verify} s"
    echo " per module:"
    module_times "${run_dir}/verify.log"
    echo " per test class:"
    class_times "${clone}"
  fi
  if [[ "${kind}" == cold ]]; then
    log "removing the run's caches ($(du -sh "${run_dir}/caches" | cut -f1))"
    chmod -R u+w "${run_dir}/caches" && rm -rf "${run_dir}/caches"
  fi
}

main() {
  local kinds=() with_demo=true with_verify=true
  for arg in "$@"; do
    case "${arg}" in
      --cold) kinds+=(cold) ;;
      --warm) kinds+=(warm) ;;
      --skip-demo) with_demo=false ;;
      --skip-verify) with_verify=false ;;
      -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
      *) log "unknown argument '${arg}'; expected --cold, --warm, --skip-demo or --skip-verify"; exit 2 ;;
    esac
  done
  (( ${#kinds[@]} > 0 )) || kinds=(warm)
  local kind
  for kind in "${kinds[@]}"; do run "${kind}" "${with_demo}" "${with_verify}"; done
}

main "$@"
