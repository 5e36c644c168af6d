// syscall_storm N: N cheap syscalls on a single thread, alternating
// getppid() and a 1-byte write() to /dev/null (default N = 1000000).
//
// A tracer that reports every syscall shows N/2 getppid calls (rounded up)
// and N/2 writes to the /dev/null descriptor, besides the program's start-up
// and exit syscalls. Prints "did: syscalls=N ..." on stderr.
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench/workloads/workload_util.h"

int main(int argc, char** argv) {
  const long n = workload::Arg(argc, argv, 1, 1000000);
  const int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (fd < 0) workload::Die("open /dev/null");
  for (long i = 0; i < n; ++i) {
    if (i % 2 == 0) {
      syscall(SYS_getppid);
    } else if (write(fd, "x", 1) != 1) {
      workload::Die("write /dev/null");
    }
  }
  workload::Did did;
  did.syscalls = n;
  did.Print();
  return 0;
}
