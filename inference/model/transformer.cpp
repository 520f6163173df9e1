#include "model/transformer.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "common/error.h"
#include "kernels/activation.h"
#include "kernels/elementwise.h"
#include "kernels/get_rows.h"
#include "kernels/matmul.h"
#include "kernels/matvec.h"
#include "kernels/norm.h"
#include "kernels/rope.h"

namespace sikao::model {
namespace {

constexpr uint64_t k_f32 = sizeof(float);
// The logits of every position of a batch are only wanted by `eval`; cap their buffer so that
// a 150k-token vocabulary does not need gigabytes.
constexpr uint64_t k_max_logit_bytes = 64ull << 20;

// Rows [first, first + n) of a row-major f32 matrix whose rows are width floats.
vk::BufferView rows(const vk::Buffer& buffer, uint32_t n, uint32_t width, uint32_t first = 0) {
  return vk::BufferView{&buffer, uint64_t(first) * width * k_f32, uint64_t(n) * width * k_f32};
}

// q, k and v of n tokens in the one qkv buffer: back to back, so that for one token the fused
// q/k/v matvec (LayerWeights::attn_qkv) writes all three into `all`, unless the device's binding
// alignment forbids k's or v's offset; then each starts at the next aligned offset (and the
// weights are not fused either: ModelWeights checks the same offsets).
struct QkvViews {
  vk::BufferView q, k, v, all;
};
QkvViews qkv_views(const vk::Buffer* buffer, const vk::DeviceInfo& info, const ModelConfig& c,
                   uint32_t n) {
  const uint64_t align = std::max<uint64_t>(info.min_storage_buffer_offset_alignment, 4);
  const auto align_up = [align](uint64_t bytes) { return (bytes + align - 1) / align * align; };
  const uint64_t q_bytes = uint64_t(n) * c.q_dim() * k_f32;
  const uint64_t kv_bytes = uint64_t(n) * c.kv_dim() * k_f32;
  const uint64_t k_offset = align_up(q_bytes);
  const uint64_t v_offset = align_up(k_offset + kv_bytes);
  return {vk::BufferView{buffer, 0, q_bytes}, vk::BufferView{buffer, k_offset, kv_bytes},
          vk::BufferView{buffer, v_offset, kv_bytes},
          vk::BufferView{buffer, 0, v_offset + kv_bytes}};
}

} // namespace

struct Transformer::Activations {
  vk::Buffer ids;        // host-visible: uint32 token id per batch row
  vk::Buffer positions;  // host-visible: uint32 position per batch row
  vk::Buffer x;          // the residual stream [batch][n_embd]
  vk::Buffer h;          // normed input of a block [batch][n_embd] (prefill)
  vk::Buffer qkv;        // q [batch][q_dim], k and v [batch][kv_dim]: see qkv_views
  vk::Buffer attn;       // attention output [batch][q_dim]
  vk::Buffer gate_up;    // [batch][n_ff] (gate, up) pairs (prefill, interleaved weights)
  vk::Buffer gate, up;   // [batch][n_ff]
  vk::Buffer last;       // the rows whose logits are wanted [logit_rows][n_embd]
  vk::Buffer logits;     // [logit_rows][n_vocab]
  vk::Buffer logits_host;
  vk::Buffer rope_table;
  vk::Buffer kv_cache;
  vk::Buffer attention_scratch;  // partial results of split (flash-decoding) attention
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
  kv_shape_ = {config.n_layer, config.n_head_kv, config.head_dim, context_length};
  const uint32_t logit_rows = static_cast<uint32_t>(std::clamp<uint64_t>(
      k_max_logit_bytes / (uint64_t(config.n_vocab) * k_f32), 1, max_batch_));
  const uint64_t b = max_batch_;
  const kernels::AttentionShape decode_shape{1, config.n_head, config.n_head_kv, config.head_dim,
                                             context_length};
  const uint32_t decode_splits = kernels::decode_attention_splits(ctx.info(), decode_shape);
  act_ = std::make_unique<Activations>(Activations{
      ctx.create_host_buffer(b * sizeof(uint32_t)),
      ctx.create_host_buffer(b * sizeof(uint32_t)),
      ctx.create_buffer(b * config.n_embd * k_f32),
      ctx.create_buffer(b * config.n_embd * k_f32),
      ctx.create_buffer(qkv_views(nullptr, ctx.info(), config, max_batch_).all.size),
      ctx.create_buffer(b * config.q_dim() * k_f32),
      ctx.create_buffer(b * 2 * config.n_ff * k_f32),
      ctx.create_buffer(b * config.n_ff * k_f32),
      ctx.create_buffer(b * config.n_ff * k_f32),
      ctx.create_buffer(uint64_t(logit_rows) * config.n_embd * k_f32),
      ctx.create_buffer(uint64_t(logit_rows) * config.n_vocab * k_f32),
      ctx.create_host_buffer(uint64_t(logit_rows) * config.n_vocab * k_f32),
      ctx.create_buffer(uint64_t(context_length) * config.n_rot * k_f32),
      ctx.create_buffer(kv_shape_.total_bytes()),
      ctx.create_buffer(std::max<uint64_t>(4, kernels::attention_scratch_bytes(decode_shape, decode_splits))),
      logit_rows,
  });
  const auto table = kernels::rope_table(config.n_rot, config.rope_base, context_length);
  ctx.upload(vk::BufferView{&act_->rope_table}, std::as_bytes(std::span(table)));
  auto clear = ctx.create_sequence();
  clear.begin();
  clear.fill_zero(vk::BufferView{&act_->kv_cache});
  clear.run();
}

Transformer::~Transformer() = default;

// The normed input of a block, rmsnorm(x) ⊙ weight: for one token it is folded into each matvec
// that reads it (each recomputes Σx² while streaming x, saving a dispatch); for a batch it is
// computed once into h.
Transformer::NormedInput Transformer::norm(vk::Sequence& seq, vk::BufferView x,
                                           vk::BufferView weight, uint32_t n) {
  if (n == 1) {
    return {x, kernels::MatvecNorm{weight, config_.rms_eps}};
  }
  const vk::BufferView h = rows(act_->h, n, config_.n_embd);
  kernels::rms_norm(ctx_, seq, x, weight, h, n, config_.n_embd, config_.rms_eps);
  seq.barrier();  // h written -> read by the projections
  return {h, std::nullopt};
}

// y = in W (+ bias), or y += in W with Accumulate (the residual add).
void Transformer::project(vk::Sequence& seq, const kernels::WeightMatrix& w, const NormedInput& in,
                          vk::BufferView y, uint32_t n, kernels::MatvecOutput output,
                          std::optional<vk::BufferView> bias) {
  if (n == 1) {
    kernels::matvec(ctx_, seq, w, in.x, y, kernels::MatvecFusion{in.norm, bias, output});
    return;
  }
  kernels::matmul(ctx_, seq, w, in.x, y, n, 0,
                  output == kernels::MatvecOutput::Accumulate ? kernels::MatmulOutput::Accumulate
                                                              : kernels::MatmulOutput::Store);
  if (bias) {
    seq.barrier();  // y written -> bias added in place
    kernels::add(ctx_, seq, y, *bias, y, n * w.n_rows, w.n_rows);
  }
}

// q, k, v = h Wq (+ bq), h Wk (+ bk), h Wv (+ bv): one matvec for all three where the weights
// are fused and there is one token.
void Transformer::project_qkv(vk::Sequence& seq, const LayerWeights& w, const NormedInput& h,
                              uint32_t n) {
  const QkvViews v = qkv_views(&act_->qkv, ctx_.info(), config_, n);
  if (w.attn_qkv && n == 1) {
    project(seq, *w.attn_qkv, h, v.all, n, kernels::MatvecOutput::Store, w.attn_qkv_bias);
    return;
  }
  project(seq, w.attn_q, h, v.q, n, kernels::MatvecOutput::Store, w.attn_q_bias);
  project(seq, w.attn_k, h, v.k, n, kernels::MatvecOutput::Store, w.attn_k_bias);
  project(seq, w.attn_v, h, v.v, n, kernels::MatvecOutput::Store, w.attn_v_bias);
}

// out = silu(h Wgate) ⊙ (h Wup): one SwiGLU matvec where gate and up are interleaved and there
// is one token, else the products and then silu·mul.
void Transformer::gated_ffn(vk::Sequence& seq, const LayerWeights& w, const NormedInput& h,
                            vk::BufferView out, uint32_t n) {
  const ModelConfig& c = config_;
  if (w.ffn_gate_up && n == 1) {
    project(seq, *w.ffn_gate_up, h, out, n, kernels::MatvecOutput::SwiGlu);
    return;
  }
  if (w.ffn_gate_up) {
    const vk::BufferView gate_up = rows(act_->gate_up, n, 2 * c.n_ff);
    project(seq, *w.ffn_gate_up, h, gate_up, n);
    seq.barrier();  // gate_up -> silu·mul
    kernels::silu_mul_interleaved(ctx_, seq, gate_up, out, n * c.n_ff);
    return;
  }
  const vk::BufferView up = rows(act_->up, n, c.n_ff);
  project(seq, w.ffn_gate, h, out, n);
  project(seq, w.ffn_up, h, up, n);
  seq.barrier();  // gate, up -> silu·mul
  kernels::silu_mul(ctx_, seq, out, up, out, n * c.n_ff);
}

// The residual adds are fused into the output projections (x += attn Wo, x += ffn Wdown), so
// x is the residual stream after every block.
void Transformer::record_layer(vk::Sequence& seq, uint32_t layer, uint32_t n) {
  const LayerWeights& w = weights_.layers[layer];
  const ModelConfig& c = config_;
  Activations& a = *act_;
  const vk::BufferView x = rows(a.x, n, c.n_embd);
  const auto [q, k, v, qkv] = qkv_views(&a.qkv, ctx_.info(), c, n);
  const vk::BufferView attn = rows(a.attn, n, c.q_dim());
  const vk::BufferView gate = rows(a.gate, n, c.n_ff);
  const vk::BufferView positions{&a.positions, 0, uint64_t(n) * sizeof(uint32_t)};
  const vk::BufferView k_cache{&a.kv_cache, kv_shape_.k_offset(layer), kv_shape_.bytes_per_cache()};
  const vk::BufferView v_cache{&a.kv_cache, kv_shape_.v_offset(layer), kv_shape_.bytes_per_cache()};

  project_qkv(seq, w, norm(seq, x, w.attn_norm, n), n);
  seq.barrier();  // q, k, v written -> read by norm / rope
  if (c.qk_norm) {
    kernels::rms_norm(ctx_, seq, q, *w.attn_q_norm, q, n * c.n_head, c.head_dim, c.rms_eps);
    kernels::rms_norm(ctx_, seq, k, *w.attn_k_norm, k, n * c.n_head_kv, c.head_dim, c.rms_eps);
    seq.barrier();  // normed q, k -> rope
  }
  const kernels::AttentionShape attention_shape{n, c.n_head, c.n_head_kv, c.head_dim,
                                                context_length_};
  const vk::BufferView rope_table{&a.rope_table};
  if (n == 1) {
    // RoPE and the KV store inside attention: one dispatch for the three.
    const uint32_t splits = kernels::decode_attention_splits(ctx_.info(), attention_shape);
    const kernels::DecodeRope rope{c.rope_ordering, k, v, rope_table, context_length_, c.n_rot};
    kernels::attention_rope_store(ctx_, seq, q, rope, positions, k_cache, v_cache, attn,
                                  attention_shape, splits, vk::BufferView{&a.attention_scratch});
  } else {
    const kernels::RopeShape rope_shape{n, c.n_head, c.n_head_kv, c.head_dim, c.n_rot};
    kernels::rope_kv_store(ctx_, seq, c.rope_ordering, q, k, v, positions, rope_table,
                           context_length_, rope_shape, k_cache, v_cache, context_length_);
    seq.barrier();  // rotated q and the cache rows -> attention
    kernels::attention(ctx_, seq, q, k_cache, v_cache, positions, attn, attention_shape);
  }
  seq.barrier();  // attn -> output projection
  project(seq, w.attn_output, NormedInput{attn, std::nullopt}, x, n,
          kernels::MatvecOutput::Accumulate);
  seq.barrier();  // x (residual stream) -> ffn norm
  gated_ffn(seq, w, norm(seq, x, w.ffn_norm, n), gate, n);
  seq.barrier();  // gate -> down projection
  project(seq, w.ffn_down, NormedInput{gate, std::nullopt}, x, n,
          kernels::MatvecOutput::Accumulate);
  seq.barrier();  // x -> the next layer's norm
}

void Transformer::record(vk::Sequence& seq, uint32_t n, uint32_t logit_rows) {
  const ModelConfig& c = config_;
  Activations& a = *act_;
  seq.begin();
  kernels::get_rows(ctx_, seq, weights_.token_embd,
                    vk::BufferView{&a.ids, 0, uint64_t(n) * sizeof(uint32_t)},
                    rows(a.x, n, c.n_embd), n);
  seq.barrier();  // embeddings in x -> the first layer
  for (uint32_t l = 0; l < c.n_layer; ++l) {
    record_layer(seq, l, n);
  }
  if (logit_rows > 0) {
    // The output norm, then the output projection of only the rows whose logits are wanted
    // (copied out first: their offset need not be a legal binding offset).
    const vk::BufferView logits = rows(a.logits, logit_rows, c.n_vocab);
    const NormedInput h = norm(seq, rows(a.x, n, c.n_embd), weights_.output_norm, n);
    if (n == 1) {
      project(seq, weights_.output, h, logits, 1);
    } else {
      const vk::BufferView last = rows(a.last, logit_rows, c.n_embd);
      seq.copy(rows(a.h, logit_rows, c.n_embd, n - logit_rows), last);
      seq.barrier();  // copied rows -> output projection
      project(seq, weights_.output, NormedInput{last, std::nullopt}, logits, logit_rows);
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

std::vector<float> Transformer::prefill(std::span<const int32_t> tokens, uint32_t first_position,
                                        bool all_logits) {
  check_tokens(tokens, first_position);
  if (tokens.empty()) {
    return {};
  }
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
    record(seq, n, logit_rows);
    submit(seq);
    const auto* logits = reinterpret_cast<const float*>(act_->logits_host.mapped().data());
    out.insert(out.end(), logits, logits + size_t(logit_rows) * config_.n_vocab);
  }
  return out;
}

std::span<const float> Transformer::decode(int32_t token, uint32_t position) {
  const int32_t one[] = {token};
  check_tokens(one, position);
  if (!decode_seq_) {
    decode_seq_ = std::make_unique<vk::Sequence>(ctx_.create_sequence());
    record(*decode_seq_, 1, 1);
  }
  reinterpret_cast<uint32_t*>(act_->ids.mapped().data())[0] = static_cast<uint32_t>(token);
  reinterpret_cast<uint32_t*>(act_->positions.mapped().data())[0] = position;
  submit(*decode_seq_);
  return {reinterpret_cast<const float*>(act_->logits_host.mapped().data()), config_.n_vocab};
}

} // namespace sikao::model
