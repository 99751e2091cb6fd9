package chat.free4.audio;

/** A sound card input or output as the person sees it. */
public record AudioDeviceInfo(String name, String descriptor) {
    @Override
    public String toString() {
        return name;
    }
}
