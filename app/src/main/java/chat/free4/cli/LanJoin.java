package chat.free4.cli;

import chat.free4.signaling.lan.discovery.LanUnavailableException;
import chat.free4.signaling.lan.LanSignaling;
import chat.free4.signaling.Signaling;

/** {@code join --lan}: the serverless signaling transport for the headless peer. */
final class LanJoin {
    private LanJoin() {
    }

    static Signaling open(LanOptions options, String relay) {
        if (relay != null) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Use either --lan or --relay, not both.");
        }
        Logs.quiet(); // jmDNS is chatty while it starts; --verbose turns logs back on after this
        try {
            return LanSignaling.standalone(options.chooseInterface());
        } catch (LanUnavailableException e) {
            throw new CliFailure(ExitCodes.FAILED, e.getMessage());
        }
    }
}
