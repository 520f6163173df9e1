// Tree-walking evaluator with Python/jinja2 semantics for the values templates use: Undefined
// prints as nothing but fails when used, `a.b` prefers methods then keys, `set` inside a loop
// stays in the loop, lists and dicts cannot be mutated (ImmutableSandboxedEnvironment).

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "chat/jinja.h"
#include "chat/jinja_ast.h"
#include "common/error.h"

namespace sikao::chat::jinja {

namespace {

[[noreturn]] void fault(std::string message) { throw RenderFault{std::move(message)}; }

// Python's dict keys: no list, dict or namespace, nor a tuple holding one (which also keeps key
// lookups, which compare keys outside the step budget, cheap).
bool hashable(const Value& v) {
  if (v.kind() == Value::Kind::List) {
    return v.is_tuple() && std::all_of(v.as_list().begin(), v.as_list().end(), [](const Value& x) { return hashable(x); });
  }
  return !v.is_mapping();
}

[[noreturn]] void undefined_fault(const Value& v) {
  fault(v.undefined_name().empty() ? "an undefined value was used" : v.undefined_name());
}

Value make_undefined_name(std::string_view name) { return Value::undefined(fmt::format("'{}' is undefined", name)); }

Value missing_attribute(const Value& obj, std::string_view attr) {
  return Value::undefined(fmt::format("'{} object' has no attribute '{}'", obj.type_name(), attr));
}

// ---- budgets ----

// A GGUF's tokenizer.chat_template is untrusted input: a render must end, in bounded time and
// memory, whatever the template does. Each budget exceeded is a render error that names it. The
// renders in tests/chat (real templates, conversations of a few turns) take at most 1,105 steps,
// build at most 16 KiB and print at most 2.7 KiB; a whole conversation filling a 128k-token
// context is about 0.5 MiB of text, so 4 MiB of output (and 16 times that built along the way)
// leaves room for any real prompt while stopping a template that would build gigabytes.
class RenderBudget {
 public:
  static constexpr uint64_t k_max_output_bytes = uint64_t{4} << 20;
  static constexpr uint64_t k_max_allocated_bytes = uint64_t{64} << 20;
  // A step costs 50-100 ns, so a runaway render stops within a fifth of a second.
  static constexpr int64_t k_max_steps = 2'000'000;
  static constexpr uint64_t k_max_range_items = 100'000;

  // One evaluated expression or executed statement; `n` for work that walks n list items or
  // 8n bytes of string (string work decodes UTF-8 to code points, at several ns a byte).
  void step(int64_t n = 1) {
    steps_left_ -= n;
    if (steps_left_ < 0) {
      fault(fmt::format("step budget exceeded: more than {} evaluation steps in one render (runaway template?)", k_max_steps));
    }
  }
  void walk(const Value& v) {
    if (v.is_string()) step(static_cast<int64_t>(v.as_string().size() / 8));
    if (v.kind() == Value::Kind::List) step(static_cast<int64_t>(v.as_list().size()));
    if (v.kind() == Value::Kind::Dict) step(static_cast<int64_t>(v.as_dict().size()));
  }
  // For equals() and less(), which pay as they compare.
  int64_t& steps_left() { return steps_left_; }

  // Charges `count` items of `each` bytes to the allocation budget, before they are allocated.
  void allocate(uint64_t count, uint64_t each, std::string_view what) {
    const uint64_t left = k_max_allocated_bytes - allocated_;
    if (each != 0 && count > left / each) {
      fault(fmt::format("allocation budget exceeded: {} would take the strings and lists built in this render past {} MiB",
                        what, k_max_allocated_bytes >> 20));
    }
    allocated_ += count * each;
  }

  // Appends rendered text to a block's output (the whole render, a macro body, a captured block).
  void emit(std::string& out, std::string_view text) {
    if (text.size() > k_max_output_bytes - out.size()) {
      fault(fmt::format("output budget exceeded: the rendered text would be over {} MiB", k_max_output_bytes >> 20));
    }
    allocate(text.size(), 1, "rendered text");
    out += text;
  }

 private:
  int64_t steps_left_ = k_max_steps;
  uint64_t allocated_ = 0;
};

// A lower bound on the length of str(v) or of v's JSON (with `indent` spaces per level), to charge
// before it is built: a list holding the same long string a million times is small, its text is
// not. The walk stops as soon as the text would be over `limit`.
uint64_t text_size_at_least(const Value& v, uint64_t limit, uint64_t indent = 0, uint64_t depth = 0) {
  if (depth > 1000) fault("a value nested more than 1000 levels deep cannot be printed");
  switch (v.kind()) {
    case Value::Kind::String: return v.as_string().size();
    case Value::Kind::List: {
      uint64_t n = 2;
      for (const auto& x : v.as_list()) {
        if (n > limit) break;
        n += 2 + indent * (depth + 1);
        if (n > limit) break;
        n += text_size_at_least(x, limit - n, indent, depth + 1);
      }
      return n;
    }
    case Value::Kind::Dict:
    case Value::Kind::Namespace: {
      uint64_t n = 2;
      for (const auto& [k, x] : v.as_dict()) {
        if (n > limit) break;
        n += 4 + indent * (depth + 1);
        if (n > limit) break;
        n += text_size_at_least(k, limit - n, indent, depth + 1);
        if (n > limit) break;
        n += text_size_at_least(x, limit - n, indent, depth + 1);
      }
      return n;
    }
    case Value::Kind::Undefined: return 0;
    default: return 1;
  }
}

std::string budgeted_str(const Value& v, RenderBudget& budget) {
  if (v.kind() == Value::Kind::List || v.is_mapping()) {
    budget.allocate(text_size_at_least(v, RenderBudget::k_max_allocated_bytes), 1, "printing a list or dict");
  } else if (v.is_string()) {
    budget.allocate(v.as_string().size(), 1, "copying a string");
  }
  return v.str();
}

// ---- strings ----

std::string py_strip(const std::string& s, const Value& chars, bool left, bool right) {
  auto cps = utf8_decode(s);
  std::vector<char32_t> set;
  const bool use_set = chars.is_string();
  if (use_set) set = utf8_decode(chars.as_string());
  const auto strip_me = [&](char32_t c) {
    return use_set ? std::find(set.begin(), set.end(), c) != set.end() : is_python_space(c);
  };
  size_t b = 0, e = cps.size();
  if (left) {
    while (b < e && strip_me(cps[b])) ++b;
  }
  if (right) {
    while (e > b && strip_me(cps[e - 1])) --e;
  }
  return utf8_encode(std::vector<char32_t>(cps.begin() + static_cast<long>(b), cps.begin() + static_cast<long>(e)));
}

// Case mapping: ASCII, Latin-1, Greek and Cyrillic basic blocks (what str.upper() changes for the
// scripts Sikao's users write; CJK, Arabic and emoji have no case).
char32_t to_upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if ((c >= 0xe0 && c <= 0xfe && c != 0xf7)) return c - 32;
  if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) return c - 32;
  if (c >= 0x430 && c <= 0x44f) return c - 32;
  if (c >= 0x450 && c <= 0x45f) return c - 80;
  return c;
}
char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xc0 && c <= 0xde && c != 0xd7)) return c + 32;
  if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}
bool is_cased_letter(char32_t c) { return to_upper(c) != c || to_lower(c) != c; }

std::string map_case(const std::string& s, char32_t (*f)(char32_t)) {
  auto cps = utf8_decode(s);
  for (auto& c : cps) c = f(c);
  return utf8_encode(cps);
}

std::string py_capitalize(const std::string& s) {
  auto cps = utf8_decode(s);
  for (size_t i = 0; i < cps.size(); ++i) cps[i] = i == 0 ? to_upper(cps[i]) : to_lower(cps[i]);
  return utf8_encode(cps);
}

std::string py_title(const std::string& s) {
  auto cps = utf8_decode(s);
  bool prev_cased = false;
  for (auto& c : cps) {
    const bool cased = is_cased_letter(c);
    if (cased) c = prev_cased ? to_lower(c) : to_upper(c);
    prev_cased = cased;
  }
  return utf8_encode(cps);
}

// jinja2's do_title: words start after runs of '-', whitespace, '(', '{', '[' or '<'; each word's
// first character is upper-cased and the rest lower-cased (unlike str.title()).
std::string jinja_title(const std::string& s) {
  auto cps = utf8_decode(s);
  const auto is_sep = [](char32_t c) { return c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || is_python_space(c); };
  bool word_start = true;
  for (auto& c : cps) {
    if (is_sep(c)) {
      word_start = true;
      continue;
    }
    c = word_start ? to_upper(c) : to_lower(c);
    word_start = false;
  }
  return utf8_encode(cps);
}

