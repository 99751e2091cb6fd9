package chat.free4.ui;

import chat.free4.invite.InvalidInviteLinkException;
import chat.free4.invite.InviteLink;
import chat.free4.invite.InviteLinks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-instance channel: the running desktop app listens on a Unix-domain socket in its
 * config folder ({@code instance/socket}, in a folder only its user may enter), and a second
 * launch with an invite link hands the link over there instead of starting a second app.
 *
 * <p>One exchange per connection: the launcher sends the link and a newline (at most
 * {@link InviteLinks#MAX_LINK_LENGTH} bytes), the app answers one line in words and closes. Only
 * connections from the same user are taken where the system says who connects (Linux, macOS);
 * whatever arrives is read exactly like a link from anywhere else ({@link InviteLinks#parse}), so
 * hostile input gets the same sentence and joins nothing.
 */
public final class RunningApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningApp.class);
    private static final String FOLDER = "instance";
    private static final String SOCKET = "socket";
    /** A peer that has not said its line by then is dropped. */
    private static final long READ_MILLIS = 3000;
    /** How long the running app may take to decide what to say back. */
    private static final long ANSWER_MILLIS = 5000;

    private final ServerSocketChannel server;
    private final Path socket;
    private final Function<InviteLink, CompletableFuture<String>> onInvite;
    private final Consumer<String> onRefused;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "running-app-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Thread acceptor;
    private volatile boolean closed;

    private RunningApp(ServerSocketChannel server, Path socket, Function<InviteLink, CompletableFuture<String>> onInvite,
                       Consumer<String> onRefused) {
        this.server = server;
        this.socket = socket;
        this.onInvite = onInvite;
        this.onRefused = onRefused;
        this.acceptor = new Thread(this::acceptLoop, "running-app");
        acceptor.setDaemon(true);
    }

    /** Where the channel of the app using {@code configDir} lives. */
    static Path socketPath(Path configDir) {
        return configDir.resolve(FOLDER).resolve(SOCKET);
    }

    /**
     * Hands {@code link} to the app running on {@code configDir}, if one runs; its answer in words,
     * or empty when no app listens (then this launch should start the app itself).
     */
    public static Optional<String> handOver(Path configDir, String link) {
        Path path = socketPath(configDir);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            channel.write(ByteBuffer.wrap((link + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            String answer = readLine(channel, 4096);
            return Optional.of(answer.isBlank() ? "The running free4chat took the invite." : answer);
        } catch (IOException | RuntimeException e) {
            LOG.debug("No running app on {}: {}", path, e.toString());
            return Optional.empty(); // stale socket of an app that is gone
        }
    }

    /**
     * Starts listening for the app on {@code configDir}; {@code onInvite} gets each valid link
     * (on this channel's thread) and completes with the sentence sent back; {@code onRefused} gets
     * the sentence for a link that is not followed (to show it in the window too). Empty when the
     * channel cannot be opened (the app then runs without it, and says so in the log).
     */
    public static Optional<RunningApp> listen(Path configDir, Function<InviteLink, CompletableFuture<String>> onInvite,
                                              Consumer<String> onRefused) {
        Path path = socketPath(configDir);
        try {
            Path folder = path.getParent();
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            if (Files.exists(path) && handOver(configDir, "").isPresent()) {
                LOG.warn("Another free4chat runs on {}; invite links go to that one", configDir);
                return Optional.empty();
            }
            Files.deleteIfExists(path); // a crashed app's
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            RunningApp app = new RunningApp(server, path, onInvite, onRefused);
            app.acceptor.start();
            return Optional.of(app);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Invite links opened later will start a second app: the single-instance channel {} could not"
                    + " be opened ({})", path, e.toString());
            return Optional.empty();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try (SocketChannel peer = server.accept()) {
                ScheduledFuture<?> cutOff = watchdog.schedule(() -> closeQuietly(peer), READ_MILLIS, TimeUnit.MILLISECONDS);
                String answer;
                try {
                    answer = sameUser(peer) ? answer(readLine(peer, InviteLinks.MAX_LINK_LENGTH + 2))
                            : "Refused: another user's program tried to hand free4chat a link.";
                } finally {
                    cutOff.cancel(false);
                }
                peer.write(ByteBuffer.wrap((answer.replaceAll("[\\r\\n]", " ") + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.debug("A hand-over on the single-instance channel failed: {}", e.toString());
                }
            }
        }
    }

    private String answer(String line) {
        if (line.isEmpty()) {
            return "free4chat is running."; // another start checking whether one runs
        }
        InviteLink invite;
        try {
            invite = InviteLinks.parse(line);
        } catch (InvalidInviteLinkException e) {
            LOG.info("A link handed over by a second launch was not followed: {}", e.getMessage());
            onRefused.accept(e.getMessage());
            return e.getMessage();
        }
        try {
            return onInvite.apply(invite).get(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "The running free4chat got the invite to \"" + invite.room() + "\".";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The running free4chat is closing.";
        } catch (java.util.concurrent.ExecutionException e) {
            return "The running free4chat could not open the invite.";
        }
    }

    /** Where the system says who is on the other end, it must be the user who owns the socket. */
    private boolean sameUser(SocketChannel peer) throws IOException {
        if (!peer.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
            return true; // the folder's permissions (or the per-user profile on Windows) keep others out
        }
        UnixDomainPrincipal who = peer.getOption(ExtendedSocketOptions.SO_PEERCRED);
        UserPrincipal owner = Files.getOwner(socket);
        return who.user().getName().equals(owner.getName());
    }

    /** Up to {@code max} bytes up to the first newline (or the end), as UTF-8; longer is cut, which the parser refuses. */
    private static String readLine(SocketChannel channel, int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        while (line.size() <= max) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // it is being dropped anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        watchdog.shutdownNow();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("Could not remove {}", socket, e);
        }
    }
}
