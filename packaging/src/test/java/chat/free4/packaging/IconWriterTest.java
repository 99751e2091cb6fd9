package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IconWriterTest {
    @TempDir
    Path dir;

    @Test
    void icoDirectoryPointsAtDecodablePngImagesOfTheListedSizes() throws Exception {
        byte[] ico = Files.readAllBytes(new IconWriter().writeIco(dir.resolve("a.ico")));
        ByteBuffer buf = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, buf.getShort(0));
        assertEquals(1, buf.getShort(2));
        int count = buf.getShort(4);
        assertEquals(5, count);
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(buf.get(entry)) == 0 ? 256 : Byte.toUnsignedInt(buf.get(entry));
            int length = buf.getInt(entry + 8);
            int offset = buf.getInt(entry + 12);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(ico, offset, offset + length)));
            assertEquals(width, image.getWidth());
        }
    }

    @Test
    void icnsLengthsAddUpAndEveryElementIsAPng() throws Exception {
        byte[] icns = Files.readAllBytes(new IconWriter().writeIcns(dir.resolve("a.icns")));
        ByteBuffer buf = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        assertEquals("icns", new String(icns, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(icns.length, buf.getInt(4));
        int pos = 8;
        int elements = 0;
        while (pos < icns.length) {
            int length = buf.getInt(pos + 4);
            byte[] pngMagic = Arrays.copyOfRange(icns, pos + 8, pos + 12);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, pngMagic);
            pos += length;
            elements++;
        }
        assertEquals(icns.length, pos);
        assertEquals(5, elements);
    }

    @Test
    void iconIsOpaqueInTheMiddleAndTransparentInTheCorner() {
        BufferedImage image = IconWriter.draw(64);
        assertEquals(0, image.getRGB(0, 0) >>> 24);
        assertNotEquals(0, image.getRGB(32, 32) >>> 24);
    }
}
