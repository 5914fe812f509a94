#!/usr/bin/env bash
# The kill -9 duplicate test: a campaign of N list recipients (default 20,000) sent through one Cloud API
# number at MPS (default 1000) while the server is killed with kill -9 K times (default 10) at random
# moments, 5-20 s after each restart became ready, and restarted (same --rootdir, embedded broker journal
# kept, as in production). The Graph API stub runs in its own process and counts accepted POSTs per
# biz_opaque_callback_data (our message id). The campaign must complete by itself; afterwards every
# recipient must have exactly one accepted POST or be `unknown`, and none two.
# Usage: bench/kill9.sh [N] [K] [MPS]   (after a build, see bench/README.md). Prints figures.
source "$(dirname "$0")/reliability/lib.sh"
N=${1:-20000}
K=${2:-10}
MPS=${3:-1000}
rel_init kill9
start_stub
start_payara 1
wait_ready 1
CAMPAIGN=$(make_campaign "$N" "$MPS")
echo "campaign $CAMPAIGN: $N recipients, $MPS mps, $K kills"
for k in $(seq 1 "$K"); do
  sleep "$(( (RANDOM % 16) + 5 ))"
  echo "kill -9 #$k at $(progress "$CAMPAIGN")"
  kill9_payara 1
  start_payara 1
  wait_ready 1
done
wait_completed "$CAMPAIGN" "${REL_TIMEOUT:-1800}" || true
report "$CAMPAIGN"
