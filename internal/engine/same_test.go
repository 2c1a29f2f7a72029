package engine

import (
	"fmt"
	"reflect"

	"icsplan/internal/money"

	"github.com/shopspring/decimal"
)

var (
	decimalType = reflect.TypeOf(decimal.Decimal{})
	ratioType   = reflect.TypeOf(money.Ratio{})
)

// difference is "" when a and b hold the same figures, else the path to
// the first that differs and both values: reflect.DeepEqual, except that
// decimals are compared as numbers (1.50 is 1.5) and ratios by value (3/6
// is 1/2; a ratio with no denominator, "none", only equals another), since
// the integer and decimal paths write the same number in different forms.
// Nil and empty slices are the same.
func difference(a, b any) string {
	return diff(reflect.ValueOf(a), reflect.ValueOf(b), "")
}

func diff(a, b reflect.Value, path string) string {
	if a.IsValid() != b.IsValid() {
		return fmt.Sprintf("%s: one is missing", path)
	}
	if !a.IsValid() {
		return ""
	}
	switch a.Type() {
	case decimalType:
		x, y := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal)
		if !x.Equal(y) {
			return fmt.Sprintf("%s: %s vs %s", path, x, y)
		}
		return ""
	case ratioType:
		x, y := a.Interface().(money.Ratio), b.Interface().(money.Ratio)
		if x.Den.IsZero() || y.Den.IsZero() {
			if x.Den.IsZero() != y.Den.IsZero() || !x.Num.Equal(y.Num) {
				return fmt.Sprintf("%s: %v vs %v", path, x, y)
			}
			return ""
		}
		if x.Cmp(y) != 0 {
			return fmt.Sprintf("%s: %v vs %v", path, x, y)
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: one is nil", path)
			}
			return ""
		}
		return diff(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := range a.NumField() {
			if d := diff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d elements vs %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := diff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d keys vs %d", path, a.Len(), b.Len())
		}
		for _, k := range a.MapKeys() {
			if d := diff(a.MapIndex(k), b.MapIndex(k), fmt.Sprintf("%s[%v]", path, k)); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return fmt.Sprintf("%s: %v vs %v", path, a.Interface(), b.Interface())
	}
	return ""
}
