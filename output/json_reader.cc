#include "output/json_reader.h"

#include <cstdint>
#include <cstdlib>

namespace ttrace {

const Json* Json::Get(std::string_view key) const {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

const Json& Json::At(std::string_view key) const {
  static const Json kMissing;
  const Json* j = Get(key);
  return j ? *j : kMissing;
}

std::vector<std::string> Json::Keys() const {
  std::vector<std::string> keys;
  for (const auto& m : members) keys.push_back(m.first);
  return keys;
}

namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool Document(Json* out) {
    SkipWs();
    if (!Value(out, 0)) return false;
    SkipWs();
    return i_ == s_.size();
  }
  size_t position() const { return i_; }

 private:
  void SkipWs() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' ||
                              s_[i_] == '\n' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool Literal(std::string_view lit) {
    if (s_.substr(i_, lit.size()) != lit) return false;
    i_ += lit.size();
    return true;
  }
  bool IsDigit() const {
    return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9';
  }
  bool Digits() {
    if (!IsDigit()) return false;
    while (IsDigit()) ++i_;
    return true;
  }

  bool Value(Json* out, int depth) {
    if (depth > kMaxDepth || i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{') return Object(out, depth);
    if (c == '[') return Array(out, depth);
    if (c == '"') {
      out->type = Json::kString;
      return String(&out->text);
    }
    if (Literal("true")) {
      out->type = Json::kBool;
      out->boolean = true;
      return true;
    }
    if (Literal("false")) {
      out->type = Json::kBool;
      return true;
    }
    if (Literal("null")) return true;
    return Number(out);
  }

  bool Number(Json* out) {
    const size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (!IsDigit()) return false;
    if (s_[i_] == '0') {
      ++i_;
    } else {
      Digits();
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!Digits()) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!Digits()) return false;
    }
    out->type = Json::kNumber;
    out->text = std::string(s_.substr(start, i_ - start));
    out->number = std::strtod(out->text.c_str(), nullptr);
    return true;
  }

  bool Array(Json* out, int depth) {
    out->type = Json::kArray;
    ++i_;
    SkipWs();
    if (Literal("]")) return true;
    for (;;) {
      SkipWs();
      out->items.emplace_back();
      if (!Value(&out->items.back(), depth + 1)) return false;
      SkipWs();
      if (Literal("]")) return true;
      if (!Literal(",")) return false;
    }
  }

  bool Object(Json* out, int depth) {
    out->type = Json::kObject;
    ++i_;
    SkipWs();
    if (Literal("}")) return true;
    for (;;) {
      SkipWs();
      std::string key;
      if (i_ >= s_.size() || s_[i_] != '"' || !String(&key)) return false;
      if (out->Get(key) != nullptr) return false;  // repeated key
      SkipWs();
      if (!Literal(":")) return false;
      SkipWs();
      out->members.emplace_back(std::move(key), Json{});
      if (!Value(&out->members.back().second, depth + 1)) return false;
      SkipWs();
      if (Literal("}")) return true;
      if (!Literal(",")) return false;
    }
  }

  bool Hex4(uint32_t* v) {
    if (i_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      *v <<= 4;
      if (c >= '0' && c <= '9') {
        *v |= c - '0';
      } else if (c >= 'a' && c <= 'f') {
        *v |= c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        *v |= c - 'A' + 10;
      } else {
        return false;
      }
    }
    return true;
  }

  static void AppendUtf8(std::string* out, uint32_t cp) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
      out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
  }

  // Copies one raw UTF-8 sequence at i_, checked strictly (no overlong
  // forms, no surrogates, nothing above U+10FFFF).
  bool RawUtf8(std::string* out) {
    const auto b = [&](size_t k) -> uint32_t {
      return i_ + k < s_.size() ? static_cast<unsigned char>(s_[i_ + k]) : 0;
    };
    const uint32_t b0 = b(0);
    size_t n;
    uint32_t cp;
    if (b0 < 0x80) {
      n = 1;
      cp = b0;
    } else if ((b0 & 0xe0) == 0xc0) {
      n = 2;
      cp = b0 & 0x1f;
    } else if ((b0 & 0xf0) == 0xe0) {
      n = 3;
      cp = b0 & 0x0f;
    } else if ((b0 & 0xf8) == 0xf0) {
      n = 4;
      cp = b0 & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k < n; ++k) {
      if ((b(k) & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (b(k) & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    out->append(s_.substr(i_, n));
    i_ += n;
    return true;
  }

  bool String(std::string* out) {
    ++i_;  // opening quote
    out->clear();
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;  // raw control characters are invalid
      if (c != '\\') {
        if (!RawUtf8(out)) return false;
        continue;
      }
      ++i_;
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out->push_back(e);
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xd800 && cp <= 0xdbff) {
            uint32_t lo;
            if (!Literal("\\u") || !Hex4(&lo) || lo < 0xdc00 || lo > 0xdfff) {
              return false;
            }
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          } else if (cp >= 0xdc00 && cp <= 0xdfff) {
            return false;
          }
          AppendUtf8(out, cp);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

bool ParseJson(std::string_view text, Json* out, size_t* error_offset) {
  *out = Json{};
  Parser parser(text);
  if (parser.Document(out)) return true;
  if (error_offset != nullptr) *error_offset = parser.position();
  return false;
}

}  // namespace ttrace
