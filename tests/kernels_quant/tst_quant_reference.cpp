// The CPU reference decoder and quantisers of the GGUF weight formats (inference/quant): known
// blocks decoded by hand, quantise → dequantise error bounds on fresh random data, and real
// tensors from ../shared/reference/models whose statistics are documented in its README.

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <tuple>
#include <random>
#include <vector>

#include <QTest>

#include "common/error.h"
#include "gguf/types.h"
#include "quant/half.h"
#include "quant/quant.h"
#include "support/test_support.h"

using sikao::gguf::TensorType;
namespace quant = sikao::quant;

namespace {

const TensorType k_all_types[] = {TensorType::F32,  TensorType::F16,  TensorType::BF16, TensorType::Q8_0,
                                  TensorType::Q4_0, TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1,
                                  TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K, TensorType::Q5_K,
                                  TensorType::Q6_K, TensorType::MXFP4};

const char* name(TensorType t) { return sikao::gguf::traits(t).name.data(); }

std::vector<std::byte> bytes(std::initializer_list<int> values) {
  std::vector<std::byte> out;
  for (int v : values) {
    out.push_back(static_cast<std::byte>(v));
  }
  return out;
}

void put_u16(std::vector<std::byte>& block, size_t offset, uint16_t v) {
  block[offset] = static_cast<std::byte>(v & 0xFF);
  block[offset + 1] = static_cast<std::byte>(v >> 8);
}

void put(std::vector<std::byte>& block, size_t offset, int v) { block[offset] = static_cast<std::byte>(v); }

std::vector<float> decode(TensorType type, const std::vector<std::byte>& block, size_t n) {
  std::vector<float> y(n, NAN);
  quant::dequantize_row(type, block, y);
  return y;
}

void expect_values(const std::vector<float>& actual, const std::vector<float>& expected) {
  QCOMPARE(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    if (actual[i] != expected[i]) {
      QFAIL(qPrintable(QString("weight %1: got %2, expected %3").arg(i).arg(actual[i]).arg(expected[i])));
    }
  }
}

// ---- a minimal GGUF tensor-table reader, enough to pull real tensors out of the reference files

struct TensorRef {
  TensorType type;
  std::vector<uint64_t> dims;
  uint64_t offset;  // from the start of the data section
};

struct MiniGguf {
  std::vector<char> file;
  size_t data_start = 0;
  std::map<std::string, TensorRef> tensors;
};

class Cursor {
 public:
  explicit Cursor(const std::vector<char>& f) : f_(f) {}
  template <class T>
  T read() {
    if (pos_ + sizeof(T) > f_.size()) {
      throw std::runtime_error("truncated GGUF");
    }
    T v;
    std::memcpy(&v, f_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string string() {
    const uint64_t n = read<uint64_t>();
    if (n > f_.size() - pos_) {
      throw std::runtime_error("bad GGUF string");
    }
    std::string s(f_.data() + pos_, n);
    pos_ += n;
    return s;
  }
  void skip_value(uint32_t type) {
    static const size_t sizes[] = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};
    if (type == 8) {
      string();
    } else if (type == 9) {
      const uint32_t element = read<uint32_t>();
      const uint64_t n = read<uint64_t>();
      for (uint64_t i = 0; i < n; ++i) {
        skip_value(element);
      }
    } else if (type < 13) {
      pos_ += sizes[type];
    } else {
      throw std::runtime_error("bad GGUF value type");
    }
  }
  size_t pos() const { return pos_; }

 private:
  const std::vector<char>& f_;
  size_t pos_ = 0;
};

MiniGguf read_gguf(const std::string& path) {
  MiniGguf g;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot open " + path);
  }
  g.file.assign(std::istreambuf_iterator<char>(in), {});
  Cursor c(g.file);
  if (c.read<uint32_t>() != 0x46554747u || c.read<uint32_t>() != 3) {
    throw std::runtime_error(path + " is not GGUF v3");
  }
  const uint64_t n_tensors = c.read<uint64_t>();
  const uint64_t n_kv = c.read<uint64_t>();
  uint64_t alignment = 32;
  for (uint64_t i = 0; i < n_kv; ++i) {
    const std::string key = c.string();
    const uint32_t type = c.read<uint32_t>();
    if (key == "general.alignment" && type == 4) {
      alignment = c.read<uint32_t>();
    } else {
      c.skip_value(type);
    }
  }
  for (uint64_t i = 0; i < n_tensors; ++i) {
    const std::string tensor = c.string();
    TensorRef t;
    t.dims.resize(c.read<uint32_t>());
    for (auto& d : t.dims) {
      d = c.read<uint64_t>();
    }
    t.type = static_cast<TensorType>(c.read<uint32_t>());
    t.offset = c.read<uint64_t>();
    g.tensors[tensor] = t;
  }
  g.data_start = (c.pos() + alignment - 1) / alignment * alignment;
  return g;
}

struct Moments {
  double mean = 0, std = 0;
};

// Mean and standard deviation of the first max_rows rows of a tensor, dequantised.
Moments tensor_moments(const MiniGguf& g, const std::string& tensor, size_t max_rows) {
  const TensorRef& t = g.tensors.at(tensor);
  const size_t n_cols = t.dims[0];
  const size_t n_rows = std::min<size_t>(t.dims.size() > 1 ? t.dims[1] : 1, max_rows);
  const size_t rb = sikao::gguf::row_bytes(t.type, n_cols);
  std::vector<float> row(n_cols);
  double sum = 0, sum2 = 0;
  for (size_t r = 0; r < n_rows; ++r) {
    const size_t begin = g.data_start + t.offset + r * rb;
    if (begin + rb > g.file.size()) {
      throw std::runtime_error(tensor + " runs past the end of the file");
    }
    quant::dequantize_row(t.type, std::as_bytes(std::span(g.file.data() + begin, rb)), row);
    for (float v : row) {
      sum += v;
      sum2 += double(v) * v;
    }
  }
  const double n = double(n_rows * n_cols);
  Moments m;
  m.mean = sum / n;
  m.std = std::sqrt(sum2 / n - m.mean * m.mean);
  return m;
}

// ‖a − b‖ / ‖b‖ over the first max_rows rows of the same tensor in two files.
double tensor_difference(const MiniGguf& a, const MiniGguf& b, const std::string& tensor, size_t max_rows) {
  const TensorRef& ta = a.tensors.at(tensor);
  const TensorRef& tb = b.tensors.at(tensor);
  const size_t n_cols = ta.dims[0];
  const size_t n_rows = std::min<size_t>(ta.dims[1], max_rows);
  std::vector<float> ra(n_cols), rb(n_cols);
  double diff = 0, norm = 0;
  for (size_t r = 0; r < n_rows; ++r) {
    for (auto [g, t, row] : {std::tuple{&a, &ta, &ra}, std::tuple{&b, &tb, &rb}}) {
      const size_t bytes = sikao::gguf::row_bytes(t->type, n_cols);
      const size_t begin = g->data_start + t->offset + r * bytes;
      if (begin + bytes > g->file.size()) {
        throw std::runtime_error(tensor + " runs past the end of the file");
      }
      quant::dequantize_row(t->type, std::as_bytes(std::span(g->file.data() + begin, bytes)), *row);
    }
    for (size_t c = 0; c < n_cols; ++c) {
      diff += (double(ra[c]) - rb[c]) * (double(ra[c]) - rb[c]);
      norm += double(rb[c]) * rb[c];
    }
  }
  return std::sqrt(diff / norm);
}

} // namespace

