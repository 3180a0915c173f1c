package dev.keyless.preview.engine;

import com.pulumi.resources.Resource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The outputs a resource type declares: the {@code @Export} fields of its Pulumi Java class, found
 * from the resource object in this JVM, or from its type token among the program's classes when the
 * program runs as its own process.
 *
 * <p>Why the monitor needs them: Pulumi Java resolves an output that the engine's answer leaves out
 * with {@code OutputCompletionSource.trySetDefaultResult}, which gives it no resources (pulumi-java,
 * {@code DeploymentImpl.ReadOrRegisterResourceInternal.completeResourceAsync}); only an output that is
 * in the answer is set with the resource as its dependency. The engine's answer in a preview names
 * every output, those the cloud computes as unknowns, so an input built from one (an access key's
 * {@code secret}, a role's generated {@code name}) depends on its resource. The simulated cloud
 * answers only what it can make up, so the monitor adds the rest as unknowns.
 */
public final class DeclaredOutputs {
    // Set by the SDK itself from the engine's urn and id, never from the outputs.
    private static final Set<String> NOT_OUTPUTS = Set.of("urn", "id");
    private static final String EXPORT = "com.pulumi.core.annotations.Export";
    private static final String RESOURCE_TYPE = "com.pulumi.core.annotations.ResourceType";

    private final Supplier<Optional<ClassLoader>> programClasses;
    private final Map<String, Set<String>> byType = new ConcurrentHashMap<>();

    private DeclaredOutputs(Supplier<Optional<ClassLoader>> programClasses) {
        this.programClasses = programClasses;
    }

    /** @return outputs read from the resource objects of a program that runs in this JVM */
    public static DeclaredOutputs inThisJvm() {
        return new DeclaredOutputs(Optional::empty);
    }

    /**
     * @param programClasses the program's classes, asked for at the first registration (a Maven run
     *                       records its classpath only once it has started); empty when unknown
     * @return outputs read from the program's resource classes, found by type token
     */
    public static DeclaredOutputs fromClasses(Supplier<Optional<ClassLoader>> programClasses) {
        return new DeclaredOutputs(once(programClasses));
    }

    /**
     * @param type     the resource's type token
     * @param resource the SDK's resource object, when the program runs in this JVM, else null
     * @return the names of its declared outputs, without {@code urn} and {@code id}; empty when its class is not found
     */
    public Set<String> of(String type, Resource resource) {
        if (resource != null) {
            return byType.computeIfAbsent(type, ignored -> exports(resource.getClass()));
        }
        return byType.computeIfAbsent(type, token -> programClasses.get()
                .flatMap(loader -> resourceClass(loader, token)).map(DeclaredOutputs::exports).orElse(Set.of()));
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        var value = new java.util.concurrent.atomic.AtomicReference<T>();
        return () -> {
            synchronized (value) {
                if (value.get() == null) {
                    value.set(supplier.get());
                }
                return value.get();
            }
        };
    }

    private static Set<String> exports(Class<?> type) {
        var names = new TreeSet<String>();
        for (var c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                annotationValue(field.getAnnotations(), EXPORT, "name")
                        .map(name -> name.isEmpty() ? field.getName() : name)
                        .filter(name -> !NOT_OUTPUTS.contains(name))
                        .ifPresent(names::add);
            }
        }
        return Set.copyOf(names);
    }

    // Pulumi Java's code generator puts a type P:M:T in com.pulumi.P.M.T, M shortened as each
    // package's moduleFormat shortens it (aws:iam/role:Role is com.pulumi.aws.iam.Role; kubernetes
    // keeps core/v1 as core.v1 and writes helm.sh/v3 as helm.v3). Each candidate is checked against
    // the type its @ResourceType names, so a wrong guess is never used.
    private static Optional<Class<?>> resourceClass(ClassLoader loader, String token) {
        var parts = token.split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        var base = "com.pulumi." + parts[0].replace("-", "");
        for (var module : modules(parts[1])) {
            var name = module.isEmpty() ? base + "." + parts[2] : base + "." + module + "." + parts[2];
            try {
                var candidate = Class.forName(name, false, loader);
                if (annotationValue(candidate.getAnnotations(), RESOURCE_TYPE, "type").filter(token::equals).isPresent()) {
                    return Optional.of(candidate);
                }
            } catch (ClassNotFoundException | LinkageError notThere) {
                // the next candidate
            }
        }
        return Optional.empty();
    }

    private static List<String> modules(String module) {
        var candidates = new ArrayList<String>();
        if (!module.equals("index")) {
            var dotted = module.replace(".sh/", "/").replace('/', '.').replace('-', '_');
            candidates.add(dotted);
            int slash = module.lastIndexOf('/');
            if (slash > 0) {
                candidates.add(module.substring(0, slash).replace('/', '.'));
            }
        }
        candidates.add("");
        return candidates;
    }

    private static Optional<String> annotationValue(java.lang.annotation.Annotation[] annotations, String annotationType, String element) {
        for (var annotation : annotations) {
            if (annotation.annotationType().getName().equals(annotationType)) {
                try {
                    return Optional.of(String.valueOf(annotation.annotationType().getMethod(element).invoke(annotation)));
                } catch (ReflectiveOperationException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
