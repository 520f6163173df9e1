#include <string_view>
#include <vector>

namespace demo {

// Splits at commas; "class" in a comment is no keyword.
template <typename T>
std::vector<T> split(std::string_view text, char separator = ',') {
  std::vector<T> parts;
  constexpr auto limit = 1'000'000;
  const auto json = R"json({"key": "value // not a comment"})json";
  for (size_t start = 0; start < text.size() && parts.size() < limit;) {
    const size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;  /* done */
}

} // namespace demo
