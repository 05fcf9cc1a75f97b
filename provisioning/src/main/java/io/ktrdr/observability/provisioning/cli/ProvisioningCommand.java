package io.ktrdr.observability.provisioning.cli;

import io.ktrdr.observability.provisioning.GenerationException;
import io.ktrdr.observability.provisioning.Provisioning;
import io.ktrdr.observability.provisioning.environment.Environment;
import io.ktrdr.observability.provisioning.environment.EnvironmentFile;
import io.ktrdr.observability.provisioning.environment.InvalidEnvironmentException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ktrdr-provisioning generate|validate}: the command line of the provisioning module. */
@Command(
    name = "ktrdr-provisioning",
    mixinStandardHelpOptions = true,
    description = "Generates KTRDR's monitoring configuration (monitoring/ and the compose file) "
        + "from an environment description.",
    subcommands = {
      ProvisioningCommand.Generate.class,
      ProvisioningCommand.Validate.class,
      CommandLine.HelpCommand.class
    })
public final class ProvisioningCommand implements Runnable {
  /** The environment whose files are committed at the project root; others need --output. */
  static final String COMMITTED_ENVIRONMENT = "dev";

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    int exitCode = commandLine().execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** The command with its error handling, for tests and embedding. */
  public static CommandLine commandLine() {
    return new CommandLine(new ProvisioningCommand())
        .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (exception instanceof InvalidEnvironmentException
              || exception instanceof GenerationException
              || exception instanceof java.io.UncheckedIOException) {
            err.println(exception.getMessage());
            err.println("Nothing was written.");
            err.flush();
            return 1;
          }
          throw exception;
        });
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected a subcommand: generate or validate");
  }

  /** Which environment file to read: by name under environments/, or by path. */
  static final class EnvironmentChoice {
    @Option(names = "--env", paramLabel = "NAME",
        description = "Environment name: reads <project-root>/environments/NAME.yaml (e.g. dev, local).")
    String name;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Environment file to read.")
    Path file;

    Path resolve(Path projectRoot) {
      return file != null ? file : projectRoot.resolve("environments").resolve(name + ".yaml");
    }
  }

  /** Shows a path relative to the working directory when it lies below it, as users typed it. */
  static Path shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path workingDir = Path.of("").toAbsolutePath();
    return absolute.startsWith(workingDir) ? workingDir.relativize(absolute) : absolute;
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Writes monitoring/ (and the environment's compose file) under the output directory. "
          + "Nothing is written when the environment or a dashboard is invalid.")
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    EnvironmentChoice environment;

    @Option(names = "--project-root", paramLabel = "DIR", defaultValue = ".",
        description = "The project root, where environments/ is (default: ${DEFAULT-VALUE}).")
    Path projectRoot;

    @Option(names = "--output", paramLabel = "DIR",
        description = "Where monitoring/ and the compose file go (default: the project root, for dev only).")
    Path output;

    @Override
    public Integer call() {
      Path file = shown(environment.resolve(projectRoot));
      Environment loaded = EnvironmentFile.load(file);
      if (output == null && !loaded.name().equals(COMMITTED_ENVIRONMENT)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--output: required for environment '"
            + loaded.name() + "'; only '" + COMMITTED_ENVIRONMENT + "' is generated into the project root");
      }
      Path root = output != null ? output : projectRoot;
      Provisioning.generate(loaded, root);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Generated the '" + loaded.name() + "' environment from " + file + " into "
          + shown(root.resolve(Provisioning.MONITORING_DIR))
          + loaded.compose().map(compose -> " and " + shown(root.resolve(compose.file()))).orElse(""));
      out.flush();
      return 0;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Checks environment files and reports every problem with file, line and field.")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Environment files to check.")
    List<Path> files;

    @Override
    public Integer call() {
      int invalid = 0;
      for (Path file : files) {
        try {
          Environment environment = EnvironmentFile.load(shown(file));
          spec.commandLine().getOut().println(shown(file) + ": ok (environment '" + environment.name() + "', "
              + environment.services().size() + " services)");
        } catch (InvalidEnvironmentException e) {
          spec.commandLine().getErr().println(e.getMessage());
          invalid++;
        }
      }
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().flush();
      return invalid == 0 ? 0 : 1;
    }
  }
}
