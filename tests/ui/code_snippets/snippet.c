#include <stdio.h>
#include "config.h"
#define MAX_ITEMS 128

/* Counts the words of a line;
   "while" here is no keyword. */
static size_t count_words(const char *line) {
    size_t words = 0;
    int in_word = 0;
    for (; *line != '\0'; ++line) {
        if (*line == ' ') in_word = 0;
        else if (!in_word) { in_word = 1; ++words; }
    }
    return words;  // return is a keyword, this comment is not
}

int main(void) {
    printf("%zu words\n", count_words("one two three"));
    return 0xFFu > 3.5f ? 0 : 1;
}
