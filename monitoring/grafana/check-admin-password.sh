#!/bin/sh
# Refuses an admin password Grafana would not use, before anything of the stack starts: the
# compose file runs this as a one-shot service, as Grafana's own user (uid 472), that every other
# service waits for. Grafana's image reads GF_SECURITY_ADMIN_PASSWORD__FILE with the shell's
# $(< file): a missing or unreadable file gives an empty password, which Grafana ignores, and the
# admin user silently keeps the default password "admin". This check fails instead.
#
# Reads the password as Grafana does: from the file GF_SECURITY_ADMIN_PASSWORD__FILE names, or
# else from GF_SECURITY_ADMIN_PASSWORD. Exit status 0: usable; 1: refused, with the reason.

fail() {
  echo "grafana admin password: $*" >&2
  echo "No service of the stack is started. See README.md, Install: the admin password." >&2
  exit 1
}

if [ -n "${GF_SECURITY_ADMIN_PASSWORD__FILE:-}" ]; then
  file="${GF_SECURITY_ADMIN_PASSWORD__FILE}"
  [ -e "${file}" ] || fail "no secret file at ${file}; create it before the first start"
  [ -f "${file}" ] || fail "${file} is not a regular file"
  [ -r "${file}" ] || fail "${file} is not readable by uid $(id -u), the user Grafana runs as; make the file readable by that uid (and keep its directory closed to others)"
  password="$(cat "${file}")" || fail "cannot read ${file}"
  source="${file}"
else
  password="${GF_SECURITY_ADMIN_PASSWORD:-}"
  source="GF_SECURITY_ADMIN_PASSWORD"
fi

# Grafana ignores an empty value; spaces alone are no password either.
[ -n "$(printf '%s' "${password}" | tr -d ' \t\r\n')" ] || fail "${source} is empty"
lower="$(printf '%s' "${password}" | tr 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' 'abcdefghijklmnopqrstuvwxyz')"
case "${lower}" in
  admin|password|changeme|grafana|secret) fail "${source} holds a default password; choose another" ;;
esac
echo "grafana admin password: set (${source})"
