#!/usr/bin/env bash
# The app image's own launcher, run with --smoke-test: signs in through the real WebView against the embedded
# backend, writes its screenshot, exits 0. Run by `mvn verify` (installers/desktop) and usable by hand:
#   smoke-test.sh APP_IMAGE_DIR WORK_DIR
# Without a display (DISPLAY unset here) the app uses Monocle's headless glass, which the runtime image carries
# inside javafx.graphics. With SMOKE_DISPLAY=xvfb it runs under xvfb-run with GTK instead.
# Isolation: the run uses a hard-linked copy of the image whose launcher config (lib/app/organizer.cfg) gets one
# line more, -Duser.home=WORK/home (Java takes the home from the password database, not from $HOME), so the app's
# data and any ~/.openjfx land in WORK; launcher, runtime and jars are the shipped files.
set -euo pipefail

app=${1:?app image dir}; work=${2:?work dir}
timeout_s=${SMOKE_TIMEOUT:-180}
name=$(basename "$app")
fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }

[ -x "$app/bin/$name" ] || fail "no launcher at $app/bin/$name"
rm -rf "$work"; mkdir -p "$work/home" "$work/image"
work=$(cd "$work" && pwd)

# JavaFX's natives must sit in the runtime's lib/, not in the modules image (else they are extracted to
# ~/.openjfx on every start).
jimage=${JIMAGE:-jimage}
if "$jimage" list "$app/lib/runtime/lib/modules" | grep -E '\.(so|dll|dylib)$' >/dev/null; then
  fail "native libraries found inside the modules image"
fi
[ -f "$app/lib/runtime/lib/libjfxwebkit.so" ] || fail "libjfxwebkit.so is not in the runtime's lib/"

image="$work/image/$name"
cp -al "$app" "$work/image/"
cfg="$image/lib/app/$name.cfg"
rm "$cfg"   # a new file, so that the hard-linked original stays untouched
{ cat "$app/lib/app/$name.cfg"; echo "java-options=-Duser.home=$work/home"; } > "$cfg"

if [ "${SMOKE_DISPLAY:-none}" = xvfb ]; then runner=(xvfb-run -a); else runner=(env -u DISPLAY -u WAYLAND_DISPLAY); fi
shot="$work/organizer-smoke.png"
echo "smoke-test: $image/bin/$name --smoke-test (display: ${SMOKE_DISPLAY:-none}, user.home=$work/home)"
start=$(date +%s%N)
set +e
(cd "$work" && env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME HOME="$work/home" \
   timeout "$timeout_s" "${runner[@]}" "$image/bin/$name" --smoke-test --screenshot "$shot") > "$work/app.log" 2>&1
rc=$?
set -e
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sed 's/^/  | /' "$work/app.log"
[ "$rc" -eq 0 ] || fail "launcher exited with $rc after ${elapsed_ms} ms"
grep -q '^smoke-test: ok' "$work/app.log" || fail "no 'smoke-test: ok' line"
[ -s "$shot" ] || fail "no screenshot at $shot"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$shot is not a PNG"
grep -q "data_dir=$work/home/" "$work/app.log" || fail "the app did not keep its data under $work/home"
[ ! -e "$work/home/.openjfx" ] || fail "JavaFX extracted natives to ~/.openjfx"
echo "smoke-test: OK in ${elapsed_ms} ms; screenshot $shot ($(stat -c %s "$shot") bytes); nothing under ~/.openjfx"
