// The mixture-of-experts kernels (inference/kernels/moe.h, matvec_experts, matmul_experts)
// against plain C++ references on random inputs: routing with both gatings and with ties in the
// router logits, grouping a batch by expert, the chosen experts' products for one token and for
// a batch in several weight types, and the weighted mix. Expert counts, slot counts, row and
// token counts are chosen to fill no workgroup or tile evenly, and the expert tensor sits at an
// unaligned offset inside its buffer, as inside a model file.

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <vector>

#include <QTest>

#include "common/error.h"
#include "gguf/types.h"
#include "kernels/matmul.h"
#include "kernels/matvec.h"
#include "kernels/moe.h"
#include "quant/quant.h"
#include "support/test_support.h"
#include "vulkan/context.h"

using sikao::gguf::TensorType;
namespace kernels = sikao::kernels;
namespace quant = sikao::quant;
namespace vk = sikao::vk;

namespace {

constexpr double k_tolerance = 1e-5;  // f32 sums against double, as tst_quant_kernels
constexpr uint64_t k_offset = 34;     // not a legal binding offset

const TensorType k_types[] = {TensorType::F32, TensorType::F16, TensorType::Q8_0,
                              TensorType::Q4_0, TensorType::Q4_K, TensorType::Q6_K,
                              TensorType::MXFP4};  // 51-byte rows: experts start on odd bytes

uint32_t cols_for(TensorType t) { return sikao::gguf::traits(t).block_size == 256 ? 512 : 96; }

// n_expert matrices of n_rows × n_cols, quantised, with their reference decoding.
struct HostExperts {
  TensorType type;
  uint32_t n_expert, n_rows, n_cols;
  std::vector<std::byte> bytes;
  std::vector<float> decoded;  // [n_expert][n_rows][n_cols]

  double w(uint32_t e, uint32_t r, uint32_t c) const {
    return decoded[(size_t(e) * n_rows + r) * n_cols + c];
  }
};

HostExperts random_experts(std::mt19937_64& rng, TensorType type, uint32_t n_expert,
                           uint32_t n_rows, uint32_t n_cols) {
  HostExperts m{type, n_expert, n_rows, n_cols, {}, {}};
  const size_t rb = sikao::gguf::row_bytes(type, n_cols);
  const size_t rows = size_t(n_expert) * n_rows;
  m.bytes.resize(rb * rows);
  m.decoded.resize(rows * n_cols);
  for (size_t r = 0; r < rows; ++r) {
    const std::vector<float> x = sikao::test::random_floats(rng, n_cols);
    const std::span<std::byte> row(m.bytes.data() + r * rb, rb);
    quant::quantize_row(type, x, row);
    quant::dequantize_row(type, row, std::span(m.decoded.data() + r * n_cols, n_cols));
  }
  return m;
}

template <class T>
vk::Buffer upload(vk::Context& ctx, const std::vector<T>& v) {
  vk::Buffer b = ctx.create_buffer(std::max<size_t>(4, v.size() * sizeof(T)));
  ctx.upload(vk::BufferView{&b, 0, v.size() * sizeof(T)}, std::span<const T>(v));
  return b;
}

// Random distinct experts per token, as a router would choose them.
std::vector<uint32_t> random_choice(std::mt19937_64& rng, uint32_t n_tokens, uint32_t n_used,
                                    uint32_t n_expert) {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> all(n_expert);
  for (uint32_t t = 0; t < n_tokens; ++t) {
    std::iota(all.begin(), all.end(), 0u);
    std::shuffle(all.begin(), all.end(), rng);
    ids.insert(ids.end(), all.begin(), all.begin() + n_used);
  }
  return ids;
}

double silu(double g) { return g / (1.0 + std::exp(-g)); }

// gpt-oss's clamped SwiGLU (kernels/activation.h), from the formula.
double swiglu_oai(double g, double u) {
  const double gate = std::min(g, 7.0);
  return gate / (1.0 + std::exp(-1.702 * gate)) * (std::clamp(u, -7.0, 7.0) + 1.0);
}

} // namespace

