// Dispatching compute work: elementwise add/mul against a double-precision reference at sizes
// that are not multiples of the workgroup, replay of a recorded sequence, pinned
// specialisation constants, and the limits a dispatch must respect.

#include <cmath>
#include <cstring>
#include <random>

#include <QtTest>

#include "common/error.h"
#include "kernels/elementwise.h"
#include "support/test_support.h"
#include "vulkan/context.h"

using sikao::Error;
using sikao::ErrorCode;
namespace vk = sikao::vk;
namespace kernels = sikao::kernels;

namespace {

// f32 add/mul round once per element: relative error ≤ 2^-24 per element, so ≤ 1e-6 overall.
constexpr double k_f32_tolerance = 1e-6;
// Written before a dispatch to show which elements it did not touch.
constexpr float k_sentinel = -12345.0f;

enum class Op { Add, Mul };

std::vector<double> reference(Op op, const std::vector<float>& a, const std::vector<float>& b) {
  std::vector<double> out(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    const double x = a[i];
    const double y = b[i % b.size()];
    out[i] = op == Op::Add ? x + y : x * y;
  }
  return out;
}

template <class F>
ErrorCode error_code_of(F&& f, QString* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) {
      *message = QString::fromStdString(e.what());
    }
    return e.code();
  }
  return ErrorCode::Internal;
}

struct ElementwisePush {  // elementwise.comp's PushConstants
  uint32_t n;
  uint32_t n_b;
};

} // namespace

class TestVulkanDispatch : public QObject {
  Q_OBJECT

  std::unique_ptr<vk::Context> ctx_;
  std::mt19937_64 rng_;

  vk::Buffer upload_floats(const std::vector<float>& values) {
    auto buffer = ctx_->create_buffer(values.size() * sizeof(float));
    ctx_->upload<float>(buffer, values);
    return buffer;
  }

 private slots:
  void initTestCase() {
    const uint64_t seed = sikao::test::fresh_seed();
    qInfo("seed %llu (SIKAO_TEST_SEED replays it)", static_cast<unsigned long long>(seed));
    rng_.seed(seed);
    ctx_ = std::make_unique<vk::Context>();
  }

  void elementwise_matches_double_reference_data() {
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("n_b");
    for (int op : {0, 1}) {
      const char* name = op == 0 ? "add" : "mul";
      for (auto [n, n_b] : {std::pair{1, 1}, {7, 7}, {255, 255}, {257, 257}, {1000, 1000},
                            {65537, 65537}, {1000, 10}, {257, 3}, {4099, 1}}) {
        QTest::addRow("%s n=%d n_b=%d", name, n, n_b) << op << n << n_b;
      }
    }
  }
  void elementwise_matches_double_reference() {
    QFETCH(int, op);
    QFETCH(int, n);
    QFETCH(int, n_b);
    const auto a = sikao::test::random_floats(rng_, n);
    const auto b = sikao::test::random_floats(rng_, n_b);
    auto ga = upload_floats(a);
    auto gb = upload_floats(b);
    auto out = ctx_->create_buffer(n * sizeof(float));
    auto seq = ctx_->create_sequence();
    seq.begin();
    if (op == 0) {
      kernels::add(*ctx_, seq, ga, gb, out, n, n_b);
    } else {
      kernels::mul(*ctx_, seq, ga, gb, out, n, n_b);
    }
    seq.run();
    const auto result = ctx_->download<float>(out, n);
    const double err = sikao::test::relative_error(result, reference(op == 0 ? Op::Add : Op::Mul, a, b));
    QVERIFY2(err <= k_f32_tolerance, qPrintable(QString("relative error %1").arg(err)));
  }

  void chained_dispatches_see_each_others_writes() {
    const uint32_t n = 3001;
    const auto a = sikao::test::random_floats(rng_, n);
    const auto b = sikao::test::random_floats(rng_, n);
    const auto c = sikao::test::random_floats(rng_, 17);
    auto ga = upload_floats(a), gb = upload_floats(b), gc = upload_floats(c);
    auto sum = ctx_->create_buffer(n * 4), out = ctx_->create_buffer(n * 4);
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::add(*ctx_, seq, ga, gb, sum, n, n);
    seq.barrier();  // sum: add writes -> mul reads
    kernels::mul(*ctx_, seq, sum, gc, out, n, 17);
    seq.run();
    std::vector<double> expected(n);
    for (uint32_t i = 0; i < n; ++i) {
      expected[i] = (double(a[i]) + double(b[i])) * double(c[i % 17]);
    }
    const double err = sikao::test::relative_error(ctx_->download<float>(out, n), expected);
    QVERIFY2(err <= 2 * k_f32_tolerance, qPrintable(QString("relative error %1").arg(err)));
  }

