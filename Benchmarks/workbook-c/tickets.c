/*
 * The workbook stage as a plain C program: writes the Tickets sheet that maxcloud-report
 * writes (same cells, types, formats, widths, frozen header, autofilter and conditional
 * format) with libxlsxwriter in constant-memory mode, for the benchmark to compare with.
 *
 *   tickets CELLS.tsv OUT.xlsx
 *
 * CELLS.tsv comes from `maxcloud-bench cells`: one row per ticket, 17 tab-separated cells,
 * each a type letter and a value: `n` number, `s` text (\t \n \r \\ escaped), `d` a
 * datetime as "Y M D h m s", or `-` for an empty cell. The first line holds the column
 * widths. Everything is read into memory first; only the writing is timed, and the time
 * goes to standard output as "write_seconds N".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#define COLUMNS 17

typedef struct {
    char type;
    double number;
    char *text;
    lxw_datetime datetime;
} cell_t;

static const char *headers[COLUMNS] = {
    "Company ID", "Company", "Ticket", "State", "Status", "Priority", "Subject", "Assigned to",
    "Created by", "Updated by", "Team ID", "Team", "Created", "Updated", "Age (days)",
    "Age bucket", "Comments",
};

static char *unescape(const char *from, size_t length) {
    char *text = malloc(length + 1);
    size_t out = 0;
    for (size_t i = 0; i < length; i++) {
        if (from[i] == '\\' && i + 1 < length) {
            i++;
            text[out++] = from[i] == 't' ? '\t' : from[i] == 'n' ? '\n' : from[i] == 'r' ? '\r' : from[i];
        } else {
            text[out++] = from[i];
        }
    }
    text[out] = '\0';
    return text;
}

static void parse_cell(cell_t *cell, const char *field, size_t length) {
    cell->type = length ? field[0] : '-';
    switch (cell->type) {
    case 'n':
        cell->number = strtod(field + 1, NULL);
        break;
    case 's':
        cell->text = unescape(field + 1, length - 1);
        break;
    case 'd':
        sscanf(field + 1, "%d %d %d %d %d %lf", &cell->datetime.year,
               &cell->datetime.month, &cell->datetime.day, &cell->datetime.hour,
               &cell->datetime.min, &cell->datetime.sec);
        break;
    default:
        cell->type = '-';
    }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void check(lxw_error error, const char *what) {
    if (error != LXW_NO_ERROR) {
        fprintf(stderr, "tickets: %s: %s\n", what, lxw_strerror(error));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: tickets CELLS.tsv OUT.xlsx\n");
        return 64;
    }
    FILE *input = fopen(argv[1], "r");
    if (!input) {
        perror(argv[1]);
        return 1;
    }
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    double widths[COLUMNS];
    if (getline(&line, &capacity, input) <= 0) return 1;
    char *cursor = line;
    for (int c = 0; c < COLUMNS; c++) widths[c] = strtod(cursor, &cursor);

    size_t rows = 0, allocated = 1 << 16;
    cell_t *cells = calloc(allocated * COLUMNS, sizeof(cell_t));
    while ((length = getline(&line, &capacity, input)) > 0) {
        if (line[length - 1] == '\n') line[--length] = '\0';
        if (rows == allocated) {
            allocated *= 2;
            cells = realloc(cells, allocated * COLUMNS * sizeof(cell_t));
        }
        char *start = line;
        for (int c = 0; c < COLUMNS; c++) {
            char *end = strchr(start, '\t');
            size_t size = end ? (size_t)(end - start) : strlen(start);
            parse_cell(&cells[rows * COLUMNS + c], start, size);
            start = end ? end + 1 : start + size;
        }
        rows++;
    }
    fclose(input);

    double started = now();
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *book = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Tickets");
    lxw_format *header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, 0xE7EBF0);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format *datetime = workbook_add_format(book);
    format_set_num_format(datetime, "yyyy-mm-dd hh:mm:ss");
    lxw_format *stale = workbook_add_format(book);
    format_set_font_color(stale, 0x9C0006);
    format_set_bg_color(stale, 0xFFC7CE);

    lxw_row_t last = rows > 0 ? (lxw_row_t)rows : 1;
    for (int c = 0; c < COLUMNS; c++) {
        check(worksheet_set_column(sheet, c, c, widths[c], c == 12 || c == 13 ? datetime : NULL),
              "column width");
    }
    worksheet_freeze_panes(sheet, 1, 0);
    check(worksheet_autofilter(sheet, 0, 0, last, COLUMNS - 1), "autofilter");
    lxw_conditional_format rule = {.type = LXW_CONDITIONAL_TYPE_FORMULA,
                                   .value_string = "=AND($E2=\"open\",ISNUMBER($O2),$O2>=30)",
                                   .format = stale};
    check(worksheet_conditional_format_range(sheet, 1, 0, last, COLUMNS - 1, &rule),
          "conditional format");
    for (int c = 0; c < COLUMNS; c++) {
        check(worksheet_write_string(sheet, 0, c, headers[c], header), "header");
    }
    for (size_t r = 0; r < rows; r++) {
        for (int c = 0; c < COLUMNS; c++) {
            cell_t *cell = &cells[r * COLUMNS + c];
            lxw_row_t row = (lxw_row_t)(r + 1);
            switch (cell->type) {
            case 'n':
                check(worksheet_write_number(sheet, row, c, cell->number, NULL), "number");
                break;
            case 's':
                check(worksheet_write_string(sheet, row, c, cell->text, NULL), "text");
                break;
            case 'd':
                check(worksheet_write_datetime(sheet, row, c, &cell->datetime, datetime),
                      "datetime");
                break;
            }
        }
    }
    check(workbook_close(book), "close");
    printf("write_seconds %.3f\nrows %zu\n", now() - started, rows);
    return 0;
}
