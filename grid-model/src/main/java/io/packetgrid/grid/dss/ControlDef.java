package io.packetgrid.grid.dss;

/**
 * The definition of a control (CapControl, RegControl, InvControl): it has no buses of its own
 * and is sampled after each solution, in definition order (OpenDSS's control loop).
 */
abstract class ControlDef extends ElementDef {

    ControlDef(String className, String name, String definedAt) {
        super(className, name, definedAt);
    }

    @Override
    final boolean isCircuitElement() {
        return false;
    }

    @Override
    final boolean isControl() {
        return true;
    }
}
