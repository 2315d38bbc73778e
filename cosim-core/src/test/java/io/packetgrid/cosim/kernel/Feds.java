package io.packetgrid.cosim.kernel;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import java.util.function.ToLongFunction;

/** Small federates for kernel tests, written as lambdas. */
final class Feds {
    private Feds() {
    }

    static Federate of(String name, ToLongFunction<Setup> init, ToLongFunction<Step> step) {
        return new Federate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long initialize(Setup setup) {
                return init.applyAsLong(setup);
            }

            @Override
            public long step(Step s) {
                return step.applyAsLong(s);
            }
        };
    }
}
