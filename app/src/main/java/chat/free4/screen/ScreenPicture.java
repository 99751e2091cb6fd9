package chat.free4.screen;

/**
 * One decoded frame of a shared screen: {@code width} x {@code height} pixels, four bytes each in
 * B, G, R, A order (a little-endian ARGB int, JavaFX's BGRA). The array is the receiver's own and
 * is reused for the next frame: it is valid only during the listener call; copy what you keep.
 */
public record ScreenPicture(int width, int height, byte[] bgra) {

    /** The pixel at (x, y) as 0xAARRGGBB. */
    public int argb(int x, int y) {
        int i = (y * width + x) * 4;
        return (bgra[i + 3] & 0xff) << 24 | (bgra[i + 2] & 0xff) << 16 | (bgra[i + 1] & 0xff) << 8 | (bgra[i] & 0xff);
    }
}
