#!/bin/sh
# Install Voucher Kiosk from this unpacked archive.
#   sudo ./install.sh            -> /opt/voucher-kiosk, /usr/local/bin/kiosk, menu entry for all users
#   ./install.sh ~/voucher-kiosk -> a personal install, menu entry in ~/.local/share
#   BIN_DIR=... SHARE_DIR=... override where the launcher and menu entry go.
# Upgrading replaces the program only: data (settings, offline queue) lives in the user's
# data dir (~/.local/share/voucher-kiosk or $KIOSK_HOME), never inside the install folder.
#
# The bundle carries everything but a few system libraries (GL, EGL, xcb, DRM) and fonts.
# Missing ones are installed with apt when run as root; otherwise the exact command is
# printed and the exit status is 1 (the program itself is installed either way).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# Debian packages the bundle needs from the system ("a|b": either); release.py fills this in.
SYSTEM_PACKAGES="@SYSTEM_PACKAGES@"

# The first choice of every package in SYSTEM_PACKAGES that dpkg does not have installed.
missing_packages() {
    command -v dpkg-query >/dev/null || return 0
    for want in $SYSTEM_PACKAGES; do
        found=""
        for alt in $(echo "$want" | tr '|' ' '); do
            if dpkg-query -W -f='${Status}' "$alt" 2>/dev/null | grep -q "install ok installed"; then
                found=1
                break
            fi
        done
        [ -n "$found" ] || printf ' %s' "${want%%|*}"
    done
}

# Libraries the bundle's GUI, ZBar and Python cannot find on this system (by ldd).
missing_libraries() {
    command -v ldd >/dev/null || return 0
    for lib in "$1/kiosk" "$1"/_internal/libzbar.so.0 \
            "$1"/_internal/PySide6/Qt/plugins/platforms/libqxcb.so "$1"/_internal/PySide6/QtGui.*.so; do
        [ -e "$lib" ] || continue
        LD_LIBRARY_PATH="$1/_internal" ldd "$lib" 2>/dev/null | awk '/=> not found/ { print $1 }'
    done | sort -u | tr '\n' ' '
}

if [ "$(id -u)" = 0 ]; then
    target=${1:-/opt/voucher-kiosk}; bin=${BIN_DIR:-/usr/local/bin}; share=${SHARE_DIR:-/usr/local/share}
else
    target=${1:-$HOME/.local/opt/voucher-kiosk}; bin=${BIN_DIR:-$HOME/.local/bin}
    share=${SHARE_DIR:-$HOME/.local/share}
fi
mkdir -p "$target" "$bin" "$share/applications" "$share/icons/hicolor/scalable/apps" \
    "$share/icons/hicolor/256x256/apps"
rm -rf "$target.new" && cp -a "$here/kiosk" "$target.new"
rm -rf "$target" && mv "$target.new" "$target"
ln -sf "$target/kiosk" "$bin/kiosk"
sed "s|^Exec=kiosk|Exec=$target/kiosk|; s|^TryExec=kiosk|TryExec=$target/kiosk|" \
    "$here/voucher-kiosk.desktop" > "$share/applications/voucher-kiosk.desktop"
cp "$here/voucher-kiosk.svg" "$share/icons/hicolor/scalable/apps/"
cp "$here/voucher-kiosk.png" "$share/icons/hicolor/256x256/apps/"
echo "Installed in $target; run: $bin/kiosk"

missing=$(missing_packages)
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing the system packages it needs:$missing"
    if DEBIAN_FRONTEND=noninteractive apt-get update -qq \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                $missing >/dev/null; then
        missing=$(missing_packages)
    fi
fi
if [ -n "$missing" ]; then
    echo "Voucher Kiosk cannot start until these system packages are installed. Run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
    exit 1
fi
libraries=$(missing_libraries "$target")
if [ -n "$libraries" ]; then
    echo "Voucher Kiosk cannot start: these libraries are missing: $libraries" >&2
    echo "Install the packages that provide them with your package manager." >&2
    exit 1
fi
