package dev.crm.whatsapp.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.leads.LeadsResource;
import dev.crm.whatsapp.security.DemoTokenResource;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which field a violation is reported on. Violations are faked with the paths Hibernate Validator
 * builds for JAX-RS methods: method, parameter, then properties of the parameter.
 */
class ConstraintViolationMapperTest {

  @Test
  void propertyOfTheBodyNamesItsField() {
    ConstraintViolation<?> violation = violation(DemoTokenResource.class,
        method("create", DemoTokenResource.TokenRequest.class), parameter("request", 0), property("tenant"));

    assertThat(ConstraintViolationMapper.fieldOf(violation)).isEqualTo("tenant");
  }

  @Test
  void missingBodyIsReportedAsBody() {
    ConstraintViolation<?> violation = violation(DemoTokenResource.class,
        method("create", DemoTokenResource.TokenRequest.class), parameter("request", 0));

    assertThat(ConstraintViolationMapper.fieldOf(violation)).isEqualTo("body");
  }

  @Test
  void elementOfAListPropertyNamesTheList() {
    ConstraintViolation<?> violation = violation(DemoTokenResource.class,
        method("create", DemoTokenResource.TokenRequest.class), parameter("request", 0), property("groups"),
        node("<list element>", ElementKind.CONTAINER_ELEMENT));

    assertThat(ConstraintViolationMapper.fieldOf(violation)).isEqualTo("groups");
  }

  @Test
  void queryParameterViolationNamesTheQueryParameter() {
    ConstraintViolation<?> size = violation(LeadsResource.class,
        method("list", String.class, int.class, int.class), parameter("size", 2));
    ConstraintViolation<?> text = violation(LeadsResource.class,
        method("list", String.class, int.class, int.class), parameter("text", 0));

    assertThat(ConstraintViolationMapper.fieldOf(size)).isEqualTo("size");
    assertThat(ConstraintViolationMapper.fieldOf(text)).isEqualTo("q");
  }

  private static ConstraintViolation<?> violation(Class<?> rootBean, Path.Node... nodes) {
    Path path = (Path) Proxy.newProxyInstance(Path.class.getClassLoader(), new Class<?>[] {Path.class},
        (proxy, m, args) -> switch (m.getName()) {
          case "iterator" -> List.of(nodes).iterator();
          case "toString" -> List.of(nodes).toString();
          default -> throw new UnsupportedOperationException(m.getName());
        });
    return (ConstraintViolation<?>) Proxy.newProxyInstance(ConstraintViolation.class.getClassLoader(),
        new Class<?>[] {ConstraintViolation.class}, (proxy, m, args) -> switch (m.getName()) {
          case "getPropertyPath" -> path;
          case "getMessage" -> "is not valid";
          case "getRootBeanClass" -> rootBean;
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  private static Path.Node method(String name, Class<?>... parameterTypes) {
    return node(name, ElementKind.METHOD, Path.MethodNode.class, List.of(parameterTypes), -1);
  }

  private static Path.Node parameter(String name, int index) {
    return node(name, ElementKind.PARAMETER, Path.ParameterNode.class, null, index);
  }

  private static Path.Node property(String name) {
    return node(name, ElementKind.PROPERTY, Path.PropertyNode.class, null, -1);
  }

  private static Path.Node node(String name, ElementKind kind) {
    return node(name, kind, Path.ContainerElementNode.class, null, -1);
  }

  private static Path.Node node(String name, ElementKind kind, Class<? extends Path.Node> type,
      List<Class<?>> parameterTypes, int index) {
    return (Path.Node) Proxy.newProxyInstance(Path.class.getClassLoader(), new Class<?>[] {type},
        (proxy, m, args) -> switch (m.getName()) {
          case "getName" -> name;
          case "getKind" -> kind;
          case "as" -> ((Class<?>) args[0]).cast(proxy);
          case "getParameterTypes" -> parameterTypes;
          case "getParameterIndex" -> index;
          case "isInIterable" -> false;
          case "getIndex", "getKey", "getContainerClass", "getTypeArgumentIndex" -> null;
          case "toString" -> name;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }
}
