#include "model/transformer.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "common/error.h"
#include "kernels/activation.h"
#include "kernels/delta_net.h"
#include "kernels/elementwise.h"
#include "kernels/get_rows.h"
#include "kernels/matmul.h"
#include "kernels/matvec.h"
#include "kernels/moe.h"
#include "kernels/norm.h"
#include "kernels/rope.h"

namespace sikao::model {

kernels::KvCacheShape kv_cache_shape(const ModelConfig& config, uint32_t context_length) {
  return {config.n_kv_layers(), config.n_head_kv, config.head_dim, context_length};
}

RecurrentStateLayout recurrent_state_layout(const ModelConfig& config) {
  // Each part at a multiple of 256 bytes: a legal binding offset on every device.
  const auto aligned = [](uint64_t floats) { return (floats * sizeof(float) + 255) / 256 * 256; };
  RecurrentStateLayout l;
  l.conv_bytes = config.delta_net.conv_state_floats() * sizeof(float);
  l.delta_bytes = config.delta_net.delta_state_floats() * sizeof(float);
  l.delta_offset = aligned(config.delta_net.conv_state_floats());
  l.layer_bytes = l.delta_offset + aligned(config.delta_net.delta_state_floats());
  l.total_bytes = l.layer_bytes * config.n_delta_layers;
  return l;
}

namespace {

constexpr uint64_t k_f32 = sizeof(float);
// The logits of every position of a batch are only wanted by `eval`; cap their buffer so that
// a 150k-token vocabulary does not need gigabytes.
constexpr uint64_t k_max_logit_bytes = 64ull << 20;
// Batches of at least this many tokens run the gated delta rule in its chunked form, shorter
// ones (and decode) token by token: on lavapipe the chunked form broke even at 2 tokens and was
// 1.7-2.4x faster from 4 on (`sikao-bench delta-net`, Qwen3.5-0.8B's layer, docs/BENCHMARKS.md).
constexpr uint32_t k_min_chunked_delta_tokens = 4;
// build_pipelines' batch: the fewest tokens for which the kernels take the variants a long
// prompt takes. GPUs: the widest matmul tile (kernels/matmul.cpp, 64 tokens). CPU devices:
// matmul_cpu takes any batch alike and attention_cpu one query per lane from a lane's worth of
// tokens (kernels/attention.cpp), and 64 tokens would be seconds of work (qwen2-0.5b Q4_K_M:
// ~2.3 s on lavapipe) for a question sent right after the load to wait for.
uint32_t build_batch_tokens(const vk::DeviceInfo& info) {
  return info.type == vk::DeviceType::Cpu ? std::max<uint32_t>(info.subgroup_size, 2) : 64;
}

// Rows [first, first + n) of a row-major f32 matrix whose rows are width floats.
vk::BufferView rows(const vk::Buffer& buffer, uint32_t n, uint32_t width, uint32_t first = 0) {
  return vk::BufferView{&buffer, uint64_t(first) * width * k_f32, uint64_t(n) * width * k_f32};
}

struct QkvViews {
  vk::BufferView q, k, v, all;
};
QkvViews qkv_views(const vk::Buffer& buffer, const QkvLayout& l) {
  return {vk::BufferView{&buffer, 0, l.q_bytes}, vk::BufferView{&buffer, l.k_offset, l.kv_bytes},
          vk::BufferView{&buffer, l.v_offset, l.kv_bytes},
          vk::BufferView{&buffer, 0, l.total_bytes}};
}

} // namespace

struct Transformer::Activations {
  vk::Buffer ids;        // host-visible: uint32 token id per batch row
  vk::Buffer positions;  // host-visible: uint32 position per batch row
  vk::Buffer x;          // the residual stream [batch][n_embd]
  vk::Buffer h;          // normed input of a block [batch][n_embd] (prefill)
  vk::Buffer block_out;  // a block's output before its post-norm [batch][n_embd] (Gemma)
  vk::Buffer qkv;        // q [batch][q_dim], k and v [batch][kv_dim]: see qkv_layout
  vk::Buffer attn;       // attention output [batch][q_dim]
  vk::Buffer gate_up;    // [batch][n_ff] (gate, up) pairs (prefill, interleaved weights)
  vk::Buffer gate, up;   // [batch][n_ff]
  vk::Buffer last;       // the rows whose logits are wanted [logit_rows][n_embd]
  vk::Buffer logits;     // [logit_rows][n_vocab]
  vk::Buffer logits_host;
  std::vector<vk::Buffer> rope_tables;  // one per ModelConfig::rope_variants
  vk::Buffer kv_cache;
  vk::Buffer attention_scratch;  // partial results of split (flash-decoding) attention
  // Mixture of experts (4-byte placeholders otherwise). A pair is (token, slot).
  vk::Buffer router_logits;   // [batch][n_expert]
  vk::Buffer expert_ids;      // [batch][n_used] uint32
  vk::Buffer expert_weights;  // [batch][n_used]
  vk::Buffer expert_rows;     // the pairs grouped by expert (group_by_expert)
  vk::Buffer expert_gate_up;  // [pairs][2 · n_ff_exp] (prefill)
  vk::Buffer expert_act;      // [pairs][n_ff_exp]
  vk::Buffer expert_up;       // [pairs][n_ff_exp] (gate and up not interleaved)
  vk::Buffer expert_out;      // [pairs][n_embd] (prefill)
  // Qwen3.5 (4-byte placeholders for other architectures).
  vk::Buffer shared_out;       // [batch][n_embd]: the shared expert's output (Qwen3.5 MoE)
  vk::Buffer shared_gate;      // [batch]: its gate logits
  vk::Buffer attn_gate;        // [batch][q_dim]: gated attention's gate logits
  // Gated DeltaNet layers.
  vk::Buffer recurrent_state;  // every DeltaNet layer's state (recurrent_state_layout)
  vk::Buffer ssm_qkv;          // [batch][conv_channels]: the q/k/v projection
  vk::Buffer ssm_conv;         // [batch][conv_channels]: after the convolution
  vk::Buffer ssm_z;            // [batch][value_width]: the output gate's projection
  vk::Buffer ssm_beta;         // [batch][n_v_heads]
  vk::Buffer ssm_alpha;        // [batch][n_v_heads]
  vk::Buffer ssm_out;          // [batch][value_width]: the gated delta rule's output
  uint32_t max_logit_rows = 1;
};

Transformer::Transformer(vk::Context& ctx, const ModelConfig& config, const ModelWeights& weights,
                         uint32_t context_length, uint32_t max_batch)
    : ctx_(ctx),
      config_(config),
      weights_(weights),
      context_length_(context_length),
      max_batch_(std::max<uint32_t>(1, max_batch)) {
  if (context_length == 0) {
    throw Error(ErrorCode::InvalidArgument, "context length must be at least 1");
  }
  kv_shape_ = kv_cache_shape(config, context_length);
  const uint32_t logit_rows = static_cast<uint32_t>(std::clamp<uint64_t>(
      k_max_logit_bytes / (uint64_t(config.n_vocab) * k_f32), 1, max_batch_));
  const uint64_t b = max_batch_;
  const uint32_t decode_splits = kernels::decode_attention_splits(ctx.info(), attention_shape(0, 1));
  const uint64_t scratch_bytes =
      kernels::attention_scratch_bytes(attention_shape(0, 1), decode_splits);
  const uint64_t pairs = b * config.n_expert_used;
  const auto moe_buffer = [&](uint64_t bytes) {
    return ctx.create_buffer(config.n_expert > 0 ? std::max<uint64_t>(bytes, 4) : 4);
  };
  const kernels::DeltaNetShape& d = config.delta_net;
  const uint64_t n_ff = std::max(config.n_ff, config.n_ff_shexp);  // the dense or shared FFN
  const auto delta_buffer = [&](uint64_t bytes) {
    return ctx.create_buffer(config.n_delta_layers > 0 ? std::max<uint64_t>(bytes, 4) : 4);
  };
  act_ = std::make_unique<Activations>(Activations{
      .ids = ctx.create_host_buffer(b * sizeof(uint32_t)),
      .positions = ctx.create_host_buffer(b * sizeof(uint32_t)),
      .x = ctx.create_buffer(b * config.n_embd * k_f32),
      .h = ctx.create_buffer(b * config.n_embd * k_f32),
      .block_out = ctx.create_buffer(config.arch.post_norms ? b * config.n_embd * k_f32 : 4),
      .qkv = ctx.create_buffer(qkv_layout(ctx.info(), config, max_batch_).total_bytes),
      .attn = ctx.create_buffer(b * config.q_dim() * k_f32),
      .gate_up = ctx.create_buffer(b * 2 * n_ff * k_f32),
      .gate = ctx.create_buffer(b * n_ff * k_f32),
      .up = ctx.create_buffer(b * n_ff * k_f32),
      .last = ctx.create_buffer(uint64_t(logit_rows) * config.n_embd * k_f32),
      .logits = ctx.create_buffer(uint64_t(logit_rows) * config.n_vocab * k_f32),
      .logits_host = ctx.create_host_buffer(uint64_t(logit_rows) * config.n_vocab * k_f32),
      .rope_tables = {},
      .kv_cache = ctx.create_buffer(kv_shape_.total_bytes()),
      .attention_scratch = ctx.create_buffer(std::max<uint64_t>(4, scratch_bytes)),
      .router_logits = moe_buffer(b * config.n_expert * k_f32),
      .expert_ids = moe_buffer(pairs * sizeof(uint32_t)),
      .expert_weights = moe_buffer(pairs * k_f32),
      .expert_rows = moe_buffer(kernels::expert_rows_bytes(max_batch_, config.n_expert)),
      .expert_gate_up = moe_buffer(pairs * 2 * config.n_ff_exp * k_f32),
      .expert_act = moe_buffer(pairs * config.n_ff_exp * k_f32),
      .expert_up = moe_buffer(pairs * config.n_ff_exp * k_f32),
      .expert_out = moe_buffer(pairs * config.n_embd * k_f32),
      .shared_out = ctx.create_buffer(config.arch.shared_expert ? b * config.n_embd * k_f32 : 4),
      .shared_gate = ctx.create_buffer(config.arch.shared_expert ? b * k_f32 : 4),
      .attn_gate = ctx.create_buffer(config.arch.gated_attention ? b * config.q_dim() * k_f32 : 4),
      .recurrent_state = delta_buffer(recurrent_state_layout(config).total_bytes),
      .ssm_qkv = delta_buffer(std::max(b * d.conv_channels() * k_f32,
                                       delta_net_input_layout(ctx.info(), config).total_bytes)),
      .ssm_conv = delta_buffer(b * d.conv_channels() * k_f32),
      .ssm_z = delta_buffer(b * d.value_width() * k_f32),
      .ssm_beta = delta_buffer(b * d.n_v_heads * k_f32),
      .ssm_alpha = delta_buffer(b * d.n_v_heads * k_f32),
      .ssm_out = delta_buffer(b * d.value_width() * k_f32),
      .max_logit_rows = logit_rows,
  });
  for (const RopeVariant& variant : config.rope_variants) {
    const auto table =
        variant.identity
            ? kernels::rope_identity_table(config.n_rot, context_length)
            : kernels::rope_table(config.n_rot, variant.base, context_length,
                                  variant.scaling_for(context_length));
    auto& buffer = act_->rope_tables.emplace_back(ctx.create_buffer(table.size() * k_f32));
    ctx.upload(vk::BufferView{&buffer}, std::as_bytes(std::span(table)));
  }
  auto clear = ctx.create_sequence();
  clear.begin();
  clear.fill_zero(vk::BufferView{&act_->kv_cache});
  clear.fill_zero(vk::BufferView{&act_->recurrent_state});
  clear.run();
}

Transformer::~Transformer() = default;

// The normed input of a block, rmsnorm(x) ⊙ weight: for one token it is folded into each matvec
// that reads it (each recomputes Σx² while streaming x, saving a dispatch), except on CPU devices
// (kernels::matvec_folds_norm); for a batch it is computed once into h.
Transformer::NormedInput Transformer::norm(vk::Sequence& seq, vk::BufferView x,
                                           vk::BufferView weight, uint32_t n) {
  if (n == 1 && kernels::matvec_folds_norm(ctx_.info())) {
    return {x, kernels::MatvecNorm{weight, config_.rms_eps}};
  }
  const vk::BufferView h = rows(act_->h, n, config_.n_embd);
  kernels::rms_norm(ctx_, seq, x, weight, h, n, config_.n_embd, config_.rms_eps);
  seq.barrier();  // h written -> read by the projections
  return {h, std::nullopt};
}

kernels::AttentionShape Transformer::attention_shape(uint32_t layer, uint32_t n) const {
  const ModelConfig& c = config_;
  kernels::AttentionShape shape{n, c.n_head, c.n_head_kv, c.head_dim, context_length_};
  shape.scale = c.attention_scale;
  shape.softcap = c.attn_softcap;
  shape.temperature = c.attention_temperature;
  shape.temperature_length = c.attention_temperature_length;
  shape.window = c.layers.empty() ? 0 : c.layers[layer].window;
  shape.sinks = weights_.layers[layer].attn_sinks;
  return shape;
}

// y = scale · in W (+ bias), or y += scale · in W with Accumulate (the residual add).
void Transformer::project(vk::Sequence& seq, const kernels::WeightMatrix& w, const NormedInput& in,
                          vk::BufferView y, uint32_t n, kernels::MatvecOutput output,
                          std::optional<vk::BufferView> bias, float scale) {
  if (n == 1) {
    kernels::matvec(ctx_, seq, w, in.x, y, kernels::MatvecFusion{in.norm, bias, output, scale});
    return;
  }
  kernels::matmul(ctx_, seq, w, in.x, y, n, 0,
                  output == kernels::MatvecOutput::Accumulate ? kernels::MatmulOutput::Accumulate
                                                              : kernels::MatmulOutput::Store,
                  kernels::MatmulThreadBlock::Auto, scale);
  if (bias) {
    seq.barrier();  // y written -> bias added in place
    kernels::add(ctx_, seq, y, *bias, y, n * w.n_rows, w.n_rows);
  }
}

// q, k, v = h Wq (+ bq), h Wk (+ bk), h Wv (+ bv): one matvec for all three where the weights
// are fused and there is one token.
void Transformer::project_qkv(vk::Sequence& seq, const LayerWeights& w, const NormedInput& h,
                              uint32_t n) {
  const QkvViews v = qkv_views(act_->qkv, qkv_layout(ctx_.info(), config_, n));
  if (w.attn_qkv && n == 1) {
    project(seq, *w.attn_qkv, h, v.all, n, kernels::MatvecOutput::Store, w.attn_qkv_bias);
    return;
  }
  project(seq, w.attn_q, h, v.q, n, kernels::MatvecOutput::Store, w.attn_q_bias);
  project(seq, w.attn_k, h, v.k, n, kernels::MatvecOutput::Store, w.attn_k_bias);
  project(seq, w.attn_v, h, v.v, n, kernels::MatvecOutput::Store, w.attn_v_bias);
}

// out = act(h Wgate) ⊙ (h Wup): one gated matvec where gate and up are interleaved and there
// is one token, else the products and then the activation.
void Transformer::gated_ffn(vk::Sequence& seq, const GatedFfn& w, const NormedInput& h,
                            vk::BufferView out, uint32_t n_ff, uint32_t n) {
  const kernels::GateActivation act = config_.arch.activation;
  if (w.gate_up && n == 1) {
    project(seq, *w.gate_up, h, out, n, kernels::gated_output(act));
    return;
  }
  if (w.gate_up) {
    const vk::BufferView gate_up = rows(act_->gate_up, n, 2 * n_ff);
    project(seq, *w.gate_up, h, gate_up, n);
    seq.barrier();  // gate_up -> activation
    kernels::gated_activation_interleaved(ctx_, seq, act, gate_up, out, n * n_ff);
    return;
  }
  const vk::BufferView up = rows(act_->up, n, n_ff);
  project(seq, w.gate, h, out, n);
  project(seq, w.up, h, up, n);
  seq.barrier();  // gate, up -> activation
  kernels::gated_activation(ctx_, seq, act, out, up, out, n * n_ff);
}

// The shared expert (Qwen3.5 MoE), x += σ(h · w_gate) · ffn_shared(h), in two parts around the
// routed experts: its products of h first, because for one token h is x with the norm folded
// into each matvec and the routed experts' down projections write x; its down projection, gate
// and residual add after them.
void Transformer::shared_expert_products(vk::Sequence& seq, const ExpertWeights& w,
                                         const NormedInput& h, uint32_t n) {
  const ModelConfig& c = config_;
  gated_ffn(seq, *w.shared, h, rows(act_->gate, n, c.n_ff_shexp), c.n_ff_shexp, n);
  project(seq, w.shared_gate, h, vk::BufferView{&act_->shared_gate, 0, uint64_t(n) * k_f32}, n);
}

void Transformer::shared_expert_output(vk::Sequence& seq, const ExpertWeights& w, uint32_t n) {
  const ModelConfig& c = config_;
  Activations& a = *act_;
  const vk::BufferView out = rows(a.shared_out, n, c.n_embd);
  const vk::BufferView x = rows(a.x, n, c.n_embd);
  seq.barrier();  // the shared expert's activation and gate -> its down projection
  project(seq, w.shared->down, NormedInput{rows(a.gate, n, c.n_ff_shexp), std::nullopt}, out, n);
  seq.barrier();  // its output -> gated
  kernels::mul_sigmoid_rows(ctx_, seq, out, vk::BufferView{&a.shared_gate, 0, uint64_t(n) * k_f32},
                            out, n, c.n_embd);
  seq.barrier();  // gated output (and x, the routed experts added) -> residual add
  kernels::add(ctx_, seq, x, out, x, n * c.n_embd, n * c.n_embd);
}

// x += residual_scale · (in W) (+ bias), fused into the projection; with a post-norm (Gemma)
// x += rmsnorm(in W) ⊙ post_norm, through block_out.
void Transformer::residual_output(vk::Sequence& seq, const kernels::WeightMatrix& w,
                                  vk::BufferView in, std::optional<vk::BufferView> bias,
                                  std::optional<vk::BufferView> post_norm, uint32_t n) {
  const ModelConfig& c = config_;
  const vk::BufferView x = rows(act_->x, n, c.n_embd);
  if (!post_norm) {
    project(seq, w, NormedInput{in, std::nullopt}, x, n, kernels::MatvecOutput::Accumulate, bias,
            c.residual_scale);
    return;
  }
  const vk::BufferView out = rows(act_->block_out, n, c.n_embd);
  project(seq, w, NormedInput{in, std::nullopt}, out, n, kernels::MatvecOutput::Store, bias,
          c.residual_scale);
  seq.barrier();  // out -> its norm
  kernels::rms_norm(ctx_, seq, out, *post_norm, out, n, c.n_embd, c.rms_eps);
  seq.barrier();  // normed out -> residual add
  kernels::add(ctx_, seq, x, out, x, n * c.n_embd, n * c.n_embd);
}

// x += attention(norm(x)) Wo: q/k/v, QK-norm, RoPE and the KV store, attention with this
// layer's window and scores, the output projection with the residual add.
void Transformer::attention_block(vk::Sequence& seq, uint32_t layer, uint32_t n) {
  const LayerWeights& w = weights_.layers[layer];
  const ModelConfig& c = config_;
  Activations& a = *act_;
  const vk::BufferView x = rows(a.x, n, c.n_embd);
  const auto [q, k, v, qkv] = qkv_views(a.qkv, qkv_layout(ctx_.info(), c, n));
  const vk::BufferView attn = rows(a.attn, n, c.q_dim());
  const vk::BufferView positions{&a.positions, 0, uint64_t(n) * sizeof(uint32_t)};
  const uint32_t slot = c.layers[layer].slot;
  const vk::BufferView k_cache{&a.kv_cache, kv_shape_.k_offset(slot), kv_shape_.bytes_per_cache()};
  const vk::BufferView v_cache{&a.kv_cache, kv_shape_.v_offset(slot), kv_shape_.bytes_per_cache()};
  const vk::BufferView gate = rows(a.attn_gate, n, c.q_dim());

  const NormedInput h = norm(seq, x, w.attn_norm, n);
  project_qkv(seq, w, h, n);
  if (w.attn_gate) {
    project(seq, *w.attn_gate, h, gate, n);
  }
  seq.barrier();  // q, k, v (and the gate) written -> read by norm / rope
  if (w.attn_q_norm) {
    kernels::rms_norm(ctx_, seq, q, *w.attn_q_norm, q, n * c.n_head, c.head_dim, c.rms_eps);
    kernels::rms_norm(ctx_, seq, k, *w.attn_k_norm, k, n * c.n_head_kv, c.head_dim, c.rms_eps);
    seq.barrier();  // normed q, k -> rope
  }
  const kernels::AttentionShape shape = attention_shape(layer, n);
  const vk::BufferView rope_table{&a.rope_tables[c.layers[layer].rope]};
  const kernels::RopeOrdering ordering = c.arch.rope_ordering;
  if (n == 1) {
    // RoPE and the KV store inside attention: one dispatch for the three.
    const uint32_t splits = kernels::decode_attention_splits(ctx_.info(), shape);
    const kernels::DecodeRope rope{ordering, k, v, rope_table, context_length_, c.n_rot};
    kernels::attention_rope_store(ctx_, seq, q, rope, positions, k_cache, v_cache, attn, shape,
                                  splits, vk::BufferView{&a.attention_scratch});
  } else {
    const kernels::RopeShape rope_shape{n, c.n_head, c.n_head_kv, c.head_dim, c.n_rot};
    kernels::rope_kv_store(ctx_, seq, ordering, q, k, v, positions, rope_table, context_length_,
                           rope_shape, k_cache, v_cache, context_length_);
    seq.barrier();  // rotated q and the cache rows -> attention
    kernels::attention(ctx_, seq, q, k_cache, v_cache, positions, attn, shape);
  }
  if (w.attn_gate) {
    seq.barrier();  // attn -> its gate
    kernels::mul_sigmoid(ctx_, seq, attn, gate, attn, n * c.q_dim(), n * c.q_dim());
  }
  seq.barrier();  // attn -> output projection
  residual_output(seq, w.attn_output, attn, w.attn_output_bias, w.attn_post_norm, n);
  seq.barrier();  // x (residual stream) -> the FFN's norm
}

// x += DeltaNet(norm(x)) Wout: the four projections of the normed input, the convolution over
// q/k/v with this layer's convolution state, the gated delta rule with its state (both carried
// from the previous batch or token; chunked for a prefill batch, token by token otherwise), and
// the output projection with the residual add.
void Transformer::delta_net_block(vk::Sequence& seq, uint32_t layer, uint32_t n) {
  const ModelConfig& c = config_;
  const kernels::DeltaNetShape& d = c.delta_net;
  const DeltaNetWeights& w = *weights_.layers[layer].delta_net;
  Activations& a = *act_;
  const RecurrentStateLayout state = recurrent_state_layout(c);
  const uint64_t state_at = c.layers[layer].slot * state.layer_bytes;
  const uint32_t channels = d.conv_channels();
  const vk::BufferView qkv = rows(a.ssm_qkv, n, channels);
  const vk::BufferView conv = rows(a.ssm_conv, n, channels);
  vk::BufferView z = rows(a.ssm_z, n, d.value_width());
  vk::BufferView beta = rows(a.ssm_beta, n, d.n_v_heads);
  vk::BufferView alpha = rows(a.ssm_alpha, n, d.n_v_heads);
  const vk::BufferView out = rows(a.ssm_out, n, d.value_width());

  const NormedInput h = norm(seq, rows(a.x, n, c.n_embd), weights_.layers[layer].attn_norm, n);
  if (w.input && n == 1) {
    // One matvec for the four: q/k/v, z, β and α back to back in ssm_qkv.
    const DeltaNetInputLayout l = delta_net_input_layout(ctx_.info(), c);
    project(seq, *w.input, h, vk::BufferView{&a.ssm_qkv, 0, l.total_bytes}, n);
    z = vk::BufferView{&a.ssm_qkv, l.z_offset, l.beta_offset - l.z_offset};
    beta = vk::BufferView{&a.ssm_qkv, l.beta_offset, l.alpha_offset - l.beta_offset};
    alpha = vk::BufferView{&a.ssm_qkv, l.alpha_offset, l.total_bytes - l.alpha_offset};
  } else {
    project(seq, w.qkv, h, qkv, n);
    project(seq, w.gate, h, z, n);
    project(seq, w.beta, h, beta, n);
    project(seq, w.alpha, h, alpha, n);
  }
  seq.barrier();  // projections -> convolution, delta rule
  kernels::delta_net_conv(ctx_, seq, qkv, w.conv,
                          vk::BufferView{&a.recurrent_state, state_at,
                                         std::max<uint64_t>(state.conv_bytes, 4)},
                          conv, n, channels, d.conv_kernel);
  seq.barrier();  // q, k, v convolved -> delta rule
  const kernels::DeltaNetInputs in{
      conv, z, beta, alpha, w.head_params, w.norm,
      vk::BufferView{&a.recurrent_state, state_at + state.delta_offset, state.delta_bytes}};
  const uint32_t chunk = kernels::delta_net_max_chunk(ctx_.info(), d);
  if (n >= k_min_chunked_delta_tokens && chunk > 0) {
    kernels::delta_net_chunked(ctx_, seq, in, out, n, d, c.rms_eps, chunk);
  } else {
    kernels::delta_net(ctx_, seq, in, out, n, d, c.rms_eps);
  }
  seq.barrier();  // gated output -> output projection
  residual_output(seq, w.out, out, std::nullopt, std::nullopt, n);
  seq.barrier();  // x (residual stream) -> the FFN's norm
}

// x += Σ_s w_s · ffn_{e_s}(h) over the experts e_s the router chooses for each token, on the
// device. One token: the router's matvec, the routing, one gated matvec per chosen expert, and
// their down projections mixed straight into x. A batch: the tokens grouped by expert, each
// expert's products over only its tokens, then the mix. The experts' biases (gpt-oss) ride
// with their matrices into the same kernels.
void Transformer::expert_ffn(vk::Sequence& seq, const ExpertWeights& w, const NormedInput& h,
                             uint32_t n) {
  const ModelConfig& c = config_;
  Activations& a = *act_;
  const uint32_t k = c.n_expert_used;
  const uint32_t ff = c.n_ff_exp;
  const vk::BufferView logits = rows(a.router_logits, n, c.n_expert);
  const vk::BufferView ids{&a.expert_ids, 0, uint64_t(n) * k * sizeof(uint32_t)};
  const vk::BufferView weights = rows(a.expert_weights, n, k);
  const vk::BufferView act = rows(a.expert_act, n * k, ff);
  const vk::BufferView x = rows(a.x, n, c.n_embd);
  const kernels::GateActivation activation = c.arch.activation;
  project(seq, w.router, h, logits, n, kernels::MatvecOutput::Store, w.router_bias);
  seq.barrier();  // router logits -> routing
  kernels::route_experts(ctx_, seq, logits, ids, weights, n, c.expert_routing());
  seq.barrier();  // chosen experts -> their products
  if (n == 1) {
    const kernels::ExpertChoice choice{ids, weights, k};
    const kernels::MatvecFusion normed{h.norm, std::nullopt, kernels::MatvecOutput::Store};
    if (w.gate_up) {
      kernels::MatvecFusion gated = normed;
      gated.output = kernels::gated_output(activation);
      kernels::matvec_experts(ctx_, seq, *w.gate_up, choice, h.x, 0, act,
                              kernels::ExpertMix::PerSlot, gated);
    } else {
      const vk::BufferView up = rows(a.expert_up, k, ff);
      kernels::matvec_experts(ctx_, seq, w.gate, choice, h.x, 0, act, kernels::ExpertMix::PerSlot,
                              normed);
      kernels::matvec_experts(ctx_, seq, w.up, choice, h.x, 0, up, kernels::ExpertMix::PerSlot,
                              normed);
      seq.barrier();  // gate, up -> activation
      kernels::gated_activation(ctx_, seq, activation, act, up, act, k * ff);
    }
    seq.barrier();  // the experts' activations -> down projections, mixed into x
    kernels::MatvecFusion accumulate;
    accumulate.output = kernels::MatvecOutput::Accumulate;
    kernels::matvec_experts(ctx_, seq, w.down, choice, act, ff, x, kernels::ExpertMix::WeightedSum,
                            accumulate);
    return;
  }
  const vk::BufferView expert_rows{&a.expert_rows, 0,
                                   kernels::expert_rows_bytes(n, c.n_expert)};
  kernels::group_by_expert(ctx_, seq, ids, expert_rows, n, k, c.n_expert);
  seq.barrier();  // the experts' token lists -> their products
  if (w.gate_up) {
    const vk::BufferView gate_up = rows(a.expert_gate_up, n * k, 2 * ff);
    kernels::matmul_experts(ctx_, seq, *w.gate_up, expert_rows, n, k, h.x, gate_up);
    seq.barrier();  // gate_up -> activation
    kernels::gated_activation_interleaved(ctx_, seq, activation, gate_up, act, n * k * ff);
  } else {
    const vk::BufferView up = rows(a.expert_up, n * k, ff);
    kernels::matmul_experts(ctx_, seq, w.gate, expert_rows, n, k, h.x, act);
    kernels::matmul_experts(ctx_, seq, w.up, expert_rows, n, k, h.x, up);
    seq.barrier();  // gate, up -> activation
    kernels::gated_activation(ctx_, seq, activation, act, up, act, n * k * ff);
  }
  seq.barrier();  // activations -> down projections
  const vk::BufferView out = rows(a.expert_out, n * k, c.n_embd);
  kernels::matmul_experts(ctx_, seq, w.down, expert_rows, n, 1, act, out);
  seq.barrier();  // the experts' outputs -> their mix into x
  kernels::mix_experts(ctx_, seq, out, weights, x, n, k, c.n_embd);
}

// x += ffn(norm(x)): the gated FFN and its down projection with the residual add.
void Transformer::ffn_block(vk::Sequence& seq, uint32_t layer, uint32_t n) {
  const LayerWeights& w = weights_.layers[layer];
  const ModelConfig& c = config_;
  const NormedInput h = norm(seq, rows(act_->x, n, c.n_embd), w.ffn_norm, n);
  if (w.experts) {
    if (w.experts->shared) {
      shared_expert_products(seq, *w.experts, h, n);
    }
    expert_ffn(seq, *w.experts, h, n);
    if (w.experts->shared) {
      shared_expert_output(seq, *w.experts, n);
    }
    seq.barrier();  // x -> the next layer's norm
    return;
  }
  const vk::BufferView gate = rows(act_->gate, n, c.n_ff);
  gated_ffn(seq, w.ffn, h, gate, c.n_ff, n);
  seq.barrier();  // gate -> down projection
  residual_output(seq, w.ffn.down, gate, std::nullopt, w.ffn_post_norm, n);
  seq.barrier();  // x -> the next layer's norm
}

void Transformer::record(vk::Sequence& seq, uint32_t n, uint32_t logit_rows, bool reset_state,
                         vk::Sequence::Profile profile) {
  const ModelConfig& c = config_;
  Activations& a = *act_;
  seq.begin(profile);
  if (reset_state) {
    seq.fill_zero(vk::BufferView{&a.recurrent_state});
    seq.barrier();  // zeroed state -> the DeltaNet layers
  }
  kernels::get_rows(ctx_, seq, weights_.token_embd,
                    vk::BufferView{&a.ids, 0, uint64_t(n) * sizeof(uint32_t)},
                    rows(a.x, n, c.n_embd), n, 0, c.embedding_scale);
  seq.barrier();  // embeddings in x -> the first layer
  for (uint32_t l = 0; l < c.n_layer; ++l) {
    if (c.layers[l].delta_net) {
      delta_net_block(seq, l, n);
    } else {
      attention_block(seq, l, n);
    }
    ffn_block(seq, l, n);
  }
  if (logit_rows > 0) {
    // The output norm, then the output projection of only the rows whose logits are wanted
    // (copied out first: their offset need not be a legal binding offset).
    const vk::BufferView logits = rows(a.logits, logit_rows, c.n_vocab);
    const NormedInput h = norm(seq, rows(a.x, n, c.n_embd), weights_.output_norm, n);
    if (n == 1) {
      project(seq, weights_.output, h, logits, 1, kernels::MatvecOutput::Store, std::nullopt,
              c.logit_scale);
    } else {
      const vk::BufferView last = rows(a.last, logit_rows, c.n_embd);
      seq.copy(rows(a.h, logit_rows, c.n_embd, n - logit_rows), last);
      seq.barrier();  // copied rows -> output projection
      project(seq, weights_.output, NormedInput{last, std::nullopt}, logits, logit_rows,
              kernels::MatvecOutput::Store, std::nullopt, c.logit_scale);
    }
    if (c.final_softcap > 0.0f) {
      seq.barrier();  // logits -> soft-cap
      kernels::softcap(ctx_, seq, logits, logit_rows * c.n_vocab, c.final_softcap);
    }
    seq.barrier();  // logits -> copy to the host
    seq.copy(logits, rows(a.logits_host, logit_rows, c.n_vocab));
  }
  seq.end();
}

void Transformer::submit(vk::Sequence& seq) {
  seq.submit_and_wait();
  ++submissions_;
}

void Transformer::check_tokens(std::span<const int32_t> tokens, uint32_t first_position) const {
  if (uint64_t(first_position) + tokens.size() > context_length_) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} tokens at position {} do not fit in the context of {} tokens",
                            tokens.size(), first_position, context_length_));
  }
  for (int32_t id : tokens) {
    if (id < 0 || uint32_t(id) >= config_.n_vocab) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("token id {} is outside the vocabulary of {} tokens", id,
                              config_.n_vocab));
    }
  }
}

