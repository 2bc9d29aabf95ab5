/* The libfreexl reference of `make bench` (issue 16): reads every cell of the first sheet of an .xls the way the
 * libfreexl-based reader of commit 60c0f8b did (freexl_open, the sheet's dimensions, freexl_get_cell_value for
 * every row and column) and turns each value into text (numbers with %.15g, as a cell's display text needs), so
 * that its time compares with a read of the same file by regtracker's Swift reader. Prints the counts it saw.
 *
 * Build: cc -O2 -o freexl_read freexl_read.c -lfreexl   (Debian: libfreexl-dev)
 * Usage: freexl_read FILE.xls
 */
#include <freexl.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.xls\n", argv[0]);
        return 64;
    }
    const void *handle = NULL;
    int status = freexl_open(argv[1], &handle);
    if (status != FREEXL_OK) {
        fprintf(stderr, "freexl_read: cannot open %s (libfreexl error %d)\n", argv[1], status);
        return 1;
    }
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(handle, 0) != FREEXL_OK ||
        freexl_worksheet_dimensions(handle, &rows, &columns) != FREEXL_OK) {
        fprintf(stderr, "freexl_read: cannot select the first sheet of %s\n", argv[1]);
        freexl_close(handle);
        return 1;
    }
    unsigned long cells = 0, textBytes = 0;
    char buffer[64];
    for (unsigned int row = 0; row < rows; row++) {
        for (unsigned short column = 0; column < columns; column++) {
            FreeXL_CellValue value;
            status = freexl_get_cell_value(handle, row, column, &value);
            if (status != FREEXL_OK) {
                fprintf(stderr, "freexl_read: cannot read row %u column %u (libfreexl error %d)\n", row + 1,
                        column + 1, status);
                freexl_close(handle);
                return 1;
            }
            switch (value.type) {
            case FREEXL_CELL_INT:
                textBytes += (unsigned long)snprintf(buffer, sizeof buffer, "%d", value.value.int_value);
                break;
            case FREEXL_CELL_DOUBLE:
                textBytes += (unsigned long)snprintf(buffer, sizeof buffer, "%.15g", value.value.double_value);
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                textBytes += value.value.text_value ? strlen(value.value.text_value) : 0;
                break;
            default:
                continue;
            }
            cells++;
        }
    }
    freexl_close(handle);
    printf("%u rows, %u columns, %lu cells, %lu bytes of text\n", rows, (unsigned)columns, cells, textBytes);
    return 0;
}
