package main

import (
	"path/filepath"
	"strings"

	"icsplan/internal/plan"
)

func init() {
	register(subcommand{
		name:  "template",
		usage: "template -o FILE         write an empty plans file (FILE ends .csv or .xlsx)",
		run:   runTemplate,
	})
}

// runTemplate writes an empty plans file; the format follows the extension.
func runTemplate(c config, _ env) error {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(c.output), "."))
	if c.output == "" || (ext != "csv" && ext != "xlsx") {
		return usagef("template needs -o FILE ending .csv or .xlsx")
	}
	data, err := plan.Template(ext)
	if err != nil {
		return err
	}
	return writeOutput(c, data)
}
