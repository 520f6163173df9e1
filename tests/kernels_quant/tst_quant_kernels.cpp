// The weight-format GPU kernels (inference/kernels: dequantize, matvec with its fusions, matmul
// with accumulate, get_rows) for
// every GGUF type, against the CPU reference decoder with the arithmetic in double, on fresh
// random data at several sizes: row counts that are not multiples of the workgroup or tile,
// token counts that are not multiples of the tile, weights at an unaligned offset inside a
// buffer, and tensors split across several bindings by a small binding limit.
//
// Tolerance: ‖gpu − ref‖ / ‖ref‖ ≤ 1e-5. Every path here is f32: the weights are decoded to f32
// exactly as the reference decodes them, activations are f32 and sums accumulate in f32, so the
// only difference from the double reference is f32 rounding in the sums.

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <QTest>

#include "common/error.h"
#include "gguf/types.h"
#include "kernels/dequantize.h"
#include "kernels/get_rows.h"
#include "kernels/matmul.h"
#include "kernels/matvec.h"
#include "quant/quant.h"
#include "support/test_support.h"
#include "vulkan/context.h"

using sikao::gguf::TensorType;
namespace kernels = sikao::kernels;
namespace quant = sikao::quant;
namespace vk = sikao::vk;

namespace {

constexpr double k_tolerance = 1e-5;
// Of the fused matvecs, measured against the magnitude of the terms (FusedReference), where
// correct kernels stay below 1.3e-7 over many seeds.
constexpr double k_fused_tolerance = 1e-6;

const TensorType k_all_types[] = {TensorType::F32,  TensorType::F16,  TensorType::BF16, TensorType::Q8_0,
                                  TensorType::Q4_0, TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1,
                                  TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K, TensorType::Q5_K,
                                  TensorType::Q6_K, TensorType::MXFP4};

const char* name(TensorType t) { return sikao::gguf::traits(t).name.data(); }

// The types the row-per-invocation matvec (CPU devices) has kernels for.
const TensorType k_row_per_invocation_types[] = {TensorType::F32,  TensorType::F16,  TensorType::Q8_0,
                                                 TensorType::Q4_0, TensorType::Q5_0, TensorType::Q4_K,
                                                 TensorType::Q5_K, TensorType::Q6_K};

// Row lengths per type: a few blocks, one of them an odd count of blocks (for MXFP4's 17-byte
// blocks, rows of an odd byte count, so that every other row starts on an odd byte).
std::vector<uint32_t> row_lengths(TensorType t) {
  switch (sikao::gguf::traits(t).block_size) {
    case 1: return {4, 100, 520};
    case 32: return {32, 96, 544};
    default: return {256, 768};
  }
}

// Row counts that fill no workgroup or tile evenly. Not 1: the relative error of a single dot
// product is unbounded when its terms happen to cancel (a 1-row matrix is covered by matmul).
const uint32_t k_row_counts[] = {3, 37, 131};

// A random matrix quantised to the type, with its reference decoding.
struct HostMatrix {
  TensorType type;
  uint32_t n_rows, n_cols;
  std::vector<std::byte> bytes;
  std::vector<float> decoded;  // n_rows × n_cols, from quant::dequantize_row
};

HostMatrix random_matrix(std::mt19937_64& rng, TensorType type, uint32_t n_rows, uint32_t n_cols) {
  HostMatrix m{type, n_rows, n_cols, {}, {}};
  const size_t rb = sikao::gguf::row_bytes(type, n_cols);
  m.bytes.resize(rb * n_rows);
  m.decoded.resize(size_t(n_rows) * n_cols);
  for (uint32_t r = 0; r < n_rows; ++r) {
    const std::vector<float> x = sikao::test::random_floats(rng, n_cols);
    const std::span<std::byte> row(m.bytes.data() + r * rb, rb);
    quant::quantize_row(type, x, row);
    quant::dequantize_row(type, row, std::span(m.decoded.data() + size_t(r) * n_cols, n_cols));
  }
  return m;
}

// The matrix in a device buffer, starting at an odd multiple of 2 bytes (not a legal binding
// offset), as a tensor inside a model file would: the kernels must bind an aligned window. The
// buffer holds whole 16-byte units, as ModelWeights allocates them (the row-per-invocation
// matvec binds whole uvec4s).
class DeviceMatrix {
 public:
  DeviceMatrix(vk::Context& ctx, const HostMatrix& m, uint64_t offset = 34)
      : buffer_(ctx.create_buffer((offset + m.bytes.size() + 15) / 16 * 16)), m_(m), offset_(offset) {
    ctx.upload(vk::BufferView{&buffer_, offset_, m.bytes.size()}, std::span<const std::byte>(m.bytes));
  }
  kernels::WeightMatrix view() const {
    return {vk::BufferView{&buffer_, offset_, m_.bytes.size()}, m_.type, m_.n_rows, m_.n_cols};
  }

