// RMSNorm, softmax, SiLU·mul (separate and interleaved gate/up) and RoPE on the GPU against the double-precision references, on
// fresh random data (the seed is printed; SIKAO_TEST_SEED replays it). Tolerance for these f32
// paths: ‖gpu − ref‖ / ‖ref‖ <= 1e-5.

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <random>

#include "common/error.h"
#include "kernels/activation.h"
#include "kernels/norm.h"
#include "kernels/rope.h"
#include "kernels/softmax.h"
#include "kernels_ops/gpu_helpers.h"
#include "kernels_ops/reference.h"
#include "support/test_support.h"

using namespace sikao;
using namespace sikao::test::ops;
using kernels::Reduction;

Q_DECLARE_METATYPE(kernels::Reduction)
Q_DECLARE_METATYPE(kernels::RopeOrdering)
Q_DECLARE_METATYPE(kernels::GateActivation)

namespace {

constexpr double k_f32_tolerance = 1e-5;

void add_reductions_column() { QTest::addColumn<Reduction>("reduction"); }


}  // namespace

class TestOpsRowwise : public QObject {
  Q_OBJECT

 private:
  std::optional<vk::Context> ctx_;
  std::mt19937_64 rng_;

  std::vector<Reduction> reductions() const { return test::ops::reductions(*ctx_); }

  void report(const char* what, double error) { qInfo("%s: relative error %.3g", what, error); }

