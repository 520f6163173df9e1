// The Gated DeltaNet kernels (the convolution with its state, the gated delta rule with its
// norms and gates) and the sigmoid gate on the GPU against the double-precision references, on
// fresh random data at awkward sizes (the seed is printed; SIKAO_TEST_SEED replays it). A batch
// split into two dispatches must carry its state exactly as one dispatch does: that is how a
// prompt's prefill hands over to decode.

#include <QtTest>
#include <cmath>
#include <random>

#include "common/error.h"
#include "kernels/delta_net.h"
#include "kernels/elementwise.h"
#include "kernels_ops/gpu_helpers.h"
#include "kernels_ops/reference.h"
#include "support/test_support.h"

using namespace sikao;
using namespace sikao::test::ops;
using kernels::DeltaNetShape;
using kernels::Reduction;

Q_DECLARE_METATYPE(kernels::Reduction)

namespace {

// f32 on the device against double references; the recurrence over 64 tokens stays within it
// too (3e-7 measured).
constexpr double k_f32_tolerance = 1e-5;


// run(first, count) over tokens [0, n): in one dispatch, or in two split at `split` (0: none).
template <class Run>
void in_one_or_two_dispatches(const Run& run, uint32_t n, uint32_t split) {
  if (split == 0) {
    run(0, n);
  } else {
    run(0, split);
    run(split, n - split);
  }
}

}  // namespace

class TestOpsDeltaNet : public QObject {
  Q_OBJECT

 private:
  std::optional<vk::Context> ctx_;
  std::mt19937_64 rng_;

  std::vector<Reduction> reductions() const { return test::ops::reductions(*ctx_); }

  std::vector<float> uniform(size_t n, float lo, float hi) {
    std::uniform_real_distribution<float> d(lo, hi);
    std::vector<float> v(n);
    for (float& f : v) f = d(rng_);
    return v;
  }

