/* mod_latin1: a tserv module that answers in ISO-8859-1, converted with iconv. glibc loads the
 * converter (gconv's ISO8859-1.so, found through gconv-modules) with dlopen at run time. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

int tserv_handle(const char *path, char *body, size_t size) {
    (void) path;
    iconv_t cd = iconv_open("ISO-8859-1", "UTF-8");
    if (cd == (iconv_t) -1) {
        fprintf(stderr, "mod_latin1: conversion from UTF-8 to ISO-8859-1 is not allowed: %s\n", strerror(errno));
        return 1;
    }
    char text[] = "caf\xc3\xa9 cr\xc3\xa8me\n";
    char *in = text, *out = body;
    size_t inleft = strlen(text), outleft = size - 1;
    size_t done = iconv(cd, &in, &inleft, &out, &outleft);
    iconv_close(cd);
    *out = '\0';
    return done == (size_t) -1 ? 1 : 0;
}
