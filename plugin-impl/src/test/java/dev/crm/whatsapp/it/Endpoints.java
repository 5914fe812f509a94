package dev.crm.whatsapp.it;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.leads.LeadsResource;
import dev.crm.whatsapp.security.PublicEndpoint;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every HTTP endpoint of the compiled plugin, found by reflection over target/classes (as
 * {@code EveryEndpointDeclaresAccessTest} does), so that a new resource is in the reliability runs without
 * anyone listing it.
 */
final class Endpoints {
  /** One endpoint: verb, path template under {@code api/v1/}, and what it declares. */
  record Endpoint(String verb, String path, Class<?> resource, Optional<Permission> permission, boolean open,
      String consumes) {
    boolean hasBody() {
      return verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH");
    }

    @Override
    public String toString() {
      return verb + " " + path;
    }
  }

  private Endpoints() {}

  static List<Endpoint> all() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> type : compiledClasses()) {
      Path root = type.getAnnotation(Path.class);
      if (root != null) {
        collect(type, join("", root.value()), endpoints, 0);
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::verb));
    return endpoints;
  }

  private static void collect(Class<?> resource, String prefix, List<Endpoint> into, int depth) {
    for (Method method : resource.getDeclaredMethods()) {
      if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
        continue;
      }
      Path sub = method.getAnnotation(Path.class);
      String path = sub == null ? prefix : join(prefix, sub.value());
      String verb = verb(method);
      if (verb != null) {
        RequiresPermission required = Optional.ofNullable(method.getAnnotation(RequiresPermission.class))
            .orElse(method.getDeclaringClass().getAnnotation(RequiresPermission.class));
        boolean open = method.isAnnotationPresent(PublicEndpoint.class)
            || method.getDeclaringClass().isAnnotationPresent(PublicEndpoint.class);
        Consumes consumes = Optional.ofNullable(method.getAnnotation(Consumes.class))
            .orElse(method.getDeclaringClass().getAnnotation(Consumes.class));
        into.add(new Endpoint(verb, path, resource, Optional.ofNullable(required).map(RequiresPermission::value),
            open, consumes == null || consumes.value()[0].contains("*") ? "application/json" : consumes.value()[0]));
      } else if (sub != null && depth < 3) {
        collect(method.getReturnType(), path, into, depth + 1);
      }
    }
  }

  private static String join(String prefix, String part) {
    String trimmed = part.replaceAll("^/+|/+$", "");
    return prefix.isEmpty() ? trimmed : prefix + "/" + trimmed;
  }

  private static String verb(Method method) {
    return Arrays.stream(method.getAnnotations())
        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
        .filter(Objects::nonNull)
        .map(HttpMethod::value)
        .findFirst().orElse(null);
  }

  private static List<Class<?>> compiledClasses() {
    try {
      java.nio.file.Path root = java.nio.file.Path.of(
          LeadsResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<java.nio.file.Path> files = Files.walk(root)) {
        List<Class<?>> classes = new ArrayList<>();
        for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          String relative = root.relativize(file).toString();
          if (relative.endsWith("package-info.class") || relative.contains("$")) {
            continue;
          }
          String name = relative.substring(0, relative.length() - ".class".length())
              .replace(file.getFileSystem().getSeparator(), ".");
          classes.add(Class.forName(name, false, Endpoints.class.getClassLoader()));
        }
        return classes;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
