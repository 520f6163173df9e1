#pragma once
// Sizes of memory as people write and read them: "8G", "512 MB", "6.5GiB" in; "12.1 GB" out.
// G/GB/M/MB/K/KB are powers of 1000, GiB/MiB/KiB powers of 1024 (in any case), a bare number
// is bytes.

#include <cstdint>
#include <string>
#include <string_view>

namespace sikao {

// Error(InvalidArgument) naming the text when it is not a size, or is beyond 2^64 bytes.
uint64_t parse_byte_size(std::string_view text);

// "512 bytes", "262 KB", "5.7 MB", "812 MB", "12.1 GB": decimal units.
std::string format_byte_size(uint64_t bytes);

} // namespace sikao
