package chat.free4.robot;

import static org.awaitility.Awaitility.await;

import chat.free4.Main;
import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.testlan.ChildPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A robot ({@code free4chat robot}, its own process) hosts word practice in a room of four: the
 * robot and three scripted players (real peers in this JVM, on a relay on loopback) who type every
 * word right, after the robot has been quiet for 0.7 s, as a person would. Prints:
 * <ul>
 *   <li>answer to spoken reply: from a player sending the round's first answer to the first
 *   frame of the robot's reply that this player hears (espeak-ng, the robot's pump, Opus, the
 *   network and the jitter buffer all count), p50 and max over the rounds;</li>
 *   <li>the robot process's CPU (all threads, user + system) over the game, in % of one core.</li>
 * </ul>
 * Run: {@code app/src/test/netns/bin/java -cp ... chat.free4.robot.RobotBenchmark [rounds]}.
 */
public final class RobotBenchmark {
    private RobotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        System.out.println("load average at start: " + load());
        Path bank = Files.createTempFile("robot-bench-", ".txt");
        List<String> words = List.of("apple", "bicycle", "library", "weather", "restaurant", "beautiful");
        Files.writeString(bank, String.join("\n", words) + "\n");
        List<ScriptedPlayer> players = new ArrayList<>();
        try (TestRelay relay = TestRelay.start("127.0.0.1")) {
            for (String name : List.of("Ada", "Bob", "Cy")) {
                ScriptedPlayer p = new ScriptedPlayer(name, line -> {
                    Matcher m = java.util.regex.Pattern.compile("^Word (\\d+) of \\d+: listen").matcher(line);
                    return m.find() ? words.get((Integer.parseInt(m.group(1)) - 1) % words.size()) : null;
                });
                players.add(p.join(relay.uri(), "bench"));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> players.get(0).connectedTo(players.get(1))
                    && players.get(0).connectedTo(players.get(2)) && players.get(1).connectedTo(players.get(2)));
            try (ChildPeer robot = ChildPeer.startJava("robot", Main.class.getName(), List.of("robot",
                    "--relay", relay.uri().toString(), "--room", "bench", "--game", "words", "--bank", bank.toString(),
                    "--rounds", Integer.toString(rounds), "--answer-seconds", "20"))) {
                Matcher joined = robot.awaitLine("joined room \"bench\" as Robot \\((\\w+)\\)", Duration.ofSeconds(60));
                PeerId robotId = new PeerId(joined.group(1));
                long pid = robot.process().pid();
                long cpu0 = cpuTicks(pid);
                long wall0 = System.nanoTime();
                robot.awaitLine("game over: ", Duration.ofSeconds(30L * rounds + 60));
                long cpu1 = cpuTicks(pid);
                long wall1 = System.nanoTime();
                double cpuPercent = 100.0 * (cpu1 - cpu0) / 100.0 / ((wall1 - wall0) / 1e9);
                List<Double> latencies = replyLatencies(players, robotId);
                latencies.sort(Double::compare);
                System.out.printf(Locale.ROOT, "rounds %d, answers measured %d%n", rounds, latencies.size());
                System.out.printf(Locale.ROOT, "answer to spoken reply: p50 %.0f ms, max %.0f ms%n",
                        latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
                System.out.printf(Locale.ROOT, "robot process CPU over the game (%.0f s, 4-peer room): %.1f %% of one core%n",
                        (wall1 - wall0) / 1e9, cpuPercent);
                System.out.println("load average at end: " + load());
            }
        } finally {
            players.forEach(ScriptedPlayer::close);
            Files.deleteIfExists(bank);
        }
    }

    /** Per round: the earliest answer of any player, to the first loud robot frame that player heard after it. */
    private static List<Double> replyLatencies(List<ScriptedPlayer> players, PeerId robot) {
        int rounds = players.stream().mapToInt(p -> p.answeredAt.size()).min().orElse(0);
        List<Double> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            ScriptedPlayer first = null;
            long at = Long.MAX_VALUE;
            for (ScriptedPlayer p : players) {
                if (p.answeredAt.get(r) < at) {
                    at = p.answeredAt.get(r);
                    first = p;
                }
            }
            long sent = at;
            first.heard.stream().filter(f -> f.from().equals(robot) && f.atNanos() > sent && f.rms() > ScriptedPlayer.VOICE)
                    .findFirst().ifPresent(f -> out.add((f.atNanos() - sent) / 1e6));
        }
        return out;
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
