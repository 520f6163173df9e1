// libFuzzer target: the codec of an answer's per-token probabilities (ui/chat/token_confidence_codec.h)
// on stored bytes that may be damaged. Decoding must reject what the encoder did not write —
// never read past the input, never allocate more than it holds — and what it accepts must come
// back the same through encode and decode.

#include <cstdint>
#include <cstdlib>

#include "chat/token_confidence_codec.h"

namespace {

bool same(const QVector<sikao::ui::TokenConfidence>& a, const QVector<sikao::ui::TokenConfidence>& b) {
  if (a.size() != b.size()) return false;
  for (qsizetype i = 0; i < a.size(); ++i) {
    if (a[i].text != b[i].text || a[i].probability != b[i].probability ||
        a[i].reasoning != b[i].reasoning || a[i].alternatives != b[i].alternatives) {
      return false;
    }
  }
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
  const auto tokens = sikao::ui::decode_token_confidence(bytes);
  if (!tokens) return 0;
  const auto again = sikao::ui::decode_token_confidence(sikao::ui::encode_token_confidence(*tokens));
  if (!again || !same(*tokens, *again)) std::abort();
  return 0;
}
