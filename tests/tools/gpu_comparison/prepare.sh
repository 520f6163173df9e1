#!/usr/bin/env bash
# Packs what the one-shot GPU comparison needs into a git-ignored folder of the checkout
# (default .gpu-comparison/), so that one `device` tool call with carry [".gpu-comparison"] can
# run it: read README.md beside this file.
#
#   tests/tools/gpu_comparison/prepare.sh [--bench PATH] [--llama DIR] [--dest DIR]
#
# Runs on the CPU machine. Everything the device machine may lack travels: sikao-bench and the
# shared libraries it links (ICU 72, fmt 9, spdlog 1.10, pcre2 are Debian 12's; the device image
# is another distribution), llama.cpp's Vulkan build, and the Vulkan loader packages. What travels
# in one call is limited to 64 MiB (the checkout plus carried folders), so binaries are stripped
# and the bulk is xz-compressed: ICU's 31 MB data file and llama.cpp's 12 MB of SPIR-V shrink to
# about a quarter and a tenth.
set -eu
set -o pipefail

die() { echo "prepare.sh: error: $*" >&2; exit 1; }
say() { echo "prepare.sh: $*" >&2; }

# The folder must be inside the checkout that travels: the repository of the working directory
# (the device tool sends the session's own checkout, not this script's worktree).
root=$(git rev-parse --show-toplevel 2>/dev/null) || die "run this inside the checkout whose tree the device tool sends"
here=$(cd "$(dirname "$0")" && pwd)
bench=$root/build/app/sikao-bench
llama=$root/../shared/tools/llama.cpp/vulkan-2025
[ -d "$llama" ] || llama=/work/shared/tools/llama.cpp/vulkan-2025
dest=$root/.gpu-comparison
# The folder may hold up to this much; the checkout travels beside it within the same 64 MiB.
limit_mib=60

while [ $# -gt 0 ]; do
  case $1 in
    --bench) bench=${2:?--bench needs a path}; shift 2 ;;
    --llama) llama=${2:?--llama needs a folder}; shift 2 ;;
    --dest) dest=${2:?--dest needs a folder}; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[ -x "$bench" ] || die "no sikao-bench at '$bench' (build it, or pass --bench PATH)"
[ -x "$llama/llama-bench" ] || die "no llama-bench in '$llama' (pass --llama DIR: ../shared/tools/llama.cpp/vulkan-2025)"
if command -v file >/dev/null; then
  file -L "$bench" | grep 'x86-64' >/dev/null || die "the device machine is x86-64: '$bench' is not an x86-64 build"
fi
for tool in strip xz tar ldd apt-get; do
  command -v $tool >/dev/null || die "'$tool' is needed and not on PATH"
