package plan

import (
	"fmt"
	"strconv"
)

// yearLabel turns "2023-24" into "2023/24".
func yearLabel(dir string) (string, bool) {
	first, ok := splitYear(dir, '-')
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%04d/%02d", first, (first+1)%100), true
}

// yearStart reads "2023/24" as 2023.
func yearStart(label string) (int, error) {
	first, ok := splitYear(label, '/')
	if !ok {
		return 0, fmt.Errorf("%q is not a financial year written like 2023/24 (the second part is the year after the first)", clip(label))
	}
	return first, nil
}

// splitYear reads YYYY<sep>YY where YY is the two-digit year after YYYY.
func splitYear(s string, sep byte) (int, bool) {
	if len(s) != 7 || s[4] != sep {
		return 0, false
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return 0, false
		}
	}
	first, _ := strconv.Atoi(s[:4])
	second, _ := strconv.Atoi(s[5:])
	if first < 1000 || (first+1)%100 != second {
		return 0, false
	}
	return first, true
}
