// The i386 tracee's `fs` scenario (see i386_main.c): file calls with i386
// layouts (struct stat64, the old struct stat, struct statfs and statfs64,
// struct flock and flock64, the old struct linux_dirent), 64-bit offsets and
// lengths split over two registers, 16-bit ids. Everything happens in
// ttrace-i386-fs.tmp, a directory of the current one (created and removed
// here: a relative path, so that two runs at once, as Bazel's sandboxed tests
// in separate directories, do not share it while printing the same), on
// /dev/null, /proc and the tracee's own binary: every value printed, even
// with -v, is the same from one run to the next (no stat of a file created
// here succeeds: its inode number and ctime would differ).
#include <asm/fcntl.h>
#include <asm/stat.h>
#include <asm/statfs.h>

#include "i386_sys.h"

#define DIR "ttrace-i386-fs.tmp"
#define FILE DIR "/f"
#define BAD ((void*)0xffffe000)  // above the 32-bit user space: EFAULT
#define AT_FDCWD (-100)

// struct old_linux_dirent (readdir) and struct old_kernel_stat (oldstat).
struct old_dirent {
  unsigned long ino, off;
  unsigned short namlen;
  char name[256];
};
struct old_kstat {
  unsigned short dev, ino, mode, nlink, uid, gid, rdev;
  unsigned long size, atime, mtime, ctime;
};
struct iov {
  void* base;
  unsigned long len;
};
struct ustat32 {
  long f_tfree;
  unsigned long f_tinode;
  char f_fname[6], f_fpack[6];
};
struct ts64 {
  long long sec, nsec;
};

static void stats(void) {
  struct stat64 st64;
  struct stat st;
  struct old_kstat ost;
  // The tracee itself: a regular file whose every field stays the same.
  sys2(__NR_stat64, "/proc/self/exe", &st64);
  sys2(__NR_stat64, "/dev/null", &st64);
  sys2(__NR_stat64, "/nonexistent", &st64);
  sys2(__NR_stat64, "/dev/null", 0);
  sys2(__NR_stat64, "/dev/null", BAD);
  sys2(__NR_lstat64, "/dev/null", &st64);
  sys2(__NR_lstat64, DIR "/nonexistent", &st64);
  long fd = sys3(__NR_open, "/proc/self/exe", 0, 0);
  sys2(__NR_fstat64, fd, &st64);
  sys2(__NR_fstat64, -1, &st64);
  sys2(__NR_fstat64, fd, 0);
  sys4(__NR_fstatat64, AT_FDCWD, "/dev/null", &st64, 0);
  sys4(__NR_fstatat64, AT_FDCWD, "/dev/null", &st64, 0x100);
  sys4(__NR_fstatat64, fd, "", &st64, 0x1000 /* AT_EMPTY_PATH */);
  sys4(__NR_fstatat64, -1, "x", &st64, 0);
  sys4(__NR_fstatat64, AT_FDCWD, "/dev/null", BAD, 0x100);
  sys4(__NR_fstatat64, AT_FDCWD, "/dev/null", &st64, 0x9999);
  // The old struct stat (16-bit ids and modes) and older still.
  sys2(__NR_stat, "/proc/self/exe", &st);
  sys2(__NR_stat, "/dev/null", &st);
  sys2(__NR_lstat, "/nonexistent", &st);
  sys2(__NR_fstat, fd, &st);
  sys2(__NR_fstat, fd, BAD);
  sys2(__NR_oldstat, "/dev/null", &ost);
  sys2(__NR_oldlstat, "/nonexistent", &ost);
  sys2(__NR_oldfstat, fd, &ost);
  sys1(__NR_close, fd);
}

static void statfss(void) {
  struct statfs sf;
  struct statfs64 sf64;
  // procfs: its counts are all zero, its fsid too.
  sys2(__NR_statfs, "/proc", &sf);
  sys2(__NR_statfs, "/nonexistent", &sf);
  sys2(__NR_statfs, "/proc", BAD);
  sys3(__NR_statfs64, "/proc", sizeof(sf64), &sf64);
  sys3(__NR_statfs64, "/proc", 88, &sf64);  // EINVAL
  sys3(__NR_statfs64, "/nonexistent", sizeof(sf64), &sf64);
  long fd = sys3(__NR_open, "/proc", 0200000 /* O_DIRECTORY */, 0);
  sys2(__NR_fstatfs, fd, &sf);
  sys2(__NR_fstatfs, -1, &sf);
  sys3(__NR_fstatfs64, fd, sizeof(sf64), &sf64);
  sys3(__NR_fstatfs64, fd, sizeof(sf64), 0);
  sys1(__NR_close, fd);
}