bool Transformer::recurrent() const { return config_.n_delta_layers > 0; }

void Transformer::check_recurrent_position(uint32_t position) const {
  if (recurrent() && position != 0 && position != recurrent_position_) {
    throw Error(ErrorCode::Internal,
                fmt::format("the recurrent state holds {} tokens and cannot continue at position "
                            "{} (rewind first)",
                            recurrent_position_, position));
  }
}

void Transformer::save_snapshot() {
  if (!recurrent()) {
    return;
  }
  std::erase_if(snapshots_, [&](const Snapshot& s) { return s.position == recurrent_position_; });
  if (snapshots_.size() == k_max_snapshots) {
    snapshots_.erase(snapshots_.begin());
  }
  const vk::BufferView state{&act_->recurrent_state};
  Snapshot snapshot{recurrent_position_, ctx_.create_buffer(state.resolved_size())};
  auto seq = ctx_.create_sequence();
  seq.begin();
  seq.copy(state, vk::BufferView{&snapshot.state});
  seq.end();
  submit(seq);
  snapshots_.push_back(std::move(snapshot));
}

uint32_t Transformer::rewind(uint32_t position) {
  if (!recurrent()) {
    return position;
  }
  std::erase_if(snapshots_, [&](const Snapshot& s) { return s.position > position; });
  if (recurrent_position_ <= position) {
    return recurrent_position_;  // the live state: the caller's tokens up to here are the same
  }
  if (snapshots_.empty()) {
    recurrent_position_ = 0;  // the next prefill starts again
    return 0;
  }
  const Snapshot& latest = *std::max_element(
      snapshots_.begin(), snapshots_.end(),
      [](const Snapshot& a, const Snapshot& b) { return a.position < b.position; });
  auto seq = ctx_.create_sequence();
  seq.begin();
  seq.copy(vk::BufferView{&latest.state}, vk::BufferView{&act_->recurrent_state});
  seq.end();
  submit(seq);
  recurrent_position_ = latest.position;
  return recurrent_position_;
}