// str.replace(old, new, count); the result's size is charged before it is built.
std::string py_replace(const std::string& s, const std::string& old, const std::string& repl, int64_t count,
                       RenderBudget& budget) {
  const auto wanted = [&](uint64_t done) { return count < 0 || done < static_cast<uint64_t>(count); };
  std::string out;
  if (old.empty()) {
    // Python inserts the replacement between every code point (and at both ends).
    const auto cps = utf8_decode(s);
    const uint64_t inserts = count < 0 ? cps.size() + 1 : std::min<uint64_t>(cps.size() + 1, static_cast<uint64_t>(count));
    budget.allocate(inserts, repl.size(), "replace()");
    budget.allocate(s.size(), 1, "replace()");
    out.reserve(s.size() + inserts * repl.size());
    uint64_t done = 0;
    for (size_t i = 0; i <= cps.size(); ++i) {
      if (wanted(done)) {
        out += repl;
        ++done;
      }
      if (i < cps.size()) utf8_append(out, cps[i]);
    }
    return out;
  }
  uint64_t hits = 0;
  for (size_t pos = s.find(old); pos != std::string::npos && wanted(hits); pos = s.find(old, pos + old.size())) ++hits;
  budget.allocate(hits, repl.size(), "replace()");
  budget.allocate(s.size(), 1, "replace()");
  size_t pos = 0;
  for (uint64_t done = 0; done < hits; ++done) {
    const size_t hit = s.find(old, pos);
    out.append(s, pos, hit - pos);
    out += repl;
    pos = hit + old.size();
  }
  out.append(s, pos, std::string::npos);
  return out;
}

Value py_split(const std::string& s, const Value& sep, int64_t maxsplit) {
  List parts;
  if (!sep.is_string()) {
    const auto cps = utf8_decode(s);
    size_t i = 0;
    while (true) {
      while (i < cps.size() && is_python_space(cps[i])) ++i;
      if (i >= cps.size()) break;
      if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) >= maxsplit) {
        size_t e = cps.size();
        while (e > i && is_python_space(cps[e - 1])) --e;
        parts.emplace_back(utf8_encode({cps.begin() + static_cast<long>(i), cps.begin() + static_cast<long>(e)}));
        break;
      }
      size_t j = i;
      while (j < cps.size() && !is_python_space(cps[j])) ++j;
      parts.emplace_back(utf8_encode({cps.begin() + static_cast<long>(i), cps.begin() + static_cast<long>(j)}));
      i = j;
    }
    return Value(std::move(parts));
  }
  const std::string& d = sep.as_string();
  if (d.empty()) fault("ValueError: empty separator");
  size_t pos = 0;
  while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
    const size_t hit = s.find(d, pos);
    if (hit == std::string::npos) break;
    parts.emplace_back(s.substr(pos, hit - pos));
    pos = hit + d.size();
  }
  parts.emplace_back(s.substr(pos));
  return Value(std::move(parts));
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t e = pos;
    while (e < s.size() && s[e] != '\n' && s[e] != '\r') ++e;
    lines.push_back(s.substr(pos, e - pos));
    if (e < s.size() && s[e] == '\r' && e + 1 < s.size() && s[e + 1] == '\n') ++e;
    pos = e + 1;
  }
  return lines;
}

// ---- argument helpers ----

const Value* arg(CallArgs& a, size_t index, std::string_view name) {
  for (const auto& [k, v] : a.keyword) {
    if (k == name) return &v;
  }
  return index < a.positional.size() ? &a.positional[index] : nullptr;
}
Value arg_or(CallArgs& a, size_t index, std::string_view name, Value fallback) {
  const Value* v = arg(a, index, name);
  return v ? *v : fallback;
}
const std::string& need_string(const Value& v, std::string_view what) {
  if (!v.is_string()) fault(fmt::format("{} must be a string, not {}", what, v.type_name()));
  return v.as_string();
}

// ---- iteration, length, indexing ----

List iterate(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Undefined: return {};
    case Value::Kind::List: return v.as_list();
    case Value::Kind::Dict: {
      List keys;
      for (const auto& [k, e] : v.as_dict()) keys.push_back(k);
      return keys;
    }
    case Value::Kind::String: {
      List chars;
      for (const char32_t c : utf8_decode(v.as_string())) {
        std::string s;
        utf8_append(s, c);
        chars.emplace_back(std::move(s));
      }
      return chars;
    }
    default: fault(fmt::format("'{}' object is not iterable", v.type_name()));
  }
}

int64_t length_of(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Undefined: return 0;
    case Value::Kind::String: return static_cast<int64_t>(utf8_decode(v.as_string()).size());
    case Value::Kind::List:
      if (v.is_generator()) fault("object of type 'generator' has no len()");
      return static_cast<int64_t>(v.as_list().size());
    case Value::Kind::Dict:
    case Value::Kind::Namespace: return static_cast<int64_t>(v.as_dict().size());
    default: fault(fmt::format("object of type '{}' has no len()", v.type_name()));
  }
}

Value make_items(const Value& v) {
  if (v.is_undefined()) return Value(List{});
  if (v.kind() != Value::Kind::Dict) fault("Can only get item pairs from a mapping.");
  List items;
  for (const auto& [k, e] : v.as_dict()) items.push_back(Value::tuple(List{k, e}));
  return Value(std::move(items));
}

Value slice_value(const Value& v, const Value& start, const Value& stop, const Value& step_v) {
  const int64_t step = step_v.is_none() || step_v.is_undefined() ? 1 : step_v.as_int();
  if (step == 0) fault("ValueError: slice step cannot be zero");
  List items;
  std::vector<char32_t> cps;
  int64_t n;
  if (v.is_string()) {
    cps = utf8_decode(v.as_string());
    n = static_cast<int64_t>(cps.size());
  } else if (v.kind() == Value::Kind::List) {
    n = static_cast<int64_t>(v.as_list().size());
  } else {
    fault(fmt::format("'{}' object is not subscriptable", v.type_name()));
  }
  // Python's slice.indices().
  const auto norm = [&](const Value& x, int64_t def, bool is_start) {
    if (x.is_none() || x.is_undefined()) return def;
    int64_t i = x.as_int();
    if (i < 0) {
      i += n;
      if (i < 0) i = step < 0 ? -1 : 0;
    } else if (i >= n) {
      i = step < 0 ? n - 1 : n;
    }
    (void)is_start;
    return i;
  };
  const int64_t b = norm(start, step < 0 ? n - 1 : 0, true);
  const int64_t e = norm(stop, step < 0 ? -1 : n, false);
  std::vector<int64_t> idx;
  if (step > 0) {
    for (int64_t i = b; i < e; i += step) idx.push_back(i);
  } else {
    for (int64_t i = b; i > e; i += step) idx.push_back(i);
  }
  if (v.is_string()) {
    std::string out;
    for (const auto i : idx) utf8_append(out, cps[static_cast<size_t>(i)]);
    return Value(std::move(out));
  }
  for (const auto i : idx) items.push_back(v.as_list()[static_cast<size_t>(i)]);
  return Value(std::move(items));
}

// ---- arithmetic ----

// Python's ints are unbounded and jinja2 computes 2 ** 64 or 9223372036854775807 + 1 exactly;
// ours are int64_t. Rather than wrap silently (or trap: INT64_MIN // -1 raises SIGFPE) we refuse:
// a result outside 64 bits is a render error. No chat template computes with numbers near 2^63.
[[noreturn]] void overflow_fault(std::string_view op, int64_t a, int64_t b) {
  fault(fmt::format("integer overflow in {} {} {} (integers are limited to 64 bits)", a, op, b));
}

int64_t checked_add(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) overflow_fault("+", a, b);
  return r;
}
int64_t checked_sub(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) overflow_fault("-", a, b);
  return r;
}
int64_t checked_mul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) overflow_fault("*", a, b);
  return r;
}
int64_t checked_neg(int64_t a) {
  if (a == INT64_MIN) fault(fmt::format("integer overflow in -({}) (integers are limited to 64 bits)", a));
  return -a;
}

// Python's // and %: the quotient rounds toward negative infinity, the remainder takes the
// divisor's sign. y != 0. INT64_MIN % -1 is 0 (exact, as in Python); INT64_MIN // -1 is 2^63.
int64_t floor_div(int64_t x, int64_t y) {
  if (x == INT64_MIN && y == -1) overflow_fault("//", x, y);
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
  return q;
}
int64_t floor_mod(int64_t x, int64_t y) {
  if (y == -1) return 0;
  const int64_t r = x % y;
  return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r;
}