static void offsets(long fd) {
  char buf[16];
  long long pos = 0;
  struct iov iov[2] = {{buf, 4}, {buf + 4, 4}};
  // _llseek(fd, high, low, &result, whence).
  sys5(__NR__llseek, fd, 0, 2, &pos, 0 /* SEEK_SET */);
  sys5(__NR__llseek, fd, 0, 0, &pos, 2 /* SEEK_END */);
  sys5(__NR__llseek, fd, 1, 0, &pos, 0);  // 4 GiB: fine on a 64-bit kernel
  sys5(__NR__llseek, fd, -1, -5, &pos, 1 /* SEEK_CUR */);  // EINVAL
  sys5(__NR__llseek, fd, 0, 0, 0, 0);                      // EFAULT
  sys5(__NR__llseek, fd, 0, 0, &pos, 7);                   // EINVAL
  sys5(__NR__llseek, -1, 0, 0, &pos, 0);                   // EBADF
  sys3(__NR_lseek, fd, -1, 1);
  sys3(__NR_lseek, fd, 3, 0);
  // pread64(fd, buf, count, low, high).
  sys5(__NR_pread64, fd, buf, 5, 1, 0);
  sys5(__NR_pread64, fd, buf, 5, 0, 1);  // past the end: 0
  sys5(__NR_pread64, fd, buf, 5, -1, -1);  // EINVAL
  sys5(__NR_pwrite64, fd, "xy", 2, 8, 0);
  sys5(__NR_pwrite64, fd, "xy", 2, 0, 0x80000000);
  // preadv(fd, iov, n, low, high), preadv2(..., flags).
  sys5(__NR_preadv, fd, iov, 2, 2, 0);
  sys5(__NR_preadv, fd, iov, 2, 0, 1);
  sys5(__NR_pwritev, fd, iov, 2, 3, 0);
  sys6(__NR_preadv2, fd, (long)iov, 2, 1, 0, 0);
  sys6(__NR_preadv2, fd, (long)iov, 2, -1, -1, 8 /* RWF_NOWAIT */);
  sys6(__NR_pwritev2, fd, (long)iov, 1, 4, 0, 2 /* RWF_DSYNC */);
  sys6(__NR_pwritev2, fd, (long)iov, 1, 0, 1, 0x40);
  // Lengths.
  sys3(__NR_ftruncate64, fd, 20, 0);
  sys3(__NR_ftruncate64, fd, 0, 1);
  sys3(__NR_ftruncate64, fd, -1, -1);
  sys3(__NR_truncate64, FILE, 16, 0);
  sys3(__NR_truncate64, "/nonexistent", 0, 2);
  sys2(__NR_truncate, FILE, 12);
  sys2(__NR_truncate, FILE, -1);
  sys2(__NR_ftruncate, fd, 10);
  sys2(__NR_ftruncate, fd, -2);
  // fadvise64(fd, low, high, len, advice); fadvise64_64 with a 64-bit len.
  sys5(__NR_fadvise64, fd, 1, 0, 100, 4 /* POSIX_FADV_DONTNEED */);
  sys5(__NR_fadvise64, fd, 0, 1, -1, 9);
  sys6(__NR_fadvise64_64, fd, 2, 0, 300, 1, 1 /* POSIX_FADV_RANDOM */);
  sys6(__NR_fadvise64_64, fd, -1, -1, 0, 0, 0);
  // fallocate(fd, mode, off low, high, len low, high).
  sys6(__NR_fallocate, fd, 1 /* KEEP_SIZE */, 0, 0, 4096, 0);
  sys6(__NR_fallocate, fd, 0, 0, 1, 1, 0);
  sys6(__NR_fallocate, fd, 0x80, 0, 0, 0, 0);
  // sync_file_range(fd, off low, high, n low, high, flags).
  sys6(__NR_sync_file_range, fd, 0, 0, 4096, 0, 2 /* WRITE */);
  sys6(__NR_sync_file_range, fd, 0, 1, 0, 1, 7);
  sys6(__NR_sync_file_range, fd, 0, 0, 0, 0, 0x10);
  // readahead(fd, off low, high, count).
  sys4(__NR_readahead, fd, 0, 0, 4096);
  sys4(__NR_readahead, fd, 0, 1, 100);
  sys4(__NR_readahead, -1, 5, 0, 100);
}

