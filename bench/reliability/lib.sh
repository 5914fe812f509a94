# Shared by the reliability runs (sourced, not run): starts and stops the Graph API stub (own process,
# counting accepted POSTs per recipient), Payara Micro instances, a standalone Artemis broker, makes a
# campaign of N list recipients, waits for it to complete by itself and prints the per-recipient figures.
# Every process started here is remembered by PID and killed on exit; nothing else is touched.
# Ports and database (helper 9c's ranges) can be overridden from the environment.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
T=$REPO/plugin-impl/target
PG="psql -q -h 127.0.0.1 -U postgres"
REL_HTTP_PORT=${REL_HTTP_PORT:-28881}   # instance i listens on REL_HTTP_PORT + i - 1
REL_JMS_PORT=${REL_JMS_PORT:-62427}
REL_STUB_PORT=${REL_STUB_PORT:-18891}
REL_HZ_PORT=${REL_HZ_PORT:-5910}
REL_CLUSTER=${REL_CLUSTER:-wa-rel-9c}
declare -A PAYARA_PID=()
STUB_PID=
BROKER_PID=
REL_PIDS=()

rel_init() { # NAME: work directory and a fresh database
  REL_NAME=$1
  WORK=/tmp/wa-rel-9c-$REL_NAME
  DB=whatsapp_rel_9c_$REL_NAME
  rm -rf "$WORK" && mkdir -p "$WORK"
  # this run's own copies, so that a rebuild during a long run does not change what restarts deploy
  cp "$T/whatsapp.war" "$T/artemis-rar.rar" "$WORK/"
  $PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
  trap rel_cleanup EXIT
}

rel_cleanup() {
  for i in "${!PAYARA_PID[@]}"; do kill -9 "${PAYARA_PID[$i]}" 2>/dev/null || true; done
  [ -n "$BROKER_PID" ] && { kill -9 "$BROKER_PID" 2>/dev/null || true; }
  [ -n "$STUB_PID" ] && { kill "$STUB_PID" 2>/dev/null || true; }
  for p in "${REL_PIDS[@]:-}"; do [ -n "$p" ] && { kill "$p" 2>/dev/null || true; }; done
  wait 2>/dev/null || true
}

sql() { $PG -tA -d "$DB" -c "$1"; }

start_stub() { # [MPS_PER_NUMBER]: refuses with 130429 above it, and measures the busiest second
  java -Dsun.net.httpserver.nodelay=true -cp "$T/test-classes" dev.crm.whatsapp.testing.GraphApiStub \
    "$REL_STUB_PORT" rel-token ${1:-} > "$WORK/stub.log" 2>&1 &
  STUB_PID=$!
  for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$REL_STUB_PORT/_stub/stats" >/dev/null && return 0; sleep 1; done
  echo "stub did not start" >&2; return 1
}
stub_stats() { curl -sf "http://127.0.0.1:$REL_STUB_PORT/_stub/stats"; }

# The standalone broker: the Artemis distribution from Maven Central, unpacked under target/ once.
ARTEMIS_VERSION=${ARTEMIS_VERSION:-2.56.0}
artemis_home() {
  local home=$T/apache-artemis-$ARTEMIS_VERSION
  if [ ! -x "$home/bin/artemis" ]; then
    (cd "$REPO" && mvn -q -pl plugin-impl dependency:copy -Dmdep.overWriteReleases=true \
      -Dartifact=org.apache.artemis:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin -DoutputDirectory="$T/artemis-dist" >&2)
    tar xzf "$T/artemis-dist/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$T"
  fi
  echo "$home"
}
create_broker() { # a broker instance in $WORK/broker, loopback only, with the plugin's queues
  local home; home=$(artemis_home)
  "$home/bin/artemis" create "$WORK/broker" --user plugin --password rel-secret --require-login \
    --host 127.0.0.1 --default-port "$REL_JMS_PORT" --silent --no-autotune --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --queues wa.dispatch:anycast,wa.dispatch.dlq:anycast > "$WORK/broker-create.log" 2>&1
  # the dispatch queue dead-letters to wa.dispatch.dlq, as the embedded broker does
  sed -i 's#<dead-letter-address>DLQ</dead-letter-address>#<dead-letter-address>DLA</dead-letter-address>#' \
    "$WORK/broker/etc/broker.xml"
  sed -i -e 's#<address name="wa.dispatch.dlq">#<address name="DLA">#' \
    -e 's#<redelivery-delay>0</redelivery-delay>#<redelivery-delay>1000</redelivery-delay>#' "$WORK/broker/etc/broker.xml"
}
start_broker() {
  JAVA_ARGS="-Xmx512m" "$WORK/broker/bin/artemis" run >> "$WORK/broker.log" 2>&1 &
  BROKER_PID=$!
  for _ in $(seq 1 300); do
    (echo > /dev/tcp/127.0.0.1/$REL_JMS_PORT) 2>/dev/null && return 0; sleep 1
  done
  echo "broker did not start" >&2; return 1
}
kill9_broker() { kill -9 "$BROKER_PID"; wait "$BROKER_PID" 2>/dev/null || true; BROKER_PID=; }

