#include "kernels/matvec.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/error.h"
#include "kernels/ops_dispatch.h"

namespace sikao::kernels {
namespace {

// Spelled as in shaders/matvec.comp.
struct PushConstants {
  uint32_t n_cols;
  uint32_t n_rows;
  uint32_t row_bytes;
  uint32_t weight_offset;
  uint32_t row_begin;
  float eps;
  float scale;
  uint32_t expert_bytes;
  uint32_t n_slots;
  uint32_t x_slot_stride;
  uint32_t y_slot_stride;
  uint32_t expert_begin;
  uint32_t expert_end;
};

// Spelled as EXPERTS_* in shaders/matvec.comp.
enum class ExpertMode : uint32_t { None = 0, PerSlot = 1, WeightedSum = 2 };

struct ExpertDispatch {
  ExpertMode mode = ExpertMode::None;
  ExpertChoice choice;
  uint32_t x_slot_stride = 0;
  std::vector<RowWindow> windows;  // expert_windows: bindings of whole experts
};

// Threads and rows of a workgroup.
struct WorkgroupShape {
  uint32_t size;  // a power of two
  uint32_t rows;  // even (SwiGLU pairs)
};

// GPUs: four subgroups' worth of threads (a power of two, as the shared-memory reduction needs),
// within 64..256 and the device's limit, halved (down to one subgroup) while half of it still
// covers a row at 4 weights per thread, and 2 rows per workgroup.
// CPU devices (lavapipe) run a workgroup's invocations one SIMD chunk after another and each
// workgroup as a task: extra invocations and extra workgroups are pure cost, and there are no
// idle units to fill. One subgroup per workgroup and 8 rows each: stories260K decode on
// lavapipe, per dispatch, 16-64 threads x 2 rows -> 8 threads x 8 rows: the 344-row SwiGLU
// 247 -> 161 us, the 64-row down projection 148 -> 85 us (GPU timestamps, best of 130 tokens).
WorkgroupShape workgroup_shape(const vk::DeviceInfo& info, uint32_t n_cols) {
  const uint32_t one_subgroup = std::max<uint32_t>(info.subgroup_size, 1);
  if (info.type == vk::DeviceType::Cpu) {
    return {std::min(one_subgroup, info.max_workgroup_invocations), 8};
  }
  uint32_t size = std::clamp<uint32_t>(4 * one_subgroup, 64, 256);
  while (size > one_subgroup && 4 * (size / 2) >= n_cols) {
    size /= 2;
  }
  while (size > info.max_workgroup_invocations && size > 1) {
    size /= 2;
  }
  return {size, 2};
}

// RowPerInvocation: one row per invocation (times k_rows_per_invocation, below), workgroups of
// one SIMD register's lanes (lavapipe runs a workgroup as consecutive SIMD chunks of
// subgroup_size lanes).
WorkgroupShape row_per_invocation_shape(const vk::DeviceInfo& info) {
  const uint32_t lanes = std::max<uint32_t>(info.subgroup_size, 1);
  return {lanes, lanes};
}

// Rows each invocation of matvec_cpu.comp computes: each x value it gathers serves them all.
// Even, so that a lane holds whole (gate, up) pairs of the gated outputs (no shared memory and no
// barrier, which llvmpipe runs as coroutines).
// lavapipe, rows per invocation 1 / 2 / 4 (8): Q5_0 9728 × 896 7.1 / 5.6 / 4.6 ms, Q4_K 4096 ×
// 4096 5.0 / 3.6 / 2.8 ms, Q6_K 8192 × 4864 12.7 / 12.6 / 8.4 ms (8: no better, 8.9-10.6 against
// 8.4-10.6); Q8_0 32768 × 896 24.3-25.4 ms with one row per invocation and its column loop
// unrolled for constant x offsets, 18.5-18.8 ms with four.
constexpr uint32_t k_rows_per_invocation = 4;

// matvec_cpu.comp's WORD_PHASES: bit r whether row r of each lane (rows i·4 + r of a window
// starting at weight_offset) starts at an odd 4-byte word, and bit 31 that the bits hold, which
// they do where the rows are 2- or 4-aligned (more aligned rows need no word select), a lane's
// rows span a multiple of 8 bytes (row_bytes is even) and so do row_chunk.glsl's chunks (all
// but Q6_K's single 210-byte blocks). Elsewhere 0, which the shader ignores: one pipeline.
uint32_t word_phases(gguf::TensorType type, uint32_t row_bytes, const RowWindow& win) {
  const uint32_t alignment = row_alignment(row_bytes, win);
  if ((alignment != 2 && alignment != 4) || (k_rows_per_invocation * row_bytes) % 8 != 0 ||
      type == gguf::TensorType::Q6_K) {
    return 0;
  }
  uint32_t phases = 1u << 31;
  for (uint32_t r = 0; r < k_rows_per_invocation; ++r) {
    phases |= (((win.weight_offset + uint64_t(r) * row_bytes) >> 2) & 1u) << r;
  }
  return phases;
}

// matvec_cpu.comp reads x (binding 1) and the norm weight (binding 3) as uniform buffers, and
// the weights (binding 0) as a texel buffer (row_chunk.glsl).
constexpr uint32_t k_row_per_invocation_uniforms = (1u << 1) | (1u << 3);
constexpr uint32_t k_row_per_invocation_texels = 1u << 0;

// What the RowPerInvocation kernel binds where it can run: x and the norm weight as uniform
// buffers of n_cols floats, each weight window widened to whole uvec4s.
struct RowPerInvocationBindings {
  vk::BufferView x, norm_weight;
  std::vector<vk::BufferView> windows;
};


std::optional<RowPerInvocationBindings> row_per_invocation_bindings(
    const vk::DeviceInfo& info, const WeightMatrix& w, vk::BufferView x,
    const MatvecFusion& fusion, const std::vector<RowWindow>& windows) {
  if (!row_per_invocation_applies(info, w.type)) {
    return std::nullopt;
  }
  const uint64_t x_bytes = uint64_t(w.n_cols) * sizeof(float);
  const auto uniform = [&](vk::BufferView v) -> std::optional<vk::BufferView> {
    if (!uniform_block_fits(info, v.offset, x_bytes) || v.resolved_size() < x_bytes) {
      return std::nullopt;
    }
    return vk::BufferView{v.buffer, v.offset, x_bytes};
  };
  RowPerInvocationBindings b;
  const std::optional<vk::BufferView> xu = uniform(x);
  const std::optional<vk::BufferView> gu = uniform(fusion.norm ? fusion.norm->weight : x);
  if (!xu || !gu) {
    return std::nullopt;
  }
  b.x = *xu;
  b.norm_weight = *gu;
  for (const RowWindow& win : windows) {
    const std::optional<vk::BufferView> binding = whole_uvec4_binding(info, win);
    if (!binding) {
      return std::nullopt;
    }
    b.windows.push_back(*binding);
  }
  return b;
}

void record_matvec(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
                   vk::BufferView y, const MatvecFusion& fusion, uint64_t max_binding_bytes,
                   MatvecReduction reduction, const ExpertDispatch& experts) {
  const vk::DeviceInfo& info = ctx.info();
  const uint32_t row_bytes = weight_row_bytes(w);
  const bool routed = experts.mode != ExpertMode::None;
  const bool swiglu = fusion.output == MatvecOutput::SwiGlu ||
                     fusion.output == MatvecOutput::GeGlu ||
                     fusion.output == MatvecOutput::SwiGluOai;
  if (swiglu && (w.n_rows % 2 != 0 || fusion.scale != 1.0f)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("a gated matvec needs an even row count and no scale ({} rows{})",
                            w.n_rows, fusion.scale != 1.0f ? ", a scale" : ""));
  }
  // A gated matrix is windowed as pairs of rows (one row of twice the length each, the same
  // bytes), so that no window separates a gate row from its up row.
  const uint32_t rows_per_unit = swiglu ? 2 : 1;
  const WeightMatrix units{w.data, w.type, w.n_rows / rows_per_unit, w.n_cols * rows_per_unit};
  // Windows of rows of one matrix; for experts, one per binding of whole experts
  // [expert_begin, expert_end), each over all the rows.
  struct Dispatch {
    RowWindow win;
    uint32_t expert_begin = 0, expert_end = 1;
  };
  std::vector<Dispatch> dispatches;
  std::vector<RowWindow> windows;
  if (routed) {
    for (const RowWindow& e : experts.windows) {
      dispatches.push_back({RowWindow{e.binding, 0, units.n_rows, e.weight_offset}, e.row_begin,
                            e.row_begin + e.n_rows});
    }
  } else {
    windows = row_windows(info, units, max_binding_bytes);
    for (const RowWindow& win : windows) {
      dispatches.push_back({win});
    }
  }

