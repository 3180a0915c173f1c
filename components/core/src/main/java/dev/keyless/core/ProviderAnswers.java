package dev.keyless.core;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Invokes whose answer depends only on the provider they run through (the deploying Azure
 * subscription, an AWS provider's region or account), asked once per provider for the whole
 * program instead of once per component: each invoke is an engine call and several tasks of the
 * SDK's runner, per workload.
 *
 * <p>The provider is the one the invoke would run through: the explicit one, or else the one the
 * owner hands its children for the token's package, or else the default provider. pulumi-java
 * resolves an invoke's provider the same way ({@code InvokeOptions.InvokeOptionsInternal.getNestedProvider}:
 * the explicit provider, otherwise the parent's for the package, {@code Resource.ResourceInternal.getProvider}),
 * so two components under different providers never share an answer, and two under one provider
 * always do. Providers are told apart by identity, never by name.
 */
public final class ProviderAnswers {
    // The default provider of a package has no object in the program; one key stands for it.
    private static final Object DEFAULT_PROVIDER = new Object();

    private ProviderAnswers() {
    }

    /**
     * @param token    the invoke's token, e.g. {@code aws:index/getRegion:getRegion}: its package
     *                 picks the owner's provider
     * @param owner    the component asking: the invoke runs with it as parent
     * @param provider the explicit provider, if any
     * @param invoke   makes the invoke with the options given
     * @param <T>      the answer's type
     * @return the program's one answer for that provider
     */
    public static <T> Output<T> once(String token, Resource owner, Optional<? extends ProviderResource> provider,
                                     Function<InvokeOptions, Output<T>> invoke) {
        return once(token, "", owner, provider, invoke);
    }

    /**
     * As {@link #once(String, Resource, Optional, Function)}, for an invoke whose answer also
     * depends on its arguments (a project's number): one answer per provider and arguments.
     *
     * @param token     the invoke's token
     * @param arguments the invoke's arguments as text, compared exactly
     * @param owner     the component asking
     * @param provider  the explicit provider, if any
     * @param invoke    makes the invoke with the options given
     * @param <T>       the answer's type
     * @return the program's one answer for that provider and those arguments
     */
    public static <T> Output<T> once(String token, String arguments, Resource owner, Optional<? extends ProviderResource> provider,
                                     Function<InvokeOptions, Output<T>> invoke) {
        Checks.notNull("owner", owner, "the component asking");
        Object key = provider.<Object>map(p -> p)
                .or(() -> Optional.ofNullable(Resource.ResourceInternal.getProvider(owner, token)))
                .orElse(DEFAULT_PROVIDER);
        var answers = ProgramClaims.current().sharedFor(key, Answers.class, Answers::new);
        return answers.get(token + "(" + arguments + ")", () -> {
            var options = InvokeOptions.builder().parent(owner);
            provider.ifPresent(options::provider);
            return invoke.apply(options.build());
        });
    }

    /**
     * @param token    the invoke's token
     * @param provider the provider it runs through, given explicitly (no parent is needed to find it)
     * @param invoke   makes the invoke with the options given
     * @param <T>      the answer's type
     * @return the program's one answer for that provider
     */
    public static <T> Output<T> once(String token, ProviderResource provider, Function<InvokeOptions, Output<T>> invoke) {
        Checks.notNull("provider", provider, "the provider the invoke runs through");
        var answers = ProgramClaims.current().sharedFor(provider, Answers.class, Answers::new);
        return answers.get(token + "()", () -> invoke.apply(InvokeOptions.builder().provider(provider).build()));
    }

    // One provider's answers, by token.
    private static final class Answers {
        private final Map<String, Output<?>> byToken = new HashMap<>();

        @SuppressWarnings("unchecked")
        synchronized <T> Output<T> get(String token, java.util.function.Supplier<Output<T>> ask) {
            return (Output<T>) byToken.computeIfAbsent(token, ignored -> ask.get());
        }
    }
}