 private:
  vk::Buffer buffer_;
  const HostMatrix& m_;
  uint64_t offset_;
};

vk::Buffer upload_floats(vk::Context& ctx, const std::vector<float>& v) {
  vk::Buffer b = ctx.create_buffer(v.size() * sizeof(float));
  ctx.upload(vk::BufferView{&b}, std::span<const float>(v));
  return b;
}

// A binding limit that puts about three rows in each window.
uint64_t small_binding_limit(vk::Context& ctx, const HostMatrix& m) {
  return ctx.info().min_storage_buffer_offset_alignment + 3 * sikao::gguf::row_bytes(m.type, m.n_cols);
}

std::vector<double> reference_matvec(const HostMatrix& m, const std::vector<float>& x) {
  std::vector<double> y(m.n_rows, 0.0);
  for (uint32_t r = 0; r < m.n_rows; ++r) {
    for (uint32_t c = 0; c < m.n_cols; ++c) {
      y[r] += double(m.decoded[size_t(r) * m.n_cols + c]) * x[c];
    }
  }
  return y;
}

// The fusions of a matvec (kernels::MatvecFusion) written from the math, in double:
// input rmsnorm(x) ⊙ g, then the output scale and a bias, then store / accumulate / SwiGLU or
// GeGLU over interleaved rows.
struct FusedCase {
  bool norm = false;
  bool bias = false;
  kernels::MatvecOutput output = kernels::MatvecOutput::Store;
  float scale = 1.0f;
};

bool gated(kernels::MatvecOutput o) {
  return o == kernels::MatvecOutput::SwiGlu || o == kernels::MatvecOutput::GeGlu ||
         o == kernels::MatvecOutput::SwiGluOai;
}

QString fusion_label(const FusedCase& f) {
  QString s = f.norm ? "norm" : "";
  if (f.bias) s += "+bias";
  if (f.output == kernels::MatvecOutput::Accumulate) s += "+accumulate";
  if (f.output == kernels::MatvecOutput::SwiGlu) s += "+swiglu";
  if (f.output == kernels::MatvecOutput::GeGlu) s += "+geglu";
  if (f.output == kernels::MatvecOutput::SwiGluOai) s += "+swiglu_oai";
  if (f.scale != 1.0f) s += QString("×%1").arg(f.scale);
  return s;
}

// The exact output and, for each output, the magnitude its f32 rounding error scales with: a
// dot product's error is ε·Σ|w·x| whatever the sum, and a gated output act(g)·u carries the
// errors of g and u as |act'(g)·u|·Σ|w_g·x| + |act(g)|·Σ|w_u·x|. Measured against the plain
// result instead, one up row that cancels to near zero under a large gate fails the check on
// a correct kernel (CI seed 9241918413418: Q4_0 22×544 +swiglu, 1e-4).
struct FusedReference {
  std::vector<double> value;
  std::vector<double> magnitude;
};

double activation(kernels::MatvecOutput o, double g) {
  switch (o) {
    case kernels::MatvecOutput::SwiGluOai:
      // gpt-oss: min(g, 7) · sigmoid(1.702 · min(g, 7)); the up side is clamp(u, -7, 7) + 1.
      g = std::min(g, 7.0);
      return g / (1.0 + std::exp(-1.702 * g));
    case kernels::MatvecOutput::GeGlu:
      return 0.5 * g * (1.0 + std::tanh(std::sqrt(2.0 / M_PI) * (g + 0.044715 * g * g * g)));
    default:
      return g / (1.0 + std::exp(-g));
  }
}

FusedReference reference_fused_matvec(const HostMatrix& m, const std::vector<float>& x,
                                      const std::vector<float>& g, double eps,
                                      const std::vector<float>& bias, const std::vector<float>& y0,
                                      const FusedCase& f) {
  double scale = 1.0;
  if (f.norm) {
    double sum_sq = 0.0;
    for (float v : x) sum_sq += double(v) * v;
    scale = 1.0 / std::sqrt(sum_sq / m.n_cols + eps);
  }
  std::vector<double> d(m.n_rows, 0.0);
  std::vector<double> a(m.n_rows, 0.0);  // Σ|w·x| of each row, after the scale and bias
  for (uint32_t r = 0; r < m.n_rows; ++r) {
    for (uint32_t c = 0; c < m.n_cols; ++c) {
      const double input = f.norm ? double(x[c]) * scale * g[c] : double(x[c]);
      const double term = double(m.decoded[size_t(r) * m.n_cols + c]) * input;
      d[r] += term;
      a[r] += std::abs(term);
    }
    d[r] *= f.scale;
    a[r] *= std::abs(f.scale);
    if (f.bias) {
      d[r] += bias[r];
      a[r] += std::abs(bias[r]);
    }
  }
  FusedReference ref;
  if (gated(f.output)) {
    const bool oai = f.output == kernels::MatvecOutput::SwiGluOai;
    for (size_t p = 0; p < m.n_rows / 2; ++p) {
      const double gate = d[2 * p];
      const double up = oai ? std::clamp(d[2 * p + 1], -7.0, 7.0) + 1.0 : d[2 * p + 1];
      const double h = 1e-6 * std::max(1.0, std::abs(gate));
      const double slope = (activation(f.output, gate + h) - activation(f.output, gate - h)) / (2 * h);
      ref.value.push_back(activation(f.output, gate) * up);
      ref.magnitude.push_back(std::abs(slope * up) * a[2 * p] +
                              std::abs(activation(f.output, gate)) * a[2 * p + 1]);
    }
    return ref;
  }
  if (f.output == kernels::MatvecOutput::Accumulate) {
    for (uint32_t r = 0; r < m.n_rows; ++r) {
      d[r] += y0[r];
      a[r] += std::abs(y0[r]);
    }
  }
  ref.value = std::move(d);
  ref.magnitude = std::move(a);
  return ref;
}

QString label(const HostMatrix& m) {
  return QString("%1 %2×%3").arg(name(m.type)).arg(m.n_rows).arg(m.n_cols);
}

} // namespace