  void replaying_a_sequence_recomputes_from_current_inputs() {
    const uint32_t n = 1531;
    auto a = sikao::test::random_floats(rng_, n);
    const auto b = sikao::test::random_floats(rng_, n);
    auto ga = upload_floats(a), gb = upload_floats(b);
    auto out = ctx_->create_buffer(n * 4);
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::add(*ctx_, seq, ga, gb, out, n, n);
    seq.run();
    const auto first = ctx_->download<float>(out, n);

    // Same inputs: bit-identical result.
    std::vector<float> zeros(n, 0.0f);
    ctx_->upload<float>(out, zeros);
    seq.submit_and_wait();
    const auto again = ctx_->download<float>(out, n);
    QVERIFY(std::memcmp(first.data(), again.data(), n * 4) == 0);

    // New inputs in the same buffers: the replay computes with them.
    a = sikao::test::random_floats(rng_, n);
    ctx_->upload<float>(ga, a);
    seq.submit_and_wait();
    const double err = sikao::test::relative_error(ctx_->download<float>(out, n), reference(Op::Add, a, b));
    QVERIFY2(err <= k_f32_tolerance, qPrintable(QString("relative error %1").arg(err)));
  }

  void workgroup_size_comes_from_the_spec_constant_data() {
    QTest::addColumn<uint32_t>("workgroup");
    QTest::newRow("64") << 64u;
    QTest::newRow("256") << 256u;
    QTest::newRow("1024") << 1024u;  // lavapipe's maximum; too big to pin subgroups of 8
  }
  void workgroup_size_comes_from_the_spec_constant() {
    QFETCH(uint32_t, workgroup);
    const uint32_t n = 5 * workgroup + 3;
    const auto a = sikao::test::random_floats(rng_, n);
    const auto b = sikao::test::random_floats(rng_, n);
    auto ga = upload_floats(a), gb = upload_floats(b);
    auto out = ctx_->create_buffer(n * 4);
    const auto& add = ctx_->pipeline({"add", {workgroup}, 3, sizeof(ElementwisePush)});
    QCOMPARE(add.workgroup_size(), (std::array<uint32_t, 3>{workgroup, 1, 1}));
    const auto& info = ctx_->info();
    QCOMPARE(add.subgroup_size_pinned(),
             info.subgroup_size_control &&
                 workgroup <= info.max_compute_workgroup_subgroups * info.subgroup_size);
    const auto expected = reference(Op::Add, a, b);

    // Enough groups: every element.
    auto seq = ctx_->create_sequence();
    seq.begin();
    seq.dispatch(add, {ga, gb, out}, ElementwisePush{n, n}, (n + workgroup - 1) / workgroup);
    seq.run();
    auto result = ctx_->download<float>(out, n);
    QVERIFY(sikao::test::relative_error(result, expected) <= k_f32_tolerance);

    // Two groups cover exactly 2*workgroup elements: the rest keeps the sentinel.
    ctx_->upload<float>(out, std::vector<float>(n, k_sentinel));
    seq.begin();
    seq.dispatch(add, {ga, gb, out}, ElementwisePush{n, n}, 2);
    seq.run();
    result = ctx_->download<float>(out, n);
    for (uint32_t i = 0; i < n; ++i) {
      if (i < 2 * workgroup) {
        QCOMPARE(double(result[i]), double(a[i] + b[i]));
      } else {
        QCOMPARE(result[i], k_sentinel);
      }
    }
  }

  void pipelines_are_cached_by_desc() {
    const auto& p1 = ctx_->pipeline({"mul", {128}, 3, 8});
    const auto& p2 = ctx_->pipeline({"mul", {128}, 3, 8});
    const auto& p3 = ctx_->pipeline({"mul", {64}, 3, 8});
    QCOMPARE(&p1, &p2);
    QVERIFY(&p1 != &p3);
    QCOMPARE(p3.desc().spec_constants, std::vector<uint32_t>{64});
  }