class TestMoeKernels : public QObject {
  Q_OBJECT

  std::unique_ptr<vk::Context> ctx_;
  std::mt19937_64 rng_;

  // The expert tensor in a device buffer at an unaligned offset.
  // With a bias (f32 [n_expert][n_rows], as gpt-oss's ffn_*_exps.bias) where one is given.
  struct DeviceExperts {
    vk::Buffer buffer;
    std::optional<vk::Buffer> bias;
    kernels::ExpertMatrices view;
  };
  DeviceExperts device_experts(const HostExperts& m, const std::vector<float>& bias = {}) {
    DeviceExperts d{ctx_->create_buffer(k_offset + m.bytes.size()), std::nullopt, {}};
    ctx_->upload(vk::BufferView{&d.buffer, k_offset, m.bytes.size()},
                 std::span<const std::byte>(m.bytes));
    d.view = {{vk::BufferView{&d.buffer, k_offset, m.bytes.size()}, m.type, m.n_rows, m.n_cols},
              m.n_expert};
    if (!bias.empty()) {
      d.bias.emplace(upload(*ctx_, bias));
      d.view.bias = vk::BufferView{&*d.bias};
    }
    return d;
  }

  // A binding limit that holds three experts of w (and the offset alignment): several dispatches.
  static uint64_t three_experts(const kernels::ExpertMatrices& w) {
    return 3ull * kernels::weight_row_bytes(w.w) * w.w.n_rows + 256;
  }

  void check(const char* what, const QString& label, double err) {
    qInfo("%-16s %-34s relative error %.3g", what, qPrintable(label), err);
    QVERIFY2(err <= k_tolerance,
             qPrintable(QString("%1 %2: relative error %3").arg(what, label).arg(err)));
  }

  void run_routing(const kernels::ExpertRouting& routing, uint32_t n_tokens, bool ties) {
    std::vector<float> logits = sikao::test::random_floats(rng_, size_t(n_tokens) * routing.n_expert, 2.0f);
    if (ties) {
      // Few distinct values: most rows hold equal logits, and equal probabilities after softmax.
      for (float& l : logits) l = std::round(l);
    }
    const vk::Buffer lb = upload(*ctx_, logits);
    const vk::Buffer ib = ctx_->create_buffer(size_t(n_tokens) * routing.n_used * 4);
    const vk::Buffer wb = ctx_->create_buffer(size_t(n_tokens) * routing.n_used * 4);
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    kernels::route_experts(*ctx_, seq, vk::BufferView{&lb}, vk::BufferView{&ib},
                           vk::BufferView{&wb}, n_tokens, routing);
    seq.run();
    const auto ids = ctx_->download<uint32_t>(vk::BufferView{&ib}, size_t(n_tokens) * routing.n_used);
    const auto weights = ctx_->download<float>(vk::BufferView{&wb}, size_t(n_tokens) * routing.n_used);
    const kernels::RoutedExperts ref = kernels::route_experts_reference(logits, n_tokens, routing);
    const QString label = QString("%1 of %2, %3 tokens%4%5%6")
                              .arg(routing.n_used)
                              .arg(routing.n_expert)
                              .arg(n_tokens)
                              .arg(routing.gating == kernels::ExpertGating::SoftmaxThenTopK
                                       ? " softmax→top-k"
                                       : " top-k→softmax")
                              .arg(routing.normalize ? " normalised" : "")
                              .arg(ties ? " ties" : "");
    QVERIFY2(ids == ref.ids, qPrintable("expert ids differ: " + label));
    check("route_experts", label, sikao::test::relative_error(weights, ref.weights));
  }

