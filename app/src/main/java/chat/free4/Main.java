package chat.free4;

/** Entry point of the desktop app and the headless command-line peer. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("free4chat " + Main.class.getPackage().getImplementationVersion());
    }
}
