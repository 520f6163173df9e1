// The Gated DeltaNet kernels (the convolution with its state, the gated delta rule with its
// norms and gates, in its recurrent and its chunked form) and the sigmoid gate on the GPU
// against the double-precision references, on fresh random data at awkward sizes (the seed is
// printed; SIKAO_TEST_SEED replays it). A batch split into two dispatches must carry its state
// exactly as one dispatch does: that is how a prompt's prefill hands over to decode. Both forms
// are measured against the recurrent reference; the chunked reference is held to it in double.

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

// f32 on the device against double references; the recurrence over 64 tokens and the chunked
// form over 200 stay within it too (3e-7 and 5e-7 measured).
constexpr double k_f32_tolerance = 1e-5;
constexpr float k_eps = 1e-6f;  // the norms' epsilon

// The chunked reference against the recurrent one, both in double: the same rule rearranged,
// so only rounding separates them.
constexpr double k_double_tolerance = 1e-12;

// Which form of the gated delta rule a dispatch uses.
enum class Form { Recurrent, Chunked };

// ‖a − b‖ / ‖b‖ of two double vectors (test::relative_error takes the device's floats).
double relative_error(std::span<const double> actual, std::span<const double> reference) {
  if (actual.size() != reference.size()) {
    return INFINITY;
  }
  double diff = 0.0, norm = 0.0;
  for (size_t i = 0; i < actual.size(); ++i) {
    diff += (actual[i] - reference[i]) * (actual[i] - reference[i]);
    norm += reference[i] * reference[i];
  }
  return std::sqrt(diff / norm);
}


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

