package dev.crm.whatsapp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.history.LeadMessagesResource;
import dev.crm.whatsapp.leads.LeadsResource;
import dev.crm.whatsapp.webhooks.WhatsAppWebhookResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build-time half of "forgetting is never an opening": every JAX-RS method in the compiled plugin
 * says which permission it needs or why it needs none. {@link AuthorizationFilter} refuses the others
 * at run time; this test names them before they ship.
 */
class EveryEndpointDeclaresAccessTest {

  @Test
  void everyResourceMethodDeclaresAPermissionOrWhyItIsPublic() throws Exception {
    Set<Class<?>> resources = resourceClasses(compiledPluginClasses());

    assertThat(resources).as("the scan must find the known resources, or it proves nothing")
        .contains(LeadsResource.class, LeadMessagesResource.class, WhatsAppWebhookResource.class,
            DemoTokenResource.class);
    assertThat(undeclared(resources))
        .as("JAX-RS methods with neither @RequiresPermission nor @PublicEndpoint (on the method or its class)")
        .isEmpty();
  }

  @Test
  void aMethodWithNeitherIsReported() {
    assertThat(undeclared(resourceClasses(List.of(Forgetful.class, Declared.class, Locator.class))))
        .containsExactlyInAnyOrder(
            Forgetful.class.getName() + ".forgot()",
            Locator.class.getName() + ".child()",
            Child.class.getName() + ".forgotToo()");
  }

  @Test
  void aClassLevelDeclarationCoversItsMethods() {
    assertThat(undeclared(resourceClasses(List.of(DeclaredOnClass.class)))).isEmpty();
  }

  /** Every class under the directory {@code LeadsResource} was loaded from (target/classes). */
  private static List<Class<?>> compiledPluginClasses() throws IOException, URISyntaxException {
    java.nio.file.Path root = java.nio.file.Path.of(
        LeadsResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ClassLoader loader = EveryEndpointDeclaresAccessTest.class.getClassLoader();
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String relative = root.relativize(file).toString();
        if (relative.endsWith("package-info.class") || relative.endsWith("module-info.class")) {
          continue;
        }
        String name = relative.substring(0, relative.length() - ".class".length())
            .replace(file.getFileSystem().getSeparator(), ".");
        try {
          classes.add(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
          throw new AssertionError("cannot load compiled class " + name, e);
        }
      }
    }
    return classes;
  }

  /** Root resources, classes with JAX-RS methods, and the classes their sub-resource locators return. */
  private static Set<Class<?>> resourceClasses(List<Class<?>> candidates) {
    Set<Class<?>> found = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>(candidates.stream().filter(c ->
        c.isAnnotationPresent(Path.class)
            || Arrays.stream(c.getDeclaredMethods()).anyMatch(EveryEndpointDeclaresAccessTest::isJaxRsMethod)).toList());
    while (!pending.isEmpty()) {
      Class<?> resource = pending.pop();
      if (found.add(resource)) {
        Arrays.stream(resource.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Path.class) && httpMethod(m) == null)
            .map(Method::getReturnType)
            .filter(type -> !type.isPrimitive() && !type.getName().startsWith("java."))
            .forEach(pending::push);
      }
    }
    return found;
  }

  private static List<String> undeclared(Set<Class<?>> resources) {
    return resources.stream()
        .flatMap(resource -> Arrays.stream(resource.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
            .filter(EveryEndpointDeclaresAccessTest::isJaxRsMethod)
            .filter(m -> !declaresAccess(m)))
        .sorted(Comparator.comparing(Method::toString))
        .map(m -> m.getDeclaringClass().getName() + "." + m.getName() + "()")
        .toList();
  }

  private static boolean isJaxRsMethod(Method method) {
    return method.isAnnotationPresent(Path.class) || httpMethod(method) != null;
  }

  /** The HTTP method, found through {@link HttpMethod} so that every verb (and custom ones) counts. */
  private static String httpMethod(Method method) {
    return Arrays.stream(method.getAnnotations())
        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
        .filter(java.util.Objects::nonNull)
        .map(HttpMethod::value)
        .findFirst().orElse(null);
  }

  private static boolean declaresAccess(Method method) {
    Class<?> owner = method.getDeclaringClass();
    return method.isAnnotationPresent(RequiresPermission.class) || method.isAnnotationPresent(PublicEndpoint.class)
        || owner.isAnnotationPresent(RequiresPermission.class) || owner.isAnnotationPresent(PublicEndpoint.class);
  }

  @Path("forgetful")
  public static class Forgetful {
    @GET
    public String forgot() {
      return "";
    }

    @GET
    @Path("ok")
    @RequiresPermission(dev.crm.whatsapp.api.security.Permission.LEAD_VIEW)
    public String remembered() {
      return "";
    }

    /** Not a resource method: no JAX-RS annotation, so nothing to declare. */
    public String helper() {
      return "";
    }
  }

  @Path("declared")
  public static class Declared {
    @POST
    @PublicEndpoint(because = "test")
    public void open() {}
  }

  @Path("locator")
  public static class Locator {
    @Path("child")
    public Child child() {
      return new Child();
    }
  }

  public static class Child {
    @GET
    public String forgotToo() {
      return "";
    }
  }

  @Path("class-level")
  @RequiresPermission(dev.crm.whatsapp.api.security.Permission.SETTINGS_ADMIN)
  public static class DeclaredOnClass {
    @GET
    public String covered() {
      return "";
    }

    @Path("sub")
    public DeclaredOnClass sub() {
      return this;
    }
  }
}
