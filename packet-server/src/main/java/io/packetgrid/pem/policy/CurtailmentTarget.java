package io.packetgrid.pem.policy;

/**
 * The target of a server that sees the site's PV inverters: the usual target raised by the power the inverters are
 * curtailing now. Energy the panels could deliver but a volt-watt function (or the kVA rating) holds back is lost
 * unless consumed locally; admitting that much more flexible consumption takes it up, and the consumption lowers
 * the local voltage that made the inverters curtail (the voltage rise of PV export is what volt-watt answers,
 * IEEE 1547-2018 §5.4.2). The raise follows the measured curtailment, so it vanishes as the inverters release.
 */
public record CurtailmentTarget(TargetSignal base, InverterView inverters) implements TargetSignal {

    @Override
    public double targetKw(long nowNs) {
        return base.targetKw(nowNs) + inverters.curtailedKw();
    }
}
