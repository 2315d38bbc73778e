package io.packetgrid.cosim.error;

/**
 * The project's one exception type for bad input and failed runs. It carries where the fault is
 * (a file and line, a scenario field path, a frame offset, a federate at a time) so that the
 * command line can print one clear line: {@code location: message}.
 */
public class PacketGridException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public PacketGridException(String location, String message) {
        super(message);
        this.location = location == null ? "" : location;
    }

    public PacketGridException(String location, String message, Throwable cause) {
        super(message, cause);
        this.location = location == null ? "" : location;
    }

    /**
     * The exception to throw for a task that failed on another thread: its own PacketGridException as it is
     * (it already names the place), anything else as "{@code what} failed: cause" at {@code location}.
     */
    public static PacketGridException ofTask(String location, String what, java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof PacketGridException p) {
            return p;
        }
        return new PacketGridException(location, what + " failed: " + e.getCause(), e.getCause());
    }

    /** Where the fault is, e.g. {@code feeder.dss:12}, {@code federates[2].step}; may be empty. */
    public String location() {
        return location;
    }

    /**
     * The one line a user sees: {@code location: message} (or just the message). Control characters
     * and undecodable bytes quoted from a bad input (a binary file read as a script, say) are shown
     * as escapes (ESC as {@code \x1b}, a soft hyphen as u+00ad in hex), so that the line stays one line and cannot drive
     * the terminal.
     */
    public String userMessage() {
        return printable(location.isEmpty() ? getMessage() : location + ": " + getMessage());
    }

    /** The text with every control, format or replacement character escaped, line breaks included. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean bad = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\uFFFD' || type == Character.FORMAT
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
            if (type == Character.SURROGATE && Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bad = false; // a well-formed pair (an emoji, say) is printable
                if (b != null) {
                    b.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (bad && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (!bad) {
                    b.append(c);
                } else if (c <= 0xff) {
                    b.append(String.format("\\x%02x", (int) c));
                } else {
                    b.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /** The same fault seen from an enclosing context, e.g. a file name in front of a field path. */
    public PacketGridException within(String outerLocation) {
        String loc = location.isEmpty() ? outerLocation : outerLocation + ": " + location;
        PacketGridException e = new PacketGridException(loc, getMessage(), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    @Override
    public String toString() {
        return userMessage();
    }
}