 private slots:
  void initTestCase() {
    const uint64_t seed = test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(seed));
    rng_.seed(seed);
    ctx_.emplace();
  }

  void rms_norm_matches_reference_data() {
    QTest::addColumn<uint32_t>("rows");
    QTest::addColumn<uint32_t>("n");
    add_reductions_column();
    // n: head dims (8, 64, 128), awkward lengths (1, 7, 100, 257, 1000), an embedding (4096);
    // 70000 rows: more than one grid dimension holds (65535), so the grid is folded to 2-D.
    const std::pair<uint32_t, uint32_t> sizes[] = {{1, 1},    {3, 7},    {40, 8},  {5, 64},
                                                   {9, 100},  {16, 128}, {2, 257}, {3, 1000},
                                                   {2, 4096}, {70000, 3}};
    for (Reduction r : reductions()) {
      for (auto [rows, n] : sizes) {
        QTest::addRow("%s_%ux%u", name(r), rows, n) << rows << n << r;
      }
    }
  }
  void rms_norm_matches_reference() {
    QFETCH(uint32_t, rows);
    QFETCH(uint32_t, n);
    QFETCH(Reduction, reduction);
    const float eps = 1e-5f;
    const auto x = test::random_floats(rng_, size_t(rows) * n, 2.0f);
    const auto weight = test::random_floats(rng_, n, 1.0f);
    auto x_buf = device_buffer(*ctx_, x);
    auto w_buf = device_buffer(*ctx_, weight);
    auto out_buf = ctx_->create_buffer(x.size() * sizeof(float));
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::rms_norm(*ctx_, seq, x_buf.view(), w_buf.view(), out_buf.view(), rows, n, eps,
                      reduction);
    seq.run();
    const auto gpu = read_back<float>(*ctx_, out_buf, x.size());
    const double error = test::relative_error(gpu, rms_norm(x, weight, rows, n, eps));
    report(QTest::currentDataTag(), error);
    QVERIFY2(error <= k_f32_tolerance, qPrintable(QString::number(error)));
  }

  void add_rms_norm_matches_reference_data() {
    QTest::addColumn<uint32_t>("rows");
    QTest::addColumn<uint32_t>("n");
    QTest::addColumn<bool>("in_place");
    add_reductions_column();
    const std::pair<uint32_t, uint32_t> sizes[] = {{1, 1}, {3, 64}, {2, 257}, {4, 2048}};
    for (Reduction r : reductions()) {
      for (auto [rows, n] : sizes) {
        for (bool in_place : {false, true}) {
          QTest::addRow("%s_%ux%u%s", name(r), rows, n, in_place ? "_in_place" : "")
              << rows << n << in_place << r;
        }
      }
    }
  }
  void add_rms_norm_matches_reference() {
    QFETCH(uint32_t, rows);
    QFETCH(uint32_t, n);
    QFETCH(bool, in_place);
    QFETCH(Reduction, reduction);
    const float eps = 1e-6f;
    const auto x = test::random_floats(rng_, size_t(rows) * n, 2.0f);
    const auto residual = test::random_floats(rng_, x.size(), 1.0f);
    const auto weight = test::random_floats(rng_, n, 1.0f);
    std::vector<float> sum_ref_f(x.size());
    std::vector<double> sum_ref(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
      sum_ref[i] = double(x[i]) + residual[i];
      sum_ref_f[i] = x[i] + residual[i];  // exactly what the GPU stores: one f32 rounding
    }
    auto x_buf = device_buffer(*ctx_, x);
    auto r_buf = device_buffer(*ctx_, residual);
    auto w_buf = device_buffer(*ctx_, weight);
    auto sum_buf = ctx_->create_buffer(x.size() * sizeof(float));
    auto out_buf = ctx_->create_buffer(x.size() * sizeof(float));
    const vk::Buffer& sum_target = in_place ? x_buf : sum_buf;
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::add_rms_norm(*ctx_, seq, x_buf.view(), r_buf.view(), w_buf.view(), sum_target.view(),
                          out_buf.view(), rows, n, eps, reduction);
    seq.run();
    const double sum_error =
        test::relative_error(read_back<float>(*ctx_, sum_target, x.size()), sum_ref);
    QVERIFY2(sum_error <= k_f32_tolerance, qPrintable(QString::number(sum_error)));
    const double error = test::relative_error(read_back<float>(*ctx_, out_buf, x.size()),
                                              rms_norm(sum_ref_f, weight, rows, n, eps));
    report(QTest::currentDataTag(), error);
    QVERIFY2(error <= k_f32_tolerance, qPrintable(QString::number(error)));
  }

  void rms_norm_works_in_place() {
    const uint32_t rows = 4, n = 300;
    const auto x = test::random_floats(rng_, size_t(rows) * n);
    const auto weight = test::random_floats(rng_, n);
    auto x_buf = device_buffer(*ctx_, x);
    auto w_buf = device_buffer(*ctx_, weight);
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::rms_norm(*ctx_, seq, x_buf.view(), w_buf.view(), x_buf.view(), rows, n, 1e-6f);
    seq.run();
    const double error = test::relative_error(read_back<float>(*ctx_, x_buf, x.size()),
                                              rms_norm(x, weight, rows, n, 1e-6));
    QVERIFY2(error <= k_f32_tolerance, qPrintable(QString::number(error)));
  }

  void rms_norm_uses_eps() {
    // A row of zeros except tiny values: the result is dominated by eps, so a shader that
    // dropped or mis-scaled it fails.
    const uint32_t n = 33;
    std::vector<float> x(n, 1e-4f);
    const std::vector<float> weight(n, 1.0f);
    auto x_buf = device_buffer(*ctx_, x);
    auto w_buf = device_buffer(*ctx_, weight);
    auto out_buf = ctx_->create_buffer(n * sizeof(float));
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::rms_norm(*ctx_, seq, x_buf.view(), w_buf.view(), out_buf.view(), 1, n, 1e-6f);
    seq.run();
    const double error =
        test::relative_error(read_back<float>(*ctx_, out_buf, n), rms_norm(x, weight, 1, n, 1e-6));
    QVERIFY2(error <= k_f32_tolerance, qPrintable(QString::number(error)));
  }

  void softmax_matches_reference_data() {
    QTest::addColumn<uint32_t>("rows");
    QTest::addColumn<uint32_t>("n");
    QTest::addColumn<float>("scale");
    add_reductions_column();
    const std::tuple<uint32_t, uint32_t, float> cases[] = {
        {1, 1, 1.0f},   {4, 2, 1.0f},    {7, 31, 0.125f}, {3, 100, 1.0f},
        {5, 257, 3.0f}, {2, 1000, 1.0f}, {2, 5000, 0.5f}, {66000, 2, 1.0f}};
    for (Reduction r : reductions()) {
      for (auto [rows, n, scale] : cases) {
        QTest::addRow("%s_%ux%u_scale%g", name(r), rows, n, scale) << rows << n << scale << r;
      }
    }
  }
  void softmax_matches_reference() {
    QFETCH(uint32_t, rows);
    QFETCH(uint32_t, n);
    QFETCH(float, scale);
    QFETCH(Reduction, reduction);
    // Offsets of +-50 would overflow exp without the max subtraction.
    auto x = test::random_floats(rng_, size_t(rows) * n, 3.0f);
    for (uint32_t r = 0; r < rows; ++r) {
      for (uint32_t i = 0; i < n; ++i) x[size_t(r) * n + i] += (r % 2 ? 50.0f : -50.0f) / scale;
    }
    auto x_buf = device_buffer(*ctx_, x);
    auto out_buf = ctx_->create_buffer(x.size() * sizeof(float));
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::softmax(*ctx_, seq, x_buf.view(), out_buf.view(), rows, n, scale, reduction);
    seq.run();
    const auto gpu = read_back<float>(*ctx_, out_buf, x.size());
    const double error = test::relative_error(gpu, softmax(x, rows, n, scale));
    report(QTest::currentDataTag(), error);
    QVERIFY2(error <= k_f32_tolerance, qPrintable(QString::number(error)));
  }

  void gated_activation_matches_reference_data() {
    QTest::addColumn<kernels::GateActivation>("act");
    QTest::addColumn<uint32_t>("n");
    const std::pair<kernels::GateActivation, const char*> acts[] = {
        {kernels::GateActivation::Silu, "silu"},
        {kernels::GateActivation::Gelu, "gelu"},
        {kernels::GateActivation::SwiGluOai, "swiglu_oai"}};
    for (const auto& [act, act_name] : acts) {
      for (uint32_t n : {1u, 255u, 256u, 1000u, 11008u, 100003u}) {
        QTest::addRow("%s %u", act_name, n) << act << n;
      }
    }
  }
  void gated_activation_matches_reference() {
    QFETCH(kernels::GateActivation, act);
    QFETCH(uint32_t, n);
    // Gates up to ±12: the tanh of GELU is clamped at 15, past every such gate; gpt-oss's clamp
    // at ±7 cuts many gates and (with ups of stddev 4) ups.
    const bool oai = act == kernels::GateActivation::SwiGluOai;
    const auto gate = test::random_floats(rng_, n, 12.0f);
    const auto up = test::random_floats(rng_, n, oai ? 4.0f : 1.0f);
    const auto expected = act == kernels::GateActivation::Silu   ? silu_mul(gate, up)
                          : act == kernels::GateActivation::Gelu ? gelu_mul(gate, up)
                                                                 : swiglu_oai(gate, up);
    auto g_buf = device_buffer(*ctx_, gate);
    auto u_buf = device_buffer(*ctx_, up);
    auto out_buf = ctx_->create_buffer(n * sizeof(float));
    std::vector<float> gate_up;
    for (uint32_t i = 0; i < n; ++i) {
      gate_up.push_back(gate[i]);
      gate_up.push_back(up[i]);
    }
    auto gu_buf = device_buffer(*ctx_, gate_up);
    auto out2_buf = ctx_->create_buffer(n * sizeof(float));
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::gated_activation(*ctx_, seq, act, g_buf.view(), u_buf.view(), out_buf.view(), n);
    kernels::gated_activation_interleaved(*ctx_, seq, act, gu_buf.view(), out2_buf.view(), n);
    seq.run();
    // In units of |gate · up| (|gate'| · |up' + 1| for gpt-oss), the largest the product can be:
    // GELU's 1 + tanh(…) cancels for negative gates, so a single far-negative gate is a tiny
    // value that f32 gets right to 1e-7 · |gate · up| and a relative error would call wrong
    // (seed 12784540299223: gelu of one element, relative error 1).
    std::vector<double> magnitude(n);
    for (uint32_t i = 0; i < n; ++i) {
      magnitude[i] = oai ? std::abs(std::min(double(gate[i]), 7.0) * (std::clamp(double(up[i]), -7.0, 7.0) + 1.0))
                         : std::abs(double(gate[i]) * up[i]);
    }
    const double error = test::scaled_error(read_back<float>(*ctx_, out_buf, n), expected, magnitude);
    const double error2 = test::scaled_error(read_back<float>(*ctx_, out2_buf, n), expected, magnitude);
    report(QTest::currentDataTag(), std::max(error, error2));
    QVERIFY2(error <= k_f32_tolerance, qPrintable(QString::number(error)));
    QVERIFY2(error2 <= k_f32_tolerance, qPrintable(QString::number(error2)));
  }

  void softcap_matches_reference() {
    for (const uint32_t n : {1u, 257u, 150001u}) {
      // Logits far past the cap too (±4 cap): tanh saturates without inf / inf.
      const auto x = test::random_floats(rng_, n, 120.0f);
      auto buf = device_buffer(*ctx_, x);
      auto seq = ctx_->create_sequence();
      seq.begin();
      kernels::softcap(*ctx_, seq, buf.view(), n, 30.0f);
      seq.run();
      const double error = test::relative_error(read_back<float>(*ctx_, buf, n), softcap(x, 30.0));
      QVERIFY2(error <= k_f32_tolerance, qPrintable(QString("%1: %2").arg(n).arg(error)));
    }
    auto buf = ctx_->create_buffer(16);
    auto seq = ctx_->create_sequence();
    seq.begin();
    QVERIFY_THROWS_EXCEPTION(Error, kernels::softcap(*ctx_, seq, buf.view(), 4, 0.0f));
    seq.end();
  }

  void rope_matches_reference_data() {
    QTest::addColumn<kernels::RopeOrdering>("ordering");
    QTest::addColumn<uint32_t>("n_tokens");
    QTest::addColumn<uint32_t>("n_heads");
    QTest::addColumn<uint32_t>("n_kv_heads");
    QTest::addColumn<uint32_t>("head_dim");
    QTest::addColumn<uint32_t>("n_rot");
    QTest::addColumn<double>("base");
    QTest::addColumn<uint32_t>("first_position");
    struct Case {
      uint32_t tokens, heads, kv_heads, dim, rot;
      double base;
      uint32_t p0;
    };
    const Case cases[] = {
        {1, 8, 4, 8, 8, 10000.0, 0},  // stories260K-like, decode at 0
        {5, 6, 2, 16, 16, 10000.0, 17},
        {3, 4, 4, 64, 64, 10000.0, 4000},      // far positions: f32 angles would fail
        {7, 14, 2, 64, 64, 1000000.0, 300},    // qwen2-like base
        {2, 32, 8, 128, 128, 500000.0, 8000},  // llama3-like
        {4, 5, 1, 96, 32, 10000.0, 9},         // partial rotation
        {3, 3, 0, 32, 32, 10000.0, 2},         // q only
    };
    for (auto ordering : {kernels::RopeOrdering::Normal, kernels::RopeOrdering::NeoX}) {
      for (const Case& c : cases) {
        QTest::addRow("%s_t%u_h%u_kv%u_d%u_rot%u_base%g_p%u",
                      ordering == kernels::RopeOrdering::Normal ? "normal" : "neox", c.tokens,
                      c.heads, c.kv_heads, c.dim, c.rot, c.base, c.p0)
            << ordering << c.tokens << c.heads << c.kv_heads << c.dim << c.rot << c.base << c.p0;
      }
    }
  }
  void rope_matches_reference() {
    QFETCH(kernels::RopeOrdering, ordering);
    QFETCH(uint32_t, n_tokens);
    QFETCH(uint32_t, n_heads);
    QFETCH(uint32_t, n_kv_heads);
    QFETCH(uint32_t, head_dim);
    QFETCH(uint32_t, n_rot);
    QFETCH(double, base);
    QFETCH(uint32_t, first_position);
    const auto q = test::random_floats(rng_, size_t(n_tokens) * n_heads * head_dim);
    const auto k =
        test::random_floats(rng_, size_t(n_tokens) * std::max(n_kv_heads, 1u) * head_dim);
    // Positions in shuffled order, so a kernel that assumed p0 + t would fail.
    std::vector<uint32_t> positions(n_tokens);
    for (uint32_t t = 0; t < n_tokens; ++t) positions[t] = first_position + t;
    std::shuffle(positions.begin(), positions.end(), rng_);
    const uint32_t table_positions = first_position + n_tokens;
    const auto table = kernels::rope_table(n_rot, base, table_positions);

    auto q_buf = device_buffer(*ctx_, q);
    auto k_buf = device_buffer(*ctx_, k);
    auto p_buf = device_buffer(*ctx_, positions);
    auto t_buf = device_buffer(*ctx_, table);
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::rope(*ctx_, seq, ordering, q_buf.view(), k_buf.view(), p_buf.view(), t_buf.view(),
                  table_positions,
                  kernels::RopeShape{n_tokens, n_heads, n_kv_heads, head_dim, n_rot});
    seq.run();

    const RopeOrder order =
        ordering == kernels::RopeOrdering::Normal ? RopeOrder::Normal : RopeOrder::NeoX;
    const double q_error =
        test::relative_error(read_back<float>(*ctx_, q_buf, q.size()),
                             rope(q, positions, n_heads, head_dim, n_rot, base, order));
    report(qPrintable(QString("%1 q").arg(QTest::currentDataTag())), q_error);
    QVERIFY2(q_error <= k_f32_tolerance, qPrintable(QString::number(q_error)));
    const auto k_gpu = read_back<float>(*ctx_, k_buf, k.size());
    if (n_kv_heads > 0) {
      const double k_error =
          test::relative_error(k_gpu, rope(k, positions, n_kv_heads, head_dim, n_rot, base, order));
      QVERIFY2(k_error <= k_f32_tolerance, qPrintable(QString::number(k_error)));
    } else {
      QCOMPARE(k_gpu, k);  // no k heads: k untouched
    }
  }

  void rope_normal_and_neox_differ() {
    // The same input rotated both ways must differ (guards against both variants being one).
    const uint32_t dim = 16;
    const auto q = test::random_floats(rng_, dim);
    const std::vector<uint32_t> positions{5};
    const auto table = kernels::rope_table(dim, 10000.0, 6);
    auto p_buf = device_buffer(*ctx_, positions);
    auto t_buf = device_buffer(*ctx_, table);
    std::vector<std::vector<float>> results;
    for (auto ordering : {kernels::RopeOrdering::Normal, kernels::RopeOrdering::NeoX}) {
      auto q_buf = device_buffer(*ctx_, q);
      auto seq = ctx_->create_sequence();
      seq.begin();
      kernels::rope(*ctx_, seq, ordering, q_buf.view(), q_buf.view(), p_buf.view(), t_buf.view(), 6,
                    kernels::RopeShape{1, 1, 0, dim, dim});
      seq.run();
      results.push_back(read_back<float>(*ctx_, q_buf, dim));
    }
    QVERIFY(test::relative_error(results[0], results[1]) > 0.1);
  }

  void rope_position_past_table_gives_nan() {
    const uint32_t dim = 8;
    const auto q = test::random_floats(rng_, dim);
    const std::vector<uint32_t> positions{10};
    const auto table = kernels::rope_table(dim, 10000.0, 10);  // positions 0..9
    auto q_buf = device_buffer(*ctx_, q);
    auto p_buf = device_buffer(*ctx_, positions);
    auto t_buf = device_buffer(*ctx_, table);
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::rope(*ctx_, seq, kernels::RopeOrdering::Normal, q_buf.view(), q_buf.view(),
                  p_buf.view(), t_buf.view(), 10, kernels::RopeShape{1, 1, 0, dim, dim});
    seq.run();
    for (float v : read_back<float>(*ctx_, q_buf, dim)) QVERIFY(std::isnan(v));
  }

  void rope_rejects_odd_or_oversized_n_rot() {
    auto buf = ctx_->create_buffer(256);
    auto seq = ctx_->create_sequence();
    seq.begin();
    for (uint32_t n_rot : {0u, 7u, 18u}) {
      QVERIFY_THROWS_EXCEPTION(
          Error, kernels::rope(*ctx_, seq, kernels::RopeOrdering::NeoX, buf.view(), buf.view(),
                               buf.view(), buf.view(), 1, kernels::RopeShape{1, 1, 1, 16, n_rot}));
    }
    QVERIFY_THROWS_EXCEPTION(Error, kernels::rope_table(7, 10000.0, 4));
    QVERIFY_THROWS_EXCEPTION(Error, kernels::rope_table(8, 10000.0, 4, kernels::RopeScaling{.freq_factors = std::vector<float>(3)}));
    seq.end();
  }

  void rope_table_applies_freq_factors() {
    const std::vector<float> factors{1.0f, 2.0f, 8.0f, 32.0f};
    const auto table = kernels::rope_table(8, 10000.0, 3, kernels::RopeScaling{.freq_factors = factors});
    for (uint32_t p = 0; p < 3; ++p) {
      for (uint32_t i = 0; i < 4; ++i) {
        const double theta = p * std::pow(10000.0, -2.0 * i / 8) / factors[i];
        QCOMPARE(table[(p * 4 + i) * 2], static_cast<float>(std::cos(theta)));
        QCOMPARE(table[(p * 4 + i) * 2 + 1], static_cast<float>(std::sin(theta)));
      }
    }
  }

  // YaRN as llama.cpp's CPU rope computes it (ggml rope_yarn, written out here from its
  // formulas in f32): interpolated angles for the long-wavelength pairs, extrapolated ones for
  // the short, a ramp between, cos and sin times the magnitude. Linear scaling is the case
  // ext_factor = 0.
  void rope_table_applies_linear_and_yarn_scaling() {
    const uint32_t n_rot = 64, n_positions = 300, original = 64;
    const double base = 10000.0, factor = 4.0;
    const auto [lo, hi] = kernels::rope_yarn_dims(n_rot, original, base, 32.0, 1.0);
    // corr_dim(b) = n_rot ln(original / (2π b)) / (2 ln base)
    const auto corr = [&](double b) { return n_rot * std::log(original / (b * 2 * M_PI)) / (2 * std::log(base)); };
    QCOMPARE(lo, std::max(0.0, std::floor(corr(32.0))));
    QCOMPARE(hi, std::min(double(n_rot - 1), std::ceil(corr(1.0))));
    for (const double ext : {0.0, 1.0}) {
      const double magnitude = ext != 0.0 ? 1.0 + 0.1 * std::log(factor) : 1.0;
      const auto table = kernels::rope_table(
          n_rot, base, n_positions,
          kernels::RopeScaling{.freq_scale = 1.0 / factor, .ext_factor = ext, .magnitude = magnitude,
                               .yarn_lo = lo, .yarn_hi = hi});
      double worst = 0.0;
      for (uint32_t p = 0; p < n_positions; p += 7) {
        for (uint32_t i = 0; i < n_rot / 2; ++i) {
          const float extrapolated = float(p) * std::pow(float(base), -2.0f * float(i) / float(n_rot));
          const float interpolated = extrapolated / float(factor);
          const float y = (float(i) - float(lo)) / std::max(0.001f, float(hi - lo));
          const float mix = float(ext) * (1.0f - std::min(1.0f, std::max(0.0f, y)));
          const float theta = interpolated * (1 - mix) + extrapolated * mix;
          worst = std::max(worst, std::abs(table[(p * n_rot / 2 + i) * 2] - magnitude * std::cos(theta)));
          worst = std::max(worst, std::abs(table[(p * n_rot / 2 + i) * 2 + 1] - magnitude * std::sin(theta)));
        }
      }
      // f32 angles at position 300 are off by ~2e-5; the table is exact to its rounding.
      QVERIFY2(worst < 1e-4, qPrintable(QString("ext %1: %2").arg(ext).arg(worst)));
    }
    const auto identity = kernels::rope_identity_table(8, 3);
    for (size_t i = 0; i < identity.size(); ++i) {
      QCOMPARE(identity[i], i % 2 == 0 ? 1.0f : 0.0f);
    }
  }
};

QTEST_APPLESS_MAIN(TestOpsRowwise)
#include "tst_ops_rowwise.moc"
