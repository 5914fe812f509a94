#!/usr/bin/env bash
# The production configuration of docs/operations.md and docs/configuration.md#production, end to end: the
# Payara Micro uber-jar (built if missing) in WA_MODE=production on PostgreSQL, a standalone Artemis broker
# (bench/reliability/lib.sh's), the Cloud API provider against the Graph API stub (own process), a
# persistent --rootdir, every secret but the broker password from a *_FILE variable, host-signed RS256 tokens
# (the test key pair of src/test/resources/reliability), demo endpoints off. Checks, each printed as `PRODUCTION <check> = <value>`:
#   1. without the credential encryption key production refuses to start, naming the setting;
#   2. with everything set: ready, /health UP, demo token endpoint and demo pages 404, no token or another
#      issuer's 401, the webhook handshake and signature under the file-held verify token and app secret;
#   3. a Cloud API sender account (credentials sealed, connection test through the stub), a template
#      campaign to an uploaded CSV list: exactly one accepted POST per recipient at the stub; a tenant
#      without accounts sends through the default sender with the file-held access token;
#   4. a campaign scheduled ~70 s ahead survives kill -9 of the server: after a restart on the same root
#      directory it fires by its timer (runStartedBy TIMER), one accepted POST per recipient, none resent;
#   5. none of the secret canaries (the values in the secret files) appears in the server's log.
# Exits non-zero when any check fails. Everything it starts is killed on exit.
# Usage: bench/production.sh
# Env: PROD_HTTP_PORT 28700, PROD_JMS_PORT 62700, PROD_STUB_PORT 18700, PROD_TARGET plugin-impl/target (the
# build holding whatsapp-micro.jar and test-classes; point it at a copy of the repository to leave this
# one's build alone), PROD_SCHEDULE_AHEAD 70 (seconds), PROD_BOOT_TIMEOUT 600 (seconds),
# PROD_JMS_PASSWORD_WRONG_WAY 0 (1: the broker password by WA_JMS_PASSWORD_FILE: production refuses to start).
set -euo pipefail
PROD_HTTP_PORT=${PROD_HTTP_PORT:-28700}
PROD_JMS_PORT=${PROD_JMS_PORT:-62700}
PROD_STUB_PORT=${PROD_STUB_PORT:-18700}
# lib.sh's broker functions read its own port variable; its other ports are never used here
REL_JMS_PORT=$PROD_JMS_PORT
source "$(dirname "$0")/reliability/lib.sh"
T=$(cd "$REPO" && cd "${PROD_TARGET:-plugin-impl/target}" && pwd)   # lib.sh's artemis_home unpacks under it
DB=whatsapp_prod_smoke
WORK=/tmp/wa-prod-smoke-$PROD_HTTP_PORT
BASE=http://127.0.0.1:$PROD_HTTP_PORT
API=$BASE/whatsapp/api/v1
ISSUER=https://crm.prod-smoke.example
KEY=$REPO/plugin-impl/src/test/resources/reliability/token-signing-key.pem
TOOL="java $REPO/bench/ProductionToken.java"
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 2; }

export PGOPTIONS='--client-min-messages=warning'   # no NOTICE for the first DROP DATABASE IF EXISTS
PAYARA_PID=
FAILED=0
CHECKS=0
cleanup() {
  [ -n "$PAYARA_PID" ] && { kill -9 "$PAYARA_PID" 2>/dev/null || true; }
  [ -n "$BROKER_PID" ] && { kill -9 "$BROKER_PID" 2>/dev/null || true; }
  [ -n "$STUB_PID" ] && { kill "$STUB_PID" 2>/dev/null || true; }
  wait 2>/dev/null || true
}
trap cleanup EXIT

