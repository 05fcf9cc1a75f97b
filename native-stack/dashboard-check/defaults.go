package main

import (
	"encoding/json"
	"strconv"

	"github.com/grafana/grafana-foundation-sdk/go/annotationslist"
	"github.com/grafana/grafana-foundation-sdk/go/barchart"
	"github.com/grafana/grafana-foundation-sdk/go/bargauge"
	"github.com/grafana/grafana-foundation-sdk/go/candlestick"
	"github.com/grafana/grafana-foundation-sdk/go/canvas"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	"github.com/grafana/grafana-foundation-sdk/go/dashboardlist"
	"github.com/grafana/grafana-foundation-sdk/go/datagrid"
	"github.com/grafana/grafana-foundation-sdk/go/debug"
	"github.com/grafana/grafana-foundation-sdk/go/gauge"
	"github.com/grafana/grafana-foundation-sdk/go/geomap"
	"github.com/grafana/grafana-foundation-sdk/go/heatmap"
	"github.com/grafana/grafana-foundation-sdk/go/histogram"
	"github.com/grafana/grafana-foundation-sdk/go/logs"
	"github.com/grafana/grafana-foundation-sdk/go/news"
	"github.com/grafana/grafana-foundation-sdk/go/nodegraph"
	"github.com/grafana/grafana-foundation-sdk/go/piechart"
	"github.com/grafana/grafana-foundation-sdk/go/stat"
	"github.com/grafana/grafana-foundation-sdk/go/statetimeline"
	"github.com/grafana/grafana-foundation-sdk/go/statushistory"
	"github.com/grafana/grafana-foundation-sdk/go/table"
	"github.com/grafana/grafana-foundation-sdk/go/text"
	"github.com/grafana/grafana-foundation-sdk/go/timeseries"
	"github.com/grafana/grafana-foundation-sdk/go/trend"
	"github.com/grafana/grafana-foundation-sdk/go/xychart"
)

// pluginDefaults are the schema defaults of each panel plugin the SDK knows: its options and its
// custom field config, as the SDK's constructors set them.
type pluginDefaults struct {
	options     func() any
	fieldConfig func() any
}

var panelPlugins = map[string]pluginDefaults{
	"annolist":       {func() any { return annotationslist.NewOptions() }, nil},
	"barchart":       {func() any { return barchart.NewOptions() }, func() any { return barchart.NewFieldConfig() }},
	"bargauge":       {func() any { return bargauge.NewOptions() }, nil},
	"candlestick":    {func() any { return candlestick.NewOptions() }, func() any { return candlestick.NewFieldConfig() }},
	"canvas":         {func() any { return canvas.NewOptions() }, nil},
	"dashlist":       {func() any { return dashboardlist.NewOptions() }, nil},
	"datagrid":       {func() any { return datagrid.NewOptions() }, nil},
	"debug":          {func() any { return debug.NewOptions() }, nil},
	"gauge":          {func() any { return gauge.NewOptions() }, nil},
	"geomap":         {func() any { return geomap.NewOptions() }, nil},
	"heatmap":        {func() any { return heatmap.NewOptions() }, func() any { return heatmap.NewFieldConfig() }},
	"histogram":      {func() any { return histogram.NewOptions() }, func() any { return histogram.NewFieldConfig() }},
	"logs":           {func() any { return logs.NewOptions() }, nil},
	"news":           {func() any { return news.NewOptions() }, nil},
	"nodeGraph":      {func() any { return nodegraph.NewOptions() }, nil},
	"piechart":       {func() any { return piechart.NewOptions() }, func() any { return piechart.NewFieldConfig() }},
	"stat":           {func() any { return stat.NewOptions() }, nil},
	"state-timeline": {func() any { return statetimeline.NewOptions() }, func() any { return statetimeline.NewFieldConfig() }},
	"status-history": {func() any { return statushistory.NewOptions() }, func() any { return statushistory.NewFieldConfig() }},
	"table":          {func() any { return table.NewOptions() }, func() any { return table.NewFieldConfig() }},
	"text":           {func() any { return text.NewOptions() }, nil},
	"timeseries":     {func() any { return timeseries.NewOptions() }, func() any { return timeseries.NewFieldConfig() }},
	"trend":          {func() any { return trend.NewOptions() }, func() any { return trend.NewFieldConfig() }},
	"xychart":        {func() any { return xychart.NewOptions() }, func() any { return xychart.NewFieldConfig() }},
}

