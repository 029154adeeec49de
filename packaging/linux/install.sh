#!/bin/sh
# Install Voucher Kiosk from this unpacked archive.
#   sudo ./install.sh            -> /opt/voucher-kiosk, /usr/local/bin/kiosk, menu entry for all users
#   ./install.sh ~/voucher-kiosk -> a personal install, menu entry in ~/.local/share
#   BIN_DIR=... SHARE_DIR=... override where the launcher and menu entry go.
# Upgrading replaces the program only: data (settings, offline queue) lives in the user's
# data dir (~/.local/share/voucher-kiosk or $KIOSK_HOME), never inside the install folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
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