figure() { echo "PRODUCTION $1 = $2"; }
check() { # NAME OK(0/1) DETAIL: a verdict, counted
  CHECKS=$((CHECKS + 1))
  if [ "$2" = 1 ]; then echo "PRODUCTION $1 = PASS ($3)"; else echo "PRODUCTION $1 = FAIL ($3)"; FAILED=$((FAILED + 1)); fi
}
is() { [ "$1" = "$2" ] && echo 1 || echo 0; }
# http METHOD URL [curl args...]: prints the status code; the body is left in $WORK/body
http() { local m=$1 u=$2; shift 2; curl -s -o "$WORK/body" -w '%{http_code}' -X "$m" "$@" "$u" || true; }   # 000: no answer
# api METHOD PATH [JSON]: as $TOKEN; a refusal here is not what is checked, so it stops the script
api() {
  local code; code=$(http "$1" "$API$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+--data-binary "$3"})
  case $code in 2??) cat "$WORK/body" ;; *) echo "$1 $2 answered $code: $(cat "$WORK/body")" >&2; return 1 ;; esac
}

# --- build, stub, broker, secrets -----------------------------------------------------------------------
if [ ! -f "$T/whatsapp-micro.jar" ] || [ ! -d "$T/test-classes/dev/crm/whatsapp/testing" ]; then
  echo "building the uber-jar in $(dirname "$(dirname "$T")")" >&2
  (cd "$(dirname "$(dirname "$T")")" && mvn -B -o -q -pl plugin-impl -am -Puberjar -DskipTests -Dskip.npm package >&2)
fi
rm -rf "$WORK" && mkdir -p "$WORK/secrets"
# this run's own copy, so that a rebuild during the run does not change what the restart deploys
cp "$T/whatsapp-micro.jar" "$WORK/"
$PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null

