#pragma once
// A small TeX-subset formula engine of our own: source → parse tree → laid-out boxes (with
// QFontMetricsF: baseline, ascent, descent; script sizes; display vs text style) → QPainter.
//
// The subset is what reasoning models write: \frac \dfrac \tfrac \binom, ^ and _, \sqrt and
// \sqrt[n], big operators (\sum \prod \int \oint \lim \max …: limits above/below in display
// style, as scripts inline), Greek letters, the common operators, relations and arrows, \text,
// \mathrm \mathbf \mathbb \mathcal \operatorname, \boxed, \left…\right and \big…, accents
// (\hat \bar \vec \tilde \dot \ddot \overline \underline), \ldots \cdots, spacing (\, \: \; \quad
// \qquad \!), the environments matrix/pmatrix/bmatrix/Bmatrix/vmatrix/Vmatrix/cases/array/
// aligned/align*/gathered with & and \\.
//
// Anything else — an unknown command or environment, unbalanced braces, a stray & or }, nesting
// deeper than k_max_math_depth, a source longer than k_max_math_source — does not lay out at all:
// the result is the source in monospace with `fallback` set and `error` saying why. The parser
// recurses once per nesting level, so the depth cap also bounds the stack.

#include <QColor>
#include <QFont>
#include <QPainterPath>
#include <QPointF>
#include <QString>
#include <QStringView>
#include <vector>

class QPainter;

namespace sikao::ui {

inline constexpr int k_max_math_depth = 40;          // nested groups, arguments, environments
inline constexpr qsizetype k_max_math_source = 4000;  // characters of one formula

// One laid-out box. x to the right, y down; (x, y) is where the box's baseline starts, in its
// parent's coordinates. The box spans [-ascent, descent] vertically around its baseline.
struct MathBox {
  enum class Kind { Row, Glyph, Fraction, Radical, Scripts, Limits, Delimiter, Accent, Frame, Table };
  Kind kind = Kind::Row;
  qreal x = 0;
  qreal y = 0;
  qreal width = 0;
  qreal ascent = 0;
  qreal descent = 0;
  qreal font_px = 0;   // the pixel size of the style the box was laid out in
  QString text;        // Glyph: its characters, drawn with `font` at the baseline
  QFont font;
  QPainterPath fill;   // bars, rules, delimiter shapes: filled
  QPainterPath stroke; // radical signs, brackets, frames, accents: stroked `stroke_width` wide
  qreal stroke_width = 0;
  std::vector<MathBox> children;

  qreal height() const { return ascent + descent; }
};

struct MathLayout {
  MathBox root;
  bool fallback = false;  // the source in monospace, not math
  QString error;          // why it fell back (empty otherwise)
};

// `display`: display style (\[…\], $$…$$), else text style. `font` gives the family and size.
MathLayout layout_math(QStringView tex, bool display, const QFont& font);

// Draws `layout` with its baseline starting at `origin`.
void paint_math(QPainter& painter, const MathLayout& layout, QPointF origin, const QColor& color);

} // namespace sikao::ui
