// sikao-bench kernels: matrix-vector product (the decode hot path) for every weight type, as
// GB/s of weights read: bytes of the weight matrix × products / time of a recorded sequence of
// back-to-back products (GPU timestamps where the device has them, else the wall time of the one
// submission). With --tokens T > 1 the matrix-matrix product of prefill instead, for T tokens,
// also as GFLOP/s (2 · rows · cols · T per product). With --stream, how fast the device reads
// 64 MiB and does nothing else, in four access patterns: the ceiling for the kernels above.

#include <chrono>
#include <functional>
#include <numeric>
#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common/error.h"
#include "gguf/types.h"
#include "kernels/matmul.h"
#include "kernels/matvec.h"
#include "quant/quant.h"
#include "vulkan/context.h"

namespace sikao::bench {
namespace {

using gguf::TensorType;

const TensorType k_types[] = {TensorType::F32,  TensorType::F16,  TensorType::BF16, TensorType::Q8_0,
                              TensorType::Q4_0, TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1,
                              TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K, TensorType::Q5_K,
                              TensorType::Q6_K, TensorType::MXFP4};

struct Options {
  std::optional<uint32_t> device;
  bool json = false;
  uint32_t rows = 4096;
  uint32_t cols = 4096;
  uint32_t tokens = 1;               // 1: matvec; more: matmul over that many tokens
  std::vector<TensorType> types;     // empty: all of k_types
  bool stream = false;               // the byte-streaming ceiling instead of the kernels
  // --matvec subgroup|shared|rows: pin the matvec kernel (default: what decode uses here).
  kernels::MatvecReduction reduction = kernels::MatvecReduction::Auto;
  // --matmul gpu|cpu|rows: pin the matmul kernel (default: what prefill uses here).
  kernels::MatmulThreadBlock block = kernels::MatmulThreadBlock::Auto;
};

Options parse(const std::vector<std::string>& args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) {
        throw Error(ErrorCode::InvalidArgument, fmt::format("{} needs a value", a));
      }
      return args[++i];
    };
    if (a == "--json") {
      o.json = true;
    } else if (a == "--stream") {
      o.stream = true;
    } else if (a == "--device") {
      o.device = parse_count(a, value(), 0);
    } else if (a == "--rows") {
      o.rows = parse_count(a, value());
    } else if (a == "--cols") {
      o.cols = parse_count(a, value());
    } else if (a == "--tokens") {
      o.tokens = parse_count(a, value());
    } else if (a == "--matvec") {
      const std::string v = value();
      if (v == "subgroup") {
        o.reduction = kernels::MatvecReduction::Subgroup;
      } else if (v == "shared") {
        o.reduction = kernels::MatvecReduction::SharedMemory;
      } else if (v == "rows") {
        o.reduction = kernels::MatvecReduction::RowPerInvocation;
      } else {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("--matvec: '{}' is not subgroup, shared or rows", v));
      }
    } else if (a == "--matmul") {
      const std::string v = value();
      if (v == "gpu") {
        o.block = kernels::MatmulThreadBlock::Gpu;
      } else if (v == "cpu") {
        o.block = kernels::MatmulThreadBlock::Cpu;
      } else if (v == "rows") {
        o.block = kernels::MatmulThreadBlock::RowsPerInvocation;
      } else {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("--matmul: '{}' is not gpu, cpu or rows", v));
      }
    } else if (a == "--types") {
      const std::string list = value();
      for (size_t begin = 0; begin <= list.size();) {
        const size_t end = std::min(list.find(',', begin), list.size());
        const std::string name = list.substr(begin, end - begin);
        const auto it = std::find_if(std::begin(k_types), std::end(k_types), [&](TensorType t) {
          return gguf::traits(t).name == name;
        });
        if (it == std::end(k_types)) {
          throw Error(ErrorCode::InvalidArgument, fmt::format("--types: unknown type '{}'", name));
        }
        o.types.push_back(*it);
        begin = end + 1;
      }
    } else {
      throw Error(ErrorCode::InvalidArgument, fmt::format("unknown option '{}'", a));
    }
  }
  // Every type's block must divide a row: multiples of 256 suit all; with --types, multiples
  // of those types' blocks (576 columns of Q8_0: rows that do not start on 16-byte boundaries).
  for (const TensorType t : o.types.empty() ? std::vector<TensorType>(std::begin(k_types), std::end(k_types))
                                            : o.types) {
    if (o.cols % gguf::traits(t).block_size != 0) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("--cols {} is not a multiple of {}'s block of {}", o.cols,
                              gguf::traits(t).name, gguf::traits(t).block_size));
    }
  }
  return o;
}

