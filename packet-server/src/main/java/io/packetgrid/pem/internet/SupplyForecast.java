package io.packetgrid.pem.internet;

import io.packetgrid.pem.schedule.SlotGrid;
import io.packetgrid.pem.schedule.Supply;
import java.util.List;

/**
 * What the server expects to have in each slot of a plan, as priced tiers (local renewable left after
 * the forecast base load, storage, import up to its limit), from the forecasts it holds when it plans.
 * A study builds it from its forecast series; tests from fixed numbers.
 */
@FunctionalInterface
public interface SupplyForecast {

    /** The tiers over {@code grid}'s slots as forecast at {@code issuedNs}. */
    List<Supply> tiers(SlotGrid grid, long issuedNs);
}