Q_DECLARE_METATYPE(Form)

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

  // The gated delta rule over n_tokens of fresh random inputs and state, dispatched by
  // dispatch(seq, inputs, out, count, first) in one call or two (split at `split`, 0: one),
  // against the recurrent double-precision reference: outputs and final state.
  template <class Dispatch>
  void check_delta_rule(const DeltaNetShape& shape, uint32_t n_tokens, uint32_t split,
                        const Dispatch& dispatch) {
    const uint32_t n_v_heads = shape.n_v_heads;
    const size_t n = n_tokens;
    const auto x = test::random_floats(rng_, n * shape.conv_channels(), 1.0f);
    const auto z = test::random_floats(rng_, n * shape.value_width(), 1.5f);
    const auto beta = test::random_floats(rng_, n * n_v_heads, 2.0f);
    const auto alpha = test::random_floats(rng_, n * n_v_heads, 2.0f);
    const auto dt_bias = test::random_floats(rng_, n_v_heads, 1.0f);
    const auto a = uniform(n_v_heads, -2.0f, -0.05f);  // -exp(A_log): a decay
    const auto norm_weight = test::random_floats(rng_, shape.d_v, 1.0f);
    const auto state0 = test::random_floats(rng_, shape.delta_state_floats(), 0.3f);
    std::vector<double> state_ref(state0.begin(), state0.end());
    const auto expected = gated_delta_rule(
        x, z, beta, alpha, dt_bias, a, norm_weight, state_ref, n_tokens,
        DeltaRuleShape{shape.n_k_heads, shape.d_k, n_v_heads, shape.d_v}, k_eps);

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
      dispatch(seq, in, rows(out_buf, first, count, shape.value_width()), count, first);
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
    check_delta_rule(shape, n_tokens, split, [&](vk::Sequence& seq, const auto& in, auto out,
                                                 uint32_t count, uint32_t) {
      kernels::delta_net(*ctx_, seq, in, out, count, shape, k_eps, reduction);
    });
  }

  // chunk 0: the longest the device takes for the shape (kernels::delta_net_max_chunk). tail:
  // the form of the second dispatch when split (a prompt's chunked prefill, then decode).
  void chunked_delta_rule_matches_reference_data() {
    QTest::addColumn<uint32_t>("n_k_heads");
    QTest::addColumn<uint32_t>("d_k");
    QTest::addColumn<uint32_t>("n_v_heads");
    QTest::addColumn<uint32_t>("d_v");
    QTest::addColumn<uint32_t>("n_tokens");
    QTest::addColumn<uint32_t>("split");
    QTest::addColumn<uint32_t>("chunk");
    QTest::addColumn<Form>("tail");
    const auto C = Form::Chunked;
    QTest::addRow("qwen35_0.8b_prefill_chunks_and_a_part")
        << 16u << 128u << 16u << 128u << 77u << 0u << 0u << C;
    QTest::addRow("qwen35_9b_heads") << 4u << 128u << 8u << 128u << 40u << 0u << 0u << C;
    QTest::addRow("one_token") << 2u << 64u << 4u << 64u << 1u << 0u << 0u << C;
    QTest::addRow("shorter_than_a_chunk") << 2u << 64u << 4u << 64u << 20u << 0u << 0u << C;
    QTest::addRow("two_calls_carry_the_state") << 2u << 64u << 4u << 64u << 37u << 16u << 8u << C;
    QTest::addRow("chunked_prefill_then_recurrent_decode")
        << 2u << 64u << 4u << 64u << 17u << 16u << 0u << Form::Recurrent;
    QTest::addRow("chunk_not_a_power_of_two_key_not_a_multiple_of_4")
        << 3u << 38u << 3u << 40u << 23u << 0u << 7u << C;
    QTest::addRow("value_longer_than_odd_key") << 1u << 21u << 2u << 48u << 13u << 0u << 5u << C;
    QTest::addRow("key_longer_than_value") << 2u << 96u << 2u << 40u << 9u << 0u << 4u << C;
    QTest::addRow("chunks_of_one") << 1u << 32u << 2u << 32u << 6u << 0u << 1u << C;
    QTest::addRow("long_prompt") << 1u << 32u << 2u << 32u << 200u << 0u << 0u << C;
  }
  void chunked_delta_rule_matches_reference() {
    QFETCH(uint32_t, n_k_heads);
    QFETCH(uint32_t, d_k);
    QFETCH(uint32_t, n_v_heads);
    QFETCH(uint32_t, d_v);
    QFETCH(uint32_t, n_tokens);
    QFETCH(uint32_t, split);
    QFETCH(uint32_t, chunk);
    QFETCH(Form, tail);
    const DeltaNetShape shape{n_k_heads, d_k, n_v_heads, d_v, 4};
    if (chunk == 0) {
      chunk = kernels::delta_net_max_chunk(ctx_->info(), shape);
      qInfo("chunks of %u", chunk);
    }
    check_delta_rule(shape, n_tokens, split, [&](vk::Sequence& seq, const auto& in, auto out,
                                                 uint32_t count, uint32_t first) {
      if (first > 0 && tail == Form::Recurrent) {
        kernels::delta_net(*ctx_, seq, in, out, count, shape, k_eps);
      } else {
        kernels::delta_net_chunked(*ctx_, seq, in, out, count, shape, k_eps, chunk);
      }
    });
  }

  // The chunked (WY) reference is the recurrent reference rearranged: both in double, on the
  // shapes and chunkings the shader meets, including strong decays (a down to -8) where the
  // running log-decay of a chunk reaches several hundred.
  void chunked_reference_equals_recurrent_reference() {
    struct Case {
      uint32_t hk, dk, hv, dv, n, chunk;
      float a_lo;
    };
    const Case cases[] = {
        {2, 16, 4, 16, 1, 4, -2.0f},   {2, 16, 4, 16, 10, 4, -2.0f}, {1, 24, 2, 48, 13, 5, -2.0f},
        {3, 40, 3, 40, 5, 64, -2.0f},  {1, 32, 1, 8, 64, 16, -2.0f}, {1, 16, 2, 16, 70, 64, -8.0f},
        {1, 8, 1, 8, 9, 1, -2.0f},
    };
    for (const Case& c : cases) {
      const DeltaRuleShape shape{c.hk, c.dk, c.hv, c.dv};
      const size_t n = c.n;
      const auto x = test::random_floats(rng_, n * (2 * c.hk * c.dk + c.hv * c.dv), 1.0f);
      const auto z = test::random_floats(rng_, n * c.hv * c.dv, 1.5f);
      const auto beta = test::random_floats(rng_, n * c.hv, 2.0f);
      const auto alpha = test::random_floats(rng_, n * c.hv, 2.0f);
      const auto dt_bias = test::random_floats(rng_, c.hv, 1.0f);
      const auto a = uniform(c.hv, c.a_lo, -0.05f);
      const auto norm_weight = test::random_floats(rng_, c.dv, 1.0f);
      const auto state0 = test::random_floats(rng_, size_t(c.hv) * c.dv * c.dk, 0.3f);
      std::vector<double> recurrent_state(state0.begin(), state0.end());
      std::vector<double> chunked_state = recurrent_state;
      const auto recurrent = gated_delta_rule(x, z, beta, alpha, dt_bias, a, norm_weight,
                                              recurrent_state, c.n, shape, k_eps);
      const auto chunked = gated_delta_rule_chunked(x, z, beta, alpha, dt_bias, a, norm_weight,
                                                    chunked_state, c.n, shape, k_eps, c.chunk);
      const double error = relative_error(chunked, recurrent);
      const double state_error = relative_error(chunked_state, recurrent_state);
      const QString what = QString("%1 tokens in chunks of %2, d_k %3, d_v %4: output %5, state %6")
                               .arg(c.n).arg(c.chunk).arg(c.dk).arg(c.dv).arg(error)
                               .arg(state_error);
      QVERIFY2(error <= k_double_tolerance, qPrintable(what));
      QVERIFY2(state_error <= k_double_tolerance, qPrintable(what));
    }
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
    const auto chunked_throws = [&](const DeltaNetShape& s, uint32_t chunk) {
      try {
        kernels::delta_net_chunked(*ctx_, seq, in, buf.view(), 1, s, 1e-6f, chunk);
      } catch (const Error& e) {
        return e.code() == ErrorCode::InvalidArgument;
      }
      return false;
    };
    QVERIFY(!chunked_throws({1, 16, 1, 16, 4}, 8));
    QVERIFY(chunked_throws({1, 16, 1, 16, 4}, 0));
    QVERIFY(chunked_throws({1, 16, 1, 16, 4}, kernels::k_max_delta_chunk + 1));
    QVERIFY(chunked_throws({3, 16, 4, 16, 4}, 8));  // the shape checks of the recurrent form
    // 64 rows of 1,024 outputs: 256 KiB of shared memory, more than any device has.
    QVERIFY(chunked_throws({1, 16, 1, 1024, 4}, kernels::k_max_delta_chunk));
    seq.end();
  }
};

QTEST_GUILESS_MAIN(TestOpsDeltaNet)
#include "tst_ops_delta_net.moc"
