package io.packetgrid.grid.dss;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the first full run of a script proved for later runs of the same script with the same commands (a study's
 * copies of its feeder), each fact keyed by the {@link ScriptFingerprint} of everything executed before it:
 * <ul>
 *   <li>the voltage bases each {@code Calcvoltagebases} set: a later run at the same fingerprint has the same
 *       sources and delivery elements, whose no-load solution gives the bases, so it takes them as they are;</li>
 *   <li>the snapshot {@code Solve}s that completed without writing anything back into the definitions (no controls
 *       to move taps or switch capacitors, no storage, no protective devices): a later run at the same fingerprint
 *       may defer such a Solve ({@link DssInterpreter#reuse}).</li>
 * </ul>
 * Filled by one run ({@link DssInterpreter#recordInto}), then read by any number of runs on any threads.
 */
public final class ScriptMemo {
    /** A bus's voltage base as Calcvoltagebases set it (line-to-neutral kV). */
    record Base(String bus, double kvLn) {
    }

    private final Map<String, List<Base>> bases = new ConcurrentHashMap<>();
    private final Set<String> solves = ConcurrentHashMap.newKeySet();

    void addBases(String fingerprint, List<Base> set) {
        bases.put(fingerprint, List.copyOf(set));
    }

    /** The bases a Calcvoltagebases at this fingerprint set, or null. */
    List<Base> bases(String fingerprint) {
        return bases.get(fingerprint);
    }

    void addSolve(String fingerprint) {
        solves.add(fingerprint);
    }

    /** Whether a Solve at this fingerprint completed and left the definitions as they were. */
    boolean solved(String fingerprint) {
        return solves.contains(fingerprint);
    }

    /** Facts recorded (for tests and diagnostics): Calcvoltagebases, then Solves. */
    public int[] counts() {
        return new int[] {bases.size(), solves.size()};
    }
}
