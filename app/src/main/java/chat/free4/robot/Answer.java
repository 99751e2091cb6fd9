package chat.free4.robot;

import java.time.Instant;

/** One answer a player gave in the current round (a chat line), and when it arrived. */
public record Answer(Player player, String text, Instant at) {
}
