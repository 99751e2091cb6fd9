package chat.free4.files;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.PcmSource;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import chat.free4.session.SessionFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How file transfers go when they do not simply arrive, between peers the app's way (a
 * {@code RoomSession} each, decision 0017) meeting through a real relay on 127.0.0.1: an offer
 * declined, an offer withdrawn before it was answered, a receiver leaving mid-transfer, and
 * several transfers at once. What counts is what each side is told and what is left on disk.
 */
class FileTransferEndingsTest {
    private static final int MB = 1024 * 1024;
    private static final String ROOM = "files-room";

    @TempDir
    Path tmp;

    private TestRelay relay;
    private final List<HeadlessPeer> peers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRelay() {
        relay = TestRelay.start("127.0.0.1");
    }

    @AfterEach
    void closeAll() {
        peers.forEach(HeadlessPeer::close);
        relay.close();
    }

    /** One person in the room: their session's files, every status they were told, their download folder. */
    private final class Side {
        final HeadlessPeer peer;
        final SessionFiles files;
        final Map<UUID, TransferStatus> latest = new ConcurrentHashMap<>();
        final Map<UUID, List<TransferState>> states = new ConcurrentHashMap<>();
        final Path downloads;

        Side(String name) throws IOException {
            peer = new HeadlessPeer(name, PcmSource.silence()).join(relay.uri(), ROOM);
            peers.add(peer);
            files = peer.session.room().orElseThrow().files();
            files.addListener(s -> {
                latest.put(s.id(), s);
                states.computeIfAbsent(s.id(), id -> new CopyOnWriteArrayList<>()).add(s.state());
            });
            downloads = Files.createDirectories(tmp.resolve(name + "-downloads"));
        }

        TransferState state(UUID id) {
            TransferStatus s = latest.get(id);
            return s == null ? null : s.state();
        }

        TransferStatus awaitOffer(UUID id) {
            await().atMost(Duration.ofSeconds(10)).until(() -> state(id) == TransferState.OFFERED);
            return latest.get(id);
        }

        /** Everything in the download folder, hidden partial files included. */
        List<Path> downloadFolder() throws IOException {
            try (var listing = Files.list(downloads)) {
                return listing.sorted().toList();
            }
        }
    }

    private static void awaitConnected(Side... sides) {
        for (Side s : sides) {
            await().atMost(Duration.ofSeconds(30)).until(() -> s.files.connectedPeers().size() == sides.length - 1);
        }
    }

