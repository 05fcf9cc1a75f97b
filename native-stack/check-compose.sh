#!/usr/bin/env bash
# Validates Compose files without a Docker engine, with the parser Docker Compose uses
# (compose-go, from the Go module proxy; see compose-check/main.go).
#
#   native-stack/check-compose.sh [COMPOSE_FILE...]    (default: docker-compose.dev.yml)
set -euo pipefail

readonly PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(( $# > 0 )) || set -- "${PROJECT_DIR}/docker-compose.dev.yml"

# Non-interactive shells (CI) may lack the PATH entry a login shell adds for Go.
if ! command -v go > /dev/null && [[ -x /usr/local/go/bin/go ]]; then PATH="/usr/local/go/bin:${PATH}"; fi
command -v go > /dev/null || { echo "error: the Go toolchain (go) is not on PATH" >&2; exit 1; }

files=()
for file in "$@"; do files+=("$(cd "$(dirname "${file}")" && pwd)/$(basename "${file}")"); done
cd "${PROJECT_DIR}/native-stack/compose-check"
GOWORK=off GOTOOLCHAIN=local GOFLAGS=-mod=readonly exec go run . "${files[@]}"
