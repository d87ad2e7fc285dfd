/* tserv: a small threaded HTTP server for distrogen's tests. One worker thread per connection,
 * which ends with pthread_exit: glibc then loads libgcc_s.so.1 with dlopen to unwind it, so the
 * server needs that library only once it has served a request. Its config (tserv -c FILE) names
 * the port, the modules it loads with dlopen (each may answer requests) and a random source it
 * opens at start:
 *   listen 8080
 *   module /usr/lib/tserv/mod_latin1.so
 *   random /dev/urandom
 */
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

typedef int (*handler)(const char *path, char *body, size_t size);
static handler handlers[8];
static int nhandlers;

static void *worker(void *arg) {
    int fd = (int) (long) arg;
    char request[2048], body[1024], response[2048];
    ssize_t n = read(fd, request, sizeof request - 1);
    request[n > 0 ? n : 0] = '\0';
    char path[512] = "/";
    sscanf(request, "GET %511s", path);
    int status = 200;
    snprintf(body, sizeof body, "tserv: hello from %s\n", path);
    for (int i = 0; i < nhandlers && status == 200; i++) {
        if (handlers[i](path, body, sizeof body) != 0) {
            status = 500;
        }
    }
    int len = snprintf(response, sizeof response, "HTTP/1.0 %d %s\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s",
            status, status == 200 ? "OK" : "Internal Server Error", strlen(body), body);
    if (write(fd, response, len) < 0) {
        perror("tserv: write");
    }
    close(fd);
    pthread_exit(NULL); /* glibc unwinds the thread with libgcc_s.so.1, loaded now */
}

static void stop(int sig) {
    fprintf(stderr, "tserv: stopping on signal %d\n", sig);
    exit(0);
}

int main(int argc, char **argv) {
    if (argc != 3 || strcmp(argv[1], "-c") != 0) {
        fprintf(stderr, "usage: tserv -c CONFIG\n");
        return 2;
    }
    FILE *config = fopen(argv[2], "r");
    if (config == NULL) {
        fprintf(stderr, "tserv: cannot read %s: %s\n", argv[2], strerror(errno));
        return 1;
    }
    int port = 8080;
    char line[512], value[480];
    while (fgets(line, sizeof line, config) != NULL) {
        if (sscanf(line, "listen %d", &port) == 1) {
            continue;
        }
        if (sscanf(line, "random %479s", value) == 1) {
            FILE *random = fopen(value, "r");
            if (random == NULL || fgetc(random) == EOF) {
                fprintf(stderr, "tserv: cannot read random bytes from %s: %s\n", value, strerror(errno));
                return 1;
            }
            fclose(random);
        } else if (sscanf(line, "module %479s", value) == 1) {
            void *module = dlopen(value, RTLD_NOW);
            handler h = module == NULL ? NULL : (handler) dlsym(module, "tserv_handle");
            if (h == NULL) {
                fprintf(stderr, "tserv: cannot load module %s: %s\n", value, dlerror());
                return 1;
            }
            handlers[nhandlers++] = h;
        }
    }
    fclose(config);
    signal(SIGTERM, stop);
    signal(SIGINT, stop);
    int server = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(server, (struct sockaddr *) &address, sizeof address) != 0 || listen(server, 16) != 0) {
        fprintf(stderr, "tserv: cannot listen on port %d: %s\n", port, strerror(errno));
        return 1;
    }
    fprintf(stderr, "tserv: listening on port %d with %d modules\n", port, nhandlers);
    for (;;) {
        int fd = accept(server, NULL, NULL);
        if (fd < 0) {
            continue;
        }
        pthread_t thread;
        pthread_create(&thread, NULL, worker, (void *) (long) fd);
        pthread_detach(thread);
    }
}
