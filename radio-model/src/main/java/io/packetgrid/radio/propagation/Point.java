package io.packetgrid.radio.propagation;

/** A position on the ground plane, metres. */
public record Point(double xM, double yM) {
    public double distanceTo(Point o) {
        double dx = xM - o.xM;
        double dy = yM - o.yM;
        return Math.sqrt(dx * dx + dy * dy); // Math.hypot is exact but several times slower
    }
}
