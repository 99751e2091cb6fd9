package chat.free4.files;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.data.RtcTestRoom;
import chat.free4.data.RtcTestRoom.Peer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File sharing between real WebRTC peers: content, hashes, and what is left on disk. */
class FileSharingOverWebRtcTest {
    private static final int MB = 1024 * 1024;
    private final RtcTestRoom room = new RtcTestRoom();

    @TempDir
    Path tmp;

    @AfterEach
    void closeRoom() {
        room.close();
    }

    /** One peer's file service plus the latest status of each transfer it knows. */
    private final class Side {
        final FileSharingService files;
        final Peer peer;
        final Map<UUID, TransferStatus> latest = new ConcurrentHashMap<>();
        final Path downloads;

        Side(String name, FileLimits limits) throws IOException {
            files = new FileSharingService(limits);
            files.addListener(s -> latest.put(s.id(), s));
            peer = room.addPeer(RtcTestRoom.newPeerInfo(name), files);
            downloads = Files.createDirectories(tmp.resolve(name));
        }

        TransferState state(UUID id) {
            TransferStatus s = latest.get(id);
            return s == null ? null : s.state();
        }

        /** The one incoming offer, once it arrived. */
        TransferStatus awaitOffer() {
            await().atMost(Duration.ofSeconds(10)).until(() -> latest.values().stream()
                    .anyMatch(s -> s.direction() == TransferDirection.INCOMING));
            return latest.values().stream().filter(s -> s.direction() == TransferDirection.INCOMING).findFirst().orElseThrow();
        }

        List<Path> downloadFolder() throws IOException {
            try (var files = Files.list(downloads)) {
                return files.toList();
            }
        }
    }

