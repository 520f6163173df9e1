#!/usr/bin/env bash
# tst_deb_package: builds the .deb with cpack, extracts it with `dpkg-deb -x` into a temporary
# root (never installs it) and checks that it is a valid Debian package and desktop application
# whose programs run from that root on the data it installs:
#
#   - the files are where the package promises (binaries, bundled model, desktop entry, MIME
#     type, every icon size at its size, metainfo, manual pages) and the Depends name the QML
#     modules and a Vulkan driver;
#   - desktop-file-validate, appstreamcli validate --no-net, update-mime-database accept the
#     metadata, and lintian reports no error (its warnings are printed);
#   - the extracted sikao-cli answers "What is 345 + 278?" on the model under <root>/usr/share,
#     and no binary names the build's copy of the model, so it cannot have used that one;
#   - the extracted sikao starts under Xvfb, loads that model, answers and photographs itself;
#     given a GGUF file as its argument (how the desktop entry opens one), it loads that file.
#
# usage: check_deb.sh BUILD_DIR SOURCE_DIR      (Debian packages: packaging/setup-debian.sh)
set -euo pipefail

build_dir=$1
source_dir=$2
model_file=sikao-demo-reasoner-F16.gguf
app_id=io.github.sikao.Sikao

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

require_tools() {
  local tool
  for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian update-mime-database xvfb-run; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run packaging/setup-debian.sh"
  done
}

# Resolved, as the programs see their own path (/proc/self/exe) with links resolved.
work=$(realpath "$(mktemp -d "${TMPDIR:-/tmp}/sikao-deb.XXXXXX")")
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root"

make_package() {
  step "cpack -G DEB"
  cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack failed"; }
  deb=$(ls "$work"/out/sikao_*.deb)
  echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
  dpkg-deb -x "$deb" "$root"
}

check_files() {
  step "files"
  local f
  for f in usr/bin/sikao usr/bin/sikao-cli usr/bin/sikao-bench \
           "usr/share/sikao/models/$model_file" \
           "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml" \
           "usr/share/mime/packages/$app_id.xml" "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
           usr/share/man/man1/sikao.1.gz usr/share/man/man1/sikao-cli.1.gz usr/share/man/man1/sikao-bench.1.gz \
           usr/share/doc/sikao/copyright usr/share/doc/sikao/changelog.gz; do
    [ -f "$root/$f" ] || fail "the package lacks /$f"
  done
  for f in usr/bin/sikao usr/bin/sikao-cli usr/bin/sikao-bench; do
    [ -x "$root/$f" ] || fail "/$f is not executable"
  done
  cmp -s "$root/usr/share/sikao/models/$model_file" "$source_dir/tests/tools/bundled_model/$model_file" ||
    fail "the packaged model differs from tests/tools/bundled_model/$model_file"
}

check_man_page_covers_every_command() {
  step "sikao-cli.1 describes every command of sikao-cli --help"
  local command tags
  # The page's tag lines without font escapes and quotes: "devices [--json] ...", ".B version".
  tags=$(gzip -dc "$root/usr/share/man/man1/sikao-cli.1.gz" | sed -e 's/\\f[BIR]//g' -e 's/"//g')
  for command in $("$root/usr/bin/sikao-cli" --help | awk '/^commands:/ { on = 1; next } on && NF { print $1 }'); do
    grep -Eq "^(\.BI? )?$command( |\$)" <<<"$tags" || fail "sikao-cli.1 does not describe the command '$command'"
  done
}

# The width and height in a PNG's IHDR chunk (bytes 16..23, big-endian).
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print $3 * 256 + $4 "x" $7 * 256 + $8 }'; }

check_icons() {
  step "icons"
  local size png
  for size in 16 24 32 48 64 128 256 512; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [ -f "$png" ] || fail "no ${size}x${size} icon"
    [ "$(png_size "$png")" = "${size}x${size}" ] || fail "the ${size}x${size} icon is $(png_size "$png")"
  done
}

check_control() {
  step "control fields"
  local depends
  depends=$(dpkg-deb -f "$deb" Depends)
  echo "Depends: $depends"
  echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
  for need in libqt6quick6 libvulkan1 qml6-module-qtquick-controls qml6-module-qtquick-dialogs \
              qml6-module-qtquick-layouts "mesa-vulkan-drivers | vulkan-icd"; do
    [[ "$depends" == *"$need"* ]] || fail "Depends lacks '$need'"
  done
  [[ "$(dpkg-deb -f "$deb" Recommends)" == *fonts-noto-cjk* ]] || fail "Recommends lacks fonts-noto-cjk"
}