// base ** exp for exp >= 0 by squaring, so a huge exponent costs 63 steps, not 2^63.
int64_t checked_pow(int64_t base, int64_t exp) {
  if (base == 0) return exp == 0 ? 1 : 0;
  if (base == 1) return 1;
  if (base == -1) return exp % 2 == 0 ? 1 : -1;
  int64_t r = 1;
  int64_t b = base;
  for (int64_t e = exp; e > 0; e >>= 1) {
    if (e & 1) {
      if (__builtin_mul_overflow(r, b, &r)) overflow_fault("**", base, exp);
    }
    if (e > 1 && __builtin_mul_overflow(b, b, &b)) overflow_fault("**", base, exp);
  }
  return r;
}

// Python's len(range(start, stop, step)), in unsigned arithmetic so that no difference overflows.
uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
  if (step > 0 && start < stop) {
    return (static_cast<uint64_t>(stop) - static_cast<uint64_t>(start) - 1) / static_cast<uint64_t>(step) + 1;
  }
  if (step < 0 && start > stop) {
    return (static_cast<uint64_t>(start) - static_cast<uint64_t>(stop) - 1) / (uint64_t{0} - static_cast<uint64_t>(step)) + 1;
  }
  return 0;
}

// seq * count for a str or list: the size is charged before anything is allocated.
Value repeat(const Value& seq, int64_t count, RenderBudget& budget) {
  const uint64_t n = static_cast<uint64_t>(std::max<int64_t>(0, count));
  if (seq.is_string()) {
    const std::string& s = seq.as_string();
    budget.allocate(n, s.size(), "repeating a string");
    std::string out;
    out.reserve(n * s.size());
    for (uint64_t i = 0; i < n; ++i) out += s;
    return Value(std::move(out));
  }
  const List& l = seq.as_list();
  budget.allocate(n, l.size() * sizeof(Value), "repeating a list");
  List out;
  out.reserve(n * l.size());
  for (uint64_t i = 0; i < n; ++i) out.insert(out.end(), l.begin(), l.end());
  return Value(std::move(out));
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}


Value binary(const std::string& op, const Value& a, const Value& b, RenderBudget& budget) {
  using K = Value::Kind;
  if (op == "~") return Value(budgeted_str(a, budget) + budgeted_str(b, budget));
  if (op == "==") return Value(equals(a, b, budget.steps_left()));
  if (op == "!=") return Value(!equals(a, b, budget.steps_left()));
  if (op == "in" || op == "not in") {
    bool found = false;
    if (b.is_string()) {
      if (!a.is_string()) fault(fmt::format("'in <string>' requires string as left operand, not {}", a.type_name()));
      budget.walk(b);
      found = b.as_string().find(a.as_string()) != std::string::npos;
    } else if (b.kind() == K::List) {
      found = std::any_of(b.as_list().begin(), b.as_list().end(), [&](const Value& x) { return equals(x, a, budget.steps_left()); });
    } else if (b.kind() == K::Dict || b.kind() == K::Namespace) {
      found = b.find(a) != nullptr;
    } else if (b.is_undefined()) {
      found = false;
    } else {
      fault(fmt::format("argument of type '{}' is not iterable", b.type_name()));
    }
    return Value(op == "in" ? found : !found);
  }
  if (a.is_undefined()) undefined_fault(a);
  if (b.is_undefined()) undefined_fault(b);
  if (op == "<") return Value(less(a, b, budget.steps_left()));
  if (op == ">") return Value(less(b, a, budget.steps_left()));
  if (op == "<=") return Value(!less(b, a, budget.steps_left()));
  if (op == ">=") return Value(!less(a, b, budget.steps_left()));
  const bool numbers = a.is_number() && b.is_number();
  const bool any_float = a.kind() == K::Float || b.kind() == K::Float;
  if (op == "+") {
    if (numbers) return any_float ? Value(a.as_double() + b.as_double()) : Value(checked_add(a.as_int(), b.as_int()));
    if (a.is_string() && b.is_string()) {
      budget.allocate(a.as_string().size() + b.as_string().size(), 1, "concatenating strings");
      if (a.is_markup() || b.is_markup()) {
        return Value::markup((a.is_markup() ? a.as_string() : html_escape(a.as_string())) +
                             (b.is_markup() ? b.as_string() : html_escape(b.as_string())));
      }
      return Value(a.as_string() + b.as_string());
    }
    if (a.kind() == K::List && b.kind() == K::List) {
      budget.allocate(a.as_list().size() + b.as_list().size(), sizeof(Value), "concatenating lists");
      List l = a.as_list();
      l.insert(l.end(), b.as_list().begin(), b.as_list().end());
      return Value(std::move(l));
    }
    if (a.is_string()) fault(fmt::format("can only concatenate str (not \"{}\") to str", b.type_name()));
    if (a.kind() == K::List) fault(fmt::format("can only concatenate list (not \"{}\") to list", b.type_name()));
  } else if (op == "-") {
    if (numbers) return any_float ? Value(a.as_double() - b.as_double()) : Value(checked_sub(a.as_int(), b.as_int()));
  } else if (op == "*") {
    if (numbers) return any_float ? Value(a.as_double() * b.as_double()) : Value(checked_mul(a.as_int(), b.as_int()));
    const Value* seq = a.is_number() ? &b : &a;
    const Value* count = a.is_number() ? &a : &b;
    if (count->kind() == K::Int && (seq->is_string() || seq->kind() == K::List)) return repeat(*seq, count->as_int(), budget);
  } else if (op == "/") {
    if (numbers) {
      if (b.as_double() == 0.0) fault("ZeroDivisionError: division by zero");
      return Value(a.as_double() / b.as_double());
    }
  } else if (op == "//" || op == "%") {
    if (numbers) {
      if (b.as_double() == 0.0) fault("ZeroDivisionError: integer division or modulo by zero");
      if (any_float) {
        const double q = std::floor(a.as_double() / b.as_double());
        return op == "//" ? Value(q) : Value(a.as_double() - q * b.as_double());
      }
      const int64_t x = a.as_int(), y = b.as_int();
      return op == "//" ? Value(floor_div(x, y)) : Value(floor_mod(x, y));
    }
    if (op == "%" && a.is_string()) fault("printf-style string formatting ('%') is not supported");
  } else if (op == "**") {
    if (numbers) {
      if (!any_float && b.as_int() >= 0) return Value(checked_pow(a.as_int(), b.as_int()));
      return Value(std::pow(a.as_double(), b.as_double()));
    }
  }
  fault(fmt::format("unsupported operand type(s) for {}: '{}' and '{}'", op, a.type_name(), b.type_name()));
}

std::string ascii_json(const std::string& json) {
  std::string out;
  for (const char32_t c : utf8_decode(json)) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x10000) {
      out += fmt::format("\\u{:04x}", static_cast<uint32_t>(c));
    } else {
      const uint32_t v = static_cast<uint32_t>(c) - 0x10000;
      out += fmt::format("\\u{:04x}\\u{:04x}", 0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    }
  }
  return out;
}

const std::set<std::string, std::less<>>& filter_names() {
  static const std::set<std::string, std::less<>> names = {
      "abs", "attr", "capitalize", "count", "d", "default", "e", "escape", "first", "float", "indent", "int",
      "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace",
      "reverse", "round", "safe", "select", "selectattr", "sort", "string", "sum", "title", "tojson", "trim",
      "unique", "upper", "dictsort", "wordcount"};
  return names;
}

const std::set<std::string, std::less<>>& test_names() {
  static const std::set<std::string, std::less<>> names = {
      "boolean", "callable", "defined", "divisibleby", "eq", "equalto", "escaped", "even", "false", "float",
      "ge", "gt", "in", "integer", "iterable", "le", "lower", "lt", "mapping", "ne", "none", "number", "odd",
      "sameas", "sequence", "string", "true", "undefined", "upper", "==", "!=", "<", ">", "<=", ">=",
      "greaterthan", "lessthan"};
  return names;
}

struct Scope {
  std::shared_ptr<Scope> parent;
  std::vector<std::pair<std::string, Value>> vars;

  const Value* lookup(std::string_view name) const {
    for (const Scope* s = this; s; s = s->parent.get()) {
      for (const auto& [k, v] : s->vars) {
        if (k == name) return &v;
      }
    }
    return nullptr;
  }
  void set(const std::string& name, Value v) {
    for (auto& [k, old] : vars) {
      if (k == name) {
        old = std::move(v);
        return;
      }
    }
    vars.emplace_back(name, std::move(v));
  }
};
using ScopeP = std::shared_ptr<Scope>;

enum class Flow { Normal, Break, Continue };

class Evaluator {
 public:
  explicit Evaluator(std::string name) : name_(std::move(name)) {}

