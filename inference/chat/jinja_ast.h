#pragma once
// The parsed form of a template, shared by the parser and the evaluator (internal to chat/).

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "chat/jinja_value.h"

namespace sikao::chat::jinja {

struct Expr;
using ExprP = std::shared_ptr<const Expr>;

struct Expr {
  enum class Kind {
    Literal,   // literal
    Name,      // name
    List,      // args: elements
    Tuple,     // args: elements
    Dict,      // args: key0, value0, key1, value1, ...
    Attr,      // args[0].name
    Item,      // args[0][args[1]]
    Slice,     // args[0][args[1]:args[2]:args[3]] (null parts omitted)
    Call,      // args[0](args[1..], kwargs)
    Filter,    // args[0] | name(args[1..], kwargs); args[0] null inside filter blocks
    Test,      // args[0] is [not] name(args[1..]); negated
    Not,
    Neg,
    Pos,
    Binary,    // args[0] op args[1]
    And,
    Or,
    Cond,      // args[1] if args[0] else args[2] (null: undefined)
  };
  Kind kind = Kind::Literal;
  int line = 0;
  Value literal;
  std::string name;  // Name, Attr, Filter, Test; the operator for Binary
  bool negated = false;
  std::vector<ExprP> args;
  std::vector<std::pair<std::string, ExprP>> kwargs;
};

struct Stmt;
using StmtP = std::shared_ptr<const Stmt>;
using Body = std::vector<StmtP>;

struct Stmt {
  enum class Kind { Text, Output, If, For, Set, SetBlock, Macro, CallBlock, FilterBlock, Break, Continue, Scope };
  Kind kind = Kind::Text;
  int line = 0;
  std::string text;                       // Text; Macro name; Set/SetBlock target name
  ExprP expr;                             // Output; Set value; For iterable; CallBlock call
  std::vector<std::pair<ExprP, Body>> branches;  // If: (condition or null for else, body)
  std::vector<std::string> targets;       // For loop variables; Set tuple targets
  ExprP target_object;                    // Set ns.attr = ...: the namespace expression
  ExprP condition;                        // For ... if condition
  Body body;                              // For, SetBlock, Macro, CallBlock, FilterBlock, Scope
  Body else_body;                         // For ... else
  std::vector<std::pair<std::string, ExprP>> params;  // Macro / caller parameters with defaults
  std::vector<ExprP> filters;             // SetBlock / FilterBlock filter chain (Filter, args[0] null)
};

struct Program {
  std::string name;
  Body body;
};

} // namespace sikao::chat::jinja