std::vector<float> Transformer::prefill(std::span<const int32_t> tokens, uint32_t first_position,
                                        bool all_logits,
                                        std::vector<vk::Sequence::OperationTime>* profile) {
  check_tokens(tokens, first_position);
  if (tokens.empty()) {
    return {};
  }
  check_recurrent_position(first_position);
  // Snapshots after this point hold other tokens than the ones about to be evaluated.
  std::erase_if(snapshots_, [&](const Snapshot& s) { return s.position > first_position; });
  const uint32_t chunk = all_logits ? std::min(max_batch_, act_->max_logit_rows) : max_batch_;
  std::vector<float> out;
  out.reserve((all_logits ? tokens.size() : 1) * size_t(config_.n_vocab));
  auto seq = ctx_.create_sequence();
  for (size_t begin = 0; begin < tokens.size(); begin += chunk) {
    const uint32_t n = static_cast<uint32_t>(std::min<size_t>(chunk, tokens.size() - begin));
    auto* ids = reinterpret_cast<uint32_t*>(act_->ids.mapped().data());
    auto* positions = reinterpret_cast<uint32_t*>(act_->positions.mapped().data());
    for (uint32_t i = 0; i < n; ++i) {
      ids[i] = static_cast<uint32_t>(tokens[begin + i]);
      positions[i] = first_position + static_cast<uint32_t>(begin) + i;
    }
    const bool last_chunk = begin + n == tokens.size();
    const uint32_t logit_rows = all_logits ? n : (last_chunk ? 1 : 0);
    record(seq, n, logit_rows, recurrent() && first_position == 0 && begin == 0,
           profile ? vk::Sequence::Profile::EachOperation : vk::Sequence::Profile::Off);
    submit(seq);
    if (profile) {
      const auto times = seq.profile();
      profile->insert(profile->end(), times.begin(), times.end());
    }
    const auto* logits = reinterpret_cast<const float*>(act_->logits_host.mapped().data());
    out.insert(out.end(), logits, logits + size_t(logit_rows) * config_.n_vocab);
    recurrent_position_ = first_position + static_cast<uint32_t>(begin) + n;
  }
  return out;
}

