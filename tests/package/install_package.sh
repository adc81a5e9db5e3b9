#!/usr/bin/env bash
# install_package.sh — the Debian package tested as an operator uses it: package the built tree
# with CPack, install it with dpkg (apt-get install -f for missing dependencies), index the seed
# articles with the installed indexer and its installed registry, serve them with the installed
# server and its installed frontend, then purge the package and check nothing is left. Needs
# root (dpkg): fails, never skips, without it. Run by ctest (tests/package/CMakeLists.txt), which
# passes BROADSHEET_BUILD_DIR, BROADSHEET_ROOT, BROADSHEET_VERSION, BROADSHEET_CPACK and
# BROADSHEET_NODE.
set -euo pipefail

build_dir="${BROADSHEET_BUILD_DIR:?set by ctest}"
root="${BROADSHEET_ROOT:?set by ctest}"
version="${BROADSHEET_VERSION:?set by ctest}"
cpack="${BROADSHEET_CPACK:-cpack}"
node="${BROADSHEET_NODE:-node}"
package=broadsheet

checks=0
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
ok() {
  checks=$((checks + 1))
  echo "ok $checks - $*"
}

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    fail "installing a package needs root or passwordless sudo (CI runs as root); not run"
  fi
fi
as_root() { "${sudo[@]}" "$@"; }
# Runs a dpkg or apt-get command as root with its output in the file $1. dpkg refuses at once
# while another package manager holds its lock, so that refusal is retried for up to 2 minutes.
package_tool() {
  local log="$1"
  shift
  for _ in $(seq 1 60); do
    if as_root "$@" >"$log" 2>&1; then return 0; fi
    grep -qi 'lock' "$log" || return 1
    sleep 2
  done
  return 1
}
command -v "$node" >/dev/null || fail "node is needed to read JSON answers (scripts/install-deps.sh --test)"
command -v curl >/dev/null || fail "curl is needed (scripts/install-deps.sh --test)"
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps (dpkg-dev) is needed (scripts/install-deps.sh)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/broadsheet-package.XXXXXX")"
server_pid=""
installed=0
cleanup() {
  if [ -n "$server_pid" ]; then
    as_root kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  # Leave the machine as it was found, also when a check failed half-way.
  if [ "$installed" = 1 ]; then package_tool "$tmp/cleanup.log" dpkg --purge "$package" || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
# The broadsheet user reads the copied articles from here.
chmod 755 "$tmp"

# --- what the package is made from --------------------------------------------------------------
for built in server/broadsheet-server indexer/broadsheet-indexer man/broadsheet-server.1 \
  man/broadsheet-indexer.1; do
  [ -f "$build_dir/$built" ] || fail "$build_dir/$built is missing: build everything first (cmake --build)"
done

# A package left by an earlier run (or installed by hand) would hide what this one installs.
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q installed; then
  echo "# purging the $package package installed before this test"
  package_tool "$tmp/purge-before.log" dpkg --purge "$package" ||
    { cat "$tmp/purge-before.log"; fail "the $package package installed before could not be purged"; }
fi

# --- package ------------------------------------------------------------------------------------
"$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$tmp/package" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack failed"; }
deb="$(find "$tmp/package" -maxdepth 1 -name "${package}_${version}_*.deb" | head -n 1)"
[ -n "$deb" ] || { cat "$tmp/cpack.log"; fail "cpack made no ${package}_${version}_*.deb"; }
ok "cpack made $(basename "$deb")"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "# Depends: $depends"
for dependency in adduser libxapian libc6 libstdc++6 zlib1g libbrotli1; do
  [[ "$depends" == *"$dependency"* ]] || fail "Depends lacks $dependency: $depends"
done
ok "runtime dependencies computed (Xapian, zlib and brotli, the C and C++ runtimes) plus adduser"

contents="$(dpkg-deb -c "$deb")"
for file in ./usr/bin/broadsheet-server ./usr/bin/broadsheet-indexer \
  ./usr/share/broadsheet/web/index.html ./usr/share/broadsheet/outlets.tsv \
  ./usr/share/broadsheet/speaker-aliases.tsv ./usr/share/man/man1/broadsheet-server.1 \
  ./usr/share/man/man1/broadsheet-indexer.1 ./usr/share/doc/broadsheet/README.md \
  ./usr/share/doc/broadsheet/CHANGELOG.md ./usr/share/doc/broadsheet/deploy.md \
  ./usr/share/doc/broadsheet/examples/broadsheet.conf ./usr/share/doc/broadsheet/examples/render.sh \
  ./usr/lib/systemd/system/broadsheet.service; do
  grep -q " $file\$" <<<"$contents" || fail "the package lacks $file"
done
if grep -q '/usr/local\|_CPack_Packages' <<<"$contents"; then fail "the package has paths outside /usr"; fi
ok "the package holds programs, frontend, registries, man pages, docs, examples and the unit"

# --- install ------------------------------------------------------------------------------------
installed=1
if ! package_tool "$tmp/dpkg.log" dpkg -i "$deb"; then
  cat "$tmp/dpkg.log"
  echo "# dpkg -i left dependencies missing; apt-get install -f"
  package_tool "$tmp/apt.log" env DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq ||
    { cat "$tmp/apt.log"; fail "the package did not install"; }
fi
dpkg-query -W -f='${Status}' "$package" | grep -q "install ok installed" ||
  { cat "$tmp/dpkg.log"; fail "the package is not installed after dpkg -i"; }
ok "dpkg -i installed $package"

[ "$(/usr/bin/broadsheet-server --version)" = "broadsheet-server $version" ] ||
  fail "broadsheet-server --version says '$(/usr/bin/broadsheet-server --version)'"
[ "$(/usr/bin/broadsheet-indexer --version)" = "broadsheet-indexer $version" ] ||
  fail "broadsheet-indexer --version says '$(/usr/bin/broadsheet-indexer --version)'"
ok "both installed programs print version $version"

if ! man -w broadsheet-indexer >/dev/null 2>&1 && [ ! -f /usr/share/man/man1/broadsheet-indexer.1 ] &&
  [ ! -f /usr/share/man/man1/broadsheet-indexer.1.gz ]; then
  # Slim images tell dpkg not to unpack man pages; the package holding them is checked above.
  grep -rqs 'path-exclude=*/usr/share/man' /etc/dpkg/dpkg.cfg.d/ ||
    fail "no man page for broadsheet-indexer after installing"
  echo "# dpkg is set to leave out /usr/share/man here; the man pages are in the package"
fi
ok "man page of broadsheet-indexer installed"

unit=/usr/lib/systemd/system/broadsheet.service
grep -q '^ExecStart=/usr/bin/broadsheet-server --index /var/lib/broadsheet/index --web /usr/share/broadsheet/web ' "$unit" ||
  fail "the installed unit does not run /usr/bin/broadsheet-server: $(grep ExecStart "$unit")"
getent passwd broadsheet >/dev/null || fail "postinst made no broadsheet user"
[ "$(stat -c %U:%G /var/lib/broadsheet)" = broadsheet:broadsheet ] ||
  fail "/var/lib/broadsheet is owned by $(stat -c %U:%G /var/lib/broadsheet), not broadsheet"
ok "the unit runs /usr/bin; the broadsheet user owns /var/lib/broadsheet"

# The unit as installed (its paths now real files) passes systemd's own check, as the deploy test
# checks the one in deploy/.
if command -v systemd-analyze >/dev/null; then
  verify="$(systemd-analyze verify "$unit" 2>&1)" || fail "systemd-analyze verify $unit: $verify"
  [ -z "$verify" ] || fail "systemd-analyze verify $unit has something to say: $verify"
  ok "systemd-analyze verify passes the installed unit"
else
  echo "# systemd-analyze is not installed (Debian package systemd): the installed unit is not verified"
fi

# --- index and serve, as the broadsheet user, with no --registry and no --web -------------------
# The seed articles without the corpus's own registry files, so the installed ones must be found.
mkdir "$tmp/seeds"
find "$root/corpus" -maxdepth 1 -type f ! -name '*.tsv' -exec cp {} "$tmp/seeds/" \;
chmod -R a+rX "$tmp/seeds"
as_broadsheet() { as_root setpriv --reuid=broadsheet --regid=broadsheet --init-groups -- "$@"; }
as_broadsheet /usr/bin/broadsheet-indexer build "$tmp/seeds" --index /var/lib/broadsheet/index \
  >"$tmp/indexer.log" 2>&1 || { cat "$tmp/indexer.log"; fail "the installed indexer failed"; }
ok "the installed indexer built /var/lib/broadsheet/index: $(head -n 1 "$tmp/indexer.log")"

# Not through as_broadsheet: a function would run in a subshell, and $! would not be the server.
"${sudo[@]}" setpriv --reuid=broadsheet --regid=broadsheet --init-groups -- \
  /usr/bin/broadsheet-server --index /var/lib/broadsheet/index --port 0 \
  >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
base=""
for _ in $(seq 1 100); do
  base="$(sed -n 's|^listening on \(http://127\.0\.0\.1:[0-9]*\)/$|\1|p' "$tmp/server.out")"
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.err"; fail "the installed server exited"; }
  sleep 0.1
done
[ -n "$base" ] || { cat "$tmp/server.err"; fail "the installed server printed no 'listening on' in 10 s"; }
ok "the installed server listens on $base"

json_field() { "$node" -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const v = process.argv[1].split(".").reduce((o, k) => (o == null ? undefined : o[k]), j);
  console.log(typeof v === "object" ? JSON.stringify(v) : String(v));' "$1"; }

health="$(curl -fsS --max-time 10 "$base/api/health")" || fail "GET /api/health failed"
[ "$(json_field version <<<"$health")" = "$version" ] || fail "/api/health: $health"
ok "/api/health reports version $version: $health"

search="$(curl -fsS --max-time 10 "$base/api/search?q=syria")" || fail "GET /api/search?q=syria failed"
total="$(json_field total <<<"$search")"
[ "$total" -gt 0 ] 2>/dev/null || fail "/api/search?q=syria found $total articles"
# One seed article quotes "Putin"; only speaker-aliases.tsv makes him "Vladimir Putin", so a
# bare "Putin" in the speaker facet means the installed registry was not read.
speakers="$(json_field facets.speaker <<<"$search")"
[[ "$speakers" == *'"value":"Vladimir Putin"'* && "$speakers" != *'"value":"Putin"'* ]] ||
  fail "speakers not resolved by the installed speaker-aliases.tsv: $speakers"
ok "/api/search?q=syria finds $total articles, speakers named by the installed registry"

page="$(curl -fsS --max-time 10 "$base/")" || fail "GET / failed (no frontend served without --web)"
[[ "$page" == *"<title>Broadsheet</title>"* ]] || fail "GET / is not the frontend"
curl -fsS --max-time 10 -o /dev/null "$base/app.js" || fail "GET /app.js failed"
ok "/ serves the installed frontend from /usr/share/broadsheet/web"

as_root kill -TERM "$server_pid"
wait "$server_pid" || fail "the installed server exited with status $? on SIGTERM"
server_pid=""
ok "the installed server stopped on SIGTERM"

# --- purge --------------------------------------------------------------------------------------
package_tool "$tmp/purge.log" dpkg --purge "$package" || { cat "$tmp/purge.log"; fail "dpkg --purge failed"; }
installed=0
for gone in /usr/bin/broadsheet-server /usr/bin/broadsheet-indexer /usr/share/broadsheet \
  /usr/share/doc/broadsheet /usr/share/man/man1/broadsheet-server.1 "$unit" /var/lib/broadsheet; do
  [ ! -e "$gone" ] || fail "$gone is still there after dpkg --purge"
done
if getent passwd broadsheet >/dev/null; then fail "the broadsheet user is still there after purge"; fi
if getent group broadsheet >/dev/null; then fail "the broadsheet group is still there after purge"; fi
ok "dpkg --purge removed the files, /var/lib/broadsheet and the broadsheet user and group"

echo "package: $checks passed, 0 failed"
