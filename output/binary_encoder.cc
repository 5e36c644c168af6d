#include "output/binary_encoder.h"

#include <sys/utsname.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <variant>

namespace ttrace {

using binfmt::ZigZag;

void FillHostInfo(BinaryHeader* header) {
  struct utsname u;
  if (uname(&u) != 0) return;
  header->hostname = u.nodename;
  header->kernel_release = u.release;
  header->arch = u.machine;
}

namespace binary_internal {

// memcpy for the short strings of events. Where GCC can bound a memcpy's
// size (a history holds at most kMaxContextString bytes) it inlines it as
// `rep movsq`, whose start-up cost dominated PutArgs in `perf annotate`
// (a quarter of its samples); overlapping 16/8/4-byte moves do not have it.
[[gnu::always_inline]] inline void CopyBytes(char* dst, const char* src,
                                             size_t n) {
  if (n > 256) {
    std::memcpy(dst, src, n);  // glibc's is faster for long strings
  } else if (n >= 16) {
#ifdef __SSE2__
    // Two overlapping moves of 16, 32 or 64 bytes (below 128 bytes, as
    // most arguments are): no loop whose trip count varies.
    auto move16 = [](char* d, const char* s) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(d),
                       _mm_loadu_si128(reinterpret_cast<const __m128i*>(s)));
    };
    if (n <= 32) {
      move16(dst, src);
      move16(dst + n - 16, src + n - 16);
    } else if (n <= 64) {
      move16(dst, src);
      move16(dst + 16, src + 16);
      move16(dst + n - 32, src + n - 32);
      move16(dst + n - 16, src + n - 16);
    } else {
      for (size_t i = 0; i + 64 < n; i += 64) {
        move16(dst + i, src + i);
        move16(dst + i + 16, src + i + 16);
        move16(dst + i + 32, src + i + 32);
        move16(dst + i + 48, src + i + 48);
      }
      move16(dst + n - 64, src + n - 64);
      move16(dst + n - 48, src + n - 48);
      move16(dst + n - 32, src + n - 32);
      move16(dst + n - 16, src + n - 16);
    }
#else
    std::memcpy(dst, src, n);
#endif
  } else if (n >= 8) {
    uint64_t a, b;
    std::memcpy(&a, src, 8);
    std::memcpy(&b, src + n - 8, 8);
    std::memcpy(dst, &a, 8);
    std::memcpy(dst + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, src, 4);
    std::memcpy(&b, src + n - 4, 4);
    std::memcpy(dst, &a, 4);
    std::memcpy(dst + n - 4, &b, 4);
  } else {
    for (size_t i = 0; i < n; ++i) dst[i] = src[i];
  }
}

// Whether the n bytes at a and b are equal: memcmp without the call, for
// the short strings of events (names, arguments).
inline bool EqualBytes(const char* a, const char* b, size_t n) {
  if (n > 256) return std::memcmp(a, b, n) == 0;
  if (n >= 16) {
#ifdef __SSE2__
    for (size_t i = 0; i + 16 < n; i += 16) {
      const __m128i x =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i));
      const __m128i y =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
      if (_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) != 0xffff) return false;
    }
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + n - 16));
    const __m128i y =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + n - 16));
    return _mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) == 0xffff;
#else
    return std::memcmp(a, b, n) == 0;
#endif
  }
  if (n >= 8) {
    uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 8);
    std::memcpy(&a1, a + n - 8, 8);
    std::memcpy(&b0, b, 8);
    std::memcpy(&b1, b + n - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n >= 4) {
    uint32_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 4);
    std::memcpy(&a1, a + n - 4, 4);
    std::memcpy(&b0, b, 4);
    std::memcpy(&b1, b + n - 4, 4);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// binfmt::PutVarint with the one- and two-byte cases (most fields: flags,
// lengths, small deltas) written without its loop.
inline char* PutVarint(char* p, uint64_t v) {
  if (v < 0x80) {
    *p = static_cast<char>(v);
    return p + 1;
  }
  if (v < 0x4000) {
    p[0] = static_cast<char>(v | 0x80);
    p[1] = static_cast<char>(v >> 7);
    return p + 2;
  }
  return binfmt::PutVarint(p, v);
}

// A growable byte buffer: assigning copies bytes, allocating only when it
// must grow (std::string::assign does more work per call).
class Buf {
 public:
  Buf() = default;
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;
  ~Buf() {
    if (data_ != nullptr) std::free(data_);  // most never allocate
  }
  void Assign(std::string_view s) {
    if (s.size() > cap_) Grow(s.size());
    CopyBytes(data_, s.data(), s.size());
    size_ = s.size();
  }
  void Clear() { size_ = 0; }
  void Swap(Buf& o) {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(cap_, o.cap_);
  }
  std::string_view view() const { return std::string_view(data_, size_); }
  size_t size() const { return size_; }
  const char* data() const { return data_; }

