// Debian's libxml2 is built with ICU, and encoding.h then includes <unicode/ucnv.h>, whose enums clash
// with the ICU copy inside Foundation ("not present in definition of 'enum UErrorCode'"). We never use
// the ICU converter fields of xmlCharEncodingHandler (only pointers to it), so hide them from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
