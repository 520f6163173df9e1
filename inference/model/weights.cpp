#include "model/weights.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <map>

#include <fmt/format.h>

#include "common/byte_size.h"
#include "common/error.h"
#include "common/log.h"

namespace sikao::model {
namespace {

kernels::WeightMatrix matrix_view(const gguf::TensorInfo& t, vk::BufferView data) {
  kernels::WeightMatrix w;
  w.data = data;
  w.type = t.type;
  w.n_cols = static_cast<uint32_t>(t.dims[0]);
  w.n_rows = static_cast<uint32_t>(t.dims[1]);
  return w;
}

bool same_layout(const gguf::TensorInfo& a, const gguf::TensorInfo& b) {
  return a.type == b.type && a.dims[0] == b.dims[0];
}

// Rows of a and b (row_bytes each, as many in both) taken in turn: a0, b0, a1, b1, …
std::vector<std::byte> interleave_rows(std::span<const std::byte> a, std::span<const std::byte> b,
                                       size_t row_bytes) {
  std::vector<std::byte> out(a.size() + b.size());
  for (size_t r = 0; r < a.size() / row_bytes; ++r) {
    std::memcpy(out.data() + 2 * r * row_bytes, a.data() + r * row_bytes, row_bytes);
    std::memcpy(out.data() + (2 * r + 1) * row_bytes, b.data() + r * row_bytes, row_bytes);
  }
  return out;
}

// Each of the n_matrices matrices in `all` (back to back, equal sizes) holds gate rows, then as
// many up rows: each with its rows interleaved (gate p, up p).
std::vector<std::byte> interleave_halves(std::span<const std::byte> all, size_t n_matrices, size_t row_bytes) {
  std::vector<std::byte> out;
  out.reserve(all.size());
  const size_t matrix_bytes = all.size() / n_matrices;
  for (size_t m = 0; m < n_matrices; ++m) {
    const auto matrix = all.subspan(m * matrix_bytes, matrix_bytes);
    const std::vector<std::byte> pairs =
        interleave_rows(matrix.first(matrix_bytes / 2), matrix.subspan(matrix_bytes / 2), row_bytes);
    out.insert(out.end(), pairs.begin(), pairs.end());
  }
  return out;
}

// Views that lie back to back in one buffer (upload_together), as one view.
vk::BufferView joined(std::span<const vk::BufferView> parts) {
  return vk::BufferView{parts.front().buffer, parts.front().offset,
                        parts.back().offset + parts.back().size - parts.front().offset};
}

// Matrices of one type and row length whose rows lie back to back in one buffer, as one matrix
// (one matvec computes them all).
kernels::WeightMatrix stacked(std::initializer_list<kernels::WeightMatrix> parts) {
  kernels::WeightMatrix all = *parts.begin();
  std::vector<vk::BufferView> views;
  all.n_rows = 0;
  for (const kernels::WeightMatrix& m : parts) {
    all.n_rows += m.n_rows;
    views.push_back(m.data);
  }
  all.data = joined(views);
  return all;
}

// Where a storage binding may start.
uint64_t binding_alignment(const vk::DeviceInfo& info) {
  return std::max<uint64_t>(info.min_storage_buffer_offset_alignment, 4);
}

} // namespace

QkvLayout qkv_layout(const vk::DeviceInfo& info, const ModelConfig& c, uint32_t n) {
  const uint64_t align = binding_alignment(info);
  const auto align_up = [align](uint64_t bytes) { return (bytes + align - 1) / align * align; };
  QkvLayout l;
  l.q_bytes = uint64_t(n) * c.q_dim() * sizeof(float);
  l.kv_bytes = uint64_t(n) * c.kv_dim() * sizeof(float);
  l.k_offset = align_up(l.q_bytes);
  l.v_offset = align_up(l.k_offset + l.kv_bytes);
  l.total_bytes = l.v_offset + l.kv_bytes;
  l.fused = l.k_offset == l.q_bytes && l.v_offset == l.k_offset + l.kv_bytes;
  return l;
}

DeltaNetInputLayout delta_net_input_layout(const vk::DeviceInfo& info, const ModelConfig& c) {
  const uint64_t align = binding_alignment(info);
  const kernels::DeltaNetShape& d = c.delta_net;
  DeltaNetInputLayout l;
  l.z_offset = uint64_t(d.conv_channels()) * sizeof(float);
  l.beta_offset = l.z_offset + uint64_t(d.value_width()) * sizeof(float);
  l.alpha_offset = l.beta_offset + uint64_t(d.n_v_heads) * sizeof(float);
  l.total_bytes = l.alpha_offset + uint64_t(d.n_v_heads) * sizeof(float);
  l.fused = l.z_offset % align == 0 && l.beta_offset % align == 0 && l.alpha_offset % align == 0;
  return l;
}

WeightPlacement place_weights(const gguf::GgufFile& file, const ModelConfig& config,
                              uint64_t budget, uint64_t reserved) {
  struct Movable {
    std::vector<std::string> names;
    uint64_t bytes = 0;
  };
  std::vector<Movable> movable;  // per layer: gate and up (one interleaved buffer), down
  std::map<uint32_t, size_t> gate_up;  // layer -> its gate and up in movable
  WeightPlacement p;
  uint64_t expert_bytes = 0;
  for (const ModelTensor& t : model_tensors(config)) {
    const gguf::TensorInfo* info = file.find_tensor(t.name);
    const uint64_t bytes = info ? info->bytes : 0;
    p.device_bytes += bytes;
    if (t.role == TensorRole::FfnGateExps || t.role == TensorRole::FfnUpExps ||
        t.role == TensorRole::FfnGateUpExps) {
      const auto [at, added] = gate_up.try_emplace(t.layer, movable.size());
      if (added) {
        movable.emplace_back();
      }
      movable[at->second].names.push_back(t.name);
      movable[at->second].bytes += bytes;
    } else if (t.role == TensorRole::FfnDownExps) {
      movable.push_back({{t.name}, bytes});
    } else {
      continue;
    }
    expert_bytes += bytes;
  }
  std::stable_sort(movable.begin(), movable.end(),
                   [](const Movable& a, const Movable& b) { return a.bytes > b.bytes; });
  for (const Movable& m : movable) {
    if (p.device_bytes + reserved <= budget) {
      break;
    }
    p.host_tensors.insert(m.names.begin(), m.names.end());
    p.device_bytes -= m.bytes;
    p.host_bytes += m.bytes;
  }
  if (p.device_bytes + reserved > budget) {
    const std::string experts =
        expert_bytes ? fmt::format(" with its experts ({}) in system memory",
                                   format_byte_size(expert_bytes))
                     : "";
    throw Error(ErrorCode::OutOfMemory,
                fmt::format("{}: the model needs {} of device memory{} ({} of weights and {} for "
                            "the context), more than the device-memory budget of {}",
                            file.path().string(), format_byte_size(p.device_bytes + reserved),
                            experts, format_byte_size(p.device_bytes), format_byte_size(reserved),
                            format_byte_size(budget)));
  }
  return p;
}

ModelWeights::ModelWeights(vk::Context& ctx, const gguf::GgufFile& file,
                           const ModelConfig& config, const WeightPlacement& placement,
                           const std::function<bool(float)>& progress)
    : ctx_(ctx), file_(file), placement_(placement), progress_(progress) {
  for (const auto& t : file.tensors()) {
    total_bytes_ += t.bytes;
  }

  layers.resize(config.n_layer);
  // The grouped matrices (q/k/v, gate/up) are placed once their layer's group is complete;
  // everything else goes where its role says.
  for (const ModelTensor& t : model_tensors(config)) {
    LayerWeights& w = layers[t.layer];
    switch (t.role) {
      case TensorRole::TokenEmbd: token_embd = matrix(t.name); break;
      case TensorRole::Output: output = matrix(t.name); break;
      case TensorRole::OutputNorm: output_norm = vector(t.name); break;
      case TensorRole::RopeFreqs:
      case TensorRole::RopeFactorsLong:
      case TensorRole::RopeFactorsShort: break;  // read by read_config into the RoPE tables
      case TensorRole::AttnNorm: w.attn_norm = vector(t.name); break;
      case TensorRole::AttnQ:
      case TensorRole::AttnK:
      case TensorRole::AttnQBias:
      case TensorRole::AttnKBias:
      case TensorRole::AttnVBias: break;  // with attn_v / attn_qkv
      case TensorRole::AttnV:
      case TensorRole::AttnQkv: attention_weights(w, t.layer, config); break;
      case TensorRole::AttnQNorm: w.attn_q_norm = vector(t.name); break;
      case TensorRole::AttnKNorm: w.attn_k_norm = vector(t.name); break;
      case TensorRole::AttnOutput: w.attn_output = matrix(t.name); break;
      case TensorRole::AttnOutputBias: w.attn_output_bias = vector(t.name); break;
      case TensorRole::AttnSinks: w.attn_sinks = vector(t.name); break;
      case TensorRole::AttnPostNorm: w.attn_post_norm = vector(t.name); break;
      case TensorRole::FfnNorm: w.ffn_norm = vector(t.name); break;
      case TensorRole::FfnGate: break;  // with ffn_up
      case TensorRole::FfnUp: ffn_weights(w, t.layer, config); break;
      case TensorRole::FfnDown: w.ffn.down = matrix(t.name); break;
      case TensorRole::FfnPostNorm: w.ffn_post_norm = vector(t.name); break;
      case TensorRole::FfnGateInp: w.experts.emplace(); break;  // the first of a layer's experts
      case TensorRole::FfnGateExps: break;                        // with ffn_up_exps
      case TensorRole::FfnUpExps:
      case TensorRole::FfnGateUpExps: expert_weights(*w.experts, t.layer, config); break;
      case TensorRole::FfnDownExps:
        w.experts->down = experts(t.name);
        expert_bytes_ += w.experts->down.w.data.size;
        break;
      case TensorRole::FfnGateInpBias: w.experts->router_bias = vector(t.name); break;
      case TensorRole::FfnGateExpsBias:
      case TensorRole::FfnUpExpsBias: break;  // with ffn_up_exps
      case TensorRole::FfnDownExpsBias: w.experts->down.bias = expert_bias(t.name); break;
      case TensorRole::SsmQkv: delta_net_weights(w.delta_net.emplace(), t.layer, config); break;
      case TensorRole::SsmGate:
      case TensorRole::SsmConv1d:
      case TensorRole::SsmDtBias:
      case TensorRole::SsmA:
      case TensorRole::SsmBeta:
      case TensorRole::SsmAlpha:
      case TensorRole::SsmNorm:
      case TensorRole::SsmOut: break;  // with attn_qkv
      case TensorRole::FfnGateInpShexp: {
        const gguf::TensorInfo& t_gate = vector_tensor(t.name);
        w.experts->shared_gate = kernels::WeightMatrix{upload(t_gate), gguf::TensorType::F32, 1,
                                                       static_cast<uint32_t>(t_gate.dims[0])};
        break;
      }
      case TensorRole::FfnGateShexp:
      case TensorRole::FfnUpShexp: break;  // with ffn_down_shexp
      case TensorRole::FfnDownShexp:
        w.experts->shared = gated_ffn(layer_tensor(t.layer, "ffn_gate_shexp.weight"),
                                      layer_tensor(t.layer, "ffn_up_shexp.weight"), t.name);
        break;
    }
  }
  if (config.tied_output) {
    output = token_embd;
  }

  // One embedding row instead of the whole table (unless tied, where the output reads it all).
  bytes_per_token_ = device_bytes_ + host_bytes_;
  if (config.n_expert > 0) {
    bytes_per_token_ -= expert_bytes_ - expert_bytes_ / config.n_expert * config.n_expert_used;
  }
  if (!config.tied_output) {
    bytes_per_token_ -= kernels::weight_row_bytes(token_embd) * uint64_t(token_embd.n_rows);
    bytes_per_token_ += kernels::weight_row_bytes(token_embd);
  }
  log::get("model")->debug("{}: {} MiB of weights on the device", file.path().string(),
                           device_bytes_ >> 20);
}

// q, k, v (and their biases) in one buffer where they share a type and row length and where
// k and v start at legal binding offsets (so that prefill and the bias add can still bind each
// part alone): qkv_layout(…, 1).fused. Every real model passes (head_dim·heads·4 is a multiple
// of 256); tiny test models on strict devices may not. A fused attn_qkv tensor (Phi-3) is one
// upload either way, with q, k and v as views into it.
void ModelWeights::attention_weights(LayerWeights& w, uint32_t l, const ModelConfig& config) {
  const bool aligned = qkv_layout(ctx_.info(), config, 1).fused;
  if (config.arch.fused_qkv) {
    const gguf::TensorInfo& t = matrix_tensor(layer_tensor(l, "attn_qkv.weight"));
    const kernels::WeightMatrix all = matrix_view(t, upload(t));
    const uint64_t row_bytes = kernels::weight_row_bytes(all);
    const auto part = [&](uint32_t first_row, uint32_t n_rows) {
      kernels::WeightMatrix m = all;
      m.data.offset += first_row * row_bytes;
      m.data.size = n_rows * row_bytes;
      m.n_rows = n_rows;
      return m;
    };
    w.attn_q = part(0, config.q_dim());
    w.attn_k = part(config.q_dim(), config.kv_dim());
    w.attn_v = part(config.q_dim() + config.kv_dim(), config.kv_dim());
    if (aligned) {
      w.attn_qkv = all;
    }
    return;
  }
  const gguf::TensorInfo* qkv[] = {&matrix_tensor(layer_tensor(l, "attn_q.weight")),
                                   &matrix_tensor(layer_tensor(l, "attn_k.weight")),
                                   &matrix_tensor(layer_tensor(l, "attn_v.weight"))};
  const bool fused = aligned && same_layout(*qkv[0], *qkv[1]) && same_layout(*qkv[0], *qkv[2]);
  std::vector<std::byte> q_bytes = file_.tensor_data(*qkv[0]);
  kernels::WeightMatrix q_shape = matrix_view(*qkv[0], {});
  if (config.arch.gated_attention) {
    // Head h's rows: head_dim query rows, then head_dim gate rows. The queries stay attn_q (so
    // they can join k and v), the gates become attn_gate.
    q_shape.n_rows /= 2;
    const size_t head_bytes = size_t(config.head_dim) * kernels::weight_row_bytes(q_shape);
    std::vector<std::byte> queries, gates;
    queries.reserve(q_bytes.size() / 2);
    gates.reserve(q_bytes.size() / 2);
    for (uint32_t h = 0; h < config.n_head; ++h) {
      const auto head = q_bytes.begin() + ptrdiff_t(2 * h * head_bytes);
      queries.insert(queries.end(), head, head + ptrdiff_t(head_bytes));
      gates.insert(gates.end(), head + ptrdiff_t(head_bytes), head + ptrdiff_t(2 * head_bytes));
    }
    w.attn_gate = q_shape;
    w.attn_gate->data = upload_bytes(gates);
    q_bytes = std::move(queries);
  }
  if (fused) {
    const std::vector<std::byte> parts_bytes[] = {std::move(q_bytes), file_.tensor_data(*qkv[1]),
                                                  file_.tensor_data(*qkv[2])};
    const std::vector<vk::BufferView> parts = upload_together(parts_bytes);
    w.attn_q = q_shape;
    w.attn_q.data = parts[0];
    w.attn_k = matrix_view(*qkv[1], parts[1]);
    w.attn_v = matrix_view(*qkv[2], parts[2]);
    w.attn_qkv = stacked({w.attn_q, w.attn_k, w.attn_v});
  } else {
    w.attn_q = q_shape;
    w.attn_q.data = upload_bytes(q_bytes);
    w.attn_k = matrix(layer_tensor(l, "attn_k.weight"));
    w.attn_v = matrix(layer_tensor(l, "attn_v.weight"));
  }
  if (!config.arch.qkv_bias) {
    return;
  }
  const gguf::TensorInfo* biases[] = {&vector_tensor(layer_tensor(l, "attn_q.bias")),
                                      &vector_tensor(layer_tensor(l, "attn_k.bias")),
                                      &vector_tensor(layer_tensor(l, "attn_v.bias"))};
  if (fused) {
    const std::vector<vk::BufferView> parts = upload(biases);
    w.attn_q_bias = parts[0];
    w.attn_k_bias = parts[1];
    w.attn_v_bias = parts[2];
    w.attn_qkv_bias = joined(parts);
  } else {
    w.attn_q_bias = upload(*biases[0]);
    w.attn_k_bias = upload(*biases[1]);
    w.attn_v_bias = upload(*biases[2]);
  }
}

void ModelWeights::delta_net_weights(DeltaNetWeights& w, uint32_t l, const ModelConfig& config) {
  const std::string names[] = {layer_tensor(l, "attn_qkv.weight"), layer_tensor(l, "attn_gate.weight"),
                               layer_tensor(l, "ssm_beta.weight"), layer_tensor(l, "ssm_alpha.weight")};
  kernels::WeightMatrix* matrices[] = {&w.qkv, &w.gate, &w.beta, &w.alpha};
  bool same = delta_net_input_layout(ctx_.info(), config).fused;
  for (const std::string& name : names) {
    same = same && same_layout(matrix_tensor(name), matrix_tensor(names[0]));
  }
  if (same) {
    std::vector<std::vector<std::byte>> bytes;
    for (const std::string& name : names) {
      bytes.push_back(file_.tensor_data(matrix_tensor(name)));
    }
    const std::vector<vk::BufferView> views = upload_together(bytes);
    for (size_t i = 0; i < 4; ++i) {
      *matrices[i] = matrix_view(matrix_tensor(names[i]), views[i]);
    }
    w.input = stacked({w.qkv, w.gate, w.beta, w.alpha});
  } else {
    for (size_t i = 0; i < 4; ++i) {
      *matrices[i] = matrix(names[i]);
    }
  }
  w.out = matrix(layer_tensor(l, "ssm_out.weight"));
  w.norm = vector(layer_tensor(l, "ssm_norm.weight"));
  const std::string conv_name = layer_tensor(l, "ssm_conv1d.weight");
  const gguf::TensorInfo* conv = file_.find_tensor(conv_name);
  if (!conv || conv->type != gguf::TensorType::F32) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: tensor {} must be f32 (as llama.cpp's converter writes it)",
                            file_.path().string(), conv_name));
  }
  w.conv = upload(*conv);
  const gguf::TensorInfo* params[] = {&vector_tensor(layer_tensor(l, "ssm_dt.bias")),
                                      &vector_tensor(layer_tensor(l, "ssm_a"))};
  w.head_params = joined(upload(params));
}

