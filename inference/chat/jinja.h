#pragma once
// A Jinja2 subset interpreter for chat templates (`tokenizer.chat_template`): lexer → parser →
// AST → tree-walking evaluator, with the environment Hugging Face renders chat templates in
// (trim_blocks, lstrip_blocks, loop controls, an immutable sandbox). Its reference is Python's
// jinja2; tests/chat/ compares the two byte for byte on real templates.
//
// Errors are sikao::Error: a template that does not parse is ErrorCode::InvalidFile, a construct
// outside the subset ErrorCode::Unsupported, and a failure while rendering (a raise_exception()
// call, a type error, an undefined value used, an integer overflow, a render budget exceeded)
// ErrorCode::InvalidArgument. Every message starts with "NAME:LINE: ".
//
// A template is untrusted input (it comes with the model file): integers are 64-bit and an
// overflow is an error, and a render is bounded in output, memory built, steps, range() size and
// nesting (RenderBudget in jinja_eval.cpp), each named in the error when exceeded.

#include <memory>
#include <string>
#include <string_view>

#include "chat/jinja_value.h"

namespace sikao::chat::jinja {

struct Program;

class Template {
 public:
  static Template parse(std::string_view source, std::string name = "template");

  // Renders with these global variables (messages, add_generation_prompt, ...); the Jinja
  // built-ins (namespace, range, dict) are always present.
  std::string render(const Dict& variables) const;

  const std::string& name() const;

 private:
  explicit Template(std::shared_ptr<const Program> program) : program_(std::move(program)) {}
  std::shared_ptr<const Program> program_;
};

} // namespace sikao::chat::jinja
