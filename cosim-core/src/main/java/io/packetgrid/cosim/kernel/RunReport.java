package io.packetgrid.cosim.kernel;

import io.packetgrid.cosim.time.SimTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run did: how far it got, how much traffic it carried, and where the wall time went.
 *
 * @param endNs              the last granted time
 * @param timeAdvances       distinct times granted
 * @param iterations         extra same-time steps (fixed-point iterations and same-time wake-ups)
 * @param steps              federate steps in all
 * @param messagesSent       messages handed to the network
 * @param messagesDelivered  messages that reached an inbox
 * @param messagesDropped    messages the network lost, by reason
 * @param valueUpdates       publications committed
 * @param wallNs             wall time of the run
 * @param profile            per federate, in registration order
 */
public record RunReport(long endNs, long timeAdvances, long iterations, long steps, long messagesSent,
                        long messagesDelivered, Map<String, Long> messagesDropped, long valueUpdates,
                        long wallNs, List<FederateProfile> profile) {

    public long droppedTotal() {
        return messagesDropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The per-federate wall-time profile as a small text table, heaviest first (top {@code limit}). */
    public String profileTable(int limit) {
        long total = Math.max(1, profile.stream().mapToLong(FederateProfile::wallNs).sum());
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-32s %10s %12s %10s %6s%n", "federate", "steps", "wall_ms", "mean_us", "share"));
        profile.stream()
                .sorted(Comparator.comparingLong(FederateProfile::wallNs).reversed().thenComparing(FederateProfile::federate))
                .limit(limit)
                .forEach(p -> b.append(String.format(Locale.ROOT, "%-32s %10d %12.1f %10.2f %5.1f%%%n",
                        p.federate(), p.steps(), p.wallNs() / 1e6, p.meanStepUs(), 100.0 * p.wallNs() / total)));
        b.append(String.format(Locale.ROOT, "run: %s simulated in %.3f s wall, %d steps, %d time advances, %d iterations%n",
                SimTime.format(endNs), wallNs / 1e9, steps, timeAdvances, iterations));
        return b.toString();
    }
}