class TestQuantReference : public QObject {
  Q_OBJECT

 private slots:
  void half_conversion_rounds_to_nearest_even() {
    QCOMPARE(quant::float_to_half(1.0f), uint16_t(0x3C00));
    QCOMPARE(quant::float_to_half(-2.0f), uint16_t(0xC000));
    QCOMPARE(quant::float_to_half(65504.0f), uint16_t(0x7BFF));
    QCOMPARE(quant::float_to_half(65520.0f), uint16_t(0x7C00));
    QCOMPARE(quant::float_to_half(0.1f), uint16_t(0x2E66));
    QCOMPARE(quant::float_to_half(0x1p-24f), uint16_t(0x0001));
    QCOMPARE(quant::float_to_half(0x1p-25f), uint16_t(0x0000));          // tie to even (0)
    QCOMPARE(quant::float_to_half(1.0f + 0x1p-11f), uint16_t(0x3C00));  // tie to even
    QCOMPARE(quant::float_to_half(1.0f + 0x3p-11f), uint16_t(0x3C02));  // tie to even (up)
    QCOMPARE(quant::half_to_float(0x0001), 0x1p-24f);
    QCOMPARE(quant::half_to_float(0x7BFF), 65504.0f);
    QCOMPARE(quant::half_to_float(0xB800), -0.5f);
    QVERIFY(std::isinf(quant::half_to_float(0x7C00)));
    QVERIFY(std::isnan(quant::half_to_float(0x7E00)));
    for (uint32_t h = 0; h < 0x7C00; ++h) {  // every finite half survives the round trip
      QCOMPARE(quant::float_to_half(quant::half_to_float(uint16_t(h))), uint16_t(h));
    }
    QCOMPARE(quant::bf16_to_float(0x3F80), 1.0f);
    QCOMPARE(quant::float_to_bf16(-3.0f), uint16_t(0xC040));
  }

