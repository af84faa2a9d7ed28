#!/usr/bin/env bash
# Benchmark: GET /api/contacts with a valid RS256 token vs. the same servlet with authentication switched off,
# in the same run, on loopback, with wrk. Reports requests/s, p99 latency and the ratio authenticated/open
# (goal: >= 0.85). Two more rows: auth off while the client still sends the ~1 kB Authorization header (what
# the header alone costs on the wire), and the bearer filter without the verified-token cache, i.e. one RS256
# signature check per request (what the cache buys).
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

# Variants: open = auth off; openhdr = auth off but the client still sends the same Authorization header (so the
# difference to auth is the verification alone, not the ~1 kB header on the wire); auth; nocache.
# Each round runs them as A B C D D C B A, so that a drift in machine load or JIT state during a round weighs
# on every variant alike; a round's ratios compare its own runs only.
declare -a open_rps openhdr_rps auth_rps nocache_rps open_p99 openhdr_p99 auth_p99 nocache_p99
declare -a auth_ratio authhdr_ratio nocache_ratio
measure() { # variant
  local r p url header=""
  case $1 in
    open) url=$OPEN_URL ;;
    openhdr) url=$OPEN_URL; header=$AUTH_HEADER ;;
    auth) url=$AUTH_URL; header=$AUTH_HEADER ;;
    nocache) url=$AUTH_NOCACHE_URL; header=$AUTH_HEADER ;;
  esac
  read -r r p <<<"$(run_wrk "$1" "$url" "$header")"
  local -n rps="${1}_rps" p99="${1}_p99"
  rps+=("$r"); p99+=("$p")
}
pair() { local -n v="${1}_rps"; awk -v a="${v[-1]}" -v b="${v[-2]}" 'BEGIN {print (a+b)/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }
for round in $(seq 1 "$ROUNDS"); do
  for v in open openhdr auth nocache nocache auth openhdr open; do measure "$v"; done
  o=$(pair open); h=$(pair openhdr); a=$(pair auth); n=$(pair nocache)
  auth_ratio+=("$(ratio "$a" "$o")"); authhdr_ratio+=("$(ratio "$a" "$h")"); nocache_ratio+=("$(ratio "$n" "$o")")
  printf 'round %d: open %.0f, open+header %.0f, auth %.0f (%.2fx), auth without cache %.0f (%.2fx) req/s\n' \
    "$round" "$o" "$h" "$a" "${auth_ratio[-1]}" "$n" "${nocache_ratio[-1]}" >&2
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo
echo "GET /api/contacts (12 contacts, H2 file), wrk -t$THREADS -c$CONNECTIONS -d$DURATION per run, $ROUNDS rounds," \
  "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); medians; ratios = median of per-round ratios"
echo
echo "| variant | req/s | p99 (ms) | throughput vs. auth off |"
echo "|---|---:|---:|---:|"
printf '| auth off (same servlet, fixed user) | %.0f | %s | 1.00 |\n' "$(median "${open_rps[@]}")" "$(median "${open_p99[@]}")"
printf '| auth off, client still sends the Authorization header | %.0f | %s | |\n' \
  "$(median "${openhdr_rps[@]}")" "$(median "${openhdr_p99[@]}")"
printf '| **RS256 bearer token, verified-token cache (default)** | %.0f | %s | **%.2f** (%.2f vs. the row above) |\n' \
  "$(median "${auth_rps[@]}")" "$(median "${auth_p99[@]}")" "$(median "${auth_ratio[@]}")" "$(median "${authhdr_ratio[@]}")"
printf '| RS256 bearer token, no cache (a signature check per request) | %.0f | %s | %.2f |\n' \
  "$(median "${nocache_rps[@]}")" "$(median "${nocache_p99[@]}")" "$(median "${nocache_ratio[@]}")"
