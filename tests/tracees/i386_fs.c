// The i386 tracee's `fs` scenario (see i386_main.c).
#include "i386_sys.h"

int scenario_fs(void) { return 0; }
