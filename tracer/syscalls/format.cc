#include "tracer/syscalls/format.h"

#include <cstdio>
#include <cstring>

namespace ttrace {

void AppendUnsigned(std::string* out, uint64_t v) {
  char buf[24];
  char* p = buf + sizeof(buf);
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  out->append(p, buf + sizeof(buf) - p);
}

void AppendSigned(std::string* out, int64_t v) {
  if (v < 0) {
    out->push_back('-');
    AppendUnsigned(out, ~static_cast<uint64_t>(v) + 1);
  } else {
    AppendUnsigned(out, static_cast<uint64_t>(v));
  }
}

void AppendHwAddr(std::string* out, const uint8_t* p, size_t len) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < len; ++i) {
    if (i > 0) out->push_back(':');
    out->push_back(kDigits[p[i] >> 4]);
    out->push_back(kDigits[p[i] & 15]);
  }
}

void AppendQuotedHex(std::string* out, const void* p, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const auto* b = static_cast<const unsigned char*>(p);
  out->push_back('"');
  for (size_t i = 0; i < n; ++i) {
    const char esc[4] = {'\\', 'x', kDigits[b[i] >> 4], kDigits[b[i] & 15]};
    out->append(esc, 4);
  }
  out->push_back('"');
}

void AppendHex(std::string* out, uint64_t v) {
  if (v == 0) {
    out->push_back('0');
    return;
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  char buf[20];
  char* p = buf + sizeof(buf);
  while (v != 0) {
    *--p = kDigits[v & 15];
    v >>= 4;
  }
  *--p = 'x';
  *--p = '0';
  out->append(p, buf + sizeof(buf) - p);
}

void AppendOctal(std::string* out, uint64_t v, int min_digits) {
  char buf[26];
  char* p = buf + sizeof(buf);
  int digits = 0;
  do {
    *--p = static_cast<char>('0' + (v & 7));
    v >>= 3;
    ++digits;
  } while (v != 0);
  while (digits < min_digits) {
    *--p = '0';
    ++digits;
  }
  *--p = '0';
  out->append(p, buf + sizeof(buf) - p);
}

void AppendPtr(std::string* out, uint64_t v) {
  if (v == 0) {
    out->append("NULL");
  } else {
    AppendHex(out, v);
  }
}

void AppendPidTranslation(std::string* out, int64_t ours) {
  out->append(" /* ");
  AppendSigned(out, ours);
  out->append(" in ttrace's PID NS */");
}

namespace {
thread_local XlatStyle current_style = XlatStyle::kAbbrev;
}  // namespace

XlatStyle CurrentXlatStyle() { return current_style; }
ScopedXlatStyle::ScopedXlatStyle(XlatStyle style) : prev_(current_style) {
  current_style = style;
}
ScopedXlatStyle::~ScopedXlatStyle() { current_style = prev_; }

namespace {
RawConst FromBack(const char* p, const char* end) {
  RawConst r;
  r.len = static_cast<size_t>(end - p);
  memcpy(r.buf, p, r.len);
  return r;
}
}  // namespace

RawConst RawConst::Hex(uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  char tmp[20];
  char* const end = tmp + sizeof(tmp);
  char* p = end;
  if (v == 0) {
    *--p = '0';
    return FromBack(p, end);
  }
  while (v != 0) {
    *--p = kDigits[v & 15];
    v >>= 4;
  }
  *--p = 'x';
  *--p = '0';
  return FromBack(p, end);
}

RawConst RawConst::Udec(uint64_t v) {
  char tmp[24];
  char* const end = tmp + sizeof(tmp);
  char* p = end;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  return FromBack(p, end);
}

RawConst RawConst::Dec(int64_t v) {
  if (v >= 0) return Udec(static_cast<uint64_t>(v));
  RawConst r = Udec(~static_cast<uint64_t>(v) + 1);
  memmove(r.buf + 1, r.buf, r.len);
  r.buf[0] = '-';
  ++r.len;
  return r;
}

RawConst RawConst::Oct(uint64_t v, int min_digits) {
  char tmp[28];
  char* const end = tmp + sizeof(tmp);
  char* p = end;
  int digits = 0;
  do {
    *--p = static_cast<char>('0' + (v & 7));
    v >>= 3;
    ++digits;
  } while (v != 0);
  while (digits < min_digits && digits < 24) {
    *--p = '0';
    ++digits;
  }
  *--p = '0';
  return FromBack(p, end);
}

RawConst RawConst::Bytes(const void* p, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  RawConst r;
  if (n > 16) n = 16;
  const auto* b = static_cast<const unsigned char*>(p);
  r.buf[r.len++] = '"';
  for (size_t i = 0; i < n; ++i) {
    r.buf[r.len++] = '\\';
    r.buf[r.len++] = 'x';
    r.buf[r.len++] = kDigits[b[i] >> 4];
    r.buf[r.len++] = kDigits[b[i] & 15];
  }
  r.buf[r.len++] = '"';
  return r;
}

void RestyleConst(std::string* out, size_t mark, const RawConst& raw,
                  bool named) {
  switch (current_style) {
    case XlatStyle::kAbbrev:
      return;
    case XlatStyle::kRaw:
      out->resize(mark);
      out->append(raw.buf, raw.len);
      return;
    case XlatStyle::kVerbose:
      if (!named) return;
      out->insert(mark, " /* ");
      out->insert(mark, raw.buf, raw.len);
      out->append(" */");
      return;
  }
}

void AppendConst(std::string* out, const char* name, const RawConst& raw) {
  if (current_style != XlatStyle::kAbbrev) out->append(raw.buf, raw.len);
  if (current_style == XlatStyle::kRaw) return;
  if (current_style == XlatStyle::kVerbose) out->append(" /* ");
  out->append(name);
  if (current_style == XlatStyle::kVerbose) out->append(" */");
}

namespace {

// printflags' names: "PROT_READ|0x100" or the 0-valued entry's name;
// false (nothing appended) when nothing is named (only unknown bits, or 0
// without a 0-valued entry).
bool AppendFlagNames(std::string* out, uint64_t v, const XlatEntry* tbl,
                     size_t n) {
  if (v == 0) {
    for (size_t i = 0; i < n; ++i) {
      if (tbl[i].value == 0) {
        out->append(tbl[i].name);
        return true;
      }
    }
    return false;
  }
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t f = tbl[i].value;
    if (f != 0 && (v & f) == f) {
      if (any) out->push_back('|');
      out->append(tbl[i].name);
      any = true;
      v &= ~f;
      if (v == 0) return true;
    }
  }
  if (any) {
    out->push_back('|');
    AppendHex(out, v);
  }
  return any;
}

}  // namespace

