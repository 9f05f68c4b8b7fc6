package dev.firetap.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.worker.scanned.ScannedOrders;
import dev.firetap.worker.scanned.nested.ScannedErrors;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandlerClassesTest {
  private final HandlerClasses classes = new HandlerClasses(getClass().getClassLoader());

  @Test
  void findsTheHandlerClassesOfAPackageAndItsSubpackages() {
    List<Class<?>> found = classes.inPackage("dev.firetap.worker.scanned");

    assertThat(found).containsExactly(ScannedOrders.class, ScannedErrors.class);
  }

  @Test
  void listsTheClassesOfAPackageInsideAJar() {
    Set<String> names = classes.classNames("org.junit.jupiter.api");

    assertThat(names).contains("org.junit.jupiter.api.Test", "org.junit.jupiter.api.io.TempDir");
    assertThat(names).noneMatch(name -> name.contains("$"));
  }

  @Test
  void instantiatesAClassByNameWithItsNoArgConstructor() {
    Object handler = classes.instantiate(ScannedOrders.class.getName());

    assertThat(handler).isInstanceOf(ScannedOrders.class);
  }

  @Test
  void rejectsAClassWithoutAPublicNoArgConstructor() {
    assertThatThrownBy(() -> classes.instantiate(List.class.getName()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("handler class java.util.List needs a public no-arg constructor");
  }
}
