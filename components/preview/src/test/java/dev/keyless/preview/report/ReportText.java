package dev.keyless.preview.report;

import java.util.ArrayList;
import java.util.List;

/** Cuts a rendered report into its sections, so tests can compare one section exactly. */
final class ReportText {
    private ReportText() {
    }

    /**
     * @param report the whole report
     * @param title  a section's first line, e.g. {@code Outputs:}
     * @return the section's lines, from its title to the last line before the next section
     */
    static List<String> section(String report, String title) {
        var lines = report.lines().toList();
        int start = lines.indexOf(title);
        if (start < 0) {
            throw new AssertionError("no section '" + title + "' in the report:\n" + report);
        }
        var section = new ArrayList<String>();
        section.add(title);
        for (int i = start + 1; i < lines.size(); i++) {
            var line = lines.get(i);
            if (!line.isEmpty() && !line.startsWith(" ")) {
                break;
            }
            section.add(line);
        }
        while (section.get(section.size() - 1).isEmpty()) {
            section.remove(section.size() - 1);
        }
        return section;
    }

    /**
     * @param report the whole report
     * @return the resource table: its heading row and one row per resource
     */
    static List<String> tree(String report) {
        var lines = report.lines().toList();
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("     Type")).findFirst()
                .orElseThrow(() -> new AssertionError("no resource table in the report:\n" + report)));
        var tree = new ArrayList<String>();
        for (int i = start; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            tree.add(lines.get(i));
        }
        return tree;
    }

    /**
     * @param section a review section's lines
     * @param heading the heading of one document in it, without the leading {@code # }
     * @return that document's lines, without its heading
     */
    static List<String> document(List<String> section, String heading) {
        int start = section.indexOf("    # " + heading);
        if (start < 0) {
            throw new AssertionError("no document '" + heading + "' in:\n" + String.join("\n", section));
        }
        var document = new ArrayList<String>();
        for (int i = start + 1; i < section.size() && !section.get(i).isEmpty(); i++) {
            document.add(section.get(i));
        }
        return document;
    }
}
