#!/usr/bin/env bash
# README command 2: install what is needed, then run the whole test suite with Node's test runner.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node --test --test-timeout=600000 dist/test/ "$@"
