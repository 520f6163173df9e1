#!/usr/bin/env bash
# The one-shot GPU comparison: Sikao against llama.cpp's Vulkan backend on the same random-weight
# files, from a folder made by prepare.sh. Meant for one `device` tool call (README.md beside this
# file has the exact call); --quick runs the same steps on tiny models, e.g. on lavapipe here.
#
#   bash .gpu-comparison/run.sh [--quick] [--private-loader] [--budget SECONDS] [--work DIR]
#                               [--out DIR] [--keep-models] [--models LIST] [--prompt N] [--gen N]
#                               [--reps N]
#
# --models "PRESET:TYPE[:FLAGS] ..." replaces the list of files; FLAGS are more make-model shape
# flags with commas for spaces, e.g. llama3.1-8b:Q4_K_M:--layers,8 for a shorter 8B-shaped llama.
#
# Prints one markdown table and leaves table.md, run.log and results.tar.gz (every raw JSON, log
# and error file) in --out (default: $OUT, the folder the device tool brings back).
set -eu
set -o pipefail
PATH=$PATH:/usr/sbin:/sbin   # ldconfig

t0=$(date +%s)
prep=$(cd "$(dirname "$0")" && pwd)   # run.sh is copied into the prepared folder
quick=0
# Seconds this script may take in all. The device session has 15 minutes, the issue allows 8 for
# this call, and a machine's start (a minute or more) and its transfers count too: 330 s leaves
# room for them, and every step's timeout is cut to what is left so one hang cannot eat it.
budget=330
work=${TMPDIR:-/tmp}/sikao-gpu-comparison
out=${OUT:-$PWD/gpu-comparison-out}
keep_models=0
models="" p="" n="" reps=""
private_loader=0   # 1: use the carried loader packages even where the system has a loader
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1; shift ;;
    --budget) budget=${2:?--budget needs seconds}; shift 2 ;;
    --work) work=${2:?--work needs a folder}; shift 2 ;;
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --keep-models) keep_models=1; shift ;;
    --models) models=${2:?--models needs a list}; shift 2 ;;
    --prompt) p=${2:?--prompt needs a count}; shift 2 ;;
    --gen) n=${2:?--gen needs a count}; shift 2 ;;
    --reps) reps=${2:?--reps needs a count}; shift 2 ;;
    --private-loader) private_loader=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run.sh: error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
deadline=$((t0 + budget))

mkdir -p "$out"
raw=$work/raw   # raw results; tarred into $out at the end ($OUT takes at most 8 files)
log=$out/run.log
: > "$log"
say() { printf '[%4ds] %s\n' $(($(date +%s) - t0)) "$*" | tee -a "$log" >&2; }
die() { say "error: $*"; exit 1; }

if [ $quick = 1 ]; then
  # Tiny shapes of the same architectures: proves every step in a minute or two on 2 CPU cores.
  : "${models:=test-llama3:Q8_0 test-llama-linear:Q4_K_M test-qwen2-yarn:Q4_K_M}"
  : "${p:=32}" "${n:=8}" "${reps:=1}"
else
  # The issue's four files; llama3.1-8b is the 8B-shaped llama (4.9 GB at Q4_K_M).
  : "${models:=smollm2-135m:Q8_0 qwen2-0.5b:Q4_K_M qwen2-1.5b:Q4_K_M llama3.1-8b:Q4_K_M}"
  : "${p:=512}" "${n:=128}" "${reps:=3}"
fi

[ -f "$prep/payload.tar.xz" ] || die "no payload.tar.xz beside run.sh: run tests/tools/gpu_comparison/prepare.sh first and carry its folder"
command -v python3 >/dev/null || die "python3 is needed to read the JSON results"