// A rows × cols matrix of the type: 16 random rows quantised once and repeated (the contents do
// not change the speed).
std::vector<std::byte> weight_bytes(TensorType type, uint32_t rows, uint32_t cols) {
  std::mt19937_64 rng(42);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  const size_t rb = gguf::row_bytes(type, cols);
  const uint32_t distinct = std::min<uint32_t>(rows, 16);
  std::vector<std::byte> bytes(rb * rows);
  std::vector<float> row(cols);
  for (uint32_t r = 0; r < distinct; ++r) {
    for (float& v : row) {
      v = normal(rng);
    }
    quant::quantize_row(type, row, std::span(bytes.data() + r * rb, rb));
  }
  for (uint32_t r = distinct; r < rows; ++r) {
    std::copy_n(bytes.begin() + (r % distinct) * rb, rb, bytes.begin() + r * rb);
  }
  return bytes;
}

struct Result {
  TensorType type;
  uint64_t bytes;
  int products;
  double seconds;
  double gb_per_s() const { return double(bytes) * products / seconds / 1e9; }
  double us_per_product() const { return seconds / products * 1e6; }
};

double gflop_per_s(const Result& r, const Options& o) {
  return 2.0 * o.rows * o.cols * o.tokens * r.products / r.seconds / 1e9;
}

// GPU time of `repeats` back-to-back dispatches recorded by `dispatch`, each followed by a
// barrier (decode runs its products in order) — wall time of the one submission where the device
// has no timestamps — after a warm-up (pipeline creation, first touch), sized to about half a
// second.
double time_repeated(vk::Context& ctx, const std::function<void(vk::Sequence&)>& dispatch, int& repeats) {
  auto record = [&](int n) {
    vk::Sequence seq = ctx.create_sequence();
    seq.begin();
    seq.write_timestamp();
    for (int i = 0; i < n; ++i) {
      dispatch(seq);
      seq.barrier();
    }
    seq.write_timestamp();
    seq.end();
    return seq;
  };
  auto time = [](vk::Sequence& seq) {
    const auto t0 = std::chrono::steady_clock::now();
    seq.submit_and_wait();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::vector<double> stamps = seq.timestamps_ns();
    return stamps.size() == 2 && stamps[1] > 0 ? stamps[1] * 1e-9 : wall;
  };
  vk::Sequence probe = record(2);
  time(probe);
  const double once = std::max(time(probe) / 2, 1e-6);
  repeats = static_cast<int>(std::clamp(0.5 / once, 3.0, 2000.0));
  vk::Sequence seq = record(repeats);
  return time(seq);
}

Result measure(vk::Context& ctx, TensorType type, const Options& o) {
  const uint32_t rows = o.rows;
  const uint32_t cols = o.cols;
  const std::vector<std::byte> bytes = weight_bytes(type, rows, cols);
  vk::Buffer w = ctx.create_buffer(bytes.size());
  ctx.upload(vk::BufferView{&w}, std::span<const std::byte>(bytes));
  std::vector<float> x(size_t(cols) * o.tokens, 0.5f);
  vk::Buffer xb = ctx.create_buffer(x.size() * sizeof(float));
  ctx.upload(vk::BufferView{&xb}, std::span<const float>(x));
  vk::Buffer yb = ctx.create_buffer(size_t(rows) * o.tokens * sizeof(float));
  const kernels::WeightMatrix matrix{vk::BufferView{&w}, type, rows, cols};

  int products = 0;
  const double seconds = time_repeated(ctx, [&](vk::Sequence& seq) {
    if (o.tokens == 1) {
      kernels::matvec(ctx, seq, matrix, vk::BufferView{&xb}, vk::BufferView{&yb}, 0, o.reduction);
    } else {
      kernels::matmul(ctx, seq, matrix, vk::BufferView{&xb}, vk::BufferView{&yb}, o.tokens, 0,
                      kernels::MatmulOutput::Store, o.block);
    }
  }, products);
  return Result{type, bytes.size(), products, seconds};
}

