#!/usr/bin/env bash
# Broker, database and pause faults during one campaign of N list recipients (default 20,000) at MPS
# (default 1000), with a standalone Artemis broker (the distribution from Maven Central) as production
# runs it:
#   1. the broker killed with kill -9 and restarted 10 s later;
#   2. every PostgreSQL connection of the plugin's database terminated (pg_terminate_backend);
#   3. the server paused with kill -STOP for 30 s, then kill -CONT.
# Each fault comes 15-25 s after the previous one settled. The stub (own process) counts accepted POSTs
# per recipient; the campaign must complete by itself with 0 recipients lost and 0 sent twice.
# Usage: bench/faults.sh [N] [MPS]   (after a build, see bench/README.md). Prints figures.
source "$(dirname "$0")/reliability/lib.sh"
N=${1:-20000}
MPS=${2:-1000}
REL_EXTERNAL_BROKER=1
# longer than the 30 s pause, so that a send paused in flight is resolved by its own answer
REL_UNKNOWN_AFTER=${REL_UNKNOWN_AFTER:-PT2M}
rel_init faults
start_stub
create_broker
start_broker
start_payara 1
wait_ready 1
CAMPAIGN=$(make_campaign "$N" "$MPS")
echo "campaign $CAMPAIGN: $N recipients, $MPS mps"
settle() { sleep "$(( (RANDOM % 11) + 15 ))"; }

settle
echo "broker kill -9 at $(progress "$CAMPAIGN")"
kill9_broker
sleep 10
start_broker
echo "broker restarted at $(progress "$CAMPAIGN")"

settle
echo "pg_terminate_backend at $(progress "$CAMPAIGN")"
echo "  connections terminated: $($PG -tA -c "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))
  FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()")"

settle
echo "kill -STOP (30 s) at $(progress "$CAMPAIGN")"
kill -STOP "${PAYARA_PID[1]}"
sleep 30
kill -CONT "${PAYARA_PID[1]}"
echo "kill -CONT at $(progress "$CAMPAIGN")"

wait_completed "$CAMPAIGN" "${REL_TIMEOUT:-1800}" || true
report "$CAMPAIGN"