# 1. Unpack (a few seconds). The models are made here rather than carried: 7 GB would not travel.
rm -rf "$work"
mkdir -p "$work/models" "$raw"
# Images without xz-utils are common; python3 (needed below anyway) has lzma.
unxz() {
  if command -v xz >/dev/null && [ "${GPU_CMP_UNXZ:-}" != python ]; then
    xz -T0 -dc "$1"
  else
    python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), sys.stdout.buffer)' "$1"
  fi
}
unxz "$prep/payload.tar.xz" | tar -C "$work" -xf - || die "could not unpack $prep/payload.tar.xz"
cp "$work/MANIFEST" "$raw/MANIFEST"
bench=$work/bin/sikao-bench
lbench=$work/llama/llama-bench

# 2. The Vulkan loader. The device image has none (device README, "Headless rendering"): unpack
# the carried packages into / there, as that README does, on a fresh root-owned machine only;
# anywhere else (a shared machine, no root) into a private folder on LD_LIBRARY_PATH.
extra_lib=""
# grep -c reads all of ldconfig's output: with pipefail, grep -q could SIGPIPE ldconfig and read
# as "no loader".
have_vk=$(ldconfig -p 2>/dev/null | grep -c 'libvulkan\.so\.1 ' || true)
if [ $private_loader = 1 ] || [ "${have_vk:-0}" = 0 ]; then
  if [ -d "$prep/debs" ] && ls "$prep"/debs/*.deb >/dev/null 2>&1; then
    command -v dpkg >/dev/null || die "no libvulkan here and no dpkg to unpack the carried packages"
    if [ "$(id -u)" = 0 ] && [ $quick = 0 ] && [ $private_loader = 0 ]; then
      say "no libvulkan here: unpacking the loader packages into /"
      for f in "$prep"/debs/*.deb; do dpkg -x "$f" / || die "dpkg -x $f failed"; done
      ldconfig || say "warning: ldconfig failed"
    else
      say "unpacking the loader packages into $work/vulkan-root (not /)"
      for f in "$prep"/debs/*.deb; do dpkg -x "$f" "$work/vulkan-root" || die "dpkg -x $f failed"; done
      extra_lib=$work/vulkan-root/usr/lib/x86_64-linux-gnu
    fi
  elif [ -f "$prep/loader/libvulkan.so.1" ]; then
    say "no libvulkan here: using the carried libvulkan.so.1"
    extra_lib=$prep/loader
  else
    die "no Vulkan loader here and none carried (prepare.sh puts the packages in debs/)"
  fi
fi
# Pinning the loader to NVIDIA's ICD when it is there finds the driver in the device image (the
# README's fix for "no driver found") and keeps a software driver from being device 0.
nv_icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f $nv_icd ]; then
  export VK_DRIVER_FILES=$nv_icd
  export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
  say "VK_DRIVER_FILES=$VK_DRIVER_FILES"
fi

# 3. Shared libraries: the carried ones first; libstdc++/libgcc_s only if the system's are missing
# or older than the binaries need (a newer system one must win for the driver's sake).
LD_LIBRARY_PATH=$work/lib${extra_lib:+:$extra_lib}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
# The ICD names its library (libGLX_nvidia.so.0) without a folder: let the driver's folder answer
# where ldconfig does not know it.
for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do
  if [ -d $d ]; then LD_LIBRARY_PATH=$LD_LIBRARY_PATH:$d; fi
done
export LD_LIBRARY_PATH
missing() { { ldd "$bench"; ldd "$lbench"; for f in "$work"/llama/*.so; do ldd "$f"; done; } 2>&1 | grep 'not found' || true; }
if [ -n "$(missing)" ]; then
  say "using the carried libstdc++/libgcc_s: $(missing | head -1 | tr -s ' \t' ' ')"
  LD_LIBRARY_PATH=$LD_LIBRARY_PATH:$work/lib-fallback
fi
[ -z "$(missing)" ] || die "libraries still missing: $(missing | sort -u | tr -s ' \t' ' ' | head -5)"

{
  echo "host: $(uname -srm), $(nproc) cores"
  grep -m1 'model name' /proc/cpuinfo || true
  timeout 10 nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv 2>&1 || echo "nvidia-smi: none"
  echo "VK_DRIVER_FILES=${VK_DRIVER_FILES:-} LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
  # Where each library is loaded from: shows the carried ones (and loader) are the ones used.
  ldd "$bench" | grep -E 'libvulkan|libicu|libfmt|libspdlog|libpcre2|libstdc|libgcc_s'
  ldd "$work/llama/libggml-vulkan.so" | grep -E 'libvulkan|libgomp'
  echo "mode: quick=$quick p=$p n=$n reps=$reps budget=${budget}s models=$models"
} > "$raw/host.txt" 2>&1
cat "$raw/host.txt" >> "$log"

# Runs one step under a timeout cut to the time left; records ok/failed/timeout/skipped in
# $raw/<name>.status so that the table says why a cell is empty.
step() {  # step NAME MAX_SECONDS MIN_SECONDS command...
  local name=$1 max=$2 min=$3 left rc=0
  shift 3
  left=$((deadline - $(date +%s)))
  if [ $left -lt "$min" ]; then
    echo "skipped (budget)" > "$raw/$name.status"; say "$name: skipped, ${left}s left"; return 0
  fi
  [ $left -lt "$max" ] && max=$left
  timeout -k 5 "$max" "$@" > "$raw/$name.out" 2> "$raw/$name.err" < /dev/null || rc=$?
  case $rc in
    0) echo ok > "$raw/$name.status" ;;
    124|137) echo "timeout (${max}s)" > "$raw/$name.status" ;;
    *) echo "failed (rc $rc)" > "$raw/$name.status" ;;
  esac
  if [ $rc = 0 ]; then
    say "$name: ok"
  else  # the reason, in the device tool's output_tail without fetching the files
    say "$name: $(cat "$raw/$name.status"): $(grep -v '^$' "$raw/$name.err" | tail -2 | tr '\n' ' ' | cut -c1-300)"
  fi
}

# 4. Make the models, all at once in the background. make-model is single-threaded: measured
# here, qwen2-1.5b Q4_K_M (984 MB) took 33 s of CPU, ~30 MB per CPU-second, so the 8B file
# (4.9 GB) takes about 165 s while the smaller models are already being measured.
# PRESET:TYPE[:FLAGS] -> a file name (label) and make-model's arguments.
label_of() { echo "$1" | sed 's/[:,]/-/g; s/--*/-/g' | tr -cd 'A-Za-z0-9._-'; }
declare -A gen_pid
for m in $models; do
  preset=${m%%:*} rest=${m#*:} label=$(label_of "$m")
  type=${rest%%:*} flags=""
  case $rest in *:*) flags=$(echo "${rest#*:}" | tr ',' ' ') ;; esac
  # The 8B file must leave about 90 s of the budget for its three measurements.
  case $preset in *8b*) t=$((budget - 90)) ;; *) t=150 ;; esac
  left=$((deadline - $(date +%s))); [ $left -lt $t ] && t=$left
  [ $t -ge 1 ] || t=1   # timeout 0 would mean none
  # shellcheck disable=SC2086  # $flags: words on purpose
  timeout -k 5 $t "$bench" make-model --preset "$preset" --type "$type" $flags -o "$work/models/$label.gguf" --force \
    > "$raw/make-$label.out" 2> "$raw/make-$label.err" < /dev/null &
  gen_pid[$label]=$!
