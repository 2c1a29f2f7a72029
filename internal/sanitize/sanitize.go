// Package sanitize makes untrusted text from data files safe to show on a
// terminal: valid UTF-8, no escape sequences, no control, bidi-override,
// zero-width or BOM characters.
package sanitize

// Text returns s made safe for a terminal. Escape sequences (CSI, OSC, ...)
// are removed whole; remaining C0 and C1 controls (CR, BS, U+009B, ...) become
// U+FFFD; bidi overrides and isolates, zero-width characters and BOMs are
// dropped; invalid UTF-8 becomes U+FFFD. A tab becomes a space and DEL
// becomes U+FFFD. Plain text is returned unchanged, without allocating, and
// Text(Text(s)) == Text(s).
func Text(s string) string { return text(s) }