void AppendFlags(std::string* out, uint64_t v, const XlatEntry* tbl, size_t n,
                 const char* unknown) {
  if (current_style == XlatStyle::kRaw) {
    AppendHex(out, v);
    return;
  }
  if (current_style == XlatStyle::kVerbose) {
    AppendHex(out, v);
    const size_t mark = out->size();
    out->append(" /* ");
    if (AppendFlagNames(out, v, tbl, n)) {
      out->append(" */");
    } else if (v != 0 && unknown != nullptr) {
      out->append(unknown);
      out->append(" */");
    } else {
      out->resize(mark);
    }
    return;
  }
  if (AppendFlagNames(out, v, tbl, n)) return;
  AppendHex(out, v);
  if (v != 0 && unknown != nullptr) {
    out->append(" /* ");
    out->append(unknown);
    out->append(" */");
  }
}

const char* XlatName(uint64_t v, const XlatEntry* tbl, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (tbl[i].value == v) return tbl[i].name;
  }
  return nullptr;
}

bool AppendXval(std::string* out, uint64_t v, const XlatEntry* tbl, size_t n,
                const char* unknown) {
  if (const char* name = XlatName(v, tbl, n)) {
    AppendConst(out, name, RawConst::Hex(v));
    return true;
  }
  if (current_style == XlatStyle::kRaw) {
    AppendHex(out, v);
    return false;
  }
  AppendHex(out, v);
  out->append(" /* ");
  out->append(unknown);
  out->append(" */");
  return false;
}

