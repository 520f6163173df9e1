#include "chat/math_layout.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QTransform>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace sikao::ui {
namespace {

// ---------------------------------------------------------------------------------------------
// Parse tree

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

struct SymbolEntry {
  const char* glyph;
  Atom atom;
};

// Command → glyph. Lowercase Greek is italic (as TeX sets it); everything else upright.
const QHash<QString, SymbolEntry>& symbol_table() {
  static const QHash<QString, SymbolEntry> table = [] {
    QHash<QString, SymbolEntry> t;
    const std::pair<const char*, SymbolEntry> rows[] = {
        // Greek
        {"alpha", {"α", Atom::Ord}}, {"beta", {"β", Atom::Ord}}, {"gamma", {"γ", Atom::Ord}},
        {"delta", {"δ", Atom::Ord}}, {"epsilon", {"ϵ", Atom::Ord}}, {"varepsilon", {"ε", Atom::Ord}},
        {"zeta", {"ζ", Atom::Ord}}, {"eta", {"η", Atom::Ord}}, {"theta", {"θ", Atom::Ord}},
        {"vartheta", {"ϑ", Atom::Ord}}, {"iota", {"ι", Atom::Ord}}, {"kappa", {"κ", Atom::Ord}},
        {"lambda", {"λ", Atom::Ord}}, {"mu", {"μ", Atom::Ord}}, {"nu", {"ν", Atom::Ord}},
        {"xi", {"ξ", Atom::Ord}}, {"omicron", {"ο", Atom::Ord}}, {"pi", {"π", Atom::Ord}},
        {"varpi", {"ϖ", Atom::Ord}}, {"rho", {"ρ", Atom::Ord}}, {"varrho", {"ϱ", Atom::Ord}},
        {"sigma", {"σ", Atom::Ord}}, {"varsigma", {"ς", Atom::Ord}}, {"tau", {"τ", Atom::Ord}},
        {"upsilon", {"υ", Atom::Ord}}, {"phi", {"ϕ", Atom::Ord}}, {"varphi", {"φ", Atom::Ord}},
        {"chi", {"χ", Atom::Ord}}, {"psi", {"ψ", Atom::Ord}}, {"omega", {"ω", Atom::Ord}},
        {"Gamma", {"Γ", Atom::Ord}}, {"Delta", {"Δ", Atom::Ord}}, {"Theta", {"Θ", Atom::Ord}},
        {"Lambda", {"Λ", Atom::Ord}}, {"Xi", {"Ξ", Atom::Ord}}, {"Pi", {"Π", Atom::Ord}},
        {"Sigma", {"Σ", Atom::Ord}}, {"Upsilon", {"Υ", Atom::Ord}}, {"Phi", {"Φ", Atom::Ord}},
        {"Psi", {"Ψ", Atom::Ord}}, {"Omega", {"Ω", Atom::Ord}},
        // binary operators
        {"pm", {"±", Atom::Bin}}, {"mp", {"∓", Atom::Bin}}, {"times", {"×", Atom::Bin}},
        {"div", {"÷", Atom::Bin}}, {"cdot", {"·", Atom::Bin}}, {"ast", {"∗", Atom::Bin}},
        {"star", {"⋆", Atom::Bin}}, {"circ", {"∘", Atom::Bin}}, {"bullet", {"•", Atom::Bin}},
        {"oplus", {"⊕", Atom::Bin}}, {"ominus", {"⊖", Atom::Bin}}, {"otimes", {"⊗", Atom::Bin}},
        {"odot", {"⊙", Atom::Bin}}, {"setminus", {"∖", Atom::Bin}}, {"cup", {"∪", Atom::Bin}},
        {"cap", {"∩", Atom::Bin}}, {"wedge", {"∧", Atom::Bin}}, {"land", {"∧", Atom::Bin}},
        {"vee", {"∨", Atom::Bin}}, {"lor", {"∨", Atom::Bin}}, {"sqcup", {"⊔", Atom::Bin}},
        {"uplus", {"⊎", Atom::Bin}}, {"dagger", {"†", Atom::Bin}}, {"bmod", {"mod", Atom::Bin}},
        // relations and arrows
        {"le", {"≤", Atom::Rel}}, {"leq", {"≤", Atom::Rel}}, {"ge", {"≥", Atom::Rel}},
        {"geq", {"≥", Atom::Rel}}, {"leqslant", {"⩽", Atom::Rel}}, {"geqslant", {"⩾", Atom::Rel}},
        {"ne", {"≠", Atom::Rel}}, {"neq", {"≠", Atom::Rel}}, {"approx", {"≈", Atom::Rel}},
        {"equiv", {"≡", Atom::Rel}}, {"sim", {"∼", Atom::Rel}}, {"simeq", {"≃", Atom::Rel}},
        {"cong", {"≅", Atom::Rel}}, {"propto", {"∝", Atom::Rel}}, {"ll", {"≪", Atom::Rel}},
        {"gg", {"≫", Atom::Rel}}, {"subset", {"⊂", Atom::Rel}}, {"subseteq", {"⊆", Atom::Rel}},
        {"supset", {"⊃", Atom::Rel}}, {"supseteq", {"⊇", Atom::Rel}}, {"subsetneq", {"⊊", Atom::Rel}},
        {"in", {"∈", Atom::Rel}}, {"notin", {"∉", Atom::Rel}}, {"ni", {"∋", Atom::Rel}},
        {"mid", {"∣", Atom::Rel}}, {"nmid", {"∤", Atom::Rel}}, {"parallel", {"∥", Atom::Rel}},
        {"perp", {"⊥", Atom::Rel}}, {"to", {"→", Atom::Rel}}, {"rightarrow", {"→", Atom::Rel}},
        {"leftarrow", {"←", Atom::Rel}}, {"gets", {"←", Atom::Rel}}, {"Rightarrow", {"⇒", Atom::Rel}},
        {"Leftarrow", {"⇐", Atom::Rel}}, {"Leftrightarrow", {"⇔", Atom::Rel}},
        {"leftrightarrow", {"↔", Atom::Rel}}, {"iff", {"⟺", Atom::Rel}}, {"implies", {"⟹", Atom::Rel}},
        {"impliedby", {"⟸", Atom::Rel}}, {"mapsto", {"↦", Atom::Rel}}, {"longmapsto", {"⟼", Atom::Rel}},
        {"longrightarrow", {"⟶", Atom::Rel}}, {"longleftarrow", {"⟵", Atom::Rel}},
        {"Longrightarrow", {"⟹", Atom::Rel}}, {"Longleftarrow", {"⟸", Atom::Rel}},
        {"Longleftrightarrow", {"⟺", Atom::Rel}}, {"longleftrightarrow", {"⟷", Atom::Rel}},
        {"uparrow", {"↑", Atom::Rel}}, {"downarrow", {"↓", Atom::Rel}}, {"Uparrow", {"⇑", Atom::Rel}},
        {"Downarrow", {"⇓", Atom::Rel}}, {"updownarrow", {"↕", Atom::Rel}}, {"nearrow", {"↗", Atom::Rel}},
        {"searrow", {"↘", Atom::Rel}}, {"hookrightarrow", {"↪", Atom::Rel}},
        {"rightleftharpoons", {"⇌", Atom::Rel}}, {"models", {"⊨", Atom::Rel}}, {"vdash", {"⊢", Atom::Rel}},
        {"dashv", {"⊣", Atom::Rel}}, {"prec", {"≺", Atom::Rel}}, {"succ", {"≻", Atom::Rel}},
        {"preceq", {"⪯", Atom::Rel}}, {"succeq", {"⪰", Atom::Rel}}, {"triangleq", {"≜", Atom::Rel}},
        {"doteq", {"≐", Atom::Rel}}, {"coloneqq", {"≔", Atom::Rel}}, {"asymp", {"≍", Atom::Rel}},
        {"lesssim", {"≲", Atom::Rel}}, {"gtrsim", {"≳", Atom::Rel}}, {"nleq", {"≰", Atom::Rel}},
        {"ngeq", {"≱", Atom::Rel}}, {"lt", {"<", Atom::Rel}}, {"gt", {">", Atom::Rel}},
        // ordinary symbols
        {"infty", {"∞", Atom::Ord}}, {"partial", {"∂", Atom::Ord}}, {"nabla", {"∇", Atom::Ord}},
        {"forall", {"∀", Atom::Ord}}, {"exists", {"∃", Atom::Ord}}, {"nexists", {"∄", Atom::Ord}},
        {"emptyset", {"∅", Atom::Ord}}, {"varnothing", {"∅", Atom::Ord}}, {"angle", {"∠", Atom::Ord}},
        {"triangle", {"△", Atom::Ord}}, {"degree", {"°", Atom::Ord}}, {"prime", {"′", Atom::Ord}},
        {"ell", {"ℓ", Atom::Ord}}, {"hbar", {"ℏ", Atom::Ord}}, {"Re", {"ℜ", Atom::Ord}},
        {"Im", {"ℑ", Atom::Ord}}, {"aleph", {"ℵ", Atom::Ord}}, {"neg", {"¬", Atom::Ord}},
        {"lnot", {"¬", Atom::Ord}}, {"top", {"⊤", Atom::Ord}}, {"bot", {"⊥", Atom::Ord}},
        {"ldots", {"…", Atom::Inner}}, {"dots", {"…", Atom::Inner}}, {"dotsc", {"…", Atom::Inner}},
        {"dotsb", {"⋯", Atom::Inner}}, {"cdots", {"⋯", Atom::Inner}}, {"vdots", {"⋮", Atom::Ord}},
        {"ddots", {"⋱", Atom::Inner}}, {"checkmark", {"✓", Atom::Ord}}, {"square", {"□", Atom::Ord}},
        {"Box", {"□", Atom::Ord}}, {"blacksquare", {"■", Atom::Ord}}, {"qed", {"∎", Atom::Ord}},
        {"diamond", {"◇", Atom::Ord}}, {"wp", {"℘", Atom::Ord}}, {"imath", {"ı", Atom::Ord}},
        {"jmath", {"ȷ", Atom::Ord}}, {"therefore", {"∴", Atom::Rel}}, {"because", {"∵", Atom::Rel}},
        {"vert", {"|", Atom::Ord}}, {"Vert", {"‖", Atom::Ord}}, {"|", {"‖", Atom::Ord}},
        {"backslash", {"\\", Atom::Ord}}, {"colon", {":", Atom::Punct}}, {"circledR", {"®", Atom::Ord}},
        {"{", {"{", Atom::Open}}, {"}", {"}", Atom::Close}}, {"lbrace", {"{", Atom::Open}},
        {"rbrace", {"}", Atom::Close}}, {"langle", {"⟨", Atom::Open}}, {"rangle", {"⟩", Atom::Close}},
        {"lceil", {"⌈", Atom::Open}}, {"rceil", {"⌉", Atom::Close}}, {"lfloor", {"⌊", Atom::Open}},
        {"rfloor", {"⌋", Atom::Close}}, {"lvert", {"|", Atom::Open}}, {"rvert", {"|", Atom::Close}},
        {"lVert", {"‖", Atom::Open}}, {"rVert", {"‖", Atom::Close}},
        {"%", {"%", Atom::Ord}}, {"$", {"$", Atom::Ord}}, {"#", {"#", Atom::Ord}},
        {"&", {"&", Atom::Ord}}, {"_", {"_", Atom::Ord}},
    };
    for (const auto& [name, entry] : rows) t.insert(QString::fromLatin1(name), entry);
    return t;
  }();
  return table;
}

struct BigOpEntry {
  const char* glyph;
  bool large;              // a symbol drawn large, else an upright word
  bool limits_in_display;  // limits above/below in display style
};

const QHash<QString, BigOpEntry>& big_op_table() {
  static const QHash<QString, BigOpEntry> table = [] {
    QHash<QString, BigOpEntry> t;
    const std::pair<const char*, BigOpEntry> rows[] = {
        {"sum", {"∑", true, true}}, {"prod", {"∏", true, true}}, {"coprod", {"∐", true, true}},
        {"bigcup", {"⋃", true, true}}, {"bigcap", {"⋂", true, true}}, {"bigoplus", {"⨁", true, true}},
        {"bigotimes", {"⨂", true, true}}, {"bigvee", {"⋁", true, true}}, {"bigwedge", {"⋀", true, true}},
        {"int", {"∫", true, false}}, {"iint", {"∬", true, false}}, {"iiint", {"∭", true, false}},
        {"oint", {"∮", true, false}},
        {"lim", {"lim", false, true}}, {"limsup", {"lim sup", false, true}},
        {"liminf", {"lim inf", false, true}}, {"max", {"max", false, true}}, {"min", {"min", false, true}},
        {"sup", {"sup", false, true}}, {"inf", {"inf", false, true}}, {"det", {"det", false, true}},
        {"gcd", {"gcd", false, true}}, {"Pr", {"Pr", false, true}}, {"argmax", {"arg max", false, true}},
        {"argmin", {"arg min", false, true}},
        {"sin", {"sin", false, false}}, {"cos", {"cos", false, false}}, {"tan", {"tan", false, false}},
        {"cot", {"cot", false, false}}, {"sec", {"sec", false, false}}, {"csc", {"csc", false, false}},
        {"arcsin", {"arcsin", false, false}}, {"arccos", {"arccos", false, false}},
        {"arctan", {"arctan", false, false}}, {"sinh", {"sinh", false, false}},
        {"cosh", {"cosh", false, false}}, {"tanh", {"tanh", false, false}}, {"log", {"log", false, false}},
        {"ln", {"ln", false, false}}, {"lg", {"lg", false, false}}, {"exp", {"exp", false, false}},
        {"dim", {"dim", false, false}}, {"ker", {"ker", false, false}}, {"deg", {"deg", false, false}},
        {"hom", {"hom", false, false}}, {"arg", {"arg", false, false}}, {"lcm", {"lcm", false, false}},
        {"operatorname", {"", false, false}},
    };
    for (const auto& [name, entry] : rows) t.insert(QString::fromLatin1(name), entry);
    return t;
  }();
  return table;
}

// Spaces in em (TeX: \, = 3 mu, \: = 4 mu, \; = 5 mu, \! = −3 mu; 18 mu = 1 em).
std::optional<qreal> space_command(const QString& name) {
  static const QHash<QString, qreal> spaces{
      {QStringLiteral(","), 3.0 / 18}, {QStringLiteral("thinspace"), 3.0 / 18},
      {QStringLiteral(":"), 4.0 / 18}, {QStringLiteral(">"), 4.0 / 18},
      {QStringLiteral("medspace"), 4.0 / 18}, {QStringLiteral(";"), 5.0 / 18},
      {QStringLiteral("thickspace"), 5.0 / 18}, {QStringLiteral("!"), -3.0 / 18},
      {QStringLiteral("negthinspace"), -3.0 / 18}, {QStringLiteral(" "), 0.33},
      {QStringLiteral("enspace"), 0.5}, {QStringLiteral("quad"), 1.0}, {QStringLiteral("qquad"), 2.0}};
  const auto it = spaces.constFind(name);
  if (it == spaces.constEnd()) return std::nullopt;
  return *it;
}

// Letters in the double-struck, script and fraktur alphabets (Unicode's Mathematical
// Alphanumeric Symbols, with the letters that Letterlike Symbols had before it).
QString styled_letter(QChar c, Variant variant) {
  const char16_t u = c.unicode();
  const bool upper = u >= 'A' && u <= 'Z';
  const bool lower = u >= 'a' && u <= 'z';
  if (!upper && !lower) return QString(c);
  struct Exception {
    char16_t letter;
    char16_t glyph;
  };
  char32_t upper_base = 0, lower_base = 0;
  std::vector<Exception> exceptions;
  switch (variant) {
    case Variant::DoubleStruck:
      upper_base = 0x1D538, lower_base = 0x1D552;
      exceptions = {{'C', 0x2102}, {'H', 0x210D}, {'N', 0x2115}, {'P', 0x2119},
                    {'Q', 0x211A}, {'R', 0x211D}, {'Z', 0x2124}};
      break;
    case Variant::Script:
      upper_base = 0x1D49C, lower_base = 0x1D4B6;
      exceptions = {{'B', 0x212C}, {'E', 0x2130}, {'F', 0x2131}, {'H', 0x210B}, {'I', 0x2110},
                    {'L', 0x2112}, {'M', 0x2133}, {'R', 0x211B}, {'e', 0x212F}, {'g', 0x210A},
                    {'o', 0x2134}};
      break;
    case Variant::Fraktur:
      upper_base = 0x1D504, lower_base = 0x1D51E;
      exceptions = {{'C', 0x212D}, {'H', 0x210C}, {'I', 0x2111}, {'R', 0x211C}, {'Z', 0x2128}};
      break;
    default:
      return QString(c);
  }
  for (const Exception& e : exceptions) {
    if (e.letter == u) return QString(QChar(e.glyph));
  }
  const char32_t code = upper ? upper_base + (u - 'A') : lower_base + (u - 'a');
  return QString::fromUcs4(&code, 1);
}

// Recursive descent over the source. Every nesting (group, argument, environment, \left)
// goes through `Nest`, which caps the depth: the parser's stack stays bounded whatever the input.
class Parser {
 public:
  explicit Parser(QStringView source) : s_(source) {}