 private:
  void Grow(size_t n) {
    cap_ = std::max<size_t>({n, 2 * cap_, 32});
    std::free(data_);
    data_ = static_cast<char*>(std::malloc(cap_));
    if (data_ == nullptr) throw std::bad_alloc();
  }
  char* data_ = nullptr;
  size_t size_ = 0;
  size_t cap_ = 0;
};

}  // namespace binary_internal

namespace {

using binary_internal::Buf;
using binary_internal::CopyBytes;
using binary_internal::EqualBytes;
using binary_internal::PutVarint;

// Room before a record body for its type and length varints.
constexpr size_t kHeadroom = 16;
// Bytes a string field can take beyond the string itself.
constexpr size_t kStringOverhead = 3 * binfmt::kMaxVarintLength;
// Bytes everything but the strings of any event record can take.
constexpr size_t kFixedBound = 256;

constexpr uint32_t kSlotBits = 12;
static_assert((1u << kSlotBits) == binfmt::kEncoderSlots);

// A cheap hash of a few sampled bytes (first, middle and last eight) and
// the length: O(1) whatever the length. Collisions only cost a cache miss:
// a hit is always confirmed by comparing the whole string.
inline uint32_t SlotOf(std::string_view s) {
  const size_t n = s.size();
  uint64_t h = n * 0x9E3779B97F4A7C15ull;
  if (n >= 8) {
    uint64_t a, b, c;
    std::memcpy(&a, s.data(), 8);
    std::memcpy(&b, s.data() + n - 8, 8);
    std::memcpy(&c, s.data() + (n - 8) / 2, 8);
    h ^= a ^ (b * 0xC2B2AE3D27D4EB4Full) ^ (c * 0x165667B19E3779F9ull);
  } else {
    uint64_t a = 0;
    std::memcpy(&a, s.data(), n);
    h ^= a;
  }
  h *= 0xFF51AFD7ED558CCDull;
  return static_cast<uint32_t>(h >> (64 - kSlotBits));
}

inline bool Same(std::string_view a, const Buf& b) {
  return a.size() == b.size() && EqualBytes(a.data(), b.data(), a.size());
}

}  // namespace

// The last two distinct values of a string field of a syscall context
// (h[0] the latest). Values longer than kMaxContextString are kept as "".
struct BinaryEncoder::History {
  Buf h[2];

  void Update(std::string_view s) {
    if (s.size() <= binfmt::kMaxContextString ? !Same(s, h[0])
                                              : h[0].size() != 0) {
      Push(s);
    }
  }
  // Update, knowing that s differs from h[0].
  void Push(std::string_view s) {
    if (s.size() > binfmt::kMaxContextString) {
      if (h[0].size() == 0) return;  // kept as "", which h[0] already is
      s = {};
    }
    h[0].Swap(h[1]);
    h[0].Assign(s);
  }
};

namespace {

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint32_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
#ifdef __SSE2__
// Bit i set: a[i] != b[i], for the 16 bytes at a and b.
inline unsigned Differ16(const char* a, const char* b) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a));
  const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
  return ~_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) & 0xffff;
}
#endif

// Length of the common prefix of a and b (n = the shorter length), 16
// bytes at a time. The bytes after the last whole step are compared by one
// overlapping step ending at n, not byte by byte (n is at most the length
// of both strings, so the loads stay inside them).
[[gnu::always_inline]] inline size_t CommonPrefix(const char* a, const char* b,
                                                  size_t n) {
#ifdef __SSE2__
  if (n >= 16) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
      const unsigned diff = Differ16(a + i, b + i);
      if (diff != 0) return i + __builtin_ctz(diff);
    }
    if (i == n) return n;
    // Bytes n - 16 .. i - 1 were compared already.
    const unsigned diff = Differ16(a + n - 16, b + n - 16) >> (16 - (n - i));
    return diff != 0 ? i + __builtin_ctz(diff) : n;
  }
  if (n >= 8) {
    const uint64_t x = Load64(a) ^ Load64(b);
    if (x != 0) return __builtin_ctzll(x) >> 3;
    // The last n - 8 bytes: drop the 16 - n bytes compared already (two
    // shifts: 64 bits when n is 8).
    const uint64_t y =
        ((Load64(a + n - 8) ^ Load64(b + n - 8)) >> (8 * (15 - n))) >> 8;
    return y != 0 ? 8 + (__builtin_ctzll(y) >> 3) : n;
  }
  if (n >= 4) {
    const uint32_t x = Load32(a) ^ Load32(b);
    if (x != 0) return __builtin_ctz(x) >> 3;
    const uint32_t y =
        ((Load32(a + n - 4) ^ Load32(b + n - 4)) >> (8 * (7 - n))) >> 8;
    return y != 0 ? 4 + (__builtin_ctz(y) >> 3) : n;
  }
