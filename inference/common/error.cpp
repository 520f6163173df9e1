#include "common/error.h"

namespace sikao {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid argument";
    case ErrorCode::Io: return "i/o error";
    case ErrorCode::InvalidFile: return "invalid file";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::NoDevice: return "no device";
    case ErrorCode::DeviceLost: return "device lost";
    case ErrorCode::OutOfMemory: return "out of memory";
    case ErrorCode::Vulkan: return "vulkan error";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Internal: return "internal error";
  }
  return "error";
}

} // namespace sikao
