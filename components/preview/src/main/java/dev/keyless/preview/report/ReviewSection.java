package dev.keyless.preview.report;

import java.util.ArrayList;
import java.util.List;

/** Lays out one of the sections a reviewer reads: a title, then documents each under a heading. */
final class ReviewSection {
    private static final String INDENT = "    ";

    private final String title;
    private final List<String> lines = new ArrayList<>();

    ReviewSection(String title) {
        this.title = title;
    }

    /**
     * @param heading what the document is: resource type, name, and property where it is one
     * @param body    the document, one or more lines
     */
    void add(String heading, String body) {
        if (!lines.isEmpty()) {
            lines.add("");
        }
        lines.add(INDENT + "# " + heading);
        body.stripTrailing().lines().forEach(line -> lines.add((INDENT + line).stripTrailing()));
    }

    /** @return the section's lines, none when it holds no document */
    List<String> lines() {
        if (lines.isEmpty()) {
            return List.of();
        }
        var all = new ArrayList<String>();
        all.add(title);
        all.addAll(lines);
        return all;
    }
}