namespace {

// Whether -x prints the string all in hex: it has a byte that is neither
// printable ASCII nor one of the whitespace escapes.
bool NeedsHex(const char* s, size_t len) {
  for (size_t i = 0; i < len; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c > '~') return true;
    if (c < ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' &&
        c != '\r') {
      return true;
    }
  }
  return false;
}

void AppendHexByte(std::string* out, unsigned char c) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const char e[4] = {'\\', 'x', kDigits[c >> 4], kDigits[c & 15]};
  out->append(e, 4);
}

}  // namespace

bool EscapesAllInHex(const char* s, size_t len, HexStrings hex) {
  return hex == HexStrings::kAll ||
         (hex == HexStrings::kNonAscii && NeedsHex(s, len));
}

void AppendEscaped(std::string* out, const char* s, size_t len, HexStrings hex,
                   const char* extra_escape) {
  if (EscapesAllInHex(s, len, hex)) {
    for (size_t i = 0; i < len; ++i) {
      AppendHexByte(out, static_cast<unsigned char>(s[i]));
    }
    return;
  }
  for (size_t i = 0; i < len; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool extra =
        extra_escape != nullptr && c != 0 && strchr(extra_escape, c) != nullptr;
    if (!extra) {
      switch (c) {
        case '"':
          out->append("\\\"");
          continue;
        case '\\':
          out->append("\\\\");
          continue;
        case '\f':
          out->append("\\f");
          continue;
        case '\n':
          out->append("\\n");
          continue;
        case '\r':
          out->append("\\r");
          continue;
        case '\t':
          out->append("\\t");
          continue;
        case '\v':
          out->append("\\v");
          continue;
        default:
          if (c >= ' ' && c <= '~') {
            out->push_back(static_cast<char>(c));
            continue;
          }
      }
    }
    if (hex == HexStrings::kNonAsciiChars) {
      AppendHexByte(out, c);
      continue;
    }
    // Octal; full three digits if the next byte is an octal digit.
    const bool next_is_octal =
        i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7';
    out->push_back('\\');
    if (next_is_octal || c >= 0100) {
      out->push_back(static_cast<char>('0' + (c >> 6)));
      out->push_back(static_cast<char>('0' + ((c >> 3) & 7)));
    } else if (c >= 010) {
      out->push_back(static_cast<char>('0' + ((c >> 3) & 7)));
    }
    out->push_back(static_cast<char>('0' + (c & 7)));
  }
}

void AppendHexDump(std::string* out, const char* data, size_t len) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t line = 0; line < len; line += 16) {
    if (line > 0) out->push_back('\n');
    char offset[24];  // a size_t in hex: 16 digits at most
    std::snprintf(offset, sizeof offset, "%05zx", line);
    out->append(" | ");
    out->append(offset);
    out->append("  ");
    for (size_t i = 0; i < 16; ++i) {
      if (line + i < len) {
        const auto c = static_cast<unsigned char>(data[line + i]);
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
        out->push_back(' ');
      } else {
        out->append("   ");
      }
      if (i == 7) out->push_back(' ');
    }
    out->push_back(' ');
    for (size_t i = 0; i < 16; ++i) {
      const auto c = line + i < len ? static_cast<unsigned char>(data[line + i])
                                    : static_cast<unsigned char>(' ');
      out->push_back(line + i >= len         ? ' '
                     : c >= 0x20 && c < 0x7f ? static_cast<char>(c)
                                             : '.');
    }
    out->append(" |");
  }
}

}  // namespace ttrace
