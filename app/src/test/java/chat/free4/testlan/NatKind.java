package chat.free4.testlan;

import java.util.List;

/** How a simulated home router treats its home's traffic (iptables rules on its namespace). */
public enum NatKind {
    /** MASQUERADE: one public port per inside socket, whoever it talks to (a typical home router). */
    ENDPOINT_INDEPENDENT(List.of("-j", "MASQUERADE")),
    /** MASQUERADE --random-fully: a new public port per destination, so STUN-learnt ports are useless. */
    SYMMETRIC(List.of("-j", "MASQUERADE", "--random-fully")),
    /** Endpoint-independent, but every outgoing UDP packet is dropped (networks that allow only TCP). */
    UDP_BLOCKED(List.of("-j", "MASQUERADE"));

    private final List<String> masquerade;

    NatKind(List<String> masquerade) {
        this.masquerade = masquerade;
    }

    List<String> masquerade() {
        return masquerade;
    }
}
