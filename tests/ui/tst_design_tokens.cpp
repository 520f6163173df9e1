// The design tokens (ui/design/design_tokens.h) and Sikao's icons: the scheme follows the theme
// (System: the platform's lightness), the type scale follows the font size, every text colour is
// readable on every surface it is drawn on (WCAG AA, 4.5:1), the palette is made from the scheme,
// and every icon in ui/icons is embedded, draws inside its margin on the shared grid, and tints.
#include <QtTest>

#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "chat/code_block_highlighter.h"
#include "design/design_tokens.h"
#include "settings/settings.h"

using sikao::ui::ColourScheme;
using sikao::ui::DesignTokens;
using sikao::ui::Settings;

namespace {

// What is drawn on what: each text colour with the surfaces the QML puts it on.
struct Pairing {
  const char* what;
  QColor ColourScheme::*foreground;
  std::vector<QColor ColourScheme::*> backgrounds;
};

const std::vector<Pairing>& pairings() {
  using C = ColourScheme;
  static const std::vector<Pairing> p = {
      {"text", &C::text, {&C::background, &C::surface, &C::raised, &C::turn, &C::reasoning, &C::code}},
      {"textMuted", &C::textMuted, {&C::background, &C::surface, &C::raised, &C::turn, &C::reasoning, &C::code}},
      {"onAccent", &C::onAccent, {&C::accent}},
      {"accent", &C::accent, {&C::background, &C::surface, &C::raised}},
      {"reasoningAccent", &C::reasoningAccent, {&C::reasoning, &C::background}},
      {"danger", &C::danger, {&C::background, &C::surface, &C::raised}},
      {"warning", &C::warning, {&C::background, &C::surface, &C::raised}},
      {"success", &C::success, {&C::background, &C::surface, &C::raised}},
  };
  return p;
}

// A translucent overlay (hover, pressed) composed over an opaque surface.
QColor over(const QColor& top, const QColor& bottom) {
  const double a = top.alphaF();
  return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                          float(top.greenF() * a + bottom.greenF() * (1 - a)),
                          float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

} // namespace

class TestDesignTokens : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  std::unique_ptr<QSettings> ini(const QString& name) {
    return std::make_unique<QSettings>(dir_.filePath(name), QSettings::IniFormat);
  }

