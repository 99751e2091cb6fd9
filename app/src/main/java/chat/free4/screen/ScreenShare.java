package chat.free4.screen;

import java.util.Optional;

/**
 * What a person can do with screens in a room (the session hands it out): share this screen,
 * or one of its windows, stop, and see the screens others share through a {@link ScreenListener}.
 */
public interface ScreenShare {

    /** Why sharing is impossible here, in words; empty when it can be tried. */
    Optional<String> unavailableReason();

    /** @throws ScreenUnavailableException with a sentence when the screen cannot be read here */
    void start();

    /**
     * Shares one window instead of the whole screen (see {@link #windows()}); nothing happens when
     * already sharing. When the window closes the share ends and listeners hear why
     * ({@link ScreenListener#onSharingStopped}).
     *
     * @throws ScreenUnavailableException with a sentence when the window cannot be read
     */
    void start(SharedWindow window);

    /**
     * The windows of this display that can be shared one by one (X11, through xwininfo).
     *
     * @throws ScreenUnavailableException with a sentence when they cannot be listed
     */
    java.util.List<SharedWindow> windows();

    void stop();

    boolean sharing();

    SharingState state();

    void addListener(ScreenListener listener);

    void removeListener(ScreenListener listener);
}
