#include "design_tokens.h"

#include <QFontDatabase>
#include <cmath>

#include "settings/settings.h"

namespace sikao::ui {

ColourScheme ColourScheme::light() {
  ColourScheme c;
  c.background = QColor(0xfb, 0xfb, 0xfc);
  c.surface = QColor(0xf1, 0xf2, 0xf5);
  c.raised = QColor(0xff, 0xff, 0xff);
  c.border = QColor(0xd8, 0xdb, 0xe2);
  c.text = QColor(0x1c, 0x1e, 0x24);
  c.textMuted = QColor(0x57, 0x5d, 0x69);
  c.accent = QColor(0x2b, 0x5f, 0xd9);
  c.onAccent = QColor(0xff, 0xff, 0xff);
  c.turn = QColor(0xe7, 0xee, 0xfc);
  c.reasoning = QColor(0xf4, 0xf1, 0xfb);
  c.reasoningAccent = QColor(0x6e, 0x4f, 0xc4);
  c.code = QColor(0xf3, 0xf4, 0xf7);
  c.danger = QColor(0xb7, 0x1c, 0x1c);
  c.warning = QColor(0x8a, 0x52, 0x00);
  c.success = QColor(0x25, 0x6b, 0x2a);
  c.hover = QColor(0x1c, 0x1e, 0x24, 0x12);
  c.pressed = QColor(0x1c, 0x1e, 0x24, 0x22);
  c.focus = QColor(0x2b, 0x5f, 0xd9);
  return c;
}

ColourScheme ColourScheme::dark() {
  ColourScheme c;
  c.background = QColor(0x1a, 0x1b, 0x1f);
  c.surface = QColor(0x22, 0x23, 0x28);
  c.raised = QColor(0x2b, 0x2d, 0x33);
  c.border = QColor(0x3b, 0x3e, 0x46);
  c.text = QColor(0xe8, 0xea, 0xee);
  c.textMuted = QColor(0xab, 0xb1, 0xbb);
  c.accent = QColor(0x8a, 0xb0, 0xff);
  c.onAccent = QColor(0x10, 0x14, 0x20);
  c.turn = QColor(0x27, 0x31, 0x48);
  c.reasoning = QColor(0x25, 0x22, 0x33);
  c.reasoningAccent = QColor(0xb4, 0x9c, 0xf5);
  c.code = QColor(0x20, 0x21, 0x26);
  c.danger = QColor(0xff, 0x8a, 0x80);
  c.warning = QColor(0xff, 0xc1, 0x6b);
  c.success = QColor(0x8b, 0xd3, 0x8f);
  c.hover = QColor(0xff, 0xff, 0xff, 0x14);
  c.pressed = QColor(0xff, 0xff, 0xff, 0x24);
  c.focus = QColor(0x8a, 0xb0, 0xff);
  return c;
}

QPalette ColourScheme::palette() const {
  // (button, window) generates the 3D shades Controls draw with; the rest is set from the scheme.
  QPalette p(raised, surface);
  for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
                          QPalette::BrightText}) {
    p.setColor(role, text);
  }
  p.setColor(QPalette::Base, raised);
  p.setColor(QPalette::AlternateBase, surface);
  p.setColor(QPalette::ToolTipBase, raised);
  p.setColor(QPalette::PlaceholderText, textMuted);
  p.setColor(QPalette::Highlight, accent);
  p.setColor(QPalette::HighlightedText, onAccent);
  p.setColor(QPalette::Link, accent);
  p.setColor(QPalette::LinkVisited, reasoningAccent);
  p.setColor(QPalette::Mid, border);
  for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, textMuted);
  }
  return p;
}

namespace {

// sRGB channel to linear light (WCAG 2 relative luminance).
double linear(double channel) {
  return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
  return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

} // namespace

double contrast_ratio(const QColor& a, const QColor& b) {
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

DesignTokens::DesignTokens(const Settings& settings, bool platform_dark, QObject* parent)
    : QObject(parent), settings_(settings), platform_dark_(platform_dark) {
  update();
  connect(&settings, &Settings::changed, this, &DesignTokens::update);
}

QString DesignTokens::monospaceFamily() const {
  return QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
}

void DesignTokens::update() {
  const Settings::Theme theme = settings_.theme();
  const bool dark = theme == Settings::Theme::Dark || (theme == Settings::Theme::System && platform_dark_);
  const qreal body = settings_.fontSize();
  if (dark == dark_ && body == body_points_ && scheme_.text.isValid()) return;
  dark_ = dark;
  body_points_ = body;
  scheme_ = dark ? ColourScheme::dark() : ColourScheme::light();
  emit changed();
}

} // namespace sikao::ui
