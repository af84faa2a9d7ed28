#!/usr/bin/env bash
# The headless distribution, as an operator uses it: unpack, start organizer-auth and organizer-api (free ports,
# data in a fresh directory), get a client-credentials token for the machine-to-machine client, call both APIs
# with it (and without it: 401), stop both with SIGTERM and expect a clean exit. Run by `mvn verify`
# (installers/server); by hand: server-check.sh organizer-server-VERSION.tar.gz WORK_DIR
set -euo pipefail

archive=${1:?archive}; work=${2:?work dir}
deadline_s=${CHECK_TIMEOUT:-90}
fail() { echo "server-check: FAILED: $*" >&2; for f in "$work"/*.log; do [ -f "$f" ] && sed "s#^#  $(basename "$f") | #" "$f" >&2; done; exit 1; }

rm -rf "$work"; mkdir -p "$work"
work=$(cd "$work" && pwd)
tar -xzf "$archive" -C "$work"
dist=$(echo "$work"/organizer-server-*)
for f in bin/organizer-api bin/organizer-auth conf/organizer-api.env conf/organizer-auth.env \
         systemd/organizer-api.service systemd/organizer-auth.service; do
  [ -e "$dist/$f" ] || fail "missing $f"
done
[ -x "$dist/bin/organizer-api" ] && [ -x "$dist/bin/organizer-auth" ] || fail "launchers are not executable"
ls "$dist"/lib/*.jar >/dev/null || fail "no jars in lib/"
if ls "$dist"/lib | grep -qi javafx; then fail "JavaFX in the headless distribution"; fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Waits (up to the deadline) until FILE has a line matching REGEX, and prints that line; fails if PID died.
await_line() {
  local file=$1 regex=$2 pid=$3 end=$((SECONDS + deadline_s)) line
  while [ $SECONDS -lt $end ]; do
    line=$(grep -E -m1 "$regex" "$file" 2>/dev/null || true)
    [ -n "$line" ] && { echo "$line"; return 0; }
    kill -0 "$pid" 2>/dev/null || fail "$(basename "$file" .log) exited before: $regex"
    sleep 0.2
  done
  fail "$(basename "$file" .log): no line matching '$regex' within ${deadline_s}s"
}

# 1. the auth-server on a free port, its data (tenant, signing keys, the M2M secret) under work/auth-data
"$dist/bin/organizer-auth" --port 0 --data-dir "$work/auth-data" >"$work/auth.log" 2>&1 &
auth_pid=$!; pids+=("$auth_pid")
auth_line=$(await_line "$work/auth.log" 'auth-server started: issuer http' "$auth_pid")
auth_url=$(echo "$auth_line" | grep -Eo 'issuer http[^ ,]+' | cut -d' ' -f2)
# the banner that follows names the file holding organizer-m2m's generated secret
await_line "$work/auth.log" 'organizer-m2m, secret in' "$auth_pid" >/dev/null
echo "server-check: organizer-auth up, issuer $auth_url"

# 2. the APIs, trusting that issuer
"$dist/bin/organizer-api" --contacts-port 0 --calendar-port 0 --issuer "$auth_url" --data-dir "$work/api-data" \
  >"$work/api.log" 2>&1 &
api_pid=$!; pids+=("$api_pid")
api_line=$(await_line "$work/api.log" 'Organizer API started' "$api_pid")
# "Organizer API started: contacts http://127.0.0.1:P/api/contacts, calendar http://127.0.0.1:Q/api/appointments; ..."
contacts=$(echo "$api_line" | sed -nE 's#.*contacts (http://[^ ,;]+/api/contacts).*#\1#p')
calendar=$(echo "$api_line" | sed -nE 's#.*calendar (http://[^ ,;]+/api/appointments).*#\1#p')
[ -n "$contacts" ] && [ -n "$calendar" ] || fail "cannot read the API URLs from: $api_line"
echo "server-check: organizer-api up: contacts $contacts, calendar $calendar"

# 3. a client-credentials token for organizer-m2m, whose secret the auth-server wrote owner-only to its data dir
secret_file="$work/auth-data/organizer-m2m.secret"
[ -f "$secret_file" ] || fail "no $secret_file"
[ "$(stat -c %a "$secret_file")" = 600 ] || fail "$secret_file is not owner-only"
secret=$(tr -d '\r\n' < "$secret_file")
token_json=$(curl -sS --fail-with-body -X POST "${auth_url}oauth/token" \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode grant_type=client_credentials --data-urlencode client_id=organizer-m2m \
  --data-urlencode "client_secret=$secret" --data-urlencode audience=organize) || fail "token request: $token_json"
token=$(echo "$token_json" | sed -nE 's/.*"access_token" *: *"([^"]+)".*/\1/p')
[ -n "$token" ] || fail "no access_token in the token response"
echo "server-check: got a client-credentials token ($(echo "$token_json" | grep -Eo '"scope" *: *"[^"]*"'))"

# 4. both APIs: 401 with a Bearer challenge without the token, 200 and their JSON with it
call() { curl -sS -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@"; }
for api in "$contacts contacts" "$calendar appointments"; do
  url=${api% *}; field=${api##* }
  status=$(call "$url")
  [ "$status" = 401 ] || fail "$url without a token: $status, expected 401"
  grep -qi '^www-authenticate: *Bearer' "$work/headers" || fail "$url: 401 without WWW-Authenticate: Bearer"
  status=$(call -H "Authorization: Bearer $token" "$url")
  [ "$status" = 200 ] || fail "$url with the token: $status $(cat "$work/body")"
  grep -q "\"$field\"" "$work/body" || fail "$url: no \"$field\" in $(head -c 300 "$work/body")"
  echo "server-check: GET $url -> 200 {\"$field\": ...}"
done

# 5. stop both with SIGTERM; a clean stop exits 0 or 143 (128 + SIGTERM) and logs its stop line
for name in api auth; do
  pid_var=${name}_pid; pid=${!pid_var}
  kill -TERM "$pid"
  set +e; wait "$pid"; rc=$?; set -e
  [ "$rc" = 0 ] || [ "$rc" = 143 ] || fail "organizer-$name exited with $rc on SIGTERM"
  echo "server-check: organizer-$name stopped (exit $rc)"
done
pids=()
grep -q 'Organizer API stopped' "$work/api.log" || fail "organizer-api logged no stop line"
if grep -qF "$secret" "$work"/*.log; then fail "the client secret appears in a server log"; fi
if grep -Eq 'eyJ[A-Za-z0-9_-]{10,}\.' "$work"/*.log; then fail "a token appears in a server log"; fi
echo "server-check: OK"
