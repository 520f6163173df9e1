#include "chat/math_spans.h"

#include <optional>

namespace sikao::ui {
namespace {

bool is_space(QChar c) { return c.isSpace(); }

// A fence line at `at` (a line start): up to 3 spaces, then 3+ backticks or tildes.
// Returns the fence's character and length.
std::optional<std::pair<QChar, qsizetype>> fence_at(QStringView text, qsizetype at) {
  qsizetype i = at;
  while (i < text.size() && i - at < 3 && text[i] == QLatin1Char(' ')) ++i;
  if (i >= text.size() || (text[i] != QLatin1Char('`') && text[i] != QLatin1Char('~'))) return std::nullopt;
  const QChar ch = text[i];
  qsizetype n = 0;
  while (i + n < text.size() && text[i + n] == ch) ++n;
  if (n < 3) return std::nullopt;
  return std::pair{ch, n};
}

qsizetype line_end(QStringView text, qsizetype from) {
  const qsizetype end = text.indexOf(QLatin1Char('\n'), from);
  return end < 0 ? text.size() : end;
}

// Past a fenced code block whose opening fence starts the line at `at` (to the end if unclosed).
qsizetype skip_fenced_block(QStringView text, qsizetype at, QChar ch, qsizetype length) {
  qsizetype line = line_end(text, at) + 1;
  while (line < text.size()) {
    const auto fence = fence_at(text, line);
    const qsizetype end = line_end(text, line);
    if (fence && fence->first == ch && fence->second >= length &&
        text.mid(line, end - line).trimmed().size() == text.mid(line, end - line).trimmed().count(ch))
      return end;
    line = end + 1;
  }
  return text.size();
}

// The closing single $ for an opening one at `open`, or -1: the next unescaped $, if it can close.
qsizetype closing_dollar(QStringView text, qsizetype open) {
  for (qsizetype j = open + 1; j < text.size(); ++j) {
    const QChar c = text[j];
    if (c == QLatin1Char('\\')) {
      ++j;  // \$ and the like are not delimiters
      continue;
    }
    if (c == QLatin1Char('\n') && text.mid(j + 1, line_end(text, j + 1) - j - 1).trimmed().isEmpty())
      return -1;  // a blank line ends the paragraph
    if (c != QLatin1Char('$')) continue;
    // A $ that cannot close ("$5, then $x$": the one before x) opens something else: this one
    // was money.
    if (j + 1 < text.size() && text[j + 1] == QLatin1Char('$')) return -1;
    if (is_space(text[j - 1]) || (j + 1 < text.size() && text[j + 1].isDigit())) return -1;
    return j;
  }
  return -1;
}

// The end of `closer` after `from` (skipping backslash escapes other than the closer), or -1.
qsizetype find_closer(QStringView text, qsizetype from, QStringView closer) {
  for (qsizetype j = from; j + closer.size() <= text.size(); ++j) {
    if (text.mid(j).startsWith(closer)) return j;
    if (text[j] == QLatin1Char('\\') && closer[0] != QLatin1Char('\\')) ++j;
  }
  return -1;
}

} // namespace

std::vector<MathSpan> find_math_spans(QStringView text) {
  std::vector<MathSpan> spans;
  const auto add = [&](qsizetype begin, qsizetype tex_begin, qsizetype tex_end, qsizetype end, bool display) {
    const QString tex = text.mid(tex_begin, tex_end - tex_begin).toString();
    if (tex.trimmed().isEmpty()) return false;
    spans.push_back({begin, end, tex, display});
    return true;
  };
  qsizetype i = 0;
  while (i < text.size()) {
    const QChar c = text[i];
    if (i == 0 || text[i - 1] == QLatin1Char('\n')) {
      if (const auto fence = fence_at(text, i)) {
        i = skip_fenced_block(text, i, fence->first, fence->second) + 1;
        continue;
      }
    }
    if (c == QLatin1Char('`')) {
      qsizetype run = 0;
      while (i + run < text.size() && text[i + run] == QLatin1Char('`')) ++run;
      // A code span closes at the next run of exactly as many backticks.
      qsizetype j = i + run;
      qsizetype close = -1;
      while (j < text.size()) {
        if (text[j] != QLatin1Char('`')) {
          ++j;
          continue;
        }
        qsizetype other = 0;
        while (j + other < text.size() && text[j + other] == QLatin1Char('`')) ++other;
        if (other == run) {
          close = j + other;
          break;
        }
        j += other;
      }
      i = close >= 0 ? close : i + run;
      continue;
    }
    if (c == QLatin1Char('\\') && i + 1 < text.size()) {
      const QChar next = text[i + 1];
      if (next == QLatin1Char('(') || next == QLatin1Char('[')) {
        const QString closer = next == QLatin1Char('(') ? QStringLiteral("\\)") : QStringLiteral("\\]");
        const qsizetype close = find_closer(text, i + 2, closer);
        if (close >= 0 && add(i, i + 2, close, close + 2, next == QLatin1Char('['))) {
          i = close + 2;
          continue;
        }
      }
      i += 2;  // an escaped character: \$ is a dollar
      continue;
    }
    if (c == QLatin1Char('$')) {
      if (i + 1 < text.size() && text[i + 1] == QLatin1Char('$')) {
        const qsizetype close = find_closer(text, i + 2, u"$$");
        if (close >= 0 && add(i, i + 2, close, close + 2, true)) {
          i = close + 2;
          continue;
        }
        i += 2;
        continue;
      }
      if (i + 1 < text.size() && !is_space(text[i + 1])) {
        const qsizetype close = closing_dollar(text, i);
        if (close >= 0 && add(i, i + 1, close, close + 1, false)) {
          i = close + 1;
          continue;
        }
      }
    }
    ++i;
  }
  return spans;
}

} // namespace sikao::ui