  void decoders_exist_exactly_for_the_gpu_supported_types() {
    for (TensorType t : k_all_types) {
      QVERIFY2(quant::is_supported(t), name(t));
    }
    // The registry's GPU-support flag and the decoders here agree for every known type.
    for (TensorType t : sikao::gguf::all_tensor_types()) {
      QVERIFY2(sikao::gguf::traits(t).gpu_supported == quant::is_supported(t), name(t));
    }
  }

  void float_types_decode_known_values() {
    expect_values(decode(TensorType::F16, bytes({0x00, 0x3C, 0x00, 0xC0, 0xFF, 0x7B, 0x01, 0x00}), 4),
                  {1.0f, -2.0f, 65504.0f, 0x1p-24f});
    expect_values(decode(TensorType::BF16, bytes({0x80, 0x3F, 0x40, 0xC0}), 2), {1.0f, -3.0f});
    expect_values(decode(TensorType::F32, bytes({0x00, 0x00, 0xC0, 0x3F}), 1), {1.5f});
  }

  void q8_0_decodes_known_block() {
    std::vector<std::byte> b(34, std::byte{0});
    put_u16(b, 0, 0x3800);  // d = 0.5
    put(b, 2, 1);
    put(b, 3, 0x80);  // −128
    put(b, 33, 127);
    std::vector<float> e(32, 0.0f);
    e[0] = 0.5f, e[1] = -64.0f, e[31] = 63.5f;
    expect_values(decode(TensorType::Q8_0, b, 32), e);
  }

  void q4_0_decodes_known_block() {
    std::vector<std::byte> b(18, std::byte{0x88});  // every code 8 → 0
    put_u16(b, 0, 0x4000);  // d = 2
    put(b, 2, 0x0F);        // weight 0: 15 → 14, weight 16: 0 → −16
    put(b, 7, 0x98);        // weight 5: 8 → 0, weight 21: 9 → 2
    std::vector<float> e(32, 0.0f);
    e[0] = 14, e[16] = -16, e[5] = 0, e[21] = 2;
    expect_values(decode(TensorType::Q4_0, b, 32), e);
  }

