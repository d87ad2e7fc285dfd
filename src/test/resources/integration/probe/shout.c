/* A library the plugin needs: the trace must bring it with the plugin (its ldd closure). */
#include <ctype.h>

static char loud[128];

const char *shout(const char *text) {
    int i = 0;
    for (; text[i] && i < 127; i++) loud[i] = (char)toupper((unsigned char)text[i]);
    loud[i] = 0;
    return loud;
}
