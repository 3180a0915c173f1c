package dev.keyless.landingzone.config;

import dev.keyless.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every problem found in one reading of the landing zone's config, each with the config path it is
 * at, so that one run names them all instead of one per {@code pulumi preview}.
 */
public final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();

    /**
     * @param path    where in the config, e.g. {@code workloads.payments.grants[0].access}
     * @param problem what is wrong there
     */
    public void add(String path, String problem) {
        problems.add(path + ": " + problem);
    }

    /**
     * Runs a library check (a builder, a factory) for the value at a path, and records its refusal
     * as a problem at that path, so the landing zone enforces exactly the components' own rules.
     *
     * @param path  where in the config the checked value is
     * @param check the check, returning what it built
     * @param <T>   what it builds
     * @return what it built, or {@code null} when it refused
     */
    public <T> T attempt(String path, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            add(path, e.getMessage());
            return null;
        }
    }

    /**
     * Runs a library check like {@link #attempt(String, Supplier)}, reporting its refusal in the
     * config's words.
     *
     * @param path  where in the config the checked value is
     * @param terms how the config names what the library names otherwise
     * @param check the check, returning what it built
     * @param <T>   what it builds
     * @return what it built, or {@code null} when it refused
     */
    public <T> T attempt(String path, ConfigTerms terms, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            add(path, terms.message(e));
            return null;
        }
    }

    /**
     * Runs a check that builds from a whole map (a builder's {@code build()}, a mechanism's
     * options), and records its refusal at the key it names when the map has that key, else at the map.
     *
     * @param map   the map the checked values came from
     * @param check the check, returning what it built
     * @param <T>   what it builds
     * @return what it built, or {@code null} when it refused
     */
    public <T> T attemptIn(ConfigNode map, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            add(map.has(e.field()) ? map.path(e.field()) : map.path(), e.getMessage());
            return null;
        }
    }

    /** @return how many problems were found so far: a mark for {@link #attemptWhole} */
    public int count() {
        return problems.size();
    }

    /**
     * Checks a whole built from parts read since a mark, only when none of those parts had a
     * problem: one mistake is then reported once, not again as the whole it broke.
     *
     * @param mark  {@link #count()} before the parts were read
     * @param map   the map the parts came from, where a refusal is recorded (see {@link #attemptIn})
     * @param check the check, returning what it built
     * @param <T>   what it builds
     * @return what it built, or empty when a part or the whole had a problem
     */
    public <T> Optional<T> attemptWhole(int mark, ConfigNode map, Supplier<T> check) {
        return problems.size() == mark ? Optional.ofNullable(attemptIn(map, check)) : Optional.empty();
    }

    /** @return whether nothing is wrong so far */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @return the problems in the order found */
    public List<String> all() {
        return List.copyOf(problems);
    }

    /**
     * @throws InvalidConfigException listing every problem, when there is any
     */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }
}
