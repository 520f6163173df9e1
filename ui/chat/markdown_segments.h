#pragma once
// Splits a message's Markdown into prose paragraphs and fenced code blocks (``` or ~~~,
// CommonMark-style: the closing fence uses the same character, at least as long, on its own
// line). The chat view renders prose as Markdown and each code block monospaced with its own copy
// button. An unclosed fence (an answer still streaming) runs to the end.
//
// Prose is split at blank lines so that a streaming answer re-renders only its last paragraph:
// rendering the whole message on every update costs time proportional to its length.
// display_segments bounds each piece's length as well (issue 14: long messages).

#include <QString>
#include <vector>

namespace sikao::ui {

struct MarkdownSegment {
  bool code = false;
  QString text;      // prose: Markdown; code: the code, without the fences
  QString language;  // the fence's info string (code only)
  int block = -1;    // display_segments: the code block's index among the message's code blocks
  bool continued = false;  // display_segments: the rest of the segment before (no code header)
  bool display_math = false;  // display_segments: `text` is one display formula's TeX
};

std::vector<MarkdownSegment> split_code_blocks(const QString& markdown);

// What the chat view shows of a message. A text item lays out its whole text on the UI thread,
// and Qt's layout of one long block grows faster than its length (a 50 KB message froze the
// window for minutes), so:
//  - split_code_blocks' segments longer than `max_chunk` characters are cut into pieces of at
//    most that many: at the last line break in the second half of the piece, else at the last
//    space there (the break or space is dropped: the pieces are separate blocks), else after
//    `max_chunk` characters (never inside a UTF-16 surrogate pair). A long Markdown paragraph
//    cut at a line break renders as two paragraphs; copying still copies the message as written.
//  - with `preview_chars` > 0, only the message's first `preview_chars` characters (cut the same
//    way) are split: a long message is shown collapsed, its tail behind "Show all".
//  - with `display_math`, each display formula ($$…$$, \[…\]: math_spans.h) in prose becomes a
//    segment of its own, shown centred; the prose around it stays as it was.
struct DisplayLimits {
  qsizetype max_chunk = 2000;
  qsizetype preview_chars = 0;
  bool display_math = false;
};
std::vector<MarkdownSegment> display_segments(const QString& markdown, DisplayLimits limits);

// The `block`th fenced code block of the message (empty if there is none), for its copy button.
QString code_block(const QString& markdown, int block);

} // namespace sikao::ui
