// scale: many threads or processes, for tests/scale_test.cc.
//
//   threads TOTAL ALIVE
//       Creates TOTAL threads in rounds of ALIVE: each round creates ALIVE
//       threads that wait (on a futex) until all of the round are running,
//       so ALIVE threads are alive at once, then releases and joins them.
//       Small stacks (64 KiB). Prints "threads=<TOTAL> peak=<ALIVE>" and
//       exits 0. Expect: TOTAL thread creations, TOTAL thread exits with 0,
//       then the leader's exit 0.
//
//   forks TOTAL ALIVE
//       Forks TOTAL child processes in rounds of ALIVE: each child waits
//       until the parent closes a pipe (so ALIVE children are alive at
//       once), then exits with (its index % 100); the parent reaps every
//       child, checks its code, prints "forks=<TOTAL>" and exits 0. Expect
//       (with -f): TOTAL process creations, TOTAL child exits, one SIGCHLD
//       per child at most (standard signals merge), the parent's exit 0.
#include <sys/wait.h>

#include <algorithm>
#include <string>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

constexpr size_t kSmallStack = 64 * 1024;

struct Round {
  std::atomic<int> running{0};
  std::atomic<int> go{0};
};

void* RoundThread(void* arg) {
  auto* round = static_cast<Round*>(arg);
  round->running.fetch_add(1);
  tracee::FutexWakeAll(&round->running);
  tracee::FutexWait(&round->go, 0);
  return nullptr;
}

int Threads(int total, int alive) {
  if (alive < 1) tracee::Usage("scale threads TOTAL ALIVE>=1");
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kSmallStack);
  std::vector<pthread_t> threads;
  int made = 0;
  while (made < total) {
    const int n = std::min(alive, total - made);
    Round round;
    threads.assign(static_cast<size_t>(n), pthread_t{});
    for (auto& t : threads) {
      if (pthread_create(&t, &attr, RoundThread, &round) != 0) {
        Die("pthread_create");
      }
    }
    for (int seen = round.running.load(); seen < n;
         seen = round.running.load()) {
      tracee::FutexWait(&round.running, seen);
    }
    round.go.store(1);
    tracee::FutexWakeAll(&round.go);
    for (auto& t : threads) pthread_join(t, nullptr);
    made += n;
  }
  std::printf("threads=%d peak=%d\n", made, std::min(alive, total));
  std::fflush(stdout);
  return 0;
}

int Forks(int total, int alive) {
  if (alive < 1) tracee::Usage("scale forks TOTAL ALIVE>=1");
  int made = 0;
  std::vector<std::pair<pid_t, int>> children;
  while (made < total) {
    const int n = std::min(alive, total - made);
    int release[2];
    if (pipe(release) != 0) Die("pipe");
    children.clear();
    for (int i = 0; i < n; ++i) {
      const int index = made + i;
      pid_t pid = fork();
      if (pid < 0) Die("fork");
      if (pid == 0) {
        close(release[1]);
        char c;
        while (read(release[0], &c, 1) < 0 && errno == EINTR) {
        }
        _exit(index % 100);
      }
      children.emplace_back(pid, index % 100);
    }
    close(release[0]);
    close(release[1]);  // every child's read now returns 0
    for (const auto& [pid, code] : children) {
      int status = 0;
      if (waitpid(pid, &status, 0) != pid) Die("waitpid");
      if (!WIFEXITED(status) || WEXITSTATUS(status) != code) {
        std::fprintf(stderr, "scale: child %d status %#x, want exit %d\n", pid,
                     status, code);
        _exit(tracee::kFailCode);
      }
    }
    made += n;
  }
  std::printf("forks=%d\n", made);
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage = "scale {threads TOTAL ALIVE | forks TOTAL ALIVE}";
  if (argc < 4) tracee::Usage(usage);
  std::string s = argv[1];
  const int total = tracee::IntArg(argc, argv, 2, 0);
  const int alive = tracee::IntArg(argc, argv, 3, 1);
  if (s == "threads") return Threads(total, alive);
  if (s == "forks") return Forks(total, alive);
  tracee::Usage(usage);
}
