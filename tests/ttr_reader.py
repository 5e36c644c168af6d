#!/usr/bin/python3
"""Reads a ttrace binary trace (docs/binary-format.md) and prints its events as
JSON Lines (docs/json.md), like `ttrace --decode FILE --format=json`.

Written from the documentation alone, to show that it is enough to write a
reader in another language. Standard library only; streams (never seeks) and
keeps its memory bounded as the format's limits allow.

Usage: ttr_reader.py FILE|-

Exit status (as ttrace --decode's, see README.md):
  0  a complete stream
  6  the stream is truncated (a warning on stderr; every event up to the cut
     is printed)
  7  the stream is corrupt: bad magic, unknown version, damaged data (an error
     on stderr; every event before the damage is printed)
  7  also when reading fails (as ttrace's `read: <strerror>`)
  2  usage, or the file cannot be opened
"""

import sys

EXIT_OK = 0
EXIT_TRUNCATED = 6
EXIT_CORRUPT = 7
EXIT_OPEN = 2
EXIT_USAGE = 2

MAGIC = b"\x89TTR\r\n\x1a\n"
VERSION = 1
MAX_HEADER = 1 << 20
MAX_RECORD = 16 << 20
MAX_SLOT = 65536
MAX_STRING = 64 << 10
MAX_TABLE = 64 << 20
MAX_EVENT_STRINGS = 32 << 20
CONTEXT_STRING_MAX = 4096
NUM_CONTEXTS = 1024
ARCH_X86_64 = 0xC000003E
MASK64 = (1 << 64) - 1
MASK32 = (1 << 32) - 1

KINDS = ["spawn", "attach", "detach", "clone", "exec", "signal", "stop",
         "cont", "exit", "syscall_enter", "syscall"]
FIRST_EVENT_TYPE = 16


class Truncated(Exception):
    pass


class Corrupt(Exception):
    pass


def s64(v):
    v &= MASK64
    return v - (1 << 64) if v >> 63 else v


def s32(v):
    v &= MASK32
    return v - (1 << 32) if v >> 31 else v


# ---------------------------------------------------------------- names
# The JSON keys `sig`, `killed`, `code_name` and `err` are names derived from
# numbers the binary stream stores; the tables are strace's (x86_64 Linux).

SIGNAL_NAMES = {
    1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP",
    6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1",
    11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM",
    15: "SIGTERM", 16: "SIGSTKFLT", 17: "SIGCHLD", 18: "SIGCONT",
    19: "SIGSTOP", 20: "SIGTSTP", 21: "SIGTTIN", 22: "SIGTTOU",
    23: "SIGURG", 24: "SIGXCPU", 25: "SIGXFSZ", 26: "SIGVTALRM",
    27: "SIGPROF", 28: "SIGWINCH", 29: "SIGIO", 30: "SIGPWR", 31: "SIGSYS",
    32: "SIGRTMIN",
}
for _n in range(33, 65):
    SIGNAL_NAMES[_n] = "SIGRT_%d" % (_n - 32)


def signal_name(signo):
    return SIGNAL_NAMES.get(signo, str(signo))


SI_CODES = {0: "SI_USER", 0x80: "SI_KERNEL", -1: "SI_QUEUE", -2: "SI_TIMER",
            -3: "SI_MESGQ", -4: "SI_ASYNCIO", -5: "SI_SIGIO", -6: "SI_TKILL",
            -7: "SI_DETHREAD", -60: "SI_ASYNCNL"}
SIG_CODES = {
    4: ["ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC",
        "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"],
    8: ["FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND",
        "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB", None, None, None, None,
        None, "FPE_FLTUNK", "FPE_CONDTRAP"],
    11: ["SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR",
         "SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR",
         "SEGV_MTESERR", "SEGV_CPERR"],
    7: ["BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR",
        "BUS_MCEERR_AO"],
    5: ["TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT", "TRAP_UNK",
        "TRAP_PERF"],
    17: ["CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED",
         "CLD_STOPPED", "CLD_CONTINUED"],
    29: ["POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI",
         "POLL_HUP"],
    31: ["SYS_SECCOMP", "SYS_USER_DISPATCH"],
}


