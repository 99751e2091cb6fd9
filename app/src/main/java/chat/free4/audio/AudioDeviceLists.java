package chat.free4.audio;

import java.util.List;

/** The microphones and speakers a person can choose, and notice when one comes or goes. */
public interface AudioDeviceLists {

    List<AudioDeviceInfo> inputs();

    List<AudioDeviceInfo> outputs();

    /** Called (on a background thread) when a device is plugged in or removed. */
    void addChangeListener(Runnable listener);
}
