// threads: thread creation and the ways threads end.
//
//   threads N CODE             N pthreads that return normally (joined);
//                              main returns CODE.
//   threads_exit_group N CODE  N threads parked on a futex while main calls
//                              exit(CODE).
//   leader_exit N CODE         main pthread_exit()s while N workers live; the
//                              last worker calls exit(CODE).
//   clone3                     one thread via the raw clone3 syscall; exit 31.
//   clone_thread               one thread via glibc clone() (no pthread);
//                              exit 32.
//   clone_process              clone() without CLONE_THREAD and with exit
//                              signal 0 (a process reported through
//                              PTRACE_EVENT_CLONE, not FORK); it exits 5 and
//                              the parent exits 33.
//   clone_all                  clone3, clone_thread and clone_process in
//                              sequence; exit 34.
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#include <cstdint>
#include <fstream>
#include <sstream>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

constexpr int kThreadFlags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
                             CLONE_THREAD | CLONE_SYSVSEM;
constexpr size_t kStackSize = 256 * 1024;

void* NewStack() {
  void* p = mmap(nullptr, kStackSize, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (p == MAP_FAILED) Die("mmap");
  return p;
}

void SleepMs(int ms) {
  timespec ts{0, ms * 1000000L};
  nanosleep(&ts, nullptr);
}

// State letter of thread `tid` of this process ('?' when it is gone).
char TaskState(pid_t tid) {
  std::ostringstream path;
  path << "/proc/" << getpid() << "/task/" << tid << "/stat";
  std::ifstream in(path.str());
  std::string stat;
  if (!std::getline(in, stat)) return '?';
  size_t paren = stat.rfind(')');
  if (paren == std::string::npos || paren + 2 >= stat.size()) return '?';
  return stat[paren + 2];
}

// Waits until the kernel clears *tid_word (CLONE_CHILD_CLEARTID) at the
// thread's exit.
void WaitTidCleared(std::atomic<int>* tid_word) {
  for (int v = tid_word->load(); v != 0; v = tid_word->load()) {
    tracee::FutexWait(tid_word, v);
  }
}

// ---- threads N CODE ----
// Expect: N thread clones, N thread exits with 0, then the leader exits CODE.
int Threads(int n, int code) {
  std::vector<pthread_t> ts(static_cast<size_t>(n));
  for (auto& t : ts) {
    if (pthread_create(
            &t, nullptr, [](void*) -> void* { return nullptr; }, nullptr) !=
        0) {
      Die("pthread_create");
    }
  }
  for (auto& t : ts) pthread_join(t, nullptr);
  return code;
}

// ---- threads_exit_group N CODE ----
// Expect: N thread clones; exit_group kills the parked threads, yet every
// thread (leader and workers) is reported as exited with CODE.
[[noreturn]] void ThreadsExitGroup(int n, int code) {
  static tracee::ParkedThreads parked;  // never released
  parked.Start(n);
  std::exit(code);
}

// ---- leader_exit N CODE ----
// Expect: N thread clones. The leader pthread_exit()s first (it stays a
// zombie until the group is empty), then workers 0..N-2 return (exited 0,
// each fully gone before the last one continues), then the last worker
// calls exit(CODE); the last worker is the last one created. The leader's
// exit is reported last, and with CODE: the group exit code replaces the
// leader's own 0.
struct LeaderExit {
  pid_t leader = 0;
  int n = 0;
  int code = 0;
  std::vector<std::atomic<int>> tids;
};
LeaderExit* g_leader_exit = nullptr;

void* LeaderExitWorker(void* arg) {
  LeaderExit& le = *g_leader_exit;
  int index = static_cast<int>(reinterpret_cast<intptr_t>(arg));
  le.tids[static_cast<size_t>(index)].store(tracee::GetTid());
  while (TaskState(le.leader) != 'Z') SleepMs(1);
  if (index != le.n - 1) return nullptr;
  // Last worker: wait until the others are reaped, so that their exit code
  // cannot be replaced by the group exit code below.
  for (int i = 0; i < le.n - 1; ++i) {
    pid_t tid;
    while ((tid = le.tids[static_cast<size_t>(i)].load()) == 0 ||
           TaskState(tid) != '?') {
      SleepMs(1);
    }
  }
  std::exit(le.code);
}

[[noreturn]] void LeaderExitScenario(int n, int code) {
  if (n < 1) tracee::Usage("threads leader_exit N>=1 CODE");
  g_leader_exit = new LeaderExit;
  g_leader_exit->leader = getpid();
  g_leader_exit->n = n;
  g_leader_exit->code = code;
  g_leader_exit->tids = std::vector<std::atomic<int>>(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    pthread_t t;
    if (pthread_create(&t, nullptr, LeaderExitWorker,
                       reinterpret_cast<void*>(static_cast<intptr_t>(i))) !=
        0) {
      Die("pthread_create");
    }
  }
  pthread_exit(nullptr);
}

// ---- clone3 ----
// Expect: one thread clone (reported via PTRACE_EVENT_CLONE), one thread exit
// with 0, leader exits 31.
struct Clone3Args {  // struct clone_args, CLONE_ARGS_SIZE_VER0 (64 bytes)
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size,
      tls;
};

// Raw clone3: the child starts on the new stack, runs fn(arg) and calls
// exit(2) with its result; it never returns into C++ code.
long RawClone3(Clone3Args* args, int (*fn)(void*), void* arg) {
  long ret;
  register long fn_reg asm("r12") = reinterpret_cast<long>(fn);
  register long arg_reg asm("r13") = reinterpret_cast<long>(arg);
  asm volatile(
      "syscall\n\t"
      "testq %%rax, %%rax\n\t"
      "jnz 1f\n\t"
      "xorl %%ebp, %%ebp\n\t"
      "movq %%r13, %%rdi\n\t"
      "callq *%%r12\n\t"
      "movl %%eax, %%edi\n\t"
      "movl $60, %%eax\n\t"  // SYS_exit: this thread only
      "syscall\n\t"
      "hlt\n\t"
      "1:\n\t"
      : "=a"(ret)
      : "a"(SYS_clone3), "D"(args), "S"(sizeof(Clone3Args)), "r"(fn_reg),
        "r"(arg_reg)
      : "rcx", "r11", "memory");
  return ret;
}

// Runs in a thread without TLS of its own: raw syscalls only.
int RawThreadBody(void*) {
  syscall(SYS_getpid);
  return 0;
}

void Clone3Thread() {
  static std::atomic<int> tid_word{0};
  tid_word.store(0);
  Clone3Args args{};
  args.flags = kThreadFlags | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
  args.child_tid = reinterpret_cast<uint64_t>(&tid_word);
  args.parent_tid = reinterpret_cast<uint64_t>(&tid_word);
  args.exit_signal = 0;
  args.stack = reinterpret_cast<uint64_t>(NewStack());
  args.stack_size = kStackSize;
  if (RawClone3(&args, RawThreadBody, nullptr) < 0) Die("clone3");
  WaitTidCleared(&tid_word);
}

// ---- clone_thread ----
// Expect: one thread clone, one thread exit with 0, leader exits 32.
void CloneThread() {
  static std::atomic<int> tid_word{0};
  tid_word.store(0);
  char* stack = static_cast<char*>(NewStack());
  int tid = clone(RawThreadBody, stack + kStackSize,
                  kThreadFlags | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
                  nullptr, &tid_word, nullptr, &tid_word);
  if (tid < 0) Die("clone");
  WaitTidCleared(&tid_word);
}

// ---- clone_process ----
// Expect (with -f): a new *process* (own thread group) created through
// PTRACE_EVENT_CLONE since its exit signal is not SIGCHLD; it exits with 5
// and is reaped with __WALL; no SIGCHLD (so no delivery stop) in the parent,
// which exits 33.
void CloneProcess() {
  char* stack = static_cast<char*>(NewStack());
  pid_t pid = clone([](void*) -> int { _exit(5); }, stack + kStackSize,
                    /*flags=exit signal 0*/ 0, nullptr);
  if (pid < 0) Die("clone");
  int status = 0;
  if (waitpid(pid, &status, __WALL) != pid) Die("waitpid");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 5) {
    std::fprintf(stderr, "clone_process: unexpected status %#x\n", status);
    _exit(tracee::kFailCode);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage =
      "threads {threads N CODE | threads_exit_group N CODE | "
      "leader_exit N CODE | clone3 | clone_thread | clone_process | "
      "clone_all}";
  if (argc < 2) tracee::Usage(usage);
  std::string s = argv[1];
  int n = tracee::IntArg(argc, argv, 2, 2);
  int code = tracee::IntArg(argc, argv, 3, 0);
  if (s == "threads") return Threads(n, code);
  if (s == "threads_exit_group") ThreadsExitGroup(n, code);
  if (s == "leader_exit") LeaderExitScenario(n, code);
  if (s == "clone3") {
    Clone3Thread();
    return 31;
  }
  if (s == "clone_thread") {
    CloneThread();
    return 32;
  }
  if (s == "clone_process") {
    CloneProcess();
    return 33;
  }
  if (s == "clone_all") {
    Clone3Thread();
    CloneThread();
    CloneProcess();
    return 34;
  }
  tracee::Usage(usage);
}