def code_name(signo, code):
    name = SI_CODES.get(code)
    if name is None and code > 0:
        table = SIG_CODES.get(signo, [])
        if code <= len(table):
            name = table[code - 1]
    return name if name is not None else "0x%x" % (code & MASK32)


ERRNO_NAMES = {}
for _i, _n in enumerate("""EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC
        EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT ENOTBLK EBUSY EEXIST EXDEV
        ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY ETXTBSY EFBIG ENOSPC
        ESPIPE EROFS EMLINK EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK
        ENOSYS ENOTEMPTY ELOOP - ENOMSG EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST
        ELNRNG EUNATCH ENOCSI EL2HLT EBADE EBADR EXFULL ENOANO EBADRQC EBADSLT
        - EBFONT ENOSTR ENODATA ETIME ENOSR ENONET ENOPKG EREMOTE ENOLINK EADV
        ESRMNT ECOMM EPROTO EMULTIHOP EDOTDOT EBADMSG EOVERFLOW ENOTUNIQ EBADFD
        EREMCHG ELIBACC ELIBBAD ELIBSCN ELIBMAX ELIBEXEC EILSEQ ERESTART
        ESTRPIPE EUSERS ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT
        EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP EPFNOSUPPORT EAFNOSUPPORT
        EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED
        ECONNRESET ENOBUFS EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT
        ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS ESTALE EUCLEAN
        ENOTNAM ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM EMEDIUMTYPE ECANCELED
        ENOKEY EKEYEXPIRED EKEYREVOKED EKEYREJECTED EOWNERDEAD ENOTRECOVERABLE
        ERFKILL EHWPOISON""".split()):
    if _n != "-":
        ERRNO_NAMES[_i + 1] = _n
for _i, _n in enumerate("""ERESTARTSYS ERESTARTNOINTR ERESTARTNOHAND
        ENOIOCTLCMD ERESTART_RESTARTBLOCK EPROBE_DEFER EOPENSTALE - -
        EBADHANDLE ENOTSYNC EBADCOOKIE ENOTSUPP ETOOSMALL ESERVERFAULT
        EBADTYPE EJUKEBOX EIOCBQUEUED ERECALLCONFLICT""".split()):
    if _n != "-":
        ERRNO_NAMES[_i + 512] = _n


def errno_name(e):
    return ERRNO_NAMES.get(e, str(e))


# ---------------------------------------------------------------- JSON


def json_str(b):
    """A JSON string for raw bytes, as docs/json.md *Strings* says: valid
    UTF-8 copied, every invalid byte as \\u00XX."""
    out = ['"']
    for c in b.decode("utf-8", "surrogateescape"):
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif o < 0x20:
            out.append({8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r",
                        9: "\\t"}.get(o, "\\u%04x" % o))
        elif 0xDC80 <= o <= 0xDCFF:
            out.append("\\u%04x" % (o - 0xDC00))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def json_value(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, bytes):
        return json_str(v)
    if isinstance(v, list):
        return "[" + ",".join(json_value(x) for x in v) + "]"
    raise TypeError(v)


def json_line(pairs):
    return "{" + ",".join(json_str(k.encode()) + ":" + json_value(v)
                          for k, v in pairs) + "}\n"


# ---------------------------------------------------------------- reading


