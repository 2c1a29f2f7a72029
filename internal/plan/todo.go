package plan

// Placeholders until the implementation lands.

import (
	"errors"
	"io/fs"
)

var errTODO = errors.New("plan: not implemented")

func load(fsys fs.FS, path, display string, opt Options) (Library, error) {
	return Library{}, errTODO
}
func readCSV(file string, data []byte) (Table, error)                { return Table{}, errTODO }
func parseSystems(t Table, year string) (Dataset, error)             { return Dataset{}, errTODO }
func parseScenario(file string, data []byte) (Scenario, error)       { return Scenario{}, errTODO }
func validateScenario(s Scenario) error                              { return nil }
func marshalScenario(s Scenario) []byte                              { return nil }
func defaultScenario(d Dataset) Scenario                             { return Scenario{} }
func yearLabel(dir string) (string, bool)                            { return "", false }
func yearStart(label string) (int, error)                            { return 0, errTODO }
func readXLSX(file string, data []byte, sheet string) (Table, error) { return Table{}, errTODO }
func template(format string) ([]byte, error)                         { return nil, errTODO }
