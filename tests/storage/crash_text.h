#pragma once
// The text the crash writer produces, computable by the test that checks what survived.

#include <string>

#include <fmt/format.h>

namespace sikao::test::crash {

constexpr int k_complete_per_run = 3;
constexpr int k_pieces_per_stream = 400;

inline std::string complete_text(int run, int index) {
  return fmt::format("run {} message {}: 完成的消息 / 完了したメッセージ / a finished message", run, index);
}

// One streamed piece: a few tokens' worth of mixed scripts.
inline std::string piece(int run, int stream, int j) {
  return fmt::format("[{}.{}.{}] 思考 トークン token ", run, stream, j);
}

inline std::string stream_text(int run, int stream, int pieces = k_pieces_per_stream) {
  std::string s;
  for (int j = 0; j < pieces; ++j) s += piece(run, stream, j);
  return s;
}

} // namespace sikao::test::crash
