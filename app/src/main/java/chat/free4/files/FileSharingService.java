package chat.free4.files;

import chat.free4.data.ChannelClosedException;
import chat.free4.data.ChannelPlugin;
import chat.free4.data.DataChannelSpec;
import chat.free4.data.InboundRate;
import chat.free4.data.FeatureChannel;
import chat.free4.data.ThrottledWarnings;
import chat.free4.data.Untrusted;
import chat.free4.files.FileControl.Type;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File sharing over a reliable, ordered "files" data channel per peer. A sender offers a file
 * (name, size, SHA-256); each receiver accepts with a place to save it, or declines. Content
 * goes in 64 KiB chunks, paused while the channel's buffered amount is above
 * {@link #HIGH_WATER_BYTES} and resumed when it drains below {@link #LOW_WATER_BYTES}. The
 * receiver writes to a temporary file and moves it into place only after size and hash match;
 * cancel, failure or a peer leaving ends the transfer on both sides and deletes the partial file.
 */
public final class FileSharingService implements ChannelPlugin, AutoCloseable {
    public static final DataChannelSpec SPEC = DataChannelSpec.reliable("files", InboundRate.FILES);
    /** Far below the 16 MiB at which libwebrtc closes a channel whose buffer overflows. */
    public static final long HIGH_WATER_BYTES = 4 * 1024 * 1024;
    public static final long LOW_WATER_BYTES = 1024 * 1024;
    /** Offers from one peer waiting for an answer; more are declined before anyone sees them. */
    public static final int MAX_PENDING_OFFERS_PER_PEER = 10;
    /** Finished transfers still listed (for their "saved to" line); older ones are forgotten. */
    public static final int MAX_FINISHED_KEPT = 50;
    private static final long PROGRESS_STEP_BYTES = 512 * 1024;
    /** The reason a "cancel" carries when its sender is leaving the room; older peers read it as a cancel. */
    static final String LEAVING = "leaving the room";
    private static final Logger LOG = LoggerFactory.getLogger(FileSharingService.class);

    private final FileLimits limits;
    private final PartialFileJournal journal;
    private final Map<PeerId, FeatureChannel> channels = new ConcurrentHashMap<>();
    private final Map<UUID, Transfer> transfers = new ConcurrentHashMap<>();
    private final List<TransferListener> listeners = new CopyOnWriteArrayList<>();
    /** Finished transfers, oldest first: beyond {@link #MAX_FINISHED_KEPT} they are forgotten. */
    private final Queue<UUID> finished = new ConcurrentLinkedQueue<>();
    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);

    public FileSharingService() {
        this(FileLimits.DEFAULT);
    }

    public FileSharingService(FileLimits limits) {
        this(limits, PartialFileJournal.none());
    }

    /** @param journal notes downloads in progress so a crash leaves no partial file for long */
    public FileSharingService(FileLimits limits, PartialFileJournal journal) {
        this.limits = limits;
        this.journal = journal;
    }

    @Override
    public DataChannelSpec spec() {
        return SPEC;
    }

    public FileLimits limits() {
        return limits;
    }

    public void addListener(TransferListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TransferListener listener) {
        listeners.remove(listener);
    }

    public List<PeerInfo> connectedPeers() {
        return channels.values().stream().map(FeatureChannel::peer).toList();
    }

    public Optional<TransferStatus> status(UUID id) {
        Transfer t = transfers.get(id);
        return t == null ? Optional.empty() : Optional.of(t.snapshot());
    }

    public List<TransferStatus> transfers() {
        return transfers.values().stream().map(Transfer::snapshot).toList();
    }

    /**
     * Offers a file to everyone in the room: one transfer per connected peer. Hashes the whole
     * file first, so call it off the UI thread.
     *
     * @throws FileTooLargeException over the size limit
     * @throws IOException if the file cannot be read
     */
    public List<TransferStatus> offerToRoom(Path file) throws IOException {
        List<PeerId> peers = new ArrayList<>(channels.keySet());
        if (peers.isEmpty()) {
            throw new IOException("Nobody else is in the room to share a file with.");
        }
        return offer(file, peers);
    }

    /** Offers a file to one peer. @see #offerToRoom(Path) */
    public TransferStatus offerTo(PeerId peer, Path file) throws IOException {
        return offer(file, List.of(peer)).get(0);
    }

    private List<TransferStatus> offer(Path file, List<PeerId> peers) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("\"" + file.getFileName() + "\" is not a file that can be read.");
        }
        String name = file.getFileName().toString();
        long size = Files.size(file);
        limits.check(name, size);
        String sha256 = Sha256.of(file);
        List<TransferStatus> offered = new ArrayList<>();
        for (PeerId peerId : peers) {
            FeatureChannel channel = channels.get(peerId);
            if (channel == null) {
                throw new IOException("That person is no longer connected.");
            }
            Transfer t = new Transfer(UUID.randomUUID(), channel, TransferDirection.OUTGOING,
                    FileControl.safeName(name), size, sha256);
            t.source = file;
            transfers.put(t.id, t);
            synchronized (t) {
                if (sendControl(t, FileControl.offer(t.id, t.fileName, size, sha256))) {
                    notify(t);
                }
            }
            offered.add(t.snapshot());
        }
        return offered;
    }

    /**
     * Accepts an incoming offer and saves the file to {@code target} once it has arrived and
     * checked out. @throws IOException if the target folder cannot be written
     */
    public void accept(UUID id, Path target) throws IOException {
        Transfer t = require(id, TransferDirection.INCOMING);
        synchronized (t) {
            if (t.state != TransferState.OFFERED) {
                throw new IllegalStateException("This file offer is no longer open.");
            }
            t.incoming = new IncomingFile(target, t.size, t.sha256, journal);
            t.state = TransferState.TRANSFERRING;
            if (sendControl(t, FileControl.of(Type.ACCEPT, id, ""))) {
                notify(t);
            }
        }
    }

    public void decline(UUID id) {
        Transfer t = require(id, TransferDirection.INCOMING);
        synchronized (t) {
            if (t.state == TransferState.OFFERED) {
                // Local state first: by the time the peer hears of it, this side has ended.
                end(t, TransferState.DECLINED, "You declined.");
                sendControl(t, FileControl.of(Type.DECLINE, id, ""));
            }
        }
    }

    /** Cancels a transfer in either direction; the other side is told and cleans up too. */
    public void cancel(UUID id) {
        Transfer t = transfers.get(id);
        if (t == null) {
            return;
        }
        synchronized (t) {
            if (!t.state.isFinal()) {
                end(t, TransferState.CANCELLED, "You cancelled the transfer.");
                sendControl(t, FileControl.of(Type.CANCEL, id, ""));
            }
        }
    }

    /**
     * Leaving the room: ends every unfinished transfer; partial files are deleted. The others are
     * told this person left (not that they cancelled), as when the connection closes first: which
     * of the two reaches them depends on how fast the connections close.
     */
    @Override
    public void close() {
        for (Transfer t : transfers.values()) {
            synchronized (t) {
                if (!t.state.isFinal()) {
                    end(t, TransferState.CANCELLED, "You left the room.");
                    sendControl(t, FileControl.of(Type.CANCEL, t.id, LEAVING));
                }
            }
        }
    }

    @Override
    public void attach(FeatureChannel channel) {
        channel.setListener(new FeatureChannel.Listener() {
            @Override
            public void onOpen(FeatureChannel c) {
                channels.put(c.peer().id(), c);
            }

            @Override
            public void onMessage(FeatureChannel c, byte[] data, boolean binary) {
                if (binary) {
                    onChunk(c, data);
                } else {
                    onControl(c, data);
                }
            }

            @Override
            public void onBufferedAmountLow(FeatureChannel c) {
                pumpAll(c);
            }

            @Override
            public void onClosed(FeatureChannel c) {
                channels.remove(c.peer().id(), c);
                for (Transfer t : transfers.values()) {
                    if (t.channel == c) {
                        synchronized (t) {
                            if (!t.state.isFinal()) {
                                end(t, TransferState.FAILED,
                                        c.peer().displayName() + " left before the transfer finished.");
                            }
                        }
                    }
                }
            }
        });
    }

    private void onControl(FeatureChannel c, byte[] data) {
        FileControl msg;
        try {
            msg = FileControl.decode(data);
        } catch (IllegalArgumentException e) {
            warnings.warn(c.peer().id(), "Dropped a malformed file message from {}: {}", c.peer().id(), Untrusted.forLog(e));
            return;
        }
        if (msg.type() == Type.OFFER) {
            onOffer(c, msg);
            return;
        }
        Transfer t = transfers.get(msg.id());
        if (t == null || t.channel != c) {
            LOG.debug("File message {} for an unknown transfer from {}", msg.type(), c.peer().id());
            return;
        }
        String who = c.peer().displayName();
        synchronized (t) {
            if (t.state.isFinal()) {
                return;
            }
            switch (msg.type()) {
                case ACCEPT -> {
                    if (t.direction == TransferDirection.OUTGOING && t.state == TransferState.OFFERED) {
                        startSending(t);
                    }
                }
                case DECLINE -> end(t, TransferState.DECLINED, who + " declined the file.");
                case CANCEL -> {
                    if (LEAVING.equals(msg.reason())) {
                        end(t, TransferState.FAILED, who + " left before the transfer finished.");
                    } else {
                        end(t, TransferState.CANCELLED, who + " cancelled the transfer.");
                    }
                }
                case DONE -> {
                    if (t.direction == TransferDirection.INCOMING && t.state == TransferState.TRANSFERRING) {
                        finishReceiving(t);
                    }
                }
                case VERIFIED -> {
                    if (t.direction == TransferDirection.OUTGOING) {
                        end(t, TransferState.COMPLETED, "");
                    }
                }
                case FAILED -> end(t, TransferState.FAILED,
                        who + " could not save the file: " + (msg.reason().isEmpty() ? "unknown error" : msg.reason()));
                default -> LOG.debug("Ignored {} from {}", msg.type(), c.peer().id());
            }
        }
    }

    private void onOffer(FeatureChannel c, FileControl offer) {
        if (transfers.containsKey(offer.id())) {
            warnings.warn(c.peer().id(), "Ignored a repeated file offer id from {}", c.peer().id());
            return;
        }
        if (pendingOffersFrom(c) >= MAX_PENDING_OFFERS_PER_PEER) {
            // Declined unseen: a peer cannot bury the person in offers (or notifications).
            warnings.warn(c.peer().id(), "Declined a file offer from {}: {} of its offers are already waiting",
                    c.peer().id(), MAX_PENDING_OFFERS_PER_PEER);
            try {
                c.send(FileControl.of(Type.DECLINE, offer.id(), "Too many of your offers are waiting for an answer. "
                        + "Offer this file again once they are answered.").encode(), false);
            } catch (ChannelClosedException e) {
                LOG.debug("Could not decline an offer from {}: {}", c.peer().id(), e.getMessage());
            }
            return;
        }
        Transfer t = new Transfer(offer.id(), c, TransferDirection.INCOMING, offer.name(), offer.size(), offer.sha256());
        transfers.put(t.id, t);
        synchronized (t) {
            try {
                limits.check(offer.name(), offer.size());
                notify(t);
            } catch (FileTooLargeException e) {
                end(t, TransferState.DECLINED, c.peer().displayName() + " offered a file that is too large. "
                        + e.getMessage());
                sendControl(t, FileControl.of(Type.DECLINE, t.id, e.getMessage()));
            }
        }
    }

    private long pendingOffersFrom(FeatureChannel c) {
        return transfers.values().stream().filter(t -> t.channel == c && t.direction == TransferDirection.INCOMING
                && t.state == TransferState.OFFERED).count();
    }

    private void onChunk(FeatureChannel c, byte[] data) {
        ChunkFrame chunk;
        try {
            chunk = ChunkFrame.decode(data);
        } catch (IllegalArgumentException e) {
            warnings.warn(c.peer().id(), "Dropped a malformed file chunk from {}: {}", c.peer().id(), Untrusted.forLog(e));
            return;
        }
        Transfer t = transfers.get(chunk.transferId());
        if (t == null || t.channel != c || t.direction != TransferDirection.INCOMING) {
            return;
        }
        synchronized (t) {
            if (t.state != TransferState.TRANSFERRING) {
                return; // In flight when the transfer ended; the partial file is already gone.
            }
            try {
                t.incoming.write(chunk.data(), chunk.offset(), chunk.length());
                t.bytesDone = t.incoming.written();
                maybeNotifyProgress(t);
            } catch (IOException e) {
                end(t, TransferState.FAILED, "Could not save the file: " + e.getMessage());
                sendControl(t, FileControl.of(Type.FAILED, t.id, e.getMessage()));
            }
        }
    }

    private void startSending(Transfer t) {
        try {
            t.outgoing = new OutgoingFile(t.source, t.size);
        } catch (IOException e) {
            end(t, TransferState.FAILED, "Could not read the file: " + e.getMessage());
            sendControl(t, FileControl.of(Type.CANCEL, t.id, "The sender could not read the file."));
            return;
        }
        t.state = TransferState.TRANSFERRING;
        notify(t);
        pump(t);
    }

    /**
     * One chunk of each file in turn, until the buffer is full: with two files on their way to one
     * peer both move, instead of the second waiting at 0% until the first is across.
     */
    private void pumpAll(FeatureChannel c) {
        List<Transfer> sending = new ArrayList<>(transfers.values().stream()
                .filter(t -> t.channel == c && t.direction == TransferDirection.OUTGOING).toList());
        while (!sending.isEmpty()) {
            sending.removeIf(t -> {
                synchronized (t) {
                    return !sendNext(t);
                }
            });
        }
    }

    /** Sends chunks until the channel's buffer is full; the buffer-drained event calls again. */
    private void pump(Transfer t) {
        while (sendNext(t)) {
            // sendNext does the work
        }
    }

    /** Sends the next chunk, or "done" after the last; false when this transfer has nothing to send now. */
    private boolean sendNext(Transfer t) {
        if (t.state != TransferState.TRANSFERRING) {
            return false;
        }
        try {
            if (t.outgoing.hasMore()) {
                if (t.channel.bufferedAmount() > HIGH_WATER_BYTES) {
                    t.channel.notifyWhenBufferedAmountLow(LOW_WATER_BYTES);
                    return false;
                }
                byte[] data = t.outgoing.nextChunk();
                t.channel.send(new ChunkFrame(t.id, data, 0, data.length).encode(), true);
                t.bytesDone = t.outgoing.read();
                maybeNotifyProgress(t);
                return true;
            }
            t.outgoing.close();
            t.state = TransferState.VERIFYING;
            t.channel.send(FileControl.of(Type.DONE, t.id, "").encode(), false);
            notify(t);
        } catch (IOException e) {
            end(t, TransferState.FAILED, "Could not read the file: " + e.getMessage());
            sendControl(t, FileControl.of(Type.CANCEL, t.id, "The sender could not read the file."));
        } catch (ChannelClosedException e) {
            end(t, TransferState.FAILED, t.channel.peer().displayName() + " left before the transfer finished.");
        }
        return false;
    }

    private void finishReceiving(Transfer t) {
        t.state = TransferState.VERIFYING;
        notify(t);
        try {
            t.savedTo = t.incoming.complete();
            t.incoming = null;
            end(t, TransferState.COMPLETED, "");
            sendControl(t, FileControl.of(Type.VERIFIED, t.id, ""));
        } catch (IOException e) {
            end(t, TransferState.FAILED, "The file could not be saved: " + e.getMessage());
            sendControl(t, FileControl.of(Type.FAILED, t.id, e.getMessage()));
        }
    }

    /** Final state: releases files (deleting any partial download) and tells listeners. */
    private void end(Transfer t, TransferState state, String reason) {
        t.state = state;
        t.reason = reason;
        if (t.incoming != null) {
            t.incoming.discard();
            t.incoming = null;
        }
        if (t.outgoing != null) {
            t.outgoing.close();
            t.outgoing = null;
        }
        notify(t);
        retire(t);
    }

    /** Keeps the last {@link #MAX_FINISHED_KEPT} finished transfers; older ones are forgotten. */
    private void retire(Transfer t) {
        if (t.retired) {
            return;
        }
        t.retired = true;
        finished.add(t.id);
        while (finished.size() > MAX_FINISHED_KEPT) {
            UUID oldest = finished.poll();
            if (oldest != null) {
                transfers.remove(oldest);
            }
        }
    }

    /** Returns false (and ends the transfer) if the peer's channel is gone. */
    private boolean sendControl(Transfer t, FileControl msg) {
        try {
            t.channel.send(msg.encode(), false);
            return true;
        } catch (ChannelClosedException e) {
            if (!t.state.isFinal()) {
                end(t, TransferState.FAILED, t.channel.peer().displayName() + " is no longer connected.");
            }
            return false;
        }
    }

    private void maybeNotifyProgress(Transfer t) {
        if (t.bytesDone - t.lastNotified >= PROGRESS_STEP_BYTES || t.bytesDone == t.size) {
            t.lastNotified = t.bytesDone;
            notify(t);
        }
    }

    private void notify(Transfer t) {
        TransferStatus s = t.snapshot();
        for (TransferListener l : listeners) {
            try {
                l.onTransfer(s);
            } catch (RuntimeException e) {
                LOG.warn("Transfer listener failed", e);
            }
        }
    }

    private Transfer require(UUID id, TransferDirection direction) {
        Transfer t = transfers.get(id);
        if (t == null || t.direction != direction) {
            throw new IllegalArgumentException("No such file offer.");
        }
        return t;
    }

    /** Mutable state of one transfer; guarded by its own monitor. */
    private static final class Transfer {
        final UUID id;
        final FeatureChannel channel;
        final TransferDirection direction;
        final String fileName;
        final long size;
        final String sha256;
        Path source;
        IncomingFile incoming;
        OutgoingFile outgoing;
        volatile TransferState state = TransferState.OFFERED;
        volatile long bytesDone;
        long lastNotified;
        volatile String reason = "";
        volatile Path savedTo;
        boolean retired;

        Transfer(UUID id, FeatureChannel channel, TransferDirection direction, String fileName, long size, String sha256) {
            this.id = id;
            this.channel = channel;
            this.direction = direction;
            this.fileName = fileName;
            this.size = size;
            this.sha256 = sha256;
        }

        TransferStatus snapshot() {
            return new TransferStatus(id, channel.peer(), direction, fileName, size, sha256, bytesDone, state,
                    reason, Optional.ofNullable(savedTo));
        }
    }
}
