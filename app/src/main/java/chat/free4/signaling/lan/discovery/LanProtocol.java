package chat.free4.signaling.lan.discovery;

/** Constants of LAN mode shared by the announcer, the browser and direct signaling. */
public final class LanProtocol {
    /** DNS-SD service type; the SRV port of an instance is its direct-signaling port. */
    public static final String SERVICE_TYPE = "_free4chat._tcp.local.";
    /** Version of the TXT record and of direct signaling; other versions are ignored. */
    public static final int VERSION = 1;
    /** DNS labels are at most 63 bytes; the instance name is the peer id. */
    public static final int MAX_INSTANCE_NAME_BYTES = 63;

    private LanProtocol() {
    }
}
