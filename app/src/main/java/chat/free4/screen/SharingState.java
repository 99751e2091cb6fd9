package chat.free4.screen;

/**
 * Whether this side shares its screen and how the room's size caps it. {@code note} says in words
 * when the picture is reduced ("" when it is not).
 */
public record SharingState(boolean sharing, int viewers, ScreenCaps caps, String note) {

    public static SharingState notSharing(int viewers) {
        return new SharingState(false, viewers, ScreenCaps.forViewers(viewers), "");
    }
}