  Node parse() {
    Node row = parse_row(Until::End);
    return row;
  }

 private:
  enum class Until { End, Brace, Bracket, Right, Cell };

  struct Nest {
    explicit Nest(int& depth) : depth_(depth) {
      if (++depth_ > k_max_math_depth) throw ParseError{QStringLiteral("nested too deeply")};
    }
    ~Nest() { --depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
    int& depth_;
  };

  [[noreturn]] static void fail(const QString& what) { throw ParseError{what}; }

  bool at_end() const { return pos_ >= s_.size(); }
  QChar peek() const { return at_end() ? QChar() : s_[pos_]; }
  void skip_spaces() {
    while (!at_end() && s_[pos_].isSpace()) ++pos_;
  }
  bool looking_at(QStringView text) const { return s_.mid(pos_).startsWith(text); }
  // A command name at pos_ (pointing at the backslash): letters, or one other character.
  QString peek_command() const {
    if (peek() != QLatin1Char('\\') || pos_ + 1 >= s_.size()) return {};
    qsizetype end = pos_ + 1;
    while (end < s_.size() && s_[end].isLetter() && s_[end].unicode() < 128) ++end;
    if (end == pos_ + 1) end = pos_ + 2;
    return s_.mid(pos_ + 1, end - pos_ - 1).toString();
  }
  QString take_command() {
    QString name = peek_command();
    pos_ += 1 + name.size();
    if (name == QLatin1String("operatorname") && peek() == QLatin1Char('*')) {
      ++pos_;
      name += QLatin1Char('*');
    }
    return name;
  }
  void expect(QChar c, const char* what) {
    skip_spaces();
    if (peek() != c) fail(QString::fromLatin1(what));
    ++pos_;
  }

