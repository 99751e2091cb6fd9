package chat.free4.files;

/** How big a shared file may be, checked by the sender before offering and by each receiver. */
public record FileLimits(long maxBytes) {
    /** 4 GiB: big enough for a video, small enough that nobody fills a disk by accident. */
    public static final FileLimits DEFAULT = new FileLimits(4L * 1024 * 1024 * 1024);

    public FileLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    /** @throws FileTooLargeException if {@code size} is over the limit */
    public void check(String fileName, long size) {
        if (size > maxBytes) {
            throw new FileTooLargeException(String.format("\"%s\" is %s; files up to %s can be shared.",
                    fileName, human(size), human(maxBytes)));
        }
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }
}