#endif
  size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// Length of the common suffix of the n bytes ending at a_end and b_end
// (n at most the length of both strings), as CommonPrefix from the end.
[[gnu::always_inline]] inline size_t CommonSuffix(const char* a_end,
                                                  const char* b_end, size_t n) {
#ifdef __SSE2__
  if (n >= 16) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
      const unsigned diff = Differ16(a_end - i - 16, b_end - i - 16);
      // Bit 15 is the last byte: count equal bytes from the end.
      if (diff != 0) return i + (__builtin_clz(diff) - 16);
    }
    if (i == n) return n;
    // The 16 bytes starting n before the end: their low n - i are new.
    const size_t r = n - i;
    const unsigned diff = Differ16(a_end - n, b_end - n) & ((1u << r) - 1);
    return diff != 0 ? i + (r - 1 - (31 - __builtin_clz(diff))) : n;
  }
  if (n >= 8) {
    // Little-endian: the last byte in memory is the most significant.
    const uint64_t x = Load64(a_end - 8) ^ Load64(b_end - 8);
    if (x != 0) return __builtin_clzll(x) >> 3;
    // The 8 bytes starting n before the end: their low n - 8 are new.
    const uint64_t y =
        ((Load64(a_end - n) ^ Load64(b_end - n)) << (8 * (15 - n))) << 8;
    return y != 0 ? 8 + (__builtin_clzll(y) >> 3) : n;
  }
  if (n >= 4) {
    const uint32_t x = Load32(a_end - 4) ^ Load32(b_end - 4);
    if (x != 0) return __builtin_clz(x) >> 3;
    const uint32_t y =
        ((Load32(a_end - n) ^ Load32(b_end - n)) << (8 * (7 - n))) << 8;
    return y != 0 ? 4 + (__builtin_clz(y) >> 3) : n;
  }
#endif
  size_t i = 0;
  while (i < n && a_end[-1 - static_cast<ptrdiff_t>(i)] ==
                      b_end[-1 - static_cast<ptrdiff_t>(i)]) {
    ++i;
  }
  return i;
}

// Bit i set: a[i] != b[i], for 6 raw arguments. No branch per argument
// (which ones change is unpredictable).
inline uint64_t ChangedArgs(const uint64_t* a, const uint64_t* b) {
#ifdef __SSE2__
  uint64_t equal = 0;
  for (int i = 0; i < 6; i += 2) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i));
    const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    // 64-bit lanes are equal when both of their 32-bit halves are.
    const __m128i e = _mm_cmpeq_epi32(x, y);
    const __m128i e64 = _mm_and_si128(e, _mm_shuffle_epi32(e, 0xb1));
    equal |= static_cast<uint64_t>(_mm_movemask_pd(_mm_castsi128_pd(e64))) << i;
  }
  return ~equal & 0x3f;
#else
  uint64_t mask = 0;
  for (int i = 0; i < 6; ++i) {
    mask |= static_cast<uint64_t>(a[i] != b[i]) << i;
  }
  return mask;
#endif
}

template <typename T>
const T& Get(const EventPayload& p) {
  return *std::get_if<T>(&p);
}

}  // namespace

struct BinaryEncoder::Slot {
  Buf s;
  uint64_t used_event = ~uint64_t{0};  // last event that referenced it
  bool has = false;                    // s holds a string (at least seen once)
  bool defined = false;                // the stream defined the slot as s
};

struct BinaryEncoder::Context {
  History name;
  History args_enter;
  History args_exit;
  History stack;
  uint64_t args[6] = {};
  uint64_t ip = 0;
  uint8_t nargs = 6;
  bool captured = false;  // the last record's SyscallEvent::captured
};

