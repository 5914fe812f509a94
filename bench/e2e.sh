#!/usr/bin/env bash
# End-to-end sends per second through the real pipeline: PostgreSQL, the embedded Artemis broker
# (persistent journal), the dispatch MDB, the Cloud API provider and real HTTP to the Graph API stub,
# which runs in its own process. For each sender-number count in NUMBERS (default "1 4"), a fresh
# database and server: the tenant gets that many Cloud API numbers at MPS each, then N queued messages
# without a campaign preference are written to wa_message with next_attempt_at = now, the way a bulk path
# queues them; the DueRetries feeder publishes them to wa.dispatch. In the same run the stub's own
# capacity is measured alone (bench/StubAlone.java, on a second stub process), so the ratio is printed.
# Then pacing through the same pipeline, at the stub: observed / configured rate and the busiest one-second
# window at 10, 80 and 1,000 mps (BENCH_PACE; empty to skip).
# Usage: bench/e2e.sh [N] [MPS] [NUMBERS]   (after a build, see bench/README.md; NUMBERS "" runs pacing only)
# Ports (env): BENCH_PORT 28490, BENCH_JMS_PORT 62030, BENCH_STUB_PORT 18495 (+1 for the stub alone),
# database BENCH_DB whatsapp_bench_5t. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
MPS=${2:-1000}
NUMBERS=${3-1 4}
PORT=${BENCH_PORT:-28490}
JMS=${BENCH_JMS_PORT:-62030}
STUB_PORT=${BENCH_STUB_PORT:-18495}
DB=${BENCH_DB:-whatsapp_bench_5t}
# Not a demo tenant: those get a seeded sandbox number, which would take a share of the sends.
TENANT=benchco
WORK=/tmp/wa-bench-e2e-$PORT
T=${BENCH_TARGET:-plugin-impl/target}
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
TICKS=$(getconf CLK_TCK)
# user + system CPU time of a process, in clock ticks: a figure the other load on the machine barely moves
cpu_ticks() { awk '{print $14 + $15}' /proc/$1/stat; }
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done' EXIT
echo "load before: $(uptime)"

java -Dsun.net.httpserver.nodelay=true -cp $T/test-classes dev.crm.whatsapp.testing.GraphApiStub $((STUB_PORT + 1)) bench-token \
  > "$WORK/stub-alone.log" 2>&1 &
ALONE=$!; PIDS+=($ALONE)
sleep 2
STUB_ALONE=$(java bench/StubAlone.java $((STUB_PORT + 1)) 16)
kill $ALONE
echo "stub alone (16 threads, keep-alive, 3 s after a 3 s warm-up): $STUB_ALONE POST/s"

java -Dsun.net.httpserver.nodelay=true -cp $T/test-classes dev.crm.whatsapp.testing.GraphApiStub $STUB_PORT bench-token \
  > "$WORK/stub.log" 2>&1 &
PIDS+=($!)
BASE=http://127.0.0.1:$PORT/whatsapp/api/v1

