#!/usr/bin/env bash
# Pacing accuracy at 10, 80 and 1,000 mps, and the Graph API stub's capacity alone.
# Needs a build first (see bench/README.md). Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=plugin-impl/target/classes:plugin-impl/target/test-classes
exec java -Dsun.net.httpserver.nodelay=true -cp "$CP" bench/PacingBench.java "${1:-18291}"