BinaryEncoder::BinaryEncoder(ByteSink* out, const BinaryHeader& header,
                             BinaryEncoderOptions options)
    : out_(out),
      options_(options),
      slots_(new Slot[binfmt::kEncoderSlots]),
      contexts_(new Context[binfmt::kSyscallContexts]) {
  buf_size_ = 4096;
  buf_.reset(new char[buf_size_]);

  std::string body;
  char tmp[binfmt::kMaxVarintLength];
  auto varint = [&](uint64_t v) { body.append(tmp, PutVarint(tmp, v) - tmp); };
  auto str = [&](std::string_view s) {
    s = s.substr(0, binfmt::kMaxHeaderLength / 16);  // keep the header sane
    varint(s.size());
    body.append(s);
  };
  varint(ZigZag(header.monotonic_start_ns));
  varint(ZigZag(header.wall_start_ns));
  str(header.hostname);
  str(header.kernel_release);
  str(header.arch);
  str(header.ttrace_version);
  size_t argc = header.command_line.size();
  // The header must stay below kMaxHeaderLength: drop trailing arguments
  // that do not fit (never happens with a real command line).
  size_t room = binfmt::kMaxHeaderLength - body.size() - 2 * 10;
  size_t fit = 0;
  for (; fit < argc; ++fit) {
    const size_t need =
        std::min(header.command_line[fit].size(),
                 static_cast<size_t>(binfmt::kMaxHeaderLength / 16)) +
        binfmt::kMaxVarintLength;
    if (need > room) break;
    room -= need;
  }
  varint(fit);
  for (size_t i = 0; i < fit; ++i) str(header.command_line[i]);
  if (header.capture) {
    const BinaryHeader::CaptureSettings& c = *header.capture;
    varint(binfmt::kHeaderCapture);
    varint(std::min(c.string_limit, binfmt::kMaxCaptureStringLimit));
    varint((c.verbose ? binfmt::kCaptureVerbose : 0) |
           (uint64_t{c.hex_strings & 3u} << binfmt::kCaptureHexShift) |
           (uint64_t{c.xlat_style & 3u} << binfmt::kCaptureXlatShift));
  }

  std::string file(binfmt::kMagic, binfmt::kMagicSize);
  file.append(tmp, PutVarint(tmp, binfmt::kVersion) - tmp);
  file.append(tmp, PutVarint(tmp, body.size()) - tmp);
  file.append(body);
  out_->Append(file);
}

BinaryEncoder::~BinaryEncoder() = default;

absl::Status BinaryEncoder::Flush() { return out_->Flush(); }

absl::Status BinaryEncoder::Finish() {
  if (!finished_) {
    finished_ = true;
    char* p = BodyStart(16 * binfmt::kMaxVarintLength);
    p = PutVarint(p, events_);
    p = PutVarint(p, binfmt::kEventKinds);
    for (uint64_t n : kind_counts_) p = PutVarint(p, n);
    Emit(binfmt::kRecordEnd, p);
  }
  return out_->Flush();
}

[[gnu::always_inline]] inline char* BinaryEncoder::BodyStart(size_t n) {
  if (kHeadroom + n > buf_size_) {
    buf_size_ = std::max(kHeadroom + n, 2 * buf_size_);
    buf_.reset(new char[buf_size_]);
  }
  return buf_.get() + kHeadroom;
}

[[gnu::always_inline]] inline void BinaryEncoder::Emit(uint64_t type,
                                                       char* end) {
  // Type and length go right before the body, in the headroom.
  char* body = buf_.get() + kHeadroom;
  const uint64_t len = static_cast<uint64_t>(end - body);
  char* start;
  if (type < 0x80 && len < 0x4000) {  // all records but huge ones
    if (len < 0x80) {
      start = body - 2;
      start[1] = static_cast<char>(len);
    } else {
      start = body - 3;
      start[1] = static_cast<char>(len | 0x80);
      start[2] = static_cast<char>(len >> 7);
    }
    start[0] = static_cast<char>(type);
  } else {
    start = body - binfmt::VarintLength(len) - binfmt::VarintLength(type);
    PutVarint(PutVarint(start, type), len);
  }
  out_->Append(std::string_view(start, static_cast<size_t>(end - start)));
}

void BinaryEncoder::DefineSlot(uint32_t slot, std::string_view s) {
  slot_record_.clear();
  char tmp[2 * binfmt::kMaxVarintLength];
  char* h = PutVarint(tmp, binfmt::kRecordString);
  h = PutVarint(h, binfmt::VarintLength(slot) + s.size());
  h = PutVarint(h, slot);
  slot_record_.append(tmp, h - tmp);
  slot_record_.append(s.data(), s.size());
  out_->Append(slot_record_);
}

