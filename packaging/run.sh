#!/usr/bin/env bash
# Installs the Debian packages, builds Sikao and starts the app (on the bundled demo model unless
# a model is named or one is in ~/.local/share/sikao/models).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
exec ./build/app/sikao "$@"
