package chat.free4.data;

/**
 * A feature that rides on its own data channel of every peer connection (chat, files, app data).
 * The mesh creates the channel from {@link #spec()} and hands each peer's channel to
 * {@link #attach(FeatureChannel)}; the plugin then owns the listener, the mesh owns the channel.
 */
public interface ChannelPlugin {

    DataChannelSpec spec();

    /** A new peer's channel exists (it may still be connecting). Must not block. */
    void attach(FeatureChannel channel);
}
