#pragma once
// Matrix-vector product with quantised weights, the decode hot path: y = W x, optionally with
// the operations around it fused in (shaders/matvec.comp).

#include <cstdint>
#include <optional>

#include "kernels/activation.h"
#include "kernels/weights.h"
#include "vulkan/context.h"

namespace sikao::kernels {

// How a workgroup sums its threads' partial dot products.
enum class MatvecReduction {
  // RowPerInvocation on CPU devices where it applies (row_per_invocation_applies), else
  // Subgroup where the device has subgroup arithmetic, else SharedMemory
  Auto,
  Subgroup,      // subgroupAdd, then across subgroups in shared memory
  SharedMemory,  // a shared-memory tree only (the fallback; also what tests pin to check it)
  // Nothing to reduce: each invocation computes whole rows, reading them with 16-byte loads, x
  // and the norm weight bound as uniform buffers (shaders/matvec_cpu.comp, the kernel for CPU
  // devices). Q8_0, Q5_0, Q4_K and Q6_K; not for experts; rows of at most 16384 weights (x in
  // one 64 KiB uniform buffer) with x and the norm weight at legal uniform-buffer offsets, and
  // room in the weights' buffer to bind whole uvec4s (Context::create_buffer allocates it).
  RowPerInvocation,
};

// Whether a one-token product should take its input norm folded in (MatvecFusion::norm) rather
// than from an rms_norm dispatch before it: not on CPU devices, where each workgroup recomputes
// x ⊙ weight and Σx² over the whole row for its few rows (lavapipe, 24576 × 576 Q8_0: 18.5 ms
// with the norm folded in against 12.0 ms without, row per invocation; 19.1 / 16.8 ms subgroup).
bool matvec_folds_norm(const vk::DeviceInfo& info);

// Whether the RowPerInvocation kernel exists for this weight type on this device (the sizes and
// offsets of a product are checked when it is recorded).
bool row_per_invocation_applies(const vk::DeviceInfo& info, gguf::TensorType type);

// What happens to each row's dot product d[r] = Σ_c W[r, c] · x[c].
enum class MatvecOutput {
  Store,       // y[r] = d[r]
  Accumulate,  // y[r] += d[r]: the residual add of a block fused into its output projection
  SwiGlu,      // w's rows are interleaved (gate p, up p) pairs, y[p] = silu(d[2p]) · d[2p + 1]
  GeGlu,       // the same pairs, y[p] = gelu(d[2p]) · d[2p + 1] (gelu: kernels/activation.h)
  SwiGluOai,   // the same pairs, y[p] = swiglu_oai(d[2p], d[2p + 1]) (gpt-oss; activation.h)
};

// The gated output that applies `act` to interleaved (gate, up) rows.
MatvecOutput gated_output(GateActivation act);

// The input RMSNorm folded into the product: x is replaced by
// rmsnorm(x) ⊙ weight = x ⊙ weight / sqrt(Σ x² / n_cols + eps) (weight: n_cols floats).
struct MatvecNorm {
  vk::BufferView weight;
  float eps = 0.0f;
};

// The fusions of one matvec; the default is the plain y = W x.
struct MatvecFusion {
  std::optional<MatvecNorm> norm;
  // d[r] += bias[r] (w.n_rows floats; for the gated outputs interleaved as the rows are, added
  // before the activation).
  std::optional<vk::BufferView> bias;
  MatvecOutput output = MatvecOutput::Store;
  // d[r] is multiplied by this before the bias and the store or add (Granite's residual
  // multiplier on the accumulating output projections; not with the gated outputs).
  float scale = 1.0f;
};

// y[r] = Σ_c W[r, c] · x[c] for every row r of w, with `fusion` applied; x holds w.n_cols
// floats, y w.n_rows floats (w.n_rows / 2 for SwiGlu, which needs an even row count). Records
// one dispatch per binding window of w (see row_windows; max_binding_bytes = 0 means the
// device limit).
void matvec(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
            vk::BufferView y, const MatvecFusion& fusion, uint64_t max_binding_bytes = 0,
            MatvecReduction reduction = MatvecReduction::Auto);

// The experts one token was routed to (kernels/moe.h route_experts): ids (uint32) and weights
// (f32) of n_used slots.
struct ExpertChoice {
  vk::BufferView ids;
  vk::BufferView weights;
  uint32_t n_used = 0;
};

enum class ExpertMix {
  // y[s · out_rows + r] = (W_{ids[s]} x_s + b_{ids[s]})[r] with `fusion` applied per slot
  // (out_rows: w.n_rows, or w.n_rows / 2 for the gated outputs): gate/up products of every chosen
  // expert.
  PerSlot,
  // y[r] = (or +=, with Accumulate) Σ_s weights[s] · (W_{ids[s]} x_s + b_{ids[s]})[r]: the down
  // projection and the experts' weighted mix in one dispatch. No norm, scale or gated output.
  WeightedSum,
};

// The matvec over the chosen experts of one token, the experts read from `choice` on the
// device (decode stays one recorded submission). Slot s reads x at s · x_slot_stride floats
// (0: all slots read the same x; a multiple of 4). b_e is expert e's row of w.bias where the
// experts have biases (fusion.bias must be empty: the bias is the experts'). A tensor larger
// than one storage binding (or max_binding_bytes, when not 0) is one dispatch per binding of
// whole experts (expert_windows), each doing the slots whose experts it holds; a WeightedSum
// then adds the later bindings' share to y after a barrier.
void matvec_experts(vk::Context& ctx, vk::Sequence& seq, const ExpertMatrices& w,
                    const ExpertChoice& choice, vk::BufferView x, uint32_t x_slot_stride,
                    vk::BufferView y, ExpertMix mix, const MatvecFusion& fusion,
                    MatvecReduction reduction = MatvecReduction::Auto,
                    uint64_t max_binding_bytes = 0);

// The plain product y = W x.
inline void matvec(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
                   vk::BufferView y, uint64_t max_binding_bytes = 0,
                   MatvecReduction reduction = MatvecReduction::Auto) {
  matvec(ctx, seq, w, x, y, MatvecFusion{}, max_binding_bytes, reduction);
}

} // namespace sikao::kernels
