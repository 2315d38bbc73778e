package io.packetgrid.grid.dss;

/**
 * Splits one OpenDSS command line into parameters the way OpenDSS's parser does
 * (ParserDel.pas, re-implemented): delimiters are {@code ,} {@code =} and white space; a value
 * may be enclosed in {@code ( ) " " ' ' [ ] { }} (no nesting); {@code !} and {@code //} start a
 * comment; a token followed by {@code =} is a parameter name, otherwise the value is positional.
 * An unclosed quote or bracket runs to the end of the line, as in OpenDSS (ParserDel.pas GetToken,
 * ParseToEndChar stops at the end of the buffer); the caller is told ({@link #unclosed()}) so that
 * it can warn. A comment inside such a value ends an array ({@link #arrayItems}).
 */
final class DssTokenizer {
    private static final String BEGIN = "(\"'[{";
    private static final String END = ")\"']}";

    /** One parameter: name (empty when positional), value text, whether it was quoted. */
    record Param(String name, String value, boolean quoted) {
        boolean isEmpty() {
            return value.isEmpty() && !quoted;
        }
    }

    /** A syntax error in the line (the caller adds the location). */
    static final class SyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    private final String buf;
    /** Script variables ({@code var @name=value}), lower-case names with their {@code @}; null: none. */
    private final java.util.Map<String, String> vars;
    private int pos;
    private char lastDelimiter;
    private boolean quoted;
    private String unclosed;

    DssTokenizer(String line) {
        this(line, null);
    }

    /** A line whose values may name script variables ({@code @name}, replaced by their values). */
    DssTokenizer(String line, java.util.Map<String, String> vars) {
        this.buf = line + " ";
        this.vars = vars == null || vars.isEmpty() ? null : vars;
        this.pos = 0;
        skipWhite();
    }

    /** The opening quote or bracket of the first value that had no closing one on the line, or null. */
    String unclosed() {
        return unclosed;
    }

    /** The unparsed rest of the line. */
    String remainder() {
        return pos >= buf.length() ? "" : buf.substring(pos).trim();
    }

    int position() {
        return pos;
    }

    void position(int p) {
        pos = p;
    }

    /** The next parameter, or a parameter with empty value when the line is exhausted. */
    Param next() {
        if (pos >= buf.length()) {
            return new Param("", "", false);
        }
        lastDelimiter = ' ';
        String tok = token();
        boolean q = quoted;
        if (lastDelimiter == '=') {
            String val = token();
            return withVariables(new Param(tok, val, quoted));
        }
        return withVariables(new Param("", tok, q));
    }

    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("(?<![^\\s,|])@[^\\s,|]+");

    /**
     * OpenDSS's script variables (ParserDel.pas CheckForVar): a value, or an item of a quoted value (an array
     * element, an RPN operand), that starts with {@code @} is replaced by the variable's value when one is
     * defined, the text from a {@code .} (or a {@code ^}) on kept after it ({@code @bus.1.2.3}); a value that
     * was defined with a variable in it comes back braced and is read as quoted (an RPN expression).
     */
    private Param withVariables(Param p) {
        if (vars == null || p.value().indexOf('@') < 0) {
            return p;
        }
        if (!p.quoted()) {
            String v = p.value();
            if (v.length() > 1 && v.charAt(0) == '@') {
                String r = variable(v);
                if (r.length() > 1 && r.charAt(0) == '{' && r.charAt(r.length() - 1) == '}') {
                    return new Param(p.name(), items(r.substring(1, r.length() - 1)), true);
                }
                return new Param(p.name(), r, false);
            }
            return p;
        }
        if (!substituteQuoted) {
            return p;
        }
        return new Param(p.name(), items(p.value()), true);
    }

    private boolean substituteQuoted = true;

    /**
     * Leaves the items of quoted values as written ({@code var} reads its values so: OpenDSS checks only a whole
     * value for a variable there, and keeps one that names a variable to be read when used).
     */
    void keepQuotedItems() {
        substituteQuoted = false;
    }

