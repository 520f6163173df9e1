#pragma once
// A small line editor for sikao-cli chat over termios, with no library behind it: the terminal in
// raw mode while a line is edited (its own settings restored before the line is returned, so the
// answer streams with Ctrl-C as SIGINT), left/right, Home/End (Ctrl-A/Ctrl-E), backspace and
// delete, Ctrl-U, up/down through the lines entered before. Text is UTF-8; the cursor moves by
// character and the redraw counts each character's column width (wcwidth), so CJK text lines up.
// A line that does not fit the terminal's width is not wrapped specially.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <termios.h>

namespace sikao::cli {

class LineEditor {
 public:
  enum class Outcome {
    Line,         // Enter: `text` is the line
    Interrupted,  // Ctrl-C: the line (in `text`) is dropped
    EndOfInput,   // Ctrl-D on an empty line, or the terminal closed
  };
  struct Input {
    Outcome outcome = Outcome::Line;
    std::string text;
  };

  // `in` and `out` must be a terminal (isatty).
  LineEditor(int in, int out);

  Input read_line(std::string_view prompt);
  // Up recalls the newest first; an empty line or a repeat of the newest is not added.
  void add_history(const std::string& line);

 private:
  class RawMode;
  enum class Key { Char, Enter, Interrupt, EndOfFile, Left, Right, Home, End, Up, Down, Backspace, Delete, KillLine, Ignored };
  Key read_key(std::string& bytes);
  void redraw(std::string_view prompt);
  void write(std::string_view text) const;

  int in_;
  int out_;
  std::vector<std::string> history_;
  std::string line_;
  size_t cursor_ = 0;  // a byte offset at a character boundary
};

} // namespace sikao::cli