// gate and up interleaved row by row where they share a type and row length. Phi-3's ffn_up
// holds the gate rows, then the up rows. (ffn_down follows in the file: FfnDown.)
void ModelWeights::ffn_weights(LayerWeights& w, uint32_t l, const ModelConfig& config) {
  if (!config.arch.fused_gate_up) {
    const GatedFfn ffn = gated_ffn(layer_tensor(l, "ffn_gate.weight"),
                                   layer_tensor(l, "ffn_up.weight"), {});
    w.ffn.gate_up = ffn.gate_up;
    w.ffn.gate = ffn.gate;
    w.ffn.up = ffn.up;
    return;
  }
  const gguf::TensorInfo& both = matrix_tensor(layer_tensor(l, "ffn_up.weight"));
  const std::vector<std::byte> bytes = file_.tensor_data(both);
  const std::span<const std::byte> all = bytes;
  kernels::WeightMatrix shape = matrix_view(both, {});
  shape.n_rows /= 2;
  w.ffn.gate_up = shape;
  w.ffn.gate_up->data = upload_bytes(interleave_halves(all, 1, kernels::weight_row_bytes(shape)));
  w.ffn.gate_up->n_rows = 2 * shape.n_rows;
}

GatedFfn ModelWeights::gated_ffn(const std::string& gate_name, const std::string& up_name,
                                 const std::string& down_name) {
  GatedFfn ffn;
  const gguf::TensorInfo& gate = matrix_tensor(gate_name);
  const gguf::TensorInfo& up = matrix_tensor(up_name);
  if (!same_layout(gate, up) || gate.dims[1] != up.dims[1]) {
    ffn.gate = matrix(gate_name);
    ffn.up = matrix(up_name);
  } else {
    const kernels::WeightMatrix shape = matrix_view(gate, {});
    ffn.gate_up = shape;
    ffn.gate_up->data = upload_bytes(interleave_rows(file_.tensor_data(gate), file_.tensor_data(up),
                                                     kernels::weight_row_bytes(shape)));
    ffn.gate_up->n_rows = 2 * shape.n_rows;
  }
  if (!down_name.empty()) {
    ffn.down = matrix(down_name);
  }
  return ffn;
}

