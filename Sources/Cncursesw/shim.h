#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* Wide-character ncurses. Swift 6 rejects ncurses' mutable globals (stdscr, LINES, COLS),
   and does not import macros built from expressions (A_BOLD, BUTTON1_PRESSED, varargs tparm),
   so they are reached through these inline functions instead. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <ncursesw/ncurses.h>
#include <string.h>
#include <sys/ioctl.h>
#include <wchar.h>

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }

/* Attributes for setcchar. */
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_dim(void) { return A_DIM; }

/* Mouse event masks. */
static inline mmask_t shim_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t shim_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t shim_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_button5_pressed(void) { return BUTTON5_PRESSED; }

/* A terminfo string capability, or NULL when absent or not a string
   (tigetstr signals the latter with (char *)-1). */
static inline const char *shim_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return value == (char *)-1 ? NULL : value;
}

/* tparm with one parameter; tparm itself is varargs, which Swift cannot call. */
static inline const char *shim_tparm1(const char *capability, long p1) {
    return tparm(capability, p1, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
}

/* The C library's column width, which ncurses uses to advance the cursor. Declared here because
   <wchar.h> only declares it for X/Open builds. */
static inline int shim_wcwidth(wchar_t c) {
    extern int wcwidth(wchar_t);
    return wcwidth(c);
}

/* Whether the current LC_CTYPE encodes text as UTF-8 (otherwise draw ASCII only). */
static inline int shim_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* Bytes waiting to be read on a terminal (FIONREAD); 0 when it cannot say. */
static inline int shim_bytes_waiting(int fd) {
    int count = 0;
    return ioctl(fd, FIONREAD, &count) == 0 ? count : 0;
}

#endif