  const std::optional<RowPerInvocationBindings> cpu_bindings =
      routed ? std::nullopt : row_per_invocation_bindings(info, w, x, fusion, windows);
  if (reduction == MatvecReduction::Auto) {
    if (info.type == vk::DeviceType::Cpu && cpu_bindings) {
      reduction = MatvecReduction::RowPerInvocation;
    } else {
      reduction = info.subgroup_arithmetic ? MatvecReduction::Subgroup : MatvecReduction::SharedMemory;
    }
  }
  if (reduction == MatvecReduction::Subgroup && !info.subgroup_arithmetic) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{} has no subgroup arithmetic for the matvec reduction", info.name));
  }
  const bool per_invocation = reduction == MatvecReduction::RowPerInvocation;
  if (per_invocation && !cpu_bindings) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("no row-per-invocation matvec for this {} × {} {} product{} on {}",
                            w.n_rows, w.n_cols, gguf::traits(w.type).name,
                            routed ? " of experts" : "", info.name));
  }
  const std::string variant =
      per_invocation ? weight_shader("matvec_cpu", w.type)
                     : weight_shader("matvec", w.type) +
                           (reduction == MatvecReduction::Subgroup ? "" : "_shared");
  WorkgroupShape shape = per_invocation ? row_per_invocation_shape(info)
                                        : workgroup_shape(info, w.n_cols);
  if (per_invocation) {
    shape.rows *= k_rows_per_invocation;
  }
  const auto pipeline_for = [&](bool one_subgroup, MatvecOutput output,
                                const RowWindow* win) -> const vk::Pipeline& {
    std::vector<uint32_t> constants{shape.size, shape.rows, fusion.norm ? 1u : 0u,
                                    fusion.bias ? 1u : 0u, static_cast<uint32_t>(output)};
    if (per_invocation) {
      constants.push_back(row_alignment(row_bytes, *win));
      constants.push_back(word_phases(w.type, row_bytes, *win));
      return ctx.pipeline(vk::PipelineDesc{variant, std::move(constants), 7, sizeof(PushConstants),
                                           k_row_per_invocation_uniforms,
                                           k_row_per_invocation_texels});
    }
    constants.push_back(one_subgroup ? 1u : 0u);
    constants.push_back(static_cast<uint32_t>(experts.mode));
    return ctx.pipeline(vk::PipelineDesc{variant, std::move(constants), 7, sizeof(PushConstants)});
  };
  // A workgroup of one subgroup reduces in registers, without a barrier, where the subgroup
  // size is pinned (so that it really is one subgroup).
  const bool one_subgroup =
      reduction == MatvecReduction::Subgroup && shape.size == info.subgroup_size &&
      pipeline_for(true, fusion.output, nullptr).subgroup_size_pinned();
  // Unused bindings still need a valid buffer: x stands in.
  vk::BufferView norm_weight = fusion.norm ? fusion.norm->weight : x;
  const vk::BufferView bias = fusion.bias.value_or(x);
  const float eps = fusion.norm ? fusion.norm->eps : 0.0f;
  const vk::BufferView ids = routed ? experts.choice.ids : x;
  const vk::BufferView route_weights = routed ? experts.choice.weights : x;
  const uint32_t n_slots = routed ? experts.choice.n_used : 1;
  const uint32_t out_rows = swiglu ? w.n_rows / 2 : w.n_rows;
  if (per_invocation) {
    x = cpu_bindings->x;
    norm_weight = cpu_bindings->norm_weight;
  }
  for (size_t i = 0; i < dispatches.size(); ++i) {
    const RowWindow& win = dispatches[i].win;
    // A weighted sum's later bindings add their experts' share to what the first wrote.
    const bool adds = experts.mode == ExpertMode::WeightedSum && i > 0;
    if (adds) {
      seq.barrier();  // y written by the previous binding's dispatch -> read and added to
    }
    const vk::Pipeline& pipeline =
        pipeline_for(one_subgroup, adds ? MatvecOutput::Accumulate : fusion.output, &win);
    const uint32_t n_rows = win.n_rows * rows_per_unit;
    const PushConstants push{w.n_cols,
                             n_rows,
                             row_bytes,
                             win.weight_offset,
                             win.row_begin * rows_per_unit,
                             eps,
                             fusion.scale,
                             routed ? row_bytes * w.n_rows : 0,  // one expert's matrix
                             n_slots,
                             experts.x_slot_stride,
                             out_rows,
                             dispatches[i].expert_begin,
                             dispatches[i].expert_end};
    const uint64_t groups = (n_rows + shape.rows - 1) / shape.rows;
    const Grid g = fold_grid(groups, info, "matvec");
    const vk::BufferView weights = per_invocation ? cpu_bindings->windows[i] : win.binding;
    seq.dispatch(pipeline, {weights, x, y, norm_weight, bias, ids, route_weights}, push, g.x,
                 g.y, experts.mode == ExpertMode::PerSlot ? n_slots : 1);
  }
}

} // namespace

