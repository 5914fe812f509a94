#!/usr/bin/env bash
# Stats latency on a 1,000,000-recipient campaign in PostgreSQL (see StatsBench.java). Needs a build of
# plugin-impl's test classes first (bench/README.md). Prints figures; asserts nothing.
# Usage: bench/stats/stats.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o -pl plugin-impl dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/wa-stats-bench.cp
CP=plugin-api/target/classes:plugin-impl/target/classes:plugin-impl/target/test-classes:$(cat /tmp/wa-stats-bench.cp)
exec java -Xmx512m -cp "$CP" bench/stats/StatsBench.java "${1:-1000000}"
