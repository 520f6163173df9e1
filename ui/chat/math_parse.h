#pragma once
// The parse tree of a formula (the TeX subset of math_layout.h) and the parser that makes it;
// math_layout.cpp lays the tree out. Internal to the math engine.

#include <QString>
#include <QStringView>
#include <optional>
#include <vector>

namespace sikao::ui::math {

// TeX's atom classes: they decide the spacing between neighbours.
enum class Atom { Ord, Op, Bin, Rel, Open, Close, Punct, Inner };
enum class Variant { Italic, Upright, Bold, Mono, DoubleStruck, Script, Fraktur };
// TeX's four styles; each script level is smaller.
enum class Style { Display, Text, Script, ScriptScript };
enum class Limits { Auto, Above, Side };

struct Node {
  enum class Type { Row, Symbol, BigOp, Fraction, Radical, Scripts, Delimited, Space, Accent, Frame, Table };
  Type type = Type::Row;
  QString text;                // Symbol, BigOp: the glyphs; Accent: its name
  Atom atom = Atom::Ord;
  Variant variant = Variant::Upright;
  std::vector<Node> kids;      // Row: items; Fraction: num, den; Radical: radicand[, index];
                               // Scripts: base, sub, sup; Delimited, Accent, Frame: the body
  std::optional<Style> style;  // \dfrac, \tfrac, \displaystyle…, \boxed: the style inside
  bool bar = true;             // Fraction: false for \binom
  QString left, right;         // Fraction (\binom), Delimited, Table: the delimiters, "" for none
  qreal fixed_em = 0;          // Delimited: \big… sizes, in em; 0 grows with the body
  bool large = false;          // BigOp: a symbol drawn large (∑, ∫), not a word (lim, sin)
  bool limits_in_display = false;  // BigOp: limits above/below in display style (∑, lim)
  Limits limits = Limits::Auto;
  bool has_sub = false, has_sup = false;  // Scripts
  qreal space_em = 0;          // Space
  std::vector<std::vector<Node>> rows;  // Table: rows of cells
  QString aligns;              // Table: per column 'l', 'c' or 'r' (repeats when short)
  qreal column_gap_em = 1.0;
  bool pair_columns = false;   // Table: aligned's rl pairs (no gap inside a pair)
  bool cells_display = false;  // Table: cells in display style (aligned), else text style
};

struct ParseError {
  QString what;
};

// The tree of `tex` (a row); throws ParseError, with a reason in words, for what it cannot read,
// for nesting deeper than k_max_math_depth and for more nodes than the limit.
Node parse(QStringView tex);

} // namespace sikao::ui::math
