#include "cli/line_editor.h"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include "common/error.h"

namespace sikao::cli {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// UTF-8: the lead byte says how many bytes follow (110xxxxx: 1, 1110xxxx: 2, 11110xxx: 3).
size_t continuation_count(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return 1;
  if ((lead & 0xF0) == 0xE0) return 2;
  if ((lead & 0xF8) == 0xF0) return 3;
  return 0;
}

char32_t decode(std::string_view s, size_t& at) {
  const auto lead = static_cast<unsigned char>(s[at++]);
  const size_t n = continuation_count(lead);
  char32_t c = n == 0 ? lead : lead & (0x3F >> n);
  for (size_t i = 0; i < n && at < s.size() && is_continuation(static_cast<unsigned char>(s[at])); ++i) {
    c = (c << 6) | (static_cast<unsigned char>(s[at++]) & 0x3F);
  }
  return c;
}

// Terminal columns of a character: 0 for combining marks, 2 for East Asian wide and fullwidth
// forms and emoji (Unicode's East_Asian_Width W/F blocks), 1 otherwise. Independent of the locale,
// which scripts and tests often leave as C.
int columns(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFE0F) return 0;
  const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                    (c >= 0x3041 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
                    (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
                    (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

int columns(std::string_view s) {
  int n = 0;
  for (size_t at = 0; at < s.size();) n += columns(decode(s, at));
  return n;
}

} // namespace

// The terminal without line buffering, echo or signals (Ctrl-C arrives as a byte) while a line is
// edited; its settings as they were when the line is returned, whichever way.
class LineEditor::RawMode {
 public:
  explicit RawMode(int fd) : fd_(fd) {
    if (tcgetattr(fd_, &saved_) != 0) {
      throw Error(ErrorCode::Io, fmt::format("cannot read the terminal's settings: {}", std::strerror(errno)));
    }
    termios raw = saved_;
    raw.c_iflag &= ~static_cast<tcflag_t>(ICRNL | IXON | BRKINT | ISTRIP | INPCK);
    raw.c_lflag &= ~static_cast<tcflag_t>(ECHO | ICANON | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(fd_, TCSANOW, &raw) != 0) {
      throw Error(ErrorCode::Io, fmt::format("cannot set the terminal to raw mode: {}", std::strerror(errno)));
    }
  }
  ~RawMode() { tcsetattr(fd_, TCSANOW, &saved_); }
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

 private:
  int fd_;
  termios saved_{};
};

LineEditor::LineEditor(int in, int out) : in_(in), out_(out) {}

void LineEditor::add_history(const std::string& line) {
  if (line.empty() || (!history_.empty() && history_.back() == line)) return;
  history_.push_back(line);
}

void LineEditor::write(std::string_view text) const {
  while (!text.empty()) {
    const ssize_t n = ::write(out_, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the terminal went away: reading will say so
    text.remove_prefix(static_cast<size_t>(n));
  }
}

void LineEditor::redraw(std::string_view prompt) {
  std::string s = "\r";
  s += prompt;
  s += line_;
  s += "\x1b[K";  // erase what a longer line left to the right
  if (const int back = columns(std::string_view(line_).substr(cursor_)); back > 0) {
    s += fmt::format("\x1b[{}D", back);
  }
  write(s);
}

LineEditor::Key LineEditor::read_key(std::string& bytes) {
  const auto next = [&](int timeout_ms) -> std::optional<unsigned char> {
    if (timeout_ms >= 0) {
      pollfd p{in_, POLLIN, 0};
      if (poll(&p, 1, timeout_ms) <= 0) return std::nullopt;
    }
    unsigned char c = 0;
    for (;;) {
      const ssize_t n = ::read(in_, &c, 1);
      if (n == 1) return c;
      if (n < 0 && errno == EINTR) continue;
      return std::nullopt;
    }
  };
  bytes.clear();
  const auto c = next(-1);
  if (!c) return Key::EndOfFile;
  switch (*c) {
    case '\r': case '\n': return Key::Enter;
    case 0x03: return Key::Interrupt;
    case 0x04: return Key::Delete;  // Ctrl-D; on an empty line, read_line ends the input
    case 0x7F: case 0x08: return Key::Backspace;
    case 0x01: return Key::Home;
    case 0x05: return Key::End;
    case 0x02: return Key::Left;
    case 0x06: return Key::Right;
    case 0x10: return Key::Up;
    case 0x0E: return Key::Down;
    case 0x15: return Key::KillLine;
    case 0x1B: break;
    default:
      if (*c < 0x20) return Key::Ignored;
      bytes.push_back(static_cast<char>(*c));
      for (size_t i = continuation_count(*c); i > 0; --i) {
        const auto more = next(100);
        if (!more || !is_continuation(*more)) return Key::Ignored;  // not UTF-8: dropped
        bytes.push_back(static_cast<char>(*more));
      }
      return Key::Char;
  }
  // ESC [ params final, or ESC O final (cursor keys in application mode). A lone ESC is ignored.
  const auto intro = next(50);
  if (!intro || (*intro != '[' && *intro != 'O')) return Key::Ignored;
  std::string params;
  for (;;) {
    const auto b = next(50);
    if (!b) return Key::Ignored;
    if (*b >= 0x40 && *b <= 0x7E) {
      switch (*b) {
        case 'A': return Key::Up;
        case 'B': return Key::Down;
        case 'C': return Key::Right;
        case 'D': return Key::Left;
        case 'H': return Key::Home;
        case 'F': return Key::End;
        case '~':
          if (params == "1" || params == "7") return Key::Home;
          if (params == "4" || params == "8") return Key::End;
          if (params == "3") return Key::Delete;
          return Key::Ignored;
        default: return Key::Ignored;
      }
    }
    params.push_back(static_cast<char>(*b));
  }
}

LineEditor::Input LineEditor::read_line(std::string_view prompt) {
  RawMode raw(in_);
  line_.clear();
  cursor_ = 0;
  size_t recalled = history_.size();  // history_.size(): the line being typed
  std::string typed;                  // kept while the history is browsed
  redraw(prompt);
  std::string bytes;
  for (;;) {
    const Key key = read_key(bytes);
    switch (key) {
      case Key::Char:
        line_.insert(cursor_, bytes);
        cursor_ += bytes.size();
        break;
      case Key::Enter:
        write("\r\n");
        return {Outcome::Line, line_};
      case Key::Interrupt:
        write("^C\r\n");
        return {Outcome::Interrupted, line_};
      case Key::EndOfFile:
        write("\r\n");
        return {Outcome::EndOfInput, line_};
      case Key::Delete:
        if (line_.empty()) {
          write("\r\n");
          return {Outcome::EndOfInput, {}};
        }
        if (cursor_ < line_.size()) {
          size_t end = cursor_ + 1;
          while (end < line_.size() && is_continuation(static_cast<unsigned char>(line_[end]))) ++end;
          line_.erase(cursor_, end - cursor_);
        }
        break;
      case Key::Backspace:
        if (cursor_ > 0) {
          size_t start = cursor_ - 1;
          while (start > 0 && is_continuation(static_cast<unsigned char>(line_[start]))) --start;
          line_.erase(start, cursor_ - start);
          cursor_ = start;
        }
        break;
      case Key::Left:
        while (cursor_ > 0 && is_continuation(static_cast<unsigned char>(line_[--cursor_]))) {
        }
        break;
      case Key::Right:
        if (cursor_ < line_.size()) {
          ++cursor_;
          while (cursor_ < line_.size() && is_continuation(static_cast<unsigned char>(line_[cursor_]))) ++cursor_;
        }
        break;
      case Key::Home: cursor_ = 0; break;
      case Key::End: cursor_ = line_.size(); break;
      case Key::KillLine:
        line_.erase(0, cursor_);
        cursor_ = 0;
        break;
      case Key::Up:
      case Key::Down: {
        if (key == Key::Up && recalled == 0) break;
        if (key == Key::Down && recalled == history_.size()) break;
        if (recalled == history_.size()) typed = line_;
        if (key == Key::Up) {
          --recalled;
        } else {
          ++recalled;
        }
        line_ = recalled == history_.size() ? typed : history_[recalled];
        cursor_ = line_.size();
        break;
      }
      case Key::Ignored: continue;
    }
    redraw(prompt);
  }
}

} // namespace sikao::cli
