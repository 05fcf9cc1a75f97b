#!/usr/bin/env bash
# Checks Grafana dashboard JSON against the dashboard schema Grafana publishes as typed Go code
# (grafana-foundation-sdk, from the Go module proxy; see dashboard-check/main.go), without Grafana.
#
#   native-stack/check-dashboards.sh [DASHBOARD_JSON_OR_DIRECTORY...]
#       (default: monitoring/grafana/dashboards)
set -euo pipefail

readonly PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(( $# > 0 )) || set -- "${PROJECT_DIR}/monitoring/grafana/dashboards"

# Non-interactive shells (CI) may lack the PATH entry a login shell adds for Go.
if ! command -v go > /dev/null && [[ -x /usr/local/go/bin/go ]]; then PATH="/usr/local/go/bin:${PATH}"; fi
command -v go > /dev/null || { echo "error: the Go toolchain (go) is not on PATH" >&2; exit 1; }

paths=()
for path in "$@"; do
  paths+=("$(realpath -m -- "${path}")")
done
cd "${PROJECT_DIR}/native-stack/dashboard-check"
GOWORK=off GOTOOLCHAIN=local GOFLAGS=-mod=readonly exec go run . "${paths[@]}"