check_metadata() {
  step "desktop-file-validate"
  desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
  grep -q '^MimeType=application/x-gguf;$' "$root/usr/share/applications/$app_id.desktop" ||
    fail "the desktop entry does not open GGUF files"
  step "appstreamcli validate --no-net"
  appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
  # Every screenshot the metadata names is one of docs/screenshots.
  local shot
  for shot in $(grep -o '[^/]*\.png</image>' "$root/usr/share/metainfo/$app_id.metainfo.xml" | sed 's|</image>||'); do
    [ -f "$source_dir/docs/screenshots/$shot" ] || fail "the metainfo names $shot, which docs/screenshots lacks"
  done
  # The release the metadata and the changelog describe is the package's version.
  local version
  version=$(dpkg-deb -f "$deb" Version)
  grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "the metainfo has no release $version (packaging/$app_id.metainfo.xml.in)"
  gzip -dc "$root/usr/share/doc/sikao/changelog.gz" | head -1 | grep -qF "sikao ($version)" ||
    fail "the changelog's first entry is not $version (packaging/changelog)"
  step "update-mime-database"
  update-mime-database "$root/usr/share/mime" >"$work/mime.log" 2>&1 ||
    { cat "$work/mime.log"; fail "update-mime-database"; }
  grep -q '^50:application/x-gguf:\*\.gguf$' "$root/usr/share/mime/globs2" || fail "no *.gguf glob"
  grep -q 'application/x-gguf' "$root/usr/share/mime/magic" || fail "no GGUF magic"
}

check_lintian() {
  step "lintian"
  # Exit status 1: errors (--fail-on error); 2 and up: lintian itself failed. Warnings are listed.
  local status=0
  lintian --fail-on error --display-info --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || status=$?
  cat "$work/lintian.log"
  [ "$status" -ne 1 ] || fail "lintian reports errors"
  [ "$status" -eq 0 ] || fail "lintian did not run (exit status $status)"
}

# A home of its own for each program run: no user models, history or settings are read.
run_env() {
  env HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
      XDG_CACHE_HOME="$work/home/cache" "$@"
}

check_cli_uses_installed_model() {
  step "sikao-cli run on the installed model"
  local f
  for f in sikao sikao-cli; do
    if grep -qF "$source_dir/tests/tools/bundled_model" "$root/usr/bin/$f"; then
      fail "/usr/bin/$f names the build's model path"
    fi
  done
  run_env "$root/usr/bin/sikao-cli" --verbose run -p "What is 345 + 278?" --hide-reasoning \
    >"$work/answer.txt" 2>"$work/cli.log" || { cat "$work/cli.log"; fail "sikao-cli run failed"; }
  echo "answer: $(cat "$work/answer.txt")"
  grep -qF "the bundled demo model $root/usr/share/sikao/models/$model_file" "$work/cli.log" ||
    { cat "$work/cli.log"; fail "sikao-cli did not use the model under $root/usr/share"; }
  grep -q '623' "$work/answer.txt" || fail "the answer lacks 623"
}

check_gui_renders() {
  step "sikao --screenshots under Xvfb"
  local shots=$work/shots
  run_env timeout 150 xvfb-run -a "$root/usr/bin/sikao" --send "What is 12 + 7?" --screenshots "$shots" \
    --quit-after-answer >"$work/gui.log" 2>&1 || { cat "$work/gui.log"; fail "sikao failed"; }
  local name
  for name in empty-state finished-reasoning inspector settings models; do
    [ -s "$shots/$name.png" ] || { cat "$work/gui.log"; fail "sikao did not save $name.png"; }
  done
  echo "window: $(png_size "$shots/finished-reasoning.png")"
  grep -qF "last=$root/usr/share/sikao/models/$model_file" "$work/home/config/Sikao/sikao.conf" ||
    { cat "$work/home/config/Sikao/sikao.conf"; fail "sikao did not load the model under $root/usr/share"; }
}

check_gui_opens_a_file() {
  step "sikao FILE.gguf (the desktop entry's Exec=sikao %f)"
  # A relative path, as typed in a terminal: remembered as the absolute one.
  cp "$root/usr/share/sikao/models/$model_file" "$work/opened-from-file-manager.gguf"
  (cd "$work" && run_env timeout 120 xvfb-run -a "$root/usr/bin/sikao" opened-from-file-manager.gguf \
     --send "What is 2 + 3?" --quit-after-answer) >"$work/open.log" 2>&1 ||
    { cat "$work/open.log"; fail "sikao FILE.gguf failed"; }
  grep -qF "last=$work/opened-from-file-manager.gguf" "$work/home/config/Sikao/sikao.conf" ||
    { cat "$work/home/config/Sikao/sikao.conf"; fail "sikao did not load the file it was given"; }
}

require_tools
make_package
check_files
check_man_page_covers_every_command
check_icons
check_control
check_metadata
check_lintian
check_cli_uses_installed_model
check_gui_renders
check_gui_opens_a_file
echo "PASS"
