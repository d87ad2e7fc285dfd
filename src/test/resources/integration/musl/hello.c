/* hello: a tiny TCP server linked with musl and libgreet; answers every connection with greet(). */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

const char *greet(void);

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 8090;
    int server = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons((unsigned short) port);
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(server, (struct sockaddr *) &address, sizeof address) != 0 || listen(server, 16) != 0) {
        return 1;
    }
    for (;;) {
        int client = accept(server, NULL, NULL);
        if (client >= 0) {
            const char *text = greet();
            if (write(client, text, strlen(text)) < 0) {
                /* the client left */
            }
            close(client);
        }
    }
}
