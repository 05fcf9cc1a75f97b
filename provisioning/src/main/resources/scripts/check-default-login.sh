#!/bin/sh
# Post-start check: fails when Grafana accepts the default password "admin", which happens when
# the admin password secret was missing or unreadable at Grafana's first start (Grafana then
# creates its admin user with the default), or when someone set it back.
#
#   sh check-default-login.sh [GRAFANA_URL]      (default: @GRAFANA_URL@)
#
# Exit status 0: the default login is refused; 1: it works (change the password now, see
# README.md, Rotating the admin password); 2: Grafana could not be asked.
# Two failed logins are logged by Grafana; its brute-force protection locks a user after 5 failed
# logins in 5 minutes, so do not run this in a loop.

url="${1:-@GRAFANA_URL@}"
url="${url%/}"
for user in @USERS@; do
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -u "${user}:admin" "${url}/api/user")" || status="000"
  case "${status}" in
    200)
      echo "FAIL: ${url} accepts the login ${user} / admin: set a real admin password now" >&2
      exit 1 ;;
    401|403) ;;
    *)
      echo "cannot tell: ${url}/api/user answered status ${status} for ${user}" >&2
      exit 2 ;;
  esac
done
echo "OK: ${url} refuses the default password for @USERS@"
