// The rule tables of the languages the chat highlights (code_language_rules.h): written for this
// project from the languages' specifications, kept to what colours a chat answer's code well.

#include "chat/code_language_rules.h"

namespace sikao::ui::code {

namespace {

const StringRule k_double_quoted{u"\"", u"\""};
const StringRule k_single_quoted{u"'", u"'"};
const BlockComment k_c_comment{u"/*", u"*/"};

LanguageRules python() {
  LanguageRules r;
  r.name = QStringLiteral("Python");
  r.aliases = {"python", "py", "python3", "py3", "pyi", "ipython"};
  r.keywords = {u"and", u"as", u"assert", u"async", u"await", u"break", u"class", u"continue",
                u"def", u"del", u"elif", u"else", u"except", u"finally", u"for", u"from", u"global",
                u"if", u"import", u"in", u"is", u"lambda", u"nonlocal", u"not", u"or", u"pass",
                u"raise", u"return", u"try", u"while", u"with", u"yield", u"match", u"case",
                u"True", u"False", u"None"};
  r.types = {u"int", u"float", u"complex", u"str", u"bytes", u"bytearray", u"bool", u"list",
             u"tuple", u"dict", u"set", u"frozenset", u"object", u"type", u"range", u"print",
             u"len", u"open", u"enumerate", u"zip", u"map", u"filter", u"sorted", u"reversed",
             u"isinstance", u"super", u"min", u"max", u"sum", u"abs", u"any", u"all", u"iter",
             u"next", u"repr", u"input", u"self", u"cls", u"Exception", u"ValueError",
             u"TypeError", u"KeyError", u"IndexError", u"RuntimeError", u"StopIteration"};
  r.line_comments = {u"#"};
  r.strings = {{u"\"\"\"", u"\"\"\"", u'\\', false, true}, {u"'''", u"'''", u'\\', false, true},
               k_double_quoted, k_single_quoted};
  r.string_prefixes = {u"r", u"b", u"f", u"u", u"rb", u"br", u"fr", u"rf"};
  r.annotation = u'@';
  return r;
}

const Words k_c_keywords = {
    u"auto", u"break", u"case", u"const", u"continue", u"default", u"do", u"else", u"enum",
    u"extern", u"for", u"goto", u"if", u"inline", u"register", u"restrict", u"return", u"sizeof",
    u"static", u"struct", u"switch", u"typedef", u"union", u"volatile", u"while", u"_Alignas",
    u"_Alignof", u"_Atomic", u"_Generic", u"_Noreturn", u"_Static_assert", u"_Thread_local",
    u"NULL", u"true", u"false"};
const Words k_c_types = {
    u"void", u"char", u"short", u"int", u"long", u"float", u"double", u"signed", u"unsigned",
    u"_Bool", u"bool", u"size_t", u"ssize_t", u"ptrdiff_t", u"int8_t", u"int16_t", u"int32_t",
    u"int64_t", u"uint8_t", u"uint16_t", u"uint32_t", u"uint64_t", u"uintptr_t", u"intptr_t",
    u"FILE", u"wchar_t", u"char8_t", u"char16_t", u"char32_t"};

LanguageRules c_family(QString name) {
  LanguageRules r;
  r.name = std::move(name);
  r.keywords = k_c_keywords;
  r.types = k_c_types;
  r.line_comments = {u"//"};
  r.block_comments = {k_c_comment};
  r.strings = {k_double_quoted, k_single_quoted};
  r.string_prefixes = {u"L", u"u", u"U", u"u8"};
  r.line_starts.preprocessor = true;
  return r;
}

LanguageRules c() {
  LanguageRules r = c_family(QStringLiteral("C"));
  r.aliases = {"c", "h"};
  return r;
}

LanguageRules cpp() {
  LanguageRules r = c_family(QStringLiteral("C++"));
  r.aliases = {"cpp", "c++", "cxx", "cc", "hpp", "hxx", "hh", "h++"};
  r.keywords.insert({u"alignas", u"alignof", u"and", u"asm", u"catch", u"class", u"co_await",
                     u"co_return", u"co_yield", u"concept", u"consteval", u"constexpr",
                     u"constinit", u"const_cast", u"decltype", u"delete", u"dynamic_cast",
                     u"explicit", u"export", u"final", u"friend", u"mutable", u"namespace", u"new",
                     u"noexcept", u"not", u"nullptr", u"operator", u"or", u"override", u"private",
                     u"protected", u"public", u"reinterpret_cast", u"requires", u"static_assert",
                     u"static_cast", u"template", u"this", u"thread_local", u"throw", u"try",
                     u"typeid", u"typename", u"using", u"virtual", u"co_await", u"import",
                     u"module"});
  r.types.insert({u"std", u"string", u"string_view", u"vector", u"array", u"map",
                  u"unordered_map", u"set", u"unordered_set", u"unique_ptr", u"shared_ptr",
                  u"optional", u"variant", u"span", u"pair", u"tuple", u"function", u"size_type",
                  u"nullptr_t", u"byte"});
  r.raw_strings = RawStrings::Cpp;
  r.raw_string_prefixes = {u"R", u"LR", u"uR", u"UR", u"u8R"};
  r.digit_separator = u'\'';
  return r;
}

LanguageRules csharp() {
  LanguageRules r;
  r.name = QStringLiteral("C#");
  r.aliases = {"csharp", "cs", "c#"};
  r.keywords = {u"abstract", u"as", u"async", u"await", u"base", u"break", u"case", u"catch",
                u"checked", u"class", u"const", u"continue", u"default", u"delegate", u"do",
                u"else", u"enum", u"event", u"explicit", u"extern", u"false", u"finally",
                u"fixed", u"for", u"foreach", u"get", u"goto", u"if", u"implicit", u"in",
                u"init", u"interface", u"internal", u"is", u"lock", u"namespace", u"new", u"null",
                u"operator", u"out", u"override", u"params", u"partial", u"private", u"protected",
                u"public", u"readonly", u"record", u"ref", u"required", u"return", u"sealed",
                u"set", u"sizeof", u"stackalloc", u"static", u"struct", u"switch", u"this",
                u"throw", u"true", u"try", u"typeof", u"unchecked", u"unsafe", u"using", u"var",
                u"virtual", u"volatile", u"when", u"where", u"while", u"yield"};
  r.types = {u"bool", u"byte", u"sbyte", u"char", u"decimal", u"double", u"float", u"int",
             u"uint", u"long", u"ulong", u"short", u"ushort", u"object", u"string", u"void",
             u"dynamic", u"nint", u"nuint", u"String", u"Object", u"List", u"Dictionary",
             u"IEnumerable", u"Task", u"Console", u"Exception", u"Math", u"DateTime", u"Guid"};
  r.line_comments = {u"//"};
  r.block_comments = {k_c_comment};
  r.strings = {{u"\"\"\"", u"\"\"\"", 0, false, true},
               {u"$@\"", u"\"", 0, true, true},
               {u"@$\"", u"\"", 0, true, true},
               {u"@\"", u"\"", 0, true, true},
               {u"$\"", u"\""},
               k_double_quoted,
               k_single_quoted};
  r.line_starts.preprocessor = true;
  return r;
}

LanguageRules java() {
  LanguageRules r;
  r.name = QStringLiteral("Java");
  r.aliases = {"java"};
  r.keywords = {u"abstract", u"assert", u"break", u"case", u"catch", u"class", u"const",
                u"continue", u"default", u"do", u"else", u"enum", u"extends", u"final",
                u"finally", u"for", u"goto", u"if", u"implements", u"import", u"instanceof",
                u"interface", u"native", u"new", u"package", u"private", u"protected", u"public",
                u"record", u"return", u"sealed", u"permits", u"static", u"strictfp", u"super",
                u"switch", u"synchronized", u"this", u"throw", u"throws", u"transient", u"try",
                u"var", u"volatile", u"while", u"yield", u"true", u"false", u"null"};
  r.types = {u"boolean", u"byte", u"char", u"short", u"int", u"long", u"float", u"double",
             u"void", u"String", u"Object", u"Integer", u"Long", u"Double", u"Boolean",
             u"Character", u"List", u"ArrayList", u"Map", u"HashMap", u"Set", u"HashSet",
             u"Optional", u"System", u"Math", u"Exception", u"RuntimeException", u"Override",
             u"StringBuilder", u"Thread", u"Runnable"};
  r.line_comments = {u"//"};
  r.block_comments = {k_c_comment};
  r.strings = {{u"\"\"\"", u"\"\"\"", u'\\', false, true}, k_double_quoted, k_single_quoted};
  r.identifier_extra = u"$";
  r.annotation = u'@';
  return r;
}

const Words k_js_keywords = {
    u"async", u"await", u"break", u"case", u"catch", u"class", u"const", u"continue",
    u"debugger", u"default", u"delete", u"do", u"else", u"export", u"extends", u"finally",
    u"for", u"from", u"function", u"get", u"if", u"import", u"in", u"instanceof", u"let",
    u"new", u"of", u"return", u"set", u"static", u"super", u"switch", u"this", u"throw",
    u"try", u"typeof", u"var", u"void", u"while", u"with", u"yield", u"true", u"false",
    u"null", u"undefined", u"NaN", u"Infinity"};
const Words k_js_types = {
    u"Array", u"Object", u"String", u"Number", u"Boolean", u"Symbol", u"BigInt", u"Function",
    u"Promise", u"Map", u"Set", u"WeakMap", u"WeakSet", u"Date", u"RegExp", u"Error",
    u"TypeError", u"JSON", u"Math", u"console", u"window", u"document", u"globalThis",
    u"Uint8Array", u"Float32Array", u"ArrayBuffer", u"parseInt", u"parseFloat", u"require",
    u"module", u"exports", u"fetch", u"setTimeout", u"clearTimeout"};

LanguageRules javascript() {
  LanguageRules r;
  r.name = QStringLiteral("JavaScript");
  r.aliases = {"javascript", "js", "jsx", "mjs", "cjs", "node", "nodejs"};
  r.keywords = k_js_keywords;
  r.types = k_js_types;
  r.line_comments = {u"//"};
  r.block_comments = {k_c_comment};
  r.strings = {{u"`", u"`", u'\\', false, true}, k_double_quoted, k_single_quoted};
  r.identifier_extra = u"$";
  return r;
}

LanguageRules typescript() {
  LanguageRules r = javascript();
  r.name = QStringLiteral("TypeScript");
  r.aliases = {"typescript", "ts", "tsx", "mts", "cts"};
  r.keywords.insert({u"abstract", u"as", u"declare", u"enum", u"implements", u"interface",
                     u"is", u"keyof", u"namespace", u"private", u"protected", u"public",
                     u"readonly", u"satisfies", u"type", u"infer", u"override", u"asserts"});
  r.types.insert({u"string", u"number", u"boolean", u"bigint", u"symbol", u"any", u"unknown",
                  u"never", u"object", u"Record", u"Partial", u"Readonly", u"Pick", u"Omit",
                  u"ReturnType", u"Exclude", u"Extract", u"NonNullable", u"Awaited"});
  r.annotation = u'@';
  return r;
}

LanguageRules rust() {
  LanguageRules r;
  r.name = QStringLiteral("Rust");
  r.aliases = {"rust", "rs"};
  r.keywords = {u"as", u"async", u"await", u"break", u"const", u"continue", u"crate", u"dyn",
                u"else", u"enum", u"extern", u"false", u"fn", u"for", u"if", u"impl", u"in",
                u"let", u"loop", u"match", u"mod", u"move", u"mut", u"pub", u"ref", u"return",
                u"self", u"Self", u"static", u"struct", u"super", u"trait", u"true", u"type",
                u"unsafe", u"use", u"where", u"while", u"union", u"macro_rules"};
  r.types = {u"i8", u"i16", u"i32", u"i64", u"i128", u"isize", u"u8", u"u16", u"u32", u"u64",
             u"u128", u"usize", u"f32", u"f64", u"bool", u"char", u"str", u"String", u"Vec",
             u"Option", u"Result", u"Box", u"Rc", u"Arc", u"RefCell", u"Cell", u"HashMap",
             u"HashSet", u"BTreeMap", u"Some", u"None", u"Ok", u"Err", u"Default", u"Debug",
             u"Clone", u"Copy", u"Iterator", u"Fn", u"FnMut", u"FnOnce", u"Send", u"Sync"};
  r.line_comments = {u"//"};
  r.block_comments = {{u"/*", u"*/", true}};
  r.strings = {{u"\"", u"\"", u'\\', false, true}};
  r.string_prefixes = {u"b", u"c"};
  r.raw_strings = RawStrings::Rust;
  r.raw_string_prefixes = {u"r", u"br", u"cr"};
  r.bracket_attributes = true;
  r.macros = true;
  r.lifetimes = true;
  return r;
}

LanguageRules go() {
  LanguageRules r;
  r.name = QStringLiteral("Go");
  r.aliases = {"go", "golang"};
  r.keywords = {u"break", u"case", u"chan", u"const", u"continue", u"default", u"defer",
                u"else", u"fallthrough", u"for", u"func", u"go", u"goto", u"if", u"import",
                u"interface", u"map", u"package", u"range", u"return", u"select", u"struct",
                u"switch", u"type", u"var", u"true", u"false", u"nil", u"iota"};
  r.types = {u"bool", u"byte", u"rune", u"string", u"error", u"int", u"int8", u"int16",
             u"int32", u"int64", u"uint", u"uint8", u"uint16", u"uint32", u"uint64", u"uintptr",
             u"float32", u"float64", u"complex64", u"complex128", u"any", u"append", u"cap",
             u"close", u"copy", u"delete", u"len", u"make", u"new", u"panic", u"recover",
             u"print", u"println"};
  r.line_comments = {u"//"};
  r.block_comments = {k_c_comment};
  r.strings = {{u"`", u"`", 0, false, true}, k_double_quoted, k_single_quoted};
  return r;
}

LanguageRules bash() {
  LanguageRules r;
  r.name = QStringLiteral("Bash");
  r.aliases = {"bash", "sh", "shell", "zsh", "ksh", "shellscript", "shell-script"};
  r.keywords = {u"if", u"then", u"else", u"elif", u"fi", u"case", u"esac", u"for", u"select",
                u"while", u"until", u"do", u"done", u"in", u"function", u"time", u"return",
                u"local", u"export", u"readonly", u"declare", u"exit", u"break", u"continue"};
  r.types = {u"echo", u"printf", u"cd", u"pwd", u"read", u"set", u"unset", u"shift", u"source",
             u"eval", u"exec", u"test", u"trap", u"alias", u"type", u"command", u"true",
             u"false", u"mkdir", u"rm", u"cp", u"mv", u"ls", u"cat", u"grep", u"sed", u"awk",
             u"find", u"xargs", u"sudo", u"chmod", u"curl", u"tar", u"git"};
  r.line_comments = {u"#"};
  r.line_comment_at_word_start = true;
  r.strings = {{u"$'", u"'", u'\\', false, true}, {u"\"", u"\"", u'\\', false, true},
               {u"'", u"'", 0, false, true}};
  r.identifier_extra = u"-";
  r.calls = false;
  return r;
}

LanguageRules sql() {
  LanguageRules r;
  r.name = QStringLiteral("SQL");
  r.aliases = {"sql", "mysql", "postgresql", "postgres", "psql", "pgsql", "sqlite", "plsql", "tsql"};
  r.case_insensitive = true;
  r.keywords = {u"select", u"from", u"where", u"insert", u"into", u"values", u"update", u"set",
                u"delete", u"create", u"table", u"view", u"index", u"drop", u"alter", u"add",
                u"column", u"primary", u"key", u"foreign", u"references", u"unique", u"not",
                u"null", u"default", u"check", u"constraint", u"and", u"or", u"in", u"is",
                u"like", u"between", u"exists", u"join", u"inner", u"left", u"right", u"full",
                u"outer", u"cross", u"on", u"using", u"group", u"by", u"order", u"asc", u"desc",
                u"having", u"limit", u"offset", u"union", u"all", u"distinct", u"as", u"case",
                u"when", u"then", u"else", u"end", u"with", u"recursive", u"begin", u"commit",
                u"rollback", u"transaction", u"if", u"true", u"false", u"returning", u"over",
                u"partition", u"window", u"conflict", u"do", u"nothing", u"cascade", u"trigger",
                u"autoincrement", u"collate", u"escape", u"replace", u"temporary", u"temp"};
  r.types = {u"int", u"integer", u"smallint", u"bigint", u"tinyint", u"serial", u"bigserial",
             u"real", u"float", u"double", u"precision", u"decimal", u"numeric", u"char",
             u"varchar", u"text", u"blob", u"boolean", u"bool", u"date", u"time", u"timestamp",
             u"timestamptz", u"interval", u"json", u"jsonb", u"uuid", u"bytea", u"count",
             u"sum", u"avg", u"min", u"max", u"coalesce", u"now", u"lower", u"upper",
             u"length", u"substr", u"round", u"cast"};
  r.line_comments = {u"--"};
  r.block_comments = {k_c_comment};
  r.strings = {{u"'", u"'", 0, true, true}};
  return r;
}

LanguageRules json() {
  LanguageRules r;
  r.name = QStringLiteral("JSON");
  r.aliases = {"json", "jsonc", "json5", "jsonl", "geojson"};
  r.keywords = {u"true", u"false", u"null"};
  // JSON has no comments; JSONC and JSON5 do, and // or /* outside a string is nothing else.
  r.line_comments = {u"//"};
  r.block_comments = {k_c_comment};
  r.strings = {k_double_quoted, k_single_quoted};
  r.calls = false;
  r.keys = true;
  return r;
}

LanguageRules yaml() {
  LanguageRules r;
  r.name = QStringLiteral("YAML");
  r.aliases = {"yaml", "yml"};
  r.keywords = {u"true", u"false", u"null", u"yes", u"no", u"on", u"off", u"True", u"False",
                u"TRUE", u"FALSE", u"Null", u"NULL"};
  r.line_comments = {u"#"};
  r.line_comment_at_word_start = true;
  r.strings = {{u"\"", u"\"", u'\\', false, true}, {u"'", u"'", 0, true, true}};
  r.strings_at_word_start = true;
  r.identifier_extra = u"-.";
  r.calls = false;
  r.keys = true;
  r.line_starts.list_markers = true;
  r.line_starts.document_markers = true;
  return r;
}

LanguageRules markup(QString name, std::vector<QString> aliases) {
  LanguageRules r;
  r.name = std::move(name);
  r.aliases = std::move(aliases);
  r.block_comments = {{u"<!--", u"-->"}, {u"<![CDATA[", u"]]>"}};
  r.strings = {k_double_quoted, k_single_quoted};
  r.numbers = false;
  r.calls = false;
  r.markup = true;
  return r;
}

LanguageRules css() {
  LanguageRules r;
  r.name = QStringLiteral("CSS");
  r.aliases = {"css"};
  r.keywords = {u"important", u"inherit", u"initial", u"unset", u"none", u"auto", u"from",
                u"to", u"and", u"not", u"only"};
  r.block_comments = {k_c_comment};
  r.strings = {k_double_quoted, k_single_quoted};
  r.identifier_extra = u"-";
  r.annotation = u'@';
  r.keys = true;
  r.hash_colours = true;
  return r;
}

LanguageRules markdown() {
  LanguageRules r;
  r.name = QStringLiteral("Markdown");
  r.aliases = {"markdown", "md", "mdx", "commonmark", "gfm"};
  r.block_comments = {{u"<!--", u"-->"}};
  // Fenced code and code spans as String, a link's target too.
  r.strings = {{u"```", u"```", 0, false, true}, {u"~~~", u"~~~", 0, false, true},
               {u"`", u"`", 0}, {u"](", u")", 0}};
  r.numbers = false;
  r.calls = false;
  r.line_starts.headings = true;
  r.line_starts.quotes = true;
  r.line_starts.list_markers = true;
  return r;
}

std::vector<LanguageRules> all_languages() {
  std::vector<LanguageRules> all;
  all.push_back(python());
  all.push_back(c());
  all.push_back(cpp());
  all.push_back(csharp());
  all.push_back(java());
  all.push_back(javascript());
  all.push_back(typescript());
  all.push_back(rust());
  all.push_back(go());
  all.push_back(bash());
  all.push_back(sql());
  all.push_back(json());
  all.push_back(yaml());
  all.push_back(markup(QStringLiteral("HTML"), {"html", "htm", "xhtml", "vue", "svelte"}));
  all.push_back(markup(QStringLiteral("XML"), {"xml", "svg", "xsd", "xsl", "xslt", "plist", "qrc", "ui"}));
  all.push_back(css());
  all.push_back(markdown());
  return all;
}

} // namespace

std::span<const LanguageRules> languages() {
  static const std::vector<LanguageRules> all = all_languages();
  return all;
}

} // namespace sikao::ui::code
