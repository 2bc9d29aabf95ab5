// librsvg renders the notice's ranking picture (SVG → PNG through a cairo image surface).
#include <librsvg/rsvg.h>
#include <cairo.h>