  void mxfp4_decodes_known_blocks() {
    // Block 0: e = 130, scale ½·2^3 = 4 on the doubled E2M1 values. Block 1: e = 0, the
    // subnormal scale 2^−128. Block 2: e = 255, scale 2^127.
    std::vector<std::byte> b(3 * 17, std::byte{0});
    put(b, 0, 130);
    put(b, 1, 0x71);  // weight 0: code 1 (0.5) → 4, weight 16: code 7 (6) → 48
    put(b, 2, 0x9F);  // weight 1: code 15 (−6) → −48, weight 17: code 9 (−0.5) → −4
    put(b, 3, 0x08);  // weight 2: code 8 (−0) → 0
    put(b, 4, 0x50);  // weight 19: code 5 (3) → 24
    put(b, 17, 0);
    put(b, 18, 0x07);  // weight 32: 12 · 2^−128
    put(b, 34, 255);
    put(b, 35, 0xA1);  // weight 64: 2^127, weight 80: code 10 (−1) → −2 · 2^127 = −inf
    std::vector<float> e(96, 0.0f);
    e[0] = 4, e[16] = 48, e[1] = -48, e[17] = -4, e[19] = 24;
    e[32] = 0x1.8p-125f;
    e[64] = 0x1p127f, e[80] = -INFINITY;
    expect_values(decode(TensorType::MXFP4, b, 96), e);
  }

  void mxfp4_quantises_as_llama_cpp_does() {
    // amax 7: e = floor(log2 7) − 2 + 127 = 127, d = ½; weights snap to the nearest of
    // ±{0, ½, 1, 1½, 2, 3, 4, 6} and a tie goes to the lower code (+0 before −0 or −½, 4 before 6).
    std::vector<float> x(32, 0.0f);
    x[0] = 5.0f;     // 4 (code 6) and 6 (code 7) tie: code 6
    x[1] = 0.25f;    // 0 (code 0) and ½ (code 1) tie: code 0
    x[2] = -0.25f;   // +0 (code 0) and −½ (code 9) tie: code 0
    x[3] = -0.75f;   // −½ (code 9) and −1 (code 10) tie: code 9
    x[4] = 1.2f;     // 1: code 2
    x[5] = -5.0f;    // −4 (code 14) and −6 (code 15) tie: code 14
    x[16] = 7.0f;    // clips to 6: code 7
    x[17] = -0.1f;   // code 0
    x[18] = 0.1f;    // code 0
    x[20] = -2.9f;   // −3: code 13
    std::vector<std::byte> q(17);
    quant::quantize_row(TensorType::MXFP4, x, q);
    std::vector<std::byte> expected(17, std::byte{0});
    put(expected, 0, 127);
    put(expected, 1, 0x76);
    put(expected, 4, 0x09);
    put(expected, 5, 0xD2);
    put(expected, 6, 0x0E);
    QCOMPARE(q, expected);
    // A power of two as the largest weight sits on the grid: e = floor(log2 4) − 2 + 127.
    std::vector<float> four(32, 0.0f);
    four[31] = -4.0f;
    quant::quantize_row(TensorType::MXFP4, four, q);
    QCOMPARE(int(q[0]), 127);
    QCOMPARE(int(q[16]), 0xE0);  // −4 = −8·½: code 14
  }

  void q4_1_decodes_known_block() {
    std::vector<std::byte> b(20, std::byte{0});
    put_u16(b, 0, 0x3C00);  // d = 1
    put_u16(b, 2, 0xBC00);  // m = −1
    put(b, 4 + 3, 0xA5);    // weight 3: 5, weight 19: 10
    std::vector<float> e(32, -1.0f);
    e[3] = 4, e[19] = 9;
    expect_values(decode(TensorType::Q4_1, b, 32), e);
  }