  Node make_symbol(QString text, Atom atom, Variant variant) {
    if (++nodes_ > 20000) fail(QStringLiteral("too long"));
    Node n;
    n.type = Node::Type::Symbol;
    n.text = std::move(text);
    n.atom = atom;
    n.variant = variant;
    return n;
  }

  Node parse_row(Until until) {
    Node row;
    row.type = Node::Type::Row;
    for (;;) {
      skip_spaces();
      if (at_end()) {
        if (until == Until::End) return row;
        fail(until == Until::Brace ? QStringLiteral("missing }")
             : until == Until::Cell ? QStringLiteral("missing \\end")
             : until == Until::Right ? QStringLiteral("\\left without \\right")
                                     : QStringLiteral("missing ]"));
      }
      const QChar c = peek();
      const QString command = peek_command();
      if (c == QLatin1Char('}')) {
        if (until == Until::Brace) return row;
        fail(QStringLiteral("unbalanced }"));
      }
      if (c == QLatin1Char(']') && until == Until::Bracket) return row;
      if (c == QLatin1Char('&') || command == QLatin1String("\\") || command == QLatin1String("end") ||
          command == QLatin1String("cr")) {
        if (until == Until::Cell) return row;
        fail(QStringLiteral("& or \\\\ outside an environment"));
      }
      if (command == QLatin1String("right")) {
        if (until == Until::Right) return row;
        fail(QStringLiteral("\\right without \\left"));
      }
      if (c == QLatin1Char('^') || c == QLatin1Char('_')) {
        ++pos_;
        attach_script(row, c == QLatin1Char('^'), parse_argument());
        continue;
      }
      if (c == QLatin1Char('\'')) {
        ++pos_;
        attach_script(row, true, make_symbol(QStringLiteral("′"), Atom::Ord, Variant::Upright));
        continue;
      }
      if (const std::optional<Style> style = style_command(command)) {
        take_command();
        Nest nest(depth_);
        Node rest = parse_row(until);  // the style holds to the end of the group
        rest.style = style;
        row.kids.push_back(std::move(rest));
        return row;
      }
      if (command == QLatin1String("limits") || command == QLatin1String("nolimits")) {
        take_command();
        Node* op = row.kids.empty() ? nullptr : &row.kids.back();
        if (op && op->type == Node::Type::Scripts) op = &op->kids[0];
        if (!op || op->type != Node::Type::BigOp) fail(QStringLiteral("\\limits without an operator"));
        op->limits = command == QLatin1String("limits") ? Limits::Above : Limits::Side;
        continue;
      }
      row.kids.push_back(parse_atom(false));
    }
  }

  static std::optional<Style> style_command(const QString& name) {
    if (name == QLatin1String("displaystyle")) return Style::Display;
    if (name == QLatin1String("textstyle")) return Style::Text;
    if (name == QLatin1String("scriptstyle")) return Style::Script;
    if (name == QLatin1String("scriptscriptstyle")) return Style::ScriptScript;
    return std::nullopt;
  }

  // x^a_b, x_b^a, x'': one Scripts node per base, each slot filled at most once.
  void attach_script(Node& row, bool sup, Node script) {
    if (row.kids.empty() || row.kids.back().type != Node::Type::Scripts ||
        (sup ? row.kids.back().has_sup : row.kids.back().has_sub)) {
      Node scripts;
      scripts.type = Node::Type::Scripts;
      if (row.kids.empty()) {
        scripts.kids.emplace_back();  // an empty base: {}^{14}C
      } else {
        scripts.kids.push_back(std::move(row.kids.back()));
        row.kids.pop_back();
      }
      if (scripts.kids[0].type == Node::Type::Scripts && (sup ? scripts.kids[0].has_sup : scripts.kids[0].has_sub)) {
        // x^a^b (TeX's "double superscript") — x'^2 is fine: the prime joins the superscript.
        const bool prime_then_sup = sup && scripts.kids[0].kids[2].kids.size() == 1 &&
                                    scripts.kids[0].kids[2].kids[0].text == QStringLiteral("′");
        if (!prime_then_sup) fail(QStringLiteral("double script"));
        Node previous = std::move(scripts.kids[0]);
        previous.kids[2].kids.push_back(std::move(script));
        row.kids.push_back(std::move(previous));
        return;
      }
      scripts.kids.emplace_back();
      scripts.kids.emplace_back();
      row.kids.push_back(std::move(scripts));
    }
    Node& scripts = row.kids.back();
    Node& slot = scripts.kids[sup ? 2 : 1];
    if (script.type == Node::Type::Row && !script.style) {
      slot = std::move(script);
    } else {
      slot.kids.push_back(std::move(script));
    }
    (sup ? scripts.has_sup : scripts.has_sub) = true;
  }

  // A command's argument: a {group}, a command, or one character (\frac12).
  Node parse_argument() {
    Nest nest(depth_);
    skip_spaces();
    if (at_end()) fail(QStringLiteral("missing argument"));
    if (peek() == QLatin1Char('}') || peek() == QLatin1Char('&') || peek() == QLatin1Char('^') ||
        peek() == QLatin1Char('_'))
      fail(QStringLiteral("missing argument"));
    return parse_atom(true);
  }

  Node parse_group() {
    Nest nest(depth_);
    ++pos_;  // {
    Node row = parse_row(Until::Brace);
    expect(QLatin1Char('}'), "missing }");
    return row;
  }

  Node parse_atom(bool single_character) {
    const QChar c = peek();
    if (c == QLatin1Char('{')) return parse_group();
    if (c == QLatin1Char('\\')) return parse_command();
    ++pos_;
    if (c.isDigit()) {
      QString digits(c);
      // 3.14 is one number; as an argument (\frac12) one digit is the whole argument.
      while (!single_character && !at_end() &&
             (peek().isDigit() || (peek() == QLatin1Char('.') && pos_ + 1 < s_.size() && s_[pos_ + 1].isDigit()))) {
        digits += s_[pos_++];
      }
      return make_symbol(variant_ == Variant::DoubleStruck ? styled_letter(c, variant_) : digits, Atom::Ord,
                         variant_ == Variant::Bold ? Variant::Bold : Variant::Upright);
    }
    if (c.unicode() < 128 && c.isLetter()) {
      switch (variant_) {
        case Variant::DoubleStruck:
        case Variant::Script:
        case Variant::Fraktur:
          return make_symbol(styled_letter(c, variant_), Atom::Ord, Variant::Upright);
        default:
          return make_symbol(QString(c), Atom::Ord, variant_);
      }
    }
    switch (c.unicode()) {
      case '+': return make_symbol(QStringLiteral("+"), Atom::Bin, Variant::Upright);
      case '-': return make_symbol(QStringLiteral("−"), Atom::Bin, Variant::Upright);
      case '*': return make_symbol(QStringLiteral("∗"), Atom::Bin, Variant::Upright);
      case '=': case '<': case '>': return make_symbol(QString(c), Atom::Rel, Variant::Upright);
      case ':': return make_symbol(QString(c), Atom::Rel, Variant::Upright);
      case ',': case ';': return make_symbol(QString(c), Atom::Punct, Variant::Upright);
      case '(': case '[': return make_symbol(QString(c), Atom::Open, Variant::Upright);
      case ')': case ']': return make_symbol(QString(c), Atom::Close, Variant::Upright);
      case '!': case '?': return make_symbol(QString(c), Atom::Close, Variant::Upright);
      case '~': {
        Node space;
        space.type = Node::Type::Space;
        space.space_em = 0.33;
        return space;
      }
      case '$': case '%': case '#': case '}': case '&': case '^': case '_':
        fail(QStringLiteral("unexpected ") + c);
      default:
        return make_symbol(QString(c), Atom::Ord, Variant::Upright);
    }
  }

