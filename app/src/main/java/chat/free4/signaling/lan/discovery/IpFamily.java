package chat.free4.signaling.lan.discovery;

/** Which address families LAN mode uses on the chosen interface. */
public enum IpFamily {
    /** IPv4 if the interface has an IPv4 address, otherwise IPv6. */
    AUTO,
    IPV4,
    IPV6,
    /** One mDNS responder per family; members are merged by peer id. */
    BOTH
}
