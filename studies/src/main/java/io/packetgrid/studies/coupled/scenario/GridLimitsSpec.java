package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.InvalidFieldException;

/**
 * Grid limits (YAML {@code grid_limits:}): what counts as a violation in the results, and what the
 * grid-aware server protects.
 *
 * @param nominalV          nominal LV phase voltage, V (EN 50160: 230 V)
 * @param vMinPu            EN 50160 lower limit, pu (0.90)
 * @param vMaxPu            EN 50160 upper limit, pu (1.10)
 * @param transformerMaxPct largest transformer loading, % of rating
 * @param gateMarginPu      the grid-aware gate keeps this far inside [v_min, v_max] (the power flow is
 *                          up to one grid step old and other nodes' packets also move a node's voltage)
 * @param directional       deny only packets that push a node further out (consumption at low voltage)
 *                          rather than every packet at a node outside limits (IREP 2022 Algorithm 1)
 * @param predictive        also deny when dV/dP predicts the packet takes the node outside the limits
 * @param mvVMinPu          lower limit at MV nodes (above 1 kV up to 36 kV between phases), pu of each bus's own
 *                          base voltage (0.90: EN 50160 §5.2.2, MV supply voltage variations, Uc ± 10 %)
 * @param mvVMaxPu          upper limit at MV nodes, pu (1.10)
 */
public record GridLimitsSpec(@JsonProperty("nominal_v") Double nominalV,
                             @JsonProperty("v_min_pu") Double vMinPu,
                             @JsonProperty("v_max_pu") Double vMaxPu,
                             @JsonProperty("transformer_max_pct") Double transformerMaxPct,
                             @JsonProperty("gate_margin_pu") Double gateMarginPu,
                             @JsonProperty("directional") Boolean directional,
                             @JsonProperty("predictive") Boolean predictive,
                             @JsonProperty("mv_v_min_pu") Double mvVMinPu,
                             @JsonProperty("mv_v_max_pu") Double mvVMaxPu) {

    public GridLimitsSpec {
        nominalV = nominalV == null ? 230.0 : nominalV;
        vMinPu = vMinPu == null ? 0.90 : vMinPu;
        vMaxPu = vMaxPu == null ? 1.10 : vMaxPu;
        transformerMaxPct = transformerMaxPct == null ? 100.0 : transformerMaxPct;
        gateMarginPu = gateMarginPu == null ? 0.0 : gateMarginPu;
        directional = directional == null || directional;
        predictive = predictive == null || predictive;
        mvVMinPu = mvVMinPu == null ? 0.90 : mvVMinPu;
        mvVMaxPu = mvVMaxPu == null ? 1.10 : mvVMaxPu;
        InvalidFieldException.inRange("nominal_v", nominalV, 1, 1e6);
        InvalidFieldException.inRange("v_min_pu", vMinPu, 0.1, 2);
        InvalidFieldException.inRange("v_max_pu", vMaxPu, 0.1, 2);
        InvalidFieldException.inRange("transformer_max_pct", transformerMaxPct, 1, 1000);
        InvalidFieldException.inRange("gate_margin_pu", gateMarginPu, 0, 0.5);
        if (!(vMinPu < vMaxPu)) {
            throw new InvalidFieldException("v_max_pu", "must be above v_min_pu (" + vMinPu + "), got " + vMaxPu);
        }
        InvalidFieldException.inRange("mv_v_min_pu", mvVMinPu, 0.1, 2);
        InvalidFieldException.inRange("mv_v_max_pu", mvVMaxPu, 0.1, 2);
        if (!(mvVMinPu < mvVMaxPu)) {
            throw new InvalidFieldException("mv_v_max_pu", "must be above mv_v_min_pu (" + mvVMinPu + "), got " + mvVMaxPu);
        }
    }

    /** The limits before the MV band (its defaults). */
    public GridLimitsSpec(Double nominalV, Double vMinPu, Double vMaxPu, Double transformerMaxPct, Double gateMarginPu,
                          Boolean directional, Boolean predictive) {
        this(nominalV, vMinPu, vMaxPu, transformerMaxPct, gateMarginPu, directional, predictive, null, null);
    }

    public static GridLimitsSpec en50160() {
        return new GridLimitsSpec(null, null, null, null, null, null, null, null, null);
    }
}