done
say "making models: $models"

# 5. The device's streaming read bandwidth, once (Sikao's own stream kernel; its best row).
step stream 60 10 "$bench" kernels --stream

# 6. Per model, alternating: Sikao, llama.cpp -fa 0, llama.cpp -fa 1.
for m in $models; do
  label=$(label_of "$m")
  f=$work/models/$label.gguf
  rc=0; wait "${gen_pid[$label]}" || rc=$?
  if [ $rc != 0 ] || [ ! -s "$f" ]; then
    say "make-model $label: failed (rc $rc): $(tail -1 "$raw/make-$label.err" 2>/dev/null)"
    for s in sikao llama-fa0 llama-fa1; do echo "no model (make-model rc $rc)" > "$raw/$s-$label.status"; done
    continue
  fi
  say "model $label: $(du -m "$f" | cut -f1) MiB"
  step "sikao-$label" 150 15 "$bench" -m "$f" -p "$p" -n "$n" -r "$reps" --json
  for fa in 0 1; do
    step "llama-fa$fa-$label" 150 15 "$lbench" -m "$f" -ngl 99 -fa $fa -p "$p" -n "$n" -r "$reps" -o json
  done
  [ $keep_models = 1 ] || rm -f "$f"   # the disk here may be shared
done

# 7. The table.
# shellcheck disable=SC2086,SC2046  # $models is a list of words on purpose
python3 - "$raw" "$p" "$n" $(for m in $models; do echo "$(label_of "$m")=$m"; done) > "$out/table.md" <<'PY' || die "could not write the table"
import json, re, sys, os
raw, p, n, models = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def status(name):
    try:
        return open(os.path.join(raw, name + ".status")).read().strip()
    except OSError:
        return "not run"