# One file per secret, as a platform mounts them; each value is a canary the server log must never show.
S=$WORK/secrets
chmod 700 "$S"
canary() { echo "prod-canary-$1-$(openssl rand -hex 8)"; }
echo "k1:$(openssl rand -base64 32)" > "$S/accounts-encryption-keys"
canary app-secret > "$S/webhook-app-secret"
canary verify-token > "$S/webhook-verify-token"
canary consent-key > "$S/consent-hash-key"
canary graph-token > "$S/cloudapi-access-token"
canary db-password > "$S/db-password"   # trust authentication ignores it: here only a canary
chmod 600 "$S"/*
GRAPH_TOKEN=$(cat "$S/cloudapi-access-token")
# The broker password is server-level: the message-driven beans' activation config and the connection
# factory are resolved by Payara, which sees neither WA_SECRETS_DIR nor *_FILE variables (the application's
# config source), so a WA_JMS_PASSWORD_FILE would be ignored and they would log in with the inline default;
# production mode refuses that start (PROD_JMS_PASSWORD_WRONG_WAY=1 shows it). Payara's own directory
# config source, set in a pre-boot command file (operations.md#deploy), is server-level: a file named
# wa.jms.password there is seen by all of them.
JMS_PASSWORD=rel-secret
mkdir -p "$S/payara" && printf %s "$JMS_PASSWORD" > "$S/payara/wa.jms.password" && chmod 600 "$S/payara/wa.jms.password"
echo "set-config-dir --directory=$S/payara" > "$WORK/preboot.asadmin"
JMS_SECRET=(--prebootcommandfile "$WORK/preboot.asadmin")
JMS_ENV=()
if [ "${PROD_JMS_PASSWORD_WRONG_WAY:-0}" = 1 ]; then
  echo "$JMS_PASSWORD" > "$S/jms-password" && chmod 600 "$S/jms-password"
  JMS_SECRET=() JMS_ENV=(WA_JMS_PASSWORD_FILE="$S/jms-password")
fi

# The stub accepts only the file-held access token, so an accepted POST proves the server read it.
java -Dsun.net.httpserver.nodelay=true -cp "$T/test-classes" dev.crm.whatsapp.testing.GraphApiStub \
  "$PROD_STUB_PORT" "$GRAPH_TOKEN" > "$WORK/stub.log" 2>&1 &
STUB_PID=$!
create_broker
start_broker
for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$PROD_STUB_PORT/_stub/stats" >/dev/null && break; sleep 1; done
stub_stats() { curl -sf "http://127.0.0.1:$PROD_STUB_PORT/_stub/stats"; }

# The host's side: its token-signing public key as a PEM file, and its tokens.
$TOOL public-key "$KEY" > "$WORK/token-key.pem"
ADMIN=$($TOOL token "$KEY" "$ISSUER" prodco prod.admin admin)
SOLO=$($TOOL token "$KEY" "$ISSUER" soloco solo.admin admin)
FOREIGN=$($TOOL token "$KEY" https://attacker.example prodco prod.admin admin)

# start_server LOG [VAR=VALUE...]: the documented production start (operations.md#deploy), with the extra
# variables given (an empty assignment unsets one). The root directory is kept, the previous boot's
# deployments are not (operations.md: else the adapter is redeployed under the running WAR).
start_server() {
  local log=$1; shift
  rm -rf "$ROOT/applications" "$ROOT/generated" "$ROOT/config/domain.xml"
  env WA_MODE=production \
    DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource \
    DB_USER=postgres DB_PASSWORD_FILE="$S/db-password" \
    WA_JMS_EMBEDDED=false WA_JMS_HOST=127.0.0.1 WA_JMS_PORT="$PROD_JMS_PORT" WA_JMS_USER=plugin \
    "${JMS_ENV[@]}" \
    WA_PROVIDER_DEFAULT=cloud-api WA_PROVIDER_SENDER_ID=prod-default-number \
    WA_CLOUDAPI_BASE_URL="http://127.0.0.1:$PROD_STUB_PORT/" WA_CLOUDAPI_ACCESS_TOKEN_FILE="$S/cloudapi-access-token" \
    WA_TEMPLATES_CATALOG=cloud-api WA_TEMPLATES_GRAPH_URL="http://127.0.0.1:$PROD_STUB_PORT" \
    WA_TEMPLATES_WABA_ID=prod-waba-1 WA_TEMPLATES_ACCESS_TOKEN_FILE="$S/cloudapi-access-token" \
    WA_WEBHOOK_APP_SECRET_FILE="$S/webhook-app-secret" WA_WEBHOOK_VERIFY_TOKEN_FILE="$S/webhook-verify-token" \
    WA_CONSENT_HASH_KEY_FILE="$S/consent-hash-key" WA_ACCOUNTS_ENCRYPTION_KEYS_FILE="$S/accounts-encryption-keys" \
    WA_WEBHOOK_TENANT_BY_PHONE_NUMBER_ID='{"prod-number-1":"prodco"}' \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$WORK/token-key.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" \
    WA_BASE_URL="$BASE/whatsapp" \
    "$@" \
    java -Xmx768m -jar "$WORK/whatsapp-micro.jar" --nocluster --port "$PROD_HTTP_PORT" --rootdir "$ROOT" "${JMS_SECRET[@]}" \
    >> "$WORK/$log" 2>&1 &
  PAYARA_PID=$!
  STARTED_AT=$SECONDS
}
# wait_ready: until an API call with the host's token answers (Payara prints "ready" even when the WAR failed)
wait_ready() {
  for _ in $(seq 1 "${PROD_BOOT_TIMEOUT:-600}"); do
    [ "$(http GET "$API/accounts" -H "Authorization: Bearer $ADMIN")" = 200 ] && { READY_S=$((SECONDS - STARTED_AT)); return 0; }
    kill -0 "$PAYARA_PID" 2>/dev/null || { READY_S=-1; return 1; }
    sleep 1
  done
  READY_S=-1; return 1
}
kill9_server() { kill -9 "$PAYARA_PID" 2>/dev/null || true; wait "$PAYARA_PID" 2>/dev/null || true; PAYARA_PID=; }

# --- 1. production refuses to start without the credential encryption key ----------------------------
ROOT=$WORK/root-refused
start_server refused.log WA_ACCOUNTS_ENCRYPTION_KEYS_FILE=
EXITED=no
for _ in $(seq 1 "${PROD_BOOT_TIMEOUT:-600}"); do
  kill -0 "$PAYARA_PID" 2>/dev/null || { EXITED=yes; break; }
  grep -q 'ready in' "$WORK/refused.log" && break   # Payara is up; the WAR is what must have failed
  sleep 1
done
REFUSAL=$(grep -o 'Production mode refuses to start: [^"]*' "$WORK/refused.log" | head -1 || true)
CODE=$(http GET "$API/accounts" -H "Authorization: Bearer $ADMIN")
figure refusal_exited "$EXITED"
figure refusal_api_answer "$CODE"
figure refusal_log "${REFUSAL:-none}"
# only the key is missing, so the message must name it and nothing else
check refuses_without_encryption_key "$([ "$CODE" != 200 ] && [[ "$REFUSAL" == *"wa.accounts.encryption-keys (WA_ACCOUNTS_ENCRYPTION_KEYS)"* ]] \
  && [[ "$REFUSAL" != *";"* ]] && echo 1 || echo 0)" "never ready (API $CODE, exited $EXITED), log names wa.accounts.encryption-keys"
kill9_server

# --- 2. the real start: ready, health, demo off, tokens required ---------------------------------------
# an empty database, as at a first installation (the refused start may have migrated it)
$PG -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
ROOT=$WORK/root
start_server server.log
wait_ready && OK=1 || OK=0
figure time_to_ready_s "$READY_S"
check ready "$OK" "API answered 200 to the host's token after $READY_S s"
[ "$OK" = 1 ] || { tail -40 "$WORK/server.log" >&2; exit 1; }

CODE=$(http GET "$BASE/health")
STATUS=$(jq -r .status "$WORK/body" 2>/dev/null || echo "?")
figure health "$CODE $(jq -c '[.checks[] | .name + "=" + .status]' "$WORK/body" 2>/dev/null || cat "$WORK/body")"
check health_up "$([ "$CODE" = 200 ] && [ "$STATUS" = UP ] && echo 1 || echo 0)" "GET /health $CODE, status $STATUS"
CODE=$(http POST "$API/demo/tokens" -H 'Content-Type: application/json' -d '{"tenant":"prodco","user":"x","groups":["admin"]}')
check demo_tokens_off "$(is "$CODE" 404)" "POST /whatsapp/api/v1/demo/tokens $CODE"
CODE=$(http GET "$BASE/whatsapp/demo/")
check demo_pages_off "$(is "$CODE" 404)" "GET /whatsapp/demo/ $CODE"
CODE=$(http GET "$API/accounts")
check no_token_401 "$(is "$CODE" 401)" "GET /accounts without a token $CODE"
CODE=$(http GET "$API/accounts" -H "Authorization: Bearer $FOREIGN")
check foreign_issuer_401 "$(is "$CODE" 401)" "GET /accounts with a token of another issuer $CODE"

# The file-held webhook secrets: the handshake echoes the challenge only for the verify token, a body is
# taken only under the app secret's signature.
printf %s "$(cat "$S/webhook-verify-token")" > "$WORK/verify-token"   # curl's @file would keep the line break
CODE=$(http GET "$API/webhooks/whatsapp" -G --data-urlencode hub.mode=subscribe \
  --data-urlencode "hub.verify_token@$WORK/verify-token" --data-urlencode hub.challenge=prod-4711)
check webhook_verify_token "$([ "$CODE" = 200 ] && [ "$(cat "$WORK/body")" = prod-4711 ] && echo 1 || echo 0)" "handshake $CODE"
echo '{"object":"whatsapp_business_account","entry":[]}' > "$WORK/webhook.json"
CODE=$(http POST "$API/webhooks/whatsapp" -H 'Content-Type: application/json' --data-binary "@$WORK/webhook.json" \
  -H "X-Hub-Signature-256: $($TOOL sign "$S/webhook-app-secret" "$WORK/webhook.json")")
BAD=$(http POST "$API/webhooks/whatsapp" -H 'Content-Type: application/json' --data-binary "@$WORK/webhook.json" \
  -H "X-Hub-Signature-256: sha256=$(printf %064d 0)")
check webhook_signature "$([ "$CODE" = 200 ] && [ "$BAD" = 401 ] && echo 1 || echo 0)" "signed $CODE, wrongly signed $BAD"

# --- 3. sending through the Cloud API --------------------------------------------------------------------
TOKEN=$ADMIN
# the access token goes in a body built from its file, never on a command line
ACCOUNT=$(api POST /accounts "$(jq -n --rawfile t "$S/cloudapi-access-token" '{name: "Prod", phoneNumber: "+6281100000077",
  provider: "cloud-api", senderId: "prod-number-1", credentials: ($t | rtrimstr("\n")), mpsLimit: 80, primary: true}')" | jq -r .id)
SEALED=$(sql "SELECT credentials_key_id || ' ' || (position('$GRAPH_TOKEN' in credentials) = 0) FROM wa_sender_account WHERE id = '$ACCOUNT'")
check credentials_sealed "$(is "$SEALED" 'k1 true')" "key id and plaintext absent: $SEALED"
TEST=$(api POST "/accounts/$ACCOUNT/test" | jq -c .)
check account_connection_test "$(is "$(jq -r .ok <<<"$TEST")" true)" "$TEST"

# make_campaign TENANT NAME FIRST N [SCHEDULE_JSON]: an approved template (once per tenant, its id kept in
# a file: this runs in a subshell) and a campaign to an uploaded list of N numbers from FIRST on, launched
# (now, or scheduled). Prints the campaign's id.
declare -A TOKENS=([prodco]=$ADMIN [soloco]=$SOLO)
make_campaign() {
  TOKEN=${TOKENS[$1]}
  local name=$2 first=$3 n=$4 schedule=${5:-} campaign code template=$WORK/template-$1
  if [ ! -f "$template" ]; then
    api POST /templates '{"name":"prod_hello","language":"en_US","category":"MARKETING",
      "body":"Hi {{1}}, this is the production check.","examples":{"body.1":"Ayu"}}' | jq -r .id > "$template"
    # the stub has no template catalogue: approve it as Meta's status webhook would
    sql "UPDATE wa_template SET status = 'APPROVED' WHERE id = '$(cat "$template")'" >/dev/null
  fi
  campaign=$(api POST /campaigns "{\"name\":\"$name\",\"templateId\":\"$(cat "$template")\",
    \"bindings\":{\"body.1\":{\"source\":\"recipient\",\"field\":\"name\",\"fallback\":\"there\"}},
    \"audience\":{\"source\":\"list\"},\"throttlePerMinute\":1000${schedule:+,\"schedule\":$schedule}}" | jq -r .id)
  { echo "name,phone"; seq "$first" $((first + n - 1)) | awk '{printf "R%d,+62812%07d\n", $1, $1}'; } > "$WORK/$name.csv"
  code=$(http POST "$API/campaigns/$campaign/recipients/csv" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
    --data-binary "@$WORK/$name.csv")
  [ "$code" = 200 ] || [ "$code" = 201 ] || { echo "CSV upload answered $code: $(cat "$WORK/body")" >&2; return 1; }
  api POST "/campaigns/$campaign/launch" >/dev/null
  echo "$campaign"
}
campaign_status() { sql "SELECT status FROM wa_campaign WHERE id = '$1'"; }
wait_completed() { # CAMPAIGN TIMEOUT_S
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt "$2" ]; do
    [ "$(campaign_status "$1")" = COMPLETED ] && return 0
    sleep 2
  done
  return 1
}
# once CAMPAIGN N: the campaign's N recipients each got exactly one accepted POST at the stub (matched by
# biz_opaque_callback_data, our message id); prints "recipients accepted_once statuses"
once() {
  curl -sf "http://127.0.0.1:$PROD_STUB_PORT/_stub/accepted" > "$WORK/accepted.csv"
  $PG -tA -F ' ' -d "$DB" -c "CREATE TEMP TABLE a (id text, n int)" -c "\\copy a FROM '$WORK/accepted.csv' CSV" -c "SELECT
      count(*), count(*) FILTER (WHERE coalesce(a.n, 0) = 1), string_agg(DISTINCT r.status, ',')
    FROM wa_campaign_recipient r LEFT JOIN a ON a.id = r.message_id WHERE r.campaign_id = '$1' AND r.run_no > 0"
}
verdict_once() { # CHECK CAMPAIGN N
  local got; got=$(once "$2")
  check "$1" "$(is "${got% *}" "$3 $3")" "recipients, accepted exactly once, statuses: $got"
}

sleep 6   # the router reads a tenant's accounts at most every 5 s
NOW_A=$(make_campaign prodco prod-now 1 3)
# a tenant without sender accounts sends from the default sender with wa.cloudapi.access-token (its file)
NOW_D=$(make_campaign soloco prod-default 101 2)
wait_completed "$NOW_A" 120 && A_DONE=1 || A_DONE=0
wait_completed "$NOW_D" 120 && D_DONE=1 || D_DONE=0
check campaign_completed "$A_DONE" "campaign to 3 uploaded recipients: $(campaign_status "$NOW_A")"
verdict_once campaign_one_post_each "$NOW_A" 3
check default_sender_completed "$D_DONE" "tenant without accounts: $(campaign_status "$NOW_D")"
verdict_once default_sender_one_post_each "$NOW_D" 2
figure sender_of_default_campaign "$(sql "SELECT string_agg(DISTINCT provider || ':' || sender_id, ',') FROM wa_message WHERE campaign_id = '$NOW_D'")"

# --- 4. a scheduled campaign survives kill -9 ------------------------------------------------------------
AHEAD=${PROD_SCHEDULE_AHEAD:-70}
DUE=$(date -u -d "+$AHEAD seconds" +%Y-%m-%dT%H:%M:%SZ)
LATER=$(make_campaign prodco prod-later 201 3 "{\"kind\":\"AT\",\"at\":\"$DUE\",\"zone\":\"UTC\"}")
figure scheduled_at "$DUE ($(campaign_status "$LATER") when killed)"
TX_BEFORE=$(find "$ROOT" -path '*/tx/*' -type f 2>/dev/null | wc -l)
kill9_server
start_server server-restarted.log
wait_ready && OK=1 || OK=0
figure time_to_ready_after_kill9_s "$READY_S"
figure restart_ready_before_due "$([ "$(date -u +%s)" -lt "$(date -u -d "$DUE" +%s)" ] && echo yes || echo "no (fired at start, catch-up rule)")"
check restarted "$OK" "ready again on the same --rootdir after $READY_S s"
figure rootdir_tx_files "before kill $TX_BEFORE, after restart $(find "$ROOT" -path '*/tx/*' -type f 2>/dev/null | wc -l) ($ROOT)"
wait_completed "$LATER" $((AHEAD + 180)) && OK=1 || OK=0
TOKEN=$ADMIN
VIEW=$(api GET "/campaigns/$LATER")
check scheduled_fired_after_restart "$OK" "status $(jq -r .status <<<"$VIEW"), counters $(jq -c .counters <<<"$VIEW")"
check scheduled_run_started_by_timer "$(is "$(jq -r .runStartedBy <<<"$VIEW")" TIMER)" "runStartedBy $(jq -r .runStartedBy <<<"$VIEW")"
figure scheduled_first_message_vs_due_s "$(sql "SELECT round(extract(epoch FROM min(created_at) - '$DUE'::timestamptz)::numeric, 1)
  FROM wa_message WHERE campaign_id = '$LATER'")"
verdict_once scheduled_one_post_each "$LATER" 3
# nothing sent before the crash went out again after it
verdict_once campaign_one_post_each_after_restart "$NOW_A" 3
STATS=$(stub_stats)
check stub_totals "$([ "$(jq .posts <<<"$STATS")" = 8 ] && [ "$(jq .acceptedTwiceOrMore <<<"$STATS")" = 0 ] && echo 1 || echo 0)" \
  "8 recipients in all; stub $STATS"

# --- 5. no secret in the server's log ------------------------------------------------------------------
# the console output of every start, and the root directories' own log files (empty unless --logtofile)
LOGS=("$WORK"/refused.log "$WORK"/server*.log "$WORK"/root*/logs/*.log)
CANARIES=("$JMS_PASSWORD")
for f in $(find "$S" -type f); do value=$(cat "$f"); CANARIES+=("${value#k1:}"); done   # a key's id is not secret, its bytes are
LEAKS=0
for value in "${CANARIES[@]}"; do
  n=$(cat "${LOGS[@]}" | grep -cF -- "$value" || true)
  [ "$n" = 0 ] || { echo "a secret canary (${value:0:16}...) is in the server log $n times" >&2; LEAKS=$((LEAKS + n)); }
done
check no_secret_in_log "$(is "$LEAKS" 0)" "${#CANARIES[@]} canaries, $LEAKS lines with one, $(cat "${LOGS[@]}" | wc -l) log lines in ${#LOGS[@]} files"

echo "PRODUCTION summary = $((CHECKS - FAILED)) of $CHECKS checks passed (work directory $WORK)"
[ "$FAILED" = 0 ]
