package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.PacketRequest;

/**
 * The emergency mode of an islanded micro-grid: when its storage runs low the server serves only the
 * basic needs the community rules name ({@link CommunityRules#basicNeed}), so that the island lasts — the
 * seed paper's "emergency mode guaranteeing the basic energy needs" (Tomé et al., Energy Internet via
 * Packetized Management, §II-E and §III-C). It enters when the site is islanded and the state of charge is
 * below {@code enterSocPct}, and leaves when the site is reconnected or the state of charge is back at
 * {@code exitSocPct} or above (hysteresis, so that it does not chatter around one threshold). Keeps the
 * time spent in it. One object per server; no network types.
 */
public final class EmergencyMode {
    private final double enterSocPct;
    private final double exitSocPct;
    private boolean active;
    private long sinceNs;
    private long totalNs;
    private int entries;
    private final java.util.List<long[]> spans = new java.util.ArrayList<>();

    /**
     * @throws IllegalArgumentException unless 0 ≤ enter ≤ exit ≤ 100
     */
    public EmergencyMode(double enterSocPct, double exitSocPct) {
        if (!(enterSocPct >= 0 && exitSocPct >= enterSocPct && exitSocPct <= 100)) {
            throw new IllegalArgumentException("emergency mode needs 0 ≤ enter ≤ exit ≤ 100 % SoC, got " + enterSocPct + " and "
                    + exitSocPct);
        }
        this.enterSocPct = enterSocPct;
        this.exitSocPct = exitSocPct;
    }

    public double enterSocPct() {
        return enterSocPct;
    }

    public double exitSocPct() {
        return exitSocPct;
    }

    /** Re-evaluates the mode from the storage's state at {@code nowNs} (times never go back); returns whether it is on. */
    public boolean update(StorageView view, long nowNs) {
        boolean on = active ? view.islanded() && view.socPct() < exitSocPct : view.islanded() && view.socPct() < enterSocPct;
        if (on && !active) {
            sinceNs = nowNs;
            entries++;
        } else if (!on && active) {
            totalNs += nowNs - sinceNs;
            spans.add(new long[] {sinceNs, nowNs});
        }
        active = on;
        return on;
    }

    public boolean active() {
        return active;
    }

    /** Whether the request may be served now: always outside the mode, basic needs only in it. */
    public boolean admits(CommunityRules rules, PacketRequest r) {
        return !active || rules.basicNeed(r.deviceClass(), r.priority());
    }

    /** Time spent in the mode up to {@code nowNs}, ns. */
    public long emergencyNs(long nowNs) {
        return totalNs + (active ? Math.max(0, nowNs - sinceNs) : 0);
    }

    /** The periods spent in the mode up to {@code nowNs}: {from, until} ns (an open one ends at {@code nowNs}). */
    public java.util.List<long[]> spans(long nowNs) {
        java.util.List<long[]> out = new java.util.ArrayList<>();
        for (long[] s : spans) {
            out.add(s.clone());
        }
        if (active) {
            out.add(new long[] {sinceNs, Math.max(sinceNs, nowNs)});
        }
        return out;
    }

    /** How many times it was entered. */
    public int entries() {
        return entries;
    }
}
