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

    /** The one line a user sees: {@code location: message} (or just the message). */
    public String userMessage() {
        return location.isEmpty() ? getMessage() : location + ": " + getMessage();
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
