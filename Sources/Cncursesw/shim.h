#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* Wide-character ncurses. Swift 6 rejects ncurses' mutable globals (stdscr, LINES, COLS),
   so they are read through these inline functions instead. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/ncurses.h>
#include <wchar.h>

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }

#endif
