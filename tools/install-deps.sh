#!/bin/sh
# tools/install-deps.sh — install the Debian 12 packages Clearance needs to build,
# run and test, if any are missing. Runs apt-get as root, or through sudo.
set -eu

PACKAGES="
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libsqlite3-dev libicu-dev
  libsoup-3.0-dev glib-networking libcairo2-dev libgtk-4-dev libadwaita-1-dev
  libpq-dev postgresql libsecret-1-dev gnome-keyring
  gettext desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3 python3-gi gir1.2-atspi-2.0 gir1.2-gtk-4.0 gir1.2-adw-1
  xz-utils gzip sqlite3 fonts-cantarell adwaita-icon-theme
  imagemagick x11-utils flatpak-builder
  fonts-noto-cjk poppler-utils locales
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
  # shellcheck disable=SC2086
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing
fi

# The translations' tests run the build-tree binaries in German and Chinese.
for loc in de_DE zh_CN; do
  if ! locale -a 2>/dev/null | grep -qi "^$loc\.utf-\?8$"; then
    echo "Generating the locale $loc.UTF-8"
    $SUDO localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
  fi
done
