// Command dashboard-check checks Grafana dashboard JSON files against the dashboard schema Grafana
// publishes as typed Go code (grafana-foundation-sdk, generated from Grafana's own schemas), without
// a Grafana server. Each file is decoded strictly into the SDK's dashboard types: panel options and
// custom field config into the types of their panel plugin, Prometheus queries into the Prometheus
// query type, field configs into the field config type. Then the SDK's validation runs (grid
// positions and other ranges). Unknown fields, wrong types and missing required fields are errors
// naming the file and the JSON path.
//
// Grafana fills a missing field that has a default in its schema with that default, so the
// defaults the SDK knows are filled in before decoding (defaults.go). Where the SDK's schema
// disagrees with what Grafana writes and loads (disagreements.go), the findings are printed as
// notes, not errors.
//
//	go run . ../../monitoring/grafana/dashboards
//
// Arguments are files or directories (their *.json files). Prints one line per file and one per
// problem; exits 1 if any file is invalid, 2 on bad usage.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/cog/plugins"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dashboard-check DASHBOARD_JSON_OR_DIRECTORY...")
		os.Exit(2)
	}
	files, err := dashboardFiles(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(2)
	}
	plugins.RegisterDefaultPlugins()
	failed := false
	for _, file := range files {
		result := check(file)
		for _, note := range result.notes {
			fmt.Printf("%s: note: %s\n", file, note)
		}
		if len(result.problems) > 0 {
			failed = true
			fmt.Printf("%s: invalid: %d problem(s)\n", file, len(result.problems))
			for _, problem := range result.problems {
				fmt.Printf("%s: %s\n", file, problem)
			}
			continue
		}
		fmt.Printf("%s: valid (uid %s, %d panels)\n", file, result.uid, result.panels)
	}
	if failed {
		os.Exit(1)
	}
}

// dashboardFiles expands directories into their *.json files, in name order.
func dashboardFiles(arguments []string) ([]string, error) {
	var files []string
	for _, argument := range arguments {
		info, err := os.Stat(argument)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, argument)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(argument, "*.json"))
		if err != nil {
			return nil, err
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("no *.json file in %s", argument)
		}
		sort.Strings(matches)
		files = append(files, matches...)
	}
	return files, nil
}

type report struct {
	uid      string
	panels   int
	problems []string
	notes    []string
}

func check(file string) report {
	var result report
	raw, err := os.ReadFile(file)
	if err != nil {
		result.problems = append(result.problems, err.Error())
		return result
	}
	document, err := decodeObject(raw)
	if err != nil {
		result.problems = append(result.problems, err.Error())
		return result
	}
	withDefaults, err := json.Marshal(fillDefaults(document))
	if err != nil {
		result.problems = append(result.problems, err.Error())
		return result
	}

	var strict dashboard.Dashboard
	var found []*cog.BuildError
	found = append(found, buildErrors("", strict.UnmarshalJSONStrict(withDefaults))...)
	found = append(found, checkFieldConfigs(document)...)
	found = append(found, validate(withDefaults)...)

	accepted := map[string][]string{}
	seen := map[string]bool{}
	for _, problem := range found {
		text := problem.Path + ": " + problem.Message
		if seen[text] {
			continue
		}
		seen[text] = true
		if reason, known := schemaDisagreement(document, problem); known {
			accepted[reason] = append(accepted[reason], text)
			continue
		}
		result.problems = append(result.problems, text)
	}
	sort.Strings(result.problems)
	for reason, texts := range accepted {
		sort.Strings(texts)
		result.notes = append(result.notes,
			fmt.Sprintf("%d accepted, %s (first: %s)", len(texts), reason, texts[0]))
	}
	sort.Strings(result.notes)

	result.uid, _ = document["uid"].(string)
	forEachPanel(document, func(_ string, panel map[string]any) {
		if panel["type"] != "row" {
			result.panels++
		}
	})
	return result
}

// decodeObject parses JSON into a tree, refusing anything but one object, with the line and column
// of a syntax error.
func decodeObject(raw []byte) (map[string]any, error) {
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.UseNumber()
	var document map[string]any
	if err := decoder.Decode(&document); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			line, column := position(raw, syntax.Offset)
			return nil, fmt.Errorf("line %d, column %d: %v", line, column, err)
		}
		return nil, fmt.Errorf("not a dashboard object: %v", err)
	}
	if decoder.More() {
		return nil, errors.New("text after the dashboard object")
	}
	return document, nil
}

func position(raw []byte, offset int64) (line, column int) {
	line, column = 1, 1
	for _, b := range raw[:min(int(offset), len(raw))] {
		if b == '\n' {
			line, column = line+1, 1
		} else {
			column++
		}
	}
	return line, column
}

