#pragma once
// The bytes in which an answer's per-token probabilities (the reasoning inspector's colouring)
// are stored with the message (storage::History::finish_streaming). Little-endian:
//
//   "SKC1"  u32 count
//   count × { u8 flags (bit 0: reasoning)  u16 probability (× 65535)  varint n  n bytes UTF-8
//             u8 alternatives  alternatives × { u16 probability  varint n  n bytes UTF-8 } }
//
// About 12 bytes per token plus the text of the token and its alternatives. Probabilities keep
// 1/65535, more than the inspector shows (0.1 %).

#include <QByteArray>
#include <QVector>
#include <optional>

#include "engine/generation_types.h"

namespace sikao::ui {

QByteArray encode_token_confidence(const QVector<TokenConfidence>& tokens);

// None for bytes that are not what encode_token_confidence wrote (wrong magic, truncated,
// lengths past the end or past the limits, trailing bytes): the inspector then shows the answer
// without probabilities. Never reads past `bytes`, never allocates more than it holds.
std::optional<QVector<TokenConfidence>> decode_token_confidence(QByteArrayView bytes);

} // namespace sikao::ui