// The router, and the experts' gate and up interleaved row by row within each expert where they
// share a type and row length (one gated matvec per chosen expert); down as it is.
void ModelWeights::expert_weights(ExpertWeights& w, uint32_t l, const ModelConfig& config) {
  w.router = matrix(layer_tensor(l, "ffn_gate_inp.weight"));
  if (config.gate_up_exps_fused) {
    // Each expert's gate rows then its up rows (llama.cpp splits its product at n_ff_exp).
    const std::string name = layer_tensor(l, "ffn_gate_up_exps.weight");
    const gguf::TensorInfo& fused = experts_tensor(name);
    kernels::WeightMatrix both{{}, fused.type, static_cast<uint32_t>(fused.dims[1]),
                               static_cast<uint32_t>(fused.dims[0])};
    const std::vector<std::byte> interleaved =
        interleave_halves(file_.tensor_data(fused), config.n_expert, kernels::weight_row_bytes(both));
    both.data = upload_bytes(interleaved, name);
    w.gate_up = kernels::ExpertMatrices{both, config.n_expert};
    expert_bytes_ += interleaved.size();
    return;
  }
  const std::string gate_name = layer_tensor(l, "ffn_gate_exps.weight");
  const std::string up_name = layer_tensor(l, "ffn_up_exps.weight");
  const gguf::TensorInfo& gate = experts_tensor(gate_name);
  const gguf::TensorInfo& up = experts_tensor(up_name);
  const std::string gate_bias_name = layer_tensor(l, "ffn_gate_exps.bias");
  const std::string up_bias_name = layer_tensor(l, "ffn_up_exps.bias");
  if (!same_layout(gate, up) || gate.dims != up.dims) {
    w.gate = experts(gate_name);
    w.up = experts(up_name);
    if (config.arch.expert_biases) {
      w.gate.bias = expert_bias(gate_bias_name);
      w.up.bias = expert_bias(up_bias_name);
    }
    expert_bytes_ += w.gate.w.data.size + w.up.w.data.size;
    return;
  }
  const std::vector<std::byte> g = file_.tensor_data(gate);
  const std::vector<std::byte> u = file_.tensor_data(up);
  const kernels::WeightMatrix one{{}, gate.type, static_cast<uint32_t>(gate.dims[1]),
                                  static_cast<uint32_t>(gate.dims[0])};
  // Expert e's rows follow e − 1's, so interleaving the whole stacks interleaves each expert.
  const std::vector<std::byte> interleaved =
      interleave_rows(g, u, kernels::weight_row_bytes(one));
  kernels::WeightMatrix both = one;
  both.n_rows = 2 * one.n_rows;
  both.data = upload_bytes(interleaved, gate_name);
  w.gate_up = kernels::ExpertMatrices{both, config.n_expert};
  expert_bytes_ += interleaved.size();
  if (config.arch.expert_biases) {
    // Interleaved as the rows: expert e's gate p and up p at e · 2 n_ff + 2p and + 1.
    w.gate_up->bias = upload_bytes(
        interleave_rows(file_.tensor_data(expert_bias_tensor(gate_bias_name)),
                        file_.tensor_data(expert_bias_tensor(up_bias_name)), sizeof(float)));
  }
}

