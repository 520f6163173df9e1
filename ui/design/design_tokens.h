#pragma once
// The look of the window in one place: the colours of a light and a dark scheme, spacing, corner
// radii and the type scale. QML reads them as the context property `design` (design.surface,
// design.spaceM, design.fontTitle); the application palette is made from the same colours, so
// Qt Quick Controls that draw from the palette match what the QML draws itself.
//
// The scheme is the settings' theme; for System, the lightness of the palette the platform gave
// at start (Qt 6.4 has no colour-scheme hint yet).
// Text colours keep WCAG AA contrast (4.5:1) on every surface they are drawn on
// (tst_design_tokens checks each pair).
#include <QColor>
#include <QObject>
#include <QPalette>

namespace sikao::ui {

class Settings;

// One scheme's colours. Surfaces from back to front: background (the chat), surface (sidebar,
// panes, composer), raised (fields, cards, menus). `turn` tints the user's messages; `reasoning`
// and `reasoningAccent` mark the model's thinking as secondary to its answer.
struct ColourScheme {
  QColor background, surface, raised, border;
  QColor text, textMuted;
  QColor accent, onAccent;  // the primary action (send, the selected chat) and text on it
  QColor turn;              // the user's turn
  QColor reasoning, reasoningAccent;
  QColor code;              // code blocks
  QColor danger, warning, success;
  QColor hover, pressed, focus;

  static ColourScheme light();
  static ColourScheme dark();
  // The application palette drawn from the scheme (Controls' own parts: fields, menus, tooltips).
  QPalette palette() const;
};

// WCAG 2 contrast ratio of two opaque colours, 1 to 21.
double contrast_ratio(const QColor& a, const QColor& b);

class DesignTokens : public QObject {
  Q_OBJECT
  Q_PROPERTY(bool dark READ dark NOTIFY changed)
  Q_PROPERTY(QColor background READ background NOTIFY changed)
  Q_PROPERTY(QColor surface READ surface NOTIFY changed)
  Q_PROPERTY(QColor raised READ raised NOTIFY changed)
  Q_PROPERTY(QColor border READ border NOTIFY changed)
  Q_PROPERTY(QColor text READ text NOTIFY changed)
  Q_PROPERTY(QColor textMuted READ textMuted NOTIFY changed)
  Q_PROPERTY(QColor accent READ accent NOTIFY changed)
  Q_PROPERTY(QColor onAccent READ onAccent NOTIFY changed)
  Q_PROPERTY(QColor turn READ turn NOTIFY changed)
  Q_PROPERTY(QColor reasoning READ reasoning NOTIFY changed)
  Q_PROPERTY(QColor reasoningAccent READ reasoningAccent NOTIFY changed)
  Q_PROPERTY(QColor code READ code NOTIFY changed)
  Q_PROPERTY(QColor danger READ danger NOTIFY changed)
  Q_PROPERTY(QColor warning READ warning NOTIFY changed)
  Q_PROPERTY(QColor success READ success NOTIFY changed)
  Q_PROPERTY(QColor hover READ hover NOTIFY changed)
  Q_PROPERTY(QColor pressed READ pressed NOTIFY changed)
  Q_PROPERTY(QColor focus READ focus NOTIFY changed)
  // Spacing on a 4-pixel grid, radii, and the widths the layout is built on.
  Q_PROPERTY(int spaceXs READ spaceXs CONSTANT)
  Q_PROPERTY(int spaceS READ spaceS CONSTANT)
  Q_PROPERTY(int spaceM READ spaceM CONSTANT)
  Q_PROPERTY(int spaceL READ spaceL CONSTANT)
  Q_PROPERTY(int spaceXl READ spaceXl CONSTANT)
  Q_PROPERTY(int radiusS READ radiusS CONSTANT)
  Q_PROPERTY(int radiusM READ radiusM CONSTANT)
  Q_PROPERTY(int radiusL READ radiusL CONSTANT)
  Q_PROPERTY(int iconSize READ iconSize CONSTANT)
  Q_PROPERTY(int sidebarWidth READ sidebarWidth CONSTANT)
  Q_PROPERTY(int readingWidth READ readingWidth CONSTANT)
  // The type scale, in points, from the font-size setting (the body size).
  Q_PROPERTY(qreal fontCaption READ fontCaption NOTIFY changed)
  Q_PROPERTY(qreal fontBody READ fontBody NOTIFY changed)
  Q_PROPERTY(qreal fontTitle READ fontTitle NOTIFY changed)
  Q_PROPERTY(qreal fontHeading READ fontHeading NOTIFY changed)
  Q_PROPERTY(QString monospaceFamily READ monospaceFamily CONSTANT)

 public:
  DesignTokens(const Settings& settings, bool platform_dark, QObject* parent = nullptr);

  bool dark() const { return dark_; }
  const ColourScheme& scheme() const { return scheme_; }
  QColor background() const { return scheme_.background; }
  QColor surface() const { return scheme_.surface; }
  QColor raised() const { return scheme_.raised; }
  QColor border() const { return scheme_.border; }
  QColor text() const { return scheme_.text; }
  QColor textMuted() const { return scheme_.textMuted; }
  QColor accent() const { return scheme_.accent; }
  QColor onAccent() const { return scheme_.onAccent; }
  QColor turn() const { return scheme_.turn; }
  QColor reasoning() const { return scheme_.reasoning; }
  QColor reasoningAccent() const { return scheme_.reasoningAccent; }
  QColor code() const { return scheme_.code; }
  QColor danger() const { return scheme_.danger; }
  QColor warning() const { return scheme_.warning; }
  QColor success() const { return scheme_.success; }
  QColor hover() const { return scheme_.hover; }
  QColor pressed() const { return scheme_.pressed; }
  QColor focus() const { return scheme_.focus; }

  static constexpr int spaceXs() { return 4; }
  static constexpr int spaceS() { return 8; }
  static constexpr int spaceM() { return 12; }
  static constexpr int spaceL() { return 16; }
  static constexpr int spaceXl() { return 24; }
  static constexpr int radiusS() { return 4; }
  static constexpr int radiusM() { return 8; }
  static constexpr int radiusL() { return 12; }
  static constexpr int iconSize() { return 18; }
  static constexpr int sidebarWidth() { return 272; }
  // Messages are set in a column no wider than this (about 80 characters at the body size): long
  // lines across a wide window are hard to read.
  static constexpr int readingWidth() { return 860; }

  qreal fontCaption() const { return body_points_ * 0.85; }
  qreal fontBody() const { return body_points_; }
  qreal fontTitle() const { return body_points_ * 1.15; }
  qreal fontHeading() const { return body_points_ * 1.45; }
  QString monospaceFamily() const;

 signals:
  void changed();

 private:
  void update();

  const Settings& settings_;
  const bool platform_dark_;
  bool dark_ = false;
  qreal body_points_ = 11;
  ColourScheme scheme_;
};

} // namespace sikao::ui