static void fcntls(long fd) {
  struct flock fl;
  struct flock64 fl64;
  memset(&fl, 0, sizeof(fl));
  memset(&fl64, 0, sizeof(fl64));
  sys2(__NR_fcntl64, fd, F_GETFD);
  sys3(__NR_fcntl64, fd, F_SETFD, 1);
  sys2(__NR_fcntl64, fd, F_GETFL);
  sys3(__NR_fcntl64, fd, F_SETFL, 04000 /* O_NONBLOCK */);
  sys3(__NR_fcntl64, fd, F_DUPFD, 10);
  sys1(__NR_close, 10);
  sys2(__NR_fcntl, fd, F_GETFL);
  // struct flock64 through fcntl64's 64-bit commands.
  fl64.l_type = F_WRLCK;
  fl64.l_whence = 0;
  fl64.l_start = 0x100000000LL;
  fl64.l_len = 10;
  sys3(__NR_fcntl64, fd, F_SETLK64, &fl64);
  fl64.l_type = F_RDLCK;
  fl64.l_start = 0;
  sys3(__NR_fcntl64, fd, F_GETLK64, &fl64);
  fl64.l_type = F_UNLCK;
  sys3(__NR_fcntl64, fd, F_SETLKW64, &fl64);
  sys3(__NR_fcntl64, fd, F_SETLK64, BAD);
  sys3(__NR_fcntl64, fd, F_GETLK64, 0);
  fl64.l_type = F_RDLCK;
  fl64.l_pid = 0;
  sys3(__NR_fcntl64, fd, F_OFD_SETLK, &fl64);
  fl64.l_type = F_WRLCK;
  sys3(__NR_fcntl64, fd, F_OFD_GETLK, &fl64);
  fl64.l_type = F_UNLCK;
  sys3(__NR_fcntl64, fd, F_OFD_SETLKW, &fl64);
  // struct flock (32-bit offsets) through F_SETLK and F_GETLK.
  fl.l_type = F_WRLCK;
  fl.l_whence = 1;
  fl.l_start = 5;
  fl.l_len = -1;
  sys3(__NR_fcntl64, fd, F_SETLK, &fl);
  fl.l_type = F_RDLCK;
  fl.l_start = 0;
  fl.l_len = 0;
  sys3(__NR_fcntl64, fd, F_GETLK, &fl);
  fl.l_type = F_UNLCK;
  sys3(__NR_fcntl, fd, F_SETLKW, &fl);
  fl.l_type = F_WRLCK;
  sys3(__NR_fcntl, fd, F_GETLK, &fl);
  sys3(__NR_fcntl, fd, F_GETLK, BAD);
  sys3(__NR_fcntl, fd, F_SETLK64, &fl64);  // EINVAL? the kernel says
  fl64.l_type = F_RDLCK;
  sys3(__NR_fcntl, fd, F_OFD_SETLK, &fl64);
  fl64.l_type = F_UNLCK;
  sys3(__NR_fcntl, fd, F_OFD_SETLK, &fl64);
}

static void dirs(void) {
  char buf[512];
  struct old_dirent od;
  long fd = sys3(__NR_open, DIR, 0200000 /* O_DIRECTORY */, 0);
  sys3(__NR_getdents, fd, buf, sizeof(buf));
  sys3(__NR_getdents, fd, buf, sizeof(buf));  // at the end: 0
  sys3(__NR_lseek, fd, 0, 0);
  sys3(__NR_getdents64, fd, buf, sizeof(buf));
  sys3(__NR_lseek, fd, 0, 0);
  sys3(__NR_getdents, fd, buf, 10);  // EINVAL
  sys3(__NR_getdents, fd, BAD, sizeof(buf));
  sys3(__NR_getdents, -1, buf, sizeof(buf));
  sys3(__NR_readdir, fd, BAD, 1);
  sys3(__NR_readdir, -1, &od, 1);
  sys1(__NR_close, fd);
  // readdir prints inode numbers: /proc's "." and ".." are the same in
  // every run.
  fd = sys3(__NR_open, "/proc", 0200000 /* O_DIRECTORY */, 0);
  sys3(__NR_readdir, fd, &od, 1);
  sys3(__NR_readdir, fd, &od, 1);
  sys1(__NR_close, fd);
}

