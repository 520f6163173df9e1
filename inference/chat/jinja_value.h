#pragma once
// The values a chat template computes with: Python's object model as far as Jinja templates see
// it (None, bool, int, float, str, list, dict, callables) plus Jinja's Undefined and namespace().
// Lists and dicts are immutable once built (HF renders in an ImmutableSandboxedEnvironment);
// only a namespace's attributes can be assigned. Strings are UTF-8; lengths, slices and indices
// count code points, as Python's str does.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sikao::chat::jinja {

class Value;

using List = std::vector<Value>;
// Insertion-ordered, as Python dicts are (tojson and iteration order depend on it).
using Dict = std::vector<std::pair<Value, Value>>;

struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keyword;
};
using Function = std::function<Value(CallArgs&)>;

class Value {
 public:
  enum class Kind { Undefined, None, Bool, Int, Float, String, List, Dict, Namespace, Callable };

  Value() = default;  // Undefined
  static Value undefined(std::string name = {});
  static Value none();
  Value(bool b);
  Value(int64_t i);
  Value(int i) : Value(static_cast<int64_t>(i)) {}
  Value(double d);
  Value(std::string s);
  Value(const char* s) : Value(std::string(s)) {}
  Value(List list);
  Value(Dict dict);
  static Value make_namespace(Dict attributes);
  // What map/select/reject/selectattr/rejectattr return in jinja2: a one-shot generator, which
  // iterates like a list but has no len(), is always true, and is not JSON serializable.
  static Value generator(List items);
  bool is_generator() const { return generator_; }
  // markupsafe.Markup: what |safe and |escape return. Concatenating a plain str to it with `+`
  // HTML-escapes the plain side (templates rely on this, e.g. functionary's tool list).
  static Value markup(std::string s);
  // A Python tuple ((a, b) literals, the pairs of |items): a list that prints as (a, b) and is
  // never equal to a list.
  static Value tuple(List items);
  bool is_tuple() const { return tuple_; }
  bool is_markup() const { return markup_; }
  static Value callable(std::string name, Function fn);

  // JSON text (RFC 8259) to a value; objects keep their key order. Throws sikao::Error
  // (InvalidFile) naming `what` on malformed input.
  static Value from_json(std::string_view text, std::string_view what);

  Kind kind() const { return kind_; }
  bool is_undefined() const { return kind_ == Kind::Undefined; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_number() const { return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool; }
  bool is_mapping() const { return kind_ == Kind::Dict || kind_ == Kind::Namespace; }

  bool as_bool() const { return b_; }
  // A float truncates toward zero; one beyond 64 bits (or NaN) is a RenderFault.
  int64_t as_int() const { return kind_ == Kind::Float ? float_to_int(d_) : i_; }
  double as_double() const { return kind_ == Kind::Float ? d_ : static_cast<double>(i_); }
  const std::string& as_string() const { return *s_; }
  const List& as_list() const { return *list_; }
  const Dict& as_dict() const { return *dict_; }
  Dict& namespace_attributes() const { return *dict_; }
  const Function& as_function() const { return *fn_; }
  const std::string& undefined_name() const { return *s_; }

  // Python truthiness.
  bool truthy() const;
  // Dict lookup by key; nullptr when absent.
  const Value* find(const Value& key) const;
  const Value* find(std::string_view key) const;

  // str(x) as Jinja prints it (Undefined prints as nothing), and repr(x).
  std::string str() const;
  std::string repr() const;
  // json.dumps(x, ensure_ascii=False, indent=indent, sort_keys=...) with Python's separators.
  std::string to_json(int indent = -1, bool sort_keys = false) const;

  const char* type_name() const;

  // How deeply lists, dicts and namespaces nest in this value (0 for a scalar) when it was built,
  // and whether it is or holds a namespace. Attributes assigned to a namespace later are not
  // counted; the evaluator lets a namespace attribute hold only values without a namespace, so a
  // value's real depth stays within twice the limit it enforces on depth() (printing, comparing
  // and freeing values recurse once per level).
  uint32_t depth() const { return depth_; }
  bool holds_namespace() const { return holds_namespace_; }

 private:
  void measure_nesting();
  static int64_t float_to_int(double d);

  Kind kind_ = Kind::Undefined;
  bool generator_ = false;
  bool markup_ = false;
  bool tuple_ = false;
  bool holds_namespace_ = false;
  uint32_t depth_ = 0;
  bool b_ = false;
  int64_t i_ = 0;
  double d_ = 0.0;
  std::shared_ptr<const std::string> s_;
  std::shared_ptr<const List> list_;
  std::shared_ptr<Dict> dict_;
  std::shared_ptr<const Function> fn_;
};

// Python ==, and < (throws sikao::Error when the types do not order).
bool equals(const Value& a, const Value& b);
bool less(const Value& a, const Value& b);
// The same, paying one of `steps_left` per item compared and per 64 bytes of string; a
// RenderFault naming the step budget when they run out (a list holding one list a hundred
// thousand times is small to build and costly to compare).
bool equals(const Value& a, const Value& b, int64_t& steps_left);
bool less(const Value& a, const Value& b, int64_t& steps_left);

// Python's repr() of a float: the shortest round-tripping digits, exponent outside [1e-4, 1e16).
std::string python_float_repr(double d);

// UTF-8 helpers (code points, as Python's str counts them).
std::vector<char32_t> utf8_decode(std::string_view s);
std::string utf8_encode(const std::vector<char32_t>& cps);
void utf8_append(std::string& out, char32_t cp);
bool is_python_space(char32_t c);

} // namespace sikao::chat::jinja

namespace sikao::chat::jinja {

// Thrown by built-in functions, filters and methods while rendering; the evaluator turns it into
// a sikao::Error that names the template and line.
struct RenderFault {
  std::string message;
};

} // namespace sikao::chat::jinja
