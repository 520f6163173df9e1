#pragma once
// The history database as sikao-cli subcommands open and list it: `history` and `chat` share it.

#include <cstdio>
#include <string_view>

#include "cli/commands.h"
#include "storage/history.h"

namespace sikao::cli {

// The database at --db (else storage::default_database_path()), with what its open found said on
// stderr as "sikao-cli COMMAND: ...": read-only, damaged and kept aside, interrupted answers.
storage::History open_history(const GlobalOptions& global, bool read_only, std::string_view command);

// One line per conversation, newest first: id, last change, message count, marks, title.
void list_conversations(const storage::History& history, std::FILE* out);

} // namespace sikao::cli
