#!/bin/sh
# Install the Linux desktop integration for the user (no root): the menu entry, the icon and
# the .toml file type, so OrbitDC appears in the applications menu and opens scenario files.
#   packaging/install_desktop.sh EXECUTABLE [DATA_HOME]
# EXECUTABLE: the installed app (dist/OrbitDC/OrbitDC); DATA_HOME: default
# ${XDG_DATA_HOME:-~/.local/share}. Re-running replaces the previous installation.
set -eu
exe=$(readlink -m "$1")
data=${2:-${XDG_DATA_HOME:-$HOME/.local/share}}
here=$(dirname "$(readlink -f "$0")")
root=$(dirname "$here")
[ -x "$exe" ] || { echo "install-desktop: $exe: no such executable; run 'make app' first" >&2; exit 2; }
case $exe in *[\"\`\$\\]*) echo "install-desktop: $exe: unsupported characters in path" >&2; exit 2;; esac

install -d "$data/applications" "$data/icons/hicolor/512x512/apps" "$data/mime/packages"
tmp="$data/applications/.orbitdc.desktop.tmp"
sed "s|@EXEC@|\"$exe\"|" "$here/orbitdc.desktop.in" > "$tmp"
mv "$tmp" "$data/applications/orbitdc.desktop"
install -m 644 "$root/src/orbitdc/assets/icons/orbitdc.png" "$data/icons/hicolor/512x512/apps/orbitdc.png"
install -m 644 "$here/orbitdc-mime.xml" "$data/mime/packages/orbitdc.xml"
# Refresh the caches where the tools exist (desktops also notice new files by themselves).
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "installed: $data/applications/orbitdc.desktop -> $exe"
