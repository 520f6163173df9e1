#include "chat/token_confidence_codec.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace sikao::ui {
namespace {

constexpr char k_magic[4] = {'S', 'K', 'C', '1'};
constexpr uint32_t k_max_text_bytes = 4096;   // one token's text; real ones are a few bytes
constexpr int k_max_alternatives = 64;

void put_u16(QByteArray& out, uint16_t v) {
  out.append(static_cast<char>(v & 0xff));
  out.append(static_cast<char>(v >> 8));
}

void put_u32(QByteArray& out, uint32_t v) {
  put_u16(out, static_cast<uint16_t>(v & 0xffff));
  put_u16(out, static_cast<uint16_t>(v >> 16));
}

void put_varint(QByteArray& out, uint32_t v) {
  while (v >= 0x80) {
    out.append(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.append(static_cast<char>(v));
}

void put_probability(QByteArray& out, float p) {
  put_u16(out, static_cast<uint16_t>(std::lround(std::clamp(p, 0.0f, 1.0f) * 65535.0f)));
}

void put_text(QByteArray& out, const QString& text) {
  QByteArray utf8 = text.toUtf8();
  if (utf8.size() > static_cast<qsizetype>(k_max_text_bytes)) utf8.truncate(k_max_text_bytes);
  put_varint(out, static_cast<uint32_t>(utf8.size()));
  out.append(utf8);
}

// Reads what the writer above wrote; every read checks the bytes left.
class Reader {
 public:
  explicit Reader(QByteArrayView bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  size_t left() const { return static_cast<size_t>(end_ - p_); }

  uint8_t u8() {
    if (!need(1)) return 0;
    return static_cast<uint8_t>(*p_++);
  }
  uint16_t u16() {
    const uint16_t lo = u8();
    return static_cast<uint16_t>(lo | (static_cast<uint16_t>(u8()) << 8));
  }
  uint32_t u32() {
    const uint32_t lo = u16();
    return lo | (static_cast<uint32_t>(u16()) << 16);
  }
  uint32_t varint() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      const uint8_t b = u8();
      if (!ok_) return 0;
      v |= static_cast<uint32_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok_ = false;  // more than five bytes
    return 0;
  }
  float probability() { return u16() / 65535.0f; }
  QString text() {
    const uint32_t n = varint();
    if (n > k_max_text_bytes || !need(n)) {
      ok_ = false;
      return {};
    }
    QString s = QString::fromUtf8(p_, static_cast<qsizetype>(n));
    p_ += n;
    return s;
  }
  bool magic() {
    if (!need(sizeof k_magic) || !std::equal(k_magic, k_magic + sizeof k_magic, p_)) return ok_ = false;
    p_ += sizeof k_magic;
    return true;
  }

 private:
  bool need(size_t n) {
    if (!ok_ || left() < n) ok_ = false;
    return ok_;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

} // namespace

QByteArray encode_token_confidence(const QVector<TokenConfidence>& tokens) {
  QByteArray out(k_magic, sizeof k_magic);
  put_u32(out, static_cast<uint32_t>(tokens.size()));
  for (const TokenConfidence& t : tokens) {
    out.append(static_cast<char>(t.reasoning ? 1 : 0));
    put_probability(out, t.probability);
    put_text(out, t.text);
    const int alternatives = std::min<int>(static_cast<int>(t.alternatives.size()), k_max_alternatives);
    out.append(static_cast<char>(alternatives));
    for (int i = 0; i < alternatives; ++i) {
      put_probability(out, t.alternatives[i].second);
      put_text(out, t.alternatives[i].first);
    }
  }
  return out;
}

std::optional<QVector<TokenConfidence>> decode_token_confidence(QByteArrayView bytes) {
  Reader in(bytes);
  if (!in.magic()) return std::nullopt;
  const uint32_t count = in.u32();
  // Each token takes at least 5 bytes: a count the bytes cannot hold is a lie, not a reason to
  // reserve memory for it.
  if (!in.ok() || count > in.left() / 5) return std::nullopt;
  QVector<TokenConfidence> tokens;
  tokens.reserve(static_cast<qsizetype>(count));
  for (uint32_t i = 0; i < count; ++i) {
    TokenConfidence t;
    const uint8_t flags = in.u8();
    if (flags > 1) return std::nullopt;
    t.reasoning = flags & 1;
    t.probability = in.probability();
    t.text = in.text();
    const int alternatives = in.u8();
    if (alternatives > k_max_alternatives) return std::nullopt;
    for (int a = 0; a < alternatives && in.ok(); ++a) {
      const float p = in.probability();
      t.alternatives.append({in.text(), p});
    }
    if (!in.ok()) return std::nullopt;
    tokens.append(std::move(t));
  }
  if (!in.at_end()) return std::nullopt;
  return tokens;
}

} // namespace sikao::ui