void Transformer::prepare_decode(int32_t token, uint32_t position) {
  const int32_t one[] = {token};
  check_tokens(one, position);
  check_recurrent_position(position);
  std::erase_if(snapshots_, [&](const Snapshot& s) { return s.position > position; });
  if (recurrent() && position == 0) {
    // The recorded step carries the state on; a fresh one starts from zero.
    auto clear = ctx_.create_sequence();
    clear.begin();
    clear.fill_zero(vk::BufferView{&act_->recurrent_state});
    clear.end();
    submit(clear);
  }
  reinterpret_cast<uint32_t*>(act_->ids.mapped().data())[0] = static_cast<uint32_t>(token);
  reinterpret_cast<uint32_t*>(act_->positions.mapped().data())[0] = position;
}

void Transformer::record_decode() {
  if (!decode_seq_) {
    decode_seq_ = std::make_unique<vk::Sequence>(ctx_.create_sequence());
    record(*decode_seq_, 1, 1);
  }
}

void Transformer::build_pipelines(const std::function<bool()>& keep_going) {
  // Both passes run, not only record: lavapipe compiles a pipeline's machine code when it first
  // runs. They evaluate token 0 from position 0, where the next prompt starts again (it writes
  // the cache rows and resets the recurrent state they leave).
  snapshots_.clear();
  if (keep_going()) {
    const uint32_t n = std::min({max_batch_, build_batch_tokens(ctx_.info()), context_length_});
    prefill(std::vector<int32_t>(n, 0), 0, false);
    if (keep_going()) decode(0, 0);
  }
  recurrent_position_ = 0;
}

std::span<const float> Transformer::decode(int32_t token, uint32_t position) {
  prepare_decode(token, position);
  record_decode();
  submit(*decode_seq_);
  recurrent_position_ = position + 1;
  return {reinterpret_cast<const float*>(act_->logits_host.mapped().data()), config_.n_vocab};
}

std::vector<vk::Sequence::OperationTime> Transformer::profile_decode(int32_t token,
                                                                     uint32_t position) {
  prepare_decode(token, position);
  auto seq = ctx_.create_sequence();
  record(seq, 1, 1, false, vk::Sequence::Profile::EachOperation);
  submit(seq);
  recurrent_position_ = position + 1;
  return seq.profile();
}

} // namespace sikao::model
