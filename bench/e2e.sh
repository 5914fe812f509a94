#!/usr/bin/env bash
# End-to-end sends per second through the real pipeline: PostgreSQL, the embedded Artemis broker
# (persistent journal), the dispatch MDB, the Cloud API provider and real HTTP to the Graph API stub,
# which runs in its own process. N queued messages are written to wa_message with next_attempt_at = now,
# the way a bulk path queues them; the DueRetries feeder publishes them to wa.dispatch.
# Usage: bench/e2e.sh [N] [MPS_LIMIT]   (after a build, see bench/README.md)
# Ports: Payara 18280, broker 61836, stub 18290 (helper 5's). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
MPS=${2:-1000}
DB=whatsapp_bench_5
WORK=/tmp/wa-bench-5
T=plugin-impl/target
rm -rf "$WORK" && mkdir -p "$WORK"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null

java -Dsun.net.httpserver.nodelay=true -cp $T/test-classes dev.crm.whatsapp.testing.GraphApiStub 18290 bench-token \
  > "$WORK/stub.log" 2>&1 &
STUB=$!
PORT=18280 WA_JMS_PORT=61836 WA_JMS_DATA_DIR=$WORK/broker WA_WEBHOOK_VERIFY_TOKEN=bench \
  DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource \
  DB_USER=postgres DB_PASSWORD=unused WA_PROVIDER_DEFAULT=cloud-api WA_CLOUDAPI_BASE_URL=http://127.0.0.1:18290/ \
  java -Xmx1g -jar $T/payara-micro.jar --nocluster --port 18280 --rootdir "$WORK/root" \
  --deploy $T/artemis-rar.rar --deploy $T/whatsapp.war > "$WORK/payara.log" 2>&1 &
PAYARA=$!
trap 'kill $PAYARA $STUB 2>/dev/null || true' EXIT
for i in $(seq 1 180); do
  curl -sf -X POST -H 'Content-Type: application/json' http://127.0.0.1:18280/whatsapp/api/v1/demo/tokens \
    -d '{"tenant":"acme","user":"bench","groups":["admin"]}' >/dev/null 2>&1 && break
  sleep 1
done
BASE=http://127.0.0.1:18280/whatsapp/api/v1
ADMIN=$(curl -sf -X POST -H 'Content-Type: application/json' $BASE/demo/tokens \
  -d '{"tenant":"acme","user":"bench","groups":["admin"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
curl -sf -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' $BASE/accounts \
  -d "{\"name\":\"Bench\",\"phoneNumber\":\"+6281100000077\",\"provider\":\"cloud-api\",\"senderId\":\"bench-number-1\",\"credentials\":\"bench-token\",\"mpsLimit\":$MPS,\"primary\":true}" >/dev/null
sleep 6 # the router reads a tenant's accounts at most every 5 s

psql -q -h 127.0.0.1 -U postgres -d $DB -c "INSERT INTO wa_message (id, tenant_id, lead_id, direction, phone, body,
  status, created_at, queued_at, next_attempt_at, attempts, version)
  SELECT gen_random_uuid()::text, 'acme', 'bench', 'OUTBOUND', '+62812' || lpad(i::text, 7, '0'), 'bench',
  'QUEUED', now(), now(), now(), 0, 0 FROM generate_series(1, $N) i" >/dev/null
START=$(date +%s.%N)
for i in $(seq 1 600); do
  DONE=$(psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT count(*) FROM wa_message WHERE lead_id = 'bench'
    AND status NOT IN ('QUEUED', 'SENDING')")
  [ "$DONE" -ge "$N" ] && break
  sleep 1
done
psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT 'messages ' || count(*) || ', sent ' ||
  count(*) FILTER (WHERE status IN ('SENT','DELIVERED','READ')) || ', other ' ||
  count(*) FILTER (WHERE status NOT IN ('SENT','DELIVERED','READ')) || ', first claim to last acceptance ' ||
  round(extract(epoch FROM max(sent_at) - min(sending_at))::numeric, 2) || ' s, end-to-end ' ||
  round((count(*) / extract(epoch FROM max(sent_at) - min(sending_at)))::numeric, 0) || ' sends/s'
  FROM wa_message WHERE lead_id = 'bench'"
echo "stub: $(curl -sf http://127.0.0.1:18290/_stub/stats)"
