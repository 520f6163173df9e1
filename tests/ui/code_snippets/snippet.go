package main

import (
	"fmt"
	"strings"
)

// Shout upper-cases s; "func" in a comment is no keyword.
func Shout(s string) (string, error) {
	if len(s) == 0 {
		return "", fmt.Errorf("empty input")
	}
	return strings.ToUpper(s) + "!", nil
}

func main() {
	query := `SELECT *
FROM users`
	var r rune = 'x'
	out, err := Shout("hi")
	fmt.Println(out, err, query, r, 0x2A, 1.5e9)
}
