#!/usr/bin/env bash
# Scale-out on this machine: two Payara Micro instances clustered on loopback (Hazelcast, own cluster
# name and ports), one PostgreSQL database, one standalone Artemis broker (the distribution from Maven
# Central), shared pacing on (wa.dispatch.shared-pacing). The stub (own process) counts accepted POSTs per
# recipient and measures each number's busiest one-second window. Four parts, each printing figures:
#   1. a campaign scheduled 40 s ahead fires once in the cluster (one run, one message per recipient);
#      it is paced at PACE_MPS (default 100): the busiest second of both instances together at the stub;
#   2. throughput with two instances: N recipients (default 10,000) at a limit of 5,000 mps;
#   3. one instance killed with kill -9 mid-campaign (N recipients): the other finishes, none sent twice;
#   4. throughput with one instance, the same campaign as 2.
# Usage: bench/cluster.sh [N] [PACE_MPS]   (after a build, see bench/README.md)
source "$(dirname "$0")/reliability/lib.sh"
N=${1:-10000}
PACE_MPS=${2:-100}
REL_EXTERNAL_BROKER=1
REL_ENV="WA_DISPATCH_SHARED_PACING=true"
rel_init cluster
start_stub
create_broker
start_broker
start_payara 1 cluster
start_payara 2 cluster
wait_ready 1
wait_ready 2
echo "cluster: $(grep -ho 'DG Size: [0-9]*' "$WORK"/payara-*.log | sort -k3 -n | tail -1)"

throughput() { # CAMPAIGN
  sql "SELECT count(*) || ' messages, ' || count(*) FILTER (WHERE status IN ('SENT','DELIVERED','READ')) || ' sent in '
    || round(extract(epoch FROM max(sent_at) - min(sending_at))::numeric, 1) || ' s: '
    || round((count(*) FILTER (WHERE status IN ('SENT','DELIVERED','READ'))
       / extract(epoch FROM max(sent_at) - min(sending_at)))::numeric, 0) || ' sends/s'
    FROM wa_message WHERE campaign_id = '$1'"
}
busiest() { curl -sf "http://127.0.0.1:$REL_STUB_PORT/_stub/busiest" | tr '\n' ' '; }

echo "== 1. scheduled campaign, fired once, paced at $PACE_MPS mps across both instances"
AT=$(sql "SELECT to_char(now() + interval '40 seconds', 'YYYY-MM-DD\"T\"HH24:MI:SS.MSOF:00')")
ONE=$(CAMPAIGN_NAME=scheduled make_campaign 3000 "$PACE_MPS" "{\"kind\":\"AT\",\"at\":\"$AT\",\"zone\":\"UTC\"}")
wait_completed "$ONE" 900 || true
echo "runs started: $(grep -h "Campaign $ONE run" "$WORK"/payara-*.log | grep -c started) (instance 1: $(grep -c "Campaign $ONE run 1 started" "$WORK/payara-1.log"), instance 2: $(grep -c "Campaign $ONE run 1 started" "$WORK/payara-2.log")); run_no $(sql "SELECT run_no FROM wa_campaign WHERE id = '$ONE'")"
echo "messages per recipient: $(sql "SELECT coalesce(max(n), 0) FROM (SELECT count(*) n FROM wa_message WHERE campaign_id = '$ONE' GROUP BY campaign_recipient_id) x") at most"
echo "busiest second at the stub (limit $PACE_MPS): $(busiest)"
echo "observed rate: $(sql "SELECT round((count(*) / extract(epoch FROM max(sent_at) - min(sending_at)))::numeric, 1) || ' sends/s'
  FROM wa_message WHERE campaign_id = '$ONE'")"
report "$ONE"

echo "== 2. throughput, two instances: $N recipients, limit 5000 mps"
TWO=$(CAMPAIGN_NAME=two-instances make_campaign "$N" 5000)
wait_completed "$TWO" 1200 || true
echo "two instances: $(throughput "$TWO")"

echo "== 3. instance 2 killed with kill -9 mid-campaign: $N recipients, 1000 mps"
THREE=$(CAMPAIGN_NAME=kill-one make_campaign "$N" 1000)
sleep "$(( (RANDOM % 11) + 15 ))"
echo "kill -9 instance 2 at $(progress "$THREE")"
kill9_payara 2
wait_completed "$THREE" 1200 || true
report "$THREE"

echo "== 4. throughput, one instance: $N recipients, limit 5000 mps"
FOUR=$(CAMPAIGN_NAME=one-instance make_campaign "$N" 5000)
wait_completed "$FOUR" 1200 || true
echo "one instance: $(throughput "$FOUR")"
