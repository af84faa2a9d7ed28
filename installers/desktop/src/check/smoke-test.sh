#!/usr/bin/env bash
# The app image's own launcher, run with --smoke-test: signs in through the real WebView against the embedded
# backend, writes its screenshot, exits 0. Run by `mvn verify` (installers/desktop) and usable by hand:
#   smoke-test.sh APP_IMAGE_DIR MONOCLE_JAR WORK_DIR
# Headless by default: Monocle's headless glass, added only to a hard-linked copy of the image (three JVM options
# appended to the copy's launcher config, lib/app/organizer.cfg), so the launcher, runtime and jars under test are
# the shipped ones. With SMOKE_DISPLAY=xvfb the unmodified image runs under xvfb-run (GTK) instead.
set -euo pipefail

app=${1:?app image dir}; monocle=${2:?monocle jar}; work=${3:?work dir}
timeout_s=${SMOKE_TIMEOUT:-180}
name=$(basename "$app")
fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }

[ -x "$app/bin/$name" ] || fail "no launcher at $app/bin/$name"
rm -rf "$work"; mkdir -p "$work/home"
work=$(cd "$work" && pwd)

# JavaFX's natives must sit in the runtime's lib/, not in the modules image (else they are extracted to
# ~/.openjfx on every start).
jimage=${JIMAGE:-jimage}
if "$jimage" list "$app/lib/runtime/lib/modules" | grep -E '\.(so|dll|dylib)$' >/dev/null; then
  fail "native libraries found inside the modules image"
fi
[ -f "$app/lib/runtime/lib/libjfxwebkit.so" ] || fail "libjfxwebkit.so is not in the runtime's lib/"

if [ "${SMOKE_DISPLAY:-monocle}" = xvfb ]; then
  image="$app"
  runner=(xvfb-run -a)
  # the unmodified image cannot be given -Duser.home: its data goes to its own directory instead
  extra_args=(--data-dir "$work/home/.local/share/organizer")
else
  image="$work/image/$name"
  mkdir -p "$work/image"
  cp -al "$app" "$work/image/"
  cfg="$image/lib/app/$name.cfg"
  rm "$cfg"   # a new file, so the hard-linked original stays untouched
  { cat "$app/lib/app/$name.cfg"
    echo "java-options=--patch-module=javafx.graphics=$(cd "$(dirname "$monocle")" && pwd)/$(basename "$monocle")"
    echo "java-options=-Dglass.platform=Monocle"
    echo "java-options=-Dmonocle.platform=Headless"
    echo "java-options=-Dprism.order=sw"
    # Java takes user.home from the password database, not $HOME: point it at the fresh home too.
    echo "java-options=-Duser.home=$work/home"
  } > "$cfg"
  runner=()
  extra_args=()
fi

shot="$work/organizer-smoke.png"
echo "smoke-test: $image/bin/$name --smoke-test (${SMOKE_DISPLAY:-monocle}, HOME=$work/home)"
start=$(date +%s%N)
set +e
# A fresh HOME (the app's data, sign-in cookies and any ~/.openjfx land there) and no XDG overrides.
(cd "$work" && env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME HOME="$work/home" \
   timeout "$timeout_s" ${runner[@]+"${runner[@]}"} "$image/bin/$name" --smoke-test --screenshot "$shot" ${extra_args[@]+"${extra_args[@]}"}) \
  > "$work/app.log" 2>&1
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