  std::string render(const Program& program, const Dict& variables) {
    auto globals = std::make_shared<Scope>();
    install_builtins(*globals);
    for (const auto& [k, v] : variables) {
      if (!k.is_string()) throw Error(ErrorCode::InvalidArgument, "template variables must have string names");
      globals->set(k.as_string(), v);
    }
    auto top = std::make_shared<Scope>();
    top->parent = globals;
    std::string out;
    try {
      exec_body(program.body, top, out);
    } catch (const RenderFault& f) {
      throw Error(ErrorCode::InvalidArgument, fmt::format("{}:{}: {}", name_, line_, f.message));
    } catch (const Error& e) {
      // Value-level errors (an unorderable comparison, a value tojson cannot write) get the line.
      const std::string prefix = name_ + ":";
      if (std::string_view(e.what()).substr(0, prefix.size()) == prefix) throw;
      throw Error(e.code(), fmt::format("{}:{}: {}", name_, line_, e.what()));
    }
    return out;
  }

 private:
  // ---- statements ----

  Flow exec_body(const Body& body, const ScopeP& scope, std::string& out) {
    for (const auto& s : body) {
      const Flow f = exec(*s, scope, out);
      if (f != Flow::Normal) return f;
    }
    return Flow::Normal;
  }

  Flow exec(const Stmt& s, const ScopeP& scope, std::string& out) {
    line_ = s.line;
    budget_.step();
    switch (s.kind) {
      case Stmt::Kind::Text: budget_.emit(out, s.text); return Flow::Normal;
      case Stmt::Kind::Output: budget_.emit(out, budgeted_str(eval(*s.expr, scope), budget_)); return Flow::Normal;
      case Stmt::Kind::If:
        for (const auto& [cond, body] : s.branches) {
          if (!cond || eval(*cond, scope).truthy()) return exec_body(body, scope, out);
        }
        return Flow::Normal;
      case Stmt::Kind::For: return exec_for(s, scope, out);
      case Stmt::Kind::Set: exec_set(s, scope); return Flow::Normal;
      case Stmt::Kind::SetBlock: {
        std::string captured;
        exec_body(s.body, scope, captured);
        Value v(std::move(captured));
        for (const auto& f : s.filters) v = apply_filter_expr(*f, v, scope);
        scope->set(s.text, std::move(v));
        return Flow::Normal;
      }
      case Stmt::Kind::Macro: scope->set(s.text, make_macro(s, scope)); return Flow::Normal;
      case Stmt::Kind::CallBlock: {
        Stmt caller_stmt;
        caller_stmt.kind = Stmt::Kind::Macro;
        caller_stmt.text = "caller";
        caller_stmt.line = s.line;
        caller_stmt.params = s.params;
        caller_stmt.body = s.body;
        const Value caller = make_macro(caller_stmt, scope);
        const Expr& call = *s.expr;
        const Value callee = eval(*call.args[0], scope);
        CallArgs args = eval_args(call, scope);
        args.keyword.emplace_back("caller", caller);
        budget_.emit(out, budgeted_str(call_value(callee, args), budget_));
        return Flow::Normal;
      }
      case Stmt::Kind::FilterBlock: {
        std::string captured;
        auto inner = std::make_shared<Scope>();
        inner->parent = scope;
        exec_body(s.body, inner, captured);
        Value v(std::move(captured));
        for (const auto& f : s.filters) v = apply_filter_expr(*f, v, scope);
        budget_.emit(out, budgeted_str(v, budget_));
        return Flow::Normal;
      }
      case Stmt::Kind::Break: return Flow::Break;
      case Stmt::Kind::Continue: return Flow::Continue;
      case Stmt::Kind::Scope: return exec_body(s.body, scope, out);
    }
    return Flow::Normal;
  }

  void bind_targets(Scope& scope, const std::vector<std::string>& targets, const Value& item) {
    if (targets.size() == 1) {
      scope.set(targets[0], item);
      return;
    }
    const List parts = iterate(item);
    if (parts.size() != targets.size()) {
      fault(fmt::format("cannot unpack {} values into {} names", parts.size(), targets.size()));
    }
    for (size_t i = 0; i < targets.size(); ++i) scope.set(targets[i], parts[i]);
  }

  Flow exec_for(const Stmt& s, const ScopeP& scope, std::string& out) {
    const Value iterable = eval(*s.expr, scope);
    List items = iterate(iterable);
    if (s.condition) {
      List kept;
      for (const auto& item : items) {
        auto probe = std::make_shared<Scope>();
        probe->parent = scope;
        bind_targets(*probe, s.targets, item);
        if (eval(*s.condition, probe).truthy()) kept.push_back(item);
      }
      items = std::move(kept);
    }
    if (items.empty()) {
      if (!s.else_body.empty()) return exec_body(s.else_body, scope, out);
      return Flow::Normal;
    }
    const auto n = static_cast<int64_t>(items.size());
    for (int64_t i = 0; i < n; ++i) {
      if (++iterations_ > k_max_iterations) {
        fault(fmt::format("more than {} loop iterations in one render (runaway template?)", k_max_iterations));
      }
      auto iter_scope = std::make_shared<Scope>();
      iter_scope->parent = scope;
      bind_targets(*iter_scope, s.targets, items[static_cast<size_t>(i)]);
      Dict loop = {
          {Value("index"), Value(i + 1)},
          {Value("index0"), Value(i)},
          {Value("revindex"), Value(n - i)},
          {Value("revindex0"), Value(n - i - 1)},
          {Value("first"), Value(i == 0)},
          {Value("last"), Value(i == n - 1)},
          {Value("length"), Value(n)},
          {Value("depth"), Value(int64_t{1})},
          {Value("depth0"), Value(int64_t{0})},
      };
      loop.emplace_back(Value("previtem"), i > 0 ? items[static_cast<size_t>(i - 1)] : Value::undefined("there is no previous item"));
      loop.emplace_back(Value("nextitem"), i + 1 < n ? items[static_cast<size_t>(i + 1)] : Value::undefined("there is no next item"));
      loop.emplace_back(Value("cycle"), Value::callable("loop.cycle", [i](CallArgs& a) -> Value {
                          if (a.positional.empty()) fault("no items for cycling given");
                          return a.positional[static_cast<size_t>(i) % a.positional.size()];
                        }));
      iter_scope->set("loop", Value::make_namespace(std::move(loop)));
      const Flow f = exec_body(s.body, iter_scope, out);
      if (f == Flow::Break) break;
    }
    return Flow::Normal;
  }

  void exec_set(const Stmt& s, const ScopeP& scope) {
    Value v = eval(*s.expr, scope);
    if (s.target_object) {
      const Value ns = eval(*s.target_object, scope);
      if (ns.kind() != Value::Kind::Namespace) {
        fault(fmt::format("cannot assign attribute '{}' on a non-namespace object", s.text));
      }
      // See Value::depth(): a namespace stored in a namespace would hide how deep values nest.
      if (v.holds_namespace()) fault(fmt::format("cannot assign a namespace (or a value holding one) to attribute '{}'", s.text));
      auto& attrs = ns.namespace_attributes();
      for (auto& [k, old] : attrs) {
        if (k.is_string() && k.as_string() == s.text) {
          old = std::move(v);
          return;
        }
      }
      attrs.emplace_back(Value(s.text), std::move(v));
      return;
    }
    bind_targets(*scope, s.targets, v);
  }

  Value make_macro(const Stmt& s, const ScopeP& closure) {
    // The macro keeps its own copy of the definition; the closure scope gives it the names
    // visible where it was defined (including itself, for recursion).
    // The scope is held weakly: a macro stored in its own defining scope would otherwise keep
    // that scope alive forever (a reference cycle).
    auto def = std::make_shared<Stmt>(s);
    Evaluator* self = this;
    std::weak_ptr<Scope> weak_closure = closure;
    return Value::callable(s.text, [self, def, weak_closure](CallArgs& a) -> Value {
      auto scope = std::make_shared<Scope>();
      scope->parent = weak_closure.lock();
      if (!scope->parent) fault(fmt::format("macro '{}' called after the scope that defined it ended", def->text));
      size_t next_positional = 0;
      for (const auto& [pname, pdefault] : def->params) {
        const Value* given = nullptr;
        for (const auto& [k, v] : a.keyword) {
          if (k == pname) given = &v;
        }
        if (!given && next_positional < a.positional.size()) given = &a.positional[next_positional++];
        if (given) {
          scope->set(pname, *given);
        } else if (pdefault) {
          scope->set(pname, self->eval(*pdefault, scope));
        } else {
          scope->set(pname, make_undefined_name(pname));
        }
      }
      List varargs(a.positional.begin() + static_cast<long>(std::min(next_positional, a.positional.size())), a.positional.end());
      scope->set("varargs", Value(std::move(varargs)));
      Dict kwargs;
      for (const auto& [k, v] : a.keyword) {
        const std::string& name = k;  // clang 14 cannot capture a structured binding (the fuzz build)
        const bool is_param = std::any_of(def->params.begin(), def->params.end(), [&](const auto& p) { return p.first == name; });
        if (k == "caller") {
          scope->set("caller", v);
        } else if (!is_param) {
          kwargs.emplace_back(Value(k), v);
        }
      }
      scope->set("kwargs", Value(std::move(kwargs)));
      std::string out;
      const int saved_line = self->line_;
      if (++self->call_depth_ > k_max_call_depth) {
        fault(fmt::format("macro '{}' nested more than {} calls deep (unbounded recursion?)", def->text, k_max_call_depth));
      }
      try {
        self->exec_body(def->body, scope, out);
      } catch (...) {
        --self->call_depth_;
        throw;
      }
      --self->call_depth_;
      self->line_ = saved_line;
      return Value(std::move(out));
    });
  }

