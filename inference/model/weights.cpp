#include "model/weights.h"

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"

namespace sikao::model {

ModelWeights::ModelWeights(vk::Context& ctx, const gguf::GgufFile& file,
                           const ModelConfig& config, const std::function<bool(float)>& progress)
    : ctx_(ctx), file_(file), progress_(progress) {
  for (const auto& t : file.tensors()) {
    total_bytes_ += t.bytes;
  }

  token_embd = matrix("token_embd.weight");
  output_norm = vector("output_norm.weight");
  output = config.tied_output ? token_embd : matrix("output.weight");
  for (uint32_t l = 0; l < config.n_layer; ++l) {
    LayerWeights w;
    w.attn_norm = vector(layer_tensor(l, "attn_norm.weight"));
    w.attn_q = matrix(layer_tensor(l, "attn_q.weight"));
    w.attn_k = matrix(layer_tensor(l, "attn_k.weight"));
    w.attn_v = matrix(layer_tensor(l, "attn_v.weight"));
    if (config.qkv_bias) {
      w.attn_q_bias = vector(layer_tensor(l, "attn_q.bias"));
      w.attn_k_bias = vector(layer_tensor(l, "attn_k.bias"));
      w.attn_v_bias = vector(layer_tensor(l, "attn_v.bias"));
    }
    if (config.qk_norm) {
      w.attn_q_norm = vector(layer_tensor(l, "attn_q_norm.weight"));
      w.attn_k_norm = vector(layer_tensor(l, "attn_k_norm.weight"));
    }
    w.attn_output = matrix(layer_tensor(l, "attn_output.weight"));
    w.ffn_norm = vector(layer_tensor(l, "ffn_norm.weight"));
    w.ffn_gate = matrix(layer_tensor(l, "ffn_gate.weight"));
    w.ffn_up = matrix(layer_tensor(l, "ffn_up.weight"));
    w.ffn_down = matrix(layer_tensor(l, "ffn_down.weight"));
    layers.push_back(w);
  }

  // One embedding row instead of the whole table (unless tied, where the output reads it all).
  bytes_per_token_ = device_bytes_;
  if (!config.tied_output) {
    bytes_per_token_ -= kernels::weight_row_bytes(token_embd) * uint64_t(token_embd.n_rows);
    bytes_per_token_ += kernels::weight_row_bytes(token_embd);
  }
  log::get("model")->debug("{}: {} MiB of weights on the device", file.path().string(),
                           device_bytes_ >> 20);
}

vk::BufferView ModelWeights::upload(const gguf::TensorInfo& tensor) {
  auto& buffer = buffers_.emplace_back(ctx_.create_buffer(tensor.bytes));
  ctx_.upload(vk::BufferView{&buffer, 0, tensor.bytes}, file_.tensor_data(tensor));
  device_bytes_ += tensor.bytes;
  if (progress_ && !progress_(total_bytes_ ? float(device_bytes_) / float(total_bytes_) : 1.0f)) {
    throw Error(ErrorCode::Cancelled, fmt::format("loading {} was cancelled", file_.path().string()));
  }
  return vk::BufferView{&buffer, 0, tensor.bytes};
}

kernels::WeightMatrix ModelWeights::matrix(const std::string& name) {
  const gguf::TensorInfo* t = file_.find_tensor(name);
  if (!t || t->dims.size() != 2) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tensor {} is missing or not a matrix", file_.path().string(), name));
  }
  if (!gguf::traits(t->type).gpu_supported) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: tensor {} has type {}, which Sikao cannot run yet",
                            file_.path().string(), name, gguf::traits(t->type).name));
  }
  kernels::WeightMatrix w;
  w.data = upload(*t);
  w.type = t->type;
  w.n_cols = static_cast<uint32_t>(t->dims[0]);
  w.n_rows = static_cast<uint32_t>(t->dims[1]);
  return w;
}

vk::BufferView ModelWeights::vector(const std::string& name) {
  const gguf::TensorInfo* t = file_.find_tensor(name);
  if (!t || t->dims.size() != 1 || t->type != gguf::TensorType::F32) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: tensor {} is missing or not an f32 vector",
                                                    file_.path().string(), name));
  }
  return upload(*t);
}

} // namespace sikao::model
