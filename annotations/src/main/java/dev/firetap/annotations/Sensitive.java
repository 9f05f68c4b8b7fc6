package dev.firetap.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Masks a value as {@code "***"} wherever Firetap writes it for {@link Logged} and {@link
 * CaptureChange}: a parameter in {@code data.arguments}, a field, a record component or a getter
 * when an object is converted field by field. Fields and map keys whose names are listed in the
 * setting {@code firetap.redact.fields} are masked without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Sensitive {}