  // ---- expressions ----

  CallArgs eval_args(const Expr& e, const ScopeP& scope, size_t first = 1) {
    CallArgs a;
    for (size_t i = first; i < e.args.size(); ++i) a.positional.push_back(eval(*e.args[i], scope));
    for (const auto& [k, v] : e.kwargs) a.keyword.emplace_back(k, eval(*v, scope));
    return a;
  }

  Value call_value(const Value& callee, CallArgs& args) {
    if (callee.is_undefined()) undefined_fault(callee);
    if (callee.kind() != Value::Kind::Callable) fault(fmt::format("'{}' object is not callable", callee.type_name()));
    return callee.as_function()(args);
  }

  Value eval(const Expr& e, const ScopeP& scope) {
    Value v = eval_unchecked(e, scope);
    if (v.depth() > k_max_nesting) {
      fault(fmt::format("nesting budget exceeded: lists, dicts and namespaces nested more than {} deep", k_max_nesting));
    }
    return v;
  }

  Value eval_unchecked(const Expr& e, const ScopeP& scope) {
    line_ = e.line;
    budget_.step();
    switch (e.kind) {
      case Expr::Kind::Literal: return e.literal;
      case Expr::Kind::Name: {
        const Value* v = scope->lookup(e.name);
        return v ? *v : make_undefined_name(e.name);
      }
      case Expr::Kind::List:
      case Expr::Kind::Tuple: {
        budget_.allocate(e.args.size(), sizeof(Value), "a list literal");
        List l;
        for (const auto& x : e.args) l.push_back(eval(*x, scope));
        return e.kind == Expr::Kind::Tuple ? Value::tuple(std::move(l)) : Value(std::move(l));
      }
      case Expr::Kind::Dict: {
        Dict d;
        for (size_t i = 0; i + 1 < e.args.size(); i += 2) {
          Value k = eval(*e.args[i], scope);
          if (!hashable(k)) fault(fmt::format("unhashable type: '{}'", k.type_name()));
          Value v = eval(*e.args[i + 1], scope);
          auto it = std::find_if(d.begin(), d.end(), [&](const auto& p) { return equals(p.first, k, budget_.steps_left()); });
          if (it != d.end()) it->second = std::move(v);
          else d.emplace_back(std::move(k), std::move(v));
        }
        return Value(std::move(d));
      }
      case Expr::Kind::Attr: return get_attr(eval(*e.args[0], scope), e.name);
      case Expr::Kind::Item: return get_item(eval(*e.args[0], scope), eval(*e.args[1], scope));
      case Expr::Kind::Slice: {
        const Value obj = eval(*e.args[0], scope);
        if (obj.is_undefined()) undefined_fault(obj);
        budget_.walk(obj);
        const auto part = [&](size_t i) { return e.args[i] ? eval(*e.args[i], scope) : Value::none(); };
        return slice_value(obj, part(1), part(2), part(3));
      }
      case Expr::Kind::Call: {
        const Value callee = eval(*e.args[0], scope);
        CallArgs a = eval_args(e, scope);
        line_ = e.line;
        return charged(call_value(callee, a));
      }
      case Expr::Kind::Filter: return charged(apply_filter_expr(e, eval(*e.args[0], scope), scope));
      case Expr::Kind::Test: {
        const Value subject = eval(*e.args[0], scope);
        CallArgs a = eval_args(e, scope);
        line_ = e.line;
        const bool r = apply_test(e.name, subject, a);
        return Value(e.negated ? !r : r);
      }
      case Expr::Kind::Not: return Value(!eval(*e.args[0], scope).truthy());
      case Expr::Kind::Neg:
      case Expr::Kind::Pos: {
        const Value v = eval(*e.args[0], scope);
        if (v.is_undefined()) undefined_fault(v);
        if (!v.is_number()) fault(fmt::format("bad operand type for unary {}: '{}'", e.kind == Expr::Kind::Neg ? '-' : '+', v.type_name()));
        if (e.kind == Expr::Kind::Pos) return v.kind() == Value::Kind::Float ? v : Value(v.as_int());
        return v.kind() == Value::Kind::Float ? Value(-v.as_double()) : Value(checked_neg(v.as_int()));
      }
      case Expr::Kind::Binary: {
        const Value a = eval(*e.args[0], scope);
        const Value b = eval(*e.args[1], scope);
        line_ = e.line;
        return binary(e.name, a, b, budget_);
      }
      case Expr::Kind::And: {
        Value a = eval(*e.args[0], scope);
        return a.truthy() ? eval(*e.args[1], scope) : a;
      }
      case Expr::Kind::Or: {
        Value a = eval(*e.args[0], scope);
        return a.truthy() ? a : eval(*e.args[1], scope);
      }
      case Expr::Kind::Cond:
        if (eval(*e.args[0], scope).truthy()) return eval(*e.args[1], scope);
        return e.args[2] ? eval(*e.args[2], scope) : Value::undefined("the inline if-expression evaluated to false and had no else");
    }
    return Value();
  }

  // Charges what a filter, method or macro returned (a fresh string or list, as a rule; returning
  // an existing one is counted again, which errs on the safe side). The ones that can grow far
  // beyond their inputs (join, replace, indent, tojson, repetition) charge before they allocate.
  Value charged(Value v) {
    if (v.is_string()) budget_.allocate(v.as_string().size(), 1, "a filter's or call's result");
    if (v.kind() == Value::Kind::List) budget_.allocate(v.as_list().size(), sizeof(Value), "a filter's or call's result");
    return v;
  }

  Value get_attr(const Value& obj, const std::string& name) {
    if (obj.is_undefined()) undefined_fault(obj);
    if (Value m = method(obj, name); !m.is_undefined()) return m;
    if (obj.is_mapping()) {
      if (const Value* v = obj.find(std::string_view(name))) return *v;
    }
    return missing_attribute(obj, name);
  }

  Value get_item(const Value& obj, const Value& key) {
    if (obj.is_undefined()) undefined_fault(obj);
    if (obj.kind() != Value::Kind::List) budget_.walk(obj);  // a dict's keys or a string's code points
    if (obj.is_mapping()) {
      if (const Value* v = obj.find(key)) return *v;
    } else if ((obj.kind() == Value::Kind::List || obj.is_string()) && key.is_number() && key.kind() != Value::Kind::Float) {
      const int64_t n = length_of(obj);
      int64_t i = key.as_int();
      if (i < 0) i += n;
      if (i >= 0 && i < n) {
        if (obj.is_string()) {
          std::string s;
          utf8_append(s, utf8_decode(obj.as_string())[static_cast<size_t>(i)]);
          return Value(std::move(s));
        }
        return obj.as_list()[static_cast<size_t>(i)];
      }
      return Value::undefined(fmt::format("{} index {} out of range", obj.type_name(), key.as_int()));
    }
    if (key.is_string()) {
      if (Value m = method(obj, key.as_string()); !m.is_undefined()) return m;
    }
    return Value::undefined(fmt::format("'{} object' has no attribute {}", obj.type_name(), key.repr()));
  }

  // Bound methods of str, dict and list that templates call.
  // Each call walks its object (str.find, list.index, dict.get), so each pays for it, including
  // calls through a method stored in a variable.
  Value method(const Value& obj, const std::string& name) {
    Value m = bound_method(obj, name);
    if (m.kind() != Value::Kind::Callable) return m;
    return Value::callable(name, [this, obj, m](CallArgs& a) {
      budget_.walk(obj);
      return m.as_function()(a);
    });
  }

