// Package xlsxwtest checks the package structure of an .xlsx file, for
// tests: every part is well-formed XML, every part has a content type,
// every relationship's target and every r:id a part uses exist. It is
// imported only by tests, so no binary links it.
package xlsxwtest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

const nsOfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// Check returns the first fault it finds in the workbook data, or nil.
func Check(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a zip: %w", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		if _, dup := parts[f.Name]; dup {
			return fmt.Errorf("%s is in the zip twice", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		parts[f.Name] = b
		if err := wellFormed(b); err != nil {
			return fmt.Errorf("%s is not well-formed XML: %w", f.Name, err)
		}
	}
	if err := contentTypes(parts); err != nil {
		return err
	}
	for name := range parts {
		if err := relsOf(name, parts); err != nil {
			return err
		}
	}
	return nil
}

// wellFormed decodes every token of an XML document.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d root elements", roots)
	}
	return nil
}

// contentTypes checks that every part has a content type and every
// override names a part.
func contentTypes(parts map[string][]byte) error {
	var ct struct {
		Defaults []struct {
			Extension string `xml:",attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName string `xml:",attr"`
		} `xml:"Override"`
	}
	data, ok := parts["[Content_Types].xml"]
	if !ok {
		return errors.New("no [Content_Types].xml")
	}
	if err := xml.Unmarshal(data, &ct); err != nil {
		return fmt.Errorf("[Content_Types].xml: %w", err)
	}
	typed := map[string]bool{}
	for _, o := range ct.Overrides {
		name := strings.TrimPrefix(o.PartName, "/")
		if _, ok := parts[name]; !ok {
			return fmt.Errorf("[Content_Types].xml names %s, which is not in the zip", o.PartName)
		}
		typed[name] = true
	}
	exts := map[string]bool{}
	for _, d := range ct.Defaults {
		exts[strings.ToLower(d.Extension)] = true
	}
	for name := range parts {
		if name != "[Content_Types].xml" && !typed[name] && !exts[strings.TrimPrefix(path.Ext(name), ".")] {
			return fmt.Errorf("%s has no content type", name)
		}
	}
	return nil
}

type relationships struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Target     string `xml:",attr"`
		TargetMode string `xml:",attr"`
	} `xml:"Relationship"`
}

// relsOf checks a part's relationships part, if it has one: each target
// exists, and each r:id the part uses is one of them.
func relsOf(name string, parts map[string][]byte) error {
	if strings.HasSuffix(name, ".rels") {
		return nil
	}
	dir, file := path.Split(name)
	relsName := dir + "_rels/" + file + ".rels"
	if name == "" {
		relsName = "_rels/.rels"
	}
	ids := map[string]bool{}
	if data, ok := parts[relsName]; ok {
		var rs relationships
		if err := xml.Unmarshal(data, &rs); err != nil {
			return fmt.Errorf("%s: %w", relsName, err)
		}
		for _, r := range rs.Rels {
			if ids[r.ID] {
				return fmt.Errorf("%s has two relationships %s", relsName, r.ID)
			}
			ids[r.ID] = true
			target := path.Join(dir, r.Target)
			if strings.HasPrefix(r.Target, "/") {
				target = strings.TrimPrefix(r.Target, "/")
			}
			if _, ok := parts[target]; !ok && r.TargetMode != "External" {
				return fmt.Errorf("%s: %s's target %s is not in the zip", relsName, r.ID, target)
			}
		}
	}
	if name == "[Content_Types].xml" {
		return relsOf("", parts)
	}
	return usedIDs(name, parts[name], ids)
}

// usedIDs checks every r:id (and r:embed) attribute of a part against its
// relationships.
func usedIDs(name string, data []byte, ids map[string]bool) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Space == nsOfficeRel && (a.Name.Local == "id" || a.Name.Local == "embed") && !ids[a.Value] {
				return fmt.Errorf("%s: <%s> refers to relationship %s, which it does not have", name, se.Name.Local, a.Value)
			}
		}
	}
}