vk::Buffer& ModelWeights::new_buffer(uint64_t bytes, const std::string& name) {
  // Whole 16-byte units: the CPU-device matvec binds its windows as whole uvec4s
  // (kernels::MatvecReduction::RowPerInvocation).
  bytes = (bytes + 15) / 16 * 16;
  if (placement_.host_tensors.contains(name)) {
    host_bytes_ += bytes;
    return buffers_.emplace_back(ctx_.create_host_buffer(bytes));
  }
  device_bytes_ += bytes;
  return buffers_.emplace_back(ctx_.create_buffer(bytes));
}

void ModelWeights::write(const vk::Buffer& buffer, uint64_t offset, std::span<const std::byte> bytes) {
  loaded_bytes_ += bytes.size();
  if (buffer.is_mapped()) {
    std::memcpy(buffer.mapped().data() + offset, bytes.data(), bytes.size());
  } else {
    ctx_.upload(vk::BufferView{&buffer, offset, bytes.size()}, bytes);
  }
}

// Read from the file straight into a mapped buffer (system memory, or a device whose memory is
// system memory: the weights are then held once, and never copied); otherwise read, then upload.
void ModelWeights::read_into(const vk::Buffer& buffer, uint64_t offset, const gguf::TensorInfo& tensor) {
  if (buffer.is_mapped()) {
    file_.read_tensor(tensor, buffer.mapped().subspan(offset, tensor.bytes));
    loaded_bytes_ += tensor.bytes;
  } else {
    write(buffer, offset, file_.tensor_data(tensor));  // read, uploaded, freed
  }
}