# start_payara I [cluster]: instance I (1, 2, ...) with its own root directory, kept across restarts as in
# production. With "cluster" it joins the Hazelcast cluster $REL_CLUSTER on loopback; with an external
# broker (REL_EXTERNAL_BROKER=1) it uses the standalone one, else its own embedded broker.
start_payara() {
  local i=$1 mode=${2:-single} port=$((REL_HTTP_PORT + $1 - 1))
  local cluster=(--nocluster)
  if [ "$mode" = cluster ]; then
    # the data grid on loopback only, at our own ports, found by TCP/IP at the first instance's port
    cluster=(--clustername "$REL_CLUSTER" --startport $((REL_HZ_PORT + i - 1)) --interfaces 127.0.0.1
      --clustermode "tcpip:127.0.0.1:$REL_HZ_PORT" --nohostaware --name "rel-$i")
  fi
  local broker=(WA_JMS_EMBEDDED=true WA_JMS_PORT=$REL_JMS_PORT WA_JMS_DATA_DIR=$WORK/broker-$i)
  if [ "${REL_EXTERNAL_BROKER:-0}" = 1 ]; then
    broker=(WA_JMS_EMBEDDED=false WA_JMS_HOST=127.0.0.1 WA_JMS_PORT=$REL_JMS_PORT WA_JMS_USER=plugin
      WA_JMS_PASSWORD=rel-secret)
  fi
  # Keep the root directory's transaction logs (logs/server/tx) across restarts, as production must, but
  # not the previous boot's deployments: Payara would redeploy them from domain.xml and then deploy the
  # --deploy ones, replacing the resource adapter under the running WAR (ClassNotFoundException for
  # Artemis and Netty classes, consumers that never reconnect).
  rm -rf "$WORK/root-$i/applications" "$WORK/root-$i/generated" "$WORK/root-$i/config/domain.xml"
  env PORT=$port "${broker[@]}" WA_WEBHOOK_VERIFY_TOKEN=rel \
    DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource \
    DB_USER=postgres DB_PASSWORD=unused WA_PROVIDER_DEFAULT=cloud-api \
    WA_CLOUDAPI_BASE_URL=http://127.0.0.1:$REL_STUB_PORT/ WA_DISPATCH_UNKNOWN_AFTER=${REL_UNKNOWN_AFTER:-PT20S} \
    ${REL_ENV:-} \
    java -Xmx768m -jar "$T/payara-micro.jar" "${cluster[@]}" --port "$port" --rootdir "$WORK/root-$i" \
    --deploy "$WORK/artemis-rar.rar" --deploy "$WORK/whatsapp.war" >> "$WORK/payara-$i.log" 2>&1 &
  PAYARA_PID[$i]=$!
}
wait_ready() { # I: until the plugin answers (Payara prints "ready" even when a deployment failed)
  local port=$((REL_HTTP_PORT + $1 - 1))
  for _ in $(seq 1 ${REL_BOOT_TIMEOUT:-1200}); do
    curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/whatsapp/api/v1/demo/tokens" \
      -d '{"tenant":"acme","user":"rel","groups":["admin"]}' >/dev/null 2>&1 && return 0
    kill -0 "${PAYARA_PID[$1]}" 2>/dev/null || { echo "instance $1 died while starting" >&2; return 1; }
    sleep 1
  done
  echo "instance $1 did not become ready" >&2; return 1
}
kill9_payara() { kill -9 "${PAYARA_PID[$1]}" 2>/dev/null || true; wait "${PAYARA_PID[$1]}" 2>/dev/null || true; unset "PAYARA_PID[$1]"; }
stop_payara() { kill "${PAYARA_PID[$1]}" 2>/dev/null || true; wait "${PAYARA_PID[$1]}" 2>/dev/null || true; unset "PAYARA_PID[$1]"; }

api() { # METHOD PATH [BODY] against instance 1 (or $API_INSTANCE)
  local port=$((REL_HTTP_PORT + ${API_INSTANCE:-1} - 1))
  curl -sf -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$port/whatsapp/api/v1$2" ${3:+-d "$3"}
}
login() {
  local port=$((REL_HTTP_PORT + ${API_INSTANCE:-1} - 1))
  TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/whatsapp/api/v1/demo/tokens" \
    -d '{"tenant":"acme","user":"rel","groups":["admin"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
}

