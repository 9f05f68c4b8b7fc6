package dev.firetap.annotation.internal;

import dev.firetap.annotations.Sensitive;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The readable properties of a class, found once per class: record components, or else public
 * getters ({@code getX}, {@code isX}) and public fields, in field declaration order.
 */
final class BeanProperties {
  private static final ClassValue<Map<String, Property>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected Map<String, Property> computeValue(Class<?> type) {
          return find(type);
        }
      };

  private static final ClassValue<Map<String, Property>> METHODS_BY_NAME =
      new ClassValue<>() {
        @Override
        protected Map<String, Property> computeValue(Class<?> type) {
          return plainMethods(type);
        }
      };

  private BeanProperties() {}

  /** Every property of {@code type}, by name, in declaration order. */
  static Map<String, Property> of(Class<?> type) {
    return PROPERTIES.get(type);
  }

  /**
   * The property {@code name} of {@code type}: a record component, a getter, a public field, or a
   * public no-argument method of that very name (such as {@code size}).
   */
  static Optional<Property> named(Class<?> type, String name) {
    Property property = of(type).get(name);
    return Optional.ofNullable(property != null ? property : METHODS_BY_NAME.get(type).get(name));
  }

  /**
   * One readable property.
   *
   * @param name the property name, such as {@code customer} for {@code getCustomer()}
   * @param member the accessor method or the field
   * @param sensitive whether the accessor or the field is marked {@link Sensitive}
   */
  record Property(String name, Member member, boolean sensitive) {
    /**
     * Reads the property of {@code target}.
     *
     * @throws IllegalStateException when the accessor throws or cannot be called
     */
    Object read(Object target) {
      try {
        return member instanceof Method method
            ? method.invoke(target)
            : ((Field) member).get(target);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(
            describe() + " threw " + e.getCause().getClass().getName(), e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(describe() + " cannot be read: " + e.getMessage(), e);
      }
    }

    private String describe() {
      return member.getDeclaringClass().getName() + "." + member.getName();
    }
  }

  private static Map<String, Property> find(Class<?> type) {
    Map<String, Field> fields = declaredFields(type);
    Map<String, Property> found = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        addIfReadable(found, component.getName(), component.getAccessor(), fields);
      }
      return found;
    }
    for (Method method : type.getMethods()) {
      String name = getterProperty(method);
      if (name != null) {
        addIfReadable(found, name, method, fields);
      }
    }
    for (Field field : type.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        found.putIfAbsent(field.getName(), property(field.getName(), field, fields));
      }
    }
    return inFieldOrder(found, fields);
  }

  private static void addIfReadable(
      Map<String, Property> found, String name, Member member, Map<String, Field> fields) {
    if (member instanceof AccessibleObject accessible && accessible.trySetAccessible()) {
      found.put(name, property(name, member, fields));
    }
  }

  private static Property property(String name, Member member, Map<String, Field> fields) {
    Field field = fields.get(name);
    boolean sensitive =
        ((AccessibleObject) member).isAnnotationPresent(Sensitive.class)
            || (field != null && field.isAnnotationPresent(Sensitive.class));
    return new Property(name, member, sensitive);
  }

  private static String getterProperty(Method method) {
    if (Modifier.isStatic(method.getModifiers())
        || method.getParameterCount() != 0
        || method.getReturnType() == void.class
        || method.getDeclaringClass() == Object.class) {
      return null;
    }
    String name = method.getName();
    if (name.startsWith("get") && name.length() > 3) {
      return decapitalize(name.substring(3));
    }
    boolean bool =
        method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
    return bool && name.startsWith("is") && name.length() > 2
        ? decapitalize(name.substring(2))
        : null;
  }

  private static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  /** Fields of the class and its superclasses, superclass fields first. */
  private static Map<String, Field> declaredFields(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    for (Class<?> c : chain) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          fields.put(field.getName(), field);
        }
      }
    }
    return fields;
  }

  private static Map<String, Property> inFieldOrder(
      Map<String, Property> found, Map<String, Field> fields) {
    List<String> order = new ArrayList<>(fields.keySet());
    Comparator<String> byField =
        Comparator.comparingInt(
            name -> order.contains(name) ? order.indexOf(name) : Integer.MAX_VALUE);
    Map<String, Property> sorted = new LinkedHashMap<>();
    found.keySet().stream()
        .sorted(byField.thenComparing(Comparator.naturalOrder()))
        .forEach(name -> sorted.put(name, found.get(name)));
    return sorted;
  }

  private static Map<String, Property> plainMethods(Class<?> type) {
    Map<String, Property> methods = new HashMap<>();
    for (Method method : type.getMethods()) {
      boolean candidate =
          !Modifier.isStatic(method.getModifiers())
              && method.getParameterCount() == 0
              && method.getReturnType() != void.class
              && method.getDeclaringClass() != Object.class;
      if (candidate && method.trySetAccessible()) {
        methods.put(method.getName(), new Property(method.getName(), method, false));
      }
    }
    return methods;
  }
}