  Node parse_command() {
    const QString name = take_command();
    if (name.isEmpty()) fail(QStringLiteral("a lone backslash"));
    if (const auto it = symbol_table().constFind(name); it != symbol_table().constEnd()) {
      const bool italic_greek = name.size() > 1 && name[0].isLower() && QString::fromUtf8(it->glyph).size() == 1 &&
                                QString::fromUtf8(it->glyph)[0].script() == QChar::Script_Greek;
      Variant variant = italic_greek ? Variant::Italic : Variant::Upright;
      if (variant_ == Variant::Bold) variant = Variant::Bold;
      return make_symbol(QString::fromUtf8(it->glyph), it->atom, variant);
    }
    if (const auto space = space_command(name)) {
      Node n;
      n.type = Node::Type::Space;
      n.space_em = *space;
      return n;
    }
    if (const auto it = big_op_table().constFind(name); it != big_op_table().constEnd()) {
      Node n = make_symbol(QString::fromUtf8(it->glyph), Atom::Op, Variant::Upright);
      n.type = Node::Type::BigOp;
      n.large = it->large;
      n.limits_in_display = it->limits_in_display;
      if (name == QLatin1String("operatorname")) n.text = read_text_argument();
      return n;
    }
    if (name == QLatin1String("operatorname*")) {
      Node n = make_symbol(read_text_argument(), Atom::Op, Variant::Upright);
      n.type = Node::Type::BigOp;
      n.limits_in_display = true;
      return n;
    }
    if (name == QLatin1String("frac") || name == QLatin1String("dfrac") || name == QLatin1String("tfrac") ||
        name == QLatin1String("cfrac")) {
      Node n;
      n.type = Node::Type::Fraction;
      if (name == QLatin1String("dfrac") || name == QLatin1String("cfrac")) n.style = Style::Display;
      if (name == QLatin1String("tfrac")) n.style = Style::Text;
      n.kids.push_back(parse_argument());
      n.kids.push_back(parse_argument());
      return n;
    }
    if (name == QLatin1String("binom") || name == QLatin1String("dbinom") || name == QLatin1String("tbinom")) {
      Node n;
      n.type = Node::Type::Fraction;
      n.bar = false;
      n.left = QStringLiteral("(");
      n.right = QStringLiteral(")");
      if (name == QLatin1String("dbinom")) n.style = Style::Display;
      if (name == QLatin1String("tbinom")) n.style = Style::Text;
      n.kids.push_back(parse_argument());
      n.kids.push_back(parse_argument());
      return n;
    }
    if (name == QLatin1String("sqrt")) {
      Node n;
      n.type = Node::Type::Radical;
      std::optional<Node> index;
      skip_spaces();
      if (peek() == QLatin1Char('[')) {
        Nest nest(depth_);
        ++pos_;
        index = parse_row(Until::Bracket);
        expect(QLatin1Char(']'), "missing ]");
      }
      n.kids.push_back(parse_argument());
      if (index) n.kids.push_back(std::move(*index));
      return n;
    }
    if (name == QLatin1String("left")) return parse_left_right();
    if (const qreal size = big_delimiter_size(name); size > 0) {
      Node n;
      n.type = Node::Type::Delimited;
      n.fixed_em = size;
      n.left = read_delimiter();
      n.atom = name.endsWith(QLatin1Char('l')) ? Atom::Open : name.endsWith(QLatin1Char('r')) ? Atom::Close : Atom::Ord;
      return n;
    }
    if (name == QLatin1String("text") || name == QLatin1String("textrm") || name == QLatin1String("mbox") ||
        name == QLatin1String("textnormal") || name == QLatin1String("textup")) {
      return make_symbol(read_text_argument(), Atom::Ord, Variant::Upright);
    }
    if (name == QLatin1String("textbf")) return make_symbol(read_text_argument(), Atom::Ord, Variant::Bold);
    if (name == QLatin1String("textit") || name == QLatin1String("emph"))
      return make_symbol(read_text_argument(), Atom::Ord, Variant::Italic);
    if (name == QLatin1String("texttt")) return make_symbol(read_text_argument(), Atom::Ord, Variant::Mono);
    if (const std::optional<Variant> variant = font_command(name)) {
      const Variant outer = variant_;
      variant_ = *variant;
      Node n = parse_argument();
      variant_ = outer;
      return n;
    }
    if (is_accent(name)) {
      Node n;
      n.type = Node::Type::Accent;
      n.text = name;
      n.kids.push_back(parse_argument());
      return n;
    }
    if (name == QLatin1String("boxed") || name == QLatin1String("fbox")) {
      Node n;
      n.type = Node::Type::Frame;
      n.style = Style::Display;  // amsmath: \boxed{#1} is \fbox{$\displaystyle #1$}
      n.kids.push_back(parse_argument());
      return n;
    }
    if (name == QLatin1String("begin")) return parse_environment();
    if (name == QLatin1String("not")) return parse_negation();
    if (name == QLatin1String("pmod") || name == QLatin1String("mod")) {
      Node n;
      n.type = Node::Type::Row;
      Node space;
      space.type = Node::Type::Space;
      space.space_em = name == QLatin1String("pmod") ? 0.6 : 0.9;
      n.kids.push_back(space);
      if (name == QLatin1String("pmod")) n.kids.push_back(make_symbol(QStringLiteral("("), Atom::Open, Variant::Upright));
      n.kids.push_back(make_symbol(QStringLiteral("mod"), Atom::Ord, Variant::Upright));
      space.space_em = 0.33;
      n.kids.push_back(space);
      n.kids.push_back(parse_argument());
      if (name == QLatin1String("pmod")) n.kids.push_back(make_symbol(QStringLiteral(")"), Atom::Close, Variant::Upright));
      return n;
    }
    fail(QStringLiteral("unknown command \\") + name);
  }

  static qreal big_delimiter_size(const QString& name) {
    static const QHash<QString, qreal> sizes = [] {
      QHash<QString, qreal> t;
      const std::pair<const char*, qreal> bases[] = {{"big", 1.2}, {"Big", 1.8}, {"bigg", 2.4}, {"Bigg", 3.0}};
      for (const auto& [base, em] : bases) {
        for (const char* suffix : {"", "l", "r", "m"}) t.insert(QString::fromLatin1(base) + QLatin1String(suffix), em);
      }
      return t;
    }();
    return sizes.value(name, 0);
  }

  static std::optional<Variant> font_command(const QString& name) {
    if (name == QLatin1String("mathrm") || name == QLatin1String("mathsf") || name == QLatin1String("rm") ||
        name == QLatin1String("mathup"))
      return Variant::Upright;
    if (name == QLatin1String("mathbf") || name == QLatin1String("boldsymbol") || name == QLatin1String("bm") ||
        name == QLatin1String("bf"))
      return Variant::Bold;
    if (name == QLatin1String("mathit")) return Variant::Italic;
    if (name == QLatin1String("mathtt")) return Variant::Mono;
    if (name == QLatin1String("mathbb") || name == QLatin1String("Bbb")) return Variant::DoubleStruck;
    if (name == QLatin1String("mathcal") || name == QLatin1String("mathscr")) return Variant::Script;
    if (name == QLatin1String("mathfrak")) return Variant::Fraktur;
    return std::nullopt;
  }

  static bool is_accent(const QString& name) {
    static const QStringList accents{"hat", "widehat", "bar", "overline", "vec", "overrightarrow",
                                     "tilde", "widetilde", "dot", "ddot", "underline", "check", "breve"};
    return accents.contains(name);
  }

  // \text{…}: the characters as written (text, not math), with TeX's escapes for specials.
  QString read_text_argument() {
    skip_spaces();
    if (peek() != QLatin1Char('{')) fail(QStringLiteral("\\text without {"));
    ++pos_;
    QString text;
    int braces = 0;
    for (;;) {
      if (at_end()) fail(QStringLiteral("missing }"));
      const QChar c = s_[pos_++];
      if (c == QLatin1Char('{')) {
        if (++braces > k_max_math_depth) fail(QStringLiteral("nested too deeply"));
        continue;
      }
      if (c == QLatin1Char('}')) {
        if (braces-- == 0) break;
        continue;
      }
      if (c == QLatin1Char('$')) fail(QStringLiteral("math inside \\text"));
      if (c == QLatin1Char('\\')) {
        if (at_end()) fail(QStringLiteral("a lone backslash"));
        const QChar next = s_[pos_++];
        if (QStringLiteral("%$&#_{} ").contains(next)) {
          text += next;
          continue;
        }
        fail(QStringLiteral("a command inside \\text"));
      }
      text += c == QLatin1Char('~') ? QChar(0x00A0) : c;
    }
    return text;
  }

  // The delimiter after \left, \right, \big…: "" for "." (none).
  QString read_delimiter() {
    skip_spaces();
    if (at_end()) fail(QStringLiteral("missing delimiter"));
    const QChar c = peek();
    if (c == QLatin1Char('\\')) {
      const QString name = take_command();
      static const QHash<QString, QString> named{
          {"{", "{"}, {"}", "}"}, {"lbrace", "{"}, {"rbrace", "}"}, {"langle", "⟨"}, {"rangle", "⟩"},
          {"|", "‖"}, {"Vert", "‖"}, {"vert", "|"}, {"lvert", "|"}, {"rvert", "|"}, {"lVert", "‖"},
          {"rVert", "‖"}, {"lceil", "⌈"}, {"rceil", "⌉"}, {"lfloor", "⌊"}, {"rfloor", "⌋"},
          {"lbrack", "["}, {"rbrack", "]"}, {"backslash", "\\"}};
      const auto it = named.constFind(name);
      if (it == named.constEnd()) fail(QStringLiteral("unknown delimiter \\") + name);
      return *it;
    }
    ++pos_;
    if (c == QLatin1Char('.')) return {};
    if (c == QLatin1Char('<')) return QStringLiteral("⟨");
    if (c == QLatin1Char('>')) return QStringLiteral("⟩");
    if (QStringLiteral("()[]|/").contains(c)) return QString(c);
    fail(QStringLiteral("unknown delimiter ") + c);
  }