  Value bound_method(const Value& obj, const std::string& name) {
    if (obj.is_string()) return string_method(obj, name);
    if (obj.kind() == Value::Kind::Dict) {
      if (name == "items") return Value::callable(name, [obj](CallArgs&) { return make_items(obj); });
      if (name == "keys") return Value::callable(name, [obj](CallArgs&) { return Value(iterate(obj)); });
      if (name == "values")
        return Value::callable(name, [obj](CallArgs&) {
          List vals;
          for (const auto& [k, v] : obj.as_dict()) vals.push_back(v);
          return Value(std::move(vals));
        });
      if (name == "get")
        return Value::callable(name, [obj](CallArgs& a) {
          const Value* key = arg(a, 0, "key");
          if (!key) fault("get() expected at least 1 argument");
          const Value* v = obj.find(*key);
          return v ? *v : arg_or(a, 1, "default", Value::none());
        });
      static const std::set<std::string> k_mutating = {"pop", "popitem", "update", "clear", "setdefault"};
      if (k_mutating.count(name)) return unsafe(obj, name);
    }
    if (obj.kind() == Value::Kind::List) {
      if (name == "index" || name == "count")
        return Value::callable(name, [this, obj, name](CallArgs& a) {
          const Value* x = arg(a, 0, "value");
          if (!x) fault(fmt::format("{}() takes exactly one argument", name));
          int64_t count = 0;
          for (size_t i = 0; i < obj.as_list().size(); ++i) {
            if (equals(obj.as_list()[i], *x, budget_.steps_left())) {
              if (name == "index") return Value(static_cast<int64_t>(i));
              ++count;
            }
          }
          if (name == "index") fault(fmt::format("{} is not in list", x->repr()));
          return Value(count);
        });
      static const std::set<std::string> k_mutating = {"append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear"};
      if (k_mutating.count(name)) return unsafe(obj, name);
    }
    return Value();
  }

  static Value unsafe(const Value& obj, const std::string& name) {
    const std::string message = fmt::format("access to attribute '{}' of '{}' object is unsafe (templates cannot modify lists or dicts)", name, obj.type_name());
    return Value::callable(name, [message](CallArgs&) -> Value { fault(message); });
  }

  Value string_method(const Value& obj, const std::string& name) {
    const std::string s = obj.as_string();
    if (name == "strip" || name == "lstrip" || name == "rstrip") {
      const bool l = name != "rstrip", r = name != "lstrip";
      return Value::callable(name, [s, l, r](CallArgs& a) { return Value(py_strip(s, arg_or(a, 0, "chars", Value::none()), l, r)); });
    }
    if (name == "split" || name == "rsplit") {
      return Value::callable(name, [s, name](CallArgs& a) {
        const Value sep = arg_or(a, 0, "sep", Value::none());
        const int64_t maxsplit = arg_or(a, 1, "maxsplit", Value(int64_t{-1})).as_int();
        if (name == "rsplit" && maxsplit >= 0) fault("rsplit() with maxsplit is not supported");
        return py_split(s, sep, maxsplit);
      });
    }
    if (name == "startswith" || name == "endswith") {
      const bool starts = name == "startswith";
      return Value::callable(name, [s, starts](CallArgs& a) {
        const Value* p = arg(a, 0, "prefix");
        if (!p) fault("startswith()/endswith() takes at least 1 argument");
        List candidates = p->kind() == Value::Kind::List ? p->as_list() : List{*p};
        for (const auto& c : candidates) {
          const std::string& x = need_string(c, "startswith()/endswith() argument");
          if (x.size() <= s.size() && (starts ? s.compare(0, x.size(), x) == 0 : s.compare(s.size() - x.size(), x.size(), x) == 0)) {
            return Value(true);
          }
        }
        return Value(false);
      });
    }
    if (name == "replace") {
      return Value::callable(name, [this, s](CallArgs& a) {
        const Value* o = arg(a, 0, "old");
        const Value* n = arg(a, 1, "new");
        if (!o || !n) fault("replace() takes at least 2 arguments");
        return Value(py_replace(s, need_string(*o, "replace() argument 1"), need_string(*n, "replace() argument 2"),
                                arg_or(a, 2, "count", Value(int64_t{-1})).as_int(), budget_));
      });
    }
    if (name == "upper") return Value::callable(name, [s](CallArgs&) { return Value(map_case(s, to_upper)); });
    if (name == "lower") return Value::callable(name, [s](CallArgs&) { return Value(map_case(s, to_lower)); });
    if (name == "title") return Value::callable(name, [s](CallArgs&) { return Value(py_title(s)); });
    if (name == "capitalize") return Value::callable(name, [s](CallArgs&) { return Value(py_capitalize(s)); });
    if (name == "find" || name == "count") {
      return Value::callable(name, [s, name](CallArgs& a) {
        const Value* x = arg(a, 0, "sub");
        if (!x) fault(fmt::format("{}() takes at least 1 argument", name));
        const std::string& sub = need_string(*x, name + "() argument");
        if (name == "find") {
          const size_t hit = s.find(sub);
          return hit == std::string::npos ? Value(int64_t{-1}) : Value(static_cast<int64_t>(utf8_decode(s.substr(0, hit)).size()));
        }
        if (sub.empty()) return Value(static_cast<int64_t>(utf8_decode(s).size() + 1));
        int64_t n = 0;
        for (size_t p = s.find(sub); p != std::string::npos; p = s.find(sub, p + sub.size())) ++n;
        return Value(n);
      });
    }
    if (name == "join") {
      return Value::callable(name, [this, s](CallArgs& a) {
        const Value* x = arg(a, 0, "iterable");
        if (!x) fault("join() takes exactly one argument");
        const List items = iterate(*x);
        uint64_t size = 0;
        for (const auto& item : items) size += s.size() + need_string(item, "join() item").size();
        budget_.allocate(size, 1, "join()");
        std::string out;
        out.reserve(size);
        bool first = true;
        for (const auto& item : items) {
          if (!first) out += s;
          first = false;
          out += item.as_string();
        }
        return Value(std::move(out));
      });
    }
    if (name == "splitlines") {
      return Value::callable(name, [s](CallArgs&) {
        List l;
        for (auto& line : split_lines(s)) l.emplace_back(std::move(line));
        return Value(std::move(l));
      });
    }
    return Value();
  }

  // ---- filters ----

  Value apply_filter_expr(const Expr& f, const Value& subject, const ScopeP& scope) {
    CallArgs a = eval_args(f, scope);
    line_ = f.line;
    // Filters walk their input; a list's length and a default need not.
    const bool constant_time = subject.kind() == Value::Kind::List &&
                               (f.name == "length" || f.name == "count" || f.name == "default" || f.name == "d");
    if (!constant_time) budget_.walk(subject);
    return apply_filter(f.name, subject, a, scope);
  }

