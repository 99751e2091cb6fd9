package chat.free4.audio;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux devices straight from the sound server: lists from {@code pactl -f json list}, changes
 * from a {@code pactl subscribe} that runs as long as this object is open. The names are the
 * server's own (e.g. {@code alsa_output.usb-…}), which stay the same across restarts.
 */
final class PulseSoundDevices implements SoundDevices {
    private static final Logger LOG = LoggerFactory.getLogger(PulseSoundDevices.class);
    private static final Pattern DEVICE_EVENT = Pattern.compile("Event '(new|remove)' on (sink|source) #\\d+");
    private static final long FIRST_RETRY_MS = 250;
    private static final long MAX_RETRY_MS = 8_000;
    private static final long STEADY_NANOS = 30_000_000_000L;

    private final Pactl pactl;
    private final ChangeListeners listeners = new ChangeListeners();
    private final Thread watcher;
    private volatile Process subscription;
    private volatile boolean closed;

    PulseSoundDevices(Pactl pactl, Runnable onChange) {
        this.pactl = pactl;
        listeners.add(onChange);
        this.watcher = new Thread(this::watch, "sound-device-events");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public List<AudioDeviceInfo> inputs() {
        return list("sources", true);
    }

    @Override
    public List<AudioDeviceInfo> outputs() {
        return list("sinks", false);
    }

    private List<AudioDeviceInfo> list(String what, boolean skipMonitors) {
        try {
            return parse(pactl.run("-f", "json", "list", what), skipMonitors);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not list the sound server's {}: {}", what, e.getMessage());
            return List.of();
        }
    }

    /** Devices in a {@code pactl -f json list sinks|sources} answer. */
    static List<AudioDeviceInfo> parse(String json, boolean skipMonitors) {
        List<AudioDeviceInfo> devices = new ArrayList<>();
        JsonElement root = JsonParser.parseString(json);
        if (!root.isJsonArray()) {
            return devices;
        }
        for (JsonElement e : (JsonArray) root) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject d = e.getAsJsonObject();
            String name = text(d, "name");
            if (name.isEmpty() || skipMonitors && isMonitor(d, name)) {
                continue;
            }
            String description = text(d, "description");
            devices.add(new AudioDeviceInfo(description.isEmpty() ? name : description, name));
        }
        return devices;
    }

    private static boolean isMonitor(JsonObject source, String name) {
        JsonElement props = source.get("properties");
        boolean monitorClass = props != null && props.isJsonObject()
                && "monitor".equals(text(props.getAsJsonObject(), "device.class"));
        return monitorClass || name.endsWith(".monitor");
    }

    private static String text(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v != null && v.isJsonPrimitive() ? v.getAsString() : "";
    }

    /**
     * Follows the server's events for as long as this is open. When the server goes away (restart,
     * crash) the subscription is started again, waiting longer each time up to 8 s, and the lists
     * are announced as changed once it answers again, as it may have come back with other devices.
     */
    private void watch() {
        long waitMs = FIRST_RETRY_MS;
        boolean lost = false;
        while (!closed) {
            long started = System.nanoTime();
            try {
                Process p = pactl.start("subscribe");
                subscription = p;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (DEVICE_EVENT.matcher(line).find()) {
                            changed();
                        }
                    }
                }
            } catch (IOException e) {
                LOG.debug("The sound server's event stream ended", e);
            }
            if (closed) {
                return;
            }
            if (!lost) {
                LOG.warn("Lost the sound server's device events; trying again until it answers");
                lost = true;
            }
            if (System.nanoTime() - started > STEADY_NANOS) {
                waitMs = FIRST_RETRY_MS;
            }
            pause(waitMs);
            waitMs = Math.min(MAX_RETRY_MS, waitMs * 2);
            if (pactl.serverAnswers()) {
                LOG.info("The sound server answers again");
                lost = false;
                changed(); // it may have come back with other devices
            }
        }
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms); // back-off between attempts to reach the server, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void changed() {
        listeners.fire();
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        closed = true;
        Process p = subscription;
        if (p != null) {
            p.destroy();
        }
    }
}