# make_campaign N MPS [SCHEDULE_JSON]: one Cloud API number at MPS, an approved template (both made once
# per run, the limit updated when it changes), a campaign of N list recipients (CSV upload); prints the
# campaign id. Launches it unless a schedule is given.
make_campaign() {
  local n=$1 mps=$2 schedule=${3:-}
  login
  if [ ! -f "$WORK/template.id" ]; then
    api POST /accounts "{\"name\":\"Rel\",\"phoneNumber\":\"+6281100000099\",\"provider\":\"cloud-api\",\"senderId\":\"rel-number-1\",\"credentials\":\"rel-token\",\"mpsLimit\":$mps,\"primary\":true}" >/dev/null
    api POST /templates '{"name":"rel_hello","language":"en_US","category":"MARKETING","body":"Hi {{1}}, this is the reliability run.","examples":{"body.1":"Ayu"}}' \
      | sed 's/.*"id":"\([^"]*\)".*/\1/' > "$WORK/template.id"
    # the stub has no template catalogue: approve it as Meta's webhook would
    sql "UPDATE wa_template SET status = 'APPROVED' WHERE id = '$(cat "$WORK/template.id")'" >/dev/null
  fi
  sql "UPDATE wa_sender_account SET mps_limit = $mps WHERE sender_id = 'rel-number-1'" >/dev/null
  # only the stub's number sends: the demo sandbox number would take failover sends the stub never counts
  sql "UPDATE wa_sender_account SET status = 'DISABLED' WHERE sender_id <> 'rel-number-1'" >/dev/null
  local template campaign name=${CAMPAIGN_NAME:-$REL_NAME}
  template=$(cat "$WORK/template.id")
  campaign=$(api POST /campaigns "{\"name\":\"Reliability $name\",\"templateId\":\"$template\",\"bindings\":{\"body.1\":{\"source\":\"recipient\",\"field\":\"name\",\"fallback\":\"there\"}},\"audience\":{\"source\":\"list\"},\"throttlePerMinute\":100000}" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/' | head -c 36)
  { echo "name,phone"; seq 1 "$n" | awk '{printf "R%d,+62812%07d\n", $1, $1}'; } > "$WORK/recipients.csv"
  local port=$((REL_HTTP_PORT + ${API_INSTANCE:-1} - 1))
  curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/recipients.csv" \
    "http://127.0.0.1:$port/whatsapp/api/v1/campaigns/$campaign/recipients/csv" > "$WORK/upload.json"
  sleep 6 # the router reads a tenant's accounts at most every 5 s
  if [ -n "$schedule" ]; then
    api PUT "/campaigns/$campaign/schedule" "$schedule" >/dev/null
  else
    api POST "/campaigns/$campaign/launch" >/dev/null
  fi
  echo "$campaign"
}

campaign_status() { sql "SELECT status FROM wa_campaign WHERE id = '$1'"; }
progress() { # CAMPAIGN: one line of recipient counts and the stub's
  echo "$(date -u +%T) $(sql "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, count(*) n
    FROM wa_campaign_recipient WHERE campaign_id = '$1' AND run_no > 0 GROUP BY status) s") | stub $(stub_stats)"
}
wait_completed() { # CAMPAIGN TIMEOUT_S: until the campaign completes by itself
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt "$2" ]; do
    [ "$(campaign_status "$1")" = COMPLETED ] && { echo "completed after $((SECONDS - start)) s of waiting"; return 0; }
    sleep 5
  done
  echo "NOT COMPLETED after $2 s: $(progress "$1")"; return 1
}

# report CAMPAIGN: every recipient joined with the stub's accepted POSTs for its message id.
report() {
  curl -sf "http://127.0.0.1:$REL_STUB_PORT/_stub/accepted" > "$WORK/accepted.csv"
  $PG -d "$DB" -c "CREATE TEMP TABLE a (id text, n int)" -c "\\copy a FROM '$WORK/accepted.csv' CSV" -c "SELECT
      count(*) AS recipients,
      count(*) FILTER (WHERE coalesce(a.n, 0) = 1) AS accepted_once,
      count(*) FILTER (WHERE coalesce(a.n, 0) >= 2) AS sent_twice,
      count(*) FILTER (WHERE coalesce(a.n, 0) = 0 AND r.status = 'UNKNOWN') AS unknown_not_sent,
      count(*) FILTER (WHERE coalesce(a.n, 0) = 1 AND r.status = 'UNKNOWN') AS unknown_but_sent,
      count(*) FILTER (WHERE coalesce(a.n, 0) = 0 AND r.status <> 'UNKNOWN') AS lost,
      count(DISTINCT r.status) AS statuses, string_agg(DISTINCT r.status, ',') AS final_statuses
    FROM wa_campaign_recipient r LEFT JOIN wa_message m ON m.id = r.message_id LEFT JOIN a ON a.id = m.id
    WHERE r.campaign_id = '$1' AND r.run_no > 0"
  echo "messages of other campaigns or none in the database: $(sql "SELECT count(*) FROM wa_message WHERE campaign_id IS DISTINCT FROM '$1'")"
  echo "stub: $(stub_stats)"
}