char* BinaryEncoder::PutInterned(char* p, std::string_view s) {
  if (s.empty()) {
    *p++ = static_cast<char>(binfmt::kStrLiteral);
    return p;
  }
  if (s.size() <= binfmt::kEncoderMaxInterned) {
    const uint32_t k = SlotOf(s);
    Slot& slot = slots_[k];
    if (slot.has && Same(s, slot.s)) {
      // Seen before: define it (second sight) unless this very event already
      // references the slot's previous definition, then refer to it.
      if (slot.defined || slot.used_event != events_) {
        if (!slot.defined) {
          DefineSlot(k, s);
          slot.defined = true;
        }
        slot.used_event = events_;
        return PutVarint(p, (uint64_t{k} << 2) | binfmt::kStrSlot);
      }
    } else {
      // First sight: remember it, send it literally. Overwriting a slot
      // the stream defined is fine: the reader keeps the old definition
      // (which this event may reference) until a new one is written.
      slot.s.Assign(s);
      slot.has = true;
      slot.defined = false;
    }
  }
  p = PutVarint(p, (uint64_t{s.size()} << 2) | binfmt::kStrLiteral);
  CopyBytes(p, s.data(), s.size());
  return p + s.size();
}

[[gnu::always_inline]] inline char* BinaryEncoder::PutArgs(char* p,
                                                           std::string_view s,
                                                           History* hist) {
  if (!options_.delta_args) {  // literal; the contexts stay empty
    p = PutVarint(p, (uint64_t{s.size()} << 2) | binfmt::kStrLiteral);
    CopyBytes(p, s.data(), s.size());
    return p + s.size();
  }
  const char* end = s.data() + s.size();
  const Buf& h0 = hist->h[0];
  const size_t n0 = std::min(s.size(), h0.size());
  const size_t p0 = n0 == 0 ? 0 : CommonPrefix(s.data(), h0.data(), n0);
  if (p0 == n0 && s.size() == h0.size()) {  // the usual case
    *p++ = static_cast<char>(binfmt::kStrSame);
    return p;
  }
  const size_t s0 =
      n0 == 0 ? 0 : CommonSuffix(end, h0.data() + h0.size(), n0 - p0);
  size_t prefix = p0;
  size_t suffix = s0;
  bool second = false;
  // Unless the latest value already gives a short delta, try the one
  // before it (calls alternating between two shapes).
  if (s.size() - p0 - s0 > 8) {
    const Buf& h1 = hist->h[1];
    const size_t n1 = std::min(s.size(), h1.size());
    const size_t p1 = n1 == 0 ? 0 : CommonPrefix(s.data(), h1.data(), n1);
    if (p1 == n1 && s.size() == h1.size()) {
      *p++ = static_cast<char>((1 << 2) | binfmt::kStrSame);
      hist->Push(s);
      return p;
    }
    const size_t s1 =
        n1 == 0 ? 0 : CommonSuffix(end, h1.data() + h1.size(), n1 - p1);
    if (p1 + s1 > p0 + s0) {
      prefix = p1;
      suffix = s1;
      second = true;
    }
  }
  if (prefix + suffix >= 4) {
    const size_t mid = s.size() - prefix - suffix;
    p = PutVarint(p, (((uint64_t{prefix} << 1) | (second ? 1 : 0)) << 2) |
                         binfmt::kStrDelta);
    p = PutVarint(p, suffix);
    p = PutVarint(p, mid);
    CopyBytes(p, s.data() + prefix, mid);
    p += mid;
  } else {
    p = PutVarint(p, (uint64_t{s.size()} << 2) | binfmt::kStrLiteral);
    CopyBytes(p, s.data(), s.size());
    p += s.size();
  }
  hist->Push(s);
  return p;
}

[[gnu::always_inline]] inline char* BinaryEncoder::PutAppended(
    char* p, uint64_t ip, std::string_view stack, std::string_view dump,
    uint64_t marks, int64_t cpu_ns, Context* ctx) {
  if (ip == 0 && stack.empty() && dump.empty() && marks == 0 && cpu_ns < 0) {
    return p;
  }
  p = PutVarint(p, (ip != 0 ? binfmt::kSysExtIp : 0) |
                       (stack.empty() ? 0 : binfmt::kSysExtStack) |
                       (dump.empty() ? 0 : binfmt::kSysExtDump) |
                       (cpu_ns < 0 ? 0 : binfmt::kSysExtCpu) | marks);
  if (ip != 0) {
    p = PutVarint(p, ZigZag(static_cast<int64_t>(ip - ctx->ip)));
    ctx->ip = ip;
  }
  if (!stack.empty()) p = PutArgs(p, stack, &ctx->stack);
  if (!dump.empty()) p = PutLiteral(p, dump);
  if (cpu_ns >= 0) p = PutVarint(p, ZigZag(cpu_ns));
  return p;
}