// checkFieldConfigs decodes each panel's field config strictly: the SDK's panel decoding is strict
// only for the plugin's custom field config and lets unknown fields elsewhere in the defaults and
// overrides through.
func checkFieldConfigs(document map[string]any) []*cog.BuildError {
	var found []*cog.BuildError
	forEachPanel(document, func(path string, panel map[string]any) {
		fieldConfig, ok := panel["fieldConfig"].(map[string]any)
		if !ok {
			return
		}
		copied := deepCopy(fieldConfig).(map[string]any)
		if defaults, ok := copied["defaults"].(map[string]any); ok {
			delete(defaults, "custom") // the plugin's own type, checked by the panel decoding
		}
		raw, err := json.Marshal(copied)
		if err != nil {
			found = append(found, &cog.BuildError{Path: path + ".fieldConfig", Message: err.Error()})
			return
		}
		var source dashboard.FieldConfigSource
		found = append(found, buildErrors(path+".fieldConfig", source.UnmarshalJSONStrict(raw))...)
	})
	return found
}

// validate runs the SDK's validation (grid positions, ranges, ...) on the dashboard and on each
// panel on its own, so that a panel the strict decoding refused, for a problem already reported,
// does not hide the others. Panel links are left out: the SDK mistypes them (disagreements.go).
func validate(withDefaults []byte) []*cog.BuildError {
	var document map[string]any
	if err := json.Unmarshal(withDefaults, &document); err != nil {
		return buildErrors("(dashboard)", err)
	}
	var found []*cog.BuildError
	forEachPanel(document, func(path string, panel map[string]any) {
		copied := deepCopy(panel).(map[string]any)
		delete(copied, "links")
		delete(copied, "panels") // a row's panels are visited on their own
		// The plugin's own types were checked by the strict decoding; a problem there must not
		// keep the rest of the panel from being validated.
		delete(copied, "options")
		if fieldConfig, ok := copied["fieldConfig"].(map[string]any); ok {
			if defaults, ok := fieldConfig["defaults"].(map[string]any); ok {
				delete(defaults, "custom")
			}
		}
		raw, err := json.Marshal(copied)
		if err != nil {
			return
		}
		if copied["type"] == "row" {
			var row dashboard.RowPanel
			if json.Unmarshal(raw, &row) == nil {
				found = append(found, buildErrors(path, row.Validate())...)
			}
			return
		}
		var one dashboard.Panel
		if json.Unmarshal(raw, &one) == nil {
			found = append(found, buildErrors(path, one.Validate())...)
		}
	})
	delete(document, "panels")
	raw, err := json.Marshal(document)
	if err != nil {
		return append(found, buildErrors("(dashboard)", err)...)
	}
	var board dashboard.Dashboard
	if json.Unmarshal(raw, &board) == nil {
		found = append(found, buildErrors("", board.Validate())...)
	}
	return found
}

var unexpectedField = regexp.MustCompile(`^unexpected field '(.*)'$`)

// buildErrors flattens an SDK error into path and message pairs below prefix. The SDK reports an
// unknown field at the name of the Go type holding it ("panels[1].options.Options: unexpected
// field 'x'"); that becomes "panels[1].options.x: unknown field".
func buildErrors(prefix string, err error) []*cog.BuildError {
	if err == nil {
		return nil
	}
	var list cog.BuildErrors
	if !errors.As(err, &list) {
		var single *cog.BuildError
		if errors.As(err, &single) {
			list = cog.BuildErrors{single}
		} else {
			list = cog.BuildErrors{{Path: "", Message: err.Error()}}
		}
	}
	out := make([]*cog.BuildError, 0, len(list))
	for _, item := range list {
		path, message := strings.TrimPrefix(item.Path, "."), item.Message
		if match := unexpectedField.FindStringSubmatch(message); match != nil {
			if cut := strings.LastIndex(path, "."); cut >= 0 && isTypeName(path[cut+1:]) {
				path = path[:cut]
			} else if isTypeName(path) {
				path = ""
			}
			path, message = strings.TrimPrefix(path+"."+match[1], "."), "unknown field"
		}
		switch {
		case prefix == "":
		case path == "":
			path = prefix
		default:
			path = prefix + "." + path
		}
		if path == "" {
			path = "(dashboard)"
		}
		out = append(out, &cog.BuildError{Path: path, Message: message})
	}
	return out
}

func isTypeName(segment string) bool {
	return segment != "" && unicode.IsUpper(rune(segment[0]))
}
