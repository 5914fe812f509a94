#!/usr/bin/env bash
# A 1,000,000-row CSV upload and the export of that campaign in a 64 MB heap (see StreamingBench.java) on
# PostgreSQL. Needs a build of plugin-impl (the exploded WAR and its test classes, bench/README.md). Prints
# figures; asserts nothing.
# Usage: bench/memory/streaming.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/classpath.sh
exec java -Xmx64m -cp "$CP" bench/memory/StreamingBench.java "${1:-1000000}"