vk::BufferView ModelWeights::upload_bytes(std::span<const std::byte> bytes,
                                          const std::string& name) {
  vk::Buffer& buffer = new_buffer(bytes.size(), name);
  write(buffer, 0, bytes);
  report_progress();
  return vk::BufferView{&buffer, 0, bytes.size()};
}

void ModelWeights::report_progress() {
  if (progress_ && !progress_(total_bytes_ ? float(loaded_bytes_) / float(total_bytes_) : 1.0f)) {
    throw Error(ErrorCode::Cancelled, fmt::format("loading {} was cancelled", file_.path().string()));
  }
}

vk::BufferView ModelWeights::upload(const gguf::TensorInfo& tensor) {
  vk::Buffer& buffer = new_buffer(tensor.bytes, tensor.name);
  read_into(buffer, 0, tensor);
  report_progress();
  return vk::BufferView{&buffer, 0, tensor.bytes};
}

std::vector<vk::BufferView> ModelWeights::upload(std::span<const gguf::TensorInfo* const> tensors) {
  uint64_t total = 0;
  for (const gguf::TensorInfo* t : tensors) total += t->bytes;
  vk::Buffer& buffer = new_buffer(total, {});
  std::vector<vk::BufferView> views;
  uint64_t offset = 0;
  for (const gguf::TensorInfo* t : tensors) {
    read_into(buffer, offset, *t);
    views.push_back(vk::BufferView{&buffer, offset, t->bytes});
    offset += t->bytes;
    report_progress();
  }
  return views;
}

