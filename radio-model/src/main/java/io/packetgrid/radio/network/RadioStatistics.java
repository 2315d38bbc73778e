package io.packetgrid.radio.network;

import java.util.Map;

/**
 * The radio network's statistics at a point of a run: per service class and over all radio traffic
 * (wired-to-wired messages are not counted). {@code inFlight} counts messages still held by the
 * network (sent but neither delivered nor lost yet).
 */
public record RadioStatistics(ClassStatistics.Summary all, Map<String, ClassStatistics.Summary> byClass, long inFlight) {

    /** One class's summary ({@code urllc} or {@code mmtc}). */
    public ClassStatistics.Summary of(ServiceClass c) {
        return byClass.get(c.label());
    }
}
