// Kernel: every system call the engine makes on traced threads, behind one
// small interface. LinuxKernel is the real one; tests may script a fake that
// replays recorded stop sequences (see tracer/fake_kernel.h).
//
// Conventions: functions returning int return 0 on success or an errno
// value. ESRCH means the thread just died (or is not in a ptrace-stop): a
// state the engine handles, never an error to report.
#ifndef TTRACE_TRACER_KERNEL_H_
#define TTRACE_TRACER_KERNEL_H_

#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ttrace {

class Kernel {
 public:
  virtual ~Kernel() = default;

  // ptrace requests.
  virtual int Seize(pid_t tid, unsigned long options) = 0;
  virtual int Interrupt(pid_t tid) = 0;
  virtual int Cont(pid_t tid, int signo) = 0;
  // PTRACE_SYSCALL: like Cont, but stop at the next syscall entry or exit.
  virtual int Syscall(pid_t tid, int signo) = 0;
  virtual int Listen(pid_t tid) = 0;
  virtual int Detach(pid_t tid, int signo) = 0;
  // PTRACE_GETEVENTMSG at a PTRACE_EVENT_`event` stop. Fails with ESRCH if
  // `tid` is no longer in that stop: a SIGKILL wakes a thread from any
  // ptrace-stop, and it may already be in its PTRACE_EVENT_EXIT stop, whose
  // message (its exit status) would otherwise be read as a tid (race:
  // tests/race_test.cc, SigkillRacingSyscalls).
  virtual int GetEventMsg(pid_t tid, int event, unsigned long* msg) = 0;
  virtual int GetSigInfo(pid_t tid, siginfo_t* info) = 0;
  // PTRACE_GET_SYSCALL_INFO at a syscall or seccomp stop.
  virtual int GetSyscallInfo(pid_t tid, __ptrace_syscall_info* info) = 0;
  // -e inject: at a syscall-entry (or seccomp) stop, the syscall number the
  // kernel runs (-1: none, the call is skipped); at a syscall-exit stop,
  // the value the call returns. (PTRACE_POKEUSER of orig_rax / rax.)
  virtual int SetSyscallNr(pid_t tid, int64_t nr) { return ENOSYS; }
  virtual int SetReturnValue(pid_t tid, int64_t value) { return ENOSYS; }
  // -e inject's poke_*: writes `len` bytes at `addr` of the stopped
  // thread's memory, read-only pages included (PTRACE_POKEDATA, as a
  // debugger writes breakpoints). Returns 0 or an errno value; on error
  // some bytes may have been written.
  virtual int WriteMemory(pid_t tid, uint64_t addr, const void* data,
                          size_t len) {
    return ENOSYS;
  }
  // The thread's instruction pointer, at any ptrace-stop (PTRACE_PEEKUSER
  // of rip). Returns 0 or an errno value.
  virtual int GetInstructionPointer(pid_t tid, uint64_t* ip) { return ENOSYS; }

  // waitpid(-1, status, __WALL). Returns the tid, or -errno (-EINTR when a
  // signal arrived, -ECHILD when nothing is left to wait for).
  virtual pid_t WaitAny(int* status) = 0;
  // WaitAny for at most `timeout_ns` (negative: no limit): 0 if nothing
  // came by then. With `stime_ns`, also the system CPU time the reporting
  // thread's process and its reaped children have used so far (wait4's
  // rusage, what strace -c sums), or -1. The default waits without a limit
  // and gives no time (for fakes whose script is all there is).
  virtual pid_t WaitAnyFor(int* status, int64_t timeout_ns, int64_t* stime_ns) {
    (void)timeout_ns;
    if (stime_ns != nullptr) *stime_ns = -1;
    return WaitAny(status);
  }

  // True if `tid` is a thread of thread group `tgid` (tgkill with signal 0;
  // false once `tid` is gone).
  virtual bool IsThreadOf(pid_t tgid, pid_t tid) = 0;
  // At a PTRACE_EVENT_CLONE stop of `tid`: the flags of its clone/clone3
  // call (from its registers). Returns 0, or an errno value when unknown.
  virtual int GetCloneFlags(pid_t tid, uint64_t* flags) { return ENOSYS; }

  // /proc readers. Empty/nullopt when the thread is gone.
  virtual std::string ReadComm(pid_t tid) = 0;
  // The path the new program was exec'd with (AT_EXECFN), else its exe.
  virtual std::string ReadExecPath(pid_t tid) = 0;
  virtual std::vector<pid_t> ListThreads(pid_t tgid) = 0;
  // Fields of /proc/TID/status.
  struct Status {
    pid_t tgid = 0;
    pid_t ppid = 0;
    pid_t tracer_pid = 0;
  };
  virtual std::optional<Status> ReadStatus(pid_t tid) = 0;
};

class LinuxKernel : public Kernel {
 public:
  int Seize(pid_t tid, unsigned long options) override;
  int Interrupt(pid_t tid) override;
  int Cont(pid_t tid, int signo) override;
  int Syscall(pid_t tid, int signo) override;
  int Listen(pid_t tid) override;
  int Detach(pid_t tid, int signo) override;
  int GetEventMsg(pid_t tid, int event, unsigned long* msg) override;
  int GetSigInfo(pid_t tid, siginfo_t* info) override;
  int GetSyscallInfo(pid_t tid, __ptrace_syscall_info* info) override;
  int SetSyscallNr(pid_t tid, int64_t nr) override;
  int SetReturnValue(pid_t tid, int64_t value) override;
  int WriteMemory(pid_t tid, uint64_t addr, const void* data,
                  size_t len) override;
  int GetInstructionPointer(pid_t tid, uint64_t* ip) override;
  pid_t WaitAny(int* status) override;
  pid_t WaitAnyFor(int* status, int64_t timeout_ns, int64_t* stime_ns) override;
  bool IsThreadOf(pid_t tgid, pid_t tid) override;
  int GetCloneFlags(pid_t tid, uint64_t* flags) override;
  std::string ReadComm(pid_t tid) override;
  std::string ReadExecPath(pid_t tid) override;
  std::vector<pid_t> ListThreads(pid_t tgid) override;
  std::optional<Status> ReadStatus(pid_t tid) override;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_KERNEL_H_
