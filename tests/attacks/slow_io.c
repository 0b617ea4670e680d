/* An LD_PRELOAD library for the attack tests: makes the calls that publish files slow
 * (rename, link, symlink, unlink, fsync, ...), so that a kill -9 lands inside the publish
 * window often, and logs each call with its time, so that a test can find that window.
 *   DOSSIER_SLOW_IO_US   microseconds to sleep before each call (default 0)
 *   DOSSIER_SLOW_IO_LOG  file to append "<seconds since epoch> <call> <path>" lines to */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void slow(const char* call, const char* path) {
  const char* us = getenv("DOSSIER_SLOW_IO_US");
  if (us && *us) usleep((useconds_t)strtoul(us, NULL, 10));
  const char* log = getenv("DOSSIER_SLOW_IO_LOG");
  if (log && *log) {
    /* One write(2) per line, opened each time: the log must survive the kill. */
    int (*real_open)(const char*, int, ...) = (int (*)(const char*, int, ...))dlsym(RTLD_NEXT, "open");
    int fd = real_open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) {
      struct timespec ts;
      clock_gettime(CLOCK_REALTIME, &ts);
      char line[4200];
      int n = snprintf(line, sizeof line, "%ld.%09ld %s %s\n", (long)ts.tv_sec, ts.tv_nsec, call, path ? path : "-");
      if (n > 0) {
        ssize_t ignored = write(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
        (void)ignored;
      }
      close(fd);
    }
  }
}

typedef int (*path2_fn)(const char*, const char*);
typedef int (*at2_fn)(int, const char*, int, const char*);
typedef int (*at2_flags_fn)(int, const char*, int, const char*, unsigned);
typedef int (*path_fn)(const char*);
typedef int (*fd_fn)(int);

#define REAL(name, type) \
  static type real = NULL; \
  if (!real) real = (type)dlsym(RTLD_NEXT, name)

int rename(const char* from, const char* to) {
  REAL("rename", path2_fn);
  slow("rename", to);
  return real(from, to);
}

int renameat(int fd1, const char* from, int fd2, const char* to) {
  REAL("renameat", at2_fn);
  slow("renameat", to);
  return real(fd1, from, fd2, to);
}

int renameat2(int fd1, const char* from, int fd2, const char* to, unsigned flags) {
  REAL("renameat2", at2_flags_fn);
  slow("renameat2", to);
  return real(fd1, from, fd2, to, flags);
}

int link(const char* from, const char* to) {
  REAL("link", path2_fn);
  slow("link", to);
  return real(from, to);
}

int symlink(const char* target, const char* path) {
  REAL("symlink", path2_fn);
  slow("symlink", path);
  return real(target, path);
}

int unlink(const char* path) {
  REAL("unlink", path_fn);
  slow("unlink", path);
  return real(path);
}

int rmdir(const char* path) {
  REAL("rmdir", path_fn);
  slow("rmdir", path);
  return real(path);
}

int remove(const char* path) {
  REAL("remove", path_fn);
  slow("remove", path);
  return real(path);
}

int fsync(int fd) {
  REAL("fsync", fd_fn);
  slow("fsync", NULL);
  return real(fd);
}
