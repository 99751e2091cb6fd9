package chat.free4.screen;

import java.util.Optional;

/**
 * What a person can do with screens in a room (the session hands it out): share this screen,
 * stop, and see the screens others share through a {@link ScreenListener}.
 */
public interface ScreenShare {

    /** Why sharing is impossible here, in words; empty when it can be tried. */
    Optional<String> unavailableReason();

    /** @throws ScreenUnavailableException with a sentence when the screen cannot be read here */
    void start();

    void stop();

    boolean sharing();

    SharingState state();

    void addListener(ScreenListener listener);

    void removeListener(ScreenListener listener);
}