    private Path randomFile(String name, int size) throws IOException {
        Path file = tmp.resolve(name);
        Random random = new Random(name.hashCode());
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, Math.min(block.length, size - written));
            }
        }
        return file;
    }

    @Test
    void aDeclinedOfferTellsTheSenderAndSendsNothing() throws Exception {
        Side ada = new Side("Ada");
        Side bob = new Side("Bob");
        awaitConnected(ada, bob);
        Path source = randomFile("holiday.bin", 8 * MB);

        TransferStatus offered = ada.files.offerTo(bob.peer.id, source);
        bob.awaitOffer(offered.id());
        bob.files.decline(offered.id());

        await().atMost(Duration.ofSeconds(10)).until(() -> ada.state(offered.id()) == TransferState.DECLINED);
        TransferStatus told = ada.latest.get(offered.id());
        assertEquals("Bob declined the file.", told.reason());
        assertEquals(0, told.bytesDone());
        assertEquals(List.of(TransferState.OFFERED, TransferState.DECLINED), ada.states.get(offered.id()),
                "the sender never started sending");
        assertEquals(TransferState.DECLINED, bob.state(offered.id()));
        assertEquals("You declined.", bob.latest.get(offered.id()).reason());

        // Changing one's mind afterwards writes nothing either.
        assertThrows(IllegalStateException.class,
                () -> bob.files.accept(offered.id(), bob.downloads.resolve("holiday.bin")));
        // The channel is ordered: once a later file has arrived whole, nothing of the declined one is on its way.
        Path later = randomFile("later.bin", MB + 3);
        TransferStatus second = ada.files.offerTo(bob.peer.id, later);
        bob.awaitOffer(second.id());
        bob.files.accept(second.id(), bob.downloads.resolve("later.bin"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ada.state(second.id()) == TransferState.COMPLETED);
        assertEquals(List.of(bob.downloads.resolve("later.bin")), bob.downloadFolder());
        assertEquals(0, ada.latest.get(offered.id()).bytesDone());
        assertEquals(0, bob.latest.get(offered.id()).bytesDone());
        assertEquals(TransferState.DECLINED, ada.state(offered.id()));
    }

    @Test
    void anOfferCancelledBeforeItIsAnsweredCannotBeAccepted() throws Exception {
        Side ada = new Side("Ada");
        Side bob = new Side("Bob");
        awaitConnected(ada, bob);
        Path source = randomFile("draft.bin", 8 * MB);

        TransferStatus offered = ada.files.offerTo(bob.peer.id, source);
        bob.awaitOffer(offered.id());
        ada.files.cancel(offered.id());

        await().atMost(Duration.ofSeconds(10)).until(() -> bob.state(offered.id()) == TransferState.CANCELLED);
        assertEquals("Ada cancelled the transfer.", bob.latest.get(offered.id()).reason());
        assertEquals(TransferState.CANCELLED, ada.state(offered.id()));
        assertEquals("You cancelled the transfer.", ada.latest.get(offered.id()).reason());

        IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> bob.files.accept(offered.id(), bob.downloads.resolve("draft.bin")));
        assertEquals("This file offer is no longer open.", late.getMessage());
        assertEquals(TransferState.CANCELLED, bob.state(offered.id()));
        assertEquals(List.of(), bob.downloadFolder(), "no file and no partial file");
        assertEquals(List.of(TransferState.OFFERED, TransferState.CANCELLED), ada.states.get(offered.id()),
                "the sender never started sending");
        assertEquals(0, ada.latest.get(offered.id()).bytesDone());
    }

    /** {@code quits}: the receiver closes the app instead of leaving the room. */
    @ParameterizedTest(name = "receiver quits the app: {0}")
    @ValueSource(booleans = {false, true})
    void aReceiverLeavingMidTransferEndsItOnBothSidesAndLeavesNoFile(boolean quits) throws Exception {
        Side ada = new Side("Ada");
        Side bob = new Side("Bob");
        awaitConnected(ada, bob);
        int size = 40 * MB;
        Path source = randomFile("film.bin", size);

        AtomicLong leftAt = new AtomicLong(-1);
        Thread leaving = new Thread(() -> {
            if (quits) {
                peers.remove(bob.peer);
                bob.peer.close();
            } else {
                bob.peer.session.leave();
            }
        }, "bob-leaves");
        bob.files.addListener(s -> {
            if (s.direction() == TransferDirection.INCOMING && s.state() == TransferState.TRANSFERRING
                    && s.bytesDone() > 0 && s.bytesDone() < s.size() && leftAt.compareAndSet(-1, s.bytesDone())) {
                // Not on the channel's thread: leaving closes the channels this listener is called from.
                leaving.start();
            }
        });
        TransferStatus offered = ada.files.offerTo(bob.peer.id, source);
        bob.awaitOffer(offered.id());
        bob.files.accept(offered.id(), bob.downloads.resolve("film.bin"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ada.state(offered.id()) != null
                && ada.state(offered.id()).isFinal());
        long at = leftAt.get();
        assertTrue(at > 0 && at < size, "Bob left with " + at + " of " + size + " bytes");
        TransferStatus told = ada.latest.get(offered.id());
        assertEquals(TransferState.FAILED, told.state(), told.reason());
        assertEquals("Bob left before the transfer finished.", told.reason());
        assertTrue(told.bytesDone() < size, "the sender did not finish: " + told.bytesDone());

        leaving.join(Duration.ofSeconds(20).toMillis());
        assertFalse(leaving.isAlive(), "Bob's leaving ended");
        assertTrue(bob.state(offered.id()).isFinal(), bob.state(offered.id()) + " at Bob's");
        assertEquals(List.of(), bob.downloadFolder(), "no file and no partial file");
    }

    @Test
    void transfersAtOnceFromOneAndFromTwoSendersArriveIntact() throws Exception {
        Side ada = new Side("Ada");
        Side bob = new Side("Bob");
        Side cy = new Side("Cy");
        awaitConnected(ada, bob, cy);
        Path first = randomFile("first.bin", 12 * MB);
        Path second = randomFile("second.bin", 9 * MB + 12345);
        Path third = randomFile("third.bin", 7 * MB + 1);

        // Both of Ada's transfers in flight at one moment, chunks sharing one channel.
        Set<UUID> midway = ConcurrentHashMap.newKeySet();
        AtomicBoolean overlapped = new AtomicBoolean();
        bob.files.addListener(s -> {
            if (s.direction() != TransferDirection.INCOMING || !s.peer().id().equals(ada.peer.id)) {
                return;
            }
            if (s.state() == TransferState.TRANSFERRING && s.bytesDone() > 0 && s.bytesDone() < s.size()) {
                midway.add(s.id());
                if (midway.size() == 2) {
                    overlapped.set(true);
                }
            } else {
                midway.remove(s.id());
            }
        });
        TransferStatus a1 = ada.files.offerTo(bob.peer.id, first);
        TransferStatus a2 = ada.files.offerTo(bob.peer.id, second);
        TransferStatus c1 = cy.files.offerTo(bob.peer.id, third);
        Map<TransferStatus, Path> sources = Map.of(a1, first, a2, second, c1, third);
        for (TransferStatus t : sources.keySet()) {
            bob.awaitOffer(t.id());
        }
        for (Map.Entry<TransferStatus, Path> t : sources.entrySet()) {
            bob.files.accept(t.getKey().id(), bob.downloads.resolve("got-" + t.getValue().getFileName()));
        }

        for (TransferStatus t : sources.keySet()) {
            Side sender = t == c1 ? cy : ada;
            await().atMost(Duration.ofSeconds(90)).until(() -> sender.state(t.id()) != null
                    && sender.state(t.id()).isFinal());
            assertEquals(TransferState.COMPLETED, sender.state(t.id()), sender.latest.get(t.id()).reason());
            assertEquals(TransferState.COMPLETED, bob.state(t.id()), bob.latest.get(t.id()).reason());
        }
        for (Map.Entry<TransferStatus, Path> t : sources.entrySet()) {
            Path saved = bob.downloads.resolve("got-" + t.getValue().getFileName());
            assertEquals(Sha256.of(t.getValue()), Sha256.of(saved), saved + " is byte-identical");
        }
        assertEquals(List.of(bob.downloads.resolve("got-first.bin"), bob.downloads.resolve("got-second.bin"),
                bob.downloads.resolve("got-third.bin")), bob.downloadFolder());
        assertTrue(overlapped.get(), "Ada's two files were on their way at the same time");
    }
}
