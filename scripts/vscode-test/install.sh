#!/usr/bin/env bash
# Installs a real VS Code for the extension-host tests without downloading anything but npm packages:
# code-server (VS Code's server build, from the npm registry) into the git-ignored .vscode-test/ cache.
# It is installed with --ignore-scripts because its postinstall downloads prebuilt binaries from hosts
# that CI cannot reach; the steps below do by hand what that postinstall does, building the native
# modules from source instead. Needs the Debian packages libkrb5-dev ripgrep g++ make python3.
# Idempotent: a marker file records the installed version; a second run returns at once.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # the newest code-server that runs on Node 20 (4.103+ want Node 22)
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$root/.vscode-test/code-server"
marker="$cache/installed-$CODE_SERVER_VERSION"
log="$root/.vscode-test/install.log"

if [[ -f "$marker" ]]; then
  exit 0
fi

# Say what is missing up front instead of failing deep inside a native build.
missing=()
for tool in rg g++ make python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[[ -f /usr/include/gssapi/gssapi.h ]] || missing+=("libkrb5-dev (for kerberos)")
if ((${#missing[@]} > 0)); then
  echo "Cannot install code-server; missing: ${missing[*]}. On Debian: apt-get install -y chromium libkrb5-dev ripgrep g++ make python3" >&2
  exit 1
fi

mkdir -p "$cache"
: >"$log"
echo "Installing code-server $CODE_SERVER_VERSION into $cache (log: $log)"
trap 'status=$?; if [[ $status -ne 0 ]]; then echo "code-server install failed ($status); the log follows:" >&2; cat "$log" >&2; fi' EXIT

run() { echo "+ $*" >>"$log"; "$@" >>"$log" 2>&1; }

# A package.json of its own keeps code-server's ~1000 packages out of the project's lockfile.
rm -rf "$cache"/node_modules "$cache"/package.json "$cache"/package-lock.json "$cache"/installed-*
echo '{ "private": true, "description": "code-server for the extension-host tests" }' >"$cache/package.json"
cd "$cache"
run npm install --no-audit --no-fund --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION"

# argon2 (code-server's password hashing) has no prebuilt binary we may download: build it.
npm_config_build_from_source=true run npm rebuild argon2

cd "$cache/node_modules/code-server/lib/vscode"
run npm install --omit=dev --no-audit --no-fund --ignore-scripts
# @vscode/ripgrep's postinstall skips its download when bin/ exists; Debian's rg serves instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
# node-pty's build runs `npx node-gyp`, which would stop to ask before installing it.
npm_config_yes=true run npm rebuild
# VS Code looks its modules up in node_modules.asar, the name they have inside a packaged build.
ln -sfn node_modules node_modules.asar

cd "$cache/node_modules/code-server/lib/vscode/extensions"
run npm install --omit=dev --no-audit --no-fund --ignore-scripts

touch "$marker"
echo "code-server $CODE_SERVER_VERSION installed."
