package dev.keyless.preview.cli;

import dev.keyless.preview.project.PulumiProject;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classes a program runs with, loaded apart from the preview's own, so that the simulated
 * engine can read which outputs each of its resource types declares: the jar that
 * {@code runtime.options.binary} names, or the compiled classes and the classpath a Maven run
 * records.
 */
final class ProgramClasses {
    private ProgramClasses() {
    }

    /**
     * @param project the program's project
     * @return a loader of its classes, or empty when they are not (yet) where a build leaves them
     */
    static Optional<ClassLoader> of(PulumiProject project) {
        var directory = project.programDirectory();
        var entries = new ArrayList<Path>();
        if (project.binary().isPresent()) {
            entries.add(directory.resolve(project.binary().get()));
        } else {
            entries.add(directory.resolve("target/classes"));
            var recorded = directory.resolve(CompiledProgram.CLASSPATH_FILE);
            try {
                for (var entry : Files.readString(recorded).strip().split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(Path.of(entry));
                    }
                }
            } catch (IOException notRecorded) {
                return Optional.empty();
            }
        }
        return Optional.of(new URLClassLoader("program", urls(entries), ClassLoader.getPlatformClassLoader()));
    }

    private static URL[] urls(List<Path> entries) {
        var urls = new ArrayList<URL>();
        for (var entry : entries) {
            try {
                urls.add(entry.toAbsolutePath().normalize().toUri().toURL());
            } catch (MalformedURLException unusable) {
                // left out: a class it holds is then simply not found
            }
        }
        return urls.toArray(URL[]::new);
    }
}
