#!/usr/bin/env bash
# Installs what numts needs on a fresh Debian machine and builds it: OpenBLAS (apt), npm packages
# (which builds the native addon), and the TypeScript. Idempotent and quiet when up to date.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! dpkg -s libopenblas-dev >/dev/null 2>&1; then
  echo "numts setup: installing libopenblas-dev"
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libopenblas-dev >/dev/null
fi

stamp=node_modules/.numts-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "numts setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# Rebuild the addon when a native source is newer than it (npm ci builds it the first time).
addon=build/Release/numts_native.node
if [ ! -f "$addon" ] || [ -n "$(find native binding.gyp -newer "$addon" 2>/dev/null | head -n 1)" ]; then
  node scripts/build-native.mjs
fi

npx tsc -p tsconfig.json
