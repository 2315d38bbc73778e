package io.packetgrid.pem.device;

/**
 * A ground-source heat pump charging a two-layer 750 L storage tank that feeds floor heating in a
 * well-insulated (zero-energy) log house. Two tank nodes (top, bottom) and one house node.
 *
 * <p>Sources and assumptions: tank volume 750 L, ground-source pump and floor heating from the
 * project's founding description (the zero-energy log house); COP from a Carnot fraction
 * {@code COP = η_C·T_sink/(T_sink − T_source)} with η_C = 0.45, which gives COP ≈ 4 at the EN 14511
 * rating point B0/W35 typical of brine-to-water units; house heat-loss coefficient, thermal mass,
 * floor-heating conductance, inter-layer exchange and tank losses are our assumptions for a
 * ~150 m² low-energy house (stated here so a study can override them).
 *
 * @param ratedKw        compressor electrical power, kW
 * @param carnotFraction η_C
 * @param sourceC        brine (ground) temperature, °C
 * @param tankL          storage volume, litres (two equal layers)
 * @param layerExchangeKwPerC heat exchange between the layers (conduction + mixing), kW/°C
 * @param tankLossKwPerC standing loss of each layer to the room, kW/°C
 * @param floorKwPerC    floor-heating conductance from the top layer to the house, kW/°C
 * @param houseUaKwPerC  house heat-loss coefficient, kW/°C
 * @param houseCapKwhPerC house thermal capacity, kWh/°C
 * @param indoorSetC     room set-point; the floor-heating pump circulates below it
 * @param band           tank top-layer band (°C) for PEM
 */
public record HeatPumpParams(double ratedKw, double carnotFraction, double sourceC, double tankL,
                             double layerExchangeKwPerC, double tankLossKwPerC, double floorKwPerC,
                             double houseUaKwPerC, double houseCapKwhPerC, double indoorSetC, PemBand band) {

    public static HeatPumpParams logHouse() {
        return new HeatPumpParams(2.0, 0.45, 0.0, 750, 0.05, 0.002, 0.6, 0.10, 5.0, 21.0,
                PemBand.symmetric(45, 10, 6));
    }

    /** Carnot-fraction COP for a sink at {@code sinkC} (°C). */
    public double cop(double sinkC) {
        double tSinkK = sinkC + 273.15;
        double lift = Math.max(5, sinkC - sourceC);
        return carnotFraction * tSinkK / lift;
    }

    /** Capacity of one layer, kJ/°C (c = 4.186 kJ/(kg·°C), ρ = 0.99 kg/L as ACC 2017 Table I). */
    public double layerCapKjPerC() {
        return WaterHeaterParams.C_KJ_PER_KG_C * WaterHeaterParams.RHO_KG_PER_L * tankL / 2;
    }
}