    /** The items of a quoted value with their variables replaced. */
    private String items(String value) {
        java.util.regex.Matcher m = VARIABLE.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String r = variable(m.group());
            if (r.length() > 1 && r.charAt(0) == '{' && r.charAt(r.length() - 1) == '}') {
                r = "(" + r.substring(1, r.length() - 1) + ")";
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String variable(String token) {
        int dot = token.indexOf('.');
        int caret = token.indexOf('^');
        if (caret > 0) {
            dot = caret;
        }
        String name = dot > 0 ? token.substring(0, dot) : token;
        String value = vars.get(name.toLowerCase(java.util.Locale.ROOT));
        if (value == null) {
            return token;
        }
        return dot > 0 ? value + token.substring(dot) : value;
    }

    private boolean isWhite(char c) {
        return c == ' ' || c == '\t';
    }

    private void skipWhite() {
        while (pos < buf.length() - 1 && isWhite(buf.charAt(pos))) {
            pos++;
        }
    }

    private boolean isComment(int p) {
        char c = buf.charAt(p);
        return c == '!' || (c == '/' && p + 1 < buf.length() && buf.charAt(p + 1) == '/');
    }

    private boolean isDelimiter(int p) {
        if (isComment(p)) {
            lastDelimiter = '!';
            return true;
        }
        char c = buf.charAt(p);
        if (c == ',' || c == '=') {
            lastDelimiter = c;
            return true;
        }
        if (isWhite(c)) {
            lastDelimiter = ' ';
            return true;
        }
        return false;
    }

    private String token() {
        quoted = false;
        if (pos >= buf.length()) {
            return "";
        }
        String result;
        int q = BEGIN.indexOf(buf.charAt(pos));
        if (q >= 0) {
            char end = END.charAt(q);
            int start = pos + 1;
            int close = buf.indexOf(end, start);
            if (close < 0) {
                // ParseToEndChar: the value is the rest of the line (without the blank the buffer ends in)
                if (unclosed == null) {
                    unclosed = String.valueOf(buf.charAt(pos));
                }
                close = buf.length() - 1;
                result = buf.substring(start, close);
                pos = buf.length();
            } else {
                result = buf.substring(start, close);
                pos = close + 1;
            }
            quoted = true;
        } else {
            int start = pos;
            while (pos < buf.length() - 1 && !isDelimiter(pos)) {
                pos++;
            }
            if (pos == buf.length() - 1 && !isDelimiter(pos)) {
                pos++;
            }
            result = buf.substring(start, Math.min(pos, buf.length()));
        }
        if (lastDelimiter == '!') {
            pos = buf.length();
            return result.trim();
        }
        if (pos < buf.length()) {
            if (lastDelimiter == ' ' || quoted) {
                skipWhite();
            }
            if (pos < buf.length()) {
                char c = buf.charAt(pos);
                if (c == ',' || c == '=') {
                    lastDelimiter = c;
                    pos++;
                } else if (isComment(pos)) {
                    lastDelimiter = '!';
                    pos = buf.length();
                }
            }
            skipWhite();
            if (pos < buf.length() && isComment(pos)) {
                pos = buf.length();
            }
        }
        return result;
    }

    /**
     * Splits an array value ({@code 1 2 3}, {@code 1,2,3}, rows with {@code |}) into numbers' texts,
     * rows separated by null. {@code !} or {@code //} ends the list: OpenDSS reads array items with
     * the same GetToken, whose comment check ignores the rest of the value (ParserDel.pas
     * ParseAsVector; a comment left inside an unclosed bracket).
     */
    static java.util.List<String> arrayItems(String value) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '!' || (c == '/' && i + 1 < value.length() && value.charAt(i + 1) == '/')) {
                break;
            }
            if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{') {
                // a quoted item (e.g. an RPN expression inside an array)
                int q = BEGIN.indexOf(c);
                int close = value.indexOf(END.charAt(q), i + 1);
                if (close < 0) {
                    throw new SyntaxException("missing closing " + END.charAt(q) + " in " + value);
                }
                flush(cur, out);
                out.add("\u0001" + value.substring(i + 1, close));
                i = close + 1;
                continue;
            }
            if (c == ' ' || c == '\t' || c == ',') {
                flush(cur, out);
            } else if (c == '|') {
                flush(cur, out);
                out.add(null);
            } else {
                cur.append(c);
            }
            i++;
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, java.util.List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }
}