char* BinaryEncoder::PutLiteral(char* p, std::string_view s) {
  p = PutVarint(p, (uint64_t{s.size()} << 2) | binfmt::kStrLiteral);
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

[[gnu::always_inline]] inline char* BinaryEncoder::PutHeader(
    char* p, const Event& event) {
  const uint64_t ts = static_cast<uint64_t>(event.ts_ns);
  const uint64_t delta = ts - prev_ts_;
  prev_ts_ = ts;
  uint64_t flags = 0;
  uint64_t rare = 0;
  uint64_t h = 0;
  if (delta < (uint64_t{1} << (64 - binfmt::kFlagBits))) {
    h = delta << binfmt::kFlagBits;
  } else {
    rare |= binfmt::kRareBigTs;
  }
  if (event.seq != next_seq_) rare |= binfmt::kRareSeq;
  if (event.tid != prev_tid_) flags |= binfmt::kFlagTid;
  if (event.pid != prev_pid_) flags |= binfmt::kFlagPid;
  if (rare != 0) flags |= binfmt::kFlagRare;
  p = PutVarint(p, h | flags);
  if (flags != 0) {
    if (rare != 0) {
      p = PutVarint(p, rare);
      if (rare & binfmt::kRareBigTs) {
        p = PutVarint(p, ZigZag(static_cast<int64_t>(delta)));
      }
      if (rare & binfmt::kRareSeq) {
        p = PutVarint(p, ZigZag(static_cast<int64_t>(event.seq - next_seq_)));
      }
    }
    if (flags & binfmt::kFlagTid) {
      p = PutVarint(p, ZigZag(int64_t{event.tid} - prev_tid_));
    }
    if (flags & binfmt::kFlagPid) {
      p = PutVarint(p, ZigZag(int64_t{event.tid} - event.pid));
    }
  }
  next_seq_ = event.seq + 1;
  prev_tid_ = event.tid;
  prev_pid_ = event.pid;
  return p;
}

[[gnu::always_inline]] inline char* BinaryEncoder::PutSyscallId(
    char* p, int32_t nr, uint32_t arch, const std::string& name,
    Context** ctx) {
  const uint32_t index =
      (static_cast<uint32_t>(nr) + (arch == kArchX86_64 ? 0 : 512)) &
      (binfmt::kSyscallContexts - 1);
  Context& c = contexts_[index];
  *ctx = &c;
  const bool explicit_arch = arch != kArchX86_64;
  const bool explicit_name = !Same(name, c.name.h[0]);
  p = PutVarint(p, (uint64_t{static_cast<uint32_t>(nr)} << 2) |
                       (explicit_arch ? 1 : 0) | (explicit_name ? 2 : 0));
  if (explicit_arch) p = PutVarint(p, arch);
  if (explicit_name) {
    p = PutInterned(p, name);
    c.name.Update(name);
  }
  return p;
}

void BinaryEncoder::OnEvent(const Event& event) {
  if (finished_) return;
  const size_t kind = event.payload.index();
  // Bound the body size first (strings are the only unbounded part).
  size_t bound = kFixedBound;
  switch (kind) {
    case 0: {
      const auto& p = Get<SpawnEvent>(event.payload);
      bound += p.path.size() + kStringOverhead;
      size_t decoded = p.path.size();
      for (const std::string& a : p.argv) {
        bound += a.size() + kStringOverhead;
        decoded += a.size() + binfmt::kArgumentCost;
      }
      if (decoded > binfmt::kMaxEventStringBytes) {
        EncodeOversized(event);
        return;
      }
      break;
    }
    case 4:
      bound += Get<ExecEvent>(event.payload).path.size() + kStringOverhead;
      break;
    case 5:
      bound += Get<SignalEvent>(event.payload).stack.size() + kStringOverhead;
      break;
    case 6:
      bound += Get<StopEvent>(event.payload).stack.size() + kStringOverhead;
      break;
    case 8:
      bound += Get<ExitEvent>(event.payload).comm.size() + kStringOverhead;
      break;
    case 9: {
      const auto& p = Get<SyscallEnterEvent>(event.payload);
      bound += p.name.size() + p.args_enter.size() + 2 * kStringOverhead;
      break;
    }
    case 10: {
      const auto& p = Get<SyscallEvent>(event.payload);
      bound += p.name.size() + p.args_enter.size() + p.args_exit.size() +
               p.ret_suffix.size() + p.stack.size() + p.dump.size() +
               6 * kStringOverhead;
      break;
    }
    default:
      break;
  }
  if (bound > binfmt::kMaxRecordLength) {
    EncodeOversized(event);
    return;
  }

  char* p = PutHeader(BodyStart(bound), event);
  switch (kind) {
    case 0: {  // spawn
      const auto& s = Get<SpawnEvent>(event.payload);
      p = PutInterned(p, s.path);
      p = PutVarint(p, s.argv.size());
      for (const std::string& a : s.argv) p = PutInterned(p, a);
      break;
    }
    case 1:  // attach
    case 2:  // detach
    case 7:  // cont
      break;
    case 3: {  // clone
      const auto& c = Get<CloneEvent>(event.payload);
      p = PutVarint(p, static_cast<uint64_t>(c.kind));
      p = PutVarint(p, ZigZag(int64_t{c.child} - event.tid));
      break;
    }
    case 4: {  // exec
      const auto& e = Get<ExecEvent>(event.payload);
      p = PutInterned(p, e.path);
      p = PutVarint(p, ZigZag(int64_t{e.old_tid} - event.tid));
      break;
    }
    case 5: {  // signal
      const auto& s = Get<SignalEvent>(event.payload);
      p = PutVarint(
          p, (s.from_pid ? 1 : 0) | (s.from_uid ? 2 : 0) | (s.addr ? 4 : 0));
      p = PutVarint(p, ZigZag(s.signo));
      p = PutVarint(p, ZigZag(s.code));
      if (s.from_pid)
        p = PutVarint(p, ZigZag(int64_t{*s.from_pid} - event.pid));
      if (s.from_uid) p = PutVarint(p, *s.from_uid);
      if (s.addr) p = PutVarint(p, *s.addr);
      // Appended fields (readers of the first layout skip them).
      const uint64_t ext =
          (s.child ? binfmt::kSignalExtChild : 0) |
          (s.ip != 0 ? binfmt::kSignalExtIp : 0) |
          (s.stack.empty() ? 0 : binfmt::kSignalExtStack) |
          (s.value ? binfmt::kSignalExtValue : 0) |
          (s.timer ? binfmt::kSignalExtTimer : 0) |
          (s.error != 0 ? binfmt::kSignalExtErrno : 0) |
          (s.poll ? binfmt::kSignalExtPoll : 0) |
          (s.sys ? binfmt::kSignalExtSys : 0) |
          (s.poll && !s.poll->fd_info.empty() ? binfmt::kSignalExtFdInfo : 0);
      if (ext != 0) p = PutVarint(p, ext);
      if (s.child) {
        p = PutVarint(p, ZigZag(s.child->status));
        p = PutVarint(p, ZigZag(s.child->utime));
        p = PutVarint(p, ZigZag(s.child->stime));
      }
      if (s.ip != 0) p = PutVarint(p, s.ip);
      if (!s.stack.empty()) p = PutLiteral(p, s.stack);
      if (s.value) p = PutVarint(p, *s.value);
      if (s.timer) {
        p = PutVarint(p, ZigZag(s.timer->id));
        p = PutVarint(p, ZigZag(s.timer->overrun));
      }
      if (s.error != 0) p = PutVarint(p, ZigZag(s.error));
      if (s.poll) {
        p = PutVarint(p, ZigZag(s.poll->band));
        p = PutVarint(p, ZigZag(s.poll->fd));
      }
      if (s.sys) {
        p = PutVarint(p, s.sys->call_addr);
        p = PutVarint(p, ZigZag(s.sys->nr));
        p = PutVarint(p, s.sys->arch);
        p = PutVarint(p, s.sys->personality);
      }
      if (s.poll && !s.poll->fd_info.empty()) {
        p = PutLiteral(p, s.poll->fd_info);
      }
      break;
    }
    case 6: {  // stop
      const auto& s = Get<StopEvent>(event.payload);
      p = PutVarint(p, ZigZag(s.signo));
      if (!s.stack.empty()) {  // appended
        p = PutVarint(p, binfmt::kStopExtStack);
        p = PutLiteral(p, s.stack);
      }
      break;
    }
    case 8: {  // exit
      const auto& e = Get<ExitEvent>(event.payload);
      p = PutVarint(p, static_cast<uint64_t>(e.how) | (e.core ? 4 : 0));
      p = PutVarint(p, ZigZag(e.code));
      p = PutVarint(p, ZigZag(e.signo));
      p = PutVarint(p, ZigZag(int64_t{e.superseded_by} - event.tid));
      p = PutInterned(p, e.comm);
      break;
    }
    case 9: {  // syscall_enter
      const auto& s = Get<SyscallEnterEvent>(event.payload);
      Context* ctx;
      p = PutSyscallId(p, s.nr, s.arch, s.name, &ctx);
      p = PutArgs(p, s.args_enter, &ctx->args_enter);
      p = PutAppended(p, s.ip, {}, {}, 0, -1, ctx);
      break;
    }
    case 10: {  // syscall
      const auto& s = Get<SyscallEvent>(event.payload);
      Context* ctx;
      p = PutSyscallId(p, s.nr, s.arch, s.name, &ctx);
      // Only the arguments the call takes: the other registers hold
      // leftovers that change from call to call.
      const uint8_t nargs = std::min<uint8_t>(s.nargs, 6);
      const uint64_t mask = ChangedArgs(s.raw_args.data(), ctx->args) &
                            ((uint64_t{1} << nargs) - 1);
      const bool new_nargs = nargs != ctx->nargs;
      // Captured or not as the context's last call, usually: a flag only
      // when that changes (a flag always would make this varint 2 bytes).
      const bool toggle = s.captured != ctx->captured;
      ctx->captured = s.captured;
      p = PutVarint(p, mask | (s.returned ? 0 : binfmt::kSysNotReturned) |
                           (new_nargs ? binfmt::kSysNargs : 0) |
                           (s.split ? binfmt::kSysSplit : 0) |
                           (static_cast<uint64_t>(s.ret_format)
                            << binfmt::kSysRetFormatShift) |
                           (s.ret_suffix.empty() ? 0 : binfmt::kSysRetSuffix) |
                           (s.injected ? binfmt::kSysInjected : 0) |
                           (toggle ? binfmt::kSysCaptured : 0));
      if (new_nargs) {
        *p++ = static_cast<char>(nargs);
        ctx->nargs = nargs;
      }
      for (uint64_t m = mask; m != 0; m &= m - 1) {
        const int i = __builtin_ctzll(m);
        p = PutVarint(
            p, ZigZag(static_cast<int64_t>(s.raw_args[i] - ctx->args[i])));
        ctx->args[i] = s.raw_args[i];
      }
      p = PutArgs(p, s.args_enter, &ctx->args_enter);
      p = PutArgs(p, s.args_exit, &ctx->args_exit);
      p = PutVarint(p, ZigZag(s.ret));
      p = PutVarint(p, ZigZag(s.dur_ns));
      if (!s.ret_suffix.empty()) p = PutInterned(p, s.ret_suffix);
      p = PutAppended(p, s.ip, s.stack, s.dump,
                      (s.detached ? binfmt::kSysExtDetached : 0) |
                          (s.delayed ? binfmt::kSysExtDelayed : 0) |
                          (s.injected_args ? binfmt::kSysExtPoked : 0),
                      s.cpu_ns, ctx);
      break;
    }
  }
  Emit(binfmt::kRecordFirstEvent + kind, p);
  ++events_;
  ++kind_counts_[kind];
}

// An event whose strings would not fit in one record (a command line of
// more than 16 MiB): cuts every string to a share of the limit. The only
// case where the binary stream does not carry an event exactly.
void BinaryEncoder::EncodeOversized(const Event& event) {
  Event copy = event;
  size_t strings = 0;
  auto count = [&](std::string&) { ++strings; };
  auto visit = [&](auto&& f) {
    std::visit(
        [&](auto& p) {
          using T = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<T, SpawnEvent>) {
            f(p.path);
            for (std::string& a : p.argv) f(a);
          } else if constexpr (std::is_same_v<T, ExecEvent>) {
            f(p.path);
          } else if constexpr (std::is_same_v<T, ExitEvent>) {
            f(p.comm);
          } else if constexpr (std::is_same_v<T, SignalEvent> ||
                               std::is_same_v<T, StopEvent>) {
            f(p.stack);
          } else if constexpr (std::is_same_v<T, SyscallEnterEvent>) {
            f(p.name);
            f(p.args_enter);
          } else if constexpr (std::is_same_v<T, SyscallEvent>) {
            f(p.name);
            f(p.args_enter);
            f(p.args_exit);
            f(p.ret_suffix);
            f(p.stack);
            f(p.dump);
          }
        },
        copy.payload);
  };
  visit(count);
  if (auto* spawn = std::get_if<SpawnEvent>(&copy.payload)) {
    // Every argument costs at least its overhead: keep what fits.
    const size_t max_args =
        (binfmt::kMaxRecordLength - 2 * kFixedBound) / (2 * kStringOverhead);
    if (spawn->argv.size() > max_args) spawn->argv.resize(max_args);
    strings = spawn->argv.size() + 1;
  }
  const size_t share =
      (binfmt::kMaxRecordLength - 2 * kFixedBound) / (strings + 1) -
      kStringOverhead;
  visit([&](std::string& s) {
    if (s.size() > share) s.resize(share);
  });
  OnEvent(copy);
}

}  // namespace ttrace