  void q5_0_decodes_known_block() {
    std::vector<std::byte> b(22, std::byte{0});
    put_u16(b, 0, 0x3C00);  // d = 1
    put(b, 2, 0x01);        // fifth bit of weight 0
    put(b, 5, 0x80);        // fifth bit of weight 31
    put(b, 6 + 2, 0x3F);    // weight 2: 15, weight 18: 3
    std::vector<float> e(32, -16.0f);
    e[0] = 0, e[31] = 0, e[2] = -1, e[18] = -13;
    expect_values(decode(TensorType::Q5_0, b, 32), e);
  }

  void q5_1_decodes_known_block() {
    std::vector<std::byte> b(24, std::byte{0});
    put_u16(b, 0, 0x3800);  // d = 0.5
    put_u16(b, 2, 0x3C00);  // m = 1
    put(b, 4 + 2, 0x01);    // fifth bit of weight 16
    put(b, 8 + 0, 0x21);    // weight 0: 1, weight 16: 2 (+16)
    std::vector<float> e(32, 1.0f);
    e[0] = 1.5f, e[16] = 10.0f;
    expect_values(decode(TensorType::Q5_1, b, 32), e);
  }

  void q2_k_decodes_known_block() {
    std::vector<std::byte> b(84, std::byte{0});
    put(b, 0, 0x21);         // sub-block 0 (weights 0..15): sc 1, m 2
    put(b, 3, 0x03);         // sub-block 3 (weights 48..63): sc 3, m 0
    put(b, 15, 0xF1);        // sub-block 15 (weights 240..255): sc 1, m 15
    put(b, 16 + 0, 0xC2);    // weight 0: q 2 (bits 0-1); bits 6-7 are weight 96 (scale 0)
    put(b, 16 + 16, 0x04);   // weight 48: q 1 (bits 2-3 of qs[16])
    put(b, 16 + 63, 0xC0);   // weight 255: q 3 (bits 6-7 of qs[63])
    put_u16(b, 80, 0x3C00);  // d = 1
    put_u16(b, 82, 0x3800);  // dmin = 0.5
    std::vector<float> e(256, 0.0f);
    for (int i = 0; i < 16; ++i) e[i] = -1.0f;
    for (int i = 240; i < 256; ++i) e[i] = -7.5f;
    e[0] = 1.0f, e[48] = 3.0f, e[255] = -4.5f;
    expect_values(decode(TensorType::Q2_K, b, 256), e);
  }

  void q3_k_decodes_known_block() {
    std::vector<std::byte> b(110, std::byte{0});
    // Scales: every 6-bit scale 32 (→ 0): low nibbles 0, high bits 2 in bytes 8..11.
    for (int i = 8; i < 12; ++i) put(b, 96 + i, 0xAA);
    put(b, 96 + 0, 0x01);    // sub-block 0: low nibble 1 → 33 → +1
    put(b, 96 + 1, 0xF0);    // sub-block 9: low nibble 15 (high nibble of byte 1)
    put(b, 96 + 9, 0x9A);    // sub-block 9: high bits 01 (bits 4-5 of byte 9) → 31 → −1
    put(b, 0, 0x01);         // weight 0: high bit
    put(b, 32 + 0, 0x03);    // weight 0: low bits 3 → q = 3
    put(b, 1, 0x01);         // weight 1: high bit, low 0 → q = 0
    put(b, 22, 0x10);        // weight 150 (n 1, j 0, l 22): high bit 4n + j = 4
    put(b, 32 + 32 + 22, 0x02);  // weight 150: low bits 2 → q = 2
    put_u16(b, 108, 0x3800);     // d = 0.5
    std::vector<float> e(256, 0.0f);
    for (int i = 0; i < 16; ++i) e[i] = -2.0f;  // 0.5 · 1 · (−4)
    for (int i = 144; i < 160; ++i) e[i] = 2.0f;  // 0.5 · (−1) · (−4)
    e[0] = 1.5f, e[1] = 0.0f, e[150] = -1.0f;
    expect_values(decode(TensorType::Q3_K, b, 256), e);
  }