// How fast the device can only read bytes (shaders/stream_bytes.comp), for each layout, workgroup
// size and number of invocations: the ceiling of any kernel that reads the weights once.
int run_stream(const Options& o) {
  vk::Context ctx(o.device);
  // 64 MiB: far beyond the caches, and a multiple of 4 uvec4s for every count of invocations.
  const uint64_t bytes = uint64_t(64) << 20;
  std::vector<uint32_t> fill(bytes / 4);
  std::iota(fill.begin(), fill.end(), 1u);
  vk::Buffer data = ctx.create_buffer(bytes);
  ctx.upload(vk::BufferView{&data}, std::span<const uint32_t>(fill));
  const uint32_t n_vec4 = static_cast<uint32_t>(bytes / 16);
  std::printf("device: %s\nstreaming %.1f MiB, %s\n\n%-12s %10s %12s %10s\n", ctx.info().name.c_str(),
              bytes / 1048576.0, ctx.info().timestamps ? "GPU timestamps" : "wall time", "layout",
              "workgroup", "invocations", "GB/s");
  const char* layouts[] = {"grid-stride", "invocation", "workgroup", "invocation×4"};
  for (const uint32_t layout : {0u, 1u, 2u, 3u}) {
    for (const uint32_t wg : {8u, 64u}) {
      for (const uint32_t invocations : {64u, 512u, 4096u, 32768u}) {
        if (invocations < wg) continue;
        vk::Buffer sums = ctx.create_buffer(invocations * sizeof(uint32_t));
        const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
            .shader = "stream_bytes", .spec_constants = {wg, layout}, .bindings = 2,
            .push_constant_bytes = 2 * sizeof(uint32_t)});
        const struct {
          uint32_t n_vec4, invocations;
        } pc{n_vec4, invocations};
        int repeats = 0;
        const double seconds = time_repeated(ctx, [&](vk::Sequence& seq) {
          seq.dispatch(pipeline, {vk::BufferView{&data}, vk::BufferView{&sums}}, pc, invocations / wg, 1);
        }, repeats);
        std::printf("%-12s %10u %12u %10.2f\n", layouts[layout], wg, invocations,
                    double(bytes) * repeats / seconds / 1e9);
        std::fflush(stdout);
      }
    }
  }
  return 0;
}

} // namespace

uint32_t parse_count(const std::string& option, const std::string& value, unsigned long min,
                     unsigned long max) {
  try {
    size_t used = 0;
    const unsigned long v = std::stoul(value, &used);
    if (used == value.size() && v >= min && v <= max) {
      return static_cast<uint32_t>(v);
    }
  } catch (const std::exception&) {
  }
  throw Error(ErrorCode::InvalidArgument, fmt::format("{} needs a count, got '{}'", option, value));
}

int run_kernels(const std::vector<std::string>& args) {
  try {
    const Options o = parse(args);
    if (o.stream) return run_stream(o);
    vk::Context ctx(o.device);
    std::vector<Result> results;
    if (!o.json) {
      std::printf("device: %s\n%s %u x %u (rows x cols)", ctx.info().name.c_str(),
                  o.tokens == 1 ? "matvec" : "matmul", o.rows, o.cols);
      if (o.tokens > 1) std::printf(" x %u tokens", o.tokens);
      std::printf(", f32 activations, %s\n\n",
                  ctx.info().timestamps ? "GPU timestamps" : "wall time");
      std::printf("%-6s %12s %12s %12s %10s\n", "type", "weight MiB", "us/product", "GB/s",
                  "GFLOP/s");
    }
    const std::vector<TensorType> types =
        o.types.empty() ? std::vector<TensorType>(std::begin(k_types), std::end(k_types)) : o.types;
    for (TensorType t : types) {
      const Result r = measure(ctx, t, o);
      results.push_back(r);
      if (!o.json) {
        std::printf("%-6s %12.2f %12.1f %12.2f %10.2f\n", std::string(gguf::traits(t).name).c_str(),
                    r.bytes / 1048576.0, r.us_per_product(), r.gb_per_s(), gflop_per_s(r, o));
        std::fflush(stdout);
      }
    }
    if (o.json) {
      nlohmann::json j;
      j["device"] = ctx.info().name;
      j["benchmark"] = o.tokens == 1 ? "matvec" : "matmul";
      j["tokens"] = o.tokens;
      j["timing"] = ctx.info().timestamps ? "gpu_timestamps" : "wall";
      j["rows"] = o.rows;
      j["cols"] = o.cols;
      for (const Result& r : results) {
        j["results"].push_back({{"type", std::string(gguf::traits(r.type).name)},
                                {"weight_bytes", r.bytes},
                                {"products", r.products},
                                {"us_per_product", r.us_per_product()},
                                {"gb_per_s", r.gb_per_s()},
                                {"gflop_per_s", gflop_per_s(r, o)}});
      }
      std::printf("%s\n", j.dump(2).c_str());
    }
    return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "sikao-bench kernels: %s\n", e.what());
    return 1;
  }
}

} // namespace sikao::bench
