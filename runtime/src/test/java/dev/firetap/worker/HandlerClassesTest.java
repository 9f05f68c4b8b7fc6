package dev.firetap.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firetap.config.FiretapConfig;
import dev.firetap.handler.HandlerContext;
import dev.firetap.worker.scanned.ScannedOrders;
import dev.firetap.worker.scanned.nested.ScannedErrors;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandlerClassesTest {
  private final HandlerClasses classes = new HandlerClasses(getClass().getClassLoader());
  private final HandlerContext context = new HandlerContext(FiretapConfig.defaults());

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
    Object handler = classes.instantiate(ScannedOrders.class.getName(), context);

    assertThat(handler).isInstanceOf(ScannedOrders.class);
  }

  @Test
  void givesTheContextToAClassWhoseConstructorTakesIt() {
    Object handler = classes.instantiate(ScannedErrors.class.getName(), context);

    assertThat(((ScannedErrors) handler).context()).isSameAs(context);
  }

  @Test
  void rejectsAClassWithoutAUsableConstructor() {
    assertThatThrownBy(() -> classes.instantiate(List.class.getName(), context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "handler class java.util.List needs a public constructor taking a HandlerContext,"
                + " or a public no-arg constructor");
  }
}