  Node parse_left_right() {
    Nest nest(depth_);
    Node n;
    n.type = Node::Type::Delimited;
    n.atom = Atom::Inner;
    n.left = read_delimiter();
    n.kids.push_back(parse_row(Until::Right));
    take_command();  // \right
    n.right = read_delimiter();
    return n;
  }

  Node parse_negation() {
    skip_spaces();
    const QString next = peek() == QLatin1Char('\\') ? peek_command() : QString(peek());
    static const QHash<QString, QString> negated{
        {"=", "≠"}, {"in", "∉"}, {"subset", "⊄"}, {"subseteq", "⊈"}, {"equiv", "≢"},
        {"mid", "∤"}, {"le", "≰"}, {"leq", "≰"}, {"ge", "≱"}, {"geq", "≱"}, {"sim", "≁"},
        {"approx", "≉"}, {"<", "≮"}, {">", "≯"}, {"exists", "∄"}};
    const auto it = negated.constFind(next);
    if (it == negated.constEnd()) fail(QStringLiteral("\\not before something else than a relation"));
    pos_ += peek() == QLatin1Char('\\') ? 1 + next.size() : 1;
    return make_symbol(*it, *it == QStringLiteral("∄") ? Atom::Ord : Atom::Rel, Variant::Upright);
  }

  QString read_environment_name() {
    skip_spaces();
    if (peek() != QLatin1Char('{')) fail(QStringLiteral("\\begin without {"));
    const qsizetype close = s_.indexOf(QLatin1Char('}'), pos_);
    if (close < 0) fail(QStringLiteral("missing }"));
    const QString name = s_.mid(pos_ + 1, close - pos_ - 1).toString().trimmed();
    pos_ = close + 1;
    return name;
  }

  Node parse_environment() {
    Nest nest(depth_);
    const QString name = read_environment_name();
    Node table;
    table.type = Node::Type::Table;
    table.aligns = QStringLiteral("c");
    if (name == QLatin1String("matrix") || name == QLatin1String("smallmatrix")) {
    } else if (name == QLatin1String("pmatrix")) {
      table.left = QStringLiteral("("), table.right = QStringLiteral(")");
    } else if (name == QLatin1String("bmatrix")) {
      table.left = QStringLiteral("["), table.right = QStringLiteral("]");
    } else if (name == QLatin1String("Bmatrix")) {
      table.left = QStringLiteral("{"), table.right = QStringLiteral("}");
    } else if (name == QLatin1String("vmatrix")) {
      table.left = table.right = QStringLiteral("|");
    } else if (name == QLatin1String("Vmatrix")) {
      table.left = table.right = QStringLiteral("‖");
    } else if (name == QLatin1String("cases")) {
      table.left = QStringLiteral("{");
      table.aligns = QStringLiteral("l");
    } else if (name == QLatin1String("aligned") || name == QLatin1String("align") ||
               name == QLatin1String("align*") || name == QLatin1String("alignedat") ||
               name == QLatin1String("split")) {
      table.aligns = QStringLiteral("rl");
      table.pair_columns = true;
      table.cells_display = true;
      table.column_gap_em = 2.0;
      if (name == QLatin1String("alignedat")) read_text_argument();  // the column count
    } else if (name == QLatin1String("gathered") || name == QLatin1String("gather") ||
               name == QLatin1String("gather*")) {
      table.cells_display = true;
    } else if (name == QLatin1String("array")) {
      table.aligns.clear();
      for (const QChar c : read_text_argument()) {
        if (c == QLatin1Char('l') || c == QLatin1Char('c') || c == QLatin1Char('r')) table.aligns += c;
        else if (c != QLatin1Char('|') && !c.isSpace()) fail(QStringLiteral("unsupported array column ") + c);
      }
      if (table.aligns.isEmpty()) fail(QStringLiteral("array without columns"));
    } else {
      fail(QStringLiteral("unknown environment ") + name);
    }
    std::vector<Node> cells;
    for (;;) {
      cells.push_back(parse_row(Until::Cell));
      const QString command = peek_command();
      if (peek() == QLatin1Char('&')) {
        ++pos_;
      } else if (command == QLatin1String("\\") || command == QLatin1String("cr")) {
        take_command();
        table.rows.push_back(std::move(cells));
        cells.clear();
      } else {  // \end
        take_command();
        if (read_environment_name() != name) fail(QStringLiteral("\\end does not match \\begin{") + name + '}');
        break;
      }
    }
    const bool last_empty = cells.size() == 1 && cells[0].kids.empty();
    if (!last_empty || table.rows.empty()) table.rows.push_back(std::move(cells));
    return table;
  }

  QStringView s_;
  qsizetype pos_ = 0;
  int depth_ = 0;
  int nodes_ = 0;
  Variant variant_ = Variant::Italic;
};

// ---------------------------------------------------------------------------------------------
// Layout

Style smaller(Style s) {
  switch (s) {
    case Style::Display: case Style::Text: return Style::Script;
    default: return Style::ScriptScript;
  }
}
Style fraction_inner(Style s) { return s == Style::Display ? Style::Text : smaller(s); }
bool is_script(Style s) { return s == Style::Script || s == Style::ScriptScript; }

// TeX's inter-atom spacing (The TeXbook, chapter 18): 0 none, 1 thin (3 mu), 2 medium (4 mu),
// 3 thick (5 mu); negative: only in display and text style.
constexpr int k_spacing[8][8] = {
    //          Ord Op  Bin Rel Open Close Punct Inner
    /* Ord   */ {0, 1, -2, -3, 0, 0, 0, -1},
    /* Op    */ {1, 1, 0, -3, 0, 0, 0, -1},
    /* Bin   */ {-2, -2, 0, 0, -2, 0, 0, -2},
    /* Rel   */ {-3, -3, 0, 0, -3, 0, 0, -3},
    /* Open  */ {0, 0, 0, 0, 0, 0, 0, 0},
    /* Close */ {0, 1, -2, -3, 0, 0, 0, -1},
    /* Punct */ {-1, -1, 0, -1, -1, -1, -1, -1},
    /* Inner */ {-1, 1, -2, -3, -1, 0, -1, -1},
};

qreal spacing_em(Atom left, Atom right, Style style) {
  const int code = k_spacing[static_cast<int>(left)][static_cast<int>(right)];
  if (code < 0 && is_script(style)) return 0;
  static constexpr qreal mu[] = {0, 3.0 / 18, 4.0 / 18, 5.0 / 18};
  return mu[std::abs(code)];
}

Atom atom_of(const Node& n) {
  switch (n.type) {
    case Node::Type::Symbol: return n.atom;
    case Node::Type::BigOp: return Atom::Op;
    case Node::Type::Scripts: return n.kids[0].type == Node::Type::Row && n.kids[0].kids.empty() ? Atom::Ord : atom_of(n.kids[0]);
    case Node::Type::Delimited: return n.atom;
    case Node::Type::Fraction: return Atom::Inner;
    default: return Atom::Ord;
  }
}

class Layouter {
 public:
  explicit Layouter(const QFont& font) : base_(font) {
    base_px_ = QFontInfo(font).pixelSize();
    if (base_px_ <= 0) base_px_ = 16;
  }

  MathBox layout(const Node& n, Style st) {
    switch (n.type) {
      case Node::Type::Row: return row(n, n.style.value_or(st));
      case Node::Type::Symbol: return glyph(n.text, n.variant, px(st));
      case Node::Type::BigOp: return big_op(n, st);
      case Node::Type::Fraction: return fraction(n, n.style.value_or(st));
      case Node::Type::Radical: return radical(n, st);
      case Node::Type::Scripts: return scripts(n, st);
      case Node::Type::Delimited: return delimited(n, st);
      case Node::Type::Space: {
        MathBox b;
        b.width = n.space_em * px(st);
        return b;
      }
      case Node::Type::Accent: return accent(n, st);
      case Node::Type::Frame: return frame(n, n.style.value_or(st));
      case Node::Type::Table: return table(n, st);
    }
    return {};
  }

  MathBox row(const Node& n, Style st, bool after_ord = false) {
    // Binary operators with nothing to operate on on one side are ordinary (−x, (−1), a = −b).
    std::vector<Atom> atoms;
    for (const Node& kid : n.kids) atoms.push_back(atom_of(kid));
    std::optional<Atom> before = after_ord ? std::optional(Atom::Ord) : std::nullopt;
    for (size_t i = 0; i < atoms.size(); ++i) {
      if (n.kids[i].type == Node::Type::Space) continue;
      if (atoms[i] == Atom::Bin) {
        const bool unary = !before || *before == Atom::Bin || *before == Atom::Op || *before == Atom::Rel ||
                           *before == Atom::Open || *before == Atom::Punct;
        size_t next = i + 1;
        while (next < atoms.size() && n.kids[next].type == Node::Type::Space) ++next;
        const bool dangling = next == atoms.size() || atoms[next] == Atom::Rel || atoms[next] == Atom::Close ||
                              atoms[next] == Atom::Punct;
        if (unary || dangling) atoms[i] = Atom::Ord;
      }
      before = atoms[i];
    }
    MathBox box;
    box.kind = MathBox::Kind::Row;
    box.font_px = px(st);
    qreal x = 0;
    std::optional<Atom> previous = after_ord ? std::optional(Atom::Ord) : std::nullopt;
    for (size_t i = 0; i < n.kids.size(); ++i) {
      MathBox child = layout(n.kids[i], st);
      if (n.kids[i].type != Node::Type::Space) {
        if (previous) x += spacing_em(*previous, atoms[i], st) * px(st);
        previous = atoms[i];
      }
      child.x = x;
      x += child.width;
      box.ascent = std::max(box.ascent, child.ascent - child.y);
      box.descent = std::max(box.descent, child.descent + child.y);
      box.children.push_back(std::move(child));
    }
    box.width = std::max<qreal>(x, 0);
    return box;
  }

