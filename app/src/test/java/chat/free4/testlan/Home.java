package chat.free4.testlan;

/**
 * One simulated home: a host behind its own router.
 *
 * @param host       the namespace of the home's computer (address 198.18.N.10, default route via the router)
 * @param router     the router's namespace (LAN 198.18.N.1, WAN {@code publicIp} on the internet bridge)
 * @param publicIp   the router's address on the simulated internet
 */
public record Home(int index, NatKind nat, String host, String router, String publicIp) {
    public String hostIp() {
        return "198.18." + index + ".10";
    }
}
