package main

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
)

const missingField = "required field is missing from input"

// disagreement is a place where the SDK's schema (v0.0.22, generated from Grafana's dashboard kind)
// refuses what Grafana itself writes and loads.
type disagreement struct {
	path    *regexp.Regexp
	message string
	reason  string
}

var schemaDisagreements = []disagreement{
	{
		// The schema types panel links and field links as dashboard links (type, icon, tooltip,
		// tags, asDropdown, includeVars, keepTime and targetBlank required); Grafana's editors
		// write and read data links ({title, url} and an optional targetBlank).
		path:    regexp.MustCompile(`^` + panel + `\.(links|fieldConfig\.defaults\.links)\[\d+\]\.(type|icon|tooltip|tags|asDropdown|includeVars|keepTime|targetBlank)$`),
		message: missingField,
		reason:  "panel and field links are data links {title, url, targetBlank?} in Grafana, dashboard links in the SDK's schema",
	},
	{
		// Grafana's Prometheus query editor writes these on every query it saves; the SDK's
		// Prometheus query type lacks them.
		path:    regexp.MustCompile(`^` + panel + `\.targets\[\d+\]\.(disableTextWrap|fullMetaSearch|includeNullMetadata|useBackend)$`),
		message: "unknown field",
		reason:  "written by Grafana's Prometheus query editor, missing from the SDK's Prometheus query type",
	},
}

// panel matches the JSON path of a panel, inside a row or not.
const panel = `panels\[\d+\](\.panels\[\d+\])?`

// schemaDisagreement tells whether a problem is one the SDK reports although Grafana accepts it: a
// listed disagreement, or a required field missing inside an object that only the SDK's own
// defaults put there (the table footer the SDK fills in has no reducer).
func schemaDisagreement(document map[string]any, problem *cog.BuildError) (string, bool) {
	for _, known := range schemaDisagreements {
		if problem.Message == known.message && known.path.MatchString(problem.Path) {
			return known.reason, true
		}
	}
	if problem.Message == missingField {
		if parent, ok := parentPath(problem.Path); ok && !present(document, parent) {
			return "inside " + parent + ", which is not in the file but an incomplete default of the SDK", true
		}
	}
	return "", false
}

func parentPath(path string) (string, bool) {
	cut := strings.LastIndexAny(path, ".[")
	if cut <= 0 {
		return "", false
	}
	return path[:cut], true
}

// present tells whether the JSON path (a.b[2].c) leads to a value in the document.
func present(document map[string]any, path string) bool {
	var current any = document
	for _, segment := range strings.Split(strings.ReplaceAll(path, "[", ".["), ".") {
		if segment == "" {
			continue
		}
		if strings.HasPrefix(segment, "[") {
			index, err := strconv.Atoi(strings.Trim(segment, "[]"))
			array, ok := current.([]any)
			if err != nil || !ok || index < 0 || index >= len(array) {
				return false
			}
			current = array[index]
			continue
		}
		object, ok := current.(map[string]any)
		if !ok {
			return false
		}
		if current, ok = object[segment]; !ok {
			return false
		}
	}
	return true
}
