#include "chat/math_parse.h"

#include <QHash>
#include <algorithm>
#include <optional>
#include <utility>

#include "chat/math_layout.h"

namespace sikao::ui::math {
namespace {

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

} // namespace

Node parse(QStringView tex) {
  return Parser(tex).parse();
}

} // namespace sikao::ui::math
