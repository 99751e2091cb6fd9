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
    private static final int MAX_RESTARTS = 5;

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

    private void watch() {
        for (int restarts = 0; !closed && restarts <= MAX_RESTARTS; restarts++) {
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
            if (!closed) {
                LOG.warn("Lost the sound server's device events; starting again");
                changed(); // the server may have restarted with other devices
            }
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
