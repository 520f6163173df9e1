// sikao-bench delta-net: the gated delta rule of one Gated DeltaNet layer over batches of T
// tokens, in its recurrent form (one token after another) and its chunked form, as µs per
// dispatch and tokens/s: where the chunked form starts to pay is the prefill threshold
// (model/transformer.cpp). Timed like `kernels`: a recorded run of back-to-back dispatches, GPU
// timestamps where the device has them, else the wall time of the one submission. The shape is
// Qwen3.5-0.8B's layer (16 key and 16 value heads of 128) unless given.

#include "kernels/delta_net.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "commands.h"
#include "common/error.h"
#include "vulkan/context.h"

namespace sikao::bench {
namespace {

struct Options {
  std::optional<uint32_t> device;
  std::vector<uint32_t> tokens{1, 4, 16, 32, 64, 128, 256, 512};
  uint32_t chunk = 0;  // 0: the longest the device takes
  kernels::DeltaNetShape shape{16, 128, 16, 128, 4};
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
    if (a == "--device") {
      o.device = parse_count(a, value(), 0);
    } else if (a == "--tokens") {
      o.tokens.clear();
      const std::string list = value();
      for (size_t begin = 0; begin <= list.size();) {
        const size_t end = std::min(list.find(',', begin), list.size());
        o.tokens.push_back(parse_count(a, list.substr(begin, end - begin), 1, 1u << 16));
        begin = end + 1;
      }
    } else if (a == "--chunk") {
      o.chunk = parse_count(a, value(), 1, 1u << 16);
    } else if (a == "--k-heads") {
      o.shape.n_k_heads = parse_count(a, value(), 1, 1u << 16);
    } else if (a == "--v-heads") {
      o.shape.n_v_heads = parse_count(a, value(), 1, 1u << 16);
    } else if (a == "--head-dim") {
      o.shape.d_k = o.shape.d_v = parse_count(a, value(), 1, 1u << 16);
    } else {
      throw Error(ErrorCode::InvalidArgument, fmt::format("unknown option '{}'", a));
    }
  }
  return o;
}

// One layer's operands for up to max_tokens tokens, random (the values do not change the speed;
// the decay keeps the state bounded over repeated dispatches).
struct Operands {
  vk::Buffer x, z, beta, alpha, head_params, norm, state, out;
};

vk::Buffer random_buffer(vk::Context& ctx, std::mt19937_64& rng, uint64_t n, float lo, float hi) {
  std::uniform_real_distribution<float> d(lo, hi);
  std::vector<float> v(n);
  for (float& f : v) f = d(rng);
  vk::Buffer b = ctx.create_buffer(n * sizeof(float));
  ctx.upload(vk::BufferView{&b}, std::span<const float>(v));
  return b;
}

Operands operands(vk::Context& ctx, const kernels::DeltaNetShape& s, uint32_t max_tokens) {
  std::mt19937_64 rng(7);
  const uint64_t n = max_tokens;
  Operands o{random_buffer(ctx, rng, n * s.conv_channels(), -1, 1),
             random_buffer(ctx, rng, n * s.value_width(), -1, 1),
             random_buffer(ctx, rng, n * s.n_v_heads, -2, 2),
             random_buffer(ctx, rng, n * s.n_v_heads, -2, 2),
             ctx.create_buffer(2ull * s.n_v_heads * sizeof(float)),
             random_buffer(ctx, rng, s.d_v, 0.5, 1.5),
             random_buffer(ctx, rng, s.delta_state_floats(), -0.1f, 0.1f),
             ctx.create_buffer(n * s.value_width() * sizeof(float))};
  std::vector<float> params(2 * s.n_v_heads, 0.0f);  // dt_bias 0, then a = -0.5
  std::fill(params.begin() + s.n_v_heads, params.end(), -0.5f);
  ctx.upload(vk::BufferView{&o.head_params}, std::span<const float>(params));
  return o;
}

enum class Form { Recurrent, Chunked };

// Seconds per dispatch of the form over n tokens.
double measure(vk::Context& ctx, Operands& b, const Options& o, Form form, uint32_t n,
               uint32_t chunk) {
  const kernels::DeltaNetInputs in{vk::BufferView{&b.x},           vk::BufferView{&b.z},
                                   vk::BufferView{&b.beta},        vk::BufferView{&b.alpha},
                                   vk::BufferView{&b.head_params}, vk::BufferView{&b.norm},
                                   vk::BufferView{&b.state}};
  const auto record = [&](int dispatches) {
    vk::Sequence seq = ctx.create_sequence();
    seq.begin();
    seq.write_timestamp();
    for (int i = 0; i < dispatches; ++i) {
      if (form == Form::Recurrent) {
        kernels::delta_net(ctx, seq, in, vk::BufferView{&b.out}, n, o.shape, 1e-6f);
      } else {
        kernels::delta_net_chunked(ctx, seq, in, vk::BufferView{&b.out}, n, o.shape, 1e-6f, chunk);
      }
      seq.barrier();  // state written -> read by the next dispatch (prefill runs them in order)
    }
    seq.write_timestamp();
    seq.end();
    return seq;
  };
  const auto time = [](vk::Sequence& seq) {
    const auto t0 = std::chrono::steady_clock::now();
    seq.submit_and_wait();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::vector<double> stamps = seq.timestamps_ns();
    return stamps.size() == 2 && stamps[1] > 0 ? stamps[1] * 1e-9 : wall;
  };
  // Warm up (pipeline creation, first touch), then size the run to about half a second.
  vk::Sequence probe = record(2);
  time(probe);
  const double once = std::max(time(probe) / 2, 1e-6);
  const int dispatches = static_cast<int>(std::clamp(0.5 / once, 3.0, 2000.0));
  vk::Sequence seq = record(dispatches);
  return time(seq) / dispatches;
}

}  // namespace

int run_delta_net(const std::vector<std::string>& args) {
  try {
    const Options o = parse(args);
    vk::Context ctx(o.device);
    const uint32_t chunk =
        o.chunk > 0 ? o.chunk : kernels::delta_net_max_chunk(ctx.info(), o.shape);
    const uint32_t max_tokens = *std::max_element(o.tokens.begin(), o.tokens.end());
    Operands buffers = operands(ctx, o.shape, max_tokens);
    std::printf("device: %s\ngated delta rule, %u key / %u value heads of %u, chunks of %u, %s\n\n",
                ctx.info().name.c_str(), o.shape.n_k_heads, o.shape.n_v_heads, o.shape.d_k, chunk,
                ctx.info().timestamps ? "GPU timestamps" : "wall time");
    std::printf("%8s %16s %16s %14s %14s %8s\n", "tokens", "recurrent us", "chunked us",
                "recurrent t/s", "chunked t/s", "ratio");
    for (uint32_t n : o.tokens) {
      const double recurrent = measure(ctx, buffers, o, Form::Recurrent, n, chunk);
      const double chunked = measure(ctx, buffers, o, Form::Chunked, n, chunk);
      std::printf("%8u %16.1f %16.1f %14.0f %14.0f %8.2f\n", n, recurrent * 1e6, chunked * 1e6,
                  n / recurrent, n / chunked, recurrent / chunked);
      std::fflush(stdout);
    }
    return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "sikao-bench delta-net: %s\n", e.what());
    return 1;
  }
}

}  // namespace sikao::bench
