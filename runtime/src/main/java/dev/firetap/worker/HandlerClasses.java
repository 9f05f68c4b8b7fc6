package dev.firetap.worker;

import dev.firetap.handler.HandlerContext;
import dev.firetap.handler.internal.AnnotatedHandlers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds handler classes on the class path and creates their instances. */
final class HandlerClasses {
  private final ClassLoader loader;

  HandlerClasses(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * The classes of {@code packageName} and its subpackages that have {@code @OnChange} or
   * {@code @OnLog} methods, sorted by name, from directories and jars of the class path.
   */
  List<Class<?>> inPackage(String packageName) {
    List<Class<?>> handlers = new ArrayList<>();
    for (String name : classNames(packageName)) {
      Class<?> type = load(name);
      if (!type.isInterface()
          && !Modifier.isAbstract(type.getModifiers())
          && AnnotatedHandlers.hasHandlers(type)) {
        handlers.add(type);
      }
    }
    return handlers;
  }

  /** The names of the top-level classes of a package and its subpackages, sorted. */
  TreeSet<String> classNames(String packageName) {
    TreeSet<String> names = new TreeSet<>();
    String path = packageName.replace('.', '/');
    try {
      for (URL url : Collections.list(loader.getResources(path))) {
        names.addAll(classNames(url, path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list package " + packageName, e);
    }
    return names;
  }

  /**
   * An instance of the named class; see {@link #instantiate(Class, HandlerContext)}.
   *
   * @throws IllegalArgumentException when the class is missing or cannot be instantiated
   */
  Object instantiate(String className, HandlerContext context) {
    return instantiate(load(className), context);
  }

  /**
   * An instance of {@code type}, made with its public constructor taking a {@link HandlerContext}
   * when it has one, else with its public no-arg constructor.
   *
   * @throws IllegalArgumentException when the class has neither or its constructor fails
   */
  Object instantiate(Class<?> type, HandlerContext context) {
    try {
      Optional<Constructor<?>> withContext = publicConstructor(type, HandlerContext.class);
      if (withContext.isPresent()) {
        return withContext.get().newInstance(context);
      }
      Optional<Constructor<?>> withoutArguments = publicConstructor(type);
      if (withoutArguments.isPresent()) {
        return withoutArguments.get().newInstance();
      }
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "handler class " + type.getName() + " failed in its constructor: " + e.getCause(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "handler class " + type.getName() + " cannot be instantiated: " + e, e);
    }
    throw new IllegalArgumentException(
        "handler class "
            + type.getName()
            + " needs a public constructor taking a HandlerContext, or a public no-arg"
            + " constructor");
  }

  private static Optional<Constructor<?>> publicConstructor(Class<?> type, Class<?>... parameters) {
    try {
      return Optional.of(type.getConstructor(parameters));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private Class<?> load(String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("handler class " + name + " cannot be loaded: " + e, e);
    }
  }

  private static List<String> classNames(URL url, String path) throws IOException {
    return switch (url.getProtocol()) {
      case "file" -> inDirectory(toPath(url), path);
      case "jar" -> inJar(((JarURLConnection) url.openConnection()).getJarFile(), path);
      default -> List.of();
    };
  }

  private static List<String> inDirectory(Path directory, String path) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .filter(HandlerClasses::isTopLevelClass)
          .map(relative -> className(path + "/" + relative))
          .toList();
    }
  }

  private static List<String> inJar(JarFile jar, String path) {
    return jar.stream()
        .map(JarEntry::getName)
        .filter(name -> name.startsWith(path + "/") && isTopLevelClass(name))
        .map(HandlerClasses::className)
        .toList();
  }

  private static boolean isTopLevelClass(String file) {
    return file.endsWith(".class") && !file.contains("$") && !file.endsWith("package-info.class");
  }

  private static String className(String file) {
    return file.substring(0, file.length() - ".class".length()).replace('/', '.');
  }

  private static Path toPath(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("class path entry " + url + " is not a valid path", e);
    }
  }
}
