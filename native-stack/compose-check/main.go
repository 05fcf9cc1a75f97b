// Command compose-check validates Compose files as Docker Compose loads them, without a Docker
// engine: the Compose specification's schema, interpolation, and references between services,
// volumes and networks (compose-go, the parser Docker Compose itself uses). It also checks that
// every bind-mounted path exists, since a missing one only shows when a container starts.
//
//	go run . ../../docker-compose.dev.yml
//
// Prints one line per file; exits 1 if any file is invalid.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-check COMPOSE_FILE...")
		os.Exit(2)
	}
	failed := false
	for _, file := range os.Args[1:] {
		project, err := load(file)
		if err == nil {
			err = checkBindSources(project)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: invalid: %v\n", file, err)
			failed = true
			continue
		}
		fmt.Printf("%s: valid (services: %v)\n", file, serviceNames(project))
	}
	if failed {
		os.Exit(1)
	}
}

// load reads a Compose file with every profile enabled, so that no service escapes the checks.
func load(file string) (*types.Project, error) {
	absolute, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	options, err := cli.NewProjectOptions(
		[]string{absolute},
		cli.WithWorkingDirectory(filepath.Dir(absolute)),
		cli.WithName("compose-check"),
		cli.WithProfiles([]string{"*"}),
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
		cli.WithInterpolation(true),
	)
	if err != nil {
		return nil, err
	}
	return options.LoadProject(context.Background())
}

func checkBindSources(project *types.Project) error {
	var problems []error
	for _, name := range serviceNames(project) {
		for _, volume := range project.Services[name].Volumes {
			if volume.Type != types.VolumeTypeBind {
				continue
			}
			if _, err := os.Stat(volume.Source); err != nil {
				problems = append(problems, fmt.Errorf("service %s mounts %s, which does not exist", name, volume.Source))
			}
		}
	}
	return errors.Join(problems...)
}

func serviceNames(project *types.Project) []string {
	names := make([]string, 0, len(project.Services))
	for name := range project.Services {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
