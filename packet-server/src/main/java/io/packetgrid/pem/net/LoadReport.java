package io.packetgrid.pem.net;

/**
 * What {@code loadgen} measured (CLI.md field names in {@link #toJsonFields}).
 *
 * @param lostAcknowledged acknowledged packets not found in the server's journal afterwards
 *                         (−1 if no audit was possible)
 * @param hostile          what the hostile traffic generator sent meanwhile (null: none)
 */
public record LoadReport(int devices, double durationS, long sent, long replies, long acknowledged, long denied,
                         long timeouts, double requestsPerSecond, double p50Ms, double p99Ms, double p999Ms,
                         double maxMs, long lostAcknowledged, long auditUnanswered, String audit, String transport,
                         HostileTraffic.Report hostile) {

    /** Fields in a fixed order (name, value) for the JSON line. */
    public java.util.Map<String, Object> toJsonFields() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("requests_per_second", Math.round(requestsPerSecond));
        m.put("p50_ms", round3(p50Ms));
        m.put("p99_ms", round3(p99Ms));
        m.put("p999_ms", round3(p999Ms));
        m.put("max_ms", round3(maxMs));
        m.put("acknowledged", acknowledged);
        m.put("lost_acknowledged", lostAcknowledged);
        m.put("denied", denied);
        m.put("sent", sent);
        m.put("replies", replies);
        m.put("timeouts", timeouts);
        m.put("audit", audit);
        m.put("audit_unanswered", auditUnanswered);
        m.put("devices", devices);
        m.put("duration_s", durationS);
        m.put("transport", transport);
        if (hostile != null) {
            m.put("hostile_frames_sent", hostile.framesSent());
            m.put("idle_tcp_connects", hostile.idleTcpConnects());
            m.put("idle_tcp_open_max", hostile.idleTcpOpenMax());
            m.put("idle_tcp_open_at_end", hostile.idleTcpOpenAtEnd());
            m.put("idle_tcp_closed_by_server", hostile.idleTcpClosedByServer());
            m.put("idle_tcp_local_failures", hostile.idleTcpLocalFailures());
        }
        return m;
    }

    private static double round3(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }
}