done
case $dest in "$root"/*) ;; *) die "--dest must be inside the checkout ($root): only the checkout travels" ;; esac
rel=${dest#"$root"/}
if ! git -C "$root" check-ignore -q "$rel/x"; then
  say "warning: '$rel' is not ignored by git here: it will still travel, but add it to .gitignore"
fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/gpu-comparison-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/payload/bin" "$stage/payload/lib" "$stage/payload/lib-fallback" "$stage/payload/llama"

# Copies the non-system shared libraries a binary loads into the payload. glibc's own libraries
# are on every Linux; the Vulkan loader comes as packages (below) so that the system's one, with
# its ICD search paths, is what the driver is found through; libstdc++ and libgcc_s go to a
# fallback folder that run.sh uses only if the device's own are missing or too old (a newer
# system libstdc++ must win: the NVIDIA driver's libraries are loaded into the same process).
copy_deps() {
  ldd "$1" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' | while read -r name path; do
    case $name in
      linux-vdso*|libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|ld-linux*|libvulkan.so*) continue ;;
      libstdc++.so*|libgcc_s.so*) to=lib-fallback ;;
      *) to=lib ;;
    esac
    case $path in "$llama"/*) continue ;; esac  # llama.cpp's own libraries travel beside llama-bench
    [ -e "$stage/payload/$to/$name" ] && continue
    strip --strip-unneeded -o "$stage/payload/$to/$name" "$path" 2>/dev/null || cp -L "$path" "$stage/payload/$to/$name"
  done
}

say "sikao-bench: $bench"
strip --strip-all -o "$stage/payload/bin/sikao-bench" "$bench"
copy_deps "$bench"
say "llama.cpp: $llama"
# Only llama-bench and the .so files it loads (RUNPATH $ORIGIN finds them beside it).
for f in llama-bench libllama.so libggml.so libggml-base.so libggml-cpu.so libggml-vulkan.so; do
  [ -e "$llama/$f" ] || die "'$llama/$f' is missing"
  strip --strip-unneeded -o "$stage/payload/llama/$f" "$llama/$f"
  copy_deps "$llama/$f"
done
chmod +x "$stage/payload/bin/sikao-bench" "$stage/payload/llama/llama-bench"
{
  echo "prepared $(date -u +%FT%TZ) on $(hostname)"
  echo "sikao-bench: $bench ($(git -C "$(dirname "$bench")" rev-parse --short HEAD 2>/dev/null || echo '?'), built $(date -u -r "$bench" +%FT%TZ))"
  echo "checkout: $(git -C "$root" rev-parse --short HEAD) $(git -C "$root" rev-parse --abbrev-ref HEAD)"
  echo "llama.cpp: $llama"
  (cd "$stage/payload" && find . -type f -printf '%10s %p\n' | sort -k2)
} > "$stage/payload/MANIFEST"

rm -rf "$dest"
mkdir -p "$dest/debs"
say "compressing the payload (xz)"
tar -C "$stage/payload" -cf - . | xz -T0 -6 > "$dest/payload.tar.xz"
cp "$stage/payload/MANIFEST" "$dest/MANIFEST"
# run.sh travels inside the folder, so the device command does not depend on which branch the
# sending checkout is on.
cp "$here/run.sh" "$dest/run.sh"
chmod +x "$dest/run.sh"

# The Vulkan loader and GL vendor-neutral dispatch packages, as the device README's paragraph on
# headless rendering lists them: its image has no libvulkan, and NVIDIA's Vulkan ICD
# (libGLX_nvidia) needs glvnd's libGLdispatch. Lists go to a private folder, not the system's.
apt_lists=$stage/apt-lists
mkdir -p "$apt_lists/partial"
o="-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=$apt_lists"
pkgs="libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2"
say "downloading the Vulkan loader packages: $pkgs"
# shellcheck disable=SC2086
if timeout 180 apt-get $o update >"$stage/apt.log" 2>&1 &&
   (cd "$dest/debs" && timeout 180 apt-get $o download $pkgs) >>"$stage/apt.log" 2>&1; then
  say "loader packages: $(cd "$dest/debs" && echo *.deb)"
else
  # No mirror reachable: carry this machine's loader instead (no glvnd: the NVIDIA ICD may then
  # fail to load, which run.sh reports).
  say "warning: apt-get could not download the packages (log below); carrying this machine's libvulkan.so.1 instead"
  tail -5 "$stage/apt.log" >&2
  rm -rf "$dest/debs"
  mkdir -p "$dest/loader"
  cp -L /lib/x86_64-linux-gnu/libvulkan.so.1 "$dest/loader/libvulkan.so.1" || die "no libvulkan.so.1 here either"
fi

size=$(du -sb "$dest" | cut -f1)
# What else travels: the checkout's tracked and untracked-but-not-ignored files.
checkout=$(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 -r stat -c %s -- 2>/dev/null | awk '{s+=$1} END {print s+0}')
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
say "packed: $dest = $(mib "$size") MiB (payload $(mib "$(stat -c %s "$dest/payload.tar.xz")") MiB unpacks to $(mib "$(du -sb "$stage/payload" | cut -f1)") MiB)"
say "checkout files that travel beside it: $(mib "$checkout") MiB; together $(mib $((size + checkout))) MiB of the 64 MiB limit"
[ "$size" -le $((limit_mib * 1048576)) ] || die "the folder is $(mib "$size") MiB, over the ${limit_mib} MiB budget"
[ $((size + checkout)) -le $((64 * 1048576)) ] || die "folder plus checkout is $(mib $((size + checkout))) MiB, over the device tool's 64 MiB"
echo "$dest"