    private Path randomFile(String name, int size) throws IOException {
        Path file = tmp.resolve(name);
        Random random = new Random(size);
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, Math.min(block.length, size - written));
            }
        }
        return file;
    }

    private static void awaitConnected(Side... sides) {
        for (Side s : sides) {
            await().atMost(Duration.ofSeconds(20)).until(() -> s.files.connectedPeers().size() == sides.length - 1);
        }
    }

    @Test
    void twentyMegabytesReachTwoReceiversIntact() throws Exception {
        Side ada = new Side("Ada", FileLimits.DEFAULT);
        Side bob = new Side("Bob", FileLimits.DEFAULT);
        Side cy = new Side("Cy", FileLimits.DEFAULT);
        room.connectAll();
        awaitConnected(ada, bob, cy);
        Path source = randomFile("video.bin", 20 * MB);
        String sourceHash = Sha256.of(source);

        List<TransferStatus> offered = ada.files.offerToRoom(source);
        assertEquals(2, offered.size());
        for (Side receiver : List.of(bob, cy)) {
            TransferStatus offer = receiver.awaitOffer();
            assertEquals("video.bin", offer.fileName());
            assertEquals(20 * MB, offer.size());
            receiver.files.accept(offer.id(), receiver.downloads.resolve("saved-video.bin"));
        }
        for (TransferStatus t : offered) {
            await().atMost(Duration.ofSeconds(120)).until(() -> ada.state(t.id()) == TransferState.COMPLETED);
        }
        for (Side receiver : List.of(bob, cy)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.latest.values().iterator().next().state()
                    == TransferState.COMPLETED);
        }
        for (Side receiver : List.of(bob, cy)) {
            TransferStatus done = receiver.latest.values().iterator().next();
            assertEquals(TransferState.COMPLETED, done.state());
            Path saved = receiver.downloads.resolve("saved-video.bin");
            assertEquals(Path.of(saved.toAbsolutePath().toString()), done.savedTo().orElseThrow());
            assertEquals(sourceHash, Sha256.of(saved));
            assertEquals(List.of(saved), receiver.downloadFolder());
        }
    }

    @Test
    void cancelledTransfersLeaveNoPartialFile() throws Exception {
        Side ada = new Side("Ada", FileLimits.DEFAULT);
        Side bob = new Side("Bob", FileLimits.DEFAULT);
        room.connectAll();
        awaitConnected(ada, bob);
        Path source = randomFile("big.bin", 20 * MB);

        // The receiver cancels once 2 MB have arrived.
        AtomicBoolean cancelled = new AtomicBoolean();
        bob.files.addListener(s -> {
            if (s.direction() == TransferDirection.INCOMING && s.bytesDone() >= 2 * MB && cancelled.compareAndSet(false, true)) {
                bob.files.cancel(s.id());
            }
        });
        TransferStatus first = ada.files.offerTo(bob.peer.info.id(), source);
        bob.files.accept(bob.awaitOffer().id(), bob.downloads.resolve("big.bin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.state(first.id()) == TransferState.CANCELLED
                && bob.state(first.id()) == TransferState.CANCELLED);
        assertTrue(bob.latest.get(first.id()).bytesDone() < 20 * MB);
        assertEquals("Bob cancelled the transfer.", ada.latest.get(first.id()).reason());
        assertEquals(List.of(), bob.downloadFolder());

        // The sender cancels once 2 MB have gone out.
        AtomicBoolean senderCancelled = new AtomicBoolean();
        ada.files.addListener(s -> {
            if (s.direction() == TransferDirection.OUTGOING && s.state() == TransferState.TRANSFERRING
                    && s.bytesDone() >= 2 * MB && senderCancelled.compareAndSet(false, true)) {
                ada.files.cancel(s.id());
            }
        });
        TransferStatus second = ada.files.offerTo(bob.peer.info.id(), source);
        await().atMost(Duration.ofSeconds(10)).until(() -> bob.state(second.id()) == TransferState.OFFERED);
        bob.files.accept(second.id(), bob.downloads.resolve("big-again.bin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> bob.state(second.id()) == TransferState.CANCELLED);
        assertEquals("Ada cancelled the transfer.", bob.latest.get(second.id()).reason());
        assertEquals(List.of(), bob.downloadFolder());
    }

    @Test
    void aSenderThatLeavesMidwayEndsTheTransferCleanlyOnBothSides() throws Exception {
        Side ada = new Side("Ada", FileLimits.DEFAULT);
        Side bob = new Side("Bob", FileLimits.DEFAULT);
        room.connectAll();
        awaitConnected(ada, bob);
        Path source = randomFile("big.bin", 20 * MB);
        AtomicBoolean dropped = new AtomicBoolean();
        bob.files.addListener(s -> {
            if (s.bytesDone() >= 2 * MB && dropped.compareAndSet(false, true)) {
                // Ada's app goes away: her side closes; Bob only learns it from the network.
                new Thread(() -> room.dropConnection(ada.peer, bob.peer)).start();
            }
        });
        TransferStatus t = ada.files.offerTo(bob.peer.info.id(), source);
        bob.files.accept(bob.awaitOffer().id(), bob.downloads.resolve("big.bin"));
        await().atMost(Duration.ofSeconds(60)).until(() -> bob.state(t.id()) == TransferState.FAILED
                && ada.state(t.id()) == TransferState.FAILED);
        assertEquals("Ada left before the transfer finished.", bob.latest.get(t.id()).reason());
        assertEquals(List.of(), bob.downloadFolder());
    }

    /**
     * Leaving a room stops the room's services right away and closes the connections on the mesh's
     * thread: when the services stop first, the sender hears it from the receiver's own message
     * and must still be told that the receiver left, not that they cancelled.
     */
    @Test
    void aReceiverWhoLeavesBeforeTheConnectionClosesIsSaidToHaveLeft() throws Exception {
        Side ada = new Side("Ada", FileLimits.DEFAULT);
        Side bob = new Side("Bob", FileLimits.DEFAULT);
        room.connectAll();
        awaitConnected(ada, bob);
        Path source = randomFile("big.bin", 20 * MB);
        AtomicBoolean left = new AtomicBoolean();
        bob.files.addListener(s -> {
            if (s.bytesDone() >= 2 * MB && left.compareAndSet(false, true)) {
                new Thread(bob.files::close).start();
            }
        });
        TransferStatus t = ada.files.offerTo(bob.peer.info.id(), source);
        bob.files.accept(bob.awaitOffer().id(), bob.downloads.resolve("big.bin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.state(t.id()) != null && ada.state(t.id()).isFinal());
        assertEquals(TransferState.FAILED, ada.state(t.id()), ada.latest.get(t.id()).reason());
        assertEquals("Bob left before the transfer finished.", ada.latest.get(t.id()).reason());
        assertEquals(1, ada.files.connectedPeers().size(), "the connection itself is still open");
        await().atMost(Duration.ofSeconds(10)).until(() -> bob.state(t.id()).isFinal());
        assertEquals("You left the room.", bob.latest.get(t.id()).reason());
        assertEquals(List.of(), bob.downloadFolder());
    }

    @Test
    void sizeLimitIsCheckedByTheSenderAndEveryReceiver() throws Exception {
        Side ada = new Side("Ada", FileLimits.DEFAULT);
        Side bob = new Side("Bob", new FileLimits(MB));
        room.connectAll();
        awaitConnected(ada, bob);
        Path source = randomFile("two-mb.bin", 2 * MB);

        FileTooLargeException local = assertThrows(FileTooLargeException.class,
                () -> bob.files.offerTo(ada.peer.info.id(), source));
        assertEquals("\"two-mb.bin\" is 2.0 MB; files up to 1.0 MB can be shared.", local.getMessage());

        TransferStatus t = ada.files.offerTo(bob.peer.info.id(), source);
        await().atMost(Duration.ofSeconds(10)).until(() -> ada.state(t.id()) == TransferState.DECLINED
                && bob.state(t.id()) == TransferState.DECLINED);
        assertTrue(bob.latest.get(t.id()).reason().contains("too large"), bob.latest.get(t.id()).reason());
        assertEquals(List.of(), bob.downloadFolder());
    }
}
