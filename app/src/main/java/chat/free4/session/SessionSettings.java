package chat.free4.session;

import chat.free4.files.FileLimits;
import chat.free4.files.PartialFileJournal;
import chat.free4.mesh.MeshConfig;
import chat.free4.signaling.ConfiguredIceServers;
import java.util.List;

/**
 * The plain settings a session is built from; nothing here is live.
 *
 * @param iceServers STUN/TURN servers the person configured, checked when the session opens (the
 *                   relay may add its own)
 * @param mesh       connection timings and limits; relay-only lives here too
 * @param downloads  where unfinished downloads are noted, so a crash leaves no half files behind
 */
public record SessionSettings(List<ConfiguredIceServers.Entry> iceServers, MeshConfig mesh, FileLimits fileLimits,
                              PartialFileJournal downloads) {

    public SessionSettings {
        iceServers = List.copyOf(iceServers);
    }

    /** No servers of its own, default timings and limits, no download journal. */
    public static SessionSettings defaults() {
        return new SessionSettings(List.of(), MeshConfig.defaults(), FileLimits.DEFAULT, PartialFileJournal.none());
    }

    public SessionSettings withIceServers(List<ConfiguredIceServers.Entry> servers) {
        return new SessionSettings(servers, mesh, fileLimits, downloads);
    }

    /** Connect through TURN only (tests of the NAT path, people who hide their address). */
    public SessionSettings withRelayOnly(boolean only) {
        return withMesh(mesh.withRelayOnly(only));
    }

    public SessionSettings withMesh(MeshConfig config) {
        return new SessionSettings(iceServers, config, fileLimits, downloads);
    }

    public SessionSettings withDownloads(PartialFileJournal journal) {
        return new SessionSettings(iceServers, mesh, fileLimits, journal);
    }

    /** Downloads in progress are noted in {@code directory}; see {@link #removeUnfinishedDownloads}. */
    public SessionSettings withDownloadJournal(java.nio.file.Path directory) {
        return withDownloads(PartialFileJournal.in(directory));
    }

    /** After a crash: deletes the half-written files noted in {@code directory}; returns how many. */
    public static int removeUnfinishedDownloads(java.nio.file.Path directory) {
        return PartialFileJournal.in(directory).sweep();
    }
}
