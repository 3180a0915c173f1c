package dev.keyless.preview.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Mermaid {@code flowchart LR} that parses whatever the values in it are: every label is
 * quoted ({@code id["text"]}, {@code -->|"text"|}), node ids are generated ({@code n1}, {@code n2}, ...)
 * rather than taken from resource names, and the characters a quoted label cannot hold are written
 * as Mermaid's entity codes.
 *
 * @see <a href="https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters">Mermaid entity codes</a>
 */
final class MermaidFlowchart {
    private static final String INDENT = "    ";

    private final List<String> lines = new ArrayList<>(List.of("flowchart LR"));
    private int nodes;
    private int subgraphs;
    private String indent = INDENT;

    /**
     * @param label what the node shows; {@code \n} starts a new line in it
     * @return the node's id, for {@link #edge}
     */
    String node(String label) {
        var id = "n" + ++nodes;
        lines.add(indent + id + "[\"" + escape(label) + "\"]");
        return id;
    }

    /**
     * @param from  a node's id
     * @param to    a node's id
     * @param label what the arrow says, or empty for none
     */
    void edge(String from, String to, String label) {
        lines.add(indent + from + (label.isEmpty() ? " --> " : " -->|\"" + escape(label) + "\"| ") + to);
    }

    /**
     * Opens a box around the nodes added until {@link #end()}.
     *
     * @param title what the box shows
     */
    void subgraph(String title) {
        lines.add(indent + "subgraph s" + ++subgraphs + "[\"" + escape(title) + "\"]");
        indent += INDENT;
    }

    /** Closes the box {@link #subgraph} opened. */
    void end() {
        indent = indent.substring(INDENT.length());
        lines.add(indent + "end");
    }

    /** @return the flowchart, lines separated by {@code \n}, ending with one */
    String text() {
        return String.join("\n", lines) + "\n";
    }

    /**
     * @param text any text
     * @return it as a quoted Mermaid label's content: {@code #} first, since every entity code starts
     *     with it, then {@code "}, which would end the label, and {@code <} {@code >}, which Mermaid
     *     would read as HTML; a line break becomes {@code <br>}
     */
    static String escape(String text) {
        return text.replace("#", "#35;")
                .replace("\"", "#quot;")
                .replace("<", "#lt;")
                .replace(">", "#gt;")
                .replace("\r", "")
                .replace("\n", "<br>");
    }
}
