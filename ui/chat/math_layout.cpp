// Layout of the parse tree (math_parse.h) into boxes of glyphs and strokes, after TeX's rules
// (styles, atom spacing, script shifts, fractions, radicals, delimiters), and painting them.

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

#include "chat/math_parse.h"

namespace sikao::ui {
namespace {

using namespace math;

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
    tree = math::parse(tex);
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
