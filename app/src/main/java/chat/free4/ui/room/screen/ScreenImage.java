package chat.free4.ui.room.screen;

import chat.free4.screen.ScreenPicture;
import java.nio.ByteBuffer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One peer's shared screen as a JavaFX image. The screen layer has already converted each frame
 * to BGRA off the FX thread; {@link #offer} copies it into a back array on that thread, and the FX
 * thread copies the newest one into a {@link PixelBuffer} the image wraps. Nothing is allocated
 * per frame on the FX thread (only when the size changes), and a frame the FX thread has not
 * shown yet is simply overwritten by the next.
 */
final class ScreenImage {
    private final ObjectProperty<WritableImage> image = new SimpleObjectProperty<>();
    private final Object lock = new Object();
    private byte[] back = new byte[0];
    private int backWidth;
    private int backHeight;
    private boolean pending;
    private boolean fresh;
    private PixelBuffer<ByteBuffer> pixels;

    /** The image shown, replaced only when the picture's size changes (FX thread). */
    ObjectProperty<WritableImage> imageProperty() {
        return image;
    }

    /** A new frame, on the screen layer's thread. */
    void offer(ScreenPicture picture) {
        boolean schedule;
        synchronized (lock) {
            int bytes = picture.width() * picture.height() * 4;
            if (back.length != bytes) {
                back = new byte[bytes];
            }
            System.arraycopy(picture.bgra(), 0, back, 0, bytes);
            backWidth = picture.width();
            backHeight = picture.height();
            fresh = true;
            schedule = !pending;
            pending = true;
        }
        if (schedule) {
            Platform.runLater(this::show);
        }
    }

    private void show() {
        synchronized (lock) {
            pending = false;
            if (!fresh) {
                return;
            }
            fresh = false;
            if (pixels == null || pixels.getWidth() != backWidth || pixels.getHeight() != backHeight) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(back.length);
                pixels = new PixelBuffer<>(backWidth, backHeight, buffer, PixelFormat.getByteBgraPreInstance());
                buffer.put(back).flip();
                image.set(new WritableImage(pixels));
                return;
            }
            pixels.updateBuffer(b -> {
                ByteBuffer buffer = b.getBuffer();
                buffer.clear();
                buffer.put(back).flip();
                return null; // all of it changed
            });
        }
    }
}