def load(name):
    try:
        return json.load(open(os.path.join(raw, name + ".out")))
    except (OSError, ValueError):
        return None

def fmt(x):
    return "—" if x is None else (f"{x:.0f}" if x >= 100 else f"{x:.1f}")

stream = device = None
try:
    text = open(os.path.join(raw, "stream.out")).read().splitlines()
    rows = [float(l.split()[-1]) for l in text if re.match(r"^\S.*\s\d+\s+\d+\s+[\d.]+$", l)]
    stream = max(rows) if rows else None
    device = next((l[len("device: "):] for l in text if l.startswith("device: ")), None)
except OSError:
    pass

lines = [f"| model | Sikao pp{p} / tg{n} | llama.cpp -fa 0 pp{p} / tg{n} | llama.cpp -fa 1 pp{p} / tg{n} "
         f"| Sikao tg GB/s (of stream {fmt(stream)} GB/s) |",
         "|---|---|---|---|---|"]
for m in models:
    label, spec = m.split("=", 1)
    parts = spec.split(":")
    name = " ".join(parts[:2]) + (f" ({parts[2].replace(',', ' ')})" if len(parts) > 2 else "")
    cells = []
    s = load(f"sikao-{label}")
    if s and "pp_tokens_per_s" in s:
        device = device or s.get("device")
        cells.append(f"{fmt(s['pp_tokens_per_s']['mean'])} / {fmt(s['tg_tokens_per_s']['mean'])}")
        bw = s.get("tg_effective_gb_per_s")
    else:
        cells.append(status(f"sikao-{label}")); bw = None
    for fa in (0, 1):
        r = load(f"llama-fa{fa}-{label}")
        if isinstance(r, list) and r:
            device = device or r[0].get("gpu_info")
            pp = next((x["avg_ts"] for x in r if x.get("n_prompt", 0) > 0 and x.get("n_gen", 0) == 0), None)
            tg = next((x["avg_ts"] for x in r if x.get("n_gen", 0) > 0 and x.get("n_prompt", 0) == 0), None)
            cells.append(f"{fmt(pp)} / {fmt(tg)}")
        else:
            cells.append(status(f"llama-fa{fa}-{label}"))
    if bw is None:
        cells.append("—")
    elif stream:
        cells.append(f"{fmt(bw)} ({100 * bw / stream:.0f} %)")
    else:
        cells.append(f"{fmt(bw)} (stream: {status('stream')})")
    lines.append(f"| {name} | " + " | ".join(cells) + " |")
print(f"Device: {device or 'unknown'}; tokens/s, random-weight files from sikao-bench make-model.")
print()
print("\n".join(lines))
PY

tar -C "$raw" -czf "$out/results.tar.gz" . || say "warning: could not tar the raw results"
[ $keep_models = 1 ] || rm -rf "$work/models"
say "done in $(($(date +%s) - t0)) s; raw results in $out/results.tar.gz"
echo
cat "$out/table.md"