  void q4_k_decodes_known_block() {
    std::vector<std::byte> b(144, std::byte{0});
    put_u16(b, 0, 0x3C00);  // d = 1
    put_u16(b, 2, 0x3C00);  // dmin = 1
    put(b, 4 + 0, 2);       // sub-block 0: scale 2
    put(b, 4 + 4, 1);       //              min 1
    put(b, 4 + 1, 0x40);    // sub-block 5: scale high bits 01
    put(b, 4 + 5, 0x80);    //              min high bits 10
    put(b, 4 + 9, 0x31);    //              scale low 1, min low 3 → scale 17, min 35
    put(b, 16 + 3, 0x07);   // weight 3: q 7
    put(b, 16 + 74, 0xF0);  // weight 170 (chunk 2, high nibble of qs[64 + 10]): q 15
    std::vector<float> e(256, 0.0f);
    for (int i = 0; i < 32; ++i) e[i] = -1.0f;
    for (int i = 160; i < 192; ++i) e[i] = -35.0f;
    e[3] = 13.0f, e[170] = 220.0f;
    expect_values(decode(TensorType::Q4_K, b, 256), e);
  }

  void q5_k_decodes_known_block() {
    std::vector<std::byte> b(176, std::byte{0});
    put_u16(b, 0, 0x3C00);
    put_u16(b, 2, 0x3C00);
    put(b, 4 + 0, 2);
    put(b, 4 + 4, 1);
    put(b, 4 + 1, 0x40);
    put(b, 4 + 5, 0x80);
    put(b, 4 + 9, 0x31);    // scales as in the Q4_K block
    put(b, 16 + 3, 0x01);   // weight 3: fifth bit (bit 0 = sub-block 0)
    put(b, 16 + 10, 0x20);  // weight 170: fifth bit (bit 5 = sub-block 5)
    put(b, 16 + 11, 0x20);  // weight 171: fifth bit only
    put(b, 48 + 3, 0x07);
    put(b, 48 + 74, 0xF0);
    std::vector<float> e(256, 0.0f);
    for (int i = 0; i < 32; ++i) e[i] = -1.0f;
    for (int i = 160; i < 192; ++i) e[i] = -35.0f;
    e[3] = 45.0f, e[170] = 492.0f, e[171] = 237.0f;
    expect_values(decode(TensorType::Q5_K, b, 256), e);
  }

  void q6_k_decodes_known_block() {
    std::vector<std::byte> b(210, std::byte{0});
    put(b, 192 + 0, 4);       // sub-block 0 scale
    put(b, 192 + 13, 0xFE);   // sub-block 13 scale −2
    put(b, 1, 0x05);          // weight 1: low 5
    put(b, 128 + 1, 0x02);    //           high 2 → 37 − 32 = 5
    put(b, 64 + 18, 0xA0);    // weight 210 (n 1, k 2, l 18): high nibble of ql[64 + 18] = 10
    put(b, 128 + 32 + 18, 0x30);  //      bits 4-5 of qh[32 + 18] = 3 → 58 − 32 = 26
    put_u16(b, 208, 0x3400);  // d = 0.25
    std::vector<float> e(256, 0.0f);
    for (int i = 0; i < 16; ++i) e[i] = -32.0f;
    for (int i = 208; i < 224; ++i) e[i] = 16.0f;
    e[1] = 5.0f, e[210] = -13.0f;
    expect_values(decode(TensorType::Q6_K, b, 256), e);
  }

