#include "chat/markdown_segments.h"

#include "chat/math_spans.h"

#include <QStringList>
#include <algorithm>
#include <optional>
#include <utility>

namespace sikao::ui {
namespace {

struct Fence {
  QChar ch;
  int length = 0;
  QString info;
};

// A fence line: up to 3 spaces of indent, then 3+ backticks or tildes.
bool parse_fence(const QString& line, Fence& fence) {
  int i = 0;
  while (i < line.size() && i < 3 && line[i] == QLatin1Char(' ')) ++i;
  if (i >= line.size() || (line[i] != QLatin1Char('`') && line[i] != QLatin1Char('~'))) return false;
  const QChar ch = line[i];
  int n = 0;
  while (i + n < line.size() && line[i + n] == ch) ++n;
  if (n < 3) return false;
  fence.ch = ch;
  fence.length = n;
  fence.info = line.mid(i + n).trimmed();
  return !(ch == QLatin1Char('`') && fence.info.contains(QLatin1Char('`')));
}

// Where to end a piece of `text` that starts at `from` and may hold `max` characters: see
// display_segments. Returns {end of the piece, start of the next}.
std::pair<qsizetype, qsizetype> cut_point(const QString& text, qsizetype from, qsizetype max) {
  const qsizetype limit = from + max;
  const qsizetype half = from + max / 2;
  // Only (half, limit] is searched: each piece costs its own length, not the text's.
  const QStringView window = QStringView(text).mid(half + 1, limit - half);
  for (const QChar separator : {QLatin1Char('\n'), QLatin1Char(' ')}) {
    const qsizetype at = window.lastIndexOf(separator);  // at limit, the piece is max long
    if (at >= 0) return {half + 1 + at, half + 2 + at};
  }
  qsizetype end = limit;
  if (text[end - 1].isHighSurrogate()) --end;  // max >= 2, so end > from
  return {end, end};
}

// Prose with its display formulas taken out as segments of their own.
std::vector<MarkdownSegment> split_display_math(MarkdownSegment prose) {
  std::vector<MarkdownSegment> out;
  qsizetype at = 0;
  const auto add_prose = [&](qsizetype end) {
    const QString text = prose.text.mid(at, end - at).trimmed();
    if (!text.isEmpty()) out.push_back({false, text, {}});
  };
  for (const MathSpan& span : find_math_spans(prose.text)) {
    if (!span.display) continue;
    add_prose(span.begin);
    MarkdownSegment math{false, span.tex.trimmed(), {}};
    math.display_math = true;
    out.push_back(std::move(math));
    at = span.end;
  }
  if (at == 0) return {std::move(prose)};
  add_prose(prose.text.size());
  return out;
}

std::vector<QString> cut_into_pieces(const QString& text, qsizetype max) {
  std::vector<QString> pieces;
  qsizetype from = 0;
  while (text.size() - from > max) {
    const auto [end, next] = cut_point(text, from, max);
    pieces.push_back(text.mid(from, end - from));
    from = next;
  }
  pieces.push_back(text.mid(from));
  return pieces;
}

} // namespace

std::vector<MarkdownSegment> split_code_blocks(const QString& markdown) {
  std::vector<MarkdownSegment> out;
  QStringList prose;
  QStringList code;
  std::optional<Fence> open;
  const auto flush_paragraph = [&] {
    const QString text = prose.join(QLatin1Char('\n'));
    if (!text.trimmed().isEmpty()) out.push_back({false, text, {}});
    prose.clear();
  };
  const auto flush_prose = flush_paragraph;
  for (const QString& line : markdown.split(QLatin1Char('\n'))) {
    Fence fence;
    if (!open) {
      if (parse_fence(line, fence)) {
        flush_prose();
        open = fence;
      } else if (line.trimmed().isEmpty()) {
        flush_paragraph();
      } else {
        prose << line;
      }
    } else if (parse_fence(line, fence) && fence.ch == open->ch && fence.length >= open->length &&
               fence.info.isEmpty()) {
      out.push_back({true, code.join(QLatin1Char('\n')), open->info.section(QLatin1Char(' '), 0, 0)});
      code.clear();
      open.reset();
    } else {
      code << line;
    }
  }
  if (open) out.push_back({true, code.join(QLatin1Char('\n')), open->info.section(QLatin1Char(' '), 0, 0)});
  flush_prose();
  return out;
}

std::vector<MarkdownSegment> display_segments(const QString& markdown, DisplayLimits limits) {
  limits.max_chunk = std::max<qsizetype>(limits.max_chunk, 2);
  QString shown = markdown;
  if (limits.preview_chars > 0 && markdown.size() > limits.preview_chars) {
    shown = markdown.left(cut_point(markdown, 0, limits.preview_chars).first);
  }
  std::vector<MarkdownSegment> out;
  int blocks = 0;
  std::vector<MarkdownSegment> segments;
  for (MarkdownSegment& segment : split_code_blocks(shown)) {
    if (segment.code || !limits.display_math) {
      segments.push_back(std::move(segment));
      continue;
    }
    for (MarkdownSegment& piece : split_display_math(std::move(segment))) segments.push_back(std::move(piece));
  }
  for (MarkdownSegment& segment : segments) {
    if (segment.code) segment.block = blocks++;
    if (segment.display_math || segment.text.size() <= limits.max_chunk) {
      out.push_back(std::move(segment));
      continue;
    }
    bool first = true;
    for (QString& piece : cut_into_pieces(segment.text, limits.max_chunk)) {
      out.push_back({segment.code, std::move(piece), segment.language, segment.block, !first});
      first = false;
    }
  }
  return out;
}

QString code_block(const QString& markdown, int block) {
  int n = 0;
  for (const MarkdownSegment& segment : split_code_blocks(markdown)) {
    if (segment.code && n++ == block) return segment.text;
  }
  return {};
}

} // namespace sikao::ui