static void copies(long fd) {
  long off = 2;
  long long off64 = 3;
  long out = sys3(__NR_open, "/dev/null", 1 /* O_WRONLY */, 0);
  sys4(__NR_sendfile, out, fd, &off, 4);
  sys4(__NR_sendfile, out, fd, 0, 4);
  sys4(__NR_sendfile, out, fd, BAD, 4);
  sys4(__NR_sendfile64, out, fd, &off64, 5);
  sys4(__NR_sendfile64, out, fd, 0, 5);
  sys4(__NR_sendfile64, -1, fd, &off64, 5);
  sys1(__NR_close, out);
}

static void owners(long fd) {
  sys3(__NR_chown, FILE, 0, 0);
  sys3(__NR_chown, FILE, -1, -1);
  sys3(__NR_chown, FILE, 0xffff, 0xffff);
  sys3(__NR_chown, FILE, 0x12345, 0x10000);
  sys3(__NR_lchown, FILE, -1, 0);
  sys3(__NR_fchown, fd, 0, -1);
  sys3(__NR_chown32, FILE, 0, 0);
  sys3(__NR_chown32, FILE, -1, -1);
  sys3(__NR_lchown32, "/nonexistent", 1000, 1000);
  sys3(__NR_fchown32, fd, -1, 0);
  // mknod(path, mode, dev): a FIFO, a character device, a bad type.
  sys3(__NR_mknod, DIR "/fifo", 0010644, 0);
  sys3(__NR_mknod, DIR "/chr", 0020600, 0x103);
  sys3(__NR_mknod, DIR "/blk", 0060600, (8 << 8) | 1 | (0x123 << 20));
  sys3(__NR_mknod, DIR "/bad", 0170600, 0);
  sys1(__NR_unlink, DIR "/fifo");
  sys1(__NR_unlink, DIR "/chr");
  sys1(__NR_unlink, DIR "/blk");
}

static void misc(long fd) {
  struct ts64 ts[2] = {{1, 2}, {0, 0x3ffffffe /* UTIME_OMIT */}};
  struct ustat32 us;
  unsigned long args[6] = {0, 4096, 1, 2 /* MAP_PRIVATE */, 0, 0};
  sys4(__NR_utimensat_time64, AT_FDCWD, FILE, ts, 0);
  ts[0].nsec = 0x3fffffff;  // UTIME_NOW
  sys4(__NR_utimensat_time64, fd, 0, ts, 0);
  sys4(__NR_utimensat_time64, AT_FDCWD, FILE, 0, 0x100);
  sys4(__NR_utimensat_time64, AT_FDCWD, FILE, BAD, 0);
  // The old mmap: one pointer to its six arguments.
  args[4] = (unsigned long)fd;
  long map = sys1(__NR_mmap, args);
  if (map < 0 && map > -4096) die("old mmap failed");
  sys2(__NR_munmap, map, 4096);
  args[3] = 0x22;  // MAP_PRIVATE|MAP_ANONYMOUS
  args[4] = -1;
  args[5] = 3;  // misaligned offset: EINVAL
  sys1(__NR_mmap, args);
  sys1(__NR_mmap, BAD);
  sys1(__NR_mmap, 0);
  sys2(__NR_ustat, 0x103, &us);
  sys2(__NR_ustat, 0, BAD);
  // fanotify_mark(fd, flags, mask low, mask high, dirfd, path).
  sys6(__NR_fanotify_mark, -1, 1 /* FAN_MARK_ADD */, 3, 0, AT_FDCWD, (long)DIR);
  sys6(__NR_fanotify_mark, -1, 2, 0x08000000, 0x1, -1, 0);
  sys1(__NR_umount, DIR);
  sys1(__NR_umount, "/nonexistent");
}

int scenario_fs(void) {
  // A previous run's, if it was killed.
  sys1(__NR_unlink, FILE);
  sys1(__NR_rmdir, DIR);
  sys2(__NR_mkdir, DIR, 0755);
  long fd = sys3(__NR_open, FILE, 0102 /* O_RDWR|O_CREAT */, 0644);
  if (fd < 0) die("cannot create " FILE);
  sys3(__NR_write, fd, "0123456789abcdef", 16);
  stats();
  statfss();
  offsets(fd);
  fcntls(fd);
  copies(fd);
  owners(fd);
  misc(fd);
  sys1(__NR_close, fd);
  dirs();
  sys1(__NR_unlink, FILE);
  sys1(__NR_rmdir, DIR);
  return 0;
}
