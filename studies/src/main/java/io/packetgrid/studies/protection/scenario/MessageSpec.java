package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;

/**
 * Protection messages (YAML {@code messages:}).
 *
 * @param bytes      payload of a trip, block or permit (default 32: the 3GPP URLLC reference packet)
 * @param processing communication processing of sender and receiver together, added to every radio
 *                   latency (IEC 61850-5 transfer time t = ta + tb + tc; default 0)
 */
public record MessageSpec(@JsonProperty("bytes") Integer bytes, @JsonProperty("processing") SimDuration processing) {

    public MessageSpec {
        bytes = bytes == null ? 32 : bytes;
        if (bytes < 1 || bytes > 10_000) {
            throw new IllegalArgumentException("bytes must be in [1, 10000], got " + bytes);
        }
        processing = processing == null ? SimDuration.ofNs(0) : processing;
    }

    public static MessageSpec defaults() {
        return new MessageSpec(null, null);
    }
}
