/*
 * A small HTTP server for the build-time probe's tests, an app none of the examples is:
 *   probe-server PORT [--config FILE] [--need-dev] [--plugin PATH] [--crash-after N]
 * --config FILE must be readable at start: its first line is the answer (else "ok").
 * The parent binds PORT and keeps one worker process, which answers every request "ok", or with
 * --plugin the greeting of PATH, a shared object it loads with dlopen only when it serves (and
 * aborts, without answering, when it cannot). --need-dev reads /dev/urandom and writes /dev/null
 * at start, as many programs do. --crash-after N: the worker aborts shortly after its Nth answer,
 * and the parent starts another. SIGTERM stops both.
 */
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t worker;

static void stop(int sig) {
    (void)sig;
    if (worker > 0) kill(worker, SIGTERM);
    _exit(0);
}

static char answer[256] = "ok\n";

static void serve(int listener, const char *plugin, int crash_after) {
    int answered = 0;
    for (;;) {
        int conn = accept(listener, NULL, NULL);
        if (conn < 0) continue;
        char request[2048];
        if (read(conn, request, sizeof request) < 0) { close(conn); continue; }
        const char *body = answer;
        if (plugin) {
            void *lib = dlopen(plugin, RTLD_NOW);
            if (!lib) {
                fprintf(stderr, "probe-server: cannot load %s: %s\n", plugin, dlerror());
                abort();
            }
            const char *(*greeting)(void) = (const char *(*)(void))dlsym(lib, "greeting");
            body = greeting();
        }
        char response[512];
        int n = snprintf(response, sizeof response,
                         "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n\r\n%s",
                         strlen(body), body);
        if (write(conn, response, n) < 0) perror("probe-server: write");
        close(conn);
        if (crash_after > 0 && ++answered == crash_after) {
            usleep(300000);
            fprintf(stderr, "probe-server: worker %d crashes after %d answers\n", (int)getpid(), answered);
            abort();
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: probe-server PORT [--config FILE] [--need-dev] [--plugin PATH] [--crash-after N]\n");
        return 2;
    }
    const char *plugin = NULL;
    int need_dev = 0, crash_after = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--need-dev")) need_dev = 1;
        else if (!strcmp(argv[i], "--plugin") && i + 1 < argc) plugin = argv[++i];
        else if (!strcmp(argv[i], "--crash-after") && i + 1 < argc) crash_after = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
            FILE *config = fopen(argv[++i], "r");
            if (!config || !fgets(answer, sizeof answer, config)) {
                fprintf(stderr, "probe-server: cannot read its config %s: %s\n", argv[i], strerror(errno));
                return 1;
            }
            fclose(config);
        }
    }
    if (need_dev) {
        unsigned char seed[16];
        FILE *random = fopen("/dev/urandom", "rb");
        FILE *null = fopen("/dev/null", "wb");
        if (!random || fread(seed, 1, sizeof seed, random) != sizeof seed || !null) {
            fprintf(stderr, "probe-server: cannot read /dev/urandom or write /dev/null: %s\n", strerror(errno));
            return 1;
        }
        fputs("seeded\n", null);
        fclose(null);
        fclose(random);
    }
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(atoi(argv[1]));
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listener, 16) < 0) {
        fprintf(stderr, "probe-server: cannot listen on port %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    signal(SIGTERM, stop);
    printf("probe-server: listening on 127.0.0.1:%s\n", argv[1]);
    fflush(stdout);
    for (;;) {
        worker = fork();
        if (worker == 0) {
            signal(SIGTERM, SIG_DFL);
            serve(listener, plugin, crash_after);
        }
        int status;
        while (waitpid(worker, &status, 0) < 0 && errno == EINTR) {}
        if (WIFSIGNALED(status))
            fprintf(stderr, "probe-server: worker %d died of signal %d; starting another\n", (int)worker, WTERMSIG(status));
    }
}