class TestQuantKernels : public QObject {
  Q_OBJECT

  std::unique_ptr<vk::Context> ctx_;
  std::mt19937_64 rng_;

  double run_matvec(const HostMatrix& m, uint64_t max_binding_bytes,
                    kernels::MatvecReduction reduction = kernels::MatvecReduction::Auto,
                    uint64_t offset = 34) {
    const DeviceMatrix w(*ctx_, m, offset);
    const std::vector<float> x = sikao::test::random_floats(rng_, m.n_cols);
    const vk::Buffer xb = upload_floats(*ctx_, x);
    const vk::Buffer yb = ctx_->create_buffer(m.n_rows * sizeof(float));
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    kernels::matvec(*ctx_, seq, w.view(), vk::BufferView{&xb}, vk::BufferView{&yb}, max_binding_bytes, reduction);
    seq.run();
    const std::vector<float> y = ctx_->download<float>(vk::BufferView{&yb}, m.n_rows);
    return sikao::test::relative_error(y, reference_matvec(m, x));
  }

  double run_fused_matvec(const HostMatrix& m, const FusedCase& f, uint64_t max_binding_bytes,
                          kernels::MatvecReduction reduction = kernels::MatvecReduction::Auto) {
    const DeviceMatrix w(*ctx_, m);
    const float eps = 1e-5f;
    // An input far from unit scale, so that a missing or doubled norm shows.
    const std::vector<float> x = sikao::test::random_floats(rng_, m.n_cols, 3.0f);
    const std::vector<float> g = sikao::test::random_floats(rng_, m.n_cols);
    const std::vector<float> bias = sikao::test::random_floats(rng_, m.n_rows);
    const std::vector<float> y0 = sikao::test::random_floats(rng_, m.n_rows);
    const size_t n_out = gated(f.output) ? m.n_rows / 2 : m.n_rows;
    const vk::Buffer xb = upload_floats(*ctx_, x);
    const vk::Buffer gb = upload_floats(*ctx_, g);
    const vk::Buffer bb = upload_floats(*ctx_, bias);
    const vk::Buffer yb = upload_floats(*ctx_, std::vector<float>(y0.begin(), y0.begin() + n_out));
    kernels::MatvecFusion fusion;
    if (f.norm) fusion.norm = kernels::MatvecNorm{vk::BufferView{&gb}, eps};
    if (f.bias) fusion.bias = vk::BufferView{&bb};
    fusion.output = f.output;
    fusion.scale = f.scale;
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    kernels::matvec(*ctx_, seq, w.view(), vk::BufferView{&xb}, vk::BufferView{&yb}, fusion,
                    max_binding_bytes, reduction);
    seq.run();
    const std::vector<float> y = ctx_->download<float>(vk::BufferView{&yb}, n_out);
    const FusedReference ref = reference_fused_matvec(m, x, g, eps, bias, y0, f);
    return sikao::test::scaled_error(y, ref.value, ref.magnitude);
  }

