package dev.firetap.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorInfoTest {
  @Test
  void describesAThrowableWithItsCauses() {
    IllegalStateException failure =
        new IllegalStateException("outer", new IllegalArgumentException("inner"));

    ErrorInfo info = ErrorInfo.of(failure);

    assertThat(info.type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(info.message()).isEqualTo("outer");
    assertThat(info.stack())
        .startsWith("java.lang.IllegalStateException: outer")
        .contains("\tat dev.firetap.event.ErrorInfoTest.describesAThrowableWithItsCauses")
        .contains("Caused by: java.lang.IllegalArgumentException: inner");
  }

  @Test
  void keepsANullMessage() {
    ErrorInfo info = ErrorInfo.of(new NullPointerException());

    assertThat(info.message()).isNull();
  }

  @Test
  void capsAHugeStackAtALineEndWithAMarker() {
    Throwable failure = new RuntimeException("deep");
    failure.setStackTrace(frames(2000));

    ErrorInfo info = ErrorInfo.of(failure);

    assertThat(info.stack()).hasSizeLessThanOrEqualTo(ErrorInfo.MAX_STACK_CHARS);
    assertThat(info.stack()).endsWith("\n\t... stack trace truncated at 16384 characters\n");
    assertThat(info.stack().lines().filter(line -> line.contains("method")))
        .allMatch(line -> line.endsWith(")"));
  }

  @Test
  void keepsAShortStackWhole() {
    Throwable failure = new RuntimeException("shallow");
    failure.setStackTrace(frames(10));

    ErrorInfo info = ErrorInfo.of(failure);

    assertThat(info.stack()).doesNotContain("truncated").contains("method9");
  }

  private static StackTraceElement[] frames(int count) {
    StackTraceElement[] frames = new StackTraceElement[count];
    for (int i = 0; i < count; i++) {
      frames[i] = new StackTraceElement("dev.example.Deep", "method" + i, "Deep.java", i + 1);
    }
    return frames;
  }
}