 private:
  qreal px(Style st) const {
    switch (st) {
      case Style::Display: case Style::Text: return base_px_;
      case Style::Script: return base_px_ * 0.7;
      case Style::ScriptScript: return base_px_ * 0.5;
    }
    return base_px_;
  }

  QFont font(qreal size, Variant variant) const {
    QFont f = base_;
    if (variant == Variant::Mono) {
      f = QFont(QStringLiteral("monospace"));
      f.setStyleHint(QFont::Monospace);
    }
    f.setPixelSize(std::max(1, qRound(size)));
    f.setItalic(variant == Variant::Italic);
    f.setBold(variant == Variant::Bold);
    return f;
  }

  // The math axis (where fraction bars and the middle of + sit): the middle of the minus sign.
  qreal axis(qreal size) {
    auto& cached = axes_[qRound(size * 16)];
    if (cached == 0) {
      const QRectF ink = QFontMetricsF(font(size, Variant::Upright)).tightBoundingRect(QStringLiteral("−"));
      cached = ink.isEmpty() ? size * 0.25 : -ink.center().y();
    }
    return cached;
  }
  qreal rule(qreal size) const { return std::max<qreal>(size * 0.055, 0.75); }
  qreal x_height(qreal size) const { return QFontMetricsF(font(size, Variant::Upright)).xHeight(); }

  MathBox glyph(const QString& text, Variant variant, qreal size) {
    MathBox b;
    b.kind = MathBox::Kind::Glyph;
    b.text = text;
    b.font = font(size, variant);
    b.font_px = size;
    const QFontMetricsF fm(b.font);
    const QRectF ink = fm.tightBoundingRect(text);
    b.width = fm.horizontalAdvance(text);
    if (variant == Variant::Italic) b.width = std::max(b.width, ink.right() + size * 0.03);  // italic overhang
    b.ascent = std::max<qreal>(-ink.top(), 0);
    b.descent = std::max<qreal>(ink.bottom(), 0);
    if (text.trimmed().isEmpty()) b.ascent = fm.xHeight();  // \text{ }
    return b;
  }

  static MathBox wrap(MathBox child, qreal dy = 0) {
    MathBox b;
    b.kind = MathBox::Kind::Row;
    b.font_px = child.font_px;
    child.y = dy;
    b.width = child.width;
    b.ascent = child.ascent - dy;
    b.descent = child.descent + dy;
    b.children.push_back(std::move(child));
    return b;
  }

  MathBox big_op(const Node& n, Style st) {
    const qreal size = px(st);
    if (!n.large) {
      MathBox b = glyph(n.text, Variant::Upright, size);
      return b;
    }
    const bool integral = n.text == QStringLiteral("∫") || n.text == QStringLiteral("∬") ||
                          n.text == QStringLiteral("∭") || n.text == QStringLiteral("∮");
    const qreal scale = st == Style::Display ? (integral ? 2.0 : 1.6) : (integral ? 1.3 : 1.15);
    MathBox g = glyph(n.text, Variant::Upright, size * (is_script(st) ? 1.0 : scale));
    // Centred on the axis, as TeX centres its large operators.
    const qreal middle = (g.descent - g.ascent) / 2;
    MathBox b = wrap(std::move(g), -axis(size) - middle);
    b.width += size * 0.05;
    return b;
  }

  MathBox fraction(const Node& n, Style st) {
    const qreal size = px(st);
    const Style inner = fraction_inner(st);
    MathBox num = layout(n.kids[0], inner);
    MathBox den = layout(n.kids[1], inner);
    const qreal theta = rule(size);
    const qreal a = axis(size);
    const qreal gap = n.bar ? (st == Style::Display ? 3 * theta : theta) : (st == Style::Display ? 7 * theta : 3 * theta);
    // TeX's minimum shifts of numerator and denominator (σ8–σ12 of its font parameters).
    const qreal min_up = (st == Style::Display ? 0.677 : 0.394) * size;
    const qreal min_down = (st == Style::Display ? 0.686 : 0.345) * size;
    const qreal half_bar = n.bar ? theta / 2 : 0;
    const qreal up = std::max(min_up, a + half_bar + gap + num.descent);
    const qreal down = std::max(min_down, den.ascent + gap + half_bar - a);
    const qreal pad = 0.12 * size;  // TeX's \nulldelimiterspace around a fraction
    const qreal inner_width = std::max(num.width, den.width) + 0.1 * size;
    MathBox b;
    b.kind = MathBox::Kind::Fraction;
    b.font_px = size;
    num.x = pad + (inner_width - num.width) / 2;
    num.y = -up;
    den.x = pad + (inner_width - den.width) / 2;
    den.y = down;
    b.width = inner_width + 2 * pad;
    b.ascent = up + num.ascent;
    b.descent = down + den.descent;
    if (n.bar) {
      b.fill.addRect(QRectF(pad, -a - theta / 2, inner_width, theta));
    }
    b.children.push_back(std::move(num));
    b.children.push_back(std::move(den));
    if (!n.left.isEmpty()) return surround(std::move(b), n.left, n.right, st, 0);
    return b;
  }

  MathBox radical(const Node& n, Style st) {
    const qreal size = px(st);
    const qreal theta = rule(size);
    MathBox body = layout(n.kids[0], st);
    const qreal gap = st == Style::Display ? theta + x_height(size) / 4 : theta * 1.5;
    const qreal top = -std::max(body.ascent, x_height(size)) - gap - theta / 2;
    const qreal bottom = std::max(body.descent, size * 0.1) + theta;
    const qreal height = bottom - top;
    const qreal sign_width = std::min(size * 0.5 + height * 0.08, size);
    qreal shift = 0;
    std::optional<MathBox> index;
    if (n.kids.size() > 1) {
      index = layout(n.kids[1], Style::ScriptScript);
      const qreal index_right = sign_width * 0.55;
      shift = std::max<qreal>(0, index->width - index_right + 0.05 * size);
      index->x = shift + index_right - index->width;
      index->y = bottom - height * 0.6 - index->descent;
    }
    MathBox b;
    b.kind = MathBox::Kind::Radical;
    b.font_px = size;
    b.stroke_width = theta;
    // The radical sign: a short rising tick, the long down stroke, the rise to the vinculum,
    // and the vinculum over the radicand.
    const qreal x0 = shift;
    b.stroke.moveTo(x0, bottom - height * 0.42);
    b.stroke.lineTo(x0 + sign_width * 0.22, bottom - height * 0.5);
    b.stroke.lineTo(x0 + sign_width * 0.5, bottom - theta / 2);
    b.stroke.lineTo(x0 + sign_width, top);
    const qreal body_x = x0 + sign_width + 0.08 * size;
    b.stroke.lineTo(body_x + body.width + 0.08 * size, top);
    body.x = body_x;
    b.width = body_x + body.width + 0.12 * size;
    b.ascent = -top + theta;
    b.descent = std::max(body.descent, bottom);
    b.children.push_back(std::move(body));
    if (index) {
      b.ascent = std::max(b.ascent, index->ascent - index->y);
      b.children.push_back(std::move(*index));
    }
    return b;
  }

  bool limits_above(const Node& base, Style st) const {
    if (base.type != Node::Type::BigOp) return false;
    if (base.limits == Limits::Above) return true;
    if (base.limits == Limits::Side) return false;
    return st == Style::Display && base.limits_in_display;
  }

  MathBox scripts(const Node& n, Style st) {
    const Node& base_node = n.kids[0];
    if (limits_above(base_node, st)) return limits(n, st);
    const qreal size = px(st);
    const Style script_style = smaller(st);
    const qreal script_size = px(script_style);
    MathBox base = layout(base_node, st);
    const bool char_base = base.kind == MathBox::Kind::Glyph;
    const qreal xh = x_height(size);
    const qreal theta = rule(size);
    MathBox b;
    b.kind = MathBox::Kind::Scripts;
    b.font_px = size;
    b.ascent = base.ascent;
    b.descent = base.descent;
    qreal script_width = 0;
    std::optional<MathBox> sup, sub;
    if (n.has_sup) sup = layout(n.kids[2], script_style);
    if (n.has_sub) sub = layout(n.kids[1], script_style);
    // TeX's rules 18a–18f, simplified: raise the superscript to its minimum shift or to the base's
    // top less a drop, drop the subscript likewise, and keep them 4θ apart.
    qreal up = 0, down = 0;
    if (sup) {
      up = char_base ? 0 : base.ascent - 0.386 * script_size;
      up = std::max({up, (st == Style::Display ? 0.413 : 0.363) * size, sup->descent + xh / 4});
    }
    if (sub) {
      down = char_base ? 0 : base.descent + 0.05 * script_size;
      down = std::max({down, 0.15 * size, sub->ascent - 0.8 * xh});
    }
    if (sup && sub) {
      down = std::max(down, 0.247 * size);
      const qreal clearance = (up - sup->descent) - (sub->ascent - down);
      if (clearance < 4 * theta) down += 4 * theta - clearance;
    }
    const qreal x = base.width;
    if (sup) {
      sup->x = x + (char_base && base.font.italic() ? 0.02 * size : 0);
      sup->y = -up;
      script_width = std::max(script_width, sup->x - x + sup->width);
      b.ascent = std::max(b.ascent, up + sup->ascent);
    }
    if (sub) {
      sub->x = x;
      sub->y = down;
      script_width = std::max(script_width, sub->width);
      b.descent = std::max(b.descent, down + sub->descent);
    }
    b.width = x + script_width + 0.05 * size;  // TeX's \scriptspace
    b.children.push_back(std::move(base));
    if (sup) b.children.push_back(std::move(*sup));
    if (sub) b.children.push_back(std::move(*sub));
    return b;
  }