bool row_per_invocation_applies(const vk::DeviceInfo& info, gguf::TensorType type) {
  using T = gguf::TensorType;
  const bool has_kernel = type == T::F32 || type == T::F16 || type == T::Q8_0 || type == T::Q4_0 ||
                          type == T::Q5_0 || type == T::Q4_K || type == T::Q5_K || type == T::Q6_K;
  return has_kernel && row_per_invocation_shape(info).size <= info.max_workgroup_invocations &&
         info.max_uniform_buffer_range > 0;
}

bool matvec_folds_norm(const vk::DeviceInfo& info) { return info.type != vk::DeviceType::Cpu; }

MatvecOutput gated_output(GateActivation act) {
  switch (act) {
    case GateActivation::Gelu:
      return MatvecOutput::GeGlu;
    case GateActivation::SwiGluOai:
      return MatvecOutput::SwiGluOai;
    case GateActivation::Silu:
      break;
  }
  return MatvecOutput::SwiGlu;
}

void matvec(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
            vk::BufferView y, const MatvecFusion& fusion, uint64_t max_binding_bytes,
            MatvecReduction reduction) {
  record_matvec(ctx, seq, w, x, y, fusion, max_binding_bytes, reduction, ExpertDispatch{});
}

void matvec_experts(vk::Context& ctx, vk::Sequence& seq, const ExpertMatrices& experts,
                    const ExpertChoice& choice, vk::BufferView x, uint32_t x_slot_stride,
                    vk::BufferView y, ExpertMix mix, const MatvecFusion& fusion,
                    MatvecReduction reduction, uint64_t max_binding_bytes) {
  const WeightMatrix& w = experts.w;
  require(experts.n_expert > 0 && choice.n_used > 0 && choice.n_used <= experts.n_expert,
          "matvec_experts",
          fmt::format("{} of {} experts chosen", choice.n_used, experts.n_expert));
  require(x_slot_stride % 4 == 0, "matvec_experts",
          fmt::format("the slots' input stride {} is not a multiple of 4", x_slot_stride));
  const bool sum = mix == ExpertMix::WeightedSum;
  require(!fusion.bias, "matvec_experts", "the bias of experts is their own (ExpertMatrices::bias)");
  require(!sum || (!fusion.norm && fusion.scale == 1.0f &&
                   (fusion.output == MatvecOutput::Store ||
                    fusion.output == MatvecOutput::Accumulate)),
          "matvec_experts", "a weighted sum takes no norm, scale or gated output");
  require_expert_bias(experts, "matvec_experts");
  MatvecFusion with_bias = fusion;
  with_bias.bias = experts.bias;
  ExpertDispatch d;
  d.mode = sum ? ExpertMode::WeightedSum : ExpertMode::PerSlot;
  d.choice = choice;
  d.x_slot_stride = x_slot_stride;
  d.windows = expert_windows(ctx.info(), experts, max_binding_bytes);
  record_matvec(ctx, seq, w, x, y, with_bias, 0, reduction, d);
}

} // namespace sikao::kernels
