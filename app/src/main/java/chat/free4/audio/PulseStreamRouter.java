package chat.free4.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        PLAYBACK("sink-inputs", "Sink Input", "move-sink-input"),
        RECORDING("source-outputs", "Source Output", "move-source-output");

        final String listing;
        final String heading;
        final String move;

        Direction(String listing, String heading, String move) {
            this.listing = listing;
            this.heading = heading;
            this.move = move;
        }
    }

    private static final Pattern PROCESS_ID = Pattern.compile("application\\.process\\.id = \"(\\d+)\"");

    private final Pactl pactl;

    PulseStreamRouter(Pactl pactl) {
        this.pactl = pactl;
    }

    /**
     * Moves every stream of this process in {@code direction} to the device named
     * {@code deviceName} (the sound server's name, e.g. {@code alsa_output.usb-…}); returns how
     * many were moved. Throws {@link IOException} with a sentence when the server refuses.
     */
    int moveOwnStreams(Direction direction, String deviceName) throws IOException {
        List<String> ids = ownStreams(direction, pactl.run("list", direction.listing));
        for (String id : ids) {
            pactl.run(direction.move, id, deviceName);
        }
        return ids.size();
    }

    /** Stream indexes in a {@code pactl list} output whose process is this one. */
    static List<String> ownStreams(Direction direction, String listing) {
        String self = Long.toString(ProcessHandle.current().pid());
        List<String> ids = new ArrayList<>();
        String current = null;
        for (String line : listing.split("\n")) {
            if (line.startsWith(direction.heading + " #")) {
                current = line.substring(direction.heading.length() + 2).strip();
                continue;
            }
            Matcher m = PROCESS_ID.matcher(line);
            if (current != null && m.find() && m.group(1).equals(self)) {
                ids.add(current);
                current = null;
            }
        }
        return ids;
    }
}