  MathBox limits(const Node& n, Style st) {
    const qreal size = px(st);
    const Style script_style = smaller(st);
    MathBox op = layout(n.kids[0], st);
    MathBox b;
    b.kind = MathBox::Kind::Limits;
    b.font_px = size;
    const qreal gap = 0.12 * size;
    std::optional<MathBox> sup, sub;
    if (n.has_sup) sup = layout(n.kids[2], script_style);
    if (n.has_sub) sub = layout(n.kids[1], script_style);
    b.width = std::max({op.width, sup ? sup->width : 0, sub ? sub->width : 0});
    op.x = (b.width - op.width) / 2;
    b.ascent = op.ascent;
    b.descent = op.descent;
    if (sup) {
      sup->x = (b.width - sup->width) / 2;
      sup->y = -(op.ascent + gap + sup->descent);
      b.ascent = op.ascent + gap + sup->height();
    }
    if (sub) {
      sub->x = (b.width - sub->width) / 2;
      sub->y = op.descent + gap + sub->ascent;
      b.descent = op.descent + gap + sub->height();
    }
    b.children.push_back(std::move(op));
    if (sup) b.children.push_back(std::move(*sup));
    if (sub) b.children.push_back(std::move(*sub));
    return b;
  }

  // A stretchy delimiter `height` tall, centred on the axis, drawn as a path.
  MathBox delimiter(const QString& d, qreal height, Style st) {
    const qreal size = px(st);
    const qreal a = axis(size);
    const qreal theta = rule(size);
    MathBox b;
    b.kind = MathBox::Kind::Delimiter;
    b.font_px = size;
    b.text = d;
    b.ascent = a + height / 2;
    b.descent = height / 2 - a;
    b.stroke_width = theta * 1.1;
    if (d.isEmpty()) {
      b.width = 0.12 * size;
      return b;
    }
    const qreal grow = std::min<qreal>(std::sqrt(std::max<qreal>(height / size, 1.0)), 2.0);
    const qreal top = -b.ascent + theta / 2;
    const qreal bottom = b.descent - theta / 2;
    const qreal mid = (top + bottom) / 2;
    const qreal H = bottom - top;
    QPainterPath shape;
    bool filled = false;
    qreal w = 0.4 * size * grow;
    const QString normal = d == QStringLiteral(")") ? QStringLiteral("(")
                           : d == QStringLiteral("]") ? QStringLiteral("[")
                           : d == QStringLiteral("}") ? QStringLiteral("{")
                           : d == QStringLiteral("⟩") ? QStringLiteral("⟨")
                           : d == QStringLiteral("⌉") ? QStringLiteral("⌈")
                           : d == QStringLiteral("⌋") ? QStringLiteral("⌊")
                                                      : d;
    const bool mirrored = normal != d;
    if (normal == QStringLiteral("(")) {
      // A crescent: outer and inner quadratic arcs, thick in the middle, thin at the ends.
      w = 0.38 * size * grow;
      const qreal thick = theta * 1.6;
      shape.moveTo(w * 0.9, top);
      shape.quadTo(-w * 0.55, mid, w * 0.9, bottom);
      shape.quadTo(-w * 0.55 + 2 * thick, mid, w * 0.9, top);
      filled = true;
    } else if (normal == QStringLiteral("[") || normal == QStringLiteral("⌈") || normal == QStringLiteral("⌊")) {
      w = 0.32 * size;
      const bool top_arm = normal != QStringLiteral("⌊");
      const bool bottom_arm = normal != QStringLiteral("⌈");
      shape.moveTo(w * 0.85, top);
      if (!top_arm) shape.moveTo(w * 0.35, top);
      else shape.lineTo(w * 0.35, top);
      shape.lineTo(w * 0.35, bottom);
      if (bottom_arm) shape.lineTo(w * 0.85, bottom);
    } else if (normal == QStringLiteral("{")) {
      w = 0.45 * size * std::min(grow, 1.4);
      const qreal xm = w * 0.5;
      const qreal r = std::min(H * 0.12, w * 0.4);
      shape.moveTo(w * 0.9, top);
      shape.quadTo(xm, top, xm, top + r);
      // The arms meet at the tip at an angle (a point, not a flat dash).
      shape.lineTo(xm, mid - r);
      shape.quadTo(xm, mid - r * 0.35, w * 0.1, mid);
      shape.quadTo(xm, mid + r * 0.35, xm, mid + r);
      shape.lineTo(xm, bottom - r);
      shape.quadTo(xm, bottom, w * 0.9, bottom);
    } else if (normal == QStringLiteral("|")) {
      w = 0.28 * size;
      shape.moveTo(w / 2, top);
      shape.lineTo(w / 2, bottom);
    } else if (normal == QStringLiteral("‖")) {
      w = 0.42 * size;
      shape.moveTo(w * 0.3, top);
      shape.lineTo(w * 0.3, bottom);
      shape.moveTo(w * 0.7, top);
      shape.lineTo(w * 0.7, bottom);
    } else if (normal == QStringLiteral("⟨")) {
      w = 0.4 * size * std::min(grow, 1.3);
      shape.moveTo(w * 0.85, top);
      shape.lineTo(w * 0.15, mid);
      shape.lineTo(w * 0.85, bottom);
    } else if (normal == QStringLiteral("/") || normal == QStringLiteral("\\")) {
      w = 0.3 * size * grow;
      shape.moveTo(normal == QStringLiteral("/") ? w * 0.9 : w * 0.1, top);
      shape.lineTo(normal == QStringLiteral("/") ? w * 0.1 : w * 0.9, bottom);
    }
    if (mirrored) shape = QTransform(-1, 0, 0, 1, w, 0).map(shape);
    (filled ? b.fill : b.stroke) = shape;
    b.width = w;
    return b;
  }

  // `body` between delimiters that cover it (TeX's \left…\right: at least 90% of the body's
  // extent about the axis, less 0.5 em — rules 19 and \delimitershortfall).
  MathBox surround(MathBox body, const QString& left, const QString& right, Style st, qreal fixed_em) {
    const qreal size = px(st);
    const qreal a = axis(size);
    qreal height = fixed_em * size;
    if (fixed_em == 0) {
      const qreal extent = std::max(body.ascent - a, body.descent + a);
      height = std::max({2 * extent * 0.901, 2 * extent - 0.5 * size, size * 1.1});
    }
    MathBox open = delimiter(left, height, st);
    MathBox close = delimiter(right, height, st);
    MathBox b;
    b.kind = MathBox::Kind::Row;
    b.font_px = size;
    const qreal pad = 0.04 * size;
    open.x = 0;
    body.x = open.width + pad;
    close.x = body.x + body.width + pad;
    b.width = close.x + close.width;
    b.ascent = std::max({open.ascent, body.ascent, close.ascent});
    b.descent = std::max({open.descent, body.descent, close.descent});
    b.children.push_back(std::move(open));
    b.children.push_back(std::move(body));
    b.children.push_back(std::move(close));
    return b;
  }

  MathBox delimited(const Node& n, Style st) {
    if (n.kids.empty()) return delimiter(n.left, n.fixed_em * px(st), st);  // \big(
    return surround(layout(n.kids[0], st), n.left, n.right, st, n.fixed_em);
  }

