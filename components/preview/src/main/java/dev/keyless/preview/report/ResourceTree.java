package dev.keyless.preview.report;

import dev.keyless.preview.engine.RecordedDeployment;
import dev.keyless.preview.engine.RegisteredResource;

import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code pulumi preview} prints: one row per resource with its type, name and plan,
 * nested under its parent, the stack at the root.
 */
final class ResourceTree {
    private static final String ROW_INDENT = "   ";
    private static final String GAP = "  ";

    private ResourceTree() {
    }

    /**
     * @param deployment what a program registered
     * @return the table's lines: a heading, then one row per resource
     */
    static List<String> render(RecordedDeployment deployment) {
        var rows = TreeOrder.of(deployment).stream().map(ResourceTree::row).toList();
        int typeWidth = Math.max("Type".length(), rows.stream().mapToInt(r -> r.type().length()).max().orElse(0));
        int nameWidth = Math.max("Name".length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        var lines = new ArrayList<String>();
        lines.add(line(" ", typeWidth, "Type", nameWidth, "Name", "Plan"));
        rows.forEach(r -> lines.add(line(r.symbol(), typeWidth, r.type(), nameWidth, r.name(), r.plan())));
        if (rows.isEmpty()) {
            // A program that fails at once registers nothing; an empty table would look like a rendering fault.
            lines.add(" " + " " + ROW_INDENT + "(no resources were registered)");
        }
        return lines;
    }

    private static Row row(TreeOrder.Node node) {
        var resource = node.resource();
        var plan = Plan.of(resource);
        return new Row(plan.symbol(), node.connector() + TypeNames.forDisplay(resource.type()), resource.name(),
                plan.operation() + notes(resource));
    }

    // What protects data from a later `pulumi destroy` is what a reviewer looks for first.
    private static String notes(RegisteredResource resource) {
        var notes = new ArrayList<String>();
        if (resource.protect()) {
            notes.add("protect");
        }
        if (resource.retainOnDelete()) {
            notes.add("retainOnDelete");
        }
        return notes.isEmpty() ? "" : " [" + String.join(", ", notes) + "]";
    }

    private static String line(String symbol, int typeWidth, String type, int nameWidth, String name, String plan) {
        var text = " " + symbol + ROW_INDENT + pad(type, typeWidth) + GAP + pad(name, nameWidth) + GAP + plan;
        return text.stripTrailing();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private record Row(String symbol, String type, String name, String plan) {
    }
}
