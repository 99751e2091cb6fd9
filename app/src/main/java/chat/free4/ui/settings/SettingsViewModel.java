package chat.free4.ui.settings;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings page's state. {@link #settingsProperty()} is the saved value; every change goes
 * through {@link #update} so it is persisted at once and observers (theme, engine) follow.
 */
public final class SettingsViewModel {
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>();
    private final ObservableList<String> inputDevices = FXCollections.observableArrayList();
    private final ObservableList<String> outputDevices = FXCollections.observableArrayList();
    private final ObservableList<String> lanInterfaces = FXCollections.observableArrayList();
    private final DoubleProperty micTestLevel = new SimpleDoubleProperty(0);
    private final StringProperty problem = new SimpleStringProperty("");
    private final Consumer<Settings> saver;
    private AudioTestActions audioTests = new AudioTestActions() {
        @Override
        public void startMicTest(String inputDevice) {
        }

        @Override
        public void stopMicTest() {
        }

        @Override
        public void playTestSound(String outputDevice) {
        }
    };

    /** Where the log and crash reports are; none in tests that do not ask for it. */
    private java.util.Optional<chat.free4.ui.diagnostics.LogsFolder> logsFolder = java.util.Optional.empty();

    public SettingsViewModel(Settings initial, Consumer<Settings> saver) {
        this.settings.set(initial);
        this.saver = saver;
        lanInterfaces.setAll(listInterfaces());
    }

    /** Saves and publishes a changed value; a save failure is shown in words, the value kept in memory. */
    public void update(Settings changed) {
        if (changed.equals(settings.get())) {
            return;
        }
        settings.set(changed);
        try {
            saver.accept(changed);
            problem.set("");
        } catch (RuntimeException e) {
            problem.set(e.getMessage());
        }
    }

    public void setAudioTests(AudioTestActions audioTests) {
        this.audioTests = audioTests;
    }

    public AudioTestActions audioTests() {
        return audioTests;
    }

    public Settings current() {
        return settings.get();
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public ObservableList<String> inputDevices() {
        return inputDevices;
    }

    public ObservableList<String> outputDevices() {
        return outputDevices;
    }

    public ObservableList<String> lanInterfaces() {
        return lanInterfaces;
    }

    public DoubleProperty micTestLevelProperty() {
        return micTestLevel;
    }

    /** Why the last save failed, in words; empty when it worked. */
    public StringProperty problemProperty() {
        return problem;
    }

    private static List<String> listInterfaces() {
        try {
            return NetworkInterface.networkInterfaces().filter(SettingsViewModel::usable)
                    .map(NetworkInterface::getName).sorted().toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static boolean usable(NetworkInterface nif) {
        try {
            return nif.isUp() && !nif.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** The app's log folder, for Settings' "Open logs folder" (set before Settings is first shown). */
    public void setLogsFolder(chat.free4.ui.diagnostics.LogsFolder folder) {
        this.logsFolder = java.util.Optional.of(folder);
    }

    public java.util.Optional<chat.free4.ui.diagnostics.LogsFolder> logsFolder() {
        return logsFolder;
    }
}