class Body:
    """A cursor over one complete record (or the header). Reading past its
    end means the record is corrupt (its fields overrun its length)."""

    def __init__(self, data, start, label):
        self.data = data
        self.pos = 0
        self.start = start  # stream offset of the record, for messages
        self.label = label

    def left(self):
        return len(self.data) - self.pos

    def corrupt(self, what):
        raise Corrupt("corrupt trace at byte offset %d: %s: %s"
                      % (self.start, self.label, what))

    def varint(self):
        v = 0
        for i in range(10):
            if self.pos >= len(self.data):
                self.corrupt("field past the end of the record")
            b = self.data[self.pos]
            self.pos += 1
            if i == 9 and b > 1:
                self.corrupt("varint too large")
            v |= (b & 0x7F) << (7 * i)
            if not b & 0x80:
                return v
        self.corrupt("varint longer than 10 bytes")

    def svarint(self):
        v = self.varint()
        return s64((v >> 1) ^ -(v & 1))

    def int32(self):
        v = self.svarint()
        if not -(1 << 31) <= v < (1 << 31):
            self.corrupt("value out of 32-bit range")
        return v

    def uint32(self):
        v = self.varint()
        if v > MASK32:
            self.corrupt("value out of 32-bit range")
        return v

    def raw(self, n):
        if n > self.left():
            self.corrupt("field past the end of the record")
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def bytes_(self):
        return self.raw(self.varint())


class Context:
    """The last two distinct values of a string field."""
    __slots__ = ("h0", "h1")

    def __init__(self):
        self.h0 = b""
        self.h1 = b""

    def update(self, x):
        if len(x) > CONTEXT_STRING_MAX:
            x = b""
        if x != self.h0:
            self.h1 = self.h0
            self.h0 = x


class SyscallContext:
    __slots__ = ("raw_args", "nargs", "ip", "name", "args_enter",
                 "args_exit", "stack", "captured")

    def __init__(self):
        self.raw_args = [0] * 6
        self.nargs = 6
        self.ip = 0
        self.captured = False
        self.name = Context()
        self.args_enter = Context()
        self.args_exit = Context()
        self.stack = Context()


class Input:
    """Streaming byte input with an absolute offset; never seeks. Holds at
    most one record plus one read chunk."""

    CHUNK = 1 << 16

    def __init__(self, f):
        self.f = f
        self.buf = b""
        self.pos = 0      # next unread byte in buf
        self.base = 0     # stream offset of buf[0]

    @property
    def offset(self):
        return self.base + self.pos

    def available(self):
        return len(self.buf) - self.pos

    def fill(self, n):
        """Makes at least n bytes available if the input has them."""
        if self.available() >= n:
            return True
        parts = [self.buf[self.pos:]]
        have = len(parts[0])
        self.base += self.pos
        self.pos = 0
        while have < n:
            chunk = self.f.read(max(n - have, self.CHUNK))
            if not chunk:
                break
            parts.append(chunk)
            have += len(chunk)
        self.buf = b"".join(parts)
        return have >= n

    def take(self, n):
        b = self.buf[self.pos:self.pos + n]
        self.pos += n
        return b

    def at_eof(self):
        return not self.fill(1)

    def varint(self, start, what):
        """Reads a varint; Truncated if the input ends inside it."""
        v = 0
        for i in range(10):
            if not self.fill(i + 1):
                raise Truncated(start)
            b = self.buf[self.pos + i]
            if i == 9 and b > 1:
                raise Corrupt("corrupt trace at byte offset %d: %s varint "
                              "too large" % (self.offset, what))
            v |= (b & 0x7F) << (7 * i)
            if not b & 0x80:
                self.take(i + 1)
                return v
        raise Corrupt("corrupt trace at byte offset %d: %s varint longer "
                      "than 10 bytes" % (self.offset, what))


