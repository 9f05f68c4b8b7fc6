package dev.firetap.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves values between {@link Settings} entries and the components of {@link FiretapConfig}, which
 * are matched by {@link Setting#component()}. This is what lets a new setting be one registry entry
 * plus one record component, with no further code.
 */
final class ConfigValues {
  private static final RecordComponent[] COMPONENTS = FiretapConfig.class.getRecordComponents();
  private static final Constructor<FiretapConfig> CONSTRUCTOR = canonicalConstructor();

  private ConfigValues() {}

  /** The configuration holding these values, one per setting. */
  static FiretapConfig assemble(Map<Setting<?>, Object> values) {
    Object[] arguments = new Object[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      arguments[i] = values.get(settingFor(COMPONENTS[i]));
    }
    try {
      return CONSTRUCTOR.newInstance(arguments);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot create FiretapConfig from " + values.keySet(), e);
    }
  }

  /** Every setting's value in this configuration, in registry order. */
  static Map<Setting<?>, Object> of(FiretapConfig config) {
    Map<Setting<?>, Object> values = new LinkedHashMap<>();
    for (Setting<?> setting : Settings.all()) {
      values.put(setting, valueOf(config, setting));
    }
    return values;
  }

  private static Object valueOf(FiretapConfig config, Setting<?> setting) {
    RecordComponent component =
        Arrays.stream(COMPONENTS)
            .filter(candidate -> candidate.getName().equals(setting.component()))
            .findFirst()
            .orElseThrow(() -> missing("FiretapConfig has no component " + setting.component()));
    try {
      return component.getAccessor().invoke(config);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read FiretapConfig." + component.getName(), e);
    }
  }

  private static Setting<?> settingFor(RecordComponent component) {
    return Settings.all().stream()
        .filter(setting -> setting.component().equals(component.getName()))
        .findFirst()
        .orElseThrow(() -> missing("no entry in Settings for component " + component.getName()));
  }

  private static IllegalStateException missing(String what) {
    return new IllegalStateException(
        what + "; every setting needs one FiretapConfig component and one Settings entry");
  }

  private static Constructor<FiretapConfig> canonicalConstructor() {
    Class<?>[] types =
        Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return FiretapConfig.class.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("FiretapConfig has no canonical constructor", e);
    }
  }

  /** The components, by name, for checks that the registry and the record agree. */
  static Map<String, Class<?>> componentTypes() {
    return Arrays.stream(COMPONENTS)
        .collect(
            Collectors.toMap(
                RecordComponent::getName,
                RecordComponent::getType,
                (a, b) -> a,
                LinkedHashMap::new));
  }
}
