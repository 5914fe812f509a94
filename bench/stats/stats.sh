#!/usr/bin/env bash
# Stats latency on a 1,000,000-recipient campaign in PostgreSQL (see StatsBench.java). Needs a build of
# plugin-impl (the exploded WAR and its test classes, bench/README.md). Prints figures; asserts nothing.
# Usage: bench/stats/stats.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/classpath.sh
exec java -Xmx512m -cp "$CP" bench/stats/StatsBench.java "${1:-1000000}"
