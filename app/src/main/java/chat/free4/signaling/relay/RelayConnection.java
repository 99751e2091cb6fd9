package chat.free4.signaling.relay;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to a relay that stays up while started: connects, reconnects after a loss with
 * capped exponential backoff and jitter, pings when asked to, and paces what it sends under the
 * relay's rate limit. Everything, the handler's calls included, runs on the connection's one
 * thread; call its methods there too (the owner's own timers go through {@link #schedule}).
 */
public final class RelayConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayConnection.class);

    /** What the owner hears, on the connection's thread. */
    interface Handler {
        /** An attempt starts; {@code afterFailure} when the attempts before it failed (backoff). */
        default void onConnecting(boolean afterFailure) {
        }

        /** The WebSocket is open: say who you are. */
        void onOpen();

        /** A JSON object from the relay; if this throws, the message is logged and dropped. */
        void onMessage(JsonObject message);

        /**
         * The WebSocket is gone and the next attempt starts in {@code retryMillis};
         * {@code neverOpened} when it failed before opening. Not called after {@link #stop}.
         */
        void onLost(String sentence, boolean neverOpened, long retryMillis);
    }

    private final RelayConnectionConfig config;
    private final Handler handler;
    private final ScheduledExecutorService thread;
    private final WebSocketClient client;
    private Socket socket;
    private ScheduledFuture<?> reconnect;
    private ScheduledFuture<?> ping;
    private int failures;
    private boolean running;

    RelayConnection(RelayConnectionConfig config, String threadName, Handler handler) {
        this.config = config;
        this.handler = handler;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.client = new WebSocketClient();
        client.setConnectTimeout(config.connectTimeout().toMillis());
        client.setMaxTextMessageSize(RelayMessages.MAX_INCOMING_TEXT_BYTES);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the WebSocket client.", e);
        }
    }

    /** Runs {@code task} on the connection's thread; dropped once closed (Jetty calls back late). */
    void post(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Relay connection already closed; dropping a late event");
        }
    }

    /** Runs {@code task} on the connection's thread after {@code delayMillis}; null once closed. */
    ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return later(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    private ScheduledFuture<?> later(Runnable task, long delay, TimeUnit unit) {
        try {
            return thread.schedule(task, delay, unit);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Runs {@code task} every {@code everyMillis} on the connection's thread; null once closed. */
    ScheduledFuture<?> repeat(Runnable task, long everyMillis) {
        try {
            return thread.scheduleAtFixedRate(task, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    // ---- on the connection's thread ----

    /** Connects now with a fresh backoff, dropping any connection it had. */
    void start() {
        drop();
        running = true;
        failures = 0;
        connect();
    }

    /** Closes the connection and stops reconnecting until {@link #start}. */
    void stop() {
        running = false;
        drop();
    }

    /** The relay accepted us: the next loss starts the backoff from its first step again. */
    void succeeded() {
        failures = 0;
    }

    /** While waiting out the backoff, tries now instead (a person asked). */
    void retryNow() {
        if (running && reconnect != null) {
            cancel(reconnect);
            reconnect = null;
            connect();
        }
    }

    /** Closes this connection and opens a new one after {@code delayMillis}, outside the backoff. */
    void reconnectAfter(long delayMillis) {
        drop();
        reconnect = schedule(this::reconnectNow, delayMillis);
    }

    /** Pings the relay every {@code pingInterval} for as long as this WebSocket lives. */
    void keepAlive() {
        cancel(ping);
        ping = repeat(() -> send(RelayMessages.simple("ping")), config.pingInterval().toMillis());
    }

    boolean isOpen() {
        return socket != null && socket.opened;
    }

    /** Sends in order, paced; dropped when there is no connection. */
    void send(String text) {
        if (socket != null) {
            socket.send(text);
        }
    }

    private void reconnectNow() {
        reconnect = null;
        connect();
    }

    private void connect() {
        if (!running) {
            return;
        }
        handler.onConnecting(failures > 0);
        Socket attempt = new Socket();
        socket = attempt;
        try {
            client.connect(attempt, config.relay()).whenComplete((session, error) -> post(() -> {
                if (error != null && attempt == socket) {
                    LOG.debug("Connecting to the relay failed", error);
                    lost(RelayErrors.connectFailure(config.relay(), error), true);
                }
            }));
        } catch (Exception e) {
            LOG.debug("Connecting to the relay failed", e);
            lost(RelayErrors.connectFailure(config.relay(), e), true);
        }
    }

    private void lost(String sentence, boolean neverOpened) {
        drop();
        if (!running) {
            return;
        }
        long delay = nextBackoffMillis();
        failures++;
        handler.onLost(sentence, neverOpened, delay);
        reconnect = schedule(this::reconnectNow, delay);
    }

    /** Doubles from the first step to the cap; the jitter keeps clients that lost the same relay apart. */
    private long nextBackoffMillis() {
        long base = Math.min(config.maxBackoff().toMillis(), config.firstBackoff().toMillis() << Math.min(failures, 20));
        return Math.round(base * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
    }

    private void drop() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
        cancel(ping);
        ping = null;
        cancel(reconnect);
        reconnect = null;
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private void opened(Socket s) {
        if (s != socket || !running) {
            s.close();
            return;
        }
        handler.onOpen();
    }

    private void received(Socket s, String text) {
        if (s != socket || !running) {
            return;
        }
        JsonObject message;
        try {
            message = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            LOG.warn("The relay sent something that is not JSON; ignoring it");
            return;
        }
        try {
            handler.onMessage(message);
        } catch (RuntimeException e) {
            LOG.warn("The relay sent a message we could not read ({}); ignoring it", RelayMessages.text(message, "type"), e);
        }
    }

    private void closed(Socket s, String sentence) {
        if (s == socket) {
            lost(sentence, !s.opened);
        }
    }

    /** Stops for good: closes the connection, the thread and the WebSocket client. */
    @Override
    public void close() {
        post(this::stop);
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the WebSocket client failed", e);
        }
    }

    /** One WebSocket; Jetty's events are handed to the connection's thread. Public for Jetty's method lookup. */
    public final class Socket implements Session.Listener.AutoDemanding {
        private volatile Session session;
        private volatile boolean opened;
        private volatile boolean closing;
        private final SendPacer pacer = new SendPacer(System::nanoTime);
        private final ArrayDeque<String> waiting = new ArrayDeque<>();
        private ScheduledFuture<?> drainLater;

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            opened = true;
            if (closing) {
                s.close(1000, "bye", Callback.NOOP);
                return;
            }
            post(() -> opened(this));
        }

        @Override
        public void onWebSocketText(String text) {
            post(() -> received(this, text));
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            post(() -> closed(this, "The connection to the relay closed"
                    + (reason == null || reason.isBlank() ? "." : " (" + reason + ").")));
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            LOG.debug("WebSocket error", cause);
            post(() -> closed(this, opened ? "The connection to the relay broke."
                    : RelayErrors.connectFailure(config.relay(), cause)));
        }

        /** Sends in order, paced under the relay's rate limit; on the connection's thread. */
        void send(String text) {
            waiting.add(text);
            drain();
        }

        private void drain() {
            while (!waiting.isEmpty() && !closing) {
                long waitNanos = pacer.take();
                if (waitNanos > 0) {
                    if (drainLater == null) {
                        drainLater = later(() -> {
                            drainLater = null;
                            drain();
                        }, waitNanos, TimeUnit.NANOSECONDS);
                    }
                    return;
                }
                Session s = session;
                String text = waiting.poll();
                if (s != null && s.isOpen()) {
                    s.sendText(text, Callback.NOOP);
                }
            }
        }

        void close() {
            if (closing) {
                return;
            }
            closing = true;
            Session s = session;
            if (s != null) {
                s.close(1000, "bye", Callback.NOOP);
            }
        }
    }
}
