#!/usr/bin/python3
"""Writes small hand-made binary traces into DIR, one per case: the corners
of docs/binary-format.md that recordings of real processes rarely reach
(big and negative deltas, seq, other archs, every string mode, every flag,
the limits, invalid values). ttr_reader_test.sh decodes each with ttrace and
with ttr_reader.py and compares. Usage: ttr_reader_synth.py DIR"""

import os
import sys

MAGIC = b"\x89TTR\r\n\x1a\n"
M64 = (1 << 64) - 1


def uv(v):
    out = bytearray()
    while True:
        b, v = v & 0x7F, v >> 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def sv(n):
    return uv(((n << 1) ^ (n >> 63)) & M64)


def by(b):
    return uv(len(b)) + b


def lit(b):  # a literal string field
    return uv(len(b) << 2) + b


def slot(n):
    return uv(n << 2 | 1)


def same(a):
    return uv(a << 2 | 3)


def delta(r, prefix, suffix, mid):
    return uv(((prefix << 1) | r) << 2 | 2) + uv(suffix) + by(mid)


def rec(t, body):
    return uv(t) + uv(len(body)) + body


def header(extra=b""):
    body = (sv(1000) + sv(1795717816000000000) + by(b"host") + by(b"6.1.0")
            + by(b"x86_64") + by(b"ttrace 0.1.0") + uv(2) + by(b"ttrace")
            + by(b"-f") + extra)
    return MAGIC + uv(1) + uv(len(body)) + body


def evh(ts_delta=1, dtid=None, dpid=None, rare=None):
    flags = (1 if dtid is not None else 0) | (2 if dpid is not None else 0)
    h = uv((ts_delta << 3 if rare is None else 0) | flags
           | (4 if rare is not None else 0))
    if rare is not None:
        h += rare
    if dtid is not None:
        h += sv(dtid)
    if dpid is not None:
        h += sv(dpid)
    return h


class Trace:
    def __init__(self, hdr=None):
        self.out = bytearray(header() if hdr is None else hdr)
        self.counts = [0] * 11

    def ev(self, t, body):
        self.out += rec(t, body)
        self.counts[t - 16] += 1
        return self

    def raw(self, b):
        self.out += b
        return self

    def end(self, counts=None):
        c = self.counts if counts is None else counts
        self.out += rec(1, uv(sum(c)) + uv(len(c)) + b"".join(map(uv, c)))
        return bytes(self.out)


def syscall(idb, f, raw, enter, exit_, ret, dur, rest=b"", nargs=None):
    # nargs: the argument count after the flags (f must have 0x1000).
    return idb + uv(f) + (b"" if nargs is None else uv(nargs)) \
        + b"".join(sv(d) for d in raw) + enter + exit_ + sv(ret) + sv(dur) \
        + rest


