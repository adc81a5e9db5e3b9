#!/usr/bin/env bash
# render.sh — prints deploy/nginx/broadsheet.conf with its placeholders filled in. The installed
# site and the deploy test (tests/deploy/) both come from here.
#
#   render.sh [--listen ADDR] [--upstream HOST:PORT] [--server-name NAME]
#             [--tls-listen ADDR --cert FILE --key FILE]
#
#   --listen       where nginx takes plain HTTP (default 80)
#   --upstream     where broadsheet-server listens (default 127.0.0.1:8080)
#   --server-name  nginx server_name (default _, any name)
#   --tls-listen, --cert, --key
#                  turn on HTTPS (the lines marked "#tls"): HTTPS on --tls-listen (default 443)
#                  with this certificate chain and key, HSTS, and plain HTTP redirecting to it.
#                  Without --cert the TLS lines stay commented out.
set -euo pipefail

listen=80
upstream=127.0.0.1:8080
server_name=_
tls_listen=443
cert=""
key=""
while [ $# -gt 0 ]; do
  case "$1" in
    --listen) listen="$2"; shift 2 ;;
    --upstream) upstream="$2"; shift 2 ;;
    --server-name) server_name="$2"; shift 2 ;;
    --tls-listen) tls_listen="$2"; shift 2 ;;
    --cert) cert="$2"; shift 2 ;;
    --key) key="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "render.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if { [ -n "$cert" ] && [ -z "$key" ]; } || { [ -z "$cert" ] && [ -n "$key" ]; }; then
  echo "render.sh: --cert and --key go together" >&2
  exit 2
fi
# Values go into sed replacements: refuse the characters that would break them or the config.
for value in "$listen" "$upstream" "$server_name" "$tls_listen" "$cert" "$key"; do
  case "$value" in
    *[\|\;\{\}\&\\\'\"[:space:]]*) echo "render.sh: unsafe value: $value" >&2; exit 2 ;;
  esac
done

template="$(dirname "$0")/broadsheet.conf"
tls_lines="s/^#tls /#tls /"  # without a certificate the TLS lines stay as they are
[ -n "$cert" ] && tls_lines='s/^#tls \(.*\)$/    \1/'
sed -e "$tls_lines" \
    -e "s|@LISTEN@|$listen|g" \
    -e "s|@UPSTREAM@|$upstream|g" \
    -e "s|@SERVER_NAME@|$server_name|g" \
    -e "s|@TLS_LISTEN@|$tls_listen|g" \
    -e "s|@CERT@|${cert:-/etc/ssl/certs/CHANGE-ME.pem}|g" \
    -e "s|@KEY@|${key:-/etc/ssl/private/CHANGE-ME.key}|g" \
    "$template"
