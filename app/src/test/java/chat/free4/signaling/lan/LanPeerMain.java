package chat.free4.signaling.lan;

import chat.free4.signaling.lan.discovery.IpFamily;
import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterfaces;
import chat.free4.signaling.lan.discovery.LanRoom;
import chat.free4.signaling.lan.discovery.LanRoomsListener;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A test peer for LAN signaling without the mesh, run in a network namespace by the tests. It
 * prints what it learns as lines ({@code PEER_JOINED id name}, {@code SIGNAL from offer text},
 * {@code ROOMS ...}) and obeys lines on stdin ({@code offer PEER TEXT}, {@code redial PEER}, {@code leave}, {@code quit}).
 * Args: {@code ROOM NAME public|private|password=PASSWORD [IFACE] [ipv4|ipv6|both]}, or {@code --rooms [IFACE]}.
 */
public final class LanPeerMain {
    private LanPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean roomsOnly = args[0].equals("--rooms");
        String iface = roomsOnly ? (args.length > 1 ? args[1] : null) : (args.length > 3 ? args[3] : null);
        IpFamily family = !roomsOnly && args.length > 4 ? IpFamily.valueOf(args[4].toUpperCase()) : IpFamily.AUTO;
        LanDiscovery discovery = LanDiscovery.open(LanInterfaces.choose(iface, family));
        discovery.browser().addListener(new LanRoomsListener() {
            @Override
            public void announcementIgnored(String instance, String reason) {
                print("IGNORED " + instance + " (" + reason + ")");
            }

            @Override
            public void roomsChanged(List<LanRoom> rooms) {
                print("ROOMS " + rooms.stream()
                        .map(r -> r.name() + "(" + r.memberCount() + ":" + r.members().stream()
                                .map(m -> m.displayName()).sorted().collect(Collectors.joining(",")) + ")")
                        .collect(Collectors.joining(" ")));
            }
        });
        if (roomsOnly) {
            print("BROWSING");
            waitForQuit(null, discovery);
            return;
        }
        LanSignaling signaling = new LanSignaling(discovery);
        PeerId self = PeerId.random();
        RoomRequest request = new RoomRequest(args[0], args[1], self, args[2].equals("public"), List.of());
        if (args[2].startsWith("password=")) {
            request = request.withPassword(args[2].substring("password=".length()).toCharArray());
        }
        signaling.join(request, new SignalingListener() {
            @Override
            public void onJoined(PeerId me, List<PeerInfo> members) {
                print("JOINED " + me);
            }

            @Override
            public void onPeerJoined(PeerInfo peer) {
                print("PEER_JOINED " + peer.id() + " " + peer.displayName());
            }

            @Override
            public void onPeerLeft(PeerId peer) {
                print("PEER_LEFT " + peer);
            }

            @Override
            public void onSignal(PeerId from, SignalPayload payload) {
                if (payload instanceof SignalPayload.Offer offer) {
                    print("SIGNAL " + from + " offer " + offer.sdp());
                } else {
                    print("SIGNAL " + from + " " + payload);
                }
            }

            @Override
            public void onStateChanged(SignalingState state, String reason) {
                print("STATE " + state + " " + reason);
            }

            @Override
            public void onError(String code, String message) {
                print("ERROR " + code + " " + message);
            }
        });
        waitForQuit(signaling, discovery);
    }

    private static void waitForQuit(LanSignaling signaling, LanDiscovery discovery) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (signaling != null) {
                signaling.close();
            }
            discovery.close();
        }));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split(" ", 3);
            switch (parts[0]) {
                case "offer" -> signaling.send(new PeerId(parts[1]), new SignalPayload.Offer(parts[2]));
                case "leave" -> signaling.leave();
                case "redial" -> signaling.redial(new PeerId(parts[1])).whenComplete((ok, e) ->
                        print(e == null ? "REDIALED " + parts[1] : "REDIAL_FAILED " + e.getMessage()));
                case "quit" -> System.exit(0);
                default -> print("UNKNOWN_COMMAND " + parts[0]);
            }
        }
        // stdin closed: keep running until killed.
        Thread.currentThread().join();
    }

    static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
