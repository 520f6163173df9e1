#pragma once
// The SPIR-V modules compiled from shaders/*.comp at build time (cmake/Shaders.cmake).

#include <cstdint>
#include <span>
#include <string_view>

namespace sikao::shaders {

struct Shader {
  std::string_view name;
  std::span<const uint32_t> spirv;
};

std::span<const Shader> all();

} // namespace sikao::shaders
