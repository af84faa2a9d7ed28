#!/usr/bin/env bash
# Auth-server benchmark: client-credentials tokens/s over loopback HTTP against java-jwt's raw RS256 signing rate
# in the same run, plus the interactive login round trip. Usage: bench/auth/run.sh [-Dbench.seconds=10 ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/auth-server/target/bench"
mkdir -p "$out"
cd "$root"
# package (not install): builds common and auth-server jars inside their target directories only.
./mvnw -q -o -pl auth-server -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=runtime
cp="$root/auth-server/target/classes:$root/common/target/classes:$(cat "$out/classpath.txt")"
javac -d "$out" -cp "$cp" "$root/bench/auth/src/AuthBench.java"
exec java -Xms512m -Xmx512m -Dorg.eclipse.jetty.LEVEL=WARN -cp "$out:$cp" "$@" AuthBench
