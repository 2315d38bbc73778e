package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;

/**
 * What the server federate reads from other federates' values before deciding: grid results for
 * a {@link io.packetgrid.pem.policy.GridView}, a fleet meter for a measured estimate, site PV and
 * base load for self-sufficiency targets. A study implements it (studies adapt grid-model's
 * results, packet-server does not know them) and passes it to {@link PacketServerFederate}.
 */
public interface ServerInputs {

    /** Declares the subscriptions (called from the server's {@code initialize}). */
    void declare(Setup setup);

    /** Refreshes the policy's views from the values (called at each server step, before deciding). */
    void refresh(Step step);

    ServerInputs NONE = new ServerInputs() {
        @Override
        public void declare(Setup setup) {
        }

        @Override
        public void refresh(Step step) {
        }
    };

    /** Several inputs in order. */
    static ServerInputs of(ServerInputs... inputs) {
        return new ServerInputs() {
            @Override
            public void declare(Setup setup) {
                for (ServerInputs i : inputs) {
                    i.declare(setup);
                }
            }

            @Override
            public void refresh(Step step) {
                for (ServerInputs i : inputs) {
                    i.refresh(step);
                }
            }
        };
    }
}
