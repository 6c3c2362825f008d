package org.adc.lang;

/**
 * A reference page for a library function or statement, with the fixed sections of a LAMMPS
 * command page. One page is written once, next to the function, and shown by the REPL's
 * {@code :help}, the language server's hover and the generated reference docs.
 *
 * @param summary     one line: what it does
 * @param syntax      call form with named arguments and defaults
 * @param examples    one or more example lines
 * @param description what it computes, in prose
 * @param units       units of inputs and result
 * @param errors      what makes it fail and what the user sees
 * @param source      paper, table or standard the equation or data comes from
 * @param related     related functions, comma separated
 */
public record Doc(String summary, String syntax, String examples, String description, String units, String errors,
                  String source, String related) {

    /** The page as Markdown with the fixed section headings. */
    public String markdown(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(title).append("\n\n").append(summary).append("\n");
        section(sb, "Syntax", syntax, true);
        section(sb, "Examples", examples, true);
        section(sb, "Description", description, false);
        section(sb, "Units", units, false);
        section(sb, "Errors", errors, false);
        section(sb, "Source", source, false);
        section(sb, "Related", related, false);
        return sb.toString();
    }

    /** The page as plain text for a terminal. */
    public String text(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(" — ").append(summary).append("\n");
        plain(sb, "Syntax", syntax);
        plain(sb, "Examples", examples);
        plain(sb, "Description", description);
        plain(sb, "Units", units);
        plain(sb, "Errors", errors);
        plain(sb, "Source", source);
        plain(sb, "Related", related);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String head, String body, boolean code) {
        if (body == null || body.isBlank()) {
            return;
        }
        sb.append("\n### ").append(head).append("\n\n");
        if (code) {
            sb.append("```adc\n").append(body.strip()).append("\n```\n");
        } else {
            sb.append(body.strip()).append("\n");
        }
    }

    private static void plain(StringBuilder sb, String head, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        sb.append("\n").append(head).append(":\n");
        for (String line : body.strip().split("\n")) {
            sb.append("  ").append(line).append("\n");
        }
    }
}
