package chat.free4.ui;

import chat.free4.invite.InviteLink;
import chat.free4.invite.InviteLinks;
import chat.free4.names.NameRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The desktop app's command line: {@code --relay URL} (use this relay for this run, overriding the
 * setting), {@code --config-dir DIR} (keep settings there instead of the user's config folder) and
 * {@code --exit-after-start} (quit once the first frames are drawn, before any network starts: the
 * installer build runs this to record which classes start-up loads). {@code --room ROOM} opens the
 * app straight into that room (on the relay, or with {@code --lan} on this network), and
 * {@code --name NAME} answers the first-run question: what a desktop shortcut or an invite needs.
 * A first argument that is a {@code free4chat://} invite link (docs/PROTOCOL.md, "Invite links")
 * does what {@code --room} with {@code --relay} or {@code --lan} does, and keeps the link in
 * {@link #invite} (with its fragment secret, if any).
 */
public record AppOptions(Optional<String> relay, Optional<Path> configDir, boolean exitAfterStart,
                         Optional<String> name, Optional<String> room, boolean lan, Optional<InviteLink> invite) {
    private static final String EXIT_AFTER_START = "--exit-after-start";
    private static final String LAN = "--lan";

    public AppOptions(Optional<String> relay, Optional<Path> configDir) {
        this(relay, configDir, false);
    }

    public AppOptions(Optional<String> relay, Optional<Path> configDir, boolean exitAfterStart) {
        this(relay, configDir, exitAfterStart, Optional.empty(), Optional.empty(), false);
    }

    public AppOptions(Optional<String> relay, Optional<Path> configDir, boolean exitAfterStart,
                      Optional<String> name, Optional<String> room, boolean lan) {
        this(relay, configDir, exitAfterStart, name, room, lan, Optional.empty());
    }

    /** The app opened by an invite link, keeping its settings in {@code configDir} (tests: a folder of their own). */
    public static AppOptions invite(InviteLink invite, Optional<Path> configDir) {
        return new AppOptions(invite.relay().map(Object::toString), configDir, false, Optional.empty(),
                Optional.of(invite.room()), invite.onThisNetwork(), Optional.of(invite));
    }

    public static AppOptions none() {
        return new AppOptions(Optional.empty(), Optional.empty());
    }

    /** True when these arguments are for the desktop app rather than the command-line peer. */
    public static boolean isForDesktop(String[] args) {
        return args.length == 0 || InviteLinks.looksLikeLink(args[0]) || args[0].startsWith("--relay") || args[0].startsWith("--config-dir")
                || args[0].equals(EXIT_AFTER_START) || args[0].startsWith("--name") || args[0].startsWith("--room")
                || args[0].equals(LAN);
    }

    /**
     * Reads the desktop's arguments. A malformed or hostile invite link is an
     * {@link chat.free4.invite.InvalidInviteLinkException} (an IllegalArgumentException) whose
     * message is the sentence to show.
     */
    public static AppOptions parse(List<String> args) {
        if (!args.isEmpty() && InviteLinks.looksLikeLink(args.get(0))) {
            InviteLink invite = InviteLinks.parse(args.get(0));
            AppOptions rest = parse(args.subList(1, args.size()));
            if (rest.room().isPresent() || rest.relay().isPresent() || rest.lan()) {
                throw new IllegalArgumentException("An invite link already names the room and where it is;"
                        + " leave out --room, --relay and --lan.");
            }
            return new AppOptions(invite.relay().map(Object::toString), rest.configDir(), rest.exitAfterStart(),
                    rest.name(), Optional.of(invite.room()), invite.onThisNetwork(), Optional.of(invite));
        }
        Optional<String> relay = Optional.empty();
        Optional<Path> configDir = Optional.empty();
        boolean exitAfterStart = false;
        Optional<String> name = Optional.empty();
        Optional<String> room = Optional.empty();
        boolean lan = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(EXIT_AFTER_START)) {
                exitAfterStart = true;
                continue;
            }
            if (arg.equals(LAN)) {
                lan = true;
                continue;
            }
            String[] pair = arg.split("=", 2);
            String value = pair.length == 2 ? pair[1] : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(pair[0] + " needs a value, e.g. --relay ws://relay.example.org:8443/v1");
            }
            switch (pair[0]) {
                case "--relay" -> {
                    if (!value.matches("wss?://\\S+")) {
                        throw new IllegalArgumentException("The relay address must start with ws:// or wss://, e.g. "
                                + "ws://relay.example.org:8443/v1 (got " + value + ").");
                    }
                    relay = Optional.of(value);
                }
                case "--config-dir" -> configDir = Optional.of(Path.of(value));
                case "--name" -> name = Optional.of(NameRules.displayName(value)
                        .orElseThrow(() -> refused(NameRules.NAME_RULE, value)));
                case "--room" -> room = Optional.of(NameRules.room(value)
                        .orElseThrow(() -> refused(NameRules.ROOM_RULE, value)));
                default -> throw new IllegalArgumentException("Unknown option " + pair[0]
                        + ". The desktop app knows --relay URL, --room ROOM, --lan, --name NAME and --config-dir DIR.");
            }
        }
        if (lan && room.isEmpty()) {
            throw new IllegalArgumentException("--lan needs a room to join on this network, e.g. --lan --room kitchen");
        }
        return new AppOptions(relay, configDir, exitAfterStart, name, room, lan);
    }

    private static IllegalArgumentException refused(String rule, String value) {
        return new IllegalArgumentException(rule + " (Got \"" + value.strip() + "\".)");
    }
}