 private slots:
  void initTestCase() {
    const uint64_t seed = sikao::test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(seed));
    rng_.seed(seed);
    ctx_ = std::make_unique<vk::Context>();
  }

  void routing_matches_reference() {
    using G = kernels::ExpertGating;
    for (const bool ties : {false, true}) {
      run_routing({.n_expert = 16, .n_used = 4, .gating = G::SoftmaxThenTopK, .normalize = true}, 67, ties);
      run_routing({.n_expert = 128, .n_used = 8, .gating = G::SoftmaxThenTopK, .normalize = true}, 9, ties);
      run_routing({.n_expert = 10, .n_used = 3, .gating = G::SoftmaxThenTopK, .normalize = false, .scale = 2.5f}, 5, ties);
      run_routing({.n_expert = 32, .n_used = 4, .gating = G::TopKThenSoftmax}, 70, ties);
      run_routing({.n_expert = 5, .n_used = 5, .gating = G::TopKThenSoftmax}, 3, ties);
    }
  }

  void routing_breaks_ties_towards_the_lower_expert() {
    // All logits equal: the chosen experts are 0, 1, 2 in that order, with equal weights.
    const kernels::ExpertRouting routing{.n_expert = 8, .n_used = 3, .normalize = true};
    const std::vector<float> logits(8, 0.5f);
    const vk::Buffer lb = upload(*ctx_, logits);
    const vk::Buffer ib = ctx_->create_buffer(12);
    const vk::Buffer wb = ctx_->create_buffer(12);
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    kernels::route_experts(*ctx_, seq, vk::BufferView{&lb}, vk::BufferView{&ib},
                           vk::BufferView{&wb}, 1, routing);
    seq.run();
    QCOMPARE(ctx_->download<uint32_t>(vk::BufferView{&ib}, 3), (std::vector<uint32_t>{0, 1, 2}));
    for (float w : ctx_->download<float>(vk::BufferView{&wb}, 3)) {
      QVERIFY(std::abs(w - 1.0f / 3.0f) < 1e-6f);
    }
  }

  void grouping_lists_every_pair_under_its_expert() {
    for (const auto& [n_tokens, n_used, n_expert] :
         {std::tuple{1u, 2u, 4u}, std::tuple{37u, 4u, 16u}, std::tuple{256u, 8u, 128u}}) {
      const std::vector<uint32_t> ids = random_choice(rng_, n_tokens, n_used, n_expert);
      const vk::Buffer ib = upload(*ctx_, ids);
      const uint64_t bytes = kernels::expert_rows_bytes(n_tokens, n_expert);
      const vk::Buffer rb = ctx_->create_buffer(bytes);
      vk::Sequence seq = ctx_->create_sequence();
      seq.begin();
      kernels::group_by_expert(*ctx_, seq, vk::BufferView{&ib}, vk::BufferView{&rb}, n_tokens,
                               n_used, n_expert);
      seq.run();
      const auto rows = ctx_->download<uint32_t>(vk::BufferView{&rb}, bytes / 4);
      for (uint32_t e = 0; e < n_expert; ++e) {
        std::vector<uint32_t> expected;
        for (uint32_t p = 0; p < ids.size(); ++p) {
          if (ids[p] == e) expected.push_back(p);
        }
        QCOMPARE(rows[e], uint32_t(expected.size()));
        const auto first = rows.begin() + n_expert + size_t(e) * n_tokens;
        QVERIFY(std::equal(expected.begin(), expected.end(), first));
      }
    }
  }

  // Gate/up of every chosen expert for one token: rmsnorm folded in, SwiGLU over interleaved
  // rows, one output block per slot; and gpt-oss's: each expert's bias (interleaved as its rows)
  // added before the clamped SwiGLU.
  void per_slot_matvec_matches_reference() {
    const uint32_t n_expert = 11, n_used = 3, n_ff = 37;
    for (const bool oai : {false, true})
    for (const bool split : {false, true})  // bindings of 3 experts (4 dispatches)
    for (TensorType type : k_types) {
      const uint32_t n_cols = cols_for(type);
      const HostExperts m = random_experts(rng_, type, n_expert, 2 * n_ff, n_cols);
      // Biases of stddev 2 move gates and ups across the clamp at ±7 only with the dot's help.
      const std::vector<float> bias =
          oai ? sikao::test::random_floats(rng_, size_t(n_expert) * 2 * n_ff, 2.0f) : std::vector<float>{};
      DeviceExperts d = device_experts(m, bias);
      const std::vector<uint32_t> ids = random_choice(rng_, 1, n_used, n_expert);
      const std::vector<float> x = sikao::test::random_floats(rng_, n_cols, 3.0f);
      const std::vector<float> g = sikao::test::random_floats(rng_, n_cols);
      const float eps = 1e-5f;
      const vk::Buffer ib = upload(*ctx_, ids), xb = upload(*ctx_, x), gb = upload(*ctx_, g);
      const vk::Buffer wb = upload(*ctx_, std::vector<float>(n_used, 1.0f));
      const vk::Buffer yb = ctx_->create_buffer(size_t(n_used) * n_ff * 4);
      vk::Sequence seq = ctx_->create_sequence();
      seq.begin();
      kernels::MatvecFusion fusion;
      fusion.norm = kernels::MatvecNorm{vk::BufferView{&gb}, eps};
      fusion.output = oai ? kernels::MatvecOutput::SwiGluOai : kernels::MatvecOutput::SwiGlu;
      kernels::matvec_experts(*ctx_, seq, d.view,
                              {vk::BufferView{&ib}, vk::BufferView{&wb}, n_used},
                              vk::BufferView{&xb}, 0, vk::BufferView{&yb},
                              kernels::ExpertMix::PerSlot, fusion, kernels::MatvecReduction::Auto,
                              split ? three_experts(d.view) : 0);
      seq.run();
      const auto y = ctx_->download<float>(vk::BufferView{&yb}, size_t(n_used) * n_ff);
      double sum_sq = 0.0;
      for (float v : x) sum_sq += double(v) * v;
      const double scale = 1.0 / std::sqrt(sum_sq / n_cols + eps);
      std::vector<double> ref;
      for (uint32_t s = 0; s < n_used; ++s) {
        for (uint32_t p = 0; p < n_ff; ++p) {
          double gate = 0.0, up = 0.0;
          for (uint32_t c = 0; c < n_cols; ++c) {
            const double in = x[c] * scale * g[c];
            gate += m.w(ids[s], 2 * p, c) * in;
            up += m.w(ids[s], 2 * p + 1, c) * in;
          }
          if (oai) {
            const size_t row = (size_t(ids[s]) * n_ff + p) * 2;
            ref.push_back(swiglu_oai(gate + bias[row], up + bias[row + 1]));
          } else {
            ref.push_back(silu(gate) * up);
          }
        }
      }
      check(oai ? "experts bias oai" : "experts per slot",
            QString("%1 %2 experts%3").arg(sikao::gguf::traits(type).name.data()).arg(n_expert)
                .arg(split ? ", 3 per binding" : ""),
            sikao::test::relative_error(y, ref));
    }
  }

  // The down projection: each slot its own input, mixed by the routing weights and added to y.
  // With a bias per expert, each slot's bias is mixed with its weight too.
  void weighted_sum_matvec_matches_reference() {
    const uint32_t n_expert = 9, n_used = 4, n_rows = 131;
    for (const bool with_bias : {false, true})
    for (const bool split : {false, true})  // bindings of 3 experts, the first storing
    for (TensorType type : k_types) {
      const uint32_t n_cols = cols_for(type);
      const HostExperts m = random_experts(rng_, type, n_expert, n_rows, n_cols);
      const std::vector<float> bias =
          with_bias ? sikao::test::random_floats(rng_, size_t(n_expert) * n_rows) : std::vector<float>{};
      DeviceExperts d = device_experts(m, bias);
      const std::vector<uint32_t> ids = random_choice(rng_, 1, n_used, n_expert);
      const std::vector<float> weights = sikao::test::random_floats(rng_, n_used);
      const std::vector<float> x = sikao::test::random_floats(rng_, size_t(n_used) * n_cols);
      const std::vector<float> y0 = sikao::test::random_floats(rng_, n_rows);
      const vk::Buffer ib = upload(*ctx_, ids), wb = upload(*ctx_, weights);
      const vk::Buffer xb = upload(*ctx_, x), yb = upload(*ctx_, y0);
      vk::Sequence seq = ctx_->create_sequence();
      seq.begin();
      kernels::MatvecFusion fusion;
      fusion.output = split ? kernels::MatvecOutput::Store : kernels::MatvecOutput::Accumulate;
      kernels::matvec_experts(*ctx_, seq, d.view,
                              {vk::BufferView{&ib}, vk::BufferView{&wb}, n_used},
                              vk::BufferView{&xb}, n_cols, vk::BufferView{&yb},
                              kernels::ExpertMix::WeightedSum, fusion,
                              kernels::MatvecReduction::Auto, split ? three_experts(d.view) : 0);
      seq.run();
      const auto y = ctx_->download<float>(vk::BufferView{&yb}, n_rows);
      std::vector<double> ref(n_rows, 0.0);
      if (!split) ref.assign(y0.begin(), y0.end());
      for (uint32_t r = 0; r < n_rows; ++r) {
        for (uint32_t s = 0; s < n_used; ++s) {
          double dot = 0.0;
          for (uint32_t c = 0; c < n_cols; ++c) dot += m.w(ids[s], r, c) * x[size_t(s) * n_cols + c];
          if (with_bias) dot += bias[size_t(ids[s]) * n_rows + r];
          ref[r] += weights[s] * dot;
        }
      }
      check(with_bias ? "experts mixed+bias" : "experts mixed",
            QString("%1 %2 experts%3").arg(sikao::gguf::traits(type).name.data()).arg(n_expert)
                .arg(split ? ", 3 per binding, stored" : ""),
            sikao::test::relative_error(y, ref));
    }
  }

  // A batch: the pairs grouped by expert on the device, each expert's product over its pairs,
  // reading the token's row (divisor n_used) or the pair's own row (divisor 1).
  void batched_experts_match_reference() {
    const uint32_t n_expert = 13, n_used = 3, n_rows = 70;
    for (TensorType type : k_types) {
      for (const uint32_t n_tokens : {5u, 67u}) {
        for (const uint32_t divisor : {n_used, 1u}) {
          const uint32_t n_cols = cols_for(type);
          const HostExperts m = random_experts(rng_, type, n_expert, n_rows, n_cols);
          // Pairs reading their own rows (the down projection) also get a bias per expert.
          const bool with_bias = divisor == 1u;
          const std::vector<float> bias = with_bias
              ? sikao::test::random_floats(rng_, size_t(n_expert) * n_rows) : std::vector<float>{};
          DeviceExperts d = device_experts(m, bias);
          const std::vector<uint32_t> ids = random_choice(rng_, n_tokens, n_used, n_expert);
          const uint32_t n_pairs = n_tokens * n_used;
          const uint32_t x_rows = n_pairs / divisor;
          const std::vector<float> x = sikao::test::random_floats(rng_, size_t(x_rows) * n_cols);
          const vk::Buffer ib = upload(*ctx_, ids), xb = upload(*ctx_, x);
          const vk::Buffer rb = ctx_->create_buffer(kernels::expert_rows_bytes(n_tokens, n_expert));
          const vk::Buffer yb = ctx_->create_buffer(size_t(n_pairs) * n_rows * 4);
          vk::Sequence seq = ctx_->create_sequence();
          seq.begin();
          kernels::group_by_expert(*ctx_, seq, vk::BufferView{&ib}, vk::BufferView{&rb}, n_tokens,
                                   n_used, n_expert);
          seq.barrier();
          // The larger batch with bindings of 3 experts (5 dispatches).
          const bool split = n_tokens == 67u;
          kernels::matmul_experts(*ctx_, seq, d.view, vk::BufferView{&rb}, n_tokens, divisor,
                                  vk::BufferView{&xb}, vk::BufferView{&yb},
                                  kernels::MatmulThreadBlock::Auto,
                                  split ? three_experts(d.view) : 0);
          seq.run();
          const auto y = ctx_->download<float>(vk::BufferView{&yb}, size_t(n_pairs) * n_rows);
          std::vector<double> ref(size_t(n_pairs) * n_rows);
          for (uint32_t p = 0; p < n_pairs; ++p) {
            for (uint32_t r = 0; r < n_rows; ++r) {
              double dot = 0.0;
              for (uint32_t c = 0; c < n_cols; ++c) {
                dot += m.w(ids[p], r, c) * x[size_t(p / divisor) * n_cols + c];
              }
              if (with_bias) dot += bias[size_t(ids[p]) * n_rows + r];
              ref[size_t(p) * n_rows + r] = dot;
            }
          }
          check("experts batched",
                QString("%1 %2 tokens, rows per %3%4").arg(sikao::gguf::traits(type).name.data())
                    .arg(n_tokens).arg(divisor == 1 ? "pair, bias" : "token")
                    .arg(n_tokens == 67u ? ", 3 experts per binding" : ""),
                sikao::test::relative_error(y, ref));
        }
      }
    }
  }

  void mix_matches_reference() {
    const uint32_t n_tokens = 29, n_used = 3, n_embd = 77;
    const std::vector<float> y = sikao::test::random_floats(rng_, size_t(n_tokens) * n_used * n_embd);
    const std::vector<float> w = sikao::test::random_floats(rng_, size_t(n_tokens) * n_used);
    const std::vector<float> x0 = sikao::test::random_floats(rng_, size_t(n_tokens) * n_embd);
    const vk::Buffer yb = upload(*ctx_, y), wb = upload(*ctx_, w), xb = upload(*ctx_, x0);
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    kernels::mix_experts(*ctx_, seq, vk::BufferView{&yb}, vk::BufferView{&wb}, vk::BufferView{&xb},
                         n_tokens, n_used, n_embd);
    seq.run();
    const auto x = ctx_->download<float>(vk::BufferView{&xb}, size_t(n_tokens) * n_embd);
    std::vector<double> ref(x0.begin(), x0.end());
    for (uint32_t t = 0; t < n_tokens; ++t) {
      for (uint32_t s = 0; s < n_used; ++s) {
        for (uint32_t c = 0; c < n_embd; ++c) {
          const size_t pair = size_t(t) * n_used + s;
          ref[size_t(t) * n_embd + c] += double(w[pair]) * y[pair * n_embd + c];
        }
      }
    }
    check("mix_experts", "29 tokens × 3 slots", sikao::test::relative_error(x, ref));
  }

  void rejects_what_the_kernels_cannot_do() {
    vk::Buffer b = ctx_->create_buffer(4096);
    const vk::BufferView v{&b};
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    QVERIFY_THROWS_EXCEPTION(sikao::Error,
                             kernels::route_experts(*ctx_, seq, v, v, v, 1, {.n_expert = 4, .n_used = 5}));
    QVERIFY_THROWS_EXCEPTION(sikao::Error,
                             kernels::route_experts(*ctx_, seq, v, v, v, 1, {.n_expert = 4, .n_used = 0}));
    const kernels::ExpertMatrices experts{{v, TensorType::F32, 4, 32}, 4};
    kernels::MatvecFusion norm;
    norm.norm = kernels::MatvecNorm{v, 1e-5f};
    QVERIFY_THROWS_EXCEPTION(sikao::Error,
                             kernels::matvec_experts(*ctx_, seq, experts, {v, v, 2}, v, 32, v,
                                                     kernels::ExpertMix::WeightedSum, norm));
    QVERIFY_THROWS_EXCEPTION(sikao::Error,
                             kernels::matvec_experts(*ctx_, seq, experts, {v, v, 5}, v, 0, v,
                                                     kernels::ExpertMix::PerSlot, {}));
    kernels::MatvecFusion plain_bias;  // the experts' bias belongs to them, not to the fusion
    plain_bias.bias = v;
    QVERIFY_THROWS_EXCEPTION(sikao::Error,
                             kernels::matvec_experts(*ctx_, seq, experts, {v, v, 2}, v, 0, v,
                                                     kernels::ExpertMix::PerSlot, plain_bias));
    seq.end();
  }

  void cleanupTestCase() { ctx_.reset(); }
};

QTEST_APPLESS_MAIN(TestMoeKernels)
#include "tst_moe_kernels.moc"