  double run_matmul(const HostMatrix& m, uint32_t n_tokens, uint64_t max_binding_bytes,
                    kernels::MatmulOutput output = kernels::MatmulOutput::Store,
                    kernels::MatmulThreadBlock block = kernels::MatmulThreadBlock::Auto,
                    float output_scale = 1.0f) {
    const DeviceMatrix w(*ctx_, m);
    const std::vector<float> x = sikao::test::random_floats(rng_, size_t(n_tokens) * m.n_cols);
    const vk::Buffer xb = upload_floats(*ctx_, x);
    const bool accumulate = output == kernels::MatmulOutput::Accumulate;
    const std::vector<float> y0 =
        accumulate ? sikao::test::random_floats(rng_, size_t(n_tokens) * m.n_rows)
                   : std::vector<float>(size_t(n_tokens) * m.n_rows, 0.0f);
    const vk::Buffer yb = upload_floats(*ctx_, y0);
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    kernels::matmul(*ctx_, seq, w.view(), vk::BufferView{&xb}, vk::BufferView{&yb}, n_tokens,
                    max_binding_bytes, output, block, output_scale);
    seq.run();
    const std::vector<float> y = ctx_->download<float>(vk::BufferView{&yb}, size_t(n_tokens) * m.n_rows);
    std::vector<double> ref(size_t(n_tokens) * m.n_rows, 0.0);
    for (uint32_t t = 0; t < n_tokens; ++t) {
      for (uint32_t r = 0; r < m.n_rows; ++r) {
        double s = 0.0;
        for (uint32_t c = 0; c < m.n_cols; ++c) {
          s += double(m.decoded[size_t(r) * m.n_cols + c]) * x[size_t(t) * m.n_cols + c];
        }
        ref[size_t(t) * m.n_rows + r] =
            output_scale * s + (accumulate ? y0[size_t(t) * m.n_rows + r] : 0.0);
      }
    }
    return sikao::test::relative_error(y, ref);
  }

  double run_get_rows(const HostMatrix& m, const std::vector<uint32_t>& ids, uint64_t max_binding_bytes) {
    const DeviceMatrix w(*ctx_, m);
    vk::Buffer ib = ctx_->create_buffer(ids.size() * sizeof(uint32_t));
    ctx_->upload(vk::BufferView{&ib}, std::span<const uint32_t>(ids));
    const size_t n = ids.size() * m.n_cols;
    const vk::Buffer ob = ctx_->create_buffer(n * sizeof(float));
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    kernels::get_rows(*ctx_, seq, w.view(), vk::BufferView{&ib}, vk::BufferView{&ob},
                      static_cast<uint32_t>(ids.size()), max_binding_bytes);
    seq.run();
    const std::vector<float> out = ctx_->download<float>(vk::BufferView{&ob}, n);
    std::vector<float> ref(n);
    for (size_t i = 0; i < ids.size(); ++i) {
      std::copy_n(m.decoded.begin() + size_t(ids[i]) * m.n_cols, m.n_cols, ref.begin() + i * m.n_cols);
    }
    return sikao::test::relative_error(out, ref);
  }

  double run_dequantize(const HostMatrix& m, uint64_t max_binding_bytes) {
    const DeviceMatrix w(*ctx_, m);
    const vk::Buffer ob = ctx_->create_buffer(m.decoded.size() * sizeof(float));
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    kernels::dequantize(*ctx_, seq, w.view(), vk::BufferView{&ob}, max_binding_bytes);
    seq.run();
    const std::vector<float> out = ctx_->download<float>(vk::BufferView{&ob}, m.decoded.size());
    return sikao::test::relative_error(out, m.decoded);
  }

  void check(const char* operation, const QString& what, double err, double tolerance = k_tolerance) {
    qInfo("%-10s %-36s error %.3g", operation, qPrintable(what), err);
    QVERIFY2(err <= tolerance, qPrintable(QString("%1 %2: error %3 > %4")
                                              .arg(operation, what).arg(err).arg(tolerance)));
  }

  void check_fused(const QString& what, double err) { check("matvec", what, err, k_fused_tolerance); }

