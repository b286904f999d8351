#!/bin/sh
# Tests the capture rules (node --test) and lints Ferry's browser extension as Mozilla's add-on checks do (web-ext lint, warnings are errors),
# after installing exactly the locked tools. For .ci/run: needs node and npm, and the npm registry.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent test
npm run --silent lint
