package chat.free4.testlan;

/** One simulated machine: a network namespace whose interface {@code lan0} sits on the bridge. */
public record LanHost(String namespace, String interfaceName, String ipv4) {
}