class Reader:
    def __init__(self, out):
        self.out = out
        self.events = 0
        self.counts = [0] * len(KINDS)
        self.prev_ts = 0
        self.prev_tid = 0
        self.prev_pid = 0
        self.next_seq = 0
        self.contexts = [None] * NUM_CONTEXTS  # created on first use
        self.slots = {}
        self.table_bytes = 0
        self.empty_context = Context()
        self.event_strings = 0

    # ---- strings

    def string(self, body, ctx=None):
        c = ctx if ctx is not None else self.empty_context
        v = body.varint()
        mode, a = v & 3, v >> 2
        if mode == 0:
            x = body.raw(a)
        elif mode == 1:
            if a not in self.slots:
                body.corrupt("undefined string slot %d" % a)
            x = self.slots[a]
        elif mode == 2:
            hr = c.h1 if a & 1 else c.h0
            prefix = a >> 1
            suffix = body.varint()
            mid = body.bytes_()
            if prefix + suffix > len(hr):
                body.corrupt("string delta longer than its base")
            x = hr[:prefix] + mid + hr[len(hr) - suffix:]
        else:
            if a > 1:
                body.corrupt("invalid string reference")
            x = c.h1 if a else c.h0
        if ctx is not None:
            ctx.update(x)
        self.event_strings += len(x)
        if self.event_strings > MAX_EVENT_STRINGS:
            body.corrupt("event strings too large")
        return x

    # ---- records

    def header(self, inp):
        if not inp.fill(len(MAGIC)):
            got = inp.buf[inp.pos:]
            if not got:
                raise Truncated("empty")
            if not MAGIC.startswith(got):
                raise Corrupt("not a ttrace binary trace (bad magic number)")
            raise Truncated("header")
        if inp.take(len(MAGIC)) != MAGIC:
            raise Corrupt("not a ttrace binary trace (bad magic number)")
        version = inp.varint("header", "version")
        if version != VERSION:
            raise Corrupt("unsupported binary trace format version %d (this "
                          "ttrace reads version %d)" % (version, VERSION))
        length = inp.varint("header", "header length")
        if length > MAX_HEADER:
            raise Corrupt("corrupt trace at byte offset %d: header too long"
                          % inp.offset)
        start = inp.offset
        if not inp.fill(length):
            raise Truncated("header")
        body = Body(inp.take(length), 0, "header")
        body.svarint()
        body.svarint()
        for _ in range(4):
            body.bytes_()
        for _ in range(body.varint()):
            body.bytes_()
        # Optional fields: capture settings (tag 1: -s, bits).
        self.capture = False
        if body.pos < len(body.data) and body.varint() == 1:
            limit = body.varint()
            bits = body.varint()
            if limit > 1 << 31 or (bits >> 3) & 3 > 2 or bits >> 5:
                raise Corrupt("corrupt trace at byte offset %d: header: "
                              "invalid capture settings" % inp.offset)
            self.capture = True

    def run(self, inp):
        self.header(inp)
        while True:
            start = inp.offset
            if inp.at_eof():
                raise Truncated(None)
            rtype = inp.varint(start, "record type")
            length = inp.varint(start, "record length")
            if length > MAX_RECORD:
                raise Corrupt("corrupt trace at byte offset %d: record "
                              "length %d too large" % (start, length))
            if not inp.fill(length):
                raise Truncated(start)
            label = ("%s record" % KINDS[rtype - FIRST_EVENT_TYPE]
                     if 0 <= rtype - FIRST_EVENT_TYPE < len(KINDS) else
                     {1: "end record", 2: "string record"}.get(
                         rtype, "record type %d" % rtype))
            body = Body(inp.take(length), start, label)
            if rtype == 0:
                raise Corrupt("corrupt trace at byte offset %d: record type "
                              "0" % start)
            if rtype == 1:
                self.end(body)
                if not inp.at_eof():
                    raise Corrupt("corrupt trace at byte offset %d: data "
                                  "after the end record" % inp.offset)
                return
            if rtype == 2:
                self.define(body)
            elif FIRST_EVENT_TYPE <= rtype < FIRST_EVENT_TYPE + len(KINDS):
                self.event(rtype - FIRST_EVENT_TYPE, body)
            # anything else: reserved, skipped by its length

    def end(self, body):
        total = body.varint()
        kinds = body.varint()
        listed = 0
        for i in range(max(kinds, len(KINDS))):
            n = body.varint() if i < kinds else 0  # (not kept: bounded memory)
            listed += n
            if i >= len(KINDS):
                continue
            have = self.counts[i]
            if i >= kinds:
                if have:
                    body.corrupt("no count of %s events but %d were decoded"
                                 % (KINDS[i], have))
            elif n != have:
                body.corrupt("%d %s events counted, %d decoded"
                             % (n, KINDS[i], have))
        if listed != total:
            body.corrupt("total %d differs from the sum of its counts %d"
                         % (total, listed))

    def define(self, body):
        slot = body.varint()
        if slot >= MAX_SLOT:
            body.corrupt("string slot %d out of range" % slot)
        s = body.raw(body.left())
        if len(s) > MAX_STRING:
            body.corrupt("string too long")
        old = self.slots.get(slot)
        self.table_bytes += len(s) - (len(old) if old is not None else 0)
        if self.table_bytes > MAX_TABLE:
            body.corrupt("string table too large")
        self.slots[slot] = s

    def event(self, kind, body):
        self.event_strings = 0
        h = body.varint()
        flags = h & 7
        ts_delta = h >> 3
        seq = self.next_seq
        if flags & 4:
            rare = body.varint()
            if rare & ~3:
                body.corrupt("invalid rare flags")
            if rare & 2:
                ts_delta = body.svarint()
            if rare & 1:
                seq = (self.next_seq + body.svarint()) & MASK64
        tid = self.prev_tid
        pid = self.prev_pid
        if flags & 1:
            tid = (self.prev_tid + body.svarint()) & MASK32
        if flags & 2:
            pid = (tid - body.svarint()) & MASK32
        ts = (self.prev_ts + ts_delta) & MASK64

        name = KINDS[kind]
        ev = [("ts", s64(ts)), ("pid", s32(pid)), ("tid", s32(tid)),
              ("ev", name.encode())]
        getattr(self, "ev_" + name)(body, ev, tid, pid)

        # Only a complete, valid record updates the state and is printed.
        self.prev_ts, self.prev_tid, self.prev_pid = ts, tid, pid
        self.next_seq = (seq + 1) & MASK64
        self.events += 1
        self.counts[kind] += 1
        self.out.write(json_line(ev).encode("utf-8", "surrogatepass"))

    # ---- payloads

    def ev_spawn(self, body, ev, tid, pid):
        path = self.string(body)
        argc = body.varint()
        argv = []
        for _ in range(argc):
            self.event_strings += 32
            argv.append(self.string(body))
        ev += [("path", path), ("argv", argv)]

    def ev_attach(self, body, ev, tid, pid):
        pass

    ev_detach = ev_cont = ev_attach

    def ev_clone(self, body, ev, tid, pid):
        kind = body.varint()
        if kind > 2:
            body.corrupt("invalid clone kind %d" % kind)
        child = (tid + body.svarint()) & MASK32
        ev += [("child", s32(child)),
               ("kind", [b"thread", b"process", b"vfork"][kind])]

    def ev_exec(self, body, ev, tid, pid):
        path = self.string(body)
        old = (tid + body.svarint()) & MASK32
        ev += [("path", path), ("old_tid", s32(old))]

    def stack(self, s):
        return s.split(b"\n")

    def ev_signal(self, body, ev, tid, pid):
        f = body.varint()
        if f & ~7:
            body.corrupt("invalid signal flags")
        signo = body.int32()
        code = body.int32()
        from_pid = from_uid = addr = None
        if f & 1:
            from_pid = (pid + body.svarint()) & MASK32
        if f & 2:
            from_uid = body.uint32()
        if f & 4:
            addr = body.varint() & MASK64
        child = ip = stack = value = timer = None
        errno = 0
        poll = sys = fd_info = None
        if body.left():
            x = body.varint()
            if x & 1:
                child = (body.int32(), body.svarint(), body.svarint())
            if x & 2:
                ip = body.varint() & MASK64
            if x & 4:
                stack = self.string(body)
            if x & 8:
                value = body.varint() & MASK64
            if x & 16:
                timer = (body.int32(), body.int32())
            if x & 32:
                errno = body.int32()
            if x & 64:
                poll = (body.svarint(), body.int32())
            if x & 128:
                sys = (body.varint() & MASK64, body.int32(), body.uint32(),
                       body.uint32())
            if x & 256:
                fd_info = self.string(body)
                if poll is None:
                    body.corrupt("si_fd text without si_fd")
        ev += [("sig", signal_name(signo).encode()), ("signo", signo),
               ("code", code), ("code_name", code_name(signo, code).encode())]
        if from_pid is not None:
            ev.append(("from_pid", s32(from_pid)))
        if from_uid is not None:
            ev.append(("from_uid", from_uid))
        if addr is not None:
            ev.append(("addr", addr))
        if child is not None:
            ev += [("child_status", child[0]), ("child_utime", child[1]),
                   ("child_stime", child[2])]
        if timer is not None:
            ev += [("timer_id", timer[0]), ("timer_overrun", timer[1])]
        if value is not None:
            ev.append(("value", value))
        if errno:
            ev.append(("errno", errno))
        if poll is not None:
            ev += [("band", poll[0]), ("fd", poll[1])]
            if fd_info:
                ev.append(("fd_info", fd_info))
        if sys is not None:
            ev += [("call_addr", sys[0]), ("syscall", sys[1]),
                   ("arch", sys[2])]
        if ip:
            ev.append(("ip", ip))
        if stack:
            ev.append(("stack", self.stack(stack)))

    def ev_stop(self, body, ev, tid, pid):
        signo = body.int32()
        stack = None
        if body.left():
            x = body.varint()
            if x & 1:
                stack = self.string(body)
        ev += [("sig", signal_name(signo).encode()), ("signo", signo)]
        if stack:
            ev.append(("stack", self.stack(stack)))

    def ev_exit(self, body, ev, tid, pid):
        f = body.varint()
        how = f & 3
        if how == 3 or f & ~7:
            body.corrupt("invalid exit flags")
        code = body.int32()
        signo = body.int32()
        superseded = (tid + body.svarint()) & MASK32
        comm = self.string(body)
        if how == 0:
            ev.append(("code", code))
        elif how == 1:
            ev += [("killed", signal_name(signo).encode()),
                   ("signo", signo), ("core", bool(f & 4))]
        else:
            ev.append(("superseded_by", s32(superseded)))
        ev.append(("comm", comm))

    def syscall_id(self, body):
        a = body.varint()
        if a >> 2 > MASK32:
            body.corrupt("syscall number out of range")
        nr = s32(a >> 2)
        arch = body.uint32() if a & 1 else ARCH_X86_64
        idx = ((nr & MASK32) + (0 if arch == ARCH_X86_64 else 512)) & 1023
        ctx = self.contexts[idx]
        if ctx is None:
            ctx = self.contexts[idx] = SyscallContext()
        if a & 2:
            name = self.string(body, ctx.name)
        else:
            name = ctx.name.h0
        return ctx, name

    def appended(self, body, ctx, full):
        """The appended fields: returns (ip, stack, dump, flags, cpu_ns)."""
        ip, stack, dump, x, cpu = 0, b"", b"", 0, -1
        if body.left():
            x = body.varint()
            if x & 1:
                ctx.ip = (ctx.ip + body.svarint()) & MASK64
                ip = ctx.ip
            if full:
                if x & 2:
                    stack = self.string(body, ctx.stack)
                if x & 4:
                    dump = self.string(body)
                if x & 32:
                    cpu = body.svarint()
                    if cpu < 0:
                        body.corrupt("negative cpu_ns")
        return ip, stack, dump, x, cpu

    def ev_syscall_enter(self, body, ev, tid, pid):
        ctx, name = self.syscall_id(body)
        args = self.string(body, ctx.args_enter)
        ip, _, _, x, _ = self.appended(body, ctx, False)
        ev += [("name", name), ("args", args)]
        if ip:
            ev.append(("ip", ip))

    def ev_syscall(self, body, ev, tid, pid):
        ctx, name = self.syscall_id(body)
        f = body.varint()
        # ret_format: every value of its two bits is valid (3: -e raw=).
        if f & ~0x3FFF:
            body.corrupt("invalid syscall flags")
        # Bit 13 toggles the context's "captured" (usually set only once).
        if f & 0x2000:
            ctx.captured = not ctx.captured
        captured = ctx.captured
        if captured and not self.capture:
            body.corrupt("captured call in a trace without capture settings")
        if f & 0x1000:
            ctx.nargs = body.varint()
            if ctx.nargs > 6:
                body.corrupt("invalid syscall argument count")
        if (f & 0x3F) >> ctx.nargs:
            body.corrupt("raw argument beyond the syscall's argument count")
        for i in range(6):
            if f & (1 << i):
                ctx.raw_args[i] = (ctx.raw_args[i] + body.svarint()) & MASK64
        args_enter = self.string(body, ctx.args_enter)
        args_exit = self.string(body, ctx.args_exit)
        ret = body.svarint()
        dur = body.svarint()
        suffix = self.string(body) if f & 0x400 else b""
        ip, stack, dump, x, cpu = self.appended(body, ctx, True)
        returned = not f & 0x40
        # A captured call's arguments are memory ranges for ttrace's
        # decoders (docs/binary-format.md), not text: shown as null.
        ev += [("name", name),
               ("args", None if captured else args_enter + args_exit),
               ("raw_args", ctx.raw_args[:ctx.nargs])]
        if returned:
            ev.append(("ret", ret))
            if -4095 <= ret <= -1:
                ev.append(("err", errno_name(-ret).encode()))
        if returned and suffix:
            ev.append(("ret_suffix", suffix))
        ev.append(("dur_ns", dur))
        if cpu >= 0:
            ev.append(("cpu_ns", cpu))
        if not returned:
            ev.append(("returned", False))
        if x & 8:
            ev.append(("detached", True))
        if f & 0x80:
            ev.append(("split", True))
        if f & 0x800:
            ev.append(("injected", True))
        if x & 64:
            ev.append(("injected_args", True))
        if x & 16:
            ev.append(("delayed", True))
        if ip:
            ev.append(("ip", ip))
        if dump:
            ev.append(("dump", dump))
        if stack:
            ev.append(("stack", self.stack(stack)))


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: ttr_reader.py FILE|-\n")
        return EXIT_USAGE
    out = sys.stdout.buffer
    try:
        f = sys.stdin.buffer if argv[1] == "-" else open(argv[1], "rb")
    except IsADirectoryError as e:  # ttrace opens it and fails to read it
        sys.stderr.write("ttr_reader: %s: read: %s\n" % (argv[1], e.strerror))
        return EXIT_CORRUPT
    except OSError as e:
        sys.stderr.write("ttr_reader: cannot open '%s': %s\n"
                         % (argv[1], e.strerror))
        return EXIT_OPEN
    reader = Reader(out)
    inp = Input(f)
    try:
        reader.run(inp)
        status = EXIT_OK
    except Truncated as t:
        where = t.args[0]
        n = reader.events
        if where == "header":
            msg = ("trace is truncated after 0 events (the header is "
                   "incomplete: %d bytes)" % (inp.offset + inp.available()))
        elif where == "empty":
            msg = "trace is truncated after %d events (the input is empty)" % n
        elif where is None:
            msg = "trace is truncated after %d events (no end record)" % n
        else:
            msg = ("trace is truncated after %d events (the record at byte "
                   "offset %d is incomplete: %d bytes)"
                   % (n, where, inp.offset + inp.available() - where))
        out.flush()
        sys.stderr.write("ttr_reader: warning: %s\n" % msg)
        status = EXIT_TRUNCATED
    except Corrupt as c:
        out.flush()
        sys.stderr.write("ttr_reader: error: %s\n" % c.args[0])
        status = EXIT_CORRUPT
    except OSError as e:
        out.flush()
        sys.stderr.write("ttr_reader: read: %s\n" % e.strerror)
        status = EXIT_CORRUPT
    try:
        out.flush()
    except BrokenPipeError:
        pass
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
