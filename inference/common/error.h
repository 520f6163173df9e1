#pragma once
// The one error type the engine throws: a code the caller can act on, and a message a user can
// read ("what failed, with which input, and what to do").

#include <stdexcept>
#include <string>

namespace sikao {

enum class ErrorCode {
  InvalidArgument,  // the caller passed something unusable (a bad option, an out-of-range id)
  Io,               // a file could not be opened, read, mapped or written
  InvalidFile,      // a file is malformed: corrupt GGUF, bad template, bad JSON
  Unsupported,      // well-formed but not supported: architecture, quant type, template construct
  NoDevice,         // no Vulkan driver or no usable device
  DeviceLost,       // the GPU went away mid-work
  OutOfMemory,      // host or device memory exhausted, or a model too large for the device
  Vulkan,           // any other Vulkan failure
  Cancelled,        // the caller asked to stop
  Internal,         // a broken invariant: a bug in Sikao
};

const char* to_string(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

} // namespace sikao
