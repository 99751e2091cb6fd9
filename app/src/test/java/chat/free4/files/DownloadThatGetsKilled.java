package chat.free4.files;

import java.nio.file.Path;

/**
 * A process that starts receiving a file and then waits to be killed, for
 * {@link PartialFileJournalTest}: prints the partial file's path once half the data is written.
 * Arguments: journal directory, target file.
 */
public final class DownloadThatGetsKilled {
    private DownloadThatGetsKilled() {
    }

    public static void main(String[] args) throws Exception {
        IncomingFile download = new IncomingFile(Path.of(args[1]), 2048, "0".repeat(64),
                PartialFileJournal.in(Path.of(args[0])));
        download.write(new byte[1024], 0, 1024);
        System.out.println("writing " + download.temp());
        System.out.flush();
        System.in.read(); // until killed
    }
}
