package chat.free4.session;

import chat.free4.signaling.Signaling;
import chat.free4.signaling.lan.LanSignaling;
import chat.free4.signaling.lan.discovery.LanInterface;
import chat.free4.signaling.lan.discovery.LanUnavailableException;
import chat.free4.signaling.relay.RelayConnectionConfig;
import chat.free4.signaling.relay.RelaySignaling;

/**
 * Where a room is: behind a relay, or on this network. Each join opens a fresh transport from it;
 * the session owns that transport until it leaves.
 */
public sealed interface RoomAddress permits RoomAddress.Relay, RoomAddress.Lan, RoomAddress.SharedLan {

    /** A transport for one join; failures carry a sentence for the person. */
    Signaling openSignaling();

    /** Short words for where this is ("Internet", "This network"). */
    String words();

    /**
     * The relay at {@code url} (ws:// or wss://).
     *
     * @throws IllegalArgumentException with a sentence when the address is not a relay address
     */
    static RoomAddress relay(String url) {
        return new Relay(RelayConnectionConfig.of(RelayConnectionConfig.parseRelay(url)));
    }

    /** The relay with explicit timings (tests reconnect faster than people need). */
    static RoomAddress relay(RelayConnectionConfig config) {
        return new Relay(config);
    }

    /** This network through one interface, with mDNS of its own for this join: what the command line uses. */
    static RoomAddress lan(LanInterface lanInterface) {
        return new Lan(lanInterface);
    }

    /** This network through mDNS that is already open (the desktop's lobby watches the same). */
    static RoomAddress lan(LanNetwork network) {
        return new SharedLan(network);
    }

    record Relay(RelayConnectionConfig config) implements RoomAddress {
        @Override
        public Signaling openSignaling() {
            return new RelaySignaling(config);
        }

        @Override
        public String words() {
            return "Internet";
        }
    }

    record Lan(LanInterface lanInterface) implements RoomAddress {
        @Override
        public Signaling openSignaling() {
            try {
                return LanSignaling.standalone(lanInterface);
            } catch (LanUnavailableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public String words() {
            return "This network";
        }
    }

    record SharedLan(LanNetwork network) implements RoomAddress {
        @Override
        public Signaling openSignaling() {
            return network.openSignaling();
        }

        @Override
        public String words() {
            return "This network";
        }
    }
}
