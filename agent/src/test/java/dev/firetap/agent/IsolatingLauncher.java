package dev.firetap.agent;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts applications the way a Spring Boot launcher or an application server does: each in a class
 * loader of its own over its classes and jars, whose parent is the platform class loader, so that
 * nothing is found on the system class path (which holds this class alone). Arguments: {@code
 * <class path> <main class> <argument>...}, several applications separated by {@code --}. Each main
 * runs on a thread of its own, with its class loader as the context class loader.
 */
public final class IsolatingLauncher {
  private IsolatingLauncher() {}

  public static void main(String[] args) throws Exception {
    List<String> application = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--")) {
        launch(application);
        application.clear();
      } else {
        application.add(arg);
      }
    }
    launch(application);
  }

  private static void launch(List<String> application) throws Exception {
    ClassLoader loader =
        new URLClassLoader(urls(application.get(0)), ClassLoader.getPlatformClassLoader());
    Method main = loader.loadClass(application.get(1)).getMethod("main", String[].class);
    String[] args = application.subList(2, application.size()).toArray(new String[0]);
    Thread thread =
        new Thread(
            () -> {
              try {
                main.invoke(null, (Object) args);
              } catch (ReflectiveOperationException e) {
                e.printStackTrace();
              }
            },
            "main-of-" + loader);
    thread.setContextClassLoader(loader);
    thread.start();
  }

  private static URL[] urls(String classPath) throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return urls.toArray(new URL[0]);
  }
}