// The parts back to back in one device buffer; one view per part.
std::vector<vk::BufferView> ModelWeights::upload_together(
    std::span<const std::vector<std::byte>> parts) {
  uint64_t total = 0;
  for (const auto& part : parts) {
    total += part.size();
  }
  vk::Buffer& buffer = new_buffer(total, {});
  std::vector<vk::BufferView> views;
  uint64_t offset = 0;
  for (const auto& part : parts) {
    write(buffer, offset, part);
    views.push_back(vk::BufferView{&buffer, offset, part.size()});
    offset += part.size();
    report_progress();
  }
  return views;
}

// A weight tensor of n_dims dimensions (2: a matrix; 3: n matrices, the experts) of a type the
// kernels take.
const gguf::TensorInfo& ModelWeights::weight_tensor(const std::string& name, size_t n_dims) const {
  const gguf::TensorInfo* t = file_.find_tensor(name);
  if (!t || t->dims.size() != n_dims) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tensor {} is missing or not {}", file_.path().string(), name,
                            n_dims == 2 ? "a matrix" : "a stack of matrices"));
  }
  if (!gguf::traits(t->type).gpu_supported) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: tensor {} has type {}, which Sikao cannot run yet",
                            file_.path().string(), name, gguf::traits(t->type).name));
  }
  return *t;
}

