package chat.free4.ui.widgets;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.control.ProgressBar;

/**
 * A thin bar showing an audio level. Levels are RMS in 0..1; speech sits around 0.01–0.3, so
 * the bar uses a dB scale (-60 dB empty, 0 dB full) to make quiet speech visible.
 */
public final class LevelMeter extends ProgressBar {
    private static final double FLOOR_DB = -60;

    public LevelMeter(ObservableDoubleValue level) {
        getStyleClass().add("level-meter");
        setProgress(0);
        setFocusTraversable(false);
        level.addListener((obs, old, now) -> setProgress(toBar(now.doubleValue())));
        setProgress(toBar(level.get()));
    }

    static double toBar(double rms) {
        if (rms <= 0) {
            return 0;
        }
        double db = 20 * Math.log10(rms);
        return Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB));
    }
}
