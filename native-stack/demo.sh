#!/usr/bin/env bash
# Brings the observability stack and the workload simulator up on this machine, without Docker,
# on the compose setup's ports (Grafana 3000, Prometheus 9090, Jaeger 16686, OTLP 4317/4318,
# simulated backend 8000, workers 5003-5006), and stops them.
#
#   native-stack/demo.sh up       build what is missing, start everything, print the addresses
#   native-stack/demo.sh down     stop everything
#   native-stack/demo.sh status
#
# Servers are built on first use by native-stack/install.sh (minutes); logs and data go to
# target/native-stack/demo/. Grafana runs only where KTRDR_GRAFANA_HOME names an installed one.
set -euo pipefail

readonly PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly STATE_DIR="${PROJECT_DIR}/target/native-stack/demo"
readonly PID_FILE="${STATE_DIR}/demo.pid"
readonly LOG_FILE="${STATE_DIR}/demo.log"
readonly READY_FILE="${STATE_DIR}/ready"
readonly START_TIMEOUT_SECONDS=3600 # a first run builds Prometheus and Jaeger

log() { printf '[demo] %s\n' "$*" >&2; }

running_pid() {
  [[ -f "${PID_FILE}" ]] || return 1
  local pid
  pid="$(cat "${PID_FILE}")"
  kill -0 "${pid}" 2> /dev/null || return 1
  echo "${pid}"
}

up() {
  if running_pid > /dev/null; then
    log "already up (pid $(running_pid)):"
    cat "${READY_FILE}" 2> /dev/null || log "still starting; see ${LOG_FILE}"
    return
  fi
  log "building the project's jars (./mvnw package, tests skipped)"
  (cd "${PROJECT_DIR}" && ./mvnw -q -pl e2e-tests -am -DskipTests -DskipFrontend package dependency:build-classpath \
    -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime)
  rm -rf "${STATE_DIR}"
  mkdir -p "${STATE_DIR}"
  local classpath
  classpath="${PROJECT_DIR}/e2e-tests/target/classes:$(cat "${PROJECT_DIR}/e2e-tests/target/runtime-classpath.txt")"
  nohup java -cp "${classpath}" io.ktrdr.observability.e2e.stack.LocalDemo "${PROJECT_DIR}" "${STATE_DIR}" \
    > "${LOG_FILE}" 2>&1 < /dev/null 9>&- &
  echo $! > "${PID_FILE}"
  log "starting (pid $!); progress in ${LOG_FILE}"

  local waited=0 shown=0 lines
  while [[ ! -f "${READY_FILE}" ]]; do
    lines="$({ wc -l < "${LOG_FILE}"; } 2> /dev/null || echo "${shown}")"
    if (( lines > shown )); then sed -n "$((shown + 1)),${lines}p" "${LOG_FILE}" >&2; shown="${lines}"; fi
    if ! running_pid > /dev/null; then
      log "failed to start; last lines of ${LOG_FILE}:"
      tail -n 40 "${LOG_FILE}" >&2
      rm -f "${PID_FILE}"
      exit 1
    fi
    if (( waited >= START_TIMEOUT_SECONDS )); then
      log "not up within ${START_TIMEOUT_SECONDS} s; stopping it"
      down
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "up:"
  cat "${READY_FILE}"
  log "stop with: native-stack/demo.sh down"
}

down() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running"
    rm -f "${PID_FILE}"
    return
  fi
  log "stopping pid ${pid} (it stops the simulator and the servers)"
  kill -TERM "${pid}"
  local waited=0
  while kill -0 "${pid}" 2> /dev/null; do
    if (( waited >= 120 )); then log "still running after 60 s; killing it"; kill -KILL "${pid}"; break; fi
    sleep 0.5
    waited=$((waited + 1))
  done
  rm -f "${PID_FILE}" "${READY_FILE}"
  log "stopped"
}

status() {
  if running_pid > /dev/null; then
    log "up (pid $(running_pid))"
    cat "${READY_FILE}" 2> /dev/null || log "still starting; see ${LOG_FILE}"
  else
    log "not running"
  fi
}

# One demo.sh at a time per checkout: two would share the state directory and the ports.
mkdir -p "$(dirname "${STATE_DIR}")"
exec 9> "$(dirname "${STATE_DIR}")/demo.lock"
flock -n 9 || { log "another native-stack/demo.sh is running in ${PROJECT_DIR}; try again when it ends"; exit 1; }

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
