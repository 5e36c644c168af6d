// The i386 tracee's `proc` scenario (see i386_main.c).
#include "i386_sys.h"

int scenario_proc(void) { return 0; }