  void quantise_then_dequantise_stays_within_format_error() {
    // Relative RMS error of each format on N(0, 1) weights: what its bits allow, with margin.
    const std::map<TensorType, double> bound = {
        {TensorType::F32, 0.0},    {TensorType::F16, 5e-4},   {TensorType::BF16, 4e-3},
        {TensorType::Q8_0, 0.01},  {TensorType::Q6_K, 0.03},  {TensorType::Q5_0, 0.06},
        {TensorType::Q5_1, 0.06},  {TensorType::Q5_K, 0.06},  {TensorType::Q4_0, 0.12},
        {TensorType::Q4_1, 0.12},  {TensorType::Q4_K, 0.12},  {TensorType::Q3_K, 0.25},
        {TensorType::Q2_K, 0.50},  {TensorType::MXFP4, 0.15}};
    const uint64_t seed = sikao::test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(seed));
    std::mt19937_64 rng(seed);
    for (TensorType t : k_all_types) {
      const size_t n = 256 * 16;
      const std::vector<float> x = sikao::test::random_floats(rng, n);
      std::vector<std::byte> q(sikao::gguf::row_bytes(t, n));
      quant::quantize_row(t, x, q);
      std::vector<float> y(n);
      quant::dequantize_row(t, q, y);
      const double err = sikao::test::relative_error(y, x);
      qInfo("%-5s quantise→dequantise relative error %.4g (bound %.3g)", name(t), err, bound.at(t));
      QVERIFY2(err <= bound.at(t), name(t));
    }
  }

  void quantisers_handle_all_zero_and_constant_rows() {
    for (TensorType t : k_all_types) {
      for (float value : {0.0f, 0.75f, -3.0f}) {
        const std::vector<float> x(256, value);
        std::vector<std::byte> q(sikao::gguf::row_bytes(t, 256));
        quant::quantize_row(t, x, q);
        std::vector<float> y(256);
        quant::dequantize_row(t, q, y);
        for (float v : y) {
          QVERIFY2(std::isfinite(v), name(t));
          QVERIFY2(std::fabs(v - value) <= 0.05f * std::fabs(value) + 1e-6f,
                   qPrintable(QString("%1: %2 decoded as %3").arg(name(t)).arg(value).arg(v)));
        }
      }
    }
  }

  void rejects_rows_that_are_not_whole_blocks() {
    std::vector<float> y(32);
    std::vector<float> y48(48);
    std::vector<std::byte> q4_0_bytes(27);
    QVERIFY_THROWS_EXCEPTION(sikao::Error, quant::dequantize_row(TensorType::Q4_0, q4_0_bytes, y48));
    std::vector<std::byte> short_row(17);
    QVERIFY_THROWS_EXCEPTION(sikao::Error, quant::dequantize_row(TensorType::Q4_0, short_row, y));
    std::vector<std::byte> out(17);
    QVERIFY_THROWS_EXCEPTION(sikao::Error, quant::quantize_row(TensorType::Q4_0, y, out));
    std::vector<float> y256(256);
    std::vector<std::byte> q8_k(292);
    try {
      quant::dequantize_row(TensorType::Q8_K, q8_k, y256);
      QFAIL("Q8_K has no decoder and must be refused");
    } catch (const sikao::Error& e) {
      QCOMPARE(e.code(), sikao::ErrorCode::Unsupported);
    }
  }

  void real_tensors_have_the_documented_statistics() {
    SIKAO_REQUIRE_SHARED();
    // ../shared/reference/README.md: token_embd ~ N(0, 1), projections ~ N(0, 1/sqrt(n_in));
    // the quantised files carry quantisation noise of at most ~9 % RMS on top.
    struct Case {
      const char* file;
      const char* tensor;
      TensorType type;
      double expected_std;
    };
    const Case cases[] = {
        {"llama-spm-tiny-F16.gguf", "blk.0.attn_q.weight", TensorType::F16, 1 / 16.0},
        {"llama-spm-tiny-F16.gguf", "token_embd.weight", TensorType::F16, 1.0},
        {"llama-spm-tiny-Q8_0.gguf", "blk.0.ffn_down.weight", TensorType::Q8_0, 1 / std::sqrt(768.0)},
        {"llama-spm-tiny-Q4_0.gguf", "blk.1.ffn_gate.weight", TensorType::Q4_0, 1 / 16.0},
        {"llama-spm-tiny-Q4_0.gguf", "output.weight", TensorType::Q6_K, 1 / 16.0},
        {"llama-spm-tiny-Q4_K_M.gguf", "blk.0.attn_k.weight", TensorType::Q4_K, 1 / 16.0},
        {"llama-spm-tiny-Q4_K_M.gguf", "token_embd.weight", TensorType::Q4_K, 1.0},
        {"llama-spm-tiny-Q4_K_M.gguf", "blk.2.ffn_down.weight", TensorType::Q6_K, 1 / std::sqrt(768.0)},
    };
    std::map<std::string, MiniGguf> files;
    for (const Case& c : cases) {
      if (!files.count(c.file)) {
        files[c.file] = read_gguf(sikao::test::shared_path(std::string("reference/models/") + c.file));
      }
      const MiniGguf& g = files[c.file];
      QVERIFY2(g.tensors.count(c.tensor), c.tensor);
      QCOMPARE(g.tensors.at(c.tensor).type, c.type);
      const Moments m = tensor_moments(g, c.tensor, 2000);
      qInfo("%s %s (%s): mean %.5f std %.5f, expected std %.5f", c.file, c.tensor, name(c.type), m.mean,
            m.std, c.expected_std);
      QVERIFY2(std::fabs(m.std / c.expected_std - 1.0) < 0.03, c.tensor);
      QVERIFY2(std::fabs(m.mean) < 0.02 * c.expected_std, c.tensor);
    }
  }
  void real_quantised_tensors_match_the_f16_file() {
    SIKAO_REQUIRE_SHARED();
    // The F16, Q8_0, Q4_0 and Q4_K_M files are quantisations of the same F32 weights; the F16
    // copy is within 0.02 % of them, so a quantised tensor decoded right differs from it by its
    // format's noise (README: Q8_0 0.54 %, Q6_K 1.8 %, Q4_K 7.2 %, Q4_0 8.7 % RMS), and a decoder
    // that misplaces a scale or a bit by far more.
    struct Case {
      const char* file;
      const char* tensor;
      TensorType type;
      double documented;
    };
    const Case cases[] = {
        {"llama-spm-tiny-Q8_0.gguf", "blk.0.ffn_down.weight", TensorType::Q8_0, 0.0054},
        {"llama-spm-tiny-Q8_0.gguf", "token_embd.weight", TensorType::Q8_0, 0.0054},
        {"llama-spm-tiny-Q4_0.gguf", "blk.1.ffn_gate.weight", TensorType::Q4_0, 0.087},
        {"llama-spm-tiny-Q4_0.gguf", "output.weight", TensorType::Q6_K, 0.018},
        {"llama-spm-tiny-Q4_K_M.gguf", "blk.0.attn_k.weight", TensorType::Q4_K, 0.072},
        {"llama-spm-tiny-Q4_K_M.gguf", "token_embd.weight", TensorType::Q4_K, 0.072},
        {"llama-spm-tiny-Q4_K_M.gguf", "blk.2.ffn_down.weight", TensorType::Q6_K, 0.018},
    };
    const MiniGguf f16 = read_gguf(sikao::test::shared_path("reference/models/llama-spm-tiny-F16.gguf"));
    std::map<std::string, MiniGguf> files;
    for (const Case& c : cases) {
      if (!files.count(c.file)) {
        files[c.file] = read_gguf(sikao::test::shared_path(std::string("reference/models/") + c.file));
      }
      QCOMPARE(files[c.file].tensors.at(c.tensor).type, c.type);
      const double d = tensor_difference(files[c.file], f16, c.tensor, 2000);
      qInfo("%s %s (%s) vs F16 file: relative difference %.4f (documented %.4f)", c.file, c.tensor,
            name(c.type), d, c.documented);
      QVERIFY2(d > 0.8 * c.documented && d < 1.2 * c.documented, c.tensor);
    }
  }
};

QTEST_APPLESS_MAIN(TestQuantReference)
#include "tst_quant_reference.moc"
