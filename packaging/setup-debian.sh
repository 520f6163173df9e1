#!/bin/sh
# Installs every Debian 12 package Sikao needs to build, run and test.
# Idempotent: apt-get skips what is already installed. Run as root.
set -eu

packages="
  build-essential cmake ninja-build pkg-config git clang-14 libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6svg6-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtqml-workerscript qml6-module-qtquick-templates
  qml6-module-qtquick-dialogs qml6-module-qt-labs-settings qml6-module-qtqml
  qml6-module-qttest qml6-module-qt-labs-folderlistmodel
  libvulkan-dev vulkan-tools glslang-tools spirv-tools mesa-vulkan-drivers vulkan-validationlayers
  libsqlite3-dev sqlite3 libspdlog-dev libfmt-dev libpcre2-dev libicu-dev nlohmann-json3-dev
  xvfb xauth fonts-noto-cjk fonts-noto-core
  python3 python3-jinja2 python3-numpy
  librsvg2-bin desktop-file-utils appstream lintian shared-mime-info
"

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-debian.sh: run as root (or with sudo)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $packages
