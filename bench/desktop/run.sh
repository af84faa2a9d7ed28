#!/usr/bin/env bash
# Measures the desktop app as a person meets it, through its own --smoke-test mode (headless, real WebView, real
# embedded auth-server and APIs on 4000/3001/3002): time from process start to the login page shown, the login
# round trip (submit -> main window with data in both views) and the RSS after login. RUNS runs against one data
# dir (the first creates databases and keys, later ones are a normal second start); the sign-in cookie is removed
# before each run so that every run shows the login page. Prints each run's line and the medians.
#
#   bench/desktop/run.sh            # 5 runs
#   RUNS=9 bench/desktop/run.sh
#
# The ports 4000, 3001 and 3002 must be free. Needs a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}

./mvnw -q -pl desktop-client -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/desktop.classpath
CP="$(cat desktop-client/target/desktop.classpath):desktop-client/target/classes"

DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
LINES=()
for i in $(seq 1 "$RUNS"); do
  rm -f "$DATA/sign-in-cookies.json"
  line=$(java -cp "$CP" organizer.desktop.Main --smoke-test --headless --screenshot="$DATA/run$i.png" \
      --data-dir="$DATA" 2>/dev/null | grep '^smoke-test:' || true)
  echo "run $i: $line"
  LINES+=("$line")
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
for field in window_ms backend_ms login_page_ms login_round_trip_ms rss_mb; do
  printf '%s median: %s\n' "$field" "$(printf '%s\n' "${LINES[@]}" | grep -o "$field=[0-9]*" | cut -d= -f2 | median)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