  MathBox accent(const Node& n, Style st) {
    const qreal size = px(st);
    const qreal theta = rule(size);
    MathBox body = layout(n.kids[0], st);
    MathBox b;
    b.kind = MathBox::Kind::Accent;
    b.font_px = size;
    b.text = n.text;
    b.stroke_width = theta;
    b.width = body.width;
    b.ascent = body.ascent;
    b.descent = body.descent;
    const qreal gap = 0.1 * size;
    const qreal base = -std::max(body.ascent, x_height(size)) - gap;  // the accent's bottom
    const bool italic = body.kind == MathBox::Kind::Glyph && body.font.italic();
    const qreal skew = italic ? 0.08 * size : 0;  // italic letters lean right
    const qreal centre = body.width / 2 + skew;
    const QString& name = n.text;
    qreal accent_height = 0;
    if (name == QLatin1String("underline")) {
      const qreal y = body.descent + 2 * theta;
      b.stroke.moveTo(0, y);
      b.stroke.lineTo(body.width, y);
      b.descent = y + theta;
    } else if (name == QLatin1String("overline") || name == QLatin1String("bar")) {
      const qreal half = name == QLatin1String("bar") ? std::min(body.width * 0.45, 0.3 * size) : body.width / 2;
      const qreal c = name == QLatin1String("bar") ? centre : body.width / 2;
      b.stroke.moveTo(c - half, base);
      b.stroke.lineTo(c + half, base);
      accent_height = theta;
    } else if (name == QLatin1String("hat") || name == QLatin1String("widehat") || name == QLatin1String("check")) {
      const qreal half = name == QLatin1String("widehat") ? body.width / 2 : std::min(body.width * 0.45, 0.25 * size);
      accent_height = 0.2 * size;
      const qreal tip = name == QLatin1String("check") ? base : base - accent_height;
      const qreal ends = name == QLatin1String("check") ? base - accent_height : base;
      b.stroke.moveTo(centre - half, ends);
      b.stroke.lineTo(centre, tip);
      b.stroke.lineTo(centre + half, ends);
    } else if (name == QLatin1String("vec") || name == QLatin1String("overrightarrow")) {
      const qreal half = name == QLatin1String("vec") ? std::max(std::min(body.width * 0.5, 0.3 * size), 0.2 * size)
                                                     : body.width / 2;
      const qreal c = name == QLatin1String("vec") ? centre : body.width / 2;
      accent_height = 0.16 * size;
      const qreal y = base - accent_height / 2;
      b.stroke.moveTo(c - half, y);
      b.stroke.lineTo(c + half, y);
      b.stroke.moveTo(c + half - accent_height * 0.7, y - accent_height / 2);
      b.stroke.lineTo(c + half, y);
      b.stroke.lineTo(c + half - accent_height * 0.7, y + accent_height / 2);
    } else if (name == QLatin1String("tilde") || name == QLatin1String("widetilde")) {
      const qreal half = name == QLatin1String("widetilde") ? body.width / 2 : std::min(body.width * 0.45, 0.25 * size);
      accent_height = 0.12 * size;
      const qreal y = base - accent_height / 2;
      b.stroke.moveTo(centre - half, y + accent_height / 2);
      b.stroke.cubicTo(centre - half / 2, y - accent_height, centre, y - accent_height, centre, y);
      b.stroke.cubicTo(centre, y + accent_height, centre + half / 2, y + accent_height, centre + half, y - accent_height / 2);
    } else if (name == QLatin1String("breve")) {
      const qreal half = std::min(body.width * 0.45, 0.22 * size);
      accent_height = 0.15 * size;
      b.stroke.moveTo(centre - half, base - accent_height);
      b.stroke.quadTo(centre, base + accent_height * 0.6, centre + half, base - accent_height);
    } else {  // dot, ddot
      const qreal r = std::max<qreal>(0.05 * size, 0.8);
      accent_height = 2 * r;
      if (name == QLatin1String("dot")) {
        b.fill.addEllipse(QPointF(centre, base - r), r, r);
      } else {
        b.fill.addEllipse(QPointF(centre - 2.2 * r, base - r), r, r);
        b.fill.addEllipse(QPointF(centre + 2.2 * r, base - r), r, r);
      }
    }
    b.ascent = std::max(b.ascent, -base + accent_height + theta);
    b.width = std::max(b.width, centre + 0.3 * size > body.width && italic ? body.width + skew : body.width);
    b.children.push_back(std::move(body));
    return b;
  }

  MathBox frame(const Node& n, Style st) {
    const qreal size = px(st);
    const qreal theta = rule(size);
    MathBox body = layout(n.kids[0], st);
    const qreal pad = 0.3 * size;
    MathBox b;
    b.kind = MathBox::Kind::Frame;
    b.font_px = size;
    b.stroke_width = theta;
    body.x = pad + theta;
    b.width = body.width + 2 * (pad + theta);
    b.ascent = std::max(body.ascent, x_height(size)) + pad + theta;
    b.descent = body.descent + pad + theta;
    b.stroke.addRect(QRectF(theta / 2, -b.ascent + theta / 2, b.width - theta, b.height() - theta));
    b.children.push_back(std::move(body));
    return b;
  }

  MathBox table(const Node& n, Style st) {
    const qreal size = px(st);
    const Style cell_style = n.cells_display ? Style::Display : (st == Style::Display ? Style::Text : st);
    size_t columns = 0;
    for (const auto& r : n.rows) columns = std::max(columns, r.size());
    std::vector<std::vector<MathBox>> cells;
    std::vector<qreal> widths(columns, 0);
    for (const auto& r : n.rows) {
      std::vector<MathBox> laid;
      for (size_t c = 0; c < r.size(); ++c) {
        // aligned's right-hand column starts after an implied {} so that "&= x" spaces its =.
        const bool after_ord = n.pair_columns && c % 2 == 1;
        laid.push_back(row(r[c], r[c].style.value_or(cell_style), after_ord));
        widths[c] = std::max(widths[c], laid.back().width);
      }
      cells.push_back(std::move(laid));
    }
    const qreal strut_ascent = 0.75 * size, strut_descent = 0.3 * size;
    const qreal row_gap = (n.cells_display ? 0.35 : 0.2) * size;
    MathBox b;
    b.kind = MathBox::Kind::Table;
    b.font_px = size;
    std::vector<qreal> column_x(columns, 0);
    qreal x = 0;
    for (size_t c = 0; c < columns; ++c) {
      const bool joined = n.pair_columns && c % 2 == 1;  // no gap inside an rl pair
      if (c > 0 && !joined) x += n.column_gap_em * size;
      column_x[c] = x;
      x += widths[c];
    }
    b.width = x;
    qreal y = 0;  // the top of the current row, from the table's top
    for (auto& r : cells) {
      qreal ascent = strut_ascent, descent = strut_descent;
      for (const MathBox& cell : r) {
        ascent = std::max(ascent, cell.ascent);
        descent = std::max(descent, cell.descent);
      }
      for (size_t c = 0; c < r.size(); ++c) {
        MathBox& cell = r[c];
        const QChar align = n.aligns[int(c % n.aligns.size())];
        const qreal room = widths[c] - cell.width;
        cell.x = column_x[c] + (align == QLatin1Char('l') ? 0 : align == QLatin1Char('r') ? room : room / 2);
        cell.y = y + ascent;
        b.children.push_back(std::move(cell));
      }
      y += ascent + descent + row_gap;
    }
    const qreal total = std::max<qreal>(y - row_gap, 0);
    // Centred on the axis; children were placed from the top, so move them up.
    const qreal a = axis(size);
    b.ascent = total / 2 + a;
    b.descent = total / 2 - a;
    for (MathBox& cell : b.children) cell.y -= b.ascent;
    if (!n.left.isEmpty() || !n.right.isEmpty()) {
      const qreal pad = 0.1 * size;
      b.width += 2 * pad;
      for (MathBox& cell : b.children) cell.x += pad;
      return surround(std::move(b), n.left, n.right, st, 0);
    }
    return b;
  }

  QFont base_;
  qreal base_px_ = 16;
  std::map<int, qreal> axes_;
};

MathLayout fallback_layout(QStringView tex, const QFont& font, QString why) {
  MathLayout out;
  out.fallback = true;
  out.error = std::move(why);
  QFont mono(QStringLiteral("monospace"));
  mono.setStyleHint(QFont::Monospace);
  const int px = QFontInfo(font).pixelSize();
  mono.setPixelSize(px > 0 ? px : 16);
  QString text = tex.toString();
  text.replace(QLatin1Char('\n'), QLatin1Char(' '));
  const QFontMetricsF fm(mono);
  out.root.kind = MathBox::Kind::Glyph;
  out.root.text = text;
  out.root.font = mono;
  out.root.font_px = mono.pixelSize();
  out.root.width = fm.horizontalAdvance(text);
  out.root.ascent = fm.ascent();
  out.root.descent = fm.descent();
  return out;
}

void paint_box(QPainter& painter, const MathBox& box, QPointF origin, const QColor& color) {
  const QPointF at = origin + QPointF(box.x, box.y);
  if (!box.text.isEmpty() && box.kind == MathBox::Kind::Glyph) {
    painter.setFont(box.font);
    painter.setPen(color);
    painter.drawText(at, box.text);
  }
  if (!box.fill.isEmpty()) painter.fillPath(box.fill.translated(at), color);
  if (!box.stroke.isEmpty()) {
    QPen pen(color, box.stroke_width);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.strokePath(box.stroke.translated(at), pen);
  }
  for (const MathBox& child : box.children) paint_box(painter, child, at, color);
}

} // namespace

MathLayout layout_math(QStringView tex, bool display, const QFont& font) {
  if (tex.size() > k_max_math_source) return fallback_layout(tex, font, QStringLiteral("too long"));
  if (tex.trimmed().isEmpty()) return fallback_layout(tex, font, QStringLiteral("empty"));
  Node tree;
  try {
    tree = Parser(tex).parse();
  } catch (const ParseError& e) {
    return fallback_layout(tex, font, e.what);
  }
  MathLayout out;
  Layouter layouter(font);
  out.root = layouter.row(tree, tree.style.value_or(display ? Style::Display : Style::Text));
  return out;
}

void paint_math(QPainter& painter, const MathLayout& layout, QPointF origin, const QColor& color) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  paint_box(painter, layout.root, origin, color);
  painter.restore();
}

} // namespace sikao::ui
