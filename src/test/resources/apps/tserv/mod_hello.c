/* mod_hello: a tserv module that adds a line to every answer. */
#include <string.h>

int tserv_handle(const char *path, char *body, size_t size) {
    (void) path;
    strncat(body, "mod_hello was here\n", size - strlen(body) - 1);
    return 0;
}
