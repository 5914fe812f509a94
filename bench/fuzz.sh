#!/usr/bin/env bash
# Fuzz one target for longer than CI does: bench/fuzz.sh <target> [rounds]
#   target: phone | webhook-bytes | webhook-shape | csv | csv-rows | template
#   rounds: Jazzer runs of the target's maxDuration (10 s of fuzzing each) in a row, default 30; each round
#           starts from the corpus the previous ones grew (plugin-impl/.cifuzz-corpus, not committed).
# A finding stops the run: Jazzer prints the stack trace and saves the input under
# plugin-impl/src/test/resources/<package>/<Test>Inputs/<method>/, where the normal build replays it until
# fixed. Interesting corpus entries can be copied there too, so that CI replays them (regression mode).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  phone) test='PhoneNormaliserFuzzTest#anyTextIsANormalisedNumberOrNothing' ;;
  webhook-bytes) test='CloudApiWebhookParserFuzzTest#anyBytesAreParsedOrRefusedAsNotJson' ;;
  webhook-shape) test='CloudApiWebhookParserFuzzTest#hostileValuesInTheCloudApiShapeNeverBreakTheParser' ;;
  csv) test='CsvRecipientsFuzzTest#anyFileIsReadOrRefusedWithAClientError' ;;
  csv-rows) test='CsvRecipientsFuzzTest#anyRowsUnderAValidHeaderAreReadOrRefusedWithAClientError' ;;
  template) test='TemplateRendererFuzzTest#anyTemplateAndBindingsRenderOrNameWhatIsMissing' ;;
  *) echo "usage: $0 phone|webhook-bytes|webhook-shape|csv|csv-rows|template [rounds]" >&2; exit 2 ;;
esac
rounds="${2:-30}"

started=$(date +%s)
for round in $(seq 1 "$rounds"); do
  log=$(mktemp)
  if ! JAZZER_FUZZ=1 mvn -o -pl plugin-impl -am test -Dskip.npm -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      >"$log" 2>&1; then
    if grep -q -E '== Java Exception|Tests run:.*(Failures|Errors): [1-9]' "$log"; then
      grep -v '^\s*at ' "$log" | grep -E -A20 '== Java Exception|<<< (FAILURE|ERROR)' | head -60
      echo "FUZZ $1: finding in round $round (full log: $log)"
    else
      grep ERROR "$log" | head -5
      echo "FUZZ $1: the build failed in round $round, no fuzzing result (full log: $log)"
    fi
    exit 1
  fi
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | awk '{s+=$2} END {print s+0}')
  cov=$(grep -Eo 'DONE +cov: [0-9]+' "$log" | tail -1 | awk '{print $3}')
  echo "FUZZ $1 round $round: $runs inputs, coverage $cov"
  rm -f "$log"
done
corpus=$(find plugin-impl/.cifuzz-corpus -type f -path "*${test%%#*}*" 2>/dev/null | wc -l)
echo "FUZZ $1: $rounds rounds, $(( $(date +%s) - started )) s, corpus $corpus inputs, 0 findings"