  void rejects_unpinned_or_extra_spec_constants() {
    QString message;
    QCOMPARE(error_code_of([&] { ctx_->pipeline({"add", {}, 3, 8}); }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("constant_id 0 is not pinned"), qPrintable(message));
    QCOMPARE(error_code_of([&] { ctx_->pipeline({"add", {64, 1}, 3, 8}); }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("gives 2 specialisation constants"), qPrintable(message));
  }

  void rejects_workgroup_sizes_beyond_device_limits() {
    QString message;
    const uint32_t too_many = ctx_->info().max_workgroup_invocations * 2;
    QCOMPARE(error_code_of([&] { ctx_->pipeline({"add", {too_many}, 3, 8}); }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains(QString("workgroup size %1x1x1").arg(too_many)), qPrintable(message));
    QCOMPARE(error_code_of([&] { ctx_->pipeline({"add", {0}, 3, 8}); }), ErrorCode::InvalidArgument);
  }

  void rejects_bad_pipeline_descs() {
    QString message;
    QCOMPARE(error_code_of([&] { ctx_->pipeline({"no_such_shader", {64}, 3, 8}); }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("no_such_shader"), qPrintable(message));
    QCOMPARE(error_code_of([&] { ctx_->pipeline({"add", {64}, 2, 8}); }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("uses binding 2"), qPrintable(message));
    QCOMPARE(error_code_of([&] { ctx_->pipeline({"add", {64}, 3, 6}); }, &message),
             ErrorCode::InvalidArgument);
    QCOMPARE(error_code_of([&] { ctx_->pipeline({"add", {64}, 3, 4096}); }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("maxPushConstantsSize"), qPrintable(message));
  }

  void dispatch_with_a_view_past_max_storage_buffer_range_is_an_error() {
    const uint64_t range = ctx_->info().max_storage_buffer_range;
    auto big = ctx_->create_buffer(range + 64);
    auto small = ctx_->create_buffer(64);
    const auto& add = ctx_->pipeline({"add", {64}, 3, sizeof(ElementwisePush)});
    auto seq = ctx_->create_sequence();
    seq.begin();
    QString message;
    QCOMPARE(error_code_of([&] { seq.dispatch(add, {big, small, small}, ElementwisePush{16, 16}, 1); },
                           &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains(QString::number(range + 64)) && message.contains(QString::number(range)),
             qPrintable(message));
    // A view of exactly the range, or the tail past it at an aligned offset, binds fine.
    seq.dispatch(add, {big.view(0, range), small, small}, ElementwisePush{16, 16}, 1);
    seq.barrier();  // small: the first dispatch writes it -> the second reads and writes it
    seq.dispatch(add, {big.view(range), small, small}, ElementwisePush{16, 16}, 1);
    seq.run();
  }

  void dispatch_rejects_misaligned_offsets_and_wrong_arity() {
    auto buffer = ctx_->create_buffer(4096);
    const auto& add = ctx_->pipeline({"add", {64}, 3, sizeof(ElementwisePush)});
    auto seq = ctx_->create_sequence();
    seq.begin();
    QString message;
    const uint64_t align = ctx_->info().min_storage_buffer_offset_alignment;
    if (align > 1) {
      QCOMPARE(error_code_of([&] {
                 seq.dispatch(add, {buffer.view(align / 2, 64), buffer, buffer},
                              ElementwisePush{16, 16}, 1);
               }, &message),
               ErrorCode::InvalidArgument);
      QVERIFY2(message.contains("minStorageBufferOffsetAlignment"), qPrintable(message));
    }
    QCOMPARE(error_code_of([&] { seq.dispatch(add, {buffer, buffer}, ElementwisePush{16, 16}, 1); },
                           &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("2 buffers"), qPrintable(message));
    const uint32_t push = 16;
    QCOMPARE(error_code_of([&] { seq.dispatch(add, {buffer, buffer, buffer}, push, 1); }, &message),
             ErrorCode::InvalidArgument);
    QCOMPARE(error_code_of([&] {
               seq.dispatch(add, {buffer, buffer, buffer}, ElementwisePush{16, 16},
                            ctx_->info().max_workgroup_count[0] + 1u);
             }, &message),
             ErrorCode::InvalidArgument);
    QCOMPARE(error_code_of([&] {
               seq.dispatch(add, {buffer.view(4000, 200), buffer, buffer}, ElementwisePush{16, 16}, 1);
             }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("runs past the end"), qPrintable(message));
    seq.run();  // the sequence is still usable after rejected dispatches
  }

  void host_buffers_are_bindable_and_mapped() {
    const uint32_t n = 300;
    const auto a = sikao::test::random_floats(rng_, n);
    const auto b = sikao::test::random_floats(rng_, n);
    auto ha = ctx_->create_host_buffer(n * 4), hb = ctx_->create_host_buffer(n * 4);
    auto hout = ctx_->create_host_buffer(n * 4);
    std::memcpy(ha.mapped().data(), a.data(), n * 4);
    std::memcpy(hb.mapped().data(), b.data(), n * 4);
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::mul(*ctx_, seq, ha, hb, hout, n, n);
    seq.run();
    std::vector<float> result(n);
    std::memcpy(result.data(), hout.mapped().data(), n * 4);
    QVERIFY(sikao::test::relative_error(result, reference(Op::Mul, a, b)) <= k_f32_tolerance);
  }

  void timestamps_bracket_recorded_work() {
    if (!ctx_->info().timestamps) {
      QSKIP("device has no compute timestamps");
    }
    const uint32_t n = 1 << 16;
    auto a = upload_floats(sikao::test::random_floats(rng_, n));
    auto out = ctx_->create_buffer(n * 4);
    auto seq = ctx_->create_sequence();
    seq.begin();
    // More than one query pool's worth (64) of timestamps.
    for (int i = 0; i < 70; ++i) {
      seq.write_timestamp();
      kernels::add(*ctx_, seq, a, a, out, n, n);
    }
    seq.write_timestamp();
    QVERIFY(seq.timestamps_ns().empty());  // nothing submitted yet
    seq.run();
    const auto t = seq.timestamps_ns();
    QCOMPARE(t.size(), size_t{71});
    QCOMPARE(t[0], 0.0);
    for (size_t i = 1; i < t.size(); ++i) {
      QVERIFY(t[i] >= t[i - 1]);
    }
    QVERIFY(t.back() > 0.0);
  }

  void a_profiled_recording_times_each_operation() {
    if (!ctx_->info().timestamps) {
      QSKIP("device has no compute timestamps");
    }
    const uint32_t n = 1 << 16;
    auto a = upload_floats(sikao::test::random_floats(rng_, n));
    auto out = ctx_->create_buffer(n * 4);
    auto copy = ctx_->create_buffer(n * 4);
    auto seq = ctx_->create_sequence();
    const auto record = [&](vk::Sequence::Profile profile) {
      seq.begin(profile);
      for (int i = 0; i < 40; ++i) {  // with the first timestamp, more than one query pool
        kernels::add(*ctx_, seq, a, a, out, n, n);
        seq.barrier();
        kernels::mul(*ctx_, seq, a, out, out, n, n);
        seq.barrier();
      }
      seq.copy(vk::BufferView{&out}, vk::BufferView{&copy});
      seq.barrier();  // out: read by the copy -> zeroed
      seq.fill_zero(vk::BufferView{&out});
      seq.run();
    };
    record(vk::Sequence::Profile::EachOperation);
    const auto ops = seq.profile();
    QCOMPARE(ops.size(), size_t{82});
    for (size_t i = 0; i < 80; ++i) {
      QCOMPARE(QString::fromStdString(ops[i].label), QString(i % 2 == 0 ? "add" : "mul"));
      QVERIFY(ops[i].ns >= 0.0);
    }
    QCOMPARE(QString::fromStdString(ops[80].label), QString("copy"));
    QCOMPARE(QString::fromStdString(ops[81].label), QString("fill"));
    double total = 0.0;
    for (const auto& op : ops) total += op.ns;
    QVERIFY(total > 0.0);
    // The profiled recording computed the same thing; a plain one has no profile.
    const auto profiled = ctx_->download<float>(copy, n);
    record(vk::Sequence::Profile::Off);
    QVERIFY(seq.profile().empty());
    QCOMPARE(ctx_->download<float>(copy, n), profiled);
  }

  void kernel_wrapper_rejects_sizes_that_do_not_fit() {
    auto small = ctx_->create_buffer(64);
    auto seq = ctx_->create_sequence();
    seq.begin();
    QString message;
    QCOMPARE(error_code_of([&] { kernels::add(*ctx_, seq, small, small, small, 17, 17); }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("needs 17 floats"), qPrintable(message));
    QCOMPARE(error_code_of([&] { kernels::add(*ctx_, seq, small, small, small, 4, 5); }),
             ErrorCode::InvalidArgument);
    QCOMPARE(error_code_of([&] { kernels::add(*ctx_, seq, small, small, small, 4, 0); }),
             ErrorCode::InvalidArgument);
    seq.run();
  }

  void recording_out_of_order_is_an_error() {
    auto seq = ctx_->create_sequence();
    QCOMPARE(error_code_of([&] { seq.submit_and_wait(); }), ErrorCode::Internal);
    QCOMPARE(error_code_of([&] { seq.barrier(); }), ErrorCode::Internal);
    seq.begin();
    QCOMPARE(error_code_of([&] { seq.submit_and_wait(); }), ErrorCode::Internal);
    seq.end();
    QCOMPARE(error_code_of([&] { seq.barrier(); }), ErrorCode::Internal);
    seq.submit_and_wait();  // an empty recording runs
  }

  // A texel binding (the CPU-device matvec's weights) is whole 16-byte texels at a multiple of
  // minTexelBufferOffsetAlignment; anything else is refused before Vulkan sees it.
  void a_texel_binding_is_whole_aligned_texels() {
    const vk::DeviceInfo& info = ctx_->info();
    const uint32_t lanes = std::max<uint32_t>(info.subgroup_size, 2);
    const auto& matvec = ctx_->pipeline({"matvec_cpu_q8_0", {lanes, 4 * lanes, 0, 0, 0, 16, 0}, 7,
                                         13 * sizeof(uint32_t), (1u << 1) | (1u << 3), 1u << 0});
    auto buffer = ctx_->create_buffer(4096);
    const std::array<uint32_t, 13> push{};
    auto seq = ctx_->create_sequence();
    seq.begin();
    const auto dispatch_with_weights = [&](vk::BufferView weights) {
      seq.dispatch(matvec, {weights, buffer.view(0, 256), buffer, buffer.view(0, 256), buffer, buffer, buffer},
                   push, 1);
    };
    QString message;
    QCOMPARE(error_code_of([&] { dispatch_with_weights(buffer.view(0, 24)); }, &message),
             ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("whole 16-byte texels"), qPrintable(message));
    if (info.min_texel_buffer_offset_alignment > 1) {
      const uint64_t offset = info.min_texel_buffer_offset_alignment / 2;
      QCOMPARE(error_code_of([&] { dispatch_with_weights(buffer.view(offset, 32)); }, &message),
               ErrorCode::InvalidArgument);
      QVERIFY2(message.contains("at offset"), qPrintable(message));
    }
    seq.run();  // the sequence is still usable after rejected dispatches
  }

  void many_dispatches_in_one_sequence_outgrow_one_descriptor_pool() {
    const uint32_t n = 100;
    auto a = upload_floats(std::vector<float>(n, 1.0f));
    auto ones = upload_floats(std::vector<float>(n, 1.0f));
    auto b = ctx_->create_buffer(n * 4);
    auto seq = ctx_->create_sequence();
    seq.begin();
    // 300 dependent adds, ping-ponging a and b: a = 1 + 300 after an even count.
    for (int i = 0; i < 300; ++i) {
      if (i % 2 == 0) {
        kernels::add(*ctx_, seq, a, ones, b, n, n);
      } else {
        kernels::add(*ctx_, seq, b, ones, a, n, n);
      }
      seq.barrier();  // the buffer just written -> the next add reads it
    }
    seq.run();
    const auto result = ctx_->download<float>(a, n);
    for (float x : result) {
      QCOMPARE(x, 301.0f);
    }
  }
};

QTEST_APPLESS_MAIN(TestVulkanDispatch)
#include "tst_vulkan_dispatch.moc"