const gguf::TensorInfo& ModelWeights::matrix_tensor(const std::string& name) const {
  return weight_tensor(name, 2);
}

const gguf::TensorInfo& ModelWeights::experts_tensor(const std::string& name) const {
  return weight_tensor(name, 3);
}

const gguf::TensorInfo& ModelWeights::vector_tensor(const std::string& name) const {
  const gguf::TensorInfo* t = file_.find_tensor(name);
  if (!t || t->dims.size() != 1 || t->type != gguf::TensorType::F32) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: tensor {} is missing or not an f32 vector",
                                                    file_.path().string(), name));
  }
  return *t;
}

const gguf::TensorInfo& ModelWeights::expert_bias_tensor(const std::string& name) const {
  const gguf::TensorInfo* t = file_.find_tensor(name);
  if (!t || t->dims.size() != 2 || t->type != gguf::TensorType::F32) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tensor {} is missing or not an f32 row per expert",
                            file_.path().string(), name));
  }
  return *t;
}

vk::BufferView ModelWeights::expert_bias(const std::string& name) {
  return upload(expert_bias_tensor(name));
}

kernels::ExpertMatrices ModelWeights::experts(const std::string& name) {
  const gguf::TensorInfo& t = experts_tensor(name);
  const kernels::WeightMatrix one{upload(t), t.type, static_cast<uint32_t>(t.dims[1]),
                                  static_cast<uint32_t>(t.dims[0])};
  return {one, static_cast<uint32_t>(t.dims[2])};
}

kernels::WeightMatrix ModelWeights::matrix(const std::string& name) {
  const gguf::TensorInfo& t = matrix_tensor(name);
  return matrix_view(t, upload(t));
}

vk::BufferView ModelWeights::vector(const std::string& name) {
  return upload(vector_tensor(name));
}

} // namespace sikao::model