 private slots:
  void contrast_ratio_is_the_wcag_formula() {
    QCOMPARE(qRound(sikao::ui::contrast_ratio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(sikao::ui::contrast_ratio(Qt::white, Qt::white), 1.0);
    // #767676 on white is the classic AA limit, 4.54:1.
    QCOMPARE(qRound(sikao::ui::contrast_ratio(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
    QCOMPARE(sikao::ui::contrast_ratio(Qt::red, Qt::blue), sikao::ui::contrast_ratio(Qt::blue, Qt::red));
  }

  void every_text_colour_is_readable_where_it_is_drawn_data() {
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
  }
  void every_text_colour_is_readable_where_it_is_drawn() {
    QFETCH(bool, dark);
    const ColourScheme c = dark ? ColourScheme::dark() : ColourScheme::light();
    for (const Pairing& p : pairings()) {
      for (const auto background : p.backgrounds) {
        const double ratio = sikao::ui::contrast_ratio(c.*(p.foreground), c.*background);
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on a surface: %2:1").arg(QLatin1String(p.what)).arg(ratio)));
      }
    }
    // A hovered or pressed row keeps its text readable.
    for (const QColor& overlay : {c.hover, c.pressed}) {
      QVERIFY(sikao::ui::contrast_ratio(c.text, over(overlay, c.surface)) >= 4.5);
      QVERIFY(sikao::ui::contrast_ratio(c.textMuted, over(overlay, c.surface)) >= 4.5);
    }
    // The focus ring stands out from the surfaces (WCAG 1.4.11: 3:1 for non-text).
    for (const QColor& surface : {c.background, c.surface, c.raised}) {
      QVERIFY(sikao::ui::contrast_ratio(c.focus, surface) >= 3.0);
    }
    // Every token colour of the code highlighter on the code block's surface.
    for (size_t k = 0; k < sikao::ui::code::k_token_class_count; ++k) {
      const QColor token = sikao::ui::code_token_colour(static_cast<sikao::ui::code::TokenClass>(k), dark);
      const double ratio = sikao::ui::contrast_ratio(token, c.code);
      QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("code token class %1: %2:1").arg(k).arg(ratio)));
    }
    // The user's turn and the reasoning panel are visibly their own surfaces.
    QVERIFY(c.turn != c.background && c.reasoning != c.background && c.turn != c.reasoning);
  }

  void the_scheme_follows_the_theme_and_the_platform() {
    Settings settings(ini(QStringLiteral("theme.ini")));
    DesignTokens light_platform(settings, false);
    DesignTokens dark_platform(settings, true);
    QSignalSpy changed(&light_platform, &DesignTokens::changed);
    QVERIFY(!light_platform.dark());  // System
    QVERIFY(dark_platform.dark());
    QCOMPARE(dark_platform.background(), ColourScheme::dark().background);

    settings.setTheme(Settings::Theme::Dark);
    QVERIFY(light_platform.dark() && dark_platform.dark());
    QCOMPARE(light_platform.text(), ColourScheme::dark().text);
    QCOMPARE(changed.count(), 1);
    settings.setTheme(Settings::Theme::Light);
    QVERIFY(!light_platform.dark() && !dark_platform.dark());
    QCOMPARE(changed.count(), 2);
    settings.setTemperature(1.5);  // not an appearance setting: nothing to redraw
    QCOMPARE(changed.count(), 2);
  }

  void the_type_scale_follows_the_font_size() {
    Settings settings(ini(QStringLiteral("font.ini")));
    DesignTokens design(settings, false);
    settings.setFontSize(14);
    QCOMPARE(design.fontBody(), 14.0);
    QVERIFY(design.fontCaption() < design.fontBody());
    QVERIFY(design.fontBody() < design.fontTitle() && design.fontTitle() < design.fontHeading());
    settings.setFontSize(10);
    QCOMPARE(design.fontBody(), 10.0);
    QVERIFY(design.fontCaption() >= 8.0);  // captions stay readable at a 10-point body
  }

  void the_palette_is_drawn_from_the_scheme() {
    for (const ColourScheme& c : {ColourScheme::light(), ColourScheme::dark()}) {
      const QPalette p = c.palette();
      QCOMPARE(p.color(QPalette::Window), c.surface);
      QCOMPARE(p.color(QPalette::WindowText), c.text);
      QCOMPARE(p.color(QPalette::Base), c.raised);
      QCOMPARE(p.color(QPalette::Text), c.text);
      QCOMPARE(p.color(QPalette::Highlight), c.accent);
      QCOMPARE(p.color(QPalette::HighlightedText), c.onAccent);
      QCOMPARE(p.color(QPalette::PlaceholderText), c.textMuted);
      QCOMPARE(p.color(QPalette::Disabled, QPalette::Text), c.textMuted);
    }
  }

  // Every icon file is embedded and draws on the 24-unit grid inside its 2-unit margin, black on
  // transparent (the buttons tint it).
  void every_icon_draws_inside_its_margin() {
    const QDir source(QStringLiteral(SIKAO_SOURCE_DIR "/ui/icons"));
    const QStringList files = source.entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 20);
    for (const QString& file : files) {
      QImage image(QStringLiteral(":/icons/") + file);
      QVERIFY2(!image.isNull(), qPrintable(file + QStringLiteral(" is not embedded or does not load")));
      QCOMPARE(image.size(), QSize(24, 24));
      QImageReader reader(QStringLiteral(":/icons/") + file);
      reader.setScaledSize(QSize(96, 96));
      const QImage big = reader.read().convertToFormat(QImage::Format_ARGB32);
      int inked = 0;
      int outside = 0;
      for (int y = 0; y < 96; ++y) {
        for (int x = 0; x < 96; ++x) {
          const QColor px = big.pixelColor(x, y);
          if (px.alpha() < 32) continue;
          ++inked;
          QVERIFY2(px.lightness() < 64, qPrintable(file + QStringLiteral(" has a colour of its own")));
          // The margin is 2 of 24 units; a round cap of a 1.75 stroke reaches 0.875 past a shape.
          if (x < 4 || y < 4 || x >= 92 || y >= 92) ++outside;
        }
      }
      QVERIFY2(inked > 96 * 96 / 40, qPrintable(file + QStringLiteral(" draws almost nothing")));
      QVERIFY2(outside == 0, qPrintable(file + QStringLiteral(" draws into the margin")));
    }
  }
};

QTEST_MAIN(TestDesignTokens)
#include "tst_design_tokens.moc"
