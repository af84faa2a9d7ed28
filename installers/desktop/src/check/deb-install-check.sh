#!/usr/bin/env bash
# Installs the .deb the way a user does (apt-get install ./organizer_*.deb: dependencies from the archive), checks
# the install (files under /opt/organizer, menu entry, icon, launcher answers --version), then removes it and
# checks that nothing is left. Needs root and apt; changes this machine's packages, so it is run by hand:
#   sudo installers/desktop/src/check/deb-install-check.sh installers/desktop/target/installer/organizer_*.deb
set -euo pipefail

deb=$(realpath "${1:?path to organizer_VERSION_ARCH.deb}")
pkg=organizer
fail() { echo "deb-install-check: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (it installs and removes a package)"
if dpkg -s "$pkg" >/dev/null 2>&1; then fail "$pkg is already installed; remove it first"; fi

if [ -d /etc/xdg/menus ]; then menus="present"; else menus="absent (xdg-desktop-menu cannot register here)"; fi
echo "deb-install-check: /etc/xdg/menus is $menus"
echo "deb-install-check: apt-get install $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >/tmp/deb-install-check.log 2>&1 \
  || { tail -30 /tmp/deb-install-check.log >&2; fail "apt-get install failed"; }
dpkg -s "$pkg" | grep -q '^Status: install ok installed' || fail "dpkg does not list $pkg as installed"

[ -x /opt/$pkg/bin/$pkg ] || fail "no launcher /opt/$pkg/bin/$pkg"
[ -f /opt/$pkg/lib/$pkg.png ] || fail "no icon /opt/$pkg/lib/$pkg.png"
entry=$(ls /usr/share/applications/*"$pkg"*.desktop 2>/dev/null | head -1)
[ -n "$entry" ] || fail "no menu entry in /usr/share/applications"
grep -q "^Exec=/opt/$pkg/bin/$pkg" "$entry" || fail "$entry does not start /opt/$pkg/bin/$pkg"
grep -q "^Icon=/opt/$pkg/lib/$pkg.png" "$entry" || fail "$entry has no icon"
if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate "$entry" || fail "invalid $entry"; fi
version=$(/opt/$pkg/bin/$pkg --version 2>&1) || fail "the installed launcher failed: $version"
echo "deb-install-check: installed: $(du -sh /opt/$pkg | cut -f1) under /opt/$pkg, menu entry $entry, '$version'"

apt-get remove -y -q "$pkg" >>/tmp/deb-install-check.log 2>&1 || fail "apt-get remove failed"
[ ! -e /opt/$pkg/bin/$pkg ] || fail "/opt/$pkg/bin/$pkg left after removal"
[ ! -e "$entry" ] || fail "$entry left after removal"
echo "deb-install-check: OK (installed, checked, removed)"
