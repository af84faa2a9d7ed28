#!/usr/bin/env bash
# Figures for the README: sizes of the runtime, app image and installer; time from launcher start to the login page
# (median of RUNS smoke runs, as reported by the app: process start -> login form shown); peak RSS of the process
# (it ends right after sign-in and the main window, so this is the RSS after login). Headless (no DISPLAY: the
# app uses the Monocle glass in its runtime), like smoke-test.sh, each run with a copy of one warmed-up home (keys and demo user made once, no sign-in cookies, so
# every run shows the login page).
#   measure.sh TARGET_DIR [RUNS]     e.g. measure.sh installers/desktop/target 5
set -euo pipefail

target=$(cd "${1:?installers/desktop/target}" && pwd); runs=${2:-5}
app=$target/app-image/organizer
work=$target/measure
rm -rf "$work"; mkdir -p "$work"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB (%.1f MiB)", b / 1e6, b / 1048576 }'; }

echo "runtime image:  $(mb "$(du -sb "$target/runtime" | cut -f1)")   ($target/runtime)"
echo "app image:      $(mb "$(du -sb "$app" | cut -f1)")   ($app)"
echo "  of which libjfxwebkit.so $(mb "$(stat -c %s "$app/lib/runtime/lib/libjfxwebkit.so")"), modules $(mb "$(stat -c %s "$app/lib/runtime/lib/modules")"), app jars $(mb "$(du -sb "$app/lib/app" | cut -f1)")"
for f in "$target"/installer/*; do [ -f "$f" ] && echo "installer:      $(mb "$(stat -c %s "$f")")   ($f)"; done

image=$work/image/organizer
mkdir -p "$work/image"; cp -al "$app" "$work/image/"
cfg=$image/lib/app/organizer.cfg
rm "$cfg"
{ cat "$app/lib/app/organizer.cfg"
  echo "java-options=-Duser.home=$work/home"
} > "$cfg"

run() { # one smoke run with a fresh copy of the template home; prints "login_page_ms peak_rss_kb"
  rm -rf "$work/home"; [ -d "$work/template" ] && cp -a "$work/template" "$work/home"; mkdir -p "$work/home"
  (cd "$work" && env -u DISPLAY -u XDG_DATA_HOME -u XDG_CONFIG_HOME /usr/bin/time -f 'peak_rss_kb=%M' -o "$work/time.txt" \
    "$image/bin/organizer" --smoke-test --screenshot "$work/shot.png") > "$work/run.log" 2>&1 \
    || { echo "measure: a smoke run failed: $(grep '^smoke-test:' "$work/run.log" || tail -1 "$work/run.log")" >&2; echo "- -"; return 0; }
  local ms; ms=$(sed -nE 's/.*login_page_ms=([0-9-]+).*/\1/p' "$work/run.log")
  echo "$ms $(sed -nE 's/peak_rss_kb=//p' "$work/time.txt")"
}

first=$(run)
echo "first start (new keys, demo user): login page after ${first% *} ms, peak RSS $((${first#* } / 1024)) MiB"
cp -a "$work/home" "$work/template"
find "$work/template" -name 'sign-in-cookies.json' -delete
times=(); rss=()
for i in $(seq "$runs"); do
  r=$(run)
  if [ "$r" = "- -" ]; then echo "run $i: failed (left out of the median)"; continue; fi
  times+=("${r% *}"); rss+=("${r#* }")
  echo "run $i: login page after ${r% *} ms, peak RSS $((${r#* } / 1024)) MiB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
[ "${#times[@]}" -gt 0 ] || { echo "measure: no run succeeded" >&2; exit 1; }
echo "median of ${#times[@]} runs: launcher start -> login page $(median "${times[@]}") ms; peak RSS (after login) $(( $(median "${rss[@]}") / 1024 )) MiB"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