def cases():
    c = {}
    first = evh(5, 1234, 0)

    # -- valid streams
    t = Trace()
    t.ev(16, first + lit(b"/bin/x") + uv(3) + lit(b"x") + lit(b"\xe9\xc3\xa9")
         + lit(b"q\"\\\x01\x1b\x7f/\n\t"))
    t.raw(rec(2, uv(7) + b"/usr/lib/libc.so.6"))
    t.ev(20, evh(10) + slot(7) + sv(0))
    t.ev(19, evh(1) + uv(0) + sv(1)).ev(19, evh(1) + uv(1) + sv(5))
    t.ev(19, evh(1) + uv(2) + sv(-1234 + 1))
    t.ev(17, evh(1, 1)).ev(18, evh(1, -1)).ev(22, evh(1) + sv(19))
    t.ev(23, evh(0)).ev(17, evh(0, 7, 7))  # another thread group
    t.ev(22, evh(1) + sv(20) + uv(1 | 2) + lit(b"frame1\nframe2"))
    t.ev(24, evh(1) + uv(0) + sv(3) + sv(0) + sv(0) + lit(b"comm"))
    t.ev(24, evh(1) + uv(1 | 4) + sv(0) + sv(11) + sv(0) + same(0))
    t.ev(24, evh(1) + uv(2) + sv(0) + sv(0) + sv(3) + lit(b""))
    c["kinds"] = t.end()

    t = Trace()
    t.ev(17, first)
    t.ev(17, evh(rare=uv(2) + sv(-10)))                   # ts backwards
    t.ev(17, evh(rare=uv(2) + sv(1 << 62)))
    t.ev(17, evh(rare=uv(2) + sv(1 << 62)))               # wraps past 2^63
    t.ev(17, evh(rare=uv(1 | 2) + sv(5) + sv(-3)))        # seq
    t.ev(17, evh(1, 1 << 31, 0))                          # tid wraps
    t.ev(17, evh(1, -(1 << 32) - 5, 1 << 33))
    t.ev(17, evh(1 << 60))                                # big h delta
    c["header"] = t.end()

    t = Trace()
    for signo in list(range(-1, 70)) + [1 << 30, -(1 << 31)]:
        for code in (-61, -60, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4,
                     5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 0x7F, 0x80, 0x81):
            t.ev(21, (first if t.counts[5] == 0 else evh(1))
                 + uv(0) + sv(signo) + sv(code))
    c["signal-names"] = t.end()

    t = Trace().ev(16, first + lit(b"p") + uv(0))
    for e in list(range(0, 140)) + list(range(500, 540)) + [4094, 4095,
                                                             4096, 1 << 40]:
        t.ev(26, evh(1) + syscall(uv(39 << 2 | 2) + lit(b"getpid"), 0, [],
                                  lit(b""), lit(b""), -e, 1))
    c["errno-names"] = t.end()

    t = Trace().ev(16, first + lit(b"p") + uv(0))
    full = (uv(7) + sv(17) + sv(1) + sv(5) + uv(0) + uv(M64)
            + uv(1 | 2 | 4 | 8 | 16) + sv(2) + sv(-3) + sv(4) + uv(0x401000)
            + lit(b"a\nb") + uv(1 << 40) + sv(-7) + sv(8))
    t.ev(21, evh(1) + full)
    t.ev(21, evh(1) + full + b"\x00\x01\x02")             # trailing bytes
    t.ev(21, evh(1) + uv(2) + sv(10) + sv(-1) + uv(1 << 32 - 1))
    t.ev(21, evh(1) + uv(0) + sv(14) + sv(-2) + uv(2 | 8 | 16 | 512) + uv(0)
         + uv(0) + sv(3) + sv(0) + b"\x99\x88")               # ip 0, unknown x
    t.ev(21, evh(1) + uv(0) + sv(31) + sv(1) + uv(32 | 64 | 128) + sv(7)
         + sv(-5) + sv(4) + uv(0x401000) + sv(110) + uv(0xC000003E)
         + uv(0xC000003E))                        # si_errno, band/fd, SIGSYS
    t.ev(21, evh(1) + uv(0) + sv(29) + sv(1) + uv(64 | 256) + sv(65) + sv(3)
         + lit(b"<pipe:[42]>"))                   # band/fd with -y's text
    t.ev(21, evh(1) + uv(0) + sv(10) + sv(-6) + uv(4) + lit(b"x\n\ny\n"))
    t.ev(22, evh(1) + sv(19) + uv(0))
    t.ev(22, evh(1) + sv(19) + uv(1 | 8) + lit(b"s"))
    c["signal-fields"] = t.end()

    t = Trace().ev(16, first + lit(b"p") + uv(0))
    write = uv(1 << 2 | 2) + lit(b"write")
    t.ev(26, evh(1) + syscall(write, 0x3F | 0x400 | 0x800, [1, 2, 3, -1, 5, 6],
                              lit(b"1, \"abcdef\""), lit(b", 6"), -2, 9,
                              lit(b" (suffix)") + uv(127) + sv(0x401000)
                              + lit(b"st1\nst2") + lit(b" | 00000 61 |")
                              + sv(16)))
    t.ev(26, evh(1) + syscall(uv(1 << 2), 0x100 | 0x2, [-2], same(0),
                              delta(0, 1, 1, b"XY"), 6, 3, uv(1 | 2)
                              + sv(-16) + same(0)))
    t.ev(26, evh(1) + syscall(uv(1 << 2), 0x200 | 0x80, [], same(1),
                              delta(1, 2, 1, b""), 7, 3, uv(2) + same(1)))
    t.ev(25, evh(1) + uv(1 << 2) + delta(1, 3, 0, b"Z") + uv(1) + sv(4))
    t.ev(25, evh(1) + uv(1 << 2) + same(1) + uv(2 | 4 | 8 | 32) + lit(b"x"))
    t.ev(26, evh(1) + syscall(uv(60 << 2 | 2) + lit(b"exit"),
                              0x40 | 0x400 | 0x80, [], lit(b"0"), lit(b""),
                              -2, 9, lit(b" (ignored)") + uv(8 | 16 | 32 | 64)
                              + sv(3)))
    i386 = uv(20 << 2 | 1 | 2) + uv(0x40000003) + lit(b"getpid")
    t.ev(26, evh(1) + syscall(i386, 0, [], lit(b""), lit(b""), 100, 1))
    t.ev(26, evh(1) + syscall(uv(20 << 2 | 1) + uv(0x40000003), 0, [],
                              lit(b""), lit(b""), 100, 1))   # name from context
    t.ev(26, evh(1) + syscall(uv(20 << 2), 0, [], lit(b""), lit(b""), 1, 1))
    t.ev(26, evh(1) + syscall(uv((1 << 31) << 2 | 2) + lit(b"neg"), 0, [],
                              lit(b""), lit(b""), 1, 1))
    long = b"L" * 5000                                       # not kept
    t.ev(26, evh(1) + syscall(write, 0, [], lit(long), lit(b""), 1, 1))
    t.ev(26, evh(1) + syscall(write, 0, [], same(0), same(1), 1, 1))
    # argument counts: write with 2 (the third value is kept), then 0, then
    # 6 again (the third value is back); close (another context) with 1
    t.ev(26, evh(1) + syscall(write, 0x1000 | 0x2, [7], same(0), same(0),
                              1, 1, nargs=2))
    t.ev(26, evh(1) + syscall(write, 0x1000, [], same(0), same(0), 1, 1,
                              nargs=0))
    t.ev(26, evh(1) + syscall(write, 0x1000 | 0x20, [-6], same(0), same(0),
                              1, 1, nargs=6))
    close = uv(3 << 2 | 2) + lit(b"close")
    t.ev(26, evh(1) + syscall(close, 0x1000 | 0x1, [3], lit(b"3"), lit(b""),
                              0, 1, nargs=1))
    t.ev(26, evh(1) + syscall(uv(3 << 2), 0x1, [1], lit(b"4"), lit(b""),
                              0, 1))                      # count from context
    c["syscall-fields"] = t.end()

    t = Trace().ev(16, first + lit(b"p") + uv(0))
    t.raw(rec(2, uv(65535) + b"last slot"))
    t.raw(rec(2, uv(3) + b"one")).raw(rec(2, uv(3) + b"two"))
    t.ev(20, evh(1) + slot(3) + sv(0))
    t.raw(rec(2, uv(4) + b"x" * 65536))
    t.ev(20, evh(1) + slot(4) + sv(0)).ev(20, evh(1) + slot(65535) + sv(0))
    t.raw(rec(3, b"abc") + rec(15, b"") + rec(27, b"z") + rec(1 << 20, b""))
    t.raw(rec(2, uv(3) + b""))
    t.ev(20, evh(1) + slot(3) + sv(0))
    c["strings"] = t.end()

    c["empty"] = Trace().end()
    c["end-more-kinds"] = Trace().ev(17, first).end([0, 1] + [0] * 12)
    c["end-future-kind"] = Trace().ev(17, first).end([0, 1] + [0] * 11 + [5])
    c["rare-seq-keeps-h-delta"] = Trace().ev(17, first).ev(
        17, uv(5 << 3 | 4) + uv(1) + sv(3)).end()
    c["table-replaced"] = Trace().raw(b"".join(
        rec(2, uv(1) + b"t" * 65536) for i in range(1100))).end()
    c["wide-fields"] = Trace().ev(17, first).ev(21, evh() + uv(1) + sv(17)
                                                + sv(1) + sv(1 << 40) + uv(1)
                                                + sv(0) + sv(1 << 40)
                                                + sv(-(1 << 40))).ev(
        24, evh() + uv(2) + sv(0) + sv(0) + sv(1 << 40) + lit(b"")).end()
    c["header-extra"] = Trace(header(b"future")).ev(17, first).end()
    c["long-varints"] = (Trace().raw(b"\x91\x80\x80\x00\x83\x00\x80\x80\x00")
                          .end([0, 1]))

    # -- corrupt streams (after one good event)
    def bad(body, t=16):
        return Trace().ev(17, first).raw(rec(t, body)).end()
    c["bad-rare"] = bad(evh(rare=uv(4)), 17)
    c["bad-clone-kind"] = bad(evh() + uv(3) + sv(1), 19)
    c["bad-exit-how"] = bad(evh() + uv(3) + sv(0) + sv(0) + sv(0) + lit(b""),
                            24)
    c["bad-exit-flags"] = bad(evh() + uv(8) + sv(0) + sv(0) + sv(0)
                              + lit(b""), 24)
    c["bad-signal-flags"] = bad(evh() + uv(8) + sv(10) + sv(0), 21)
    c["bad-signo"] = bad(evh() + uv(0) + sv(1 << 31) + sv(0), 21)
    c["bad-child-status"] = bad(evh() + uv(0) + sv(17) + sv(1) + uv(1)
                                + sv(1 << 31) + sv(0) + sv(0), 21)
    c["bad-timer-id"] = bad(evh() + uv(0) + sv(14) + sv(-2) + uv(16)
                            + sv(1 << 31) + sv(0), 21)
    c["bad-exit-code"] = bad(evh() + uv(0) + sv(1 << 31) + sv(0) + sv(0)
                             + lit(b""), 24)
    c["bad-uid"] = bad(evh() + uv(2) + sv(10) + sv(0) + uv(1 << 32), 21)
    c["bad-fd-info-without-fd"] = bad(evh() + uv(0) + sv(29) + sv(1) + uv(256)
                                      + lit(b"<pipe:[42]>"), 21)
    c["bad-nargs"] = bad(evh() + syscall(uv(2) + lit(b"r"), 0x1000, [],
                                         lit(b""), lit(b""), 0, 0, nargs=7),
                         26)
    c["bad-arg-beyond-nargs"] = bad(evh() + syscall(uv(2) + lit(b"r"),
                                                    0x1000 | 0x4, [5],
                                                    lit(b""), lit(b""), 0, 0,
                                                    nargs=2), 26)
    c["bad-syscall-flags"] = bad(evh() + syscall(uv(2) + lit(b"r"), 1 << 13,
                                                 [], lit(b""), lit(b""), 0,
                                                 0), 26)
    c["bad-cpu-ns"] = bad(evh() + syscall(uv(2) + lit(b"r"), 0, [], lit(b""),
                                          lit(b""), 0, 0, uv(32) + sv(-2)),
                          26)
    c["bad-nr"] = bad(evh() + syscall(uv((1 << 32 | 3) << 2), 0, [], lit(b""),
                                      lit(b""), 1, 1), 26)
    c["bad-arch"] = bad(evh() + uv(1 | 2) + uv(1 << 32) + lit(b"r"), 25)
    c["bad-same"] = bad(evh() + lit(b"p") + uv(1) + same(2), 16)
    c["bad-delta"] = bad(evh() + delta(0, 1, 0, b"x") + sv(0), 20)
    c["bad-slot-undefined"] = bad(evh() + slot(9) + sv(0), 20)
    c["bad-slot-number"] = Trace().raw(rec(2, uv(65536) + b"x")).end()
    c["bad-string-too-long"] = Trace().raw(rec(2, uv(1) + b"x" * 65537)).end()
    c["bad-literal-length"] = bad(evh() + uv(1 << 40) + sv(0), 20)
    c["bad-varint-10th"] = bad(b"\x80" * 9 + b"\x02", 17)
    c["ok-varint-10th"] = Trace().raw(rec(17, first + b"\x80" * 9 + b"\x01")
                                      ).end([0, 1])
    c["bad-varint-11"] = bad(b"\x80" * 10 + b"\x00", 17)
    c["bad-type-varint"] = Trace().ev(17, first).raw(b"\x80" * 10 + b"\x01")
    c["bad-type-0"] = Trace().ev(17, first).raw(rec(0, b"")).end()
    c["bad-record-length"] = Trace().ev(17, first).raw(
        uv(17) + uv((16 << 20) + 1)).end()
    c["ok-record-length-max"] = Trace().raw(rec(99, b"\x00" * (16 << 20))
                                            ).end()
    c["bad-header-length"] = MAGIC + uv(1) + uv((1 << 20) + 1) + b"\x00" * 9
    c["bad-header-fields"] = MAGIC + uv(1) + uv(3) + sv(0) + sv(0) + uv(5)
    c["bad-version"] = MAGIC + uv(2) + uv(0)
    c["bad-version-varint"] = MAGIC + b"\xff" * 11
    c["bad-magic"] = b"\x89TTR\r\n\x1a\x0b" + uv(1)
    c["bad-magic-short"] = b"\x89TTX"
    c["bad-end-count"] = Trace().ev(17, first).end([0, 2])
    c["bad-end-total"] = Trace().ev(17, first).raw(
        rec(1, uv(2) + uv(2) + uv(0) + uv(1))).end()
    c["bad-after-end"] = Trace().ev(17, first).end() + b"\x11\x00"
    # a spawn whose 600 references to a 64 KiB string exceed 32 MiB
    c["bad-event-strings"] = Trace().raw(rec(2, uv(1) + b"s" * 65536)).ev(
        16, first + lit(b"p") + uv(600) + slot(1) * 600).end()
    c["bad-table"] = Trace().raw(b"".join(
        rec(2, uv(i) + b"t" * 65536) for i in range(1025))).end()

    # -- truncated
    c["cut-magic"] = MAGIC[:5]
    c["cut-header"] = header()[:20]
    c["cut-no-end"] = Trace().ev(17, first).raw(b"")
    c["cut-in-varint"] = Trace().ev(17, first).raw(b"\x91")
    c["cut-in-length"] = Trace().ev(17, first).raw(b"\x11\x85")
    c["cut-in-body"] = Trace().ev(17, first).raw(b"\x11\x05\x01")
    c["cut-huge-body"] = Trace().ev(17, first).raw(uv(17) + uv(16 << 20))
    return c


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    for name, data in sorted(cases().items()):
        if isinstance(data, Trace):
            data = bytes(data.out)
        with open(os.path.join(d, name + ".ttr"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