// fillDefaults returns a copy of the dashboard with every field that is missing and has a default in
// the SDK's schema set to that default, as Grafana does when it loads a dashboard. Present values
// are never changed, so wrong types and unknown fields still show.
func fillDefaults(document map[string]any) map[string]any {
	filled := deepCopy(document).(map[string]any)
	mergeMissing(filled, tree(dashboard.NewDashboard()))
	if links, ok := filled["links"].([]any); ok {
		for _, link := range links {
			if object, ok := link.(map[string]any); ok {
				mergeMissing(object, tree(dashboard.NewDashboardLink()))
			}
		}
	}
	forEachPanel(filled, func(_ string, panel map[string]any) {
		kind, _ := panel["type"].(string)
		plugin, known := panelPlugins[kind]
		if !known {
			return
		}
		if options, ok := panel["options"].(map[string]any); ok {
			mergeMissing(options, tree(plugin.options()))
		}
		fieldConfig, _ := panel["fieldConfig"].(map[string]any)
		defaults, _ := fieldConfig["defaults"].(map[string]any)
		if custom, ok := defaults["custom"].(map[string]any); ok && plugin.fieldConfig != nil {
			mergeMissing(custom, tree(plugin.fieldConfig()))
		}
	})
	return filled
}

// forEachPanel calls visit with the JSON path of every panel object, rows and panels inside rows
// included.
func forEachPanel(document map[string]any, visit func(path string, panel map[string]any)) {
	panels, _ := document["panels"].([]any)
	for i, element := range panels {
		panel, ok := element.(map[string]any)
		if !ok {
			continue
		}
		path := "panels[" + strconv.Itoa(i) + "]"
		visit(path, panel)
		nested, _ := panel["panels"].([]any)
		for j, inner := range nested {
			if object, ok := inner.(map[string]any); ok {
				visit(path+".panels["+strconv.Itoa(j)+"]", object)
			}
		}
	}
}

// mergeMissing copies into target every key of defaults it lacks, recursing into objects both have.
func mergeMissing(target map[string]any, defaults map[string]any) {
	for key, value := range defaults {
		existing, present := target[key]
		if !present {
			target[key] = value
			continue
		}
		existingObject, existingIsObject := existing.(map[string]any)
		defaultObject, defaultIsObject := value.(map[string]any)
		if existingIsObject && defaultIsObject {
			mergeMissing(existingObject, defaultObject)
		}
	}
}

// tree turns an SDK value into a JSON tree, as the SDK marshals it, without its nulls: a field the
// SDK leaves null (such as the table footer's reducer) has no default to fill in.
func tree(value any) map[string]any {
	raw, err := json.Marshal(value)
	if err != nil {
		panic(err) // the SDK's own default values always marshal
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		panic(err)
	}
	dropNulls(out)
	return out
}

func dropNulls(object map[string]any) {
	for key, value := range object {
		switch typed := value.(type) {
		case nil:
			delete(object, key)
		case map[string]any:
			dropNulls(typed)
		}
	}
}

func deepCopy(value any) any {
	switch typed := value.(type) {
	case map[string]any:
		out := make(map[string]any, len(typed))
		for key, element := range typed {
			out[key] = deepCopy(element)
		}
		return out
	case []any:
		out := make([]any, len(typed))
		for i, element := range typed {
			out[i] = deepCopy(element)
		}
		return out
	default:
		return value
	}
}
