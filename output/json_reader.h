// A strict JSON (RFC 8259) reader for tests, so that they check that the
// JSON and Perfetto outputs parse, not just that they look right.
//
// Strict: one value per document, no trailing commas, no repeated keys in
// an object, at most 64 levels of nesting, strings free of raw control
// characters and made of valid UTF-8 (raw or escaped; an escaped surrogate
// must be half of a pair). Strings are decoded to UTF-8; numbers keep their
// literal text.
//
//   Json doc;
//   size_t at = 0;
//   ASSERT_TRUE(ParseJson(line, &doc, &at)) << "invalid JSON at byte " << at;
//   EXPECT_EQ(doc.At("ev").text, "exit");
#ifndef TTRACE_OUTPUT_JSON_READER_H_
#define TTRACE_OUTPUT_JSON_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ttrace {

struct Json {
  enum Type { kNull, kBool, kNumber, kString, kArray, kObject } type = kNull;
  bool boolean = false;
  double number = 0;
  std::string text;  // number literal or decoded string
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;  // in input order

  // The member named `key`, or nullptr.
  const Json* Get(std::string_view key) const;
  // The same, or a null value when there is none.
  const Json& At(std::string_view key) const;
  // The member names, in input order.
  std::vector<std::string> Keys() const;
};

// Parses `text`, which must be exactly one value (whitespace around it
// allowed). On failure returns false and, if `error_offset` is set, the
// byte offset where parsing stopped.
bool ParseJson(std::string_view text, Json* out,
               size_t* error_offset = nullptr);

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_JSON_READER_H_
