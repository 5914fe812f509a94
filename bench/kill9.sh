#!/usr/bin/env bash
# The kill -9 duplicate test: N messages (default 20,000) queued for one Cloud API number, the server
# killed with kill -9 at random moments K times (default 5) and restarted; the Graph API stub, in its own
# process, counts accepted POSTs per biz_opaque_callback_data (our message id). Afterwards every message
# must have exactly one accepted POST, or be 'unknown' (or still resolvable), and none two.
# Usage: bench/kill9.sh [N] [K] [MPS]   (after a build, see bench/README.md). Prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
K=${2:-5}
MPS=${3:-1000}
DB=whatsapp_bench_5
WORK=/tmp/wa-kill9-5
T=plugin-impl/target
rm -rf "$WORK" && mkdir -p "$WORK"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
java -Dsun.net.httpserver.nodelay=true -cp $T/test-classes dev.crm.whatsapp.testing.GraphApiStub 18290 bench-token \
  > "$WORK/stub.log" 2>&1 &
STUB=$!
PAYARA=
start_payara() {
  PORT=18280 WA_JMS_PORT=61836 WA_JMS_DATA_DIR=$WORK/broker WA_WEBHOOK_VERIFY_TOKEN=bench \
    DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource \
    DB_USER=postgres DB_PASSWORD=unused WA_PROVIDER_DEFAULT=cloud-api WA_CLOUDAPI_BASE_URL=http://127.0.0.1:18290/ \
    WA_DISPATCH_UNKNOWN_AFTER=PT20S \
    java -Xmx1g -jar $T/payara-micro.jar --nocluster --port 18280 --rootdir "$WORK/root" \
    --deploy $T/artemis-rar.rar --deploy $T/whatsapp.war >> "$WORK/payara.log" 2>&1 &
  PAYARA=$!
  for i in $(seq 1 180); do
    curl -sf -X POST -H 'Content-Type: application/json' http://127.0.0.1:18280/whatsapp/api/v1/demo/tokens \
    -d '{"tenant":"acme","user":"bench","groups":["admin"]}' >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "Payara did not become ready" >&2
  return 1
}
trap 'kill -9 $PAYARA 2>/dev/null || true; kill $STUB 2>/dev/null || true' EXIT
start_payara
BASE=http://127.0.0.1:18280/whatsapp/api/v1
ADMIN=$(curl -sf -X POST -H 'Content-Type: application/json' $BASE/demo/tokens \
  -d '{"tenant":"acme","user":"bench","groups":["admin"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
curl -sf -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' $BASE/accounts \
  -d "{\"name\":\"Bench\",\"phoneNumber\":\"+6281100000077\",\"provider\":\"cloud-api\",\"senderId\":\"bench-number-1\",\"credentials\":\"bench-token\",\"mpsLimit\":$MPS,\"primary\":true}" >/dev/null
sleep 6
psql -q -h 127.0.0.1 -U postgres -d $DB -c "INSERT INTO wa_message (id, tenant_id, lead_id, direction, phone, body,
  status, created_at, queued_at, next_attempt_at, attempts, version)
  SELECT gen_random_uuid()::text, 'acme', 'bench', 'OUTBOUND', '+62812' || lpad(i::text, 7, '0'), 'bench',
  'QUEUED', now(), now(), now(), 0, 0 FROM generate_series(1, $N) i" >/dev/null
for k in $(seq 1 "$K"); do
  sleep "$(( (RANDOM % 16) + 5 ))" # 5-20 s after the server is ready: mid-sending
  echo "kill -9 #$k after $(curl -sf http://127.0.0.1:18290/_stub/stats)"
  kill -9 "$PAYARA"; wait "$PAYARA" 2>/dev/null || true
  start_payara
done
echo "waiting for every message to end (sent, failed or unknown)..."
for i in $(seq 1 600); do
  OPEN=$(psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT count(*) FROM wa_message WHERE lead_id = 'bench'
    AND status IN ('QUEUED', 'SENDING')")
  [ "$OPEN" -eq 0 ] && break
  sleep 2
done
curl -sf http://127.0.0.1:18290/_stub/accepted > "$WORK/accepted.csv"
psql -q -h 127.0.0.1 -U postgres -d $DB -c "CREATE TEMP TABLE a (id text, n int)" \
  -c "\\copy a FROM '$WORK/accepted.csv' CSV" \
  -c "SELECT
        count(*) AS messages,
        count(*) FILTER (WHERE coalesce(a.n, 0) = 1) AS accepted_once,
        count(*) FILTER (WHERE coalesce(a.n, 0) >= 2) AS accepted_twice_or_more,
        count(*) FILTER (WHERE coalesce(a.n, 0) = 0 AND m.status = 'UNKNOWN') AS unknown_not_accepted,
        count(*) FILTER (WHERE coalesce(a.n, 0) = 1 AND m.status = 'UNKNOWN') AS unknown_but_accepted,
        count(*) FILTER (WHERE coalesce(a.n, 0) = 0 AND m.status <> 'UNKNOWN') AS neither
      FROM wa_message m LEFT JOIN a ON a.id = m.id WHERE m.lead_id = 'bench'"
echo "stub: $(curl -sf http://127.0.0.1:18290/_stub/stats)"
