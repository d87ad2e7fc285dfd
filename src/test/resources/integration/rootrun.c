/*
 * rootrun: starts a program inside an image's root filesystem the way a container runtime
 * would, for the integration tests (podman run cannot start containers on the test machines).
 *
 *   rootrun [--read-only] [--tmpfs PATH:OPTIONS]... ROOTFS UID GID WORKDIR NAME=VALUE... -- PROGRAM [ARG...]
 *
 * --read-only and --tmpfs do what docker run's options of those names do: the root filesystem
 * is mounted read-only, and a tmpfs (OPTIONS such as uid=10001,gid=10001,mode=0750) on PATH.
 *
 * New mount and pid namespaces; /proc and /dev mounted inside ROOTFS; chroot, chdir to WORKDIR;
 * stdio handed to the user as runc does (so /dev/stderr can be reopened); supplementary groups
 * dropped, then gid and uid set; execve with exactly the given environment. The network is the host's, so tests talk to the program on 127.0.0.1. On
 * SIGTERM or SIGINT, rootrun kills the namespace's init, which takes every process with it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t child = -1;

static void die(const char *what) {
    fprintf(stderr, "rootrun: %s: %s\n", what, strerror(errno));
    exit(125);
}

static void stop(int sig) {
    (void) sig;
    if (child > 0) {
        kill(child, SIGKILL);
    }
}

static void mount_inside(const char *rootfs, const char *dir, const char *source, const char *type,
        unsigned long flags) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", rootfs, dir);
    mkdir(path, 0755);
    if (mount(source, path, type, flags, NULL) != 0) {
        die(path);
    }
}

#define MAX_TMPFS 64

int main(int argc, char **argv) {
    int readOnly = 0;
    const char *tmpfs[MAX_TMPFS];
    int tmpfsCount = 0;
    int first = 1;
    while (first < argc && strncmp(argv[first], "--", 2) == 0 && argv[first][2] != '\0') {
        if (strcmp(argv[first], "--read-only") == 0) {
            readOnly = 1;
            first++;
        } else if (strcmp(argv[first], "--tmpfs") == 0 && first + 1 < argc && tmpfsCount < MAX_TMPFS) {
            tmpfs[tmpfsCount++] = argv[first + 1];
            first += 2;
        } else {
            fprintf(stderr, "rootrun: unknown option %s\n", argv[first]);
            return 125;
        }
    }
    argv += first - 1;
    argc -= first - 1;
    if (argc < 7) {
        fprintf(stderr, "usage: rootrun [--read-only] [--tmpfs PATH:OPTIONS]... ROOTFS UID GID WORKDIR NAME=VALUE... "
                "-- PROGRAM [ARG...]\n");
        return 125;
    }
    const char *rootfs = argv[1];
    uid_t uid = (uid_t) strtoul(argv[2], NULL, 10);
    gid_t gid = (gid_t) strtoul(argv[3], NULL, 10);
    const char *workdir = argv[4];
    int separator = 5;
    while (separator < argc && strcmp(argv[separator], "--") != 0) {
        separator++;
    }
    if (separator + 1 >= argc) {
        fprintf(stderr, "rootrun: no program after --\n");
        return 125;
    }
    int envc = separator - 5;
    char **envp = calloc((size_t) envc + 1, sizeof(char *));
    for (int i = 0; i < envc; i++) {
        envp[i] = argv[5 + i];
    }
    if (unshare(CLONE_NEWNS | CLONE_NEWPID) != 0) {
        die("unshare");
    }
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
        die("make / private");
    }
    child = fork();
    if (child < 0) {
        die("fork");
    }
    if (child > 0) {
        signal(SIGTERM, stop);
        signal(SIGINT, stop);
        int status;
        while (waitpid(child, &status, 0) < 0) {
            if (errno != EINTR) {
                die("waitpid");
            }
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (readOnly) {
        char path[PATH_MAX];
        /* Mount points first, while the root is writable, as a runtime creates them. */
        snprintf(path, sizeof path, "%s/proc", rootfs);
        mkdir(path, 0755);
        snprintf(path, sizeof path, "%s/dev", rootfs);
        mkdir(path, 0755);
        if (mount(rootfs, rootfs, NULL, MS_BIND | MS_REC, NULL) != 0
                || mount(NULL, rootfs, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0) {
            die("read-only root");
        }
    }
    for (int i = 0; i < tmpfsCount; i++) {
        char spec[PATH_MAX];
        char target[PATH_MAX];
        snprintf(spec, sizeof spec, "%s", tmpfs[i]);
        char *options = strchr(spec, ':');
        if (options != NULL) {
            *options++ = '\0';
        }
        snprintf(target, sizeof target, "%s%s", rootfs, spec);
        if (mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0) {
            die(target);
        }
    }
    mount_inside(rootfs, "proc", "proc", "proc", 0);
    mount_inside(rootfs, "dev", "/dev", NULL, MS_BIND | MS_REC);
    if (chroot(rootfs) != 0) {
        die("chroot");
    }
    if (chdir(workdir) != 0) {
        die(workdir);
    }
    for (int fd = 0; fd <= 2; fd++) {
        struct stat st;
        if (fstat(fd, &st) == 0 && !S_ISCHR(st.st_mode) && fchown(fd, uid, gid) != 0) {
            die("chown stdio");
        }
    }
    if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0) {
        die("drop privileges");
    }
    execve(argv[separator + 1], &argv[separator + 1], envp);
    die(argv[separator + 1]);
    return 125;
}
