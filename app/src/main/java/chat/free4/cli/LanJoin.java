package chat.free4.cli;

import chat.free4.session.RoomAddress;

/** {@code join --lan}: where the room is when there is no server: this network. */
final class LanJoin {
    private LanJoin() {
    }

    static RoomAddress address(LanOptions options, String relay) {
        if (relay != null) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Use either --lan or --relay, not both.");
        }
        Logs.quiet(); // jmDNS is chatty while it starts; --verbose turns logs back on after this
        return RoomAddress.lan(options.chooseInterface());
    }
}