  Value apply_filter(const std::string& name, const Value& v, CallArgs& a, const ScopeP& scope) {
    using K = Value::Kind;
    if (name == "safe") return v.is_string() ? Value::markup(v.as_string()) : Value::markup(budgeted_str(v, budget_));
    if (name == "string") return Value(budgeted_str(v, budget_));
    if (name == "trim") return Value(py_strip(budgeted_str(v, budget_), arg_or(a, 0, "chars", Value::none()), true, true));
    if (name == "lower") return Value(map_case(budgeted_str(v, budget_), to_lower));
    if (name == "upper") return Value(map_case(budgeted_str(v, budget_), to_upper));
    if (name == "capitalize") return Value(py_capitalize(budgeted_str(v, budget_)));
    if (name == "title") return Value(jinja_title(budgeted_str(v, budget_)));
    if (name == "e" || name == "escape") return v.is_markup() ? v : Value::markup(html_escape(budgeted_str(v, budget_)));
    if (name == "length" || name == "count") return Value(length_of(v));
    if (name == "wordcount") return Value(static_cast<int64_t>(py_split(budgeted_str(v, budget_), Value::none(), -1).as_list().size()));
    if (name == "default" || name == "d") {
      const bool boolean = arg_or(a, 1, "boolean", Value(false)).truthy();
      if (v.is_undefined() || (boolean && !v.truthy())) return arg_or(a, 0, "default_value", Value(""));
      return v;
    }
    if (name == "tojson") {
      if (v.is_undefined()) fault("tojson: Object of type Undefined is not JSON serializable");
      const Value ensure_ascii = arg_or(a, 0, "ensure_ascii", Value(false));
      const Value indent = arg_or(a, 1, "indent", Value::none());
      if (arg(a, 2, "separators") && !arg(a, 2, "separators")->is_none()) fault("tojson: custom separators are not supported");
      const bool sort_keys = arg_or(a, 3, "sort_keys", Value(false)).truthy();
      const int64_t n = indent.is_none() ? -1 : std::min<int64_t>(indent.as_int(), RenderBudget::k_max_allocated_bytes);
      budget_.allocate(text_size_at_least(v, RenderBudget::k_max_allocated_bytes, static_cast<uint64_t>(std::max<int64_t>(0, n))), 1, "tojson");
      std::string json = v.to_json(static_cast<int>(n), sort_keys);
      return Value(ensure_ascii.truthy() ? ascii_json(json) : json);
    }
    if (name == "join") {
      const std::string sep = arg_or(a, 0, "d", Value("")).str();
      const Value attribute = arg_or(a, 1, "attribute", Value::none());
      List pieces = iterate(v);
      if (!attribute.is_none()) {
        for (auto& p : pieces) p = get_attr_path(p, attribute);
      }
      uint64_t size = 0;
      for (const auto& p : pieces) size += sep.size() + text_size_at_least(p, RenderBudget::k_max_allocated_bytes);
      budget_.allocate(size, 1, "join");
      std::string out;
      out.reserve(size);
      bool first = true;
      for (const auto& p : pieces) {
        if (!first) out += sep;
        first = false;
        out += p.str();
      }
      return Value(std::move(out));
    }
    if (name == "replace") {
      const Value* o = arg(a, 0, "old");
      const Value* n = arg(a, 1, "new");
      if (!o || !n) fault("replace filter needs 'old' and 'new'");
      return Value(py_replace(budgeted_str(v, budget_), o->str(), n->str(),
                              arg_or(a, 2, "count", Value::none()).is_none() ? -1 : arg_or(a, 2, "count", Value::none()).as_int(), budget_));
    }
    if (name == "first" || name == "last") {
      const List items = iterate(v);
      if (items.empty()) return Value::undefined(fmt::format("no {} item, sequence was empty", name));
      return name == "first" ? items.front() : items.back();
    }
    if (name == "items") return make_items(v);
    if (name == "dictsort") {
      if (v.kind() != K::Dict) fault("dictsort: can only sort a mapping");
      List items = make_items(v).as_list();
      std::stable_sort(items.begin(), items.end(), [this](const Value& x, const Value& y) {
        return less(x.as_list()[0], y.as_list()[0], budget_.steps_left());
      });
      return Value(std::move(items));
    }
    if (name == "list") return Value(iterate(v));
    if (name == "reverse") {
      if (v.is_string()) {
        auto cps = utf8_decode(v.as_string());
        std::reverse(cps.begin(), cps.end());
        return Value(utf8_encode(cps));
      }
      List items = iterate(v);
      std::reverse(items.begin(), items.end());
      return Value(std::move(items));
    }
    if (name == "int") {
      const Value def = arg_or(a, 0, "default", Value(int64_t{0}));
      if (v.kind() == K::Int || v.kind() == K::Bool) return Value(v.as_int());
      // As jinja2's |int: NaN gives the default; a float beyond 64 bits is an overflow error.
      if (v.kind() == K::Float) return std::isnan(v.as_double()) ? def : Value(v.as_int());
      if (v.is_string()) {
        const std::string t = py_strip(v.as_string(), Value::none(), true, true);
        try {
          size_t used = 0;
          const int64_t i = std::stoll(t, &used, 10);
          if (used == t.size()) return Value(i);
          const double d = std::stod(t, &used);
          if (used == t.size()) return std::isnan(d) ? def : Value(Value(d).as_int());
        } catch (const std::exception&) {
        }
      }
      return def;
    }
    if (name == "float") {
      const Value def = arg_or(a, 0, "default", Value(0.0));
      if (v.is_number()) return Value(v.as_double());
      if (v.is_string()) {
        try {
          size_t used = 0;
          const std::string t = py_strip(v.as_string(), Value::none(), true, true);
          const double d = std::stod(t, &used);
          if (used == t.size()) return Value(d);
        } catch (const std::exception&) {
        }
      }
      return def;
    }
    if (name == "abs") {
      if (v.kind() == K::Float) return Value(std::fabs(v.as_double()));
      if (v.is_number()) return Value(v.as_int() < 0 ? checked_neg(v.as_int()) : v.as_int());
      fault(fmt::format("bad operand type for abs(): '{}'", v.type_name()));
    }
    if (name == "round") {
      const int64_t precision = arg_or(a, 0, "precision", Value(int64_t{0})).as_int();
      const std::string method = arg_or(a, 1, "method", Value("common")).str();
      const double scale = std::pow(10.0, static_cast<double>(precision));
      double x = v.as_double() * scale;
      x = method == "floor" ? std::floor(x) : method == "ceil" ? std::ceil(x) : std::round(x);
      return Value(x / scale);
    }
    if (name == "indent") return Value(indent(budgeted_str(v, budget_), a));
    if (name == "attr") {
      const Value* n = arg(a, 0, "name");
      if (!n) fault("attr filter needs a name");
      return get_attr(v, n->str());
    }
    if (name == "map") return map_filter(v, a, scope);
    if (name == "select" || name == "reject" || name == "selectattr" || name == "rejectattr") {
      return select_filter(name, v, a);
    }
    if (name == "unique") {
      List out;
      for (const auto& item : iterate(v)) {
        if (std::none_of(out.begin(), out.end(), [&](const Value& x) {
              budget_.step();
              return equals(x, item, budget_.steps_left());
            })) {
          out.push_back(item);
        }
      }
      return Value(std::move(out));
    }
    if (name == "sort") {
      const bool reverse = arg_or(a, 0, "reverse", Value(false)).truthy();
      const bool case_sensitive = arg_or(a, 1, "case_sensitive", Value(false)).truthy();
      const Value attribute = arg_or(a, 2, "attribute", Value::none());
      List items = iterate(v);
      const auto key = [&](const Value& x) {
        Value k = attribute.is_none() ? x : get_attr_path(x, attribute);
        if (!case_sensitive && k.is_string()) return Value(map_case(k.as_string(), to_lower));
        return k;
      };
      std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
        return reverse ? less(key(y), key(x), budget_.steps_left()) : less(key(x), key(y), budget_.steps_left());
      });
      return Value(std::move(items));
    }
    if (name == "sum") {
      const Value attribute = arg_or(a, 0, "attribute", Value::none());
      Value total = arg_or(a, 1, "start", Value(int64_t{0}));
      for (const auto& item : iterate(v)) total = binary("+", total, attribute.is_none() ? item : get_attr_path(item, attribute), budget_);
      return total;
    }
    if (name == "min" || name == "max") {
      const List items = iterate(v);
      if (items.empty()) return Value::undefined(fmt::format("no {} item, sequence was empty", name));
      Value best = items[0];
      for (const auto& x : items) {
        if (name == "min" ? less(x, best, budget_.steps_left()) : less(best, x, budget_.steps_left())) best = x;
      }
      return best;
    }
    fault(fmt::format("no filter named '{}'", name));
  }

  // "a.b.0" attribute paths, as jinja2's make_attrgetter resolves them.
  Value get_attr_path(const Value& obj, const Value& path) {
    if (!path.is_string()) return get_item(obj, path);
    Value cur = obj;
    const Value parts = py_split(path.as_string(), Value("."), -1);
    for (const auto& p : parts.as_list()) {
      const std::string& s = p.as_string();
      // An all-digit part is an index, as in jinja2; one past int64 finds nothing (its text
      // as the key), where std::stoll would throw out of the render.
      int64_t index = 0;
      const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), index);
      const bool digits = !s.empty() && s[0] != '-' && error == std::errc() && end == s.data() + s.size();
      cur = digits ? get_item(cur, Value(index)) : get_item(cur, p);
    }
    return cur;
  }

  std::string indent(const std::string& s_in, CallArgs& a) {
    const Value width = arg_or(a, 0, "width", Value(int64_t{4}));
    const bool first = arg_or(a, 1, "first", Value(false)).truthy();
    const bool blank = arg_or(a, 2, "blank", Value(false)).truthy();
    const uint64_t width_bytes = width.is_string() ? width.as_string().size() : static_cast<uint64_t>(std::max<int64_t>(0, width.as_int()));
    const auto lines = split_lines(s_in + "\n");
    budget_.allocate(lines.size() + 1, width_bytes, "indent");
    budget_.allocate(s_in.size() + lines.size(), 1, "indent");
    const std::string ind = width.is_string() ? width.as_string() : std::string(width_bytes, ' ');
    std::string rv;
    if (blank) {
      for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) rv += "\n" + ind;
        rv += lines[i];
      }
    } else {
      if (!lines.empty()) rv = lines[0];
      if (lines.size() > 1) {
        rv += "\n";
        for (size_t i = 1; i < lines.size(); ++i) {
          if (i > 1) rv += "\n";
          if (!lines[i].empty()) rv += ind;
          rv += lines[i];
        }
      }
    }
    if (first) rv = ind + rv;
    return rv;
  }

  Value map_filter(const Value& v, CallArgs& a, const ScopeP& scope) {
    List out;
    if (!v.truthy()) return Value::generator({});
    const Value* attribute = nullptr;
    for (const auto& [k, x] : a.keyword) {
      if (k == "attribute") attribute = &x;
    }
    if (attribute) {
      const Value def = arg_or(a, 99, "default", Value());
      for (const auto& item : iterate(v)) {
        Value r = get_attr_path(item, *attribute);
        out.push_back(r.is_undefined() && !def.is_undefined() ? def : r);
      }
      return Value::generator(std::move(out));
    }
    if (a.positional.empty()) fault("map filter needs a filter name or attribute=");
    const std::string fname = a.positional[0].str();
    if (!filter_names().count(fname)) fault(fmt::format("no filter named '{}'", fname));
    for (const auto& item : iterate(v)) {
      CallArgs rest;
      rest.positional.assign(a.positional.begin() + 1, a.positional.end());
      rest.keyword = a.keyword;
      out.push_back(apply_filter(fname, item, rest, scope));
    }
    return Value::generator(std::move(out));
  }

  Value select_filter(const std::string& name, const Value& v, CallArgs& a) {
    const bool by_attr = name == "selectattr" || name == "rejectattr";
    const bool keep_when = name == "select" || name == "selectattr";
    if (!v.truthy()) return Value::generator({});
    size_t i = 0;
    Value attribute;
    if (by_attr) {
      if (a.positional.empty()) fault(fmt::format("{} needs an attribute name", name));
      attribute = a.positional[i++];
    }
    std::string test;
    if (i < a.positional.size()) test = a.positional[i++].str();
    if (!test.empty() && !test_names().count(test)) fault(fmt::format("no test named '{}'", test));
    CallArgs test_args;
    test_args.positional.assign(a.positional.begin() + static_cast<long>(std::min(i, a.positional.size())), a.positional.end());
    List out;
    for (const auto& item : iterate(v)) {
      const Value subject = by_attr ? get_attr_path(item, attribute) : item;
      CallArgs copy = test_args;
      const bool r = test.empty() ? subject.truthy() : apply_test(test, subject, copy);
      if (r == keep_when) out.push_back(item);
    }
    return Value::generator(std::move(out));
  }

  // ---- tests ----

  bool apply_test(const std::string& name, const Value& v, CallArgs& a) {
    using K = Value::Kind;
    const auto other = [&]() -> const Value& {
      if (a.positional.empty()) fault(fmt::format("test '{}' needs an argument", name));
      return a.positional[0];
    };
    if (name == "defined") return !v.is_undefined();
    if (name == "undefined") return v.is_undefined();
    if (name == "none") return v.is_none();
    if (name == "string") return v.is_string();
    if (name == "number") return v.is_number();
    if (name == "integer") return v.kind() == K::Int;
    if (name == "float") return v.kind() == K::Float;
    if (name == "boolean") return v.kind() == K::Bool;
    if (name == "true") return v.kind() == K::Bool && v.as_bool();
    if (name == "false") return v.kind() == K::Bool && !v.as_bool();
    if (name == "mapping") return v.kind() == K::Dict;
    if (name == "iterable") return v.kind() == K::List || v.kind() == K::Dict || v.is_string() || v.is_undefined();
    if (name == "sequence") return (v.kind() == K::List && !v.is_generator()) || v.kind() == K::Dict || v.is_string() || v.is_undefined();
    if (name == "callable") return v.kind() == K::Callable;
    if (name == "escaped") return false;
    if (name == "eq" || name == "equalto" || name == "==") return equals(v, other(), budget_.steps_left());
    if (name == "ne" || name == "!=") return !equals(v, other(), budget_.steps_left());
    if (name == "lt" || name == "lessthan" || name == "<") return binary("<", v, other(), budget_).truthy();
    if (name == "le" || name == "<=") return binary("<=", v, other(), budget_).truthy();
    if (name == "gt" || name == "greaterthan" || name == ">") return binary(">", v, other(), budget_).truthy();
    if (name == "ge" || name == ">=") return binary(">=", v, other(), budget_).truthy();
    if (name == "in") return binary("in", v, other(), budget_).truthy();
    if (name == "sameas") return v.kind() == other().kind() && (v.is_none() || v.is_undefined() || (v.kind() == K::Bool && v.as_bool() == other().as_bool()) || equals(v, other(), budget_.steps_left()));
    if (name == "odd" || name == "even" || name == "divisibleby") {
      if (v.is_undefined()) undefined_fault(v);
      if (!v.is_number()) fault(fmt::format("test '{}' needs a number, not {}", name, v.type_name()));
      if (name == "divisibleby") {
        const int64_t d = other().as_int();
        if (d == 0) fault("ZeroDivisionError: integer division or modulo by zero");
        return floor_mod(v.as_int(), d) == 0;
      }
      return (v.as_int() % 2 != 0) == (name == "odd");
    }
    if (name == "lower" || name == "upper") {
      const std::string s = v.str();
      bool cased = false;
      for (const char32_t c : utf8_decode(s)) {
        if (is_cased_letter(c)) {
          cased = true;
          if ((name == "lower" ? to_lower(c) : to_upper(c)) != c) return false;
        }
      }
      return cased;
    }
    fault(fmt::format("no test named '{}'", name));
  }

  // ---- built-in globals ----

  void install_builtins(Scope& globals) {
    globals.set("namespace", Value::callable("namespace", [this](CallArgs& a) {
                  Dict attrs;
                  for (const auto& p : a.positional) {
                    if (p.kind() != Value::Kind::Dict) fault("namespace() positional argument must be a dict");
                    budget_.allocate(p.as_dict().size(), 2 * sizeof(Value), "namespace()");
                    attrs.insert(attrs.end(), p.as_dict().begin(), p.as_dict().end());
                  }
                  for (const auto& [k, v] : a.keyword) attrs.emplace_back(Value(k), v);
                  return Value::make_namespace(std::move(attrs));
                }));
    globals.set("dict", Value::callable("dict", [this](CallArgs& a) {
                  Dict d;
                  for (const auto& p : a.positional) {
                    if (p.kind() != Value::Kind::Dict) fault("dict() positional argument must be a dict");
                    budget_.allocate(p.as_dict().size(), 2 * sizeof(Value), "dict()");
                    d.insert(d.end(), p.as_dict().begin(), p.as_dict().end());
                  }
                  for (const auto& [k, v] : a.keyword) d.emplace_back(Value(k), v);
                  return Value(std::move(d));
                }));
    globals.set("range", Value::callable("range", [this](CallArgs& a) {
                  int64_t start = 0, stop = 0, step = 1;
                  if (a.positional.size() == 1) {
                    stop = a.positional[0].as_int();
                  } else if (a.positional.size() >= 2) {
                    start = a.positional[0].as_int();
                    stop = a.positional[1].as_int();
                    if (a.positional.size() >= 3) step = a.positional[2].as_int();
                  } else {
                    fault("range expected at least 1 argument");
                  }
                  if (step == 0) fault("ValueError: range() arg 3 must not be zero");
                  const uint64_t n = range_length(start, stop, step);
                  if (n > RenderBudget::k_max_range_items) {
                    fault(fmt::format("range budget exceeded: range({}, {}, {}) has {} items, over the {} a template may build",
                                      start, stop, step, n, RenderBudget::k_max_range_items));
                  }
                  budget_.allocate(n, sizeof(Value), "range()");
                  List out;
                  out.reserve(n);
                  // Each item lies between start and stop, so start + i * step cannot overflow; the
                  // unsigned arithmetic only keeps the intermediate product defined.
                  for (uint64_t i = 0; i < n; ++i) {
                    out.emplace_back(static_cast<int64_t>(static_cast<uint64_t>(start) + i * static_cast<uint64_t>(step)));
                  }
                  return Value(std::move(out));
                }));
  }

  // Limits that turn a runaway template into an error instead of a hang or a stack overflow;
  // real chat templates stay orders of magnitude below them.
  static constexpr int k_max_call_depth = 100;
  // Tool schemas nest about ten levels; printing, comparing and freeing recurse once per level.
  static constexpr uint32_t k_max_nesting = 200;
  static constexpr int64_t k_max_iterations = 1'000'000;

  std::string name_;
  int line_ = 0;
  int call_depth_ = 0;
  int64_t iterations_ = 0;
  RenderBudget budget_;
};

} // namespace

bool is_known_filter(std::string_view name) { return filter_names().count(name) > 0; }
bool is_known_test(std::string_view name) { return test_names().count(name) > 0; }

std::string Template::render(const Dict& variables) const {
  Evaluator ev(program_->name);
  return ev.render(*program_, variables);
}

} // namespace sikao::chat::jinja
