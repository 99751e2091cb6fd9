package chat.free4.testscreen;

import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Test program: covers its display ({@code DISPLAY}) with {@link TestPattern} number {@code args[0]}
 * (or, given {@code TITLE X Y WIDTH HEIGHT} after it, only a window of that title and place), prints "SHOWING n" once the X server's own pixels show it (read back through Robot), and
 * switches to pattern m on a stdin line "m" (or moves the window on "move X Y").
 */
public final class PatternWindow {
    private PatternWindow() {
    }

    public static void main(String[] args) throws Exception {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        String title = args.length > 1 ? args[1] : "pattern";
        if (args.length > 5) {
            screen = new Rectangle(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
        }
        int[] current = {Integer.parseInt(args[0])};
        BufferedImage[] image = {TestPattern.draw(current[0], screen.width, screen.height)};
        Frame frame = new Frame(title) {
            @Override
            public void paint(Graphics g) {
                g.drawImage(image[0], 0, 0, null);
            }

            @Override
            public void update(Graphics g) {
                paint(g);
            }
        };
        frame.setUndecorated(true);
        frame.setBounds(screen);
        java.awt.EventQueue.invokeAndWait(() -> frame.setVisible(true));
        Robot robot = new Robot();
        showing(robot, screen, current[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split(" ");
            if (words[0].equals("move") && words.length == 3) {
                Rectangle to = new Rectangle(Integer.parseInt(words[1]), Integer.parseInt(words[2]), screen.width, screen.height);
                java.awt.EventQueue.invokeAndWait(() -> frame.setBounds(to));
                screen = to;
                showing(robot, screen, current[0]);
                continue;
            }
            int n = Integer.parseInt(line.trim());
            current[0] = n;
            image[0] = TestPattern.draw(n, screen.width, screen.height);
            java.awt.EventQueue.invokeAndWait(frame::repaint);
            showing(robot, screen, n);
        }
        System.exit(0);
    }

    private static void showing(Robot robot, Rectangle screen, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (TestPattern.mismatch(n, robot.createScreenCapture(screen), 0).isEmpty()) {
                System.out.println("SHOWING " + n);
                System.out.flush();
                return;
            }
            Thread.sleep(50); // polling the X server's pixels, not a synchronisation by time
        }
        System.out.println("NOT SHOWN " + n);
        System.out.flush();
    }
}
