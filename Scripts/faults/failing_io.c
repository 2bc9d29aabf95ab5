// An LD_PRELOAD shim that makes one write or sync to a regular file fail, for the I/O fault tests
// (Tests/RegTrackerCLITests/IOFaultTests.swift). Built by the test with `cc -shared -fPIC`.
//
// Environment:
//   FAILING_IO_OPS    which calls are counted: "write" (write, pwrite, pwrite64, writev), "sync" (fsync, fdatasync)
//                     or "all" (default)
//   FAILING_IO_CALL   the counted call that fails, from 1; 0 or unset: none fails (the shim only counts)
//   FAILING_IO_ERRNO  EIO (default) or ENOSPC
//   FAILING_IO_STICKY 1: every counted call after the failing one fails too (a disk that stays full or broken)
//   FAILING_IO_COUNT  a file to which the number of counted calls is written at exit (to choose fault points)
//
// Only calls on regular files are counted: the terminal, pipes and sockets are left alone so that the program
// can still say what went wrong.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static long counted;
static long failing_call = -1;
static int failing_errno = EIO;
static int sticky;
static int count_writes = 1, count_syncs = 1;

__attribute__((constructor)) static void arm(void) {
    const char *call = getenv("FAILING_IO_CALL");
    if (call && atol(call) > 0) failing_call = atol(call);
    const char *code = getenv("FAILING_IO_ERRNO");
    if (code && strcmp(code, "ENOSPC") == 0) failing_errno = ENOSPC;
    const char *stay = getenv("FAILING_IO_STICKY");
    sticky = stay && strcmp(stay, "1") == 0;
    const char *ops = getenv("FAILING_IO_OPS");
    if (ops && strcmp(ops, "write") == 0) count_syncs = 0;
    if (ops && strcmp(ops, "sync") == 0) count_writes = 0;
}

__attribute__((destructor)) static void report(void) {
    const char *path = getenv("FAILING_IO_COUNT");
    if (!path) return;
    FILE *file = fopen(path, "w");
    if (!file) return;
    fprintf(file, "%ld\n", counted);
    fclose(file);
}

/// True when this call is to fail (errno is then set).
static int fails(int fd, int counts) {
    if (!counts) return 0;
    struct stat status;
    if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) return 0;
    long call = __atomic_add_fetch(&counted, 1, __ATOMIC_SEQ_CST);
    if (failing_call < 0) return 0;
    if (call == failing_call || (sticky && call > failing_call)) {
        errno = failing_errno;
        return 1;
    }
    return 0;
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void *buffer, size_t count) {
    if (fails(fd, count_writes)) return -1;
    return NEXT(write)(fd, buffer, count);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    if (fails(fd, count_writes)) return -1;
    return NEXT(pwrite)(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off64_t offset) {
    if (fails(fd, count_writes)) return -1;
    return NEXT(pwrite64)(fd, buffer, count, offset);
}

ssize_t writev(int fd, const struct iovec *vector, int count) {
    if (fails(fd, count_writes)) return -1;
    return NEXT(writev)(fd, vector, count);
}

int fsync(int fd) {
    if (fails(fd, count_syncs)) return -1;
    return NEXT(fsync)(fd);
}

int fdatasync(int fd) {
    if (fails(fd, count_syncs)) return -1;
    return NEXT(fdatasync)(fd);
}
