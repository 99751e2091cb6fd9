package chat.free4.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts this process's sound streams on a chosen PulseAudio (or PipeWire-Pulse) device.
 * webrtc-java 0.14.0 picks Linux devices by a GUID that libwebrtc's Pulse and ALSA modules leave
 * empty, so every stream opens on the system default; the sound server itself can move a running
 * stream, which is what {@code pactl move-sink-input} / {@code move-source-output} ask it to do.
 * See docs/decisions/0011.
 */
final class PulseStreamRouter {
    enum Direction {
        PLAYBACK("sink-inputs", "Sink Input", "move-sink-input", "sinks", "Sink"),
        RECORDING("source-outputs", "Source Output", "move-source-output", "sources", "Source");

        final String listing;
        final String heading;
        final String move;
        final String devices;
        final String deviceField;

        Direction(String listing, String heading, String move, String devices, String deviceField) {
            this.listing = listing;
            this.heading = heading;
            this.move = move;
            this.devices = devices;
            this.deviceField = deviceField;
        }
    }

    private static final Pattern PROCESS_ID = Pattern.compile("application\\.process\\.id = \"(\\d+)\"");

    private static final long APPEAR_NANOS = 2_000_000_000L;
    private final Pactl pactl;

    PulseStreamRouter(Pactl pactl) {
        this.pactl = pactl;
    }

    /**
     * Puts every stream of this process in {@code direction} on the device named
     * {@code deviceName} (the sound server's name, e.g. {@code alsa_output.usb-…}), and checks
     * that they are there: a just-opened stream may not be listed yet (PipeWire's Pulse server
     * announces it a little later, and may give it the number of the stream just closed), so the
     * list is read again for up to two seconds until every own stream is on the device. The app
     * plays on one speaker and records from one microphone, so all of its streams belong there.
     * Returns how many streams are on the device, 0 when they did not all get there in time;
     * throws {@link IOException} with a sentence when the server refused a move and they did not.
     */
    int putOwnStreamsOn(Direction direction, String deviceName) throws IOException {
        String target = deviceIndex(direction, deviceName);
        long deadline = System.nanoTime() + APPEAR_NANOS;
        IOException refused = null;
        while (System.nanoTime() < deadline) {
            Map<String, String> own = ownStreams(direction, pactl.run("list", direction.listing));
            List<String> elsewhere = own.entrySet().stream().filter(e -> !e.getValue().equals(target))
                    .map(Map.Entry::getKey).toList();
            if (!own.isEmpty() && elsewhere.isEmpty()) {
                return own.size();
            }
            for (String id : elsewhere) {
                try {
                    pactl.run(direction.move, id, deviceName);
                } catch (IOException e) {
                    refused = e; // maybe a stream that was closing: the next look shows whether it is gone
                }
            }
            try {
                Thread.sleep(50); // polling the server's list, with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (refused != null) {
            throw refused;
        }
        return 0;
    }

    /** The server's index of a sink or source, from {@code pactl list short sinks|sources}. */
    private String deviceIndex(Direction direction, String deviceName) throws IOException {
        for (String line : pactl.run("list", "short", direction.devices).split("\n")) {
            String[] f = line.split("\t");
            if (f.length > 1 && f[1].equals(deviceName)) {
                return f[0].strip();
            }
        }
        throw new IOException("the sound server has no device called " + deviceName);
    }

    /** This process's streams in a {@code pactl list} output, each with the index of its device. */
    static Map<String, String> ownStreams(Direction direction, String listing) {
        String self = Long.toString(ProcessHandle.current().pid());
        Map<String, String> own = new LinkedHashMap<>();
        String current = null;
        String device = "";
        for (String line : listing.split("\n")) {
            if (line.startsWith(direction.heading + " #")) {
                current = line.substring(direction.heading.length() + 2).strip();
                device = "";
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.startsWith(direction.deviceField + ": ")) {
                device = trimmed.substring(direction.deviceField.length() + 2).strip();
            }
            Matcher m = PROCESS_ID.matcher(line);
            if (current != null && m.find() && m.group(1).equals(self)) {
                own.put(current, device);
                current = null;
            }
        }
        return own;
    }
}