# A fresh database and server (log $WORK/payara-$1.log); sets PAYARA and ADMIN.
start_server() {
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
  rm -rf "$WORK/broker" "$WORK/root"
  PORT=$PORT WA_JMS_PORT=$JMS WA_JMS_DATA_DIR=$WORK/broker WA_WEBHOOK_VERIFY_TOKEN=bench \
    DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource \
    DB_USER=postgres DB_PASSWORD=unused WA_PROVIDER_DEFAULT=cloud-api WA_CLOUDAPI_BASE_URL=http://127.0.0.1:$STUB_PORT/ \
    java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar $T/payara-micro.jar --nocluster --port $PORT --rootdir "$WORK/root" \
    --deploy $T/artemis-rar.rar --deploy $T/whatsapp.war > "$WORK/payara-$1.log" 2>&1 &
  PAYARA=$!; PIDS+=($PAYARA)
  for i in $(seq 1 600); do
    curl -sf -X POST -H 'Content-Type: application/json' $BASE/demo/tokens \
      -d '{"tenant":"'$TENANT'","user":"bench","groups":["admin"]}' >/dev/null 2>&1 && break
    sleep 1
  done
  ADMIN=$(curl -sf -X POST -H 'Content-Type: application/json' $BASE/demo/tokens \
    -d '{"tenant":"'$TENANT'","user":"bench","groups":["admin"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
}

# A Cloud API number: name suffix, sender id, mps limit, primary (true/false); prints its account id.
add_number() {
  curl -sf -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' $BASE/accounts \
    -d "{\"name\":\"Bench $1\",\"phoneNumber\":\"+62811000$(printf %04d $1)\",\"provider\":\"cloud-api\",\"senderId\":\"$2\",\"credentials\":\"bench-token\",\"mpsLimit\":$3,\"primary\":$4}" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/'
}

# Queues $1 messages (lead "bench"), the way a bulk path queues them, and waits until $2 in all have
# left queued and sending.
queue_and_wait() {
  psql -q -h 127.0.0.1 -U postgres -d $DB -c "INSERT INTO wa_message (id, tenant_id, lead_id, direction, phone, body,
    status, created_at, queued_at, next_attempt_at, attempts, version)
    SELECT gen_random_uuid()::text, '$TENANT', 'bench', 'OUTBOUND', '+62812' || lpad(i::text, 7, '0'), 'bench',
    'QUEUED', now(), now(), now(), 0, 0 FROM generate_series(1, $1) i" >/dev/null
  for i in $(seq 1 900); do
    DONE=$(psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT count(*) FROM wa_message WHERE lead_id = 'bench'
      AND status NOT IN ('QUEUED', 'SENDING')")
    [ "$DONE" -ge "$2" ] && break
    sleep 1
  done
}

for numbers in $NUMBERS; do
  start_server "$numbers"
  for k in $(seq 1 "$numbers"); do
    add_number $k bench-number-$k $MPS $([ $k = 1 ] && echo true || echo false) >/dev/null
  done
  sleep 6 # the router reads a tenant's accounts at most every 5 s
  CPU0=$(cpu_ticks $PAYARA)
  queue_and_wait $N $N
  CPU1=$(cpu_ticks $PAYARA)
  RESULT=$(psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT count(*) || ' ' ||
    count(*) FILTER (WHERE status IN ('SENT','DELIVERED','READ')) || ' ' ||
    round(extract(epoch FROM max(sent_at) - min(sending_at))::numeric, 2) || ' ' ||
    round((count(*) / extract(epoch FROM max(sent_at) - min(sending_at)))::numeric, 0) || ' ' ||
    round(avg(extract(epoch FROM sent_at - sending_at) * 1000)::numeric, 1)
    FROM wa_message WHERE lead_id = 'bench'")
  read -r TOTAL SENT SECS RATE CLAIM_MS <<<"$RESULT"
  SPREAD=$(psql -tA -h 127.0.0.1 -U postgres -d $DB -c "SELECT string_agg(sender_id || '=' || n, ' ' ORDER BY sender_id)
    FROM (SELECT sender_id, count(*) n FROM wa_message WHERE lead_id = 'bench' GROUP BY sender_id) s")
  echo "numbers $numbers (mps $MPS each): messages $TOTAL, sent $SENT, first claim to last acceptance $SECS s," \
    "end-to-end $RATE sends/s, ratio to stub alone $(awk "BEGIN{printf \"%.2f\", $RATE/$STUB_ALONE}")," \
    "mean claim->accepted $CLAIM_MS ms; by number: $SPREAD"
  echo "  server CPU: $(awk "BEGIN{printf \"%.2f\", ($CPU1-$CPU0)*1000/$TICKS/$TOTAL}") CPU-ms per message" \
    "(two cores hold $(awk "BEGIN{printf \"%.0f\", 2000/(($CPU1-$CPU0)*1000/$TICKS/$TOTAL)}") of these a second, before PostgreSQL and the stub take their share)"
  echo "  stub: $(curl -sf http://127.0.0.1:$STUB_PORT/_stub/stats); load: $(uptime | sed 's/.*load/load/')"
  # sends per claim / acceptance transaction (the dispatcher's group commits), from the application's metrics
  curl -sf "http://127.0.0.1:$PORT/metrics?scope=application" | awk -F'[{}" ]+' '/^wa_dispatch_batch_size_(sum|count)/ {
    split($0, kv, "of=\""); split(kv[2], of, "\""); v[of[1] "_" ($1 ~ /_sum$/ ? "sum" : "count")] = $NF }
    END { for (k in v) if (k ~ /_count$/) { o = substr(k, 1, length(k) - 6); if (v[k] > 0)
      printf "  batch: %s %d transactions, %.1f sends each\n", o, v[k], v[o "_sum"] / v[k] } }' || true
  kill $PAYARA; wait $PAYARA 2>/dev/null || true
done

# Pacing through the whole pipeline, counted where it matters: at the stub, when each request arrives.
# One server; for each rate in PACE (default "10 80 1000") a number of its own at that limit becomes the
# only active one, and 15 s worth of messages is queued at once (the dispatch sessions all wait on it).
PACE=${BENCH_PACE-10 80 1000}
if [ -n "$PACE" ]; then
  start_server pacing
  PREVIOUS=
  TOTAL_SO_FAR=0
  for rate in $PACE; do
    ACCOUNT=$(add_number $rate pace-number-$rate $rate true)
    [ -n "$PREVIOUS" ] && curl -sf -X POST -H "Authorization: Bearer $ADMIN" $BASE/accounts/$PREVIOUS/disable >/dev/null
    PREVIOUS=$ACCOUNT
    sleep 6 # the router reads a tenant's accounts at most every 5 s
    COUNT=$((rate * 15))
    TOTAL_SO_FAR=$((TOTAL_SO_FAR + COUNT))
    queue_and_wait $COUNT $TOTAL_SO_FAR
    LINE=$(curl -sf "http://127.0.0.1:$STUB_PORT/_stub/busiest" | grep "^pace-number-$rate," || echo "pace-number-$rate,0,0,0")
    IFS=, read -r _ BUSIEST ARRIVED OBSERVED <<<"$LINE"
    curl -sf "http://127.0.0.1:$STUB_PORT/_stub/arrivals/pace-number-$rate" > "$WORK/arrivals-$rate.txt" || true
    echo "pacing at $rate mps through the pipeline: $ARRIVED requests at the stub, observed $OBSERVED/s," \
      "observed / configured $(awk "BEGIN{printf \"%.3f\", $OBSERVED/$rate}"), busiest one-second window $BUSIEST" \
      "(overshoot $(( BUSIEST > rate ? BUSIEST - rate : 0 )))"
  done
  echo "  stub: $(curl -sf http://127.0.0.1:$STUB_PORT/_stub/stats); load: $(uptime | sed 's/.*load/load/')"
  kill $PAYARA; wait $PAYARA 2>/dev/null || true
fi