 private slots:
  void initTestCase() {
    const uint64_t seed = sikao::test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(seed));
    rng_.seed(seed);
    ctx_ = std::make_unique<vk::Context>();
    qInfo("device: %s (subgroup size %u, subgroup arithmetic %s, max storage buffer range %llu)",
          ctx_->info().name.c_str(), ctx_->info().subgroup_size,
          ctx_->info().subgroup_arithmetic ? "yes" : "no",
          static_cast<unsigned long long>(ctx_->info().max_storage_buffer_range));
  }

  void dequantize_matches_reference_for_every_type() {
    for (TensorType t : k_all_types) {
      for (uint32_t n_cols : row_lengths(t)) {
        const HostMatrix m = random_matrix(rng_, t, 37, n_cols);
        check("dequantize", label(m), run_dequantize(m, 0));
      }
    }
  }

  void matvec_matches_reference_for_every_type() {
    for (TensorType t : k_all_types) {
      for (uint32_t n_cols : row_lengths(t)) {
        for (uint32_t n_rows : k_row_counts) {
          const HostMatrix m = random_matrix(rng_, t, n_rows, n_cols);
          check("matvec", label(m), run_matvec(m, 0));
        }
      }
    }
  }

  void matvec_shared_memory_fallback_matches_reference() {
    // The variant for devices without subgroup arithmetic, pinned here so every device runs it.
    for (TensorType t : k_all_types) {
      const HostMatrix m = random_matrix(rng_, t, 37, row_lengths(t).back());
      check("matvec", label(m) + " shared", run_matvec(m, 0, kernels::MatvecReduction::SharedMemory));
    }
  }

  void matvec_subgroup_kernel_matches_reference_for_every_type() {
    // Pinned, so that a CPU device (where Auto picks the row-per-invocation kernel for some
    // types) still runs the GPU kernel for every type.
    if (!ctx_->info().subgroup_arithmetic) QSKIP("no subgroup arithmetic");
    for (TensorType t : k_all_types) {
      const HostMatrix m = random_matrix(rng_, t, 37, row_lengths(t).back());
      check("matvec", label(m) + " subgroup", run_matvec(m, 0, kernels::MatvecReduction::Subgroup));
      const HostMatrix pairs = random_matrix(rng_, t, 38, row_lengths(t).back());
      const FusedCase f{true, true, kernels::MatvecOutput::SwiGlu};
      check_fused(label(pairs) + " subgroup " + fusion_label(f),
                  run_fused_matvec(pairs, f, 0, kernels::MatvecReduction::Subgroup));
    }
  }

  void matvec_row_per_invocation_matches_reference() {
    // Rows of 16-byte multiples (ROW_ALIGNMENT 16: Q4_K, and the offset-0 windows of split
    // matrices) and rows that start anywhere on 2-byte boundaries (34- and 210-byte blocks, the
    // matrix 34 bytes into its buffer): both load paths.
    for (TensorType t : k_row_per_invocation_types) {
      if (!kernels::row_per_invocation_applies(ctx_->info(), t)) QSKIP("no row-per-invocation matvec here");
      for (uint32_t n_cols : row_lengths(t)) {
        for (uint32_t n_rows : k_row_counts) {
          const HostMatrix m = random_matrix(rng_, t, n_rows, n_cols);
          check("matvec", label(m) + " rows", run_matvec(m, 0, kernels::MatvecReduction::RowPerInvocation));
        }
      }
      const HostMatrix m = random_matrix(rng_, t, 43, row_lengths(t).back());
      check("matvec", label(m) + " rows split",
            run_matvec(m, small_binding_limit(*ctx_, m), kernels::MatvecReduction::RowPerInvocation));
    }
  }

  void matvec_row_per_invocation_matches_reference_at_every_row_alignment() {
    // Rows whose starts are multiples of 2, 4, 8 or 16 bytes (the kernel's ALIGNMENT: its load
    // paths), from the row length and the matrix's offset in its buffer; rows of several blocks
    // (Q6_K: the second block of a 4-aligned row is 2-aligned).
    struct Case {
      TensorType type;
      uint32_t n_cols;  // row bytes: F32 4·k, F16 2·k, Q8_0 68·k / 34·k, Q4_0 18·k, Q5_0 22·k,
                        // Q4_K 144·k, Q5_K 176·k, Q6_K 210·k
    };
    const Case cases[] = {{TensorType::F32, 4},    {TensorType::F32, 8},     {TensorType::F32, 132},
                          {TensorType::F16, 4},    {TensorType::F16, 8},     {TensorType::F16, 136},
                          {TensorType::F16, 520},  {TensorType::Q8_0, 64},   {TensorType::Q8_0, 128},
                          {TensorType::Q8_0, 256}, {TensorType::Q8_0, 160},  {TensorType::Q4_0, 32},
                          {TensorType::Q4_0, 64},  {TensorType::Q4_0, 128},  {TensorType::Q4_0, 256},
                          {TensorType::Q5_0, 64},  {TensorType::Q5_0, 128},  {TensorType::Q5_0, 256},
                          {TensorType::Q4_K, 512}, {TensorType::Q5_K, 256},  {TensorType::Q5_K, 512},
                          {TensorType::Q6_K, 512}, {TensorType::Q6_K, 2048}};
    for (const Case& c : cases) {
      if (!kernels::row_per_invocation_applies(ctx_->info(), c.type)) QSKIP("no row-per-invocation matvec here");
      for (const uint64_t offset : {0u, 34u, 36u, 40u, 48u}) {
        const HostMatrix m = random_matrix(rng_, c.type, 37, c.n_cols);
        check("matvec", label(m) + QString(" rows at byte %1").arg(offset),
              run_matvec(m, 0, kernels::MatvecReduction::RowPerInvocation, offset));
      }
    }
  }

  void matvec_row_per_invocation_fusions_match_reference() {
    const FusedCase cases[] = {
        {true, false, kernels::MatvecOutput::Store},   {true, true, kernels::MatvecOutput::Store},
        {false, false, kernels::MatvecOutput::Accumulate}, {true, false, kernels::MatvecOutput::SwiGlu},
        {true, false, kernels::MatvecOutput::GeGlu},   {true, true, kernels::MatvecOutput::SwiGluOai},
        {false, true, kernels::MatvecOutput::SwiGlu},  {true, true, kernels::MatvecOutput::Store, 0.125f},
    };
    for (TensorType t : k_row_per_invocation_types) {
      if (!kernels::row_per_invocation_applies(ctx_->info(), t)) QSKIP("no row-per-invocation matvec here");
      for (uint32_t n_rows : {22u, 130u}) {
        const HostMatrix m = random_matrix(rng_, t, n_rows, row_lengths(t).back());
        for (const FusedCase& f : cases) {
          check_fused(label(m) + " rows " + fusion_label(f),
                      run_fused_matvec(m, f, 0, kernels::MatvecReduction::RowPerInvocation));
        }
      }
    }
  }

  void matvec_fusions_match_reference_for_every_type() {
    // What the decode step uses (norm + SwiGLU for gate/up, norm (+ bias) for q/k/v and the
    // output, accumulate for the residual adds) and each fusion alone. Even row counts (SwiGLU
    // pairs) that fill no workgroup evenly.
    const FusedCase cases[] = {
        {true, false, kernels::MatvecOutput::Store},   {false, true, kernels::MatvecOutput::Store},
        {true, true, kernels::MatvecOutput::Store},    {false, false, kernels::MatvecOutput::Accumulate},
        {false, false, kernels::MatvecOutput::SwiGlu}, {true, false, kernels::MatvecOutput::SwiGlu},
        {true, false, kernels::MatvecOutput::GeGlu},
        {true, true, kernels::MatvecOutput::SwiGluOai},  {false, true, kernels::MatvecOutput::SwiGlu},
        {false, false, kernels::MatvecOutput::Accumulate, 0.22f},
        {true, true, kernels::MatvecOutput::Store, 0.125f},
    };
    for (TensorType t : k_all_types) {
      for (uint32_t n_cols : row_lengths(t)) {
        for (uint32_t n_rows : {22u, 38u, 130u}) {
          const HostMatrix m = random_matrix(rng_, t, n_rows, n_cols);
          for (const FusedCase& f : cases) {
            check_fused(label(m) + " " + fusion_label(f), run_fused_matvec(m, f, 0));
          }
        }
      }
    }
  }

  void matvec_fusions_shared_memory_fallback_match_reference() {
    for (TensorType t : k_all_types) {
      const HostMatrix m = random_matrix(rng_, t, 38, row_lengths(t).back());
      for (const FusedCase& f : {FusedCase{true, true, kernels::MatvecOutput::Store},
                                 FusedCase{false, false, kernels::MatvecOutput::Accumulate},
                                 FusedCase{true, false, kernels::MatvecOutput::SwiGlu},
                                 FusedCase{true, false, kernels::MatvecOutput::GeGlu},
                                 FusedCase{true, true, kernels::MatvecOutput::SwiGluOai}}) {
        check_fused(label(m) + " shared " + fusion_label(f),
                    run_fused_matvec(m, f, 0, kernels::MatvecReduction::SharedMemory));
      }
    }
  }

  void swiglu_matvec_never_splits_a_gate_up_pair() {
    // A binding limit of about three rows: windows hold one pair each, never a lone gate row.
    for (TensorType t : {TensorType::F32, TensorType::Q4_0, TensorType::Q4_K, TensorType::Q6_K, TensorType::MXFP4}) {
      const HostMatrix m = random_matrix(rng_, t, 42, row_lengths(t)[1]);
      const uint64_t limit = small_binding_limit(*ctx_, m);
      check_fused(label(m) + " split norm+swiglu",
                  run_fused_matvec(m, {true, false, kernels::MatvecOutput::SwiGlu}, limit));
      check_fused(label(m) + " split norm+bias",
                  run_fused_matvec(m, {true, true, kernels::MatvecOutput::Store}, limit));
      check_fused(label(m) + " split norm+bias+swiglu_oai",
                  run_fused_matvec(m, {true, true, kernels::MatvecOutput::SwiGluOai}, limit));
    }
  }

  void rejects_swiglu_matvec_with_odd_rows_or_scale() {
    vk::Buffer b = ctx_->create_buffer(4096);
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    const vk::BufferView v{&b};
    const kernels::WeightMatrix odd{v, TensorType::F32, 3, 64};
    QVERIFY_THROWS_EXCEPTION(sikao::Error,
                             kernels::matvec(*ctx_, seq, odd, v, v, {{}, {}, kernels::MatvecOutput::SwiGlu}));
    const kernels::WeightMatrix even{v, TensorType::F32, 4, 64};
    QVERIFY_THROWS_EXCEPTION(sikao::Error,
                             kernels::matvec(*ctx_, seq, even, v, v,
                                             {{}, {}, kernels::MatvecOutput::SwiGlu, 0.5f}));
    seq.end();
  }

  void matmul_accumulate_matches_reference_for_every_type() {
    for (TensorType t : k_all_types) {
      const HostMatrix m = random_matrix(rng_, t, 37, row_lengths(t)[1]);
      check("matmul", label(m) + " accumulate ×5 tok",
            run_matmul(m, 5, 0, kernels::MatmulOutput::Accumulate));
      check("matmul", label(m) + " accumulate×0.22 ×5 tok",
            run_matmul(m, 5, 0, kernels::MatmulOutput::Accumulate,
                       kernels::MatmulThreadBlock::Auto, 0.22f));
    }
  }

  void matmul_matches_reference_for_every_type() {
    for (TensorType t : k_all_types) {
      const uint32_t n_cols = row_lengths(t)[1];
      // Token counts for every tile width (4, 8, 16, 32, 64), full and padded, and two tiles;
      // with the GPU and the CPU-device thread blocks, whichever device runs the test.
      for (auto [n_rows, n_tokens] : {std::pair{19u, 3u}, std::pair{37u, 5u}, std::pair{1u, 7u},
                                      std::pair{70u, 16u}, std::pair{66u, 29u}, std::pair{131u, 67u}}) {
        const HostMatrix m = random_matrix(rng_, t, n_rows, n_cols);
        for (auto [block, name] : {std::pair{kernels::MatmulThreadBlock::Gpu, "gpu"},
                                   std::pair{kernels::MatmulThreadBlock::Cpu, "cpu"}}) {
          check("matmul", label(m) + QString(" ×%1 tok, %2 block").arg(n_tokens).arg(name),
                run_matmul(m, n_tokens, 0, kernels::MatmulOutput::Store, block));
        }
      }
    }
  }

  void matmul_rows_per_invocation_matches_reference() {
    // matmul_cpu.comp (each invocation whole rows, 8 tokens per dispatch) where it applies:
    // token counts below, at and past a dispatch's 8, row lengths with a partial last chunk of
    // 128 columns and with whole ones (K-quants: whole blocks always), rows past a workgroup's
    // 64, the residual add and scale, and windows of a few rows.
    const vk::DeviceInfo& info = ctx_->info();
    int checked = 0;
    for (TensorType t : k_all_types) {
      const bool k_quant = sikao::gguf::traits(t).block_size == 256;
      for (uint32_t n_cols : {row_lengths(t)[1], k_quant ? 0u : 512u}) {
        if (n_cols == 0 || !kernels::row_per_invocation_matmul_applies(info, t, n_cols)) {
          continue;
        }
        for (auto [n_rows, n_tokens] : {std::pair{19u, 1u}, std::pair{70u, 8u}, std::pair{131u, 17u}}) {
          const HostMatrix m = random_matrix(rng_, t, n_rows, n_cols);
          check("matmul", label(m) + QString(" ×%1 tok, rows").arg(n_tokens),
                run_matmul(m, n_tokens, 0, kernels::MatmulOutput::Store,
                           kernels::MatmulThreadBlock::RowsPerInvocation));
        }
        const HostMatrix m = random_matrix(rng_, t, 43, n_cols);
        check("matmul", label(m) + " accumulate×0.22 ×11 tok, rows",
              run_matmul(m, 11, 0, kernels::MatmulOutput::Accumulate,
                         kernels::MatmulThreadBlock::RowsPerInvocation, 0.22f));
        check("matmul", label(m) + " split ×9 tok, rows",
              run_matmul(m, 9, small_binding_limit(*ctx_, m), kernels::MatmulOutput::Store,
                         kernels::MatmulThreadBlock::RowsPerInvocation));
        ++checked;
      }
    }
    if (info.type == vk::DeviceType::Cpu) {
      QCOMPARE(checked, 9);  // six types, the three of 32-weight blocks with two row lengths
    }
  }

  void get_rows_matches_reference_for_every_type() {
    for (TensorType t : k_all_types) {
      const HostMatrix m = random_matrix(rng_, t, 50, row_lengths(t)[1]);
      std::uniform_int_distribution<uint32_t> pick(0, m.n_rows - 1);
      std::vector<uint32_t> ids = {0, m.n_rows - 1, 7, 7};  // both ends, and a repeat
      for (int i = 0; i < 9; ++i) {
        ids.push_back(pick(rng_));
      }
      check("get_rows", label(m) + QString(" %1 ids").arg(ids.size()), run_get_rows(m, ids, 0));
    }
  }

  void kernels_split_tensors_larger_than_a_binding() {
    // A binding limit of about three rows forces ~15 windows, each starting at an aligned offset
    // before its first row; the results must not change.
    for (TensorType t : {TensorType::F16, TensorType::Q4_0, TensorType::Q5_1, TensorType::Q3_K, TensorType::Q6_K,
                         TensorType::MXFP4}) {
      const HostMatrix m = random_matrix(rng_, t, 43, row_lengths(t)[1]);
      const uint64_t limit = small_binding_limit(*ctx_, m);
      check("dequantize", label(m) + " split", run_dequantize(m, limit));
      check("matvec", label(m) + " split", run_matvec(m, limit));
      check("matmul", label(m) + " split ×9 tok", run_matmul(m, 9, limit));
      std::vector<uint32_t> ids = {42, 0, 20, 21, 3, 42};
      check("get_rows", label(m) + " split", run_get_rows(m, ids, limit));
    }
  }

  void row_windows_cover_every_row_with_legal_bindings() {
    vk::DeviceInfo info = ctx_->info();
    info.max_storage_buffer_range = 1000;
    info.min_storage_buffer_offset_alignment = 64;
    const vk::Buffer b = ctx_->create_buffer(34 + 3600);
    // Q4_0 rows of 64 weights are 36 bytes; the matrix starts at byte 34 of its buffer.
    const kernels::WeightMatrix w{vk::BufferView{&b, 34, 3600}, TensorType::Q4_0, 100, 64};
    const auto windows = kernels::row_windows(info, w, 0);
    QCOMPARE(windows.size(), size_t(4));  // (1000 − 64) / 36 = 26 rows each
    uint32_t next_row = 0;
    for (const kernels::RowWindow& win : windows) {
      QCOMPARE(win.row_begin, next_row);
      QCOMPARE(win.binding.offset % 64, uint64_t(0));
      QCOMPARE(win.binding.offset + win.weight_offset, 34 + uint64_t(win.row_begin) * 36);
      QCOMPARE(win.binding.size, uint64_t(win.weight_offset) + uint64_t(win.n_rows) * 36);
      QVERIFY(win.binding.size <= 1000);
      next_row += win.n_rows;
    }
    QCOMPARE(next_row, 100u);
    // A caller's smaller limit wins over the device's.
    QCOMPARE(kernels::row_windows(info, w, 64 + 36 * 10).size(), size_t(10));
  }

  void row_windows_of_odd_sized_rows_end_on_whole_words() {
    // MXFP4 rows of 96 weights are 51 bytes; from byte 33 of an odd-sized buffer, rows start on
    // odd and even bytes and end on either. Each binding must cover its rows, stay within the
    // limit, and end on a whole 16-bit word (the shaders read words).
    vk::DeviceInfo info = ctx_->info();
    info.max_storage_buffer_range = 1000;
    info.min_storage_buffer_offset_alignment = 64;
    const vk::Buffer b = ctx_->create_buffer(33 + 51 * 100);
    QCOMPARE(b.size(), uint64_t(33 + 51 * 100 + 1));  // rounded up to whole words
    const kernels::WeightMatrix w{vk::BufferView{&b, 33, 51 * 100}, TensorType::MXFP4, 100, 96};
    uint32_t next_row = 0;
    for (const kernels::RowWindow& win : kernels::row_windows(info, w, 0)) {
      QCOMPARE(win.row_begin, next_row);
      QCOMPARE(win.binding.offset % 64, uint64_t(0));
      QCOMPARE(win.binding.offset + win.weight_offset, 33 + uint64_t(win.row_begin) * 51);
      QVERIFY(win.binding.size >= uint64_t(win.weight_offset) + uint64_t(win.n_rows) * 51);
      QCOMPARE(win.binding.size % 2, uint64_t(0));
      QVERIFY(win.binding.size <= 1000);
      next_row += win.n_rows;
    }
    QCOMPARE(next_row, 100u);
  }

  void rejects_rows_the_kernels_cannot_take() {
    vk::Buffer b = ctx_->create_buffer(1024);
    vk::Sequence seq = ctx_->create_sequence();
    seq.begin();
    const vk::BufferView v{&b};
    // F32 rows of 6 weights: not a multiple of the 4 weights each thread decodes.
    const kernels::WeightMatrix f32_rows_of_6{v, TensorType::F32, 2, 6};
    QVERIFY_THROWS_EXCEPTION(sikao::Error, kernels::matvec(*ctx_, seq, f32_rows_of_6, v, v));
    // Q4_K rows of 128 weights: not whole super-blocks.
    const kernels::WeightMatrix q4_k_rows_of_128{v, TensorType::Q4_K, 2, 128};
    QVERIFY_THROWS_EXCEPTION(sikao::Error, kernels::matvec(*ctx_, seq, q4_k_rows_of_128, v, v));
    // A type without GPU kernels.
    const kernels::WeightMatrix q8_k{v, TensorType::Q8_K, 2, 256};
    QVERIFY_THROWS_EXCEPTION(sikao::Error, kernels::get_rows(*ctx_, seq, q8_k, v, v, 1));
    // A buffer view smaller than the matrix (2 rows of 272 bytes in 1024 − 600).
    const kernels::WeightMatrix past_end{vk::BufferView{&b, 600}, TensorType::Q8_0, 2, 256};
    QVERIFY_THROWS_EXCEPTION(sikao::Error, kernels::matvec(*ctx_, seq, past_end, v, v));
    // A binding limit smaller than one row.
    const kernels::WeightMatrix q8_0{v, TensorType::Q8_0, 2, 256};
    QVERIFY_THROWS_EXCEPTION(sikao::Error, kernels::matvec(*ctx_, seq, q8_0, v, v, 64));
    seq.end();
  }

  void cleanupTestCase() { ctx_.reset(); }
};

QTEST_APPLESS_MAIN(TestQuantKernels)
#include "tst_quant_kernels.moc"
