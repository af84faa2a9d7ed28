#!/usr/bin/env bash
# Benchmark: GET /api/contacts with a valid RS256 token vs. the same servlet with authentication switched off,
# in the same run, on loopback, with wrk. Reports requests/s, p99 latency and the ratio authenticated/open
# (goal: >= 0.85). A third row shows the bearer filter without the verified-token cache, i.e. one RS256
# signature check per request, to show what the cache buys.
#
#   bench/api/run.sh                      # defaults below
#   ROUNDS=9 DURATION=10s CONNECTIONS=64 bench/api/run.sh
#
# Needs wrk (Debian/Ubuntu: apt-get update && apt-get install -y wrk) and a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/../.."

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-20s}
ROUNDS=${ROUNDS:-5}

if ! command -v wrk >/dev/null; then
  echo "bench: wrk is not installed (apt-get update && apt-get install -y wrk)" >&2
  exit 2
fi

# Builds api-server/target/organizer-api.jar, the test classes (BenchServer) and common's test fixtures jar.
./mvnw -q -pl api-server -am package -DskipTests
CP="api-server/target/organizer-api.jar:api-server/target/test-classes:common/target/common-1.0.0-tests.jar"

WORK=$(mktemp -d)
java -Xms256m -Xmx256m -cp "$CP" organizer.api.BenchServer "$WORK" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 300); do [ -f "$WORK/endpoints" ] && break; sleep 0.2; done
[ -f "$WORK/endpoints" ] || { echo "bench: server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }
# shellcheck disable=SC1091
source "$WORK/endpoints"
AUTH_HEADER="Authorization: Bearer $(cat "$WORK/token")"

# Check that each endpoint really answers 200 with the same body before measuring anything.
expected=$(curl -fsS "$OPEN_URL")
[ "$(curl -fsS -H "$AUTH_HEADER" "$AUTH_URL")" = "$expected" ] || { echo "bench: authenticated body differs" >&2; exit 1; }
[ "$(curl -fsS -H "$AUTH_HEADER" "$AUTH_NOCACHE_URL")" = "$expected" ] || { echo "bench: uncached body differs" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$AUTH_URL")" = 401 ] || { echo "bench: no-token request not refused" >&2; exit 1; }

run_wrk() { # name url [header] -> "rps p99_ms" ; fails on any non-2xx answer
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$3" "$2")
  else out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2"); fi
  if grep -q "Non-2xx" <<<"$out"; then echo "bench: $1 had non-2xx answers" >&2; echo "$out" >&2; exit 1; fi
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}' <<<"$out")
  echo "$rps $p99"
}

echo "warming up ($WARMUP each)..." >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$OPEN_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$AUTH_HEADER" "$AUTH_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$AUTH_HEADER" "$AUTH_NOCACHE_URL" >/dev/null

# Each round runs open, auth, no-cache, no-cache, auth, open (ABCCBA), so that a drift in machine load or JIT
# state during a round weighs on every variant alike; a round's ratio compares its own runs only.
declare -a OPEN_RPS AUTH_RPS NOCACHE_RPS OPEN_P99 AUTH_P99 NOCACHE_P99 AUTH_RATIO NOCACHE_RATIO
measure() { # variant url [header]: appends to that variant's arrays
  local r p
  read -r r p <<<"$(run_wrk "$1" "$2" "${3:-}")"
  case $1 in
    open) OPEN_RPS+=("$r"); OPEN_P99+=("$p") ;;
    auth) AUTH_RPS+=("$r"); AUTH_P99+=("$p") ;;
    nocache) NOCACHE_RPS+=("$r"); NOCACHE_P99+=("$p") ;;
  esac
}
for round in $(seq 1 "$ROUNDS"); do
  measure open "$OPEN_URL"
  measure auth "$AUTH_URL" "$AUTH_HEADER"
  measure nocache "$AUTH_NOCACHE_URL" "$AUTH_HEADER"
  measure nocache "$AUTH_NOCACHE_URL" "$AUTH_HEADER"
  measure auth "$AUTH_URL" "$AUTH_HEADER"
  measure open "$OPEN_URL"
  o=$(awk -v a="${OPEN_RPS[-1]}" -v b="${OPEN_RPS[-2]}" 'BEGIN {print a+b}')
  a=$(awk -v a="${AUTH_RPS[-1]}" -v b="${AUTH_RPS[-2]}" 'BEGIN {print a+b}')
  n=$(awk -v a="${NOCACHE_RPS[-1]}" -v b="${NOCACHE_RPS[-2]}" 'BEGIN {print a+b}')
  AUTH_RATIO+=("$(awk -v a="$a" -v o="$o" 'BEGIN {print a/o}')")
  NOCACHE_RATIO+=("$(awk -v a="$n" -v o="$o" 'BEGIN {print a/o}')")
  printf 'round %d: open %.0f req/s, auth %.0f req/s (%.2fx), auth without cache %.0f req/s (%.2fx)\n' "$round" \
    "$(awk -v o="$o" 'BEGIN {print o/2}')" "$(awk -v a="$a" 'BEGIN {print a/2}')" "${AUTH_RATIO[-1]}" \
    "$(awk -v n="$n" 'BEGIN {print n/2}')" "${NOCACHE_RATIO[-1]}" >&2
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo
echo "GET /api/contacts (12 contacts, H2 file), wrk -t$THREADS -c$CONNECTIONS -d$DURATION per run, $ROUNDS rounds," \
  "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); medians; ratio = median of per-round ratios"
echo
echo "| variant | req/s | p99 (ms) | throughput vs. auth off |"
echo "|---|---:|---:|---:|"
printf '| auth off (same servlet, fixed user) | %.0f | %s | 1.00 |\n' "$(median "${OPEN_RPS[@]}")" "$(median "${OPEN_P99[@]}")"
printf '| RS256 bearer token, verified-token cache (default) | %.0f | %s | %.2f |\n' \
  "$(median "${AUTH_RPS[@]}")" "$(median "${AUTH_P99[@]}")" "$(median "${AUTH_RATIO[@]}")"
printf '| RS256 bearer token, no cache (a signature check per request) | %.0f | %s | %.2f |\n' \
  "$(median "${NOCACHE_RPS[@]}")" "$(median "${NOCACHE_P99[@]}")" "$(median "${NOCACHE_RATIO[@]}")"