 private slots:
  void initTestCase() {
    const uint64_t seed = test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(seed));
    rng_.seed(seed);
    ctx_.emplace();
  }

  void mul_sigmoid_matches_reference() {
    for (uint32_t n : {1u, 7u, 300u, 70001u}) {
      const auto a = test::random_floats(rng_, n, 2.0f);
      const auto b = test::random_floats(rng_, n, 4.0f);
      auto a_buf = device_buffer(*ctx_, a);
      auto b_buf = device_buffer(*ctx_, b);
      auto out = ctx_->create_buffer(n * sizeof(float));
      auto seq = ctx_->create_sequence();
      seq.begin();
      kernels::mul_sigmoid(*ctx_, seq, a_buf.view(), b_buf.view(), out.view(), n, n);
      seq.run();
      const double error =
          test::relative_error(read_back<float>(*ctx_, out, n), mul_sigmoid(a, b));
      QVERIFY2(error <= k_f32_tolerance, qPrintable(QString("n %1: %2").arg(n).arg(error)));
    }
  }

  void conv_matches_reference_data() {
    QTest::addColumn<uint32_t>("channels");
    QTest::addColumn<uint32_t>("kernel");
    QTest::addColumn<uint32_t>("n_tokens");
    QTest::addColumn<uint32_t>("split");  // the batch in two dispatches at this token (0: one)
    QTest::addRow("qwen35_decode") << 6144u << 4u << 1u << 0u;
    QTest::addRow("qwen35_prefill") << 6144u << 4u << 37u << 0u;
    // Splits where the second half's rows start at a legal binding offset (256 bytes).
    QTest::addRow("split_prefill_then_decode") << 256u << 4u << 20u << 19u;
    QTest::addRow("split_halves") << 64u << 4u << 31u << 13u;
    QTest::addRow("kernel_1_no_state") << 32u << 1u << 9u << 4u;
    QTest::addRow("kernel_8_odd_channels") << 7u << 8u << 3u << 0u;
    QTest::addRow("odd_channels") << 65u << 3u << 11u << 0u;
  }
  void conv_matches_reference() {
    QFETCH(uint32_t, channels);
    QFETCH(uint32_t, kernel);
    QFETCH(uint32_t, n_tokens);
    QFETCH(uint32_t, split);
    const auto x = test::random_floats(rng_, size_t(n_tokens) * channels, 1.0f);
    const auto weight = test::random_floats(rng_, size_t(channels) * kernel, 0.5f);
    const auto state0 = test::random_floats(rng_, size_t(channels) * (kernel - 1), 1.0f);
    std::vector<double> state_ref(state0.begin(), state0.end());
    const auto expected = causal_conv_silu(x, weight, state_ref, n_tokens, channels, kernel);

    auto x_buf = device_buffer(*ctx_, x);
    auto w_buf = device_buffer(*ctx_, weight);
    auto state_buf = ctx_->create_buffer(std::max<size_t>(1, state0.size()) * sizeof(float));
    if (!state0.empty()) ctx_->upload(state_buf.view(), std::span<const float>(state0));
    auto out_buf = ctx_->create_buffer(x.size() * sizeof(float));
    const auto run = [&](uint32_t first, uint32_t n) {
      auto seq = ctx_->create_sequence();
      seq.begin();
      const uint64_t offset = uint64_t(first) * channels * sizeof(float);
      const uint64_t bytes = uint64_t(n) * channels * sizeof(float);
      kernels::delta_net_conv(*ctx_, seq, vk::BufferView{&x_buf, offset, bytes}, w_buf.view(),
                              state_buf.view(), vk::BufferView{&out_buf, offset, bytes}, n, channels,
                              kernel);
      seq.run();
    };
    in_one_or_two_dispatches(run, n_tokens, split);
    const double error = test::relative_error(read_back<float>(*ctx_, out_buf, x.size()), expected);
    QVERIFY2(error <= k_f32_tolerance, qPrintable(QString::number(error)));
    if (!state0.empty()) {
      const double state_error =
          test::relative_error(read_back<float>(*ctx_, state_buf, state0.size()), state_ref);
      QVERIFY2(state_error <= k_f32_tolerance, qPrintable(QString::number(state_error)));
    }
  }

  // Splits put the second dispatch's rows at legal binding offsets (beta: 16 tokens of 4 heads).
  void delta_rule_matches_reference_data() {
    QTest::addColumn<uint32_t>("n_k_heads");
    QTest::addColumn<uint32_t>("d_k");
    QTest::addColumn<uint32_t>("n_v_heads");
    QTest::addColumn<uint32_t>("d_v");
    QTest::addColumn<uint32_t>("n_tokens");
    QTest::addColumn<uint32_t>("split");
    QTest::addColumn<Reduction>("reduction");
    struct Case {
      const char* name;
      uint32_t hk, dk, hv, dv, n, split;
    };
    const Case cases[] = {
        {"qwen35_0.8b_decode", 16, 128, 16, 128, 1, 0},
        {"qwen35_9b_heads_prefill", 4, 128, 8, 128, 24, 0},  // two value heads per key head
        {"prefill_then_decode", 2, 64, 4, 64, 17, 16},
        {"awkward_lengths", 3, 40, 3, 40, 9, 0},
        {"value_not_key_length", 1, 24, 2, 48, 6, 0},
        {"long_prompt", 1, 32, 2, 32, 64, 0},
    };
    for (Reduction r : reductions()) {
      for (const Case& c : cases) {
        QTest::addRow("%s_%s", name(r), c.name)
            << c.hk << c.dk << c.hv << c.dv << c.n << c.split << r;
      }
    }
  }
  void delta_rule_matches_reference() {
    QFETCH(uint32_t, n_k_heads);
    QFETCH(uint32_t, d_k);
    QFETCH(uint32_t, n_v_heads);
    QFETCH(uint32_t, d_v);
    QFETCH(uint32_t, n_tokens);
    QFETCH(uint32_t, split);
    QFETCH(Reduction, reduction);
    const DeltaNetShape shape{n_k_heads, d_k, n_v_heads, d_v, 4};
    const float eps = 1e-6f;
    const size_t n = n_tokens;
    const auto x = test::random_floats(rng_, n * shape.conv_channels(), 1.0f);
    const auto z = test::random_floats(rng_, n * shape.value_width(), 1.5f);
    const auto beta = test::random_floats(rng_, n * n_v_heads, 2.0f);
    const auto alpha = test::random_floats(rng_, n * n_v_heads, 2.0f);
    const auto dt_bias = test::random_floats(rng_, n_v_heads, 1.0f);
    const auto a = uniform(n_v_heads, -2.0f, -0.05f);  // -exp(A_log): a decay
    const auto norm_weight = test::random_floats(rng_, d_v, 1.0f);
    const auto state0 = test::random_floats(rng_, shape.delta_state_floats(), 0.3f);
    std::vector<double> state_ref(state0.begin(), state0.end());
    const auto expected =
        gated_delta_rule(x, z, beta, alpha, dt_bias, a, norm_weight, state_ref, n_tokens,
                         DeltaRuleShape{n_k_heads, d_k, n_v_heads, d_v}, eps);

    std::vector<float> head_params(dt_bias);
    head_params.insert(head_params.end(), a.begin(), a.end());
    auto x_buf = device_buffer(*ctx_, x);
    auto z_buf = device_buffer(*ctx_, z);
    auto beta_buf = device_buffer(*ctx_, beta);
    auto alpha_buf = device_buffer(*ctx_, alpha);
    auto params_buf = device_buffer(*ctx_, head_params);
    auto norm_buf = device_buffer(*ctx_, norm_weight);
    auto state_buf = device_buffer(*ctx_, state0);
    auto out_buf = ctx_->create_buffer(n * shape.value_width() * sizeof(float));
    const auto rows = [](const vk::Buffer& b, uint32_t first, uint32_t count, uint64_t width) {
      return vk::BufferView{&b, first * width * sizeof(float), count * width * sizeof(float)};
    };
    const auto run = [&](uint32_t first, uint32_t count) {
      auto seq = ctx_->create_sequence();
      seq.begin();
      const kernels::DeltaNetInputs in{rows(x_buf, first, count, shape.conv_channels()),
                                       rows(z_buf, first, count, shape.value_width()),
                                       rows(beta_buf, first, count, n_v_heads),
                                       rows(alpha_buf, first, count, n_v_heads),
                                       params_buf.view(),
                                       norm_buf.view(),
                                       state_buf.view()};
      kernels::delta_net(*ctx_, seq, in, rows(out_buf, first, count, shape.value_width()), count,
                         shape, eps, reduction);
      seq.run();
    };
    in_one_or_two_dispatches(run, n_tokens, split);
    const double error =
        test::relative_error(read_back<float>(*ctx_, out_buf, expected.size()), expected);
    const double state_error =
        test::relative_error(read_back<float>(*ctx_, state_buf, state_ref.size()), state_ref);
    qInfo("%s: output %.3g, state %.3g", QTest::currentDataTag(), error, state_error);
    QVERIFY2(error <= k_f32_tolerance, qPrintable(QString::number(error)));
    QVERIFY2(state_error <= k_f32_tolerance, qPrintable(QString::number(state_error)));
  }

  void rejects_shapes_it_cannot_run() {
    auto buf = ctx_->create_buffer(1 << 20);
    auto seq = ctx_->create_sequence();
    seq.begin();
    const kernels::DeltaNetInputs in{buf.view(), buf.view(), buf.view(), buf.view(),
                                     buf.view(), buf.view(), buf.view()};
    const auto throws = [&](const DeltaNetShape& s) {
      try {
        kernels::delta_net(*ctx_, seq, in, buf.view(), 1, s, 1e-6f);
      } catch (const Error& e) {
        return e.code() == ErrorCode::InvalidArgument;
      }
      return false;
    };
    QVERIFY(throws({3, 16, 4, 16, 4}));    // value heads not a multiple of key heads
    QVERIFY(throws({1, 512, 1, 16, 4}));   // key heads longer than the shader holds
    QVERIFY(throws({1, 16, 1, 16, 9}));    // a convolution too long
    QVERIFY(throws({0, 16, 1, 16, 4}));    // no key heads
    seq.end();
  }
};

QTEST_GUILESS_MAIN(TestOpsDeltaNet)
#include "tst_ops_delta_net.moc"
