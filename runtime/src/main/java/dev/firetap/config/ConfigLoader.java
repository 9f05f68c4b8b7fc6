package dev.firetap.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Reads settings from agent arguments, system properties and environment variables, in that order
 * of precedence, validates every effective value and builds the {@link FiretapConfig}.
 */
final class ConfigLoader {
  private static final String PROPERTY_PREFIX = "firetap.";
  private static final String VARIABLE_PREFIX = "FIRETAP_";
  private static final String PROPERTY_ORIGIN = " (from system property)";

  // The build passes the checkout's location to test JVMs under this name; it is not a setting.
  private static final Set<String> NOT_SETTINGS = Set.of("firetap.projectRoot");

  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;

  /** A loader over these system properties and environment variables, which it copies. */
  ConfigLoader(Map<String, String> systemProperties, Map<String, String> environment) {
    this.systemProperties = Map.copyOf(systemProperties);
    this.environment = Map.copyOf(environment);
  }

  /** A loader over this JVM's system properties and this process's environment. */
  static ConfigLoader ofThisProcess() {
    Properties properties = System.getProperties();
    Map<String, String> snapshot = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      snapshot.put(name, properties.getProperty(name));
    }
    return new ConfigLoader(snapshot, System.getenv());
  }

  /** A value as given, and the note that says where it came from ("" for none). */
  private record Given(String text, String origin) {}

  /**
   * Loads the configuration.
   *
   * @param agentArguments the agent argument string, or null if there is none
   * @throws FiretapConfigException listing every invalid value and unknown name
   */
  FiretapConfig load(String agentArguments) {
    Map<Setting<?>, Given> given = new HashMap<>();
    List<String> problems = new ArrayList<>();

    readEnvironment(given);
    readSystemProperties(given, problems);
    readAgentArguments(agentArguments, given, problems);

    return resolve(given, problems);
  }

  /**
   * The configuration made of these settings and the defaults only.
   *
   * @param settings values by full name, e.g. {@code firetap.batch.size}
   * @throws FiretapConfigException listing every invalid value and unknown name
   */
  FiretapConfig fromMap(Map<String, String> settings) {
    Map<Setting<?>, Given> given = new HashMap<>();
    List<String> problems = new ArrayList<>();
    settings.forEach(
        (name, value) -> {
          Objects.requireNonNull(value, name);
          Settings.named(name)
              .ifPresentOrElse(
                  setting -> given.put(setting, new Given(value, "")),
                  () -> problems.add(unknown(name, "")));
        });
    return resolve(given, problems);
  }

  /** A copy of {@code config} with one setting changed, validated like any other value. */
  FiretapConfig with(FiretapConfig config, String name, String value) {
    String fullName = name.startsWith(PROPERTY_PREFIX) ? name : PROPERTY_PREFIX + name;
    Setting<?> setting =
        Settings.named(fullName)
            .orElseThrow(() -> new FiretapConfigException(List.of(unknown(name, ""))));
    Map<Setting<?>, Object> values = ConfigValues.of(config);
    try {
      values.put(setting, setting.parse(value));
    } catch (IllegalArgumentException e) {
      throw new FiretapConfigException(List.of(e.getMessage()));
    }
    return ConfigValues.assemble(values);
  }

  /** The {@code FIRETAP_*} environment variables that name no setting, sorted. */
  List<String> ignoredEnvironmentVariables() {
    return environment.keySet().stream()
        .filter(variable -> variable.startsWith(VARIABLE_PREFIX))
        .filter(variable -> Settings.forEnvironmentVariable(variable).isEmpty())
        .sorted()
        .toList();
  }

  private void readEnvironment(Map<Setting<?>, Given> given) {
    environment.forEach(
        (variable, value) ->
            Settings.forEnvironmentVariable(variable)
                .ifPresent(
                    setting ->
                        given.put(
                            setting,
                            new Given(value, " (from environment variable " + variable + ")"))));
  }

  private void readSystemProperties(Map<Setting<?>, Given> given, List<String> problems) {
    systemProperties.entrySet().stream()
        .filter(property -> property.getKey().startsWith(PROPERTY_PREFIX))
        .filter(property -> !NOT_SETTINGS.contains(property.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            property ->
                Settings.named(property.getKey())
                    .ifPresentOrElse(
                        setting ->
                            given.put(setting, new Given(property.getValue(), PROPERTY_ORIGIN)),
                        () -> problems.add(unknown(property.getKey(), PROPERTY_ORIGIN))));
  }

  private void readAgentArguments(
      String agentArguments, Map<Setting<?>, Given> given, List<String> problems) {
    AgentArguments.Parsed parsed = AgentArguments.parse(agentArguments);
    problems.addAll(parsed.problems());
    Map<Setting<?>, String> seen = new LinkedHashMap<>();
    for (AgentArguments.Entry entry : parsed.entries()) {
      String fullName =
          entry.name().startsWith(PROPERTY_PREFIX) ? entry.name() : PROPERTY_PREFIX + entry.name();
      Setting<?> setting = Settings.named(fullName).orElse(null);
      if (setting == null) {
        problems.add(unknown(entry.name(), AgentArguments.ORIGIN));
      } else if (seen.putIfAbsent(setting, entry.name()) != null) {
        problems.add(setting.name() + " must be given once, got it twice" + AgentArguments.ORIGIN);
      } else {
        given.put(setting, new Given(entry.value(), AgentArguments.ORIGIN));
      }
    }
  }

  private FiretapConfig resolve(Map<Setting<?>, Given> given, List<String> problems) {
    Map<Setting<?>, Object> values = new HashMap<>();
    for (Setting<?> setting : Settings.all()) {
      Given value = given.getOrDefault(setting, defaultOf(setting));
      try {
        values.put(setting, setting.parse(value.text()));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage() + value.origin());
      }
    }
    if (!problems.isEmpty()) {
      throw new FiretapConfigException(problems);
    }
    return ConfigValues.assemble(values);
  }

  private Given defaultOf(Setting<?> setting) {
    return new Given(setting.defaultValue(systemProperties), "");
  }

  private static String unknown(String name, String origin) {
    return "unknown setting '"
        + name
        + "'"
        + origin
        + "; did you mean "
        + Settings.closestName(name)
        + "?";
  }
}
