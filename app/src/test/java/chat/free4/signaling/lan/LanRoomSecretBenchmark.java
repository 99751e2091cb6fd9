package chat.free4.signaling.lan;

import chat.free4.signaling.RoomPassword;

import java.util.Arrays;

/**
 * What recognising a LAN password room costs (decision 0020): one {@link LanRoomSecret#derive}, which
 * a member pays once per join and a sniffer pays per (room name, password) guess against an
 * announced blinded id. Arguments: {@code runs=N} (default 7).
 */
public final class LanRoomSecretBenchmark {
    public static void main(String[] args) {
        int runs = 7;
        for (String a : args) {
            if (a.startsWith("runs=")) {
                runs = Integer.parseInt(a.substring(5));
            }
        }
        RoomPassword password = RoomPassword.of("correct horse battery staple".toCharArray());
        LanRoomSecret.derive(password, "warm-up", 8 * 1024, 1);
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            LanRoomSecret.derive(password, "Kitchen Vault " + i);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("LanRoomSecret.derive (Argon2id 64 MiB, 3 passes, 1 lane, + 2 HMAC-SHA256): median %d ms, min %d ms, max %d ms over %d runs%n",
                millis[runs / 2], millis[0], millis[runs - 1], runs);
    }
}
