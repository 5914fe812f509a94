#!/usr/bin/env bash
# A 1,000,000-row CSV upload and the export of that campaign in a 64 MB heap (see StreamingBench.java) on
# PostgreSQL. Needs a build of plugin-impl (the exploded WAR and its test classes, bench/README.md). Prints
# figures; asserts nothing.
# Usage: bench/memory/streaming.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
M2=${M2:-$HOME/.m2/repository}
T=plugin-impl/target
CP=plugin-api/target/classes:$T/classes:$T/test-classes:$T/whatsapp/WEB-INF/lib/*
CP=$CP:$M2/org/eclipse/persistence/eclipselink/4.0.7/eclipselink-4.0.7.jar
CP=$CP:$M2/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar
CP=$CP:$M2/org/eclipse/microprofile/config/microprofile-config-api/3.1/microprofile-config-api-3.1.jar
CP=$CP:$(find $M2/org/junit/jupiter/junit-jupiter-api -name 'junit-jupiter-api-5.11*.jar' | head -1)
CP=$CP:$M2/org/eclipse/yasson/3.0.4/yasson-3.0.4.jar:$M2/org/eclipse/parsson/parsson/1.1.7/parsson-1.1.7.jar
exec java -Xmx64m -cp "$CP" bench/memory/StreamingBench.java "${1:-1000000}"
